import { describe, expect, it } from 'vitest';
import { addMember, workspaceFixture } from '../../test/helpers.js';
import { seedCustomer, seedFeedback } from '../opportunities/discovery.fixtures.js';
import { seedComponent, seedFeature, seedProduct, setInternalFields } from './features.fixtures.js';

interface Requirements {
  body: string;
  revision: number;
  updatedAt: string | null;
  updatedBy: { id: string; name: string } | null;
  template: boolean;
}
interface History {
  items: { action: string; summary: string; actorName: string; changes: Record<string, [unknown, unknown]> | null }[];
}

describe('feature requirements, history and the stakeholder version', () => {
  it('starts from the template and keeps a revision per save, refusing a stale one', async () => {
    const f = await workspaceFixture();
    const pm = await addMember(f, 'pm', 'Pat PM');
    const productId = await seedProduct(f);
    const componentId = await seedComponent(f, productId, 'Routing', pm.memberId);
    const feature = await seedFeature(f, { componentId, title: 'Window-aware routing' });
    const url = `${f.w}/features/${feature.id}/requirements`;

    const template = (await pm.get(url)).json<Requirements>();
    expect(template).toMatchObject({ revision: 0, template: true, updatedAt: null, updatedBy: null });
    for (const heading of ['## Problem', '## Goals and success metrics', '## Users', '## Scope and non-goals', '## Requirements', '## Open questions']) {
      expect(template.body).toContain(heading);
    }

    const v1 = '## Problem\n\nDrivers miss windows.';
    const v2 = `${v1}\n\n## Users\n\nDispatchers`;
    const first = await pm.request('PUT', url, { body: v1, revision: 0 });
    expect(first.statusCode).toBe(200);
    expect(first.json<Requirements>()).toMatchObject({ body: v1, revision: 1, template: false, updatedBy: { id: pm.memberId, name: 'Pat PM' } });
    const stale = await f.admin.request('PUT', url, { body: 'Overwrite', revision: 0 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict', field: 'revision' });
    expect(stale.json<{ message: string }>().message).toMatch(/revision 1 is current/);
    const second = await f.admin.request('PUT', url, { body: v2, revision: 1 });
    expect(second.json<Requirements>()).toMatchObject({ revision: 2, updatedBy: { name: 'Ada Admin' } });
    expect((await pm.request('PUT', url, { body: 'x', revision: 5 })).statusCode).toBe(409);

    const revisions = (await pm.get(`${url}/revisions`)).json<{ items: { revision: number; author: { name: string } | null; length: number }[] }>().items;
    expect(revisions.map((r) => [r.revision, r.author?.name, r.length])).toEqual([
      [2, 'Ada Admin', v2.length],
      [1, 'Pat PM', v1.length],
    ]);
    expect((await pm.get(`${url}/revisions/1`)).json()).toMatchObject({ revision: 1, body: v1, author: { name: 'Pat PM' } });
    expect((await pm.get(`${url}/revisions/3`)).statusCode).toBe(404);
    expect((await pm.get(`${url}/revisions/0`)).json()).toMatchObject({ field: 'revision' });
    expect((await pm.get(`${f.w}/features/${feature.id}`)).json()).toMatchObject({ requirements: { revision: 2 } });

    // A PM who does not own the component may read but not save.
    const other = await addMember(f, 'pm', 'Other PM');
    expect((await other.get(url)).statusCode).toBe(200);
    expect((await other.request('PUT', url, { body: 'mine now', revision: 2 })).statusCode).toBe(403);
    const tooLong = await pm.request('PUT', url, { body: 'x'.repeat(200_001), revision: 2 });
    expect(tooLong.json()).toMatchObject({ code: 'validation_failed', field: 'body' });
  });

  it('records every write in the feature’s history', async () => {
    const f = await workspaceFixture();
    const productId = await seedProduct(f);
    const componentId = await seedComponent(f, productId, 'Routing');
    const feature = await seedFeature(f, { componentId, title: 'Audited', effort: 2 });
    await f.admin.patch(`${f.w}/features/${feature.id}`, { status: 'planned', effort: 8, version: 1 });
    await f.admin.request('PUT', `${f.w}/features/${feature.id}/requirements`, { body: 'PRD', revision: 0 });
    await f.admin.post(`${f.w}/features/${feature.id}/evidence`, { feedbackId: await seedFeedback(f, { text: 'Please' }) });
    const history = (await f.admin.get(`${f.w}/features/${feature.id}/history`)).json<History>().items;
    expect(history.map((h) => h.action)).toEqual(['feature.evidence-link', 'feature.requirements-update', 'feature.update', 'feature.create']);
    expect(history[2]).toMatchObject({ actorName: 'Ada Admin', changes: { status: ['idea', 'planned'], effort: [2, 8] } });
    expect(history[2]!.summary).toBe('Updated feature “Audited”: status: idea → planned; effort: 2 → 8');
  });

  it('gives viewers the stakeholder version: no internal features, no internal fields', async () => {
    const f = await workspaceFixture();
    const viewer = await addMember(f, 'viewer');
    const contributor = await addMember(f, 'contributor');
    const pm = await addMember(f, 'pm', 'Pat PM');
    const productId = await seedProduct(f);
    const componentId = await seedComponent(f, productId, 'Routing', pm.memberId);
    const open = await seedFeature(f, { componentId, title: 'Public', description: 'Why we build it', effort: 5, scores: { ice: { impact: 3, confidence: 2, ease: 1 } } });
    const secret = await seedFeature(f, { componentId, title: 'Secret acquisition prep', internal: true });
    const customerId = await seedCustomer(f, { name: 'Acme', arr: '1200' });
    await f.admin.post(`${f.w}/features/${open.id}/evidence`, { feedbackId: await seedFeedback(f, { text: 'Acme needs it', customerId }) });
    await f.admin.patch(`${f.w}/features/${open.id}`, { effort: 8, status: 'planned', version: 1 });

    // Default internal fields: effort and scores.
    const seen = (await viewer.get(`${f.w}/features/${open.id}`)).json<Record<string, unknown>>();
    expect(seen).toMatchObject({ title: 'Public', description: 'Why we build it', effort: null, scores: null, owner: { name: 'Pat PM' }, hiddenFields: ['effort', 'scores'] });
    expect(seen.evidence).toEqual({ evidenceCount: 1, customerCount: 1, arr: '1200' });
    // Viewers never read raw feedback, whatever the settings.
    expect(seen.feedback).toEqual([]);
    expect((await contributor.get(`${f.w}/features/${open.id}`)).json()).toMatchObject({ effort: 8, hiddenFields: [] });
    expect((await viewer.get(`${f.w}/features/${secret.id}`)).statusCode).toBe(404);
    expect((await viewer.get(`${f.w}/features/${secret.id}/history`)).statusCode).toBe(404);
    expect((await viewer.get(`${f.w}/features/${secret.id}/requirements`)).statusCode).toBe(404);
    const listed = (await viewer.get(`${f.w}/features`)).json<{ items: Record<string, unknown>[] }>().items;
    expect(listed.map((i) => i.title)).toEqual(['Public']);
    expect(listed[0]).toMatchObject({ effort: null });
    expect((await contributor.get(`${f.w}/features`)).json<{ items: unknown[] }>().items).toHaveLength(2);
    // The history leaves out the effort change but keeps the status change.
    const history = (await viewer.get(`${f.w}/features/${open.id}/history`)).json<History>().items;
    const update = history.find((h) => h.action === 'feature.update')!;
    expect(update.changes).toEqual({ status: ['idea', 'planned'] });
    expect(update.summary).not.toMatch(/effort/);

    // A workspace that hides more.
    await setInternalFields(f, ['description', 'requirements', 'evidence', 'owner']);
    const stricter = (await viewer.get(`${f.w}/features/${open.id}`)).json<Record<string, unknown>>();
    expect(stricter).toMatchObject({ description: null, owner: null, ownerId: null, evidence: null, opportunities: [], requirements: null, effort: 8 });
    expect(stricter.hiddenFields).toEqual(['description', 'requirements', 'evidence', 'owner']);
    const req = await viewer.get(`${f.w}/features/${open.id}/requirements`);
    expect(req.statusCode).toBe(403);
    expect((await viewer.get(`${f.w}/features/${open.id}/history`)).json<History>().items.map((h) => h.action)).toEqual(['feature.update', 'feature.create']);
    expect((await contributor.get(`${f.w}/features/${open.id}`)).json()).toMatchObject({ description: 'Why we build it', owner: { name: 'Pat PM' } });
  });
});
