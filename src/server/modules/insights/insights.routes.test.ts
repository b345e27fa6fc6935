import { describe, expect, it } from 'vitest';
import { addMember, ORIGIN, signUp, workspaceFixture, type Fixture } from '../../test/helpers.js';
import { seedFeedback, seedOpportunity } from './insights.test-fixtures.js';

// Feedback is seeded through the database (insights.test-fixtures.ts) so these tests do not depend on
// the feedback module's routes.
const CHECKOUT = [
  'Checkout fails with "payment declined" for valid Visa cards.',
  'checkout fails with payment declined for perfectly valid visa cards',
  'Valid Visa cards get payment declined at checkout and the checkout fails.',
  'PayPal payments get stuck in pending at checkout and the order is never created.',
];
const DARK = ['Please add a dark mode to the web app.', 'please add dark mode to the web app', 'Dark mode would be easier on the eyes at night, the white UI is blinding.'];
const SEARCH = ['Search is very slow, results take more than 5 seconds to load.', 'Search is really slow - results take over 5 seconds to load', 'Product search is slow when the catalog is big.'];

async function seeded(): Promise<Fixture & { ids: string[] }> {
  const f = await workspaceFixture();
  const ids = await seedFeedback(f.app.db, f.workspaceId, [...CHECKOUT, ...DARK, ...SEARCH], { customerName: 'Acme' });
  return { ...f, ids };
}

describe('similar feedback', () => {
  it('lists the most similar items first, with scores, texts and customers, leaving out the item itself', async () => {
    const f = await seeded();
    const res = await f.admin.get(`${f.w}/feedback/${f.ids[0]}/similar?limit=3`);
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: { id: string; score: number; text: string; customer: { name: string } | null }[] }>().items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThanOrEqual(3);
    expect(items.map((i) => i.id)).not.toContain(f.ids[0]);
    expect(new Set(items.slice(0, 2).map((i) => i.id))).toEqual(new Set([f.ids[1], f.ids[2]]));
    expect(items[0]!.score).toBeGreaterThanOrEqual(items[items.length - 1]!.score);
    expect(items[0]!.customer?.name).toBe('Acme');
    expect(items[0]!.text).toMatch(/visa/i);
  });

  it('leaves out merged items', async () => {
    const f = await seeded();
    await f.app.db.execute(`update feedback set merged_into_id = '${f.ids[0]}' where id = '${f.ids[1]}'` as never);
    const items = (await f.admin.get(`${f.w}/feedback/${f.ids[0]}/similar`)).json<{ items: { id: string }[] }>().items;
    expect(items.map((i) => i.id)).not.toContain(f.ids[1]);
    expect(items.map((i) => i.id)).toContain(f.ids[2]);
  });

  it('answers 401, 400 naming the field, 403 to a viewer and 404 across workspaces', async () => {
    const f = await seeded();
    const anonymous = await f.app.inject({ method: 'GET', url: `${f.w}/feedback/${f.ids[0]}/similar` });
    expect(anonymous.statusCode).toBe(401);
    const bad = await f.admin.get(`${f.w}/feedback/${f.ids[0]}/similar?limit=0`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ field: string; message: string }>()).toMatchObject({ field: 'limit' });
    expect(bad.json<{ message: string }>().message).toContain('must be at least 1');
    const badId = await f.admin.get(`${f.w}/feedback/not-a-uuid/similar`);
    expect(badId.statusCode).toBe(400);
    expect(badId.json<{ field: string }>().field).toBe('feedbackId');
    const viewer = await addMember(f, 'viewer');
    expect((await viewer.get(`${f.w}/feedback/${f.ids[0]}/similar`)).statusCode).toBe(403);
    const contributor = await addMember(f, 'contributor');
    expect((await contributor.get(`${f.w}/feedback/${f.ids[0]}/similar`)).statusCode).toBe(200);
    const other = await workspaceFixture();
    const cross = await other.admin.get(`${other.w}/feedback/${f.ids[0]}/similar`);
    expect(cross.statusCode).toBe(404);
    expect(cross.json<{ message: string }>().message).toBe('Feedback not found');
    const outsider = await signUp(f.app);
    expect((await outsider.get(`${f.w}/feedback/${f.ids[0]}/similar`)).statusCode).toBe(404);
  });
});

describe('feedback suggestions', () => {
  it('suggests duplicates above the threshold and the opportunities the item belongs to', async () => {
    const f = await seeded();
    const checkoutOpp = await seedOpportunity(f.app.db, f.workspaceId, 'Card payments fail at checkout', 'Valid cards are declined at checkout, orders are lost', [f.ids[3]!]);
    const darkOpp = await seedOpportunity(f.app.db, f.workspaceId, 'Dark mode', 'The bright UI tires people working at night');
    const res = await f.admin.get(`${f.w}/feedback/${f.ids[0]}/suggestions`);
    expect(res.statusCode).toBe(200);
    const body = res.json<{ duplicates: { id: string; score: number }[]; opportunities: { id: string; title: string; score: number }[] }>();
    expect(body.duplicates.map((d) => d.id).sort()).toEqual([f.ids[1], f.ids[2]].sort());
    expect(body.duplicates.every((d) => d.score >= 0.5)).toBe(true);
    expect(body.opportunities[0]).toMatchObject({ id: checkoutOpp, title: 'Card payments fail at checkout' });
    expect(body.opportunities.map((o) => o.id)).not.toContain(darkOpp);
  });

  it('answers 401, 400, 403 to a viewer and 404 across workspaces', async () => {
    const f = await seeded();
    expect((await f.app.inject({ method: 'GET', url: `${f.w}/feedback/${f.ids[0]}/suggestions` })).statusCode).toBe(401);
    const bad = await f.admin.get(`${f.w}/feedback/123/suggestions`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ field: string }>().field).toBe('feedbackId');
    const viewer = await addMember(f, 'viewer');
    expect((await viewer.get(`${f.w}/feedback/${f.ids[0]}/suggestions`)).statusCode).toBe(403);
    const other = await workspaceFixture();
    expect((await other.admin.get(`${other.w}/feedback/${f.ids[0]}/suggestions`)).statusCode).toBe(404);
  });
});

describe('suggestions for text not saved yet', () => {
  it('suggests the duplicates and the opportunity of text being typed, and writes nothing', async () => {
    const f = await seeded();
    const checkoutOpp = await seedOpportunity(f.app.db, f.workspaceId, 'Card payments fail at checkout', 'Valid cards are declined at checkout, orders are lost', [f.ids[3]!]);
    const before = await f.admin.get(`${f.w}/feedback?limit=100`);
    const res = await f.admin.post(`${f.w}/feedback/suggestions`, { text: 'Our checkout fails: payment declined for valid Visa cards' });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ duplicates: { id: string; score: number }[]; opportunities: { id: string }[] }>();
    expect(body.duplicates.map((d) => d.id)).toEqual(expect.arrayContaining([f.ids[0], f.ids[1]]));
    expect(body.duplicates.map((d) => d.id)).not.toContain(f.ids[4]);
    expect(body.opportunities[0]?.id).toBe(checkoutOpp);
    const after = await f.admin.get(`${f.w}/feedback?limit=100`);
    expect(after.json<{ items: unknown[] }>().items).toHaveLength(before.json<{ items: unknown[] }>().items.length);
    const unrelated = (await f.admin.post(`${f.w}/feedback/suggestions`, { text: 'The weekly revenue report should include refunds' })).json<{ duplicates: unknown[] }>();
    expect(unrelated.duplicates).toEqual([]);
  });

  it('answers 401, 400 naming the field, 403 to a viewer and leaves other workspaces out', async () => {
    const f = await seeded();
    expect((await f.app.inject({ method: 'POST', url: `${f.w}/feedback/suggestions`, payload: { text: 'x' }, headers: { origin: ORIGIN } })).statusCode).toBe(401);
    const empty = await f.admin.post(`${f.w}/feedback/suggestions`, { text: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json<{ field: string; message: string }>()).toMatchObject({ field: 'text' });
    const viewer = await addMember(f, 'viewer');
    expect((await viewer.post(`${f.w}/feedback/suggestions`, { text: 'dark mode please' })).statusCode).toBe(403);
    const other = await workspaceFixture();
    const res = await other.admin.post(`${other.w}/feedback/suggestions`, { text: CHECKOUT[0] });
    expect(res.json()).toEqual({ duplicates: [], opportunities: [] });
  });
});

describe('feedback themes', () => {
  it('clusters unlinked feedback into labelled themes with quotes, leaving linked and archived items out', async () => {
    const f = await seeded();
    const [archived] = await seedFeedback(f.app.db, f.workspaceId, ['Please add a dark mode, my eyes hurt'], { status: 'archived' });
    await seedOpportunity(f.app.db, f.workspaceId, 'Slow search', '', [f.ids[9]!]);
    const res = await f.admin.post(`${f.w}/feedback/themes`, {});
    expect(res.statusCode).toBe(200);
    const body = res.json<{ themes: { label: string; feedbackIds: string[]; quotes: string[] }[]; unclustered: string[] }>();
    const all = [...body.themes.flatMap((t) => t.feedbackIds), ...body.unclustered];
    expect(all).not.toContain(archived);
    expect(all).not.toContain(f.ids[9]);
    expect(all).toHaveLength(f.ids.length - 1);
    const checkout = body.themes.find((t) => t.feedbackIds.includes(f.ids[0]!))!;
    expect(checkout.feedbackIds).toEqual(expect.arrayContaining([f.ids[1], f.ids[2]]));
    expect(checkout.feedbackIds).not.toContain(f.ids[4]);
    expect(checkout.label).toMatch(/checkout|visa|declined|payment/);
    expect(checkout.quotes.length).toBeGreaterThanOrEqual(2);
    expect(checkout.quotes.length).toBeLessThanOrEqual(3);
  });

  it('clusters only the items asked for', async () => {
    const f = await seeded();
    const ids = f.ids.slice(0, 3);
    const body = (await f.admin.post(`${f.w}/feedback/themes`, { feedbackIds: ids })).json<{ themes: { feedbackIds: string[] }[]; unclustered: string[] }>();
    expect([...body.themes.flatMap((t) => t.feedbackIds), ...body.unclustered].sort()).toEqual([...ids].sort());
    expect(body.themes).toHaveLength(1);
  });

  it('answers 401, 400 naming the field, 403 to a viewer and 404 for another workspace’s ids', async () => {
    const f = await seeded();
    expect((await f.app.inject({ method: 'POST', url: `${f.w}/feedback/themes`, payload: {}, headers: { origin: ORIGIN } })).statusCode).toBe(401);
    const bad = await f.admin.post(`${f.w}/feedback/themes`, { feedbackIds: ['nope'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ field: string }>().field).toBe('feedbackIds.0');
    const empty = await f.admin.post(`${f.w}/feedback/themes`, { feedbackIds: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json<{ message: string }>().message).toContain('must not be empty');
    const viewer = await addMember(f, 'viewer');
    expect((await viewer.post(`${f.w}/feedback/themes`, {})).statusCode).toBe(403);
    const other = await workspaceFixture();
    const cross = await other.admin.post(`${other.w}/feedback/themes`, { feedbackIds: [f.ids[0]] });
    expect(cross.statusCode).toBe(404);
    expect((await other.admin.post(`${other.w}/feedback/themes`, {})).json()).toEqual({ themes: [], unclustered: [] });
  });
});
