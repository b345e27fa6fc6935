import { describe, expect, it } from 'vitest';
import { TestClient, addMember, signUp, workspaceFixture } from '../../test/helpers.js';

interface Exp {
  id: string;
  version: number;
  status: string;
  result: string | null;
  opportunityIds: string[];
  opportunities: { id: string; title: string }[];
  owner: { id: string } | null;
}
const HYPOTHESIS = 'We believe one-click reorder will raise repeat orders, measured by reorders per account';

describe('experiments routes', () => {
  it('plans an experiment on opportunities, runs it and records the result', async () => {
    const f = await workspaceFixture();
    const pm = await addMember(f, 'pm');
    const oppId = (await f.admin.post(`${f.w}/opportunities`, { title: 'Reordering is tedious' })).json<{ id: string }>().id;
    const created = await pm.post(`${f.w}/experiments`, {
      hypothesis: HYPOTHESIS,
      type: 'fake_door',
      metric: 'Clicks on Reorder',
      successCriterion: '≥ 5% of active accounts click',
      startsOn: '2025-05-01',
      endsOn: '2025-05-15',
      opportunityIds: [oppId],
    });
    expect(created.statusCode).toBe(201);
    const x = created.json<Exp>();
    expect(x).toMatchObject({ status: 'planned', result: null, opportunityIds: [oppId], opportunities: [{ id: oppId, title: 'Reordering is tedious' }], owner: { id: pm.memberId }, version: 1 });

    const url = `${f.w}/experiments/${x.id}`;
    const early = await pm.patch(url, { result: 'validated', version: 1 });
    expect(early.statusCode).toBe(400);
    expect(early.json()).toEqual({
      code: 'validation_failed',
      message: 'result: only a completed experiment has a result: set status to completed, or clear the result',
      field: 'result',
    });
    const done = await pm.patch(url, { status: 'completed', result: 'validated', learning: '7% clicked', decision: 'Build it', version: 1 });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'completed', result: 'validated', learning: '7% clicked', decision: 'Build it', version: 2 });
    expect((await pm.patch(url, { decision: 'Stale', version: 1 })).statusCode).toBe(409);
    const reopen = await pm.patch(url, { status: 'running', version: 2 });
    expect(reopen.json<{ field: string }>().field).toBe('result');
    expect((await pm.patch(url, { status: 'running', result: null, version: 2 })).json()).toMatchObject({ status: 'running', result: null, version: 3 });

    const opp = (await pm.get(`${f.w}/opportunities/${oppId}`)).json<{ experiments: { id: string; status: string }[] }>();
    expect(opp.experiments).toEqual([expect.objectContaining({ id: x.id, status: 'running' })]);

    await pm.post(`${f.w}/experiments`, { hypothesis: 'Anything else', type: 'survey' });
    expect((await pm.get(`${f.w}/experiments`)).json<{ total: number }>().total).toBe(2);
    expect((await pm.get(`${f.w}/experiments?type=survey`)).json<{ items: Exp[] }>().items).toHaveLength(1);
    expect((await pm.get(`${f.w}/experiments?opportunityId=${oppId}`)).json<{ items: Exp[] }>().items.map((i) => i.id)).toEqual([x.id]);
    expect((await pm.get(`${f.w}/experiments?status=cancelled`)).json<{ total: number }>().total).toBe(0);

    expect((await pm.delete(url)).statusCode).toBe(403);
    expect((await f.admin.delete(url)).statusCode).toBe(204);
    expect((await pm.get(url)).statusCode).toBe(404);
  });

  it('lists the features the experiment informs, leaving internal ones out', async () => {
    const f = await workspaceFixture();
    const productId = (await f.admin.post(`${f.w}/products`, { name: 'Atlas' })).json<{ id: string }>().id;
    const componentId = (await f.admin.post(`${f.w}/products/${productId}/components`, { name: 'Checkout' })).json<{ id: string }>().id;
    const experiment = (await f.admin.post(`${f.w}/experiments`, { hypothesis: 'We believe wallets will lift conversion, measured by paid orders', type: 'fake_door' })).json<{ id: string }>().id;
    const shown = (await f.admin.post(`${f.w}/features`, { componentId, title: 'Wallet buttons' })).json<{ id: string }>().id;
    const hidden = (await f.admin.post(`${f.w}/features`, { componentId, title: 'Secret pricing', internal: true })).json<{ id: string }>().id;
    for (const id of [shown, hidden]) expect((await f.admin.post(`${f.w}/features/${id}/experiments`, { experimentId: experiment })).statusCode).toBeLessThan(300);
    const got = (await f.admin.get(`${f.w}/experiments/${experiment}`)).json<{ features: { id: string; title: string; status: string }[] }>();
    expect(got.features).toEqual([{ id: shown, title: 'Wallet buttons', status: 'idea' }]);
  });

  it('validates dates, type and references, naming the field', async () => {
    const f = await workspaceFixture();
    const other = await workspaceFixture();
    const foreignOpp = (await other.admin.post(`${other.w}/opportunities`, { title: 'Theirs' })).json<{ id: string }>().id;
    const base = `${f.w}/experiments`;
    const backwards = await f.admin.post(base, { hypothesis: HYPOTHESIS, type: 'survey', startsOn: '2025-05-10', endsOn: '2025-05-01' });
    expect(backwards.json()).toEqual({ code: 'validation_failed', message: 'endsOn: must be on or after startsOn (2025-05-10)', field: 'endsOn' });
    expect((await f.admin.post(base, { hypothesis: HYPOTHESIS, type: 'poll' })).json<{ field: string }>().field).toBe('type');
    expect((await f.admin.post(base, { type: 'survey' })).json<{ field: string }>().field).toBe('hypothesis');
    expect((await f.admin.post(base, { hypothesis: HYPOTHESIS, type: 'survey', startsOn: '2025-02-30' })).json<{ field: string }>().field).toBe('startsOn');
    const foreign = await f.admin.post(base, { hypothesis: HYPOTHESIS, type: 'survey', opportunityIds: [foreignOpp] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json<{ field: string }>().field).toBe('opportunityIds');
    // Free-form hypotheses are accepted: the form is encouraged, not enforced.
    const x = (await f.admin.post(base, { hypothesis: 'Customers want dark mode', type: 'concierge', startsOn: '2025-05-10' })).json<Exp>();
    const patch = await f.admin.patch(`${base}/${x.id}`, { endsOn: '2025-05-09', version: 1 });
    expect(patch.json<{ field: string }>().field).toBe('endsOn');
  });

  it('lets viewers read, not write, and hides other workspaces', async () => {
    const f = await workspaceFixture();
    const viewer = await addMember(f, 'viewer');
    const contributor = await addMember(f, 'contributor');
    const id = (await f.admin.post(`${f.w}/experiments`, { hypothesis: 'Secret bet', type: 'ab_test' })).json<Exp>().id;
    expect((await new TestClient(f.app).get(`${f.w}/experiments`)).statusCode).toBe(401);
    expect((await viewer.get(`${f.w}/experiments/${id}`)).statusCode).toBe(200);
    expect((await viewer.post(`${f.w}/experiments`, { hypothesis: 'x', type: 'survey' })).statusCode).toBe(403);
    expect((await contributor.patch(`${f.w}/experiments/${id}`, { learning: 'x', version: 1 })).statusCode).toBe(403);
    const other = await workspaceFixture();
    const res = await other.admin.get(`${other.w}/experiments/${id}`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('Secret');
    expect((await other.admin.delete(`${other.w}/experiments/${id}`)).statusCode).toBe(404);
    const outsider = await signUp(f.app);
    expect((await outsider.get(`${f.w}/experiments/${id}`)).statusCode).toBe(404);
  });
});
