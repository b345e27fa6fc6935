import { and, asc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DriftReport, OkrTree, StrategyDiff, StrategyDoc } from '../../../shared/contracts.js';
import {
  components,
  features,
  keyResultCheckIns,
  keyResultFeatures,
  keyResults,
  metricPoints,
  metrics,
  objectives,
  okrPeriods,
  opportunities,
  pillars,
  products,
  strategies,
  strategyProposalComments,
  strategyProposals,
  strategyVersions,
} from '../../db/schema/index.js';
import { generateStrategy } from '../../../../bench/generate-strategy.js';
import { signUp, testApp, type TestClient } from '../../test/helpers.js';
import { generateWorkspace } from './demo.service.js';
import { generateRoadmap } from './generate-roadmap.js';
import { quarterOf } from './demo-roadmap.js';
import { DEMO_METRICS } from './demo-strategy.data.js';
import { DEMO_STORIES } from './demo-strategy.doc.data.js';
import { DEMO_OBJECTIVES } from './demo-strategy.okrs.data.js';
import { demoConfidenceStatus, demoProgress } from './demo-strategy.js';

const DAY = 86_400_000;
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

describe('demo strategy progress', () => {
  it('respects the direction, clamps to [0, 1] and treats milestones as done or not', () => {
    expect(demoProgress({ type: 'number', direction: 'increase', start: 10, target: 20, current: 15 })).toBe(0.5);
    expect(demoProgress({ type: 'number', direction: 'decrease', start: 40, target: 20, current: 35 })).toBe(0.25);
    expect(demoProgress({ type: 'percentage', direction: 'increase', start: 10, target: 20, current: 25 })).toBe(1);
    expect(demoProgress({ type: 'percentage', direction: 'decrease', start: 10, target: 5, current: 12 })).toBe(0);
    expect(demoProgress({ type: 'milestone', direction: 'increase', start: 0, target: 1, current: 1 })).toBe(1);
    expect(demoProgress({ type: 'milestone', direction: 'increase', start: 0, target: 1, current: 0 })).toBe(0);
    expect(demoConfidenceStatus(7)).toBe('on_track');
    expect(demoConfidenceStatus(5)).toBe('at_risk');
    expect(demoConfidenceStatus(3)).toBe('off_track');
  });

  it('gives every demo key result 2 to 4 per objective and one value and confidence per check-in', () => {
    for (const o of DEMO_OBJECTIVES) {
      expect(o.keyResults.length, o.title).toBeGreaterThanOrEqual(2);
      expect(o.keyResults.length, o.title).toBeLessThanOrEqual(4);
      for (const kr of o.keyResults) {
        expect(kr.confidence, kr.title).toHaveLength(10);
        if (!kr.metric) expect(kr.values, kr.title).toHaveLength(10);
        expect(kr.confidence.every((x) => Number.isInteger(x) && x >= 0 && x <= 10)).toBe(true);
      }
    }
  });
});

describe('the demo workspace’s strategy and goals', () => {
  let admin: TestClient;
  let workspaceId = '';
  let productId = '';
  const people = new Map<string, string>();

  beforeAll(async () => {
    const app = await testApp();
    admin = await signUp(app, 'Strategy Demo Admin');
    const res = await admin.post('/api/v1/demo', {});
    expect(res.statusCode).toBe(201);
    workspaceId = res.json<{ workspaceId: string }>().workspaceId;
    const members = (await admin.get(`/api/v1/workspaces/${workspaceId}/members`)).json<{ items: { id: string; name: string }[] }>().items;
    for (const m of members) people.set(m.name.split(' ')[0]!.toLowerCase(), m.id);
    const [product] = await app.db.select({ id: products.id }).from(products).where(eq(products.workspaceId, workspaceId));
    productId = product!.id;
  });

  it('has three active pillars whose targets sum to at most 100, with most features aligned and a real gap', async () => {
    const { db } = await testApp();
    const rows = await db.select().from(pillars).where(eq(pillars.workspaceId, workspaceId)).orderBy(asc(pillars.position));
    expect(rows).toHaveLength(3);
    expect(rows.every((p) => p.status === 'active' && p.productId === productId && p.description.length > 20)).toBe(true);
    const sum = rows.reduce((n, p) => n + p.targetShare, 0);
    expect(sum).toBeLessThanOrEqual(100);
    expect(sum).toBeGreaterThanOrEqual(90);

    const all = await db.select({ pillarId: features.pillarId, effort: features.effort, status: features.status, horizon: features.horizon }).from(features).where(eq(features.workspaceId, workspaceId));
    const aligned = all.filter((f) => f.pillarId);
    expect(aligned.length / all.length).toBeGreaterThan(0.75);
    const unaligned = all.filter((f) => !f.pillarId);
    expect(unaligned.length).toBeGreaterThanOrEqual(3);
    // Some unaligned work is really planned: the drift report has something to say.
    expect(unaligned.some((f) => f.horizon === 'now' || f.horizon === 'next')).toBe(true);

    // Planned effort (on the Now / Next board) by pillar misses at least one pillar's target by 5 points or more.
    const planned = aligned.filter((f) => f.horizon === 'now' || f.horizon === 'next');
    const total = planned.reduce((n, f) => n + (f.effort ?? 0), 0);
    const gaps = rows.map((p) => Math.abs((100 * planned.filter((f) => f.pillarId === p.id).reduce((n, f) => n + (f.effort ?? 0), 0)) / total - p.targetShare));
    expect(Math.max(...gaps)).toBeGreaterThanOrEqual(5);

    const linked = await db.select().from(opportunities).where(and(eq(opportunities.workspaceId, workspaceId), isNotNull(opportunities.pillarId)));
    expect(linked.length).toBeGreaterThanOrEqual(2);
    expect(linked.every((o) => rows.some((p) => p.id === o.pillarId))).toBe(true);
  });

  it('has a strategy with every section, the three story lengths and version 2 published', async () => {
    const { db } = await testApp();
    const [doc] = await db.select().from(strategies).where(eq(strategies.workspaceId, workspaceId));
    expect(doc!.productId).toBe(productId);
    expect(doc!.publishedNumber).toBe(2);
    expect(doc!.dirty).toBe(false);
    for (const key of ['vision', 'customers', 'problems', 'nonProblems', 'principles'] as const) {
      expect(words(doc!.sections[key] ?? ''), key).toBeGreaterThan(50);
      expect(doc!.sections[key]).toMatch(/^## /);
    }
    expect(words(doc!.stories.short ?? '')).toBeGreaterThanOrEqual(130);
    expect(words(doc!.stories.short ?? '')).toBeLessThanOrEqual(200);
    expect(words(doc!.stories.medium ?? '')).toBeGreaterThanOrEqual(650);
    expect(words(doc!.stories.long ?? '')).toBeGreaterThanOrEqual(1_400);
    expect(doc!.stories).toEqual(DEMO_STORIES);
  });

  it('has two published versions that differ, with notes and pillar snapshots', async () => {
    const { db } = await testApp();
    const [doc] = await db.select().from(strategies).where(eq(strategies.workspaceId, workspaceId));
    const versions = await db.select().from(strategyVersions).where(eq(strategyVersions.strategyId, doc!.id)).orderBy(asc(strategyVersions.number));
    expect(versions.map((v) => v.number)).toEqual([1, 2]);
    const [v1, v2] = versions as [typeof versions[number], typeof versions[number]];
    expect(v1.publishedAt.getTime()).toBeLessThan(v2.publishedAt.getTime());
    expect(v2.sections).toEqual(doc!.sections);
    const changed = (['vision', 'customers', 'problems', 'nonProblems', 'principles'] as const).filter((k) => v1.sections[k] !== v2.sections[k]);
    expect(changed.length).toBeGreaterThanOrEqual(1);
    expect(changed.length).toBeLessThanOrEqual(2);
    for (const v of versions) {
      expect(v.note.length).toBeGreaterThan(20);
      expect(v.pillars).toHaveLength(3);
      expect(v.publishedById).toBe(people.get('maya'));
    }
    expect(v1.pillars.map((p) => p.targetShare)).not.toEqual(v2.pillars.map((p) => p.targetShare));
  });

  it('has one pending proposal by a PM with a thread, and an accepted and a rejected one', async () => {
    const { db } = await testApp();
    const [doc] = await db.select().from(strategies).where(eq(strategies.workspaceId, workspaceId));
    const proposals = await db.select().from(strategyProposals).where(eq(strategyProposals.strategyId, doc!.id));
    expect(proposals.map((p) => p.status).sort()).toEqual(['accepted', 'pending', 'rejected']);
    const pending = proposals.find((p) => p.status === 'pending')!;
    expect([people.get('diego'), people.get('priya'), people.get('tom'), people.get('aiko')]).toContain(pending.authorId);
    expect(pending.rationale.length).toBeGreaterThan(50);
    expect(pending.decidedAt).toBeNull();
    // The pending proposal is based on the current draft, and changes it.
    expect(pending.baseText).toBe(doc!.sections[pending.section as 'principles']);
    expect(pending.text).not.toBe(pending.baseText);
    const thread = await db.select().from(strategyProposalComments).where(eq(strategyProposalComments.proposalId, pending.id)).orderBy(asc(strategyProposalComments.createdAt));
    expect(thread.map((c) => c.authorId)).toEqual([people.get('maya'), pending.authorId]);
    for (const p of proposals.filter((x) => x.status !== 'pending')) {
      expect(p.decidedById).toBe(people.get('maya'));
      expect(p.decidedAt!.getTime()).toBeGreaterThan(p.createdAt.getTime());
      expect(p.decisionComment.length).toBeGreaterThan(10);
    }
    // The accepted proposal's text is what version 2 published for its section.
    const accepted = proposals.find((p) => p.status === 'accepted')!;
    expect(doc!.sections[accepted.section as 'nonProblems']).toBe(accepted.text);
  });

  it('has the current quarter with product and component objectives, owned and aligned', async () => {
    const { db } = await testApp();
    const periods = await db.select().from(okrPeriods).where(eq(okrPeriods.workspaceId, workspaceId));
    expect(periods).toHaveLength(1);
    expect(periods[0]).toMatchObject({ name: quarterOf(new Date()), kind: 'quarter' });
    expect(periods[0]!.startsOn <= new Date().toISOString().slice(0, 10)).toBe(true);
    expect(periods[0]!.endsOn >= new Date().toISOString().slice(0, 10)).toBe(true);

    const rows = await db.select().from(objectives).where(eq(objectives.workspaceId, workspaceId));
    const productLevel = rows.filter((o) => o.componentId === null);
    expect(productLevel.length).toBeGreaterThanOrEqual(2);
    expect(productLevel.length).toBeLessThanOrEqual(3);
    expect(productLevel.every((o) => o.ownerId === people.get('maya') && o.parentId === null && o.pillarId)).toBe(true);

    const comps = await db.select().from(components).where(eq(components.productId, productId));
    for (const c of comps) {
      const own = rows.filter((o) => o.componentId === c.id);
      expect(own.length, c.name).toBeGreaterThanOrEqual(1);
      expect(own.length, c.name).toBeLessThanOrEqual(2);
      for (const o of own) {
        expect(o.ownerId, o.title).toBe(c.ownerId);
        expect(productLevel.map((p) => p.id)).toContain(o.parentId);
        expect(o.pillarId).toBeTruthy();
      }
    }
    expect(rows.every((o) => o.periodId === periods[0]!.id && o.productId === productId)).toBe(true);
  });

  it('has 2 to 4 key results per objective, mixing types and directions, with progress and the latest check-in', async () => {
    const { db } = await testApp();
    const objs = await db.select().from(objectives).where(eq(objectives.workspaceId, workspaceId));
    const krs = await db.select().from(keyResults).where(eq(keyResults.workspaceId, workspaceId));
    for (const o of objs) {
      const own = krs.filter((k) => k.objectiveId === o.id);
      expect(own.length, o.title).toBeGreaterThanOrEqual(2);
      expect(own.length, o.title).toBeLessThanOrEqual(4);
      expect(own.every((k) => k.ownerId === o.ownerId)).toBe(true);
    }
    expect(new Set(krs.map((k) => k.type))).toEqual(new Set(['number', 'percentage', 'currency', 'milestone']));
    expect(krs.some((k) => k.direction === 'decrease')).toBe(true);
    expect(krs.filter((k) => k.type === 'milestone').every((k) => k.startValue === 0 && k.targetValue === 1 && (k.currentValue === 0 || k.currentValue === 1))).toBe(true);

    const checkIns = await db.select().from(keyResultCheckIns).where(eq(keyResultCheckIns.workspaceId, workspaceId)).orderBy(asc(keyResultCheckIns.createdAt));
    const progresses: number[] = [];
    for (const k of krs) {
      const own = checkIns.filter((c) => c.keyResultId === k.id);
      expect(own.length, k.title).toBe(10);
      const last = own[own.length - 1]!;
      expect(k.currentValue).toBe(last.value);
      expect(k.confidence).toBe(last.confidence);
      expect(k.confidenceStatus).toBe(last.status);
      expect(k.lastCheckInAt!.getTime()).toBe(last.createdAt.getTime());
      const progress = demoProgress({ type: k.type, direction: k.direction, start: k.startValue, target: k.targetValue, current: k.currentValue });
      expect(progress).toBeGreaterThanOrEqual(0);
      expect(progress).toBeLessThanOrEqual(1);
      expect(last.progress).toBeCloseTo(progress, 10);
      expect(own.every((c) => c.authorId === k.ownerId && c.status === demoConfidenceStatus(c.confidence))).toBe(true);
      progresses.push(progress);
    }
    // A real picture: some done, some barely started, most in between.
    expect(progresses.some((p) => p === 1)).toBe(true);
    expect(progresses.some((p) => p < 0.3)).toBe(true);
    expect(progresses.filter((p) => p > 0 && p < 1).length).toBeGreaterThan(krs.length / 2);
    expect(krs.some((k) => k.confidenceStatus === 'at_risk')).toBe(true);
    expect(krs.some((k) => k.confidenceStatus === 'off_track')).toBe(true);
    expect(checkIns.filter((c) => c.note.length > 0).length).toBeGreaterThan(krs.length);

    const links = await db.select().from(keyResultFeatures).where(eq(keyResultFeatures.workspaceId, workspaceId));
    expect(krs.every((k) => links.some((l) => l.keyResultId === k.id))).toBe(true);
    const linkedFeatures = await db.select({ id: features.id }).from(features).where(and(eq(features.workspaceId, workspaceId), inArray(features.id, links.map((l) => l.featureId))));
    expect(linkedFeatures.length).toBe(new Set(links.map((l) => l.featureId)).size);
  });

  it('spreads the weekly check-ins over the last ten weeks', async () => {
    const { db } = await testApp();
    const checkIns = await db.select({ createdAt: keyResultCheckIns.createdAt }).from(keyResultCheckIns).where(eq(keyResultCheckIns.workspaceId, workspaceId));
    const times = checkIns.map((c) => c.createdAt.getTime());
    const span = Math.max(...times) - Math.min(...times);
    expect(span).toBeGreaterThanOrEqual(63 * DAY);
    expect(span).toBeLessThanOrEqual(70 * DAY);
    expect(Math.max(...times)).toBeLessThanOrEqual(Date.now());
    expect(new Set(times.map((t) => Math.floor((Date.now() - t) / (7 * DAY)))).size).toBeGreaterThanOrEqual(10);
  });

  it('has two metrics with about 90 daily points, and a key result that follows one', async () => {
    const { db } = await testApp();
    const rows = await db.select().from(metrics).where(eq(metrics.workspaceId, workspaceId));
    expect(rows.map((m) => m.name).sort()).toEqual(DEMO_METRICS.map((m) => m.name).sort());
    for (const m of rows) {
      const points = await db.select().from(metricPoints).where(eq(metricPoints.metricId, m.id)).orderBy(asc(metricPoints.at));
      expect(points.length).toBeGreaterThanOrEqual(85);
      expect(m.pointCount).toBe(points.length);
      const last = points[points.length - 1]!;
      expect(m.latestValue).toBe(last.value);
      expect(m.latestAt!.getTime()).toBe(last.at.getTime());
      expect(last.at.getTime() - points[0]!.at.getTime()).toBeGreaterThanOrEqual(85 * DAY);
      expect(m.productId).toBe(productId);
    }
    const following = await db.select().from(keyResults).where(and(eq(keyResults.workspaceId, workspaceId), isNotNull(keyResults.metricId)));
    expect(following).toHaveLength(1);
    const metric = rows.find((m) => m.id === following[0]!.metricId)!;
    expect(following[0]!.currentValue).toBe(metric.latestValue);
    const none = await db.select().from(keyResults).where(and(eq(keyResults.workspaceId, workspaceId), isNull(keyResults.metricId)));
    expect(none.length).toBeGreaterThan(10);
  });

  it('reads back through the strategy, OKR and drift routes', async () => {
    const app = await testApp();
    const w = `/api/v1/workspaces/${workspaceId}`;
    const doc = (await admin.get(`${w}/products/${productId}/strategy`)).json<StrategyDoc>();
    expect(doc).toMatchObject({ publishedNumber: 2, dirty: false, pendingProposals: 1 });
    expect(doc.pillars).toHaveLength(3);
    const diff = await admin.get(`${w}/products/${productId}/strategy/versions/1/diff/2`);
    expect(diff.statusCode).toBe(200);
    const d = diff.json<StrategyDiff>();
    expect(d.changed).toBe(true);
    expect(d.sections.principles.changed).toBe(true);
    expect(d.sections.vision.changed).toBe(false);

    const [period] = await app.db.select().from(okrPeriods).where(eq(okrPeriods.workspaceId, workspaceId));
    const tree = await admin.get(`${w}/okrs/tree?productId=${productId}&periodId=${period!.id}`);
    expect(tree.statusCode).toBe(200);
    const t = tree.json<OkrTree>();
    expect(t.nodes).toHaveLength(DEMO_OBJECTIVES.length);
    expect(t.counts.keyResults).toBe(DEMO_OBJECTIVES.flatMap((o) => o.keyResults).length);
    expect(t.counts.noCheckIn).toBe(0);

    const drift = await admin.get(`${w}/strategy/drift?productId=${productId}`);
    expect(drift.statusCode).toBe(200);
    const r = drift.json<DriftReport>();
    expect(r.period?.id).toBe(period!.id);
    expect(r.coverage.rows).toHaveLength(4);
    expect(r.coverage.rows.some((row) => row.gap !== null && Math.abs(row.gap) >= 5)).toBe(true);
    expect(r.counts.unalignedFeatures).toBeGreaterThanOrEqual(1);
    expect(r.counts.atRisk).toBeGreaterThanOrEqual(1);
  });
});

// The bench's generator (bench/generate-strategy.ts) at a small factor: the same SQL the bench runs at
// factor 1 (500 objectives, 2,000 key results, 50,000 check-ins, 20,000 features in the product).
describe('the bench’s strategy generator', () => {
  it('tops the product up to its feature target and builds a consistent OKR tree with check-ins', async () => {
    const app = await testApp();
    const { db } = app;
    const owner = await signUp(app, 'Strategy Bench Admin');
    const actor = { userId: owner.userId, name: owner.name, email: owner.email, instanceAdmin: false, via: 'session' as const };
    const ws = await generateWorkspace({ db, actor, factor: 0.1, name: 'Strategy bench' });
    await generateRoadmap(db, { workspaceId: ws.workspaceId, factor: 0.02, componentIds: ws.componentIds, productOfComponent: ws.productOfComponent, ownerOfComponent: ws.ownerOfComponent });
    const productId = ws.productIds[0]!;
    const before = await db.select({ id: features.id }).from(features).innerJoin(components, eq(components.id, features.componentId)).where(eq(components.productId, productId));
    const now = new Date();
    const out = await generateStrategy(db, { workspaceId: ws.workspaceId, productId, factor: 0.05, now });

    // factor 0.05: 1,000 features in the product, 25 objectives, 100 key results, 2,500 check-ins.
    expect(out).toMatchObject({ productId, pillars: 5, objectives: 25, keyResults: 100, checkIns: 2_500, features: 1_000, addedFeatures: 1_000 - before.length });
    const productFeatures = await db
      .select({ pillarId: features.pillarId, horizon: features.horizon, status: features.status, ownerId: features.ownerId })
      .from(features)
      .innerJoin(components, eq(components.id, features.componentId))
      .where(eq(components.productId, productId));
    expect(productFeatures).toHaveLength(1_000);
    const aligned = productFeatures.filter((f) => f.pillarId).length / productFeatures.length;
    expect(aligned).toBeGreaterThan(0.75);
    expect(aligned).toBeLessThan(0.95);
    expect(productFeatures.filter((f) => f.horizon).length).toBeGreaterThan(200);
    expect(productFeatures.every((f) => f.ownerId)).toBe(true);

    const pillarRows = await db.select().from(pillars).where(eq(pillars.productId, productId));
    expect(pillarRows.reduce((n, p) => n + p.targetShare, 0)).toBe(100);
    const [doc] = await db.select().from(strategies).where(eq(strategies.productId, productId));
    expect(doc!.publishedNumber).toBe(1);
    expect((await db.select().from(strategyVersions).where(eq(strategyVersions.strategyId, doc!.id)))[0]!.pillars).toHaveLength(5);

    const objs = await db.select().from(objectives).where(eq(objectives.periodId, out.periodId));
    const top = objs.filter((o) => o.componentId === null);
    expect(top.length).toBeGreaterThanOrEqual(1);
    expect(objs.filter((o) => o.componentId !== null).every((o) => top.some((t) => t.id === o.parentId) && o.ownerId)).toBe(true);
    expect(objs.some((o) => o.pillarId === null)).toBe(true);

    const krs = await db.select().from(keyResults).where(inArray(keyResults.objectiveId, objs.map((o) => o.id)));
    expect(new Set(krs.map((k) => k.type))).toEqual(new Set(['number', 'percentage', 'currency', 'milestone']));
    expect(krs.some((k) => k.direction === 'decrease')).toBe(true);
    const checkIns = await db.select().from(keyResultCheckIns).where(inArray(keyResultCheckIns.keyResultId, krs.map((k) => k.id)));
    const times = checkIns.map((c) => c.createdAt.getTime());
    expect(Math.max(...times)).toBeLessThanOrEqual(now.getTime());
    expect(now.getTime() - Math.min(...times)).toBeGreaterThan(11 * 7 * DAY);
    expect(now.getTime() - Math.min(...times)).toBeLessThanOrEqual(12 * 7 * DAY);
    for (const k of krs) {
      const own = checkIns.filter((c) => c.keyResultId === k.id).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
      const last = own[own.length - 1]!;
      expect(k.currentValue).toBe(last.value);
      expect(k.confidence).toBe(last.confidence);
      expect(k.confidenceStatus).toBe(last.status);
      expect(k.lastCheckInAt!.getTime()).toBe(last.createdAt.getTime());
      expect(last.progress).toBeCloseTo(demoProgress({ type: k.type, direction: k.direction, start: k.startValue, target: k.targetValue, current: k.currentValue }), 6);
    }
    // Every key result of one objective in ten stopped checking in four weeks ago: the drift report's stale objectives.
    const silent = objs.filter((o) => krs.filter((k) => k.objectiveId === o.id).every((k) => now.getTime() - k.lastCheckInAt!.getTime() > 27 * DAY));
    expect(silent.map((o) => o.position).sort((a, b) => a - b)).toEqual([7, 17]);
    expect(krs.filter((k) => now.getTime() - k.lastCheckInAt!.getTime() > 27 * DAY)).toHaveLength(krs.filter((k) => silent.some((o) => o.id === k.objectiveId)).length);
    const links = await db.select().from(keyResultFeatures).where(inArray(keyResultFeatures.keyResultId, krs.map((k) => k.id)));
    expect(links.length).toBeGreaterThanOrEqual(krs.length);
  });
});
