import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { quarterOf, shiftQuarter } from '../../../shared/contracts/roadmap-releases.js';
import { addMember, testApp, workspaceFixture, type Fixture } from '../../test/helpers.js';
import { buildCapacityReport } from './capacity.service.js';
import { seedFeature, seedProduct, setCapacityUnit } from './releases.fixtures.js';

interface Row {
  componentId: string;
  name: string;
  ownerId: string | null;
  capacity: number | null;
  planned: number;
  featureCount: number;
  unestimatedCount: number;
  overAllocated: boolean;
  utilisation: number | null;
}
interface Report {
  productId: string;
  quarter: string;
  start: string;
  end: string;
  unit: string;
  components: Row[];
  totals: { capacity: number; planned: number; featureCount: number; overAllocatedCount: number; utilisation: number | null };
}

const put = (f: Fixture, productId: string, quarter: string, capacities: unknown) =>
  f.admin.request('PUT', `${f.w}/capacity?productId=${productId}&quarter=${quarter}`, { capacities });

describe('capacity routes', () => {
  // Starting the app (migrations on the embedded database) is slow on a busy machine: not a test's time.
  beforeAll(async () => {
    await testApp();
  });

  it('shows prorated planned effort against capacity and flags over-allocation', async () => {
    const f = await workspaceFixture();
    const { productId, componentIds } = await seedProduct(f, 'Fleet', ['Routing', 'Driver App', 'Billing']);
    const [routing, driver, billing] = componentIds as [string, string, string];
    const other = await seedProduct(f, 'Other', ['Elsewhere']);

    // Mon 2027-03-29 .. Fri 2027-04-09: 3 of its 10 working days are in Q1, 7 in Q2.
    await seedFeature(f, { componentId: routing, title: 'Straddles', status: 'planned', effort: 10, startDate: '2027-03-29', endDate: '2027-04-09' });
    await seedFeature(f, { componentId: routing, title: 'Inside Q2', status: 'in_progress', effort: 4.5, startDate: '2027-04-12', endDate: '2027-05-14' });
    await seedFeature(f, { componentId: routing, title: 'No estimate', status: 'planned', startDate: '2027-05-03', endDate: '2027-05-07' });
    await seedFeature(f, { componentId: driver, title: 'Shipped, not planned', status: 'shipped', effort: 50, startDate: '2027-04-01', endDate: '2027-06-30' });
    await seedFeature(f, { componentId: driver, title: 'Idea', status: 'idea', effort: 50, startDate: '2027-04-01', endDate: '2027-06-30' });
    await seedFeature(f, { componentId: driver, title: 'Q3', status: 'planned', effort: 6, startDate: '2027-07-01', endDate: '2027-07-30' });
    await seedFeature(f, { componentId: other.componentIds[0]!, title: 'Other product', status: 'planned', effort: 99, startDate: '2027-04-01', endDate: '2027-04-30' });

    const get = async (quarter: string) => {
      const res = await f.admin.get(`${f.w}/capacity?productId=${productId}&quarter=${quarter}`);
      expect(res.statusCode).toBe(200);
      return res.json<Report>();
    };
    const q2 = await get('2027-Q2');
    expect(q2).toMatchObject({ productId, quarter: '2027-Q2', start: '2027-04-01', end: '2027-06-30', unit: 'points' });
    expect(q2.components.map((c) => c.name)).toEqual(['Billing', 'Driver App', 'Routing']);
    const byId = (r: Report, id: string) => r.components.find((c) => c.componentId === id)!;
    expect(byId(q2, routing)).toEqual({ componentId: routing, name: 'Routing', ownerId: null, capacity: null, planned: 11.5, featureCount: 3, unestimatedCount: 1, overAllocated: false, utilisation: null });
    expect(byId(q2, driver)).toMatchObject({ planned: 0, featureCount: 0 });
    expect(byId(await get('2027-Q1'), routing)).toMatchObject({ planned: 3, featureCount: 1 });
    expect(byId(await get('2027-Q3'), driver)).toMatchObject({ planned: 6, featureCount: 1 });

    const saved = await put(f, productId, '2027-Q2', [
      { componentId: routing, capacity: 10 },
      { componentId: driver, capacity: 8 },
    ]);
    expect(saved.statusCode).toBe(200);
    const report = saved.json<Report>();
    expect(byId(report, routing)).toMatchObject({ capacity: 10, planned: 11.5, overAllocated: true, utilisation: 1.15 });
    expect(byId(report, driver)).toMatchObject({ capacity: 8, planned: 0, overAllocated: false, utilisation: 0 });
    expect(byId(report, billing)).toMatchObject({ capacity: null, overAllocated: false });
    expect(report.totals).toEqual({ capacity: 18, planned: 11.5, featureCount: 3, overAllocatedCount: 1, utilisation: 0.639 });
    // Another quarter keeps its own capacities.
    expect(byId(await get('2027-Q3'), routing).capacity).toBeNull();

    // Raising it lifts the flag; null removes a capacity; components left out keep theirs.
    const next = (await put(f, productId, '2027-Q2', [{ componentId: routing, capacity: 11.5 }, { componentId: driver, capacity: null }])).json<Report>();
    expect(byId(next, routing)).toMatchObject({ capacity: 11.5, overAllocated: false, utilisation: 1 });
    expect(byId(next, driver).capacity).toBeNull();
    expect(byId((await put(f, productId, '2027-Q2', [])).json<Report>(), routing).capacity).toBe(11.5);

    const entries = (await f.admin.get(`${f.w}/audit-log?entityType=product`)).json<{ items: { action: string; summary: string; changes: unknown }[] }>().items.filter((e) => e.action === 'capacity.update');
    expect(entries.map((e) => e.summary)).toEqual([
      'Set capacity of Fleet for 2027-Q2: no change',
      'Set capacity of Fleet for 2027-Q2: Routing: 10 → 11.5; Driver App: 8 → —',
      'Set capacity of Fleet for 2027-Q2: Routing: — → 10; Driver App: — → 8',
    ]);
    expect(entries[1]!.changes).toEqual({ quarter: '2027-Q2', capacities: { Routing: [10, 11.5], 'Driver App': [8, null] } });
  });

  it('counts undated features on the now horizon in the current quarter, next in the one after, in the workspace unit', async () => {
    const f = await workspaceFixture();
    const { productId, componentIds } = await seedProduct(f, 'Fleet', ['Routing']);
    await setCapacityUnit(f, 'person_weeks');
    await seedFeature(f, { componentId: componentIds[0]!, title: 'Now', status: 'planned', effort: 2, horizon: 'now' });
    await seedFeature(f, { componentId: componentIds[0]!, title: 'Next', status: 'planned', effort: 3, horizon: 'next' });
    await seedFeature(f, { componentId: componentIds[0]!, title: 'Later', status: 'planned', effort: 5, horizon: 'later' });
    const current = quarterOf(new Date());
    const read = async (quarter: string) => (await f.admin.get(`${f.w}/capacity?productId=${productId}&quarter=${quarter}`)).json<Report>();
    const now = await read(current);
    expect(now.unit).toBe('person_weeks');
    expect(now.components[0]).toMatchObject({ planned: 2, featureCount: 1 });
    expect((await read(shiftQuarter(current, 1))).components[0]).toMatchObject({ planned: 3, featureCount: 1 });
    expect((await read(shiftQuarter(current, 2))).components[0]).toMatchObject({ planned: 0, featureCount: 0 });
  });

  it('validates the quarter, the product and the capacities, naming the field', async () => {
    const f = await workspaceFixture();
    const { productId, componentIds } = await seedProduct(f, 'Fleet', ['Routing']);
    const other = await seedProduct(f, 'Other', ['Elsewhere']);
    const bad = await f.admin.get(`${f.w}/capacity?productId=${productId}&quarter=2027-Q5`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({ code: 'validation_failed', message: 'quarter: must be a quarter as YYYY-Qn, e.g. 2027-Q1', field: 'quarter' });
    expect((await f.admin.get(`${f.w}/capacity?productId=${productId}&quarter=2027Q1`)).json<{ field: string }>().field).toBe('quarter');
    expect((await f.admin.get(`${f.w}/capacity?productId=${productId}`)).json<{ field: string }>().field).toBe('quarter');
    expect((await f.admin.get(`${f.w}/capacity?quarter=2027-Q1`)).json<{ field: string }>().field).toBe('productId');
    expect((await f.admin.request('PUT', `${f.w}/capacity?productId=${productId}&quarter=Q1`, { capacities: [] })).json<{ field: string }>().field).toBe('quarter');

    const wrong = await put(f, productId, '2027-Q1', [{ componentId: other.componentIds[0], capacity: 3 }]);
    expect(wrong.json()).toEqual({ code: 'validation_failed', message: `capacities.0.componentId: ${other.componentIds[0]} is not a component of Fleet`, field: 'capacities.0.componentId' });
    const twice = await put(f, productId, '2027-Q1', [{ componentId: componentIds[0], capacity: 3 }, { componentId: componentIds[0], capacity: 4 }]);
    expect(twice.json<{ field: string }>().field).toBe('capacities.1.componentId');
    expect((await put(f, productId, '2027-Q1', [{ componentId: componentIds[0], capacity: -1 }])).json<{ field: string; message: string }>()).toMatchObject({ field: 'capacities.0.capacity', message: 'capacities.0.capacity: must be at least 0' });
    expect((await put(f, productId, '2027-Q1', [{ componentId: componentIds[0], capacity: '5' }])).json<{ field: string }>().field).toBe('capacities.0.capacity');
    expect((await put(f, productId, '2027-Q1', undefined)).json<{ field: string }>().field).toBe('capacities');
    // Nothing was written by the refused calls.
    expect((await f.admin.get(`${f.w}/capacity?productId=${productId}&quarter=2027-Q1`)).json<Report>().components[0]!.capacity).toBeNull();
  });

  it('answers 404 for another workspace’s product', async () => {
    const f = await workspaceFixture();
    const theirs = await workspaceFixture();
    const { productId, componentIds } = await seedProduct(theirs, 'Theirs', ['X']);
    const got = await f.admin.get(`${f.w}/capacity?productId=${productId}&quarter=2027-Q1`);
    expect(got.statusCode).toBe(404);
    expect(got.json()).toMatchObject({ message: 'Product not found' });
    expect((await put(f, productId, '2027-Q1', [{ componentId: componentIds[0], capacity: 1 }])).statusCode).toBe(404);
    expect((await theirs.admin.get(`${theirs.w}/capacity?productId=${productId}&quarter=2027-Q1`)).json<Report>().components[0]!.capacity).toBeNull();
  });

  it('lets admins and leads set capacity; PMs and contributors read it; viewers do not', async () => {
    const f = await workspaceFixture();
    const pm = await addMember(f, 'pm');
    const { productId, componentIds } = await seedProduct(f, 'Fleet', ['Routing'], pm.memberId);
    const lead = await addMember(f, 'lead');
    const contributor = await addMember(f, 'contributor');
    const viewer = await addMember(f, 'viewer');
    const url = `${f.w}/capacity?productId=${productId}&quarter=2027-Q1`;
    const body = { capacities: [{ componentId: componentIds[0], capacity: 12 }] };

    expect((await lead.request('PUT', url, body)).statusCode).toBe(200);
    // Even the component's owner PM does not set capacity: it is the lead's allocation.
    expect((await pm.request('PUT', url, body)).statusCode).toBe(403);
    expect((await contributor.request('PUT', url, body)).statusCode).toBe(403);
    expect((await viewer.request('PUT', url, body)).statusCode).toBe(403);
    for (const reader of [pm, contributor]) expect((await reader.get(url)).json<Report>().components[0]).toMatchObject({ capacity: 12, ownerId: pm.memberId });
    expect((await viewer.get(url)).statusCode).toBe(403);
  });
});

describe('capacity report', () => {
  it('sums a dated feature over consecutive quarters to its effort', () => {
    const day = fc.integer({ min: Date.UTC(2000, 0, 1) / 86_400_000, max: Date.UTC(2060, 0, 1) / 86_400_000 });
    const iso = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 700 }), fc.integer({ min: 0, max: 100_000 }), (start, length, cents) => {
        const effort = cents / 100;
        const feature = { componentId: 'c', effort, horizon: null, startDate: iso(start), endDate: iso(start + length) };
        let planned = 0;
        const last = quarterOf(iso(start + length));
        for (let q = quarterOf(iso(start)); ; q = shiftQuarter(q, 1)) {
          const report = buildCapacityReport({ productId: 'p', quarter: q, current: '2000-Q1', unit: 'points', components: [{ id: 'c', name: 'C', ownerId: null }], capacities: new Map(), features: [feature] });
          planned += report.components[0]!.planned;
          if (q === last) break;
        }
        // Each quarter is rounded to cents: the sum is off by at most half a cent per quarter.
        expect(Math.abs(planned - effort)).toBeLessThanOrEqual(0.005 * 10 + 1e-9);
      }),
    );
  });
});
