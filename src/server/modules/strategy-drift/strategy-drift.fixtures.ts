/**
 * Test-only: a product whose coverage and drift are known exactly, built in the database (pillars and
 * OKRs with exact check-in times and progress are the point) around a product and components made
 * through the API. Dates are relative to today, so the "current" period always contains it. Never
 * imported by application code.
 */
import { dependencies, features, keyResultFeatures, keyResults, objectives, okrPeriods, pillars } from '../../db/schema/index.js';
import { newId } from '../../lib/ids.js';
import { testDatabase } from '../../test/database.js';
import { addMember, type Fixture } from '../../test/helpers.js';

const DAY = 86_400_000;
/** The ISO day `n` days from today (UTC). */
export const dayFromToday = (n: number) => new Date(Date.now() + n * DAY).toISOString().slice(0, 10);
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);

const idOf = (res: { statusCode: number; body: string; json: <T>() => T }, what: string) => {
  if (res.statusCode !== 201) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>().id;
};

export type DriftWorld = Awaited<ReturnType<typeof seedDriftWorld>>;

/**
 * Atlas has two pillars (Growth 60 %, Reliability 40 %) and these planned features: Growth 8 + 4
 * (2 features), Reliability one unestimated, no pillar 6 + unestimated + 2 (the last pointing at another
 * product's pillar): 20 in all, so Growth 60 % (gap 0), Reliability 0 % (gap −40), No pillar 40 %.
 * Around them, features that are not planned (an idea off the board, shipped, won't do) and one of
 * another product. The current period started 30 days ago and lasts 90 days (a third elapsed).
 */
export async function seedDriftWorld(f: Fixture) {
  const { db } = await testDatabase();
  const workspaceId = f.workspaceId;
  const pm = await addMember(f, 'pm', 'Pia Drift');
  const lead = await addMember(f, 'lead', 'Lee Drift');
  const productId = idOf(await f.admin.post(`${f.w}/products`, { name: 'Atlas' }), 'product');
  const billing = idOf(await f.admin.post(`${f.w}/products/${productId}/components`, { name: 'Billing', ownerId: pm.memberId }), 'component');
  const routing = idOf(await f.admin.post(`${f.w}/products/${productId}/components`, { name: 'Routing' }), 'component');
  const otherProductId = idOf(await f.admin.post(`${f.w}/products`, { name: 'Elsewhere' }), 'product');
  const elsewhere = idOf(await f.admin.post(`${f.w}/products/${otherProductId}/components`, { name: 'Far away' }), 'component');

  const pillar = (productId: string, name: string, targetShare: number, position: number) => ({ id: newId(), workspaceId, productId, name, targetShare, position });
  const growth = pillar(productId, 'Growth', 60, 0);
  const reliability = pillar(productId, 'Reliability', 40, 1);
  const foreign = pillar(otherProductId, 'Foreign', 100, 0);
  await db.insert(pillars).values([growth, reliability, foreign]);

  type FeatureRow = typeof features.$inferInsert;
  const feature = (componentId: string, title: string, over: Partial<FeatureRow>): FeatureRow & { id: string } => ({ id: newId(), workspaceId, componentId, title, ...over });
  const f1 = feature(billing, 'Usage billing', { status: 'planned', effort: 8, pillarId: growth.id });
  const f2 = feature(routing, 'Smart routes', { status: 'idea', horizon: 'now', effort: 4, pillarId: growth.id });
  const offBoard = feature(billing, 'Someday idea', { status: 'idea', effort: 100, pillarId: growth.id });
  const shipped = feature(billing, 'Shipped thing', { status: 'shipped', horizon: 'now', effort: 50, pillarId: growth.id });
  const r1 = feature(routing, 'Failover', { status: 'in_progress', effort: null, pillarId: reliability.id });
  const dropped = feature(routing, 'Dropped', { status: 'wont_do', horizon: 'next', effort: 30, pillarId: reliability.id });
  const n1 = feature(billing, 'Invoice export', { status: 'planned', effort: 6 });
  const n2 = feature(routing, 'Route sharing', { status: 'discovery', horizon: 'later' });
  const n3 = feature(billing, 'Misfiled', { status: 'planned', effort: 2, pillarId: foreign.id });
  const outside = feature(elsewhere, 'Other product work', { status: 'planned', effort: 1000 });

  // Drivers of key results, in the other product so the coverage above stays as it is.
  const overdue = feature(elsewhere, 'Overdue driver', { status: 'in_progress', startDate: dayFromToday(-40), endDate: dayFromToday(-5) });
  const late = feature(elsewhere, 'Late driver', { status: 'planned', startDate: dayFromToday(50), endDate: dayFromToday(70) });
  const fine = feature(elsewhere, 'Fine driver', { status: 'planned', startDate: dayFromToday(1), endDate: dayFromToday(20) });
  const conflicting = feature(elsewhere, 'Conflicting driver', { status: 'planned', startDate: dayFromToday(10), endDate: dayFromToday(20) });
  const prereq = feature(elsewhere, 'Slow prerequisite', { status: 'planned', startDate: dayFromToday(0), endDate: dayFromToday(30) });
  const done = feature(elsewhere, 'Done driver', { status: 'shipped', endDate: dayFromToday(-20) });
  await db.insert(features).values([f1, f2, offBoard, shipped, r1, dropped, n1, n2, n3, outside, overdue, late, fine, conflicting, prereq, done]);
  await db.insert(dependencies).values({ id: newId(), workspaceId, featureId: conflicting.id, dependsOnId: prereq.id });

  const current = { id: newId(), workspaceId, name: 'Current quarter', kind: 'quarter', startsOn: dayFromToday(-30), endsOn: dayFromToday(59) };
  const old = { id: newId(), workspaceId, name: 'Old quarter', kind: 'quarter', startsOn: dayFromToday(-200), endsOn: dayFromToday(-110) };
  await db.insert(okrPeriods).values([current, old]);

  type ObjectiveRow = typeof objectives.$inferInsert;
  const objective = (title: string, over: Partial<ObjectiveRow>): ObjectiveRow & { id: string } => ({ id: newId(), workspaceId, periodId: current.id, productId, title, ...over });
  const grow = objective('Grow revenue', { pillarId: growth.id, ownerId: pm.memberId });
  const reliable = objective('Be reliable', { pillarId: reliability.id, componentId: routing, ownerId: lead.memberId });
  const explore = objective('Explore AI', { ownerId: pm.memberId });
  const droppedObjective = objective('Dropped bet', { status: 'dropped' });
  const empty = objective('Objective without key results', {});
  const past = objective('Old objective', { periodId: old.id });
  const foreignObjective = objective('Other product objective', { productId: otherProductId });
  await db.insert(objectives).values([grow, reliable, explore, droppedObjective, empty, past, foreignObjective]);

  type KrRow = typeof keyResults.$inferInsert;
  const kr = (objectiveId: string, title: string, over: Partial<KrRow>): KrRow & { id: string } => ({ id: newId(), workspaceId, objectiveId, title, targetValue: 100, ...over });
  const mrr = kr(grow.id, 'MRR to 100k', { startValue: 0, targetValue: 100, currentValue: 50, confidence: 8, confidenceStatus: 'on_track', lastCheckInAt: hoursAgo(48) });
  const churn = kr(grow.id, 'Churn down to 2 %', { direction: 'decrease', startValue: 5, targetValue: 2, currentValue: 5, confidence: 7, confidenceStatus: 'on_track', lastCheckInAt: hoursAgo(72) });
  const offTrack = kr(grow.id, 'Enterprise deals', { startValue: 0, targetValue: 10, currentValue: 9, confidence: 2, confidenceStatus: 'off_track', ownerId: lead.memberId, lastCheckInAt: hoursAgo(24) });
  const uptime = kr(reliable.id, 'Multi-region live', { type: 'milestone', startValue: 0, targetValue: 1, currentValue: 0, confidence: 5, confidenceStatus: 'at_risk', lastCheckInAt: hoursAgo(20 * 24 + 1) });
  const aiKr = kr(explore.id, 'Three AI pilots', { startValue: 0, targetValue: 3 });
  const droppedKr = kr(droppedObjective.id, 'Never mind', { startValue: 0, targetValue: 1 });
  const pastKr = kr(past.id, 'Old result', { startValue: 0, targetValue: 1 });
  await db.insert(keyResults).values([mrr, churn, offTrack, uptime, aiKr, droppedKr, pastKr]);
  const link = (keyResultId: string, featureId: string) => ({ workspaceId, keyResultId, featureId });
  await db
    .insert(keyResultFeatures)
    .values([link(mrr.id, overdue.id), link(mrr.id, late.id), link(mrr.id, fine.id), link(churn.id, conflicting.id), link(churn.id, done.id), link(uptime.id, overdue.id), link(droppedKr.id, overdue.id)]);

  return {
    pm,
    lead,
    productId,
    otherProductId,
    components: { billing, routing, elsewhere },
    pillars: { growth, reliability, foreign },
    features: { f1, f2, offBoard, shipped, r1, dropped, n1, n2, n3, outside, overdue, late, fine, conflicting, prereq, done },
    periods: { current, old },
    objectives: { grow, reliable, explore, droppedObjective, empty, past, foreignObjective },
    keyResults: { mrr, churn, offTrack, uptime, aiKr, droppedKr, pastKr },
  };
}
