import { beforeAll, describe, expect, it } from 'vitest';
import { signUp, testApp, type TestClient } from '../../test/helpers.js';
import { DEMO_DEPENDENCIES, DEMO_FEATURES, DEMO_REQUIREMENTS } from './demo-roadmap.data.js';
import { quarterOf, quarterStart } from './demo-roadmap.js';
import { DEMO_REQUESTS } from './demo-represent.data.js';
import { DEMO_PRODUCT } from './demo.data.js';

describe('demo roadmap data', () => {
  it('spreads about 60 features over every component and status, with unique titles and score inputs', () => {
    expect(DEMO_FEATURES.length).toBeGreaterThanOrEqual(55);
    expect(new Set(DEMO_FEATURES.map((f) => f.key)).size).toBe(DEMO_FEATURES.length);
    expect(new Set(DEMO_FEATURES.map((f) => f.title)).size).toBe(DEMO_FEATURES.length);
    expect(new Set(DEMO_FEATURES.map((f) => f.component))).toEqual(new Set(DEMO_PRODUCT.components.map((c) => c.name)));
    expect(new Set(DEMO_FEATURES.map((f) => f.status))).toEqual(new Set(['idea', 'discovery', 'planned', 'in_progress', 'shipped', 'wont_do']));
    expect(DEMO_FEATURES.every((f) => f.rice && f.ice)).toBe(true);
    const keys = new Set(DEMO_FEATURES.map((f) => f.key));
    for (const [a, b] of DEMO_DEPENDENCIES) expect(keys.has(a) && keys.has(b), `${a} → ${b}`).toBe(true);
    for (const key of Object.keys(DEMO_REQUIREMENTS)) expect(keys.has(key), key).toBe(true);
  });

  it('names quarters and their first day in UTC', () => {
    expect(quarterOf(new Date('2026-11-28T23:00:00Z'))).toBe('2026-Q4');
    expect(quarterStart(new Date('2026-05-31T12:00:00Z')).toISOString()).toBe('2026-04-01T00:00:00.000Z');
  });
});

describe('the demo workspace’s roadmap, through the API', () => {
  let admin: TestClient;
  let w = '';
  let productId = '';

  beforeAll(async () => {
    const app = await testApp();
    admin = await signUp(app, 'Roadmap Demo Admin');
    const res = await admin.post('/api/v1/demo', {});
    expect(res.statusCode).toBe(201);
    w = `/api/v1/workspaces/${res.json<{ workspaceId: string }>().workspaceId}`;
    productId = (await admin.get(`${w}/products`)).json<{ items: { id: string }[] }>().items[0]!.id;
  });

  it('has the features, with requirements for three and opportunities as evidence', async () => {
    const items: { id: string; title: string }[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string; title: string }[]; nextCursor: string | null } = (
        await admin.get(`${w}/features?productId=${productId}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
      ).json();
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    // The demo's requests accepted into a new feature add one each.
    const fromRequests = DEMO_REQUESTS.filter((r) => r.decision?.action === 'accept' && 'newFeature' in r.decision).length;
    expect(fromRequests).toBeGreaterThan(0);
    expect(items).toHaveLength(DEMO_FEATURES.length + fromRequests);
    const threeDs = items.find((f) => f.title === 'In-page 3-D Secure challenge')!;
    const requirements = (await admin.get(`${w}/features/${threeDs.id}/requirements`)).json<{ body: string; revision: number }>();
    expect(requirements.revision).toBe(1);
    expect(requirements.body).toContain('Shoppers on mobile abandon checkout');
    const detail = (await admin.get(`${w}/features/${threeDs.id}`)).json<{ rollup?: { evidenceCount: number }; evidenceCount?: number }>();
    expect(JSON.stringify(detail)).toContain('Card payments fail at strong customer authentication');
  });

  it('has ten dependencies, exactly two of them in conflict', async () => {
    const conflicts = (await admin.get(`${w}/dependencies/conflicts?productId=${productId}`)).json<{ items: { featureId: string; dependsOnId: string; reason: string }[] }>().items;
    const graph = (await admin.get(`${w}/dependencies/graph?productId=${productId}`)).json<{ edges: unknown[] }>();
    expect(graph.edges).toHaveLength(DEMO_DEPENDENCIES.length);
    expect(new Set(conflicts.map((c) => `${c.featureId}>${c.dependsOnId}`)).size).toBe(2);
  });

  it('has two releases, capacities this quarter and scores under the default framework', async () => {
    const releases = (await admin.get(`${w}/releases?productId=${productId}`)).json<{ items: { featureCount: number }[] }>().items;
    expect(releases).toHaveLength(2);
    expect(releases.every((r) => r.featureCount > 0)).toBe(true);
    const capacity = (await admin.get(`${w}/capacity?productId=${productId}&quarter=${quarterOf(new Date())}`)).json<{ components: { capacity: number | null }[] }>();
    expect(capacity.components.filter((c) => c.capacity !== null)).toHaveLength(5);
    const ranked = (await admin.get(`${w}/features/ranked?productId=${productId}`)).json<{ items: { score: number | null }[] }>().items;
    expect(ranked.length).toBeGreaterThan(30);
    expect(ranked.filter((r) => r.score !== null).length).toBeGreaterThan(30);
  });
});
