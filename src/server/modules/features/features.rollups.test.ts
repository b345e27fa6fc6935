import { describe, expect, it } from 'vitest';
import { testDatabase } from '../../test/database.js';
import { workspaceFixture } from '../../test/helpers.js';
import { markMerged, seedCustomer, seedFeedback } from '../opportunities/discovery.fixtures.js';
import { seedComponent, seedFeature, seedProduct } from './features.fixtures.js';
import { featureRollups } from './features.rollups.js';

const NO_SUCH_FEATURE = '00000000-0000-4000-8000-00000000abcd';

describe('featureRollups', () => {
  it('rolls up many features in one call: direct and opportunity feedback, distinct items and customers, exact ARR', async () => {
    const f = await workspaceFixture();
    const { db } = await testDatabase();
    const productId = await seedProduct(f);
    const componentId = await seedComponent(f, productId, 'Routing');
    const a = (await seedFeature(f, { componentId, title: 'A' })).id;
    const b = (await seedFeature(f, { componentId, title: 'B' })).id;
    const empty = (await seedFeature(f, { componentId, title: 'Nothing linked' })).id;

    // ARRs near numeric(18,0)'s top: a float sum would lose the last digits.
    const big = await seedCustomer(f, { name: 'Big', arr: '999999999999999999' });
    const small = await seedCustomer(f, { name: 'Small', arr: '1' });
    const zero = await seedCustomer(f, { name: 'Free', arr: '0' });
    const f1 = await seedFeedback(f, { text: 'one', customerId: big });
    const f2 = await seedFeedback(f, { text: 'two', customerId: big });
    const f3 = await seedFeedback(f, { text: 'three', customerId: small });
    const dup = await seedFeedback(f, { text: 'three again', customerId: small });
    const anonymous = await seedFeedback(f, { text: 'no customer' });
    const free = await seedFeedback(f, { text: 'free', customerId: zero });
    await markMerged(dup, f3);

    const opp = (await f.admin.post(`${f.w}/opportunities`, { title: 'Shared problem' })).json<{ id: string }>().id;
    for (const id of [f2, f3, dup]) await f.admin.post(`${f.w}/opportunities/${opp}/evidence`, { feedbackId: id });
    // A: f1 and f2 directly, plus the opportunity (f2 again, f3 and its duplicate): 3 items, 2 customers.
    for (const body of [{ feedbackId: f1 }, { feedbackId: f2 }, { opportunityId: opp }]) {
      expect((await f.admin.post(`${f.w}/features/${a}/evidence`, body)).statusCode).toBe(201);
    }
    // B: feedback without a customer, and a customer with no ARR.
    for (const body of [{ feedbackId: anonymous }, { feedbackId: free }]) await f.admin.post(`${f.w}/features/${b}/evidence`, body);

    const rollups = await featureRollups(db, f.workspaceId, [a, b, empty, NO_SUCH_FEATURE]);
    expect(rollups.get(a)).toEqual({ evidenceCount: 3, customerCount: 2, arr: '1000000000000000000' });
    expect(rollups.get(b)).toEqual({ evidenceCount: 2, customerCount: 1, arr: '0' });
    expect(rollups.get(empty)).toEqual({ evidenceCount: 0, customerCount: 0, arr: '0' });
    expect(rollups.get(NO_SUCH_FEATURE)).toEqual({ evidenceCount: 0, customerCount: 0, arr: '0' });
    expect((await featureRollups(db, f.workspaceId, [])).size).toBe(0);

    // Another workspace asking for the same ids learns nothing.
    const other = await workspaceFixture();
    expect((await featureRollups(db, other.workspaceId, [a])).get(a)).toEqual({ evidenceCount: 0, customerCount: 0, arr: '0' });
  });
});
