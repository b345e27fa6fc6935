import { beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { feedback } from '../../db/schema/index.js';
import { signUp, testApp, type TestClient } from '../../test/helpers.js';
import { DEMO_CUSTOMERS, DEMO_EXPERIMENTS, DEMO_FEEDBACK, DEMO_INTERVIEWS, DEMO_OPPORTUNITIES } from './demo-discovery.data.js';
import { firstSentenceEnd } from './demo-discovery.js';
import { DEMO_PRODUCT } from './demo.data.js';

const segmentOf = (key: string) => DEMO_CUSTOMERS.find((c) => c.key === key)!.segment;

/** Items by a key (Object.groupBy is Node 21+). */
function groupBy<T, K extends string | number>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

describe('demo discovery data', () => {
  it('has 25 customers in three segments, with ARR that fits the segment and a contact each', () => {
    expect(DEMO_CUSTOMERS).toHaveLength(25);
    const bySegment = groupBy(DEMO_CUSTOMERS, (c) => c.segment);
    expect([...bySegment.keys()].sort()).toEqual(['Enterprise', 'Mid-market', 'SMB']);
    for (const list of bySegment.values()) expect(list.length).toBeGreaterThanOrEqual(7);
    expect(new Set(DEMO_CUSTOMERS.map((c) => c.key)).size).toBe(25);
    expect(new Set(DEMO_CUSTOMERS.map((c) => c.domain)).size).toBe(25);
    expect(new Set(DEMO_CUSTOMERS.map((c) => c.status))).toEqual(new Set(['active', 'trial', 'churned', 'prospect']));
    for (const c of DEMO_CUSTOMERS) {
      expect(c.domain).toMatch(/^[a-z]+\.example$/);
      expect(c.contact.name).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
      const [min, max] = c.segment === 'Enterprise' ? [250_000, 1_000_000] : c.segment === 'Mid-market' ? [50_000, 150_000] : [5_000, 25_000];
      expect(c.arr, c.name).toBeGreaterThanOrEqual(min);
      expect(c.arr, c.name).toBeLessThanOrEqual(max);
    }
  });

  it('has about 300 feedback items from every customer, source and component over nine months', () => {
    expect(DEMO_FEEDBACK.length).toBeGreaterThanOrEqual(280);
    expect(DEMO_FEEDBACK.length).toBeLessThanOrEqual(330);
    expect(new Set(DEMO_FEEDBACK.map((f) => f.text)).size).toBe(DEMO_FEEDBACK.length);
    const keys = new Set(DEMO_CUSTOMERS.map((c) => c.key));
    for (const f of DEMO_FEEDBACK) if (f.customer) expect(keys.has(f.customer), f.customer).toBe(true);
    expect(new Set(DEMO_FEEDBACK.map((f) => f.customer).filter(Boolean)).size).toBe(25);
    expect(DEMO_FEEDBACK.filter((f) => !f.customer).length).toBeGreaterThanOrEqual(20);
    expect(new Set(DEMO_FEEDBACK.map((f) => f.source)).size).toBe(7);
    expect(new Set(DEMO_FEEDBACK.map((f) => f.component))).toEqual(new Set(DEMO_PRODUCT.components.map((c) => c.name)));
    expect(Math.max(...DEMO_FEEDBACK.map((f) => f.daysAgo))).toBeGreaterThanOrEqual(240);
    expect(Math.max(...DEMO_FEEDBACK.map((f) => f.daysAgo))).toBeLessThanOrEqual(280);
    // Each month of the nine has feedback, the recent ones more.
    const months = groupBy(DEMO_FEEDBACK, (f) => Math.floor(f.daysAgo / 30));
    for (let m = 0; m < 9; m++) expect(months.get(m)?.length ?? 0, `month ${m}`).toBeGreaterThanOrEqual(10);
    expect(months.get(0)!.length).toBeGreaterThan(months.get(8)!.length);
    expect(DEMO_FEEDBACK.filter((f) => f.status === 'archived').length).toBeGreaterThanOrEqual(3);
  });

  it('keeps the wording the browser tests search for', () => {
    const texts = DEMO_FEEDBACK.map((f) => f.text);
    // inbox-triage: "card payments" is said by exactly two items, one of them also says "mobile".
    expect(texts.filter((t) => /\bcard\W+payments?\b/i.test(t))).toEqual([
      'Our shoppers abandon checkout when the 3-D Secure challenge opens in a new tab on mobile. We lost about 8% of card payments last month.',
      'Card payments from the EU fail more often since the new authentication rules. Can the challenge stay inside checkout?',
    ]);
    // inbox-triage creates these itself and expects to find only its own.
    expect(texts.filter((t) => /gift\W+cards?|thermal\W+printers?/i.test(t))).toEqual([]);
    // inbox-triage: among sales notes, the newest match of `wallet or "Google Pay"` says Google Pay.
    const sales = DEMO_FEEDBACK.filter((f) => f.source === 'sales' && /\bwallets?\b|google pay/i.test(f.text)).sort((a, b) => a.daysAgo - b.daysAgo);
    expect(sales[0]!.text).toMatch(/Google Pay/);
    // discovery: the item it adds is the only one saying "Apple Pay" and "twice".
    expect(texts.filter((t) => /apple pay/i.test(t) && /\btwice\b/i.test(t))).toEqual([]);
    // feedback-suggestions: the duplicate it expects is there once.
    expect(texts.filter((t) => t.includes('3DS popup breaks on iPhone Safari'))).toEqual(['The 3DS popup breaks on iPhone Safari and customers think the site froze.']);
  });

  it('backs six opportunities with evidence from several customers, segments and months', () => {
    expect(Object.keys(DEMO_OPPORTUNITIES)).toEqual(['sca', 'wallets', 'search', 'reporting', 'inventory', 'webhooks']);
    for (const key of Object.keys(DEMO_OPPORTUNITIES)) {
      const evidence = DEMO_FEEDBACK.filter((f) => f.opportunity === key);
      const customers = new Set(evidence.map((f) => f.customer).filter((c): c is string => Boolean(c)));
      expect(customers.size, key).toBeGreaterThanOrEqual(8);
      expect(new Set([...customers].map(segmentOf)).size, key).toBeGreaterThanOrEqual(2);
      expect(new Set(evidence.map((f) => f.source)).size, key).toBeGreaterThanOrEqual(3);
      expect(new Set(evidence.map((f) => Math.floor(f.daysAgo / 30))).size, key).toBeGreaterThanOrEqual(4);
    }
    // Most feedback is not evidence yet: what the inbox triages and Themes groups.
    expect(DEMO_FEEDBACK.filter((f) => f.opportunity).length).toBeLessThan(DEMO_FEEDBACK.length / 3);
  });

  it('quotes a whole first sentence as evidence', () => {
    const long = 'Storefront search is too literal for our shoppers. It takes 3 seconds too.';
    expect(firstSentenceEnd(long)).toBe('Storefront search is too literal for our shoppers.'.length);
    const quoted = 'Searching for "tv" in our store finds nothing at all! "Television" works.';
    expect(firstSentenceEnd(quoted)).toBe('Searching for "tv" in our store finds nothing at all!'.length);
    // A short first sentence runs on to the next; a decimal point is no sentence end.
    expect(firstSentenceEnd('Reports are too basic. I need revenue by week. And by product.')).toBe('Reports are too basic. I need revenue by week.'.length);
    expect(firstSentenceEnd('Sizes like 10.5 break the filters')).toBe('Sizes like 10.5 break the filters'.length);
    for (const f of DEMO_FEEDBACK.filter((x) => x.opportunity)) {
      const quote = f.text.slice(0, firstSentenceEnd(f.text));
      expect(quote.length, f.text).toBeGreaterThanOrEqual(Math.min(45, f.text.length));
      expect(quote === f.text || /[.!?]["”]?$/.test(quote), quote).toBe(true);
    }
  });

  it('takes every interview highlight from its notes', () => {
    expect(DEMO_INTERVIEWS).toHaveLength(3);
    for (const iv of DEMO_INTERVIEWS) {
      expect(iv.highlights.length, iv.title).toBeGreaterThanOrEqual(2);
      for (const h of iv.highlights) expect(iv.notes, iv.title).toContain(h.text);
    }
    const highlights = DEMO_FEEDBACK.filter((f) => f.interview);
    expect(highlights.every((f) => f.source === 'interview' && f.customer === f.interview)).toBe(true);
    expect(highlights).toHaveLength(DEMO_INTERVIEWS.flatMap((iv) => iv.highlights).length);
  });

  it('tests an opportunity with each experiment', () => {
    expect(DEMO_EXPERIMENTS).toHaveLength(3);
    for (const e of DEMO_EXPERIMENTS) expect(DEMO_OPPORTUNITIES[e.opportunity], e.title).toBeDefined();
  });
});

describe('the seeded demo workspace', () => {
  let admin: TestClient;
  let w = '';
  let workspaceId = '';

  beforeAll(async () => {
    const app = await testApp();
    admin = await signUp(app, 'Demo Admin');
    const res = await admin.post('/api/v1/demo', {});
    expect(res.statusCode).toBe(201);
    workspaceId = res.json<{ workspaceId: string }>().workspaceId;
    w = `/api/v1/workspaces/${workspaceId}`;
  });

  const search = async (q: string, extra = '') =>
    (await admin.get(`${w}/feedback?limit=200&q=${encodeURIComponent(q)}${extra}`)).json<{ items: { text: string }[] }>().items.map((i) => i.text);

  it('holds every customer, feedback item, opportunity, interview and experiment', async () => {
    const app = await testApp();
    const [row] = await app.db.select({ n: count() }).from(feedback).where(eq(feedback.workspaceId, workspaceId));
    expect(row!.n).toBe(DEMO_FEEDBACK.length);
    const customers = (await admin.get(`${w}/customers?limit=100`)).json<{ items: { segment: string }[] }>().items;
    expect(customers).toHaveLength(25);
    const opportunities = (await admin.get(`${w}/opportunities`)).json<{ items: { title: string; evidence: { customerCount: number; arr: string } }[] }>().items;
    expect(opportunities).toHaveLength(6);
    for (const o of opportunities) expect(o.evidence.customerCount, o.title).toBeGreaterThanOrEqual(8);
    const interviews = (await admin.get(`${w}/interviews`)).json<{ items: { title: string; highlightCount: number }[] }>().items;
    expect(interviews.map((i) => i.highlightCount)).toEqual([3, 3, 3]);
    const experiments = (await admin.get(`${w}/experiments`)).json<{ items: { opportunities: unknown[] }[] }>().items;
    expect(experiments.map((e) => e.opportunities.length)).toEqual([1, 1, 1]);
  });

  it('rolls an opportunity up by segment, source and month', async () => {
    const [first] = (await admin.get(`${w}/opportunities`)).json<{ items: { id: string }[] }>().items;
    const detail = (await admin.get(`${w}/opportunities/${first!.id}`)).json<{
      evidence: { bySegment: { segment: string | null }[]; bySource: unknown[]; trend: { feedbackCount: number }[] };
    }>();
    expect(detail.evidence.bySegment.filter((s) => s.segment).length).toBeGreaterThanOrEqual(2);
    expect(detail.evidence.bySource.length).toBeGreaterThanOrEqual(3);
    expect(detail.evidence.trend.filter((m) => m.feedbackCount > 0).length).toBeGreaterThanOrEqual(4);
  });

  it('finds the phrases the inbox browser tests search for as they expect', async () => {
    expect(await search('"card payments" -mobile')).toEqual(['Card payments from the EU fail more often since the new authentication rules. Can the challenge stay inside checkout?']);
    expect(await search('"card payments"', '&tag=payments')).toHaveLength(2);
    expect((await search('wallet or "Google Pay"', '&source=sales'))[0]).toMatch(/Google Pay/);
    expect(await search('"gift cards"')).toEqual([]);
    expect(await search('"thermal printers"')).toEqual([]);
  });

  it('gives duplicate suggestions and themes something to find', async () => {
    const typed = (await admin.post(`${w}/feedback/suggestions`, { text: 'The 3DS popup breaks on iPhone Safari and our shoppers think the whole site froze.' })).json<{
      duplicates: { text: string; customer: { name: string } | null }[];
      opportunities: { title: string }[];
    }>();
    expect(typed.duplicates[0]).toMatchObject({ text: 'The 3DS popup breaks on iPhone Safari and customers think the site froze.', customer: { name: 'Kinetic Sports' } });
    expect(typed.opportunities[0]!.title).toBe(DEMO_OPPORTUNITIES.sca!.title);
    const wallet = (await admin.post(`${w}/feedback/suggestions`, { text: 'Apple Pay would make our mobile checkout twice as fast, our shoppers keep asking.' })).json<{ opportunities: { title: string }[] }>();
    expect(wallet.opportunities[0]!.title).toBe(DEMO_OPPORTUNITIES.wallets!.title);
    const themes = (await admin.post(`${w}/feedback/themes`, {})).json<{ themes: { label: string; feedbackIds: string[] }[] }>().themes;
    expect(themes.length).toBeGreaterThanOrEqual(8);
    expect(themes.filter((t) => t.feedbackIds.length >= 8).length).toBeGreaterThanOrEqual(4);
  });
});
