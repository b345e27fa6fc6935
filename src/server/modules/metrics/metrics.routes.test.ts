import { beforeAll, describe, expect, it } from 'vitest';
import type { Metric, MetricDetail, MetricImportResult, MetricList, MetricPointList, MetricPointsWritten } from '../../../shared/contracts.js';
import { newId } from '../../lib/ids.js';
import { testDatabase } from '../../test/database.js';
import { TestClient, addMember, testApp, workspaceFixture, type Fixture } from '../../test/helpers.js';
import { insertKeyResultRow, readKeyResultRow } from './metrics.fixtures.js';

const CSV = { 'content-type': 'text/csv' };

async function audit(f: Fixture) {
  return (await f.admin.get(`${f.w}/audit-log?limit=100`)).json<{ items: { action: string; summary: string; actorName: string }[] }>().items;
}

/** A key result following the metric, written straight to the database (the OKR routes are another module's). */
async function followingKeyResult(f: Fixture, metricId: string, title = 'Reach 60 % activation') {
  const { db } = await testDatabase();
  const productId = (await f.admin.post(`${f.w}/products`, { name: `P ${newId().slice(0, 6)}` })).json<{ id: string }>().id;
  const { id, objectiveId } = await insertKeyResultRow(db, { workspaceId: f.workspaceId, productId, metricId, title });
  const read = () => readKeyResultRow(db, id);
  return { id, objectiveId, read };
}

describe('metrics routes', () => {
  beforeAll(async () => void (await testApp()));

  it('creates, lists, edits and deletes metrics: PMs write, viewers read', async () => {
    const f = await workspaceFixture();
    const pm = await addMember(f, 'pm');
    const viewer = await addMember(f, 'viewer');
    const productId = (await f.admin.post(`${f.w}/products`, { name: 'Atlas' })).json<{ id: string }>().id;

    const made = await pm.post(`${f.w}/metrics`, { name: 'Activation rate', description: 'Teams active in week 1', unit: '%', productId });
    expect(made.statusCode).toBe(201);
    const metric = made.json<Metric>();
    expect(metric).toMatchObject({ name: 'Activation rate', unit: '%', product: { id: productId, name: 'Atlas' }, latestValue: null, latestAt: null, pointCount: 0, sparkline: [], version: 1 });
    await pm.post(`${f.w}/metrics`, { name: 'Weekly active users' });
    expect((await viewer.post(`${f.w}/metrics`, { name: 'Nope' })).statusCode).toBe(403);

    const twice = await pm.post(`${f.w}/metrics`, { name: 'ACTIVATION RATE' });
    expect(twice.statusCode).toBe(400);
    expect(twice.json<{ field: string }>().field).toBe('name');
    for (const [body, field] of [
      [{ name: '' }, 'name'],
      [{ name: 'A', unit: 'x'.repeat(31) }, 'unit'],
      [{ name: 'A', productId: newId() }, 'productId'],
      [{ name: 'A', extra: 1 }, ''],
    ] as const) {
      const res = await pm.post(`${f.w}/metrics`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      if (field) expect(res.json<{ field: string }>().field).toBe(field);
    }

    const list = await viewer.get(`${f.w}/metrics`);
    expect(list.statusCode).toBe(200);
    expect(list.json<MetricList>().items.map((m) => m.name)).toEqual(['Activation rate', 'Weekly active users']);
    expect((await viewer.get(`${f.w}/metrics?productId=${productId}`)).json<MetricList>().items.map((m) => m.name)).toEqual(['Activation rate']);
    expect((await viewer.get(`${f.w}/metrics?q=week`)).json<MetricList>().items.map((m) => m.name)).toEqual(['Activation rate', 'Weekly active users']);
    expect((await viewer.get(`${f.w}/metrics?q=weekly`)).json<MetricList>().items.map((m) => m.name)).toEqual(['Weekly active users']);

    const url = `${f.w}/metrics/${metric.id}`;
    expect((await viewer.patch(url, { unit: 'pct', version: 1 })).statusCode).toBe(403);
    const edited = await pm.patch(url, { unit: 'pct', productId: null, version: 1 });
    expect(edited.statusCode).toBe(200);
    expect(edited.json<Metric>()).toMatchObject({ unit: 'pct', product: null, version: 2 });
    const stale = await pm.patch(url, { unit: '%', version: 1 });
    expect(stale.statusCode).toBe(409);
    const clash = await pm.patch(url, { name: 'weekly active users', version: 2 });
    expect(clash.json<{ field: string }>().field).toBe('name');

    expect((await viewer.delete(url)).statusCode).toBe(403);
    expect((await pm.delete(url)).statusCode).toBe(204);
    expect((await viewer.get(url)).statusCode).toBe(404);
    const actions = (await audit(f)).map((e) => e.action).filter((a) => a.startsWith('metric.'));
    expect(actions).toEqual(['metric.delete', 'metric.update', 'metric.create', 'metric.create']);
  });

  it('writes points (one or many, upserting on the instant), recomputes the latest value and syncs key results', async () => {
    const f = await workspaceFixture();
    const pm = await addMember(f, 'pm');
    const viewer = await addMember(f, 'viewer');
    const metric = (await pm.post(`${f.w}/metrics`, { name: 'Activation', unit: '%' })).json<Metric>();
    const kr = await followingKeyResult(f, metric.id);
    const url = `${f.w}/metrics/${metric.id}/points`;

    expect((await viewer.post(url, { value: 1 })).statusCode).toBe(403);
    const one = await pm.post(url, { value: 41.5, at: '2026-10-01T00:00:00Z' });
    expect(one.statusCode).toBe(201);
    expect(one.json<MetricPointsWritten>()).toMatchObject({ created: 1, replaced: 0, keyResultsUpdated: 1, metric: { latestValue: 41.5, latestAt: '2026-10-01T00:00:00.000Z', pointCount: 1 } });
    expect((await kr.read()).currentValue).toBe(41.5);

    const many = await pm.post(url, {
      points: [
        { value: 44, at: '2026-10-08T00:00:00Z' },
        { value: 43, at: '2026-10-01T00:00:00Z' },
        { value: 47, at: '2026-10-15T00:00:00+02:00' },
      ],
    });
    expect(many.json<MetricPointsWritten>()).toMatchObject({ created: 2, replaced: 1, metric: { latestValue: 47, latestAt: '2026-10-14T22:00:00.000Z', pointCount: 3 } });
    expect((await kr.read()).currentValue).toBe(47);
    // Without `at` it is now: the latest.
    const now = (await pm.post(url, { value: 50 })).json<MetricPointsWritten>();
    expect(now.metric).toMatchObject({ latestValue: 50, pointCount: 4 });
    expect(Date.now() - new Date(now.metric.latestAt!).getTime()).toBeLessThan(60_000);

    for (const [body, field] of [
      [{}, 'value'],
      [{ value: 'x' }, 'value'],
      [{ value: 1, at: 'yesterday' }, 'at'],
      [{ value: 1, points: [{ value: 2 }] }, 'points'],
      [{ points: [] }, 'points'],
      [{ points: [{ value: 1, at: 'nope' }] }, 'points.0.at'],
    ] as const) {
      const res = await pm.post(url, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json<{ field: string }>().field).toBe(field);
    }
    const tooMany = await pm.post(url, { points: Array.from({ length: 10_001 }, (_, i) => ({ value: i })) });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json<{ field: string }>().field).toBe('points');

    const points = (await viewer.get(`${url}?limit=2`)).json<MetricPointList>();
    expect(points.total).toBe(4);
    expect(points.items.map((p) => p.value)).toEqual([50, 47]);
    expect(points.items[0]).toMatchObject({ source: 'manual', createdBy: { id: pm.memberId } });
    const ranged = (await viewer.get(`${url}?from=2026-10-01T00:00:00Z&to=2026-10-10T00:00:00Z`)).json<MetricPointList>();
    expect(ranged.items.map((p) => p.value)).toEqual([44, 43]);

    // The detail: the default range (last 180 days) and the key results that follow it.
    const detail = (await viewer.get(`${f.w}/metrics/${metric.id}?from=2026-01-01T00:00:00Z`)).json<MetricDetail>();
    expect(detail.points.map((p) => p.value)).toEqual([43, 44, 47, 50]);
    expect(detail.keyResults).toEqual([{ id: kr.id, title: 'Reach 60 % activation', currentValue: 50, objective: { id: kr.objectiveId, title: 'Activate more teams' } }]);
    expect((await viewer.get(`${f.w}/metrics`)).json<MetricList>().items[0]!.sparkline.map((p) => p.value)).toEqual([43, 44, 47, 50]);
    const badRange = await viewer.get(`${f.w}/metrics/${metric.id}?from=2026-12-01T00:00:00Z&to=2026-01-01T00:00:00Z`);
    expect(badRange.json<{ field: string }>().field).toBe('from');

    // Deleting the latest point brings the metric and its key result back to the one before.
    const latestId = (await viewer.get(`${url}?limit=1`)).json<MetricPointList>().items[0]!.id;
    expect((await viewer.delete(`${url}/${latestId}`)).statusCode).toBe(403);
    expect((await pm.delete(`${url}/${latestId}`)).statusCode).toBe(204);
    expect((await pm.delete(`${url}/${latestId}`)).statusCode).toBe(404);
    expect((await viewer.get(`${f.w}/metrics/${metric.id}`)).json<MetricDetail>()).toMatchObject({ latestValue: 47, pointCount: 3 });
    expect((await kr.read()).currentValue).toBe(47);

    // One audit entry per call, with its count.
    const entries = (await audit(f)).filter((e) => e.action.startsWith('metric.point'));
    expect(entries.map((e) => e.action)).toEqual(['metric.point.delete', 'metric.points', 'metric.points', 'metric.points']);
    expect(entries[2]!.summary).toContain('Wrote 3 points');
  });

  it('takes points from a script with an API token, marked as from the API', async () => {
    const f = await workspaceFixture();
    const pm = await addMember(f, 'pm');
    const viewer = await addMember(f, 'viewer');
    const metric = (await pm.post(`${f.w}/metrics`, { name: 'Signups' })).json<Metric>();
    const kr = await followingKeyResult(f, metric.id);
    const { token } = (await pm.post('/api/v1/me/tokens', { name: 'Nightly export' })).json<{ token: string }>();
    const script = new TestClient(f.app);
    script.bearer = token;
    const res = await script.request('POST', `${f.w}/metrics/${metric.id}/points`, { points: [{ value: 12, at: '2026-11-01T00:00:00Z' }] }, { origin: '' });
    expect(res.statusCode).toBe(201);
    expect((await kr.read()).currentValue).toBe(12);
    const points = (await pm.get(`${f.w}/metrics/${metric.id}/points`)).json<MetricPointList>();
    expect(points.items[0]).toMatchObject({ value: 12, source: 'api', createdBy: { id: pm.memberId } });
    expect((await audit(f)).find((e) => e.action === 'metric.points')!.summary).toContain('with an API token');
    // A viewer's token reads but does not write.
    const viewerToken = (await viewer.post('/api/v1/me/tokens', { name: 'read only' })).json<{ token: string }>().token;
    const reader = new TestClient(f.app);
    reader.bearer = viewerToken;
    expect((await reader.request('POST', `${f.w}/metrics/${metric.id}/points`, { value: 1 }, { origin: '' })).statusCode).toBe(403);
    expect((await reader.get(`${f.w}/metrics/${metric.id}/points`, { origin: '' })).statusCode).toBe(200);
    const stranger = new TestClient(f.app);
    stranger.bearer = 'spx_not-a-token';
    expect((await stranger.request('POST', `${f.w}/metrics/${metric.id}/points`, { value: 1 }, { origin: '' })).statusCode).toBe(401);
  });

  it('imports a CSV: good files, a bad row refusing the file whole, and replacing at the same instant', async () => {
    const f = await workspaceFixture();
    const pm = await addMember(f, 'pm');
    const viewer = await addMember(f, 'viewer');
    const metric = (await pm.post(`${f.w}/metrics`, { name: 'NPS' })).json<Metric>();
    const kr = await followingKeyResult(f, metric.id);
    const url = `${f.w}/metrics/${metric.id}/points/import`;
    await pm.post(`${f.w}/metrics/${metric.id}/points`, { value: 10, at: '2026-09-01T00:00:00Z' });

    const good = await pm.request('POST', url, 'Date,Value,Comment\n2026-09-01,31,first\n2026-09-08T12:00:00Z,33.5,\n1789171200,35,epoch\n', CSV);
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json<MetricImportResult>()).toMatchObject({ imported: 3, replaced: 1, errors: [], metric: { pointCount: 3, latestValue: 35 } });
    expect((await kr.read()).currentValue).toBe(35);
    const points = (await viewer.get(`${f.w}/metrics/${metric.id}/points`)).json<MetricPointList>();
    expect(points.items.map((p) => [p.at, p.value, p.source])).toEqual([
      ['2026-09-12T00:00:00.000Z', 35, 'csv'],
      ['2026-09-08T12:00:00.000Z', 33.5, 'csv'],
      ['2026-09-01T00:00:00.000Z', 31, 'csv'],
    ]);

    // Twice the same instant in one file: the later row wins.
    const again = await pm.request('POST', url, 'at,value\n2026-09-01T00:00:00Z,1\n2026-09-01,2\n', CSV);
    expect(again.json<MetricImportResult>()).toMatchObject({ imported: 2, replaced: 2, metric: { pointCount: 3 } });

    const badValue = await pm.request('POST', url, 'timestamp,value\n2026-10-01,40\n2026-10-02,4O\n2026-10-03,41\n', CSV);
    expect(badValue.statusCode).toBe(400);
    expect(badValue.json()).toMatchObject({ code: 'validation_failed', field: 'value' });
    expect(badValue.json<{ message: string }>().message).toContain('row 3');
    const badTime = await pm.request('POST', url, 'time,value\n2026-02-30,1\n', CSV);
    expect(badTime.json()).toMatchObject({ field: 'time' });
    expect(badTime.json<{ message: string }>().message).toContain('row 2');
    const noTime = await pm.request('POST', url, 'when,value\n2026-10-01,1\n', CSV);
    expect(noTime.json<{ field: string }>().field).toBe('columns');
    const noValue = await pm.request('POST', url, 'date\n2026-10-01\n', CSV);
    expect(noValue.json<{ field: string }>().field).toBe('columns');
    const empty = await pm.request('POST', url, 'date,value\n', CSV);
    expect(empty.json<{ field: string }>().field).toBe('file');
    expect((await pm.post(url, { date: '2026-10-01', value: 1 })).statusCode).toBe(415);
    expect((await viewer.request('POST', url, 'date,value\n2026-10-01,1\n', CSV)).statusCode).toBe(403);
    // Nothing of the refused files was written.
    expect((await viewer.get(`${f.w}/metrics/${metric.id}`)).json<MetricDetail>().pointCount).toBe(3);
    expect((await audit(f)).filter((e) => e.action === 'metric.import')).toHaveLength(2);
  });

  it('answers 404 across workspaces', async () => {
    const f = await workspaceFixture();
    const g = await workspaceFixture();
    const metric = (await f.admin.post(`${f.w}/metrics`, { name: 'Churn' })).json<Metric>();
    await f.admin.post(`${f.w}/metrics/${metric.id}/points`, { value: 3 });
    const pointId = (await f.admin.get(`${f.w}/metrics/${metric.id}/points`)).json<MetricPointList>().items[0]!.id;
    expect((await g.admin.get(`${g.w}/metrics/${metric.id}`)).statusCode).toBe(404);
    expect((await g.admin.patch(`${g.w}/metrics/${metric.id}`, { name: 'Mine', version: 1 })).statusCode).toBe(404);
    expect((await g.admin.get(`${g.w}/metrics/${metric.id}/points`)).statusCode).toBe(404);
    expect((await g.admin.post(`${g.w}/metrics/${metric.id}/points`, { value: 9 })).statusCode).toBe(404);
    expect((await g.admin.request('POST', `${g.w}/metrics/${metric.id}/points/import`, 'date,value\n2026-01-01,1\n', CSV)).statusCode).toBe(404);
    expect((await g.admin.delete(`${g.w}/metrics/${metric.id}/points/${pointId}`)).statusCode).toBe(404);
    expect((await g.admin.delete(`${g.w}/metrics/${metric.id}`)).statusCode).toBe(404);
    expect((await f.admin.get(`${g.w}/metrics`)).statusCode).toBe(404);
    expect((await g.admin.get(`${g.w}/metrics`)).json<MetricList>().total).toBe(0);
    expect((await f.admin.get(`${f.w}/metrics/${metric.id}`)).json<MetricDetail>()).toMatchObject({ name: 'Churn', pointCount: 1, latestValue: 3 });
  });
});
