import { beforeAll, describe, expect, it } from 'vitest';
import type { Report, RequestDetail } from '../../../shared/contracts.js';
import { testApp, workspaceFixture } from '../../test/helpers.js';

const section = (r: Report, key: string) => r.content.sections.find((s) => s.key === key)!.blocks;

/*
 * "What changed and why" reads its reasons from the decision log: roadmap decisions recorded about a
 * feature, and triage decisions that accepted a request into it with a rationale. Through HTTP only.
 */
describe('reports: the why of roadmap changes', () => {
  beforeAll(async () => void (await testApp()));

  it('shows the roadmap decision as the reason a feature moved, the latest one winning, and stays neutral for customers', async () => {
    const f = await workspaceFixture();
    const productId = (await f.admin.post(`${f.w}/products`, { name: 'Atlas' })).json<{ id: string }>().id;
    const componentId = (await f.admin.post(`${f.w}/products/${productId}/components`, { name: 'Search' })).json<{ id: string }>().id;
    const make = async (body: object) => (await f.admin.post(`${f.w}/features`, { componentId, ...body })).json<{ id: string; version: number }>();
    const facets = await make({ title: 'Faceted search', horizon: 'now', public: true });
    const typo = await make({ title: 'Typo tolerance', horizon: 'next' });
    const synonyms = await make({ title: 'Synonyms', horizon: 'later' });

    // Baselines: later reports measure their changes from these.
    for (const audience of ['executive', 'customer'] as const) expect((await f.admin.post(`${f.w}/reports`, { productId, audience })).statusCode).toBe(201);

    expect((await f.admin.patch(`${f.w}/features/${facets.id}`, { horizon: 'later', version: facets.version })).statusCode).toBe(200);
    expect((await f.admin.patch(`${f.w}/features/${typo.id}`, { horizon: 'now', version: typo.version })).statusCode).toBe(200);
    expect((await f.admin.patch(`${f.w}/features/${synonyms.id}`, { status: 'wont_do', version: synonyms.version })).statusCode).toBe(200);
    const record = async (featureId: string, rationale: string) => expect((await f.admin.post(`${f.w}/decisions`, { featureId, rationale })).statusCode).toBe(201);
    await record(facets.id, 'First thought: facets later.');
    await record(facets.id, 'Relevance first: facets wait for the new index.');
    await record(synonyms.id, 'Dropped: search logs show almost no synonym misses.');
    // An accepted request with a reason explains its feature too.
    const request = (await f.admin.post(`${f.w}/requests`, { title: 'Forgive my typos', requesterType: 'internal', componentId })).json<RequestDetail>();
    expect((await f.admin.post(`${f.w}/requests/${request.id}/decision`, { action: 'accept', featureId: typo.id, rationale: 'A third of searches have a typo.' })).statusCode).toBe(200);

    const exec = (await f.admin.post(`${f.w}/reports`, { productId, audience: 'executive' })).json<Report>();
    expect(section(exec, 'what-changed')).toEqual([
      {
        type: 'list',
        items: [
          'Faceted search: moved: Now → Later. Why: Relevance first: facets wait for the new index.',
          'Typo tolerance: moved: Next → Now. Why: A third of searches have a typo.',
          "Synonyms: marked won't do. Why: Dropped: search logs show almost no synonym misses.",
        ],
      },
    ]);
    // The decisions list names roadmap decisions as such, with their reasons.
    const decisions = JSON.stringify(section(exec, 'decisions'));
    expect(decisions).toContain('Roadmap decision: Faceted search: Relevance first: facets wait for the new index.');
    expect(decisions).toContain('Accepted: Forgive my typos: A third of searches have a typo.');

    // Customers read a neutral line, never the internal reason.
    const customer = (await f.admin.post(`${f.w}/reports`, { productId, audience: 'customer' })).json<Report>();
    expect(section(customer, 'what-changed')).toEqual([{ type: 'list', items: ['Faceted search: moved: Now → Later. Why: Updated as our plans evolved.'] }]);
    const md = (await f.admin.get(`${f.w}/reports/${customer.id}/export?format=md`)).body;
    for (const text of [JSON.stringify(customer.content), md]) {
      expect(text).not.toMatch(/Relevance first|facets later|typo\.|synonym misses|Roadmap decision/);
    }
  });
});
