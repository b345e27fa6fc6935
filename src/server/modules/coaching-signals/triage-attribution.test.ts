import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../test/database.js';
import { addMember, workspaceFixture, type Fixture } from '../../test/helpers.js';

/** Who first moved feedback out of "new" (the feedback-triage coaching signal), through every path that does. */
describe('feedback triage attribution', () => {
  let f: Fixture;
  let pm: Awaited<ReturnType<typeof addMember>>;
  let lead: Awaited<ReturnType<typeof addMember>>;

  const create = async (text: string) => (await f.admin.post(`${f.w}/feedback`, { text, source: 'support' })).json<{ id: string; version: number }>();
  const triageOf = async (id: string) => {
    const { db } = await testDatabase();
    const row = await db.query.feedback.findFirst({ where: (x, { eq }) => eq(x.id, id), columns: { status: true, triagedById: true, triagedAt: true } });
    return row!;
  };

  beforeAll(async () => {
    f = await workspaceFixture('Triage attribution');
    pm = await addMember(f, 'pm', 'Tia Triager');
    lead = await addMember(f, 'lead', 'Lou Later');
  });

  it('records the first triager of a single update and keeps them through later changes', async () => {
    const item = await create('Search is slow on large catalogues');
    expect(await triageOf(item.id)).toMatchObject({ status: 'new', triagedById: null, triagedAt: null });
    const tagged = await pm.patch(`${f.w}/feedback/${item.id}`, { tags: ['search'], version: item.version });
    expect(await triageOf(item.id)).toMatchObject({ triagedById: null });
    const triaged = await pm.patch(`${f.w}/feedback/${item.id}`, { status: 'triaged', version: tagged.json<{ version: number }>().version });
    expect(triaged.statusCode).toBe(200);
    const first = await triageOf(item.id);
    expect(first.triagedById).toBe(pm.memberId);
    expect(first.triagedAt).toBeInstanceOf(Date);
    // Back to new and out again by someone else: the first triager stays.
    const reopened = await lead.patch(`${f.w}/feedback/${item.id}`, { status: 'new', version: triaged.json<{ version: number }>().version });
    await lead.patch(`${f.w}/feedback/${item.id}`, { status: 'archived', version: reopened.json<{ version: number }>().version });
    expect(await triageOf(item.id)).toMatchObject({ status: 'archived', triagedById: pm.memberId, triagedAt: first.triagedAt });
  });

  it('records it on bulk triage and bulk archive, only for items still new', async () => {
    const [a, b, c] = [await create('Bulk one'), await create('Bulk two'), await create('Bulk three')];
    await pm.post(`${f.w}/feedback/bulk`, { ids: [a!.id], action: 'triage' });
    const res = await lead.post(`${f.w}/feedback/bulk`, { ids: [a!.id, b!.id], action: 'archive' });
    expect(res.statusCode).toBe(200);
    await lead.post(`${f.w}/feedback/bulk`, { ids: [c!.id], action: 'tag', tag: 'later' });
    expect((await triageOf(a!.id)).triagedById).toBe(pm.memberId);
    expect((await triageOf(b!.id)).triagedById).toBe(lead.memberId);
    expect((await triageOf(c!.id)).triagedById).toBeNull();
  });

  it('records it when an item is linked as evidence to an opportunity or a feature', async () => {
    const opp = (await pm.post(`${f.w}/opportunities`, { title: 'Search misses' })).json<{ id: string }>();
    const item = await create('Nothing found for “sneakrs”');
    expect((await pm.post(`${f.w}/opportunities/${opp.id}/evidence`, { feedbackId: item.id })).statusCode).toBe(201);
    expect(await triageOf(item.id)).toMatchObject({ status: 'linked', triagedById: pm.memberId });

    const product = (await f.admin.post(`${f.w}/products`, { name: 'Shop' })).json<{ id: string }>();
    const component = (await f.admin.post(`${f.w}/products/${product.id}/components`, { name: 'Search', ownerId: pm.memberId })).json<{ id: string }>();
    const feature = (await pm.post(`${f.w}/features`, { componentId: component.id, title: 'Fuzzy search' })).json<{ id: string }>();
    const other = await create('Typos break search');
    const linked = await lead.post(`${f.w}/features/${feature.id}/evidence`, { feedbackId: other.id });
    expect(linked.statusCode).toBe(201);
    expect(await triageOf(other.id)).toMatchObject({ status: 'linked', triagedById: lead.memberId });
  });

  it('records it on merge for archived duplicates and a kept item that becomes linked', async () => {
    const opp = (await lead.post(`${f.w}/opportunities`, { title: 'Exports' })).json<{ id: string }>();
    const kept = await create('CSV export lacks tax id');
    const dup = await create('Tax id missing from the export');
    await lead.post(`${f.w}/opportunities/${opp.id}/evidence`, { feedbackId: dup.id });
    const plain = await create('Export again');
    const res = await pm.post(`${f.w}/feedback/${kept.id}/merge`, { duplicateIds: [dup.id, plain.id] });
    expect(res.statusCode).toBe(200);
    expect(await triageOf(kept.id)).toMatchObject({ status: 'linked', triagedById: pm.memberId });
    expect(await triageOf(dup.id)).toMatchObject({ status: 'archived', triagedById: lead.memberId });
    expect(await triageOf(plain.id)).toMatchObject({ status: 'archived', triagedById: pm.memberId });
    // A kept item that gains no evidence stays new and untriaged.
    const lone = await create('Lonely');
    await pm.post(`${f.w}/feedback/${lone.id}/merge`, { duplicateIds: [(await create('Lonely too')).id] });
    expect(await triageOf(lone.id)).toMatchObject({ status: 'new', triagedById: null });
  });

  it('counts in the PM’s signals', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const res = await lead.get(`${f.w}/coaching/signals?personId=${pm.memberId}&from=${today}&to=${today}`);
    const triage = res.json<{ signals: { key: string; count: number; quality: { count: number } }[] }>().signals.find((s) => s.key === 'feedback-triage')!;
    // Triaged: the single update, bulk item a, the opportunity link, the first merge's kept item and plain
    // duplicate, and the second merge's duplicate.
    expect(triage.count).toBe(6);
    // Linked as evidence by them: the opportunity link (the kept item's evidence was linked by the lead).
    expect(triage.quality.count).toBe(1);
  });
});
