import { describe, expect, it } from 'vitest';
import { TestClient, addMember, signUp, workspaceFixture } from '../../test/helpers.js';
import { feedbackState, markMerged, seedCustomer, seedFeedback } from './discovery.fixtures.js';

interface Detail {
  id: string;
  version: number;
  title: string;
  status: string;
  componentIds: string[];
  evidence: {
    feedbackCount: number;
    customerCount: number;
    arr: string;
    bySegment: { segment: string | null; customerCount: number; arr: string; feedbackCount: number }[];
    bySource: { source: string; feedbackCount: number; customerCount: number }[];
    trend: { month: string; feedbackCount: number }[];
    graded: { score: number; topCustomerShare: number; topCustomer: { id: string; name: string } | null; concentrated: boolean };
  };
  feedback: { id: string; quote: { start: number; end: number; text: string } | null; importance: number; customer: { name: string } | null }[];
}

describe('opportunities routes', () => {
  it('links quoted evidence and rolls it up by customer, segment, source and month', async () => {
    const f = await workspaceFixture();
    const pm = await addMember(f, 'pm');
    const productId = (await f.admin.post(`${f.w}/products`, { name: 'P' })).json<{ id: string }>().id;
    const componentId = (await f.admin.post(`${f.w}/products/${productId}/components`, { name: 'Checkout' })).json<{ id: string }>().id;
    const created = await pm.post(`${f.w}/opportunities`, { title: 'Checkout is slow', problem: 'Buyers give up', componentIds: [componentId], ownerId: pm.memberId });
    expect(created.statusCode).toBe(201);
    const opp = created.json<Detail>();
    expect(opp).toMatchObject({ title: 'Checkout is slow', status: 'open', componentIds: [componentId], version: 1 });
    expect(opp.evidence).toMatchObject({ feedbackCount: 0, customerCount: 0, arr: '0', bySegment: [], trend: [], graded: { score: 0, topCustomer: null } });

    const acme = await seedCustomer(f, { name: 'Acme', segment: 'Enterprise', arr: '900000000000000001' });
    const beta = await seedCustomer(f, { name: 'Beta', segment: 'SMB', arr: '5000' });
    const text = 'Paying takes forever on mobile and we lose orders';
    const f1 = await seedFeedback(f, { text, source: 'interview', customerId: acme, capturedAt: new Date('2025-01-10T10:00:00Z') });
    const f2 = await seedFeedback(f, { text: 'Checkout spinner again', source: 'support', customerId: acme, capturedAt: new Date('2025-03-02T10:00:00Z') });
    const f3 = await seedFeedback(f, { text: 'Slow payment page', source: 'sales', customerId: beta, capturedAt: new Date('2025-03-20T10:00:00Z') });

    const url = `${f.w}/opportunities/${opp.id}/evidence`;
    const linked = await pm.post(url, { feedbackId: f1, quote: { start: 0, end: 22 }, importance: 4 });
    expect(linked.statusCode).toBe(201);
    expect(linked.json<Detail>().feedback[0]).toMatchObject({ id: f1, quote: { start: 0, end: 22, text: 'Paying takes forever o' }, importance: 4, customer: { name: 'Acme' } });
    expect(await feedbackState(f1)).toMatchObject({ status: 'linked', version: 2 });
    expect((await pm.post(url, { feedbackId: f2 })).statusCode).toBe(201);
    expect((await pm.post(url, { feedbackId: f3 })).statusCode).toBe(201);

    const again = await pm.post(url, { feedbackId: f1 });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'conflict', field: 'feedbackId' });

    const detail = (await pm.get(`${f.w}/opportunities/${opp.id}`)).json<Detail>();
    expect(detail.evidence).toMatchObject({ feedbackCount: 3, customerCount: 2, arr: '900000000000005001' });
    expect(detail.evidence.bySegment).toEqual([
      { segment: 'Enterprise', customerCount: 1, arr: '900000000000000001', feedbackCount: 2 },
      { segment: 'SMB', customerCount: 1, arr: '5000', feedbackCount: 1 },
    ]);
    expect(detail.evidence.bySource.map((s) => s.source).sort()).toEqual(['interview', 'sales', 'support']);
    expect(detail.evidence.trend).toEqual([
      { month: '2025-01', feedbackCount: 1 },
      { month: '2025-02', feedbackCount: 0 },
      { month: '2025-03', feedbackCount: 2 },
    ]);
    expect(detail.evidence.graded.topCustomer).toEqual({ id: acme, name: 'Acme' });
    expect(detail.evidence.graded.concentrated).toBe(true);
    expect(detail.evidence.graded.score).toBeGreaterThan(0);

    const list = (await pm.get(`${f.w}/opportunities?componentId=${componentId}&q=slow&status=open`)).json<{ total: number; items: Detail[] }>();
    expect(list.total).toBe(1);
    expect(list.items[0]!.evidence).toMatchObject({ feedbackCount: 3, customerCount: 2, arr: '900000000000005001', score: detail.evidence.graded.score });
    expect((await pm.get(`${f.w}/opportunities?q=nothing-like-it`)).json<{ total: number }>().total).toBe(0);
    expect((await pm.get(`${f.w}/opportunities?status=solved`)).json<{ total: number }>().total).toBe(0);

    expect((await pm.delete(`${url}/${f3}`)).statusCode).toBe(204);
    expect(await feedbackState(f3)).toMatchObject({ status: 'triaged' });
    expect((await pm.delete(`${url}/${f3}`)).statusCode).toBe(404);
    expect((await pm.get(`${f.w}/opportunities/${opp.id}`)).json<Detail>().evidence.customerCount).toBe(1);
  });

  it('does not count merged duplicates twice, and grades with the workspace settings', async () => {
    const f = await workspaceFixture();
    const acme = await seedCustomer(f, { name: 'Acme', segment: 'SMB', arr: '100' });
    const original = await seedFeedback(f, { text: 'Export to CSV please', source: 'survey', customerId: acme });
    const dup = await seedFeedback(f, { text: 'CSV export!', source: 'survey', customerId: acme });
    await markMerged(dup, original);
    const oppId = (await f.admin.post(`${f.w}/opportunities`, { title: 'Exports' })).json<Detail>().id;
    await f.admin.post(`${f.w}/opportunities/${oppId}/evidence`, { feedbackId: original });
    const after = (await f.admin.post(`${f.w}/opportunities/${oppId}/evidence`, { feedbackId: dup })).json<Detail>();
    expect(after.evidence).toMatchObject({ feedbackCount: 1, customerCount: 1, arr: '100' });
    expect(after.evidence.graded.score).toBeCloseTo(0.6, 3);
    expect(after.feedback).toHaveLength(2);

    const settings = await f.admin.get(`${f.w}/discovery-settings`);
    expect(settings.json()).toMatchObject({ sourceWeights: { interview: 1, survey: 0.6, other: 0.3 }, halfLifeDays: 180, concentrationThreshold: 0.5, version: 1, updatedAt: null });
    const put = await f.admin.request('PUT', `${f.w}/discovery-settings`, { sourceWeights: { survey: 2 }, concentrationThreshold: 0.7, version: 1 });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ sourceWeights: { survey: 2, interview: 1 }, concentrationThreshold: 0.7, halfLifeDays: 180, version: 2 });
    expect((await f.admin.get(`${f.w}/opportunities/${oppId}`)).json<Detail>().evidence.graded.score).toBeCloseTo(2, 3);
    const stale = await f.admin.request('PUT', `${f.w}/discovery-settings`, { halfLifeDays: 30, version: 1 });
    expect(stale.statusCode).toBe(409);
  });

  it('validates input, naming the field', async () => {
    const f = await workspaceFixture();
    const other = await workspaceFixture();
    const foreignComponent = (
      await other.admin.post(`${other.w}/products/${(await other.admin.post(`${other.w}/products`, { name: 'X' })).json<{ id: string }>().id}/components`, { name: 'C' })
    ).json<{ id: string }>().id;
    const empty = await f.admin.post(`${f.w}/opportunities`, { title: '  ' });
    expect(empty.json()).toEqual({ code: 'validation_failed', message: 'title: must not be empty', field: 'title' });
    const badStatus = await f.admin.post(`${f.w}/opportunities`, { title: 'T', status: 'done' });
    expect(badStatus.json<{ field: string }>().field).toBe('status');
    const foreign = await f.admin.post(`${f.w}/opportunities`, { title: 'T', componentIds: [foreignComponent] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json<{ field: string }>().field).toBe('componentIds');

    const oppId = (await f.admin.post(`${f.w}/opportunities`, { title: 'T' })).json<Detail>().id;
    const fb = await seedFeedback(f, { text: 'twelve chars' });
    for (const quote of [
      { start: 0, end: 13 },
      { start: 5, end: 5 },
      { start: -1, end: 3 },
    ]) {
      const res = await f.admin.post(`${f.w}/opportunities/${oppId}/evidence`, { feedbackId: fb, quote });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({ code: 'validation_failed', message: 'quote: must be a range within the feedback text: 0 ≤ start < end ≤ 12', field: 'quote' });
    }
    expect(await feedbackState(fb)).toMatchObject({ status: 'new' });
    const badImportance = await f.admin.post(`${f.w}/opportunities/${oppId}/evidence`, { feedbackId: fb, importance: 5 });
    expect(badImportance.json<{ field: string }>().field).toBe('importance');
    const weight = await f.admin.request('PUT', `${f.w}/discovery-settings`, { sourceWeights: { survey: 6 }, version: 1 });
    expect(weight.json<{ field: string }>().field).toBe('sourceWeights.survey');
    const halfLife = await f.admin.request('PUT', `${f.w}/discovery-settings`, { halfLifeDays: 0, version: 1 });
    expect(halfLife.json()).toMatchObject({ field: 'halfLifeDays', message: 'halfLifeDays: must be between 1 and 3650' });
    const noVersion = await f.admin.patch(`${f.w}/opportunities/${oppId}`, { title: 'New' });
    expect(noVersion.json<{ field: string }>().field).toBe('version');
  });

  it('edits with versions, and deletes returning linked feedback to triage', async () => {
    const f = await workspaceFixture();
    const opp = (await f.admin.post(`${f.w}/opportunities`, { title: 'Old' })).json<Detail>();
    const ok = await f.admin.patch(`${f.w}/opportunities/${opp.id}`, { title: 'New', status: 'exploring', version: 1 });
    expect(ok.json()).toMatchObject({ title: 'New', status: 'exploring', version: 2 });
    expect((await f.admin.patch(`${f.w}/opportunities/${opp.id}`, { title: 'Stale', version: 1 })).statusCode).toBe(409);
    const fb = await seedFeedback(f, { text: 'link me' });
    await f.admin.post(`${f.w}/opportunities/${opp.id}/evidence`, { feedbackId: fb });
    const second = (await f.admin.post(`${f.w}/opportunities`, { title: 'Second' })).json<Detail>().id;
    await f.admin.post(`${f.w}/opportunities/${second}/evidence`, { feedbackId: fb });
    // Still linked elsewhere: stays linked.
    expect((await f.admin.delete(`${f.w}/opportunities/${second}/evidence/${fb}`)).statusCode).toBe(204);
    expect(await feedbackState(fb)).toMatchObject({ status: 'linked' });
    expect((await f.admin.delete(`${f.w}/opportunities/${opp.id}`)).statusCode).toBe(204);
    expect(await feedbackState(fb)).toMatchObject({ status: 'triaged' });
    expect((await f.admin.get(`${f.w}/opportunities/${opp.id}`)).statusCode).toBe(404);
  });

  it('enforces roles and hides other workspaces', async () => {
    const f = await workspaceFixture();
    const viewer = await addMember(f, 'viewer');
    const contributor = await addMember(f, 'contributor');
    const pm = await addMember(f, 'pm');
    const oppId = (await f.admin.post(`${f.w}/opportunities`, { title: 'Secret problem' })).json<Detail>().id;
    const fb = await seedFeedback(f, { text: 'evidence' });

    expect((await new TestClient(f.app).get(`${f.w}/opportunities`)).statusCode).toBe(401);
    expect((await viewer.get(`${f.w}/opportunities/${oppId}`)).statusCode).toBe(200);
    expect((await viewer.get(`${f.w}/discovery-settings`)).statusCode).toBe(200);
    expect((await viewer.post(`${f.w}/opportunities`, { title: 'No' })).statusCode).toBe(403);
    expect((await contributor.post(`${f.w}/opportunities/${oppId}/evidence`, { feedbackId: fb })).statusCode).toBe(403);
    expect((await pm.delete(`${f.w}/opportunities/${oppId}`)).statusCode).toBe(403);
    expect((await pm.request('PUT', `${f.w}/discovery-settings`, { halfLifeDays: 10, version: 1 })).statusCode).toBe(403);

    const other = await workspaceFixture();
    const res = await other.admin.get(`${other.w}/opportunities/${oppId}`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('Secret');
    expect((await other.admin.patch(`${other.w}/opportunities/${oppId}`, { title: 'x', version: 1 })).statusCode).toBe(404);
    // Feedback of another workspace cannot be linked, even to one's own opportunity.
    const ownOpp = (await other.admin.post(`${other.w}/opportunities`, { title: 'Mine' })).json<Detail>().id;
    const foreign = await other.admin.post(`${other.w}/opportunities/${ownOpp}/evidence`, { feedbackId: fb });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json<{ message: string }>().message).toBe('Feedback not found');
    const outsider = await signUp(f.app);
    expect((await outsider.get(`${f.w}/opportunities`)).statusCode).toBe(404);
  });
});
