import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
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
  strategies,
  strategyProposalComments,
  strategyProposals,
  strategyVersions,
  type PillarSnapshot,
} from '../../db/schema/index.js';
import { newId } from '../../lib/ids.js';
import { DEMO_OPPORTUNITIES } from './demo-discovery.data.js';
import { DEMO_FEATURES } from './demo-roadmap.data.js';
import { quarterOf, quarterStart } from './demo-roadmap.js';
import { DEMO_FEATURE_PILLARS, DEMO_METRIC_DAYS, DEMO_METRICS, DEMO_OPPORTUNITY_PILLARS, DEMO_PILLARS, type DemoMetric, type DemoPillarKey } from './demo-strategy.data.js';
import { DEMO_PROPOSALS, DEMO_SECTIONS, DEMO_STORIES, DEMO_VERSIONS } from './demo-strategy.doc.data.js';
import { DEMO_OBJECTIVES, type DemoKeyResult } from './demo-strategy.okrs.data.js';

const DAY = 86_400_000;
const WEEK = 7 * DAY;
const CHECK_INS = 10;
const iso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * A key result's progress from 0 to 1: the share of the way from start to target, respecting the
 * direction and clamped; a milestone is done (1) at a current value of 1 or more. The okrs module
 * computes it the same way for what users enter.
 */
export function demoProgress(kr: { type: string; direction: string; start: number; target: number; current: number | null }): number {
  const current = kr.current ?? kr.start;
  if (kr.type === 'milestone') return current >= 1 ? 1 : 0;
  const span = kr.direction === 'decrease' ? kr.start - kr.target : kr.target - kr.start;
  const done = kr.direction === 'decrease' ? kr.start - current : current - kr.start;
  if (span <= 0) return done >= 0 ? 1 : 0;
  return Math.min(1, Math.max(0, done / span));
}

/** on_track from 7, at_risk from 4, off_track below. */
export function demoConfidenceStatus(confidence: number): 'on_track' | 'at_risk' | 'off_track' {
  return confidence >= 7 ? 'on_track' : confidence >= 4 ? 'at_risk' : 'off_track';
}

/** A stable number in [-1, 1] for a seed, so the demo series look the same on every run. */
function wobble(seed: number): number {
  const x = Math.sin(seed * 12.9898) * 43758.5453;
  return (x - Math.floor(x)) * 2 - 1;
}

/** A metric's daily points, oldest first: a trend from `from` to `to`, a weekend dip and a little noise; the last point is `to`. */
export function demoMetricSeries(m: DemoMetric, today: Date): { at: Date; value: number }[] {
  const f = 10 ** m.digits;
  return Array.from({ length: DEMO_METRIC_DAYS }, (_, i) => {
    const at = new Date(today.getTime() - (DEMO_METRIC_DAYS - 1 - i) * DAY);
    const last = i === DEMO_METRIC_DAYS - 1;
    const trend = m.from + ((m.to - m.from) * i) / (DEMO_METRIC_DAYS - 1);
    const weekend = at.getUTCDay() === 0 || at.getUTCDay() === 6 ? -m.weekly : m.weekly / 3;
    const value = last ? m.to : trend + weekend + m.noise * wobble(i + m.key.length * 97);
    return { at, value: Math.round(value * f) / f };
  });
}

interface Ctx {
  db: Db;
  workspaceId: string;
  productId: string;
  now: Date;
  member: (key: string) => string;
}

/** The demo features by key, and the opportunities by key, found by their demo titles. */
async function demoRecords(c: Ctx): Promise<{ features: Map<string, string>; opportunities: Map<string, string> }> {
  const titleOf = new Map(DEMO_FEATURES.map((f) => [f.key, f.title]));
  const featureRows = await c.db
    .select({ id: features.id, title: features.title })
    .from(features)
    .innerJoin(components, eq(components.id, features.componentId))
    .where(and(eq(features.workspaceId, c.workspaceId), eq(components.productId, c.productId), inArray(features.title, [...titleOf.values()])));
  const featureByTitle = new Map(featureRows.map((r) => [r.title, r.id]));
  const opportunityTitles = Object.values(DEMO_OPPORTUNITIES).map((o) => o.title);
  const opportunityRows = await c.db
    .select({ id: opportunities.id, title: opportunities.title })
    .from(opportunities)
    .where(and(eq(opportunities.workspaceId, c.workspaceId), inArray(opportunities.title, opportunityTitles)));
  const opportunityByTitle = new Map(opportunityRows.map((r) => [r.title, r.id]));
  return {
    features: new Map([...titleOf].flatMap(([key, title]) => (featureByTitle.has(title) ? [[key, featureByTitle.get(title)!] as const] : []))),
    opportunities: new Map(
      Object.entries(DEMO_OPPORTUNITIES).flatMap(([key, o]) => (opportunityByTitle.has(o.title) ? [[key, opportunityByTitle.get(o.title)!] as const] : [])),
    ),
  };
}

/** The three pillars, and most features and a few opportunities aligned to them. */
async function seedPillars(c: Ctx, records: Awaited<ReturnType<typeof demoRecords>>): Promise<Map<DemoPillarKey, string>> {
  const created = new Date(c.now.getTime() - 12 * WEEK);
  const ids = new Map<DemoPillarKey, string>();
  await c.db.insert(pillars).values(
    DEMO_PILLARS.map((p, position) => {
      const id = newId();
      ids.set(p.key, id);
      return { id, workspaceId: c.workspaceId, productId: c.productId, name: p.name, description: p.description, targetShare: p.targetShare, status: 'active', position, version: 2, createdAt: created, updatedAt: new Date(c.now.getTime() - 3 * WEEK) };
    }),
  );
  for (const p of DEMO_PILLARS) {
    const featureIds = Object.entries(DEMO_FEATURE_PILLARS).flatMap(([key, pillar]) => (pillar === p.key && records.features.has(key) ? [records.features.get(key)!] : []));
    if (featureIds.length) await c.db.update(features).set({ pillarId: ids.get(p.key)! }).where(and(eq(features.workspaceId, c.workspaceId), inArray(features.id, featureIds)));
    const opportunityIds = Object.entries(DEMO_OPPORTUNITY_PILLARS).flatMap(([key, pillar]) => (pillar === p.key && records.opportunities.has(key) ? [records.opportunities.get(key)!] : []));
    if (opportunityIds.length) await c.db.update(opportunities).set({ pillarId: ids.get(p.key)! }).where(and(eq(opportunities.workspaceId, c.workspaceId), inArray(opportunities.id, opportunityIds)));
  }
  return ids;
}

/** The strategy document, its two published versions and the PMs' proposals (one still pending, with a thread). */
async function seedStrategy(c: Ctx, pillarIds: Map<DemoPillarKey, string>): Promise<{ versions: number; proposals: number }> {
  const at = (daysAgo: number) => new Date(c.now.getTime() - daysAgo * DAY);
  const strategyId = newId();
  const lead = c.member('maya');
  const latest = DEMO_VERSIONS[DEMO_VERSIONS.length - 1]!;
  await c.db.insert(strategies).values({
    id: strategyId,
    workspaceId: c.workspaceId,
    productId: c.productId,
    sections: DEMO_SECTIONS,
    stories: DEMO_STORIES,
    publishedNumber: latest.number,
    dirty: false,
    updatedById: lead,
    version: 6,
    createdAt: at(13 * 7),
    updatedAt: at(latest.weeksAgo * 7),
  });
  const snapshot = (v1: boolean): PillarSnapshot[] =>
    DEMO_PILLARS.map((p) => ({ id: pillarIds.get(p.key)!, name: p.name, description: p.description, targetShare: v1 ? p.targetShareV1 : p.targetShare, status: 'active' }));
  await c.db.insert(strategyVersions).values(
    DEMO_VERSIONS.map((v) => ({
      id: newId(),
      workspaceId: c.workspaceId,
      strategyId,
      number: v.number,
      sections: v.sections,
      // The stories grew with the strategy: version 1 had the 75-second one only.
      stories: v.number === 1 ? { short: DEMO_STORIES.short } : DEMO_STORIES,
      pillars: snapshot(v.number === 1),
      note: v.note,
      publishedById: lead,
      publishedAt: at(v.weeksAgo * 7),
    })),
  );
  for (const p of DEMO_PROPOSALS) {
    const id = newId();
    const decided = p.decidedDaysAgo === undefined ? null : at(p.decidedDaysAgo);
    await c.db.insert(strategyProposals).values({
      id,
      workspaceId: c.workspaceId,
      strategyId,
      section: p.section,
      text: p.text,
      rationale: p.rationale,
      baseText: p.baseText,
      authorId: c.member(p.author),
      status: p.status,
      decidedById: decided ? lead : null,
      decidedAt: decided,
      decisionComment: p.decisionComment ?? '',
      version: decided ? 2 : 1,
      createdAt: at(p.daysAgo),
      updatedAt: decided ?? at(p.daysAgo),
    });
    if (p.comments.length) {
      await c.db
        .insert(strategyProposalComments)
        .values(p.comments.map((k) => ({ id: newId(), workspaceId: c.workspaceId, proposalId: id, authorId: c.member(k.author), body: k.body, createdAt: at(k.daysAgo) })));
    }
  }
  return { versions: DEMO_VERSIONS.length, proposals: DEMO_PROPOSALS.length };
}

/** The two metrics with 90 daily points each; returns each metric's id and series. */
async function seedMetrics(c: Ctx): Promise<Map<string, { id: string; series: { at: Date; value: number }[] }>> {
  const today = new Date(Date.UTC(c.now.getUTCFullYear(), c.now.getUTCMonth(), c.now.getUTCDate()));
  const out = new Map<string, { id: string; series: { at: Date; value: number }[] }>();
  for (const m of DEMO_METRICS) {
    const id = newId();
    const series = demoMetricSeries(m, today);
    const last = series[series.length - 1]!;
    await c.db.insert(metrics).values({
      id,
      workspaceId: c.workspaceId,
      productId: c.productId,
      name: m.name,
      description: m.description,
      unit: m.unit,
      latestValue: last.value,
      latestAt: last.at,
      pointCount: series.length,
      createdAt: series[0]!.at,
      updatedAt: last.at,
    });
    await c.db.insert(metricPoints).values(series.map((p) => ({ id: newId(), workspaceId: c.workspaceId, metricId: id, at: p.at, value: p.value, source: 'api', createdAt: p.at })));
    out.set(m.key, { id, series });
  }
  return out;
}

/** The value a metric-following key result had at a check-in: the latest point at or before it. */
function metricValueAt(series: { at: Date; value: number }[], at: Date): number {
  let value = series[0]!.value;
  for (const p of series) if (p.at.getTime() <= at.getTime()) value = p.value;
  return value;
}

/** The current quarter's OKRs: product objectives by the lead, component objectives by their PMs, ten weekly check-ins each. */
async function seedOkrs(
  c: Ctx,
  pillarIds: Map<DemoPillarKey, string>,
  records: Awaited<ReturnType<typeof demoRecords>>,
  metricIds: Map<string, { id: string; series: { at: Date; value: number }[] }>,
): Promise<{ objectives: number; keyResults: number; checkIns: number }> {
  const q0 = quarterStart(c.now);
  const qEnd = new Date(Date.UTC(q0.getUTCFullYear(), q0.getUTCMonth() + 3, 0));
  const periodId = newId();
  const planned = new Date(c.now.getTime() - (CHECK_INS + 1) * WEEK);
  await c.db.insert(okrPeriods).values({ id: periodId, workspaceId: c.workspaceId, name: quarterOf(q0), kind: 'quarter', startsOn: iso(q0), endsOn: iso(qEnd), createdAt: planned, updatedAt: planned });
  const componentIds = new Map(
    (await c.db.select({ id: components.id, name: components.name }).from(components).where(eq(components.productId, c.productId))).map((r) => [r.name, r.id]),
  );

  const objectiveIds = new Map<string, string>();
  for (const o of DEMO_OBJECTIVES) objectiveIds.set(o.key, newId());
  await c.db.insert(objectives).values(
    DEMO_OBJECTIVES.map((o, position) => ({
      id: objectiveIds.get(o.key)!,
      workspaceId: c.workspaceId,
      periodId,
      productId: c.productId,
      componentId: o.component ? (componentIds.get(o.component) ?? null) : null,
      parentId: o.parent ? objectiveIds.get(o.parent)! : null,
      ownerId: c.member(o.owner),
      pillarId: pillarIds.get(o.pillar)!,
      title: o.title,
      description: o.description,
      status: 'active',
      position,
      createdAt: planned,
      updatedAt: planned,
    })),
  );

  // Weekly check-ins: the oldest ten weeks ago, the latest now.
  const checkInAt = (i: number, total: number) => new Date(c.now.getTime() - (total - 1 - i) * WEEK);
  let krCount = 0;
  let checkInCount = 0;
  for (const o of DEMO_OBJECTIVES) {
    const ownerId = c.member(o.owner);
    for (const [position, kr] of o.keyResults.entries()) {
      const id = newId();
      const metric = kr.metric ? metricIds.get(kr.metric) : undefined;
      const total = kr.confidence.length;
      const values = valuesOf(kr, total, metric?.series, checkInAt);
      const rows = values.map((value, i) => {
        const confidence = kr.confidence[i]!;
        return {
          id: newId(),
          workspaceId: c.workspaceId,
          keyResultId: id,
          value,
          progress: demoProgress({ type: kr.type, direction: kr.direction, start: kr.start, target: kr.target, current: value }),
          confidence,
          status: demoConfidenceStatus(confidence),
          note: kr.notes[i] ?? '',
          authorId: ownerId,
          createdAt: checkInAt(i, total),
        };
      });
      const last = rows[rows.length - 1]!;
      await c.db.insert(keyResults).values({
        id,
        workspaceId: c.workspaceId,
        objectiveId: objectiveIds.get(o.key)!,
        title: kr.title,
        unit: kr.unit,
        type: kr.type,
        direction: kr.direction,
        startValue: kr.start,
        targetValue: kr.target,
        currentValue: last.value,
        metricId: metric?.id ?? null,
        ownerId,
        confidence: last.confidence,
        confidenceStatus: last.status,
        lastCheckInAt: last.createdAt,
        position,
        createdAt: planned,
        updatedAt: last.createdAt,
      });
      await c.db.insert(keyResultCheckIns).values(rows);
      const featureIds = [...new Set(kr.features.map((k) => records.features.get(k)).filter((x): x is string => Boolean(x)))];
      if (featureIds.length) await c.db.insert(keyResultFeatures).values(featureIds.map((featureId) => ({ workspaceId: c.workspaceId, keyResultId: id, featureId })));
      krCount += 1;
      checkInCount += rows.length;
    }
  }
  return { objectives: DEMO_OBJECTIVES.length, keyResults: krCount, checkIns: checkInCount };
}

/** The values checked in: the key result's own list, or the metric's value at each check-in. */
function valuesOf(kr: DemoKeyResult, total: number, series: { at: Date; value: number }[] | undefined, checkInAt: (i: number, total: number) => Date): number[] {
  if (series) return Array.from({ length: total }, (_, i) => metricValueAt(series, checkInAt(i, total)));
  if (!kr.values || kr.values.length !== total) throw new Error(`demo strategy: “${kr.title}” needs ${total} values`);
  return kr.values;
}

/**
 * Seeds the demo product's strategy and goals: three pillars with most features and some
 * opportunities aligned, the strategy document with its three story lengths, two published versions
 * and three proposals (one pending, with a thread), the current quarter's OKRs at product and
 * component level with ten weeks of check-ins, and two metrics with 90 daily points, one followed by
 * a key result. Runs after the roadmap and discovery seeds (it aligns their records).
 */
export async function seedDemoStrategy(
  db: Db,
  ctx: { workspaceId: string; productId: string; memberIds: Map<string, string>; now?: Date },
): Promise<{ pillars: number; versions: number; proposals: number; objectives: number; keyResults: number; checkIns: number; metrics: number }> {
  const c: Ctx = {
    db,
    workspaceId: ctx.workspaceId,
    productId: ctx.productId,
    now: ctx.now ?? new Date(),
    member: (key) => {
      const id = ctx.memberIds.get(key);
      if (!id) throw new Error(`demo strategy: no member ${key}`);
      return id;
    },
  };
  const records = await demoRecords(c);
  const pillarIds = await seedPillars(c, records);
  const doc = await seedStrategy(c, pillarIds);
  const metricIds = await seedMetrics(c);
  const okrs = await seedOkrs(c, pillarIds, records, metricIds);
  return { pillars: pillarIds.size, ...doc, ...okrs, metrics: metricIds.size };
}
