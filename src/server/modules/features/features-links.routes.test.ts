import { describe, expect, it } from 'vitest';
import { addMember, workspaceFixture } from '../../test/helpers.js';
import { feedbackState, seedCustomer, seedFeedback } from '../opportunities/discovery.fixtures.js';
import { seedComponent, seedFeature, seedProduct } from './features.fixtures.js';

interface Detail {
  id: string;
  version: number;
  evidence: { evidenceCount: number; customerCount: number; arr: string } | null;
  feedback: { evidenceId: string; feedbackId: string; quote: { start: number; end: number; text: string } | null; importance: number; customer: { name: string } | null }[];
  opportunities: { evidenceId: string; opportunityId: string; title: string; feedbackCount: number; customerCount: number; arr: string }[];
  experiments: { id: string; hypothesis: string }[];
}

describe('feature evidence and experiments', () => {
  it('links quoted feedback and opportunities and rolls them up without counting a voice twice', async () => {
    const f = await workspaceFixture();
    const pm = await addMember(f, 'pm');
    const productId = await seedProduct(f);
    const componentId = await seedComponent(f, productId, 'Routing', pm.memberId);
    const feature = await seedFeature(f, { componentId, title: 'Window-aware routing' });
    const url = `${f.w}/features/${feature.id}/evidence`;

    const acme = await seedCustomer(f, { name: 'Acme', arr: '900000000000000001' });
    const beta = await seedCustomer(f, { name: 'Beta', arr: '5000' });
    const text = 'Drivers miss the delivery windows every afternoon';
    const f1 = await seedFeedback(f, { text, customerId: acme });
    const f2 = await seedFeedback(f, { text: 'Routes ignore opening hours', customerId: beta });
    const f3 = await seedFeedback(f, { text: 'Windows again', customerId: acme });

    const linked = await pm.post(url, { feedbackId: f1, quote: { start: 0, end: 7 }, importance: 4 });
    expect(linked.statusCode).toBe(201);
    const d1 = linked.json<Detail>();
    expect(d1.feedback).toMatchObject([{ feedbackId: f1, quote: { start: 0, end: 7, text: 'Drivers' }, importance: 4, customer: { name: 'Acme' } }]);
    expect(d1.evidence).toEqual({ evidenceCount: 1, customerCount: 1, arr: '900000000000000001' });
    expect(await feedbackState(f1)).toMatchObject({ status: 'linked' });

    const again = await pm.post(url, { feedbackId: f1 });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'conflict', field: 'feedbackId' });
    const badQuote = await pm.post(url, { feedbackId: f2, quote: { start: 5, end: 500 } });
    expect(badQuote.statusCode).toBe(400);
    expect(badQuote.json()).toMatchObject({ field: 'quote' });
    expect((await pm.post(url, { feedbackId: f2, opportunityId: f1 })).json()).toMatchObject({ code: 'validation_failed', field: 'feedbackId' });
    expect((await pm.post(url, {})).json()).toMatchObject({ code: 'validation_failed', field: 'feedbackId' });
    expect((await pm.post(url, { feedbackId: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);

    // An opportunity that shares f1 and adds f2 and f3: f1 counts once, Acme once.
    const opp = (await f.admin.post(`${f.w}/opportunities`, { title: 'Missed delivery windows' })).json<{ id: string }>().id;
    for (const id of [f1, f2, f3]) expect((await f.admin.post(`${f.w}/opportunities/${opp}/evidence`, { feedbackId: id })).statusCode).toBe(201);
    const withOpp = await pm.post(url, { opportunityId: opp, importance: 3 });
    expect(withOpp.statusCode).toBe(201);
    const d2 = withOpp.json<Detail>();
    expect(d2.opportunities).toMatchObject([{ opportunityId: opp, title: 'Missed delivery windows', feedbackCount: 3, customerCount: 2, arr: '900000000000005001' }]);
    expect(d2.evidence).toEqual({ evidenceCount: 3, customerCount: 2, arr: '900000000000005001' });
    expect((await pm.post(url, { opportunityId: opp })).json()).toMatchObject({ code: 'conflict', field: 'opportunityId' });
    // The list shows the same roll-up.
    const listed = (await pm.get(`${f.w}/features?componentId=${componentId}`)).json<{ items: Detail[] }>().items[0]!;
    expect(listed.evidence).toEqual(d2.evidence);

    // Unlinking the direct link keeps f1 linked: its opportunity still has it.
    const direct = d2.feedback[0]!.evidenceId;
    expect((await pm.delete(`${url}/${direct}`)).statusCode).toBe(204);
    expect((await pm.delete(`${url}/${direct}`)).statusCode).toBe(404);
    expect((await pm.delete(`${url}/not-an-id`)).statusCode).toBe(404);
    expect(await feedbackState(f1)).toMatchObject({ status: 'linked' });
    const d3 = (await pm.get(`${f.w}/features/${feature.id}`)).json<Detail>();
    expect(d3.feedback).toEqual([]);
    expect(d3.evidence).toEqual({ evidenceCount: 3, customerCount: 2, arr: '900000000000005001' });
    expect((await pm.delete(`${url}/${d3.opportunities[0]!.evidenceId}`)).statusCode).toBe(204);
    expect((await pm.get(`${f.w}/features/${feature.id}`)).json<Detail>().evidence).toEqual({ evidenceCount: 0, customerCount: 0, arr: '0' });

    // Feedback that is evidence of the feature stays linked when an opportunity lets go of it.
    const f5 = await seedFeedback(f, { text: 'Evidence of both' });
    await pm.post(url, { feedbackId: f5 });
    const opportunity = (await f.admin.post(`${f.w}/opportunities`, { title: 'Late deliveries' })).json<{ id: string }>().id;
    expect((await f.admin.post(`${f.w}/opportunities/${opportunity}/evidence`, { feedbackId: f5 })).statusCode).toBe(201);
    expect((await f.admin.delete(`${f.w}/opportunities/${opportunity}/evidence/${f5}`)).statusCode).toBe(204);
    expect(await feedbackState(f5)).toMatchObject({ status: 'linked' });

    // Feedback linked only to this feature goes back to triaged when the feature goes.
    const f4 = await seedFeedback(f, { text: 'Only for this feature' });
    await pm.post(url, { feedbackId: f4 });
    expect(await feedbackState(f4)).toMatchObject({ status: 'linked' });
    expect((await pm.delete(`${f.w}/features/${feature.id}`)).statusCode).toBe(204);
    expect(await feedbackState(f4)).toMatchObject({ status: 'triaged' });
  });

  it('refuses links to a PM who does not own the component, and to viewers', async () => {
    const f = await workspaceFixture();
    const pm = await addMember(f, 'pm');
    const viewer = await addMember(f, 'viewer');
    const productId = await seedProduct(f);
    const componentId = await seedComponent(f, productId, 'Not the PM’s');
    const feature = await seedFeature(f, { componentId, title: 'Guarded' });
    const feedbackId = await seedFeedback(f, { text: 'Something' });
    expect((await pm.post(`${f.w}/features/${feature.id}/evidence`, { feedbackId })).statusCode).toBe(403);
    expect((await viewer.post(`${f.w}/features/${feature.id}/evidence`, { feedbackId })).statusCode).toBe(403);
    expect(await feedbackState(feedbackId)).toMatchObject({ status: 'new' });
  });

  it('links and unlinks experiments', async () => {
    const f = await workspaceFixture();
    const productId = await seedProduct(f);
    const componentId = await seedComponent(f, productId, 'Routing');
    const feature = await seedFeature(f, { componentId, title: 'Tested' });
    const experimentId = (await f.admin.post(`${f.w}/experiments`, { hypothesis: 'We believe windows matter, measured by on-time rate', type: 'survey' })).json<{ id: string }>().id;
    const url = `${f.w}/features/${feature.id}/experiments`;
    const res = await f.admin.post(url, { experimentId });
    expect(res.statusCode).toBe(201);
    expect(res.json<Detail>().experiments).toMatchObject([{ id: experimentId, hypothesis: 'We believe windows matter, measured by on-time rate' }]);
    expect((await f.admin.post(url, { experimentId })).json()).toMatchObject({ code: 'conflict', field: 'experimentId' });
    expect((await f.admin.post(url, { experimentId: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
    expect((await f.admin.delete(`${url}/${experimentId}`)).statusCode).toBe(204);
    expect((await f.admin.delete(`${url}/${experimentId}`)).statusCode).toBe(404);
    expect((await f.admin.get(`${f.w}/features/${feature.id}`)).json<Detail>().experiments).toEqual([]);
  });
});
