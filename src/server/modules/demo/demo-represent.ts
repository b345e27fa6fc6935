import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditLog, customers, features, feedback, interviews, keyResults, members, opportunities, pillars, reports, requests, user } from '../../db/schema/index.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { describeChanges, diffFields } from '../../lib/diff.js';
import { newId } from '../../lib/ids.js';
import { insertAuditEntry } from '../audit/audit.repository.js';
import { findFeatureFull, nextBoardRank, type FeaturePatch } from '../features/features.repository.js';
import { insertNotifications } from '../notifications/notifications.repository.js';
import { outcomeMessage, readableDay, shippedMessage } from '../outreach/outreach.messages.js';
import { deciderUserIds, featureAskers, findDecisionFacts, findFeatureFacts } from '../outreach/outreach.repository.js';
import { revisitAt, scheduleRevisit } from '../outreach/outreach.service.js';
import { rescoreFeatures } from '../prioritization/prioritization.rescore.js';
import { createRationale, seedDefaultRationales } from '../rationales/rationales.service.js';
import { createReport, publishReport } from '../reports/reports.service.js';
import { insertDecision, insertRequest, rootOf } from '../requests/requests.repository.js';
import { requestersOf } from '../requests/requests.requesters.js';
import { gatherFacts } from '../status-updates/status-updates.draft.js';
import { isoWeekOf, parsePeriod } from '../status-updates/status-updates.period.js';
import { findComponent, insertUpdate } from '../status-updates/status-updates.repository.js';
import { ensureReminderJob } from '../status-updates/status-updates.reminders.js';
import { DEMO_CUSTOMERS, DEMO_OPPORTUNITIES } from './demo-discovery.data.js';
import { DEMO_FEATURES } from './demo-roadmap.data.js';
import { quarterStart } from './demo-roadmap.js';
import { DEMO_FIRST_REPORT_DAY, DEMO_RATIONALES, DEMO_REQUESTS, DEMO_ROADMAP_CHANGES, type DemoDecision, type DemoEvidence, type DemoRequest } from './demo-represent.data.js';
import { DEMO_UPDATES } from './demo-represent.updates.data.js';
import { DEMO_PILLARS, type DemoPillarKey } from './demo-strategy.data.js';
import { DEMO_PRODUCT } from './demo.data.js';

/*
 * Issue 7 in the demo workspace: requests in every state with their decisions, rationale templates,
 * two weeks of status updates and a report per audience. The decide service stamps decisions with the
 * present moment, refuses a revisit day in the past and tells requesters by email as well, so the
 * triage is written here row for row as requests.decide.ts writes it (request, append-only decision,
 * audit entry, in-app notifications, revisit job), at the demo's own times. Emails are not queued: the
 * demo's contacts are made up. Rationale templates, reports and their publication go through the real
 * services, and each status update keeps the facts the draft service gathers for its week.
 */

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);

interface Person {
  memberId: string;
  userId: string;
  name: string;
  email: string;
}

interface Ctx {
  db: Db;
  workspaceId: string;
  productId: string;
  now: Date;
  /** A moment in days from the Monday of last week (00:00 UTC). */
  at: (day: number) => Date;
  person: (key: string) => Person;
  componentId: (name: string) => string;
  ownerOf: (componentId: string) => string | null;
}

/** Monday 00:00 UTC of the ISO week before the one holding `now`. */
export function lastWeekMonday(now: Date): Date {
  const day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - 7 * DAY;
  return new Date(day - ((new Date(day).getUTCDay() + 6) % 7) * DAY);
}

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`demo represent: no ${what}`);
  return value;
}

async function audit(c: Ctx, actor: Person | null, at: Date, entry: { action: string; entityType: string; entityId: string; summary: string; changes?: Record<string, unknown> }): Promise<void> {
  await insertAuditEntry(c.db, {
    id: newId(),
    workspaceId: c.workspaceId,
    actorId: actor?.userId ?? null,
    actorName: actor?.name ?? 'System',
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    summary: entry.summary,
    changes: entry.changes ?? null,
    createdAt: at,
  });
}

/** In-app notifications as notify() writes them, at the moment they were sent; older ones have been read unless they ask for action. */
async function tell(c: Ctx, userIds: string[], at: Date, message: { kind: string; title: string; body: string; link: string }, unread = false): Promise<void> {
  const readAt = !unread && c.now.getTime() - at.getTime() > 5 * DAY ? new Date(at.getTime() + 3 * 3_600_000) : null;
  await insertNotifications(
    c.db,
    [...new Set(userIds)].map((userId) => ({ id: newId(), workspaceId: c.workspaceId, userId, ...message, createdAt: at, readAt })),
  );
}

/** The records the demo's requests and decisions point at, by their demo keys and titles. */
interface Refs {
  features: Map<string, string>;
  opportunities: Map<string, string>;
  pillars: Map<DemoPillarKey, string>;
  customers: Map<string, string>;
  feedback: { id: string; text: string }[];
  interviews: Map<string, string>;
  keyResults: Map<string, string>;
  templates: Map<string, { id: string; title: string; pillarId: string | null }>;
}

async function loadRefs(c: Ctx): Promise<Omit<Refs, 'templates'>> {
  const ws = c.workspaceId;
  const byTitle = <T extends { id: string; title: string }>(rows: T[]) => new Map(rows.map((r) => [r.title, r.id]));
  const featureRows = byTitle(await c.db.select({ id: features.id, title: features.title }).from(features).where(eq(features.workspaceId, ws)));
  const opportunityRows = byTitle(await c.db.select({ id: opportunities.id, title: opportunities.title }).from(opportunities).where(eq(opportunities.workspaceId, ws)));
  const pillarRows = await c.db.select({ id: pillars.id, name: pillars.name }).from(pillars).where(and(eq(pillars.workspaceId, ws), eq(pillars.productId, c.productId)));
  const customerRows = await c.db.select({ id: customers.id, name: customers.name }).from(customers).where(eq(customers.workspaceId, ws));
  return {
    features: new Map(DEMO_FEATURES.flatMap((f) => (featureRows.has(f.title) ? [[f.key, featureRows.get(f.title)!] as const] : []))),
    opportunities: new Map(Object.entries(DEMO_OPPORTUNITIES).flatMap(([key, o]) => (opportunityRows.has(o.title) ? [[key, opportunityRows.get(o.title)!] as const] : []))),
    pillars: new Map(DEMO_PILLARS.flatMap((p) => pillarRows.filter((r) => r.name === p.name).map((r) => [p.key, r.id] as const))),
    customers: new Map(DEMO_CUSTOMERS.flatMap((k) => customerRows.filter((r) => r.name === k.name).map((r) => [k.key, r.id] as const))),
    feedback: await c.db.select({ id: feedback.id, text: feedback.text }).from(feedback).where(eq(feedback.workspaceId, ws)),
    interviews: byTitle(await c.db.select({ id: interviews.id, title: interviews.title }).from(interviews).where(eq(interviews.workspaceId, ws))),
    keyResults: byTitle(await c.db.select({ id: keyResults.id, title: keyResults.title }).from(keyResults).where(eq(keyResults.workspaceId, ws))),
  };
}

function evidenceOf(refs: Refs, evidence: DemoEvidence[] | undefined): { type: DemoEvidence['type']; id: string }[] {
  return (evidence ?? []).map((e) => {
    const id =
      e.type === 'opportunity'
        ? refs.opportunities.get(e.ref)
        : e.type === 'feature'
          ? refs.features.get(e.ref)
          : e.type === 'feedback'
            ? refs.feedback.find((f) => f.text.startsWith(e.ref))?.id
            : e.type === 'interview'
              ? refs.interviews.get(e.ref)
              : refs.keyResults.get(e.ref);
    return { type: e.type, id: must(id, `${e.type} “${e.ref}”`) };
  });
}

/** The workspace's default rationale templates (as on its first read) and the demo's own two. */
async function seedRationales(c: Ctx, lead: WorkspaceActor, pillarIds: Map<DemoPillarKey, string>): Promise<Refs['templates']> {
  await seedDefaultRationales(c.db, lead, c.workspaceId);
  for (const r of DEMO_RATIONALES) {
    const pillarId = r.pillar ? must(pillarIds.get(r.pillar), `pillar ${r.pillar}`) : undefined;
    await createRationale({ db: c.db, actor: lead, input: { title: r.title, body: r.body, ...(pillarId ? { pillarId } : {}) } });
  }
  const rows = await c.db.execute(sql`select id, title, pillar_id from rationale_templates where workspace_id = ${c.workspaceId}`);
  return new Map(
    (rows as unknown as { rows: { id: string; title: string; pillar_id: string | null }[] }).rows.map((r) => [r.title, { id: r.id, title: r.title, pillarId: r.pillar_id }]),
  );
}

function contactOf(r: DemoRequest): { name: string; email: string } | null {
  if (!r.contact) return null;
  if ('name' in r.contact) return r.contact;
  const customer = must(
    DEMO_CUSTOMERS.find((k) => k.key === (r.contact as { customer: string }).customer),
    `customer ${(r.contact as { customer: string }).customer}`,
  );
  // The address discovery gives the customer's contact.
  return { name: customer.contact.name, email: `${customer.contact.name.split(' ')[0]!.toLowerCase()}@${customer.domain}` };
}

/** Inserts the requests as createRequest does (all still new), each with its audit entry. */
async function seedRequests(c: Ctx, refs: Refs): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const r of DEMO_REQUESTS) {
    const id = newId();
    ids.set(r.key, id);
    const contact = contactOf(r);
    const created = c.at(r.day);
    const submitter = c.person(r.submittedBy);
    await insertRequest(
      c.db,
      {
        id,
        workspaceId: c.workspaceId,
        title: r.title,
        description: r.description,
        requesterType: r.type,
        requesterMemberId: r.member ? c.person(r.member).memberId : null,
        contactName: contact?.name ?? null,
        contactEmail: contact?.email ?? null,
        urgency: r.urgency,
        desiredDate: r.desiredInDays === undefined ? null : iso(new Date(c.now.getTime() + r.desiredInDays * DAY)),
        productId: c.productId,
        componentId: r.component ? c.componentId(r.component) : null,
        submittedById: submitter.memberId,
        createdAt: created,
        updatedAt: created,
      },
      (r.customers ?? []).map((k) => must(refs.customers.get(k), `customer ${k}`)),
    );
    await audit(c, submitter, created, { action: 'request.create', entityType: 'request', entityId: id, summary: `Submitted the ${r.type} request “${r.title}”` });
  }
  return ids;
}

/** Applies a feature edit as updateFeature does (a new lane puts it last), audited at `at`. */
async function changeFeature(c: Ctx, featureId: string, by: Person, at: Date, patch: FeaturePatch): Promise<void> {
  const before = must(await findFeatureFull(c.db, c.workspaceId, featureId), `feature ${featureId}`);
  const horizon = patch.horizon === undefined ? before.horizon : patch.horizon;
  const rank = horizon !== before.horizon ? { boardRank: await nextBoardRank(c.db, before.componentId, horizon) } : {};
  await c.db
    .update(features)
    .set({ ...patch, ...rank, version: sql`${features.version} + 1`, updatedAt: at })
    .where(and(eq(features.workspaceId, c.workspaceId), eq(features.id, featureId)));
  const changes = diffFields(before, patch);
  await audit(c, by, at, { action: 'feature.update', entityType: 'feature', entityId: featureId, summary: `Updated feature “${before.title}”: ${describeChanges(changes) || 'no change'}`, changes });
  if (changes.effort || changes.scoreInputs) await rescoreFeatures(c.db, c.workspaceId, [featureId]);
}

/** Accepting into a new feature: createFeature's row (an idea at the end of its lane, owned by the component's PM). */
async function createAcceptedFeature(c: Ctx, refs: Refs, r: DemoRequest, d: Extract<DemoDecision, { newFeature: unknown }>, by: Person, at: Date): Promise<string> {
  const componentId = c.componentId(must(r.component ?? undefined, `component of “${r.title}”`));
  const id = newId();
  const title = d.newFeature.title ?? r.title;
  const ownerId = c.ownerOf(componentId);
  await c.db.insert(features).values({
    id,
    workspaceId: c.workspaceId,
    componentId,
    title,
    description: d.newFeature.title ? '' : r.description,
    ownerId,
    status: 'idea',
    horizon: null,
    boardRank: await nextBoardRank(c.db, componentId, null),
    scoreInputs: {},
    createdAt: at,
    updatedAt: at,
  });
  await audit(c, by, at, { action: 'feature.create', entityType: 'feature', entityId: id, summary: `Created feature “${title}” in ${r.component}` });
  await rescoreFeatures(c.db, c.workspaceId, [id]);
  const then = d.newFeature.then;
  if (then) await changeFeature(c, id, by, c.at(then.day), { horizon: then.horizon, effort: then.effort, pillarId: must(refs.pillars.get(then.pillar), `pillar ${then.pillar}`) });
  return id;
}

/** Tells the requesters the outcome, as notifyRequestOutcome does in the app (and marks them told). */
async function tellOutcome(c: Ctx, requestId: string, decisionId: string, at: Date): Promise<void> {
  const facts = must((await findDecisionFacts(c.db, c.workspaceId, requestId, decisionId)) ?? undefined, `decision ${decisionId}`);
  const requesters = await requestersOf(c.db, c.workspaceId, requestId);
  const userIds = requesters.flatMap((q) => (q.userId && q.userId !== facts.deciderUserId ? [q.userId] : []));
  const message = outcomeMessage(facts);
  await tell(c, userIds, at, { kind: message.kind, title: message.title, body: message.body, link: `/w/${c.workspaceId}/requests/${requestId}` });
  const told = [...new Set([requestId, ...requesters.map((q) => q.requestId)])];
  await c.db.update(requests).set({ notifiedAt: at }).where(and(eq(requests.workspaceId, c.workspaceId), inArray(requests.id, told)));
}

/** One triage decision, written as requests.decide.ts writes it, at its demo time. */
async function decide(c: Ctx, refs: Refs, ids: Map<string, string>, r: DemoRequest, d: DemoDecision): Promise<void> {
  const requestId = ids.get(r.key)!;
  const by = c.person(d.by);
  const at = c.at(d.day);
  let componentId = r.component ? c.componentId(r.component) : null;
  let featureId: string | null = null;
  let intoRequestId: string | null = null;
  let revisitOn: string | null = null;
  let template: { id: string; title: string; pillarId: string | null } | null = null;
  let summary: string;
  if (d.action === 'accept') {
    featureId = 'feature' in d ? must(refs.features.get(d.feature), `feature ${d.feature}`) : await createAcceptedFeature(c, refs, r, d, by, at);
    const feature = must(await findFeatureFull(c.db, c.workspaceId, featureId), `feature ${featureId}`);
    componentId ??= feature.componentId;
    summary = `Accepted the request “${r.title}” into the feature “${feature.title}”`;
  } else if (d.action === 'merge') {
    const root = must((await rootOf(c.db, c.workspaceId, must(ids.get(d.into), `request ${d.into}`))) ?? undefined, `root of ${d.into}`);
    intoRequestId = root.id;
    summary = `Merged the request “${r.title}” into “${root.title}”`;
  } else if (d.action === 'defer') {
    revisitOn = 'revisitInDays' in d ? iso(new Date(c.now.getTime() + d.revisitInDays * DAY)) : iso(c.at(d.revisitDay));
    summary = `Deferred the request “${r.title}” to ${revisitOn}`;
  } else {
    template = must(refs.templates.get(d.template), `rationale template “${d.template}”`);
    summary = `Declined the request “${r.title}” (${template.title})`;
  }
  const status = { accept: 'accepted', merge: 'merged', defer: 'deferred', decline: 'declined' }[d.action];
  await c.db
    .update(requests)
    .set({ status, featureId, mergedIntoId: intoRequestId, revisitOn, componentId, decidedById: by.memberId, decidedAt: at, version: sql`${requests.version} + 1`, updatedAt: at })
    .where(and(eq(requests.workspaceId, c.workspaceId), eq(requests.id, requestId)));
  const decisionId = newId();
  const rationale = d.action === 'decline' ? d.rationale : (d.why ?? '');
  await insertDecision(c.db, {
    id: decisionId,
    workspaceId: c.workspaceId,
    requestId,
    title: r.title,
    action: d.action,
    featureId,
    intoRequestId,
    revisitOn,
    rationaleTemplateId: template?.id ?? null,
    rationale,
    pillarId: d.pillar ? must(refs.pillars.get(d.pillar), `pillar ${d.pillar}`) : (template?.pillarId ?? null),
    evidence: evidenceOf(refs, d.evidence),
    productId: c.productId,
    componentId,
    decidedById: by.memberId,
    decidedAt: at,
  });
  await audit(c, by, at, { action: `request.${d.action}`, entityType: 'request', entityId: requestId, summary, changes: { decisionId, action: d.action, ...(rationale ? { rationale } : {}) } });
  await tellOutcome(c, requestId, decisionId, at);
  if (!revisitOn) return;
  if (!('revisitDay' in d)) {
    await scheduleRevisit(c.db, { workspaceId: c.workspaceId, requestId, revisitOn });
    return;
  }
  // Its revisit day has passed: the request.revisit job brought it back into triage and told the deciders.
  const back = revisitAt(revisitOn);
  await c.db
    .update(requests)
    .set({ status: 'new', revisitOn: null, version: sql`${requests.version} + 1`, updatedAt: back })
    .where(and(eq(requests.workspaceId, c.workspaceId), eq(requests.id, requestId)));
  await audit(c, null, back, {
    action: 'request.revisit',
    entityType: 'request',
    entityId: requestId,
    summary: `Request “${r.title}” came back into triage (deferred until ${revisitOn})`,
    changes: { status: ['deferred', 'new'], revisitOn: [revisitOn, null] },
  });
  const owner = componentId ? c.ownerOf(componentId) : null;
  const ownerUser = owner ? (await c.db.select({ userId: members.userId }).from(members).where(eq(members.id, owner)))[0]?.userId : undefined;
  await tell(c, [...(await deciderUserIds(c.db, c.workspaceId)), ...(ownerUser ? [ownerUser] : [])], back, {
    kind: 'request.revisit',
    title: `“${r.title}” is back in triage`,
    body: `It was deferred until ${readableDay(revisitOn)}. Accept, merge, defer again or decline it.`,
    link: `/w/${c.workspaceId}/requests/${requestId}`,
  }, true);
}

/** Last week's roadmap edits; a feature that ships tells everyone who asked for it (in the app). */
async function changeRoadmap(c: Ctx, refs: Refs): Promise<void> {
  const q0 = quarterStart(c.now);
  const week = (n: number) => new Date(q0.getTime() + n * 7 * DAY);
  for (const change of DEMO_ROADMAP_CHANGES) {
    const featureId = must(refs.features.get(change.feature), `feature ${change.feature}`);
    const by = c.person(change.by);
    const at = c.at(change.day);
    const patch: FeaturePatch = {};
    if (change.status) patch.status = change.status;
    if (change.horizon) patch.horizon = change.horizon;
    if (change.start === null) Object.assign(patch, { startDate: null, endDate: null });
    else if (change.start !== undefined) Object.assign(patch, { startDate: iso(week(change.start)), endDate: iso(new Date(week(change.start + (change.weeks ?? 1)).getTime() - DAY)) });
    await changeFeature(c, featureId, by, at, patch);
    // The roadmap decision that says why, in the decision log a minute later.
    const decidedAt = new Date(at.getTime() + 60_000);
    const decided = must(await findFeatureFull(c.db, c.workspaceId, featureId), `feature ${featureId}`);
    const decisionId = newId();
    await insertDecision(c.db, {
      id: decisionId,
      workspaceId: c.workspaceId,
      requestId: null,
      title: decided.title,
      action: 'roadmap',
      featureId,
      rationale: change.why,
      pillarId: change.pillar ? must(refs.pillars.get(change.pillar), `pillar ${change.pillar}`) : null,
      evidence: [],
      productId: c.productId,
      componentId: decided.componentId,
      decidedById: by.memberId,
      decidedAt,
    });
    await audit(c, by, decidedAt, { action: 'decision.record', entityType: 'decision', entityId: decisionId, summary: `Recorded why “${decided.title}” changed on the roadmap`, changes: { featureId, rationale: change.why } });
    if (change.status !== 'shipped') continue;
    const feature = must((await findFeatureFacts(c.db, c.workspaceId, featureId)) ?? undefined, `feature ${featureId}`);
    const askers = await featureAskers(c.db, c.workspaceId, featureId);
    const message = shippedMessage(feature);
    await tell(c, askers.flatMap((a) => (a.userId ? [a.userId] : [])), at, { kind: 'feature.shipped', title: message.title, body: message.body, link: `/w/${c.workspaceId}/features/${featureId}` });
    const told = [...new Set(askers.flatMap((a) => (a.requestId ? [a.requestId] : [])))];
    if (told.length) await c.db.update(requests).set({ notifiedAt: at }).where(and(eq(requests.workspaceId, c.workspaceId), inArray(requests.id, told)));
  }
}

/** The week's updates, each with the live facts the draft service gathers for its week, as of when it was written. */
async function writeUpdates(c: Ctx, which: (u: (typeof DEMO_UPDATES)[number]) => boolean): Promise<number> {
  const updates = DEMO_UPDATES.filter(which);
  for (const u of updates) {
    const component = must(await findComponent(c.db, c.workspaceId, c.componentId(u.component)), `component ${u.component}`);
    const parsed = parsePeriod(isoWeekOf(c.at(u.week === 0 ? -7 : 0)), 'week');
    const at = c.at(u.day);
    const author = c.person(must(DEMO_PRODUCT.components.find((k) => k.name === u.component)?.owner, `owner of ${u.component}`));
    const id = newId();
    await insertUpdate(c.db, {
      id,
      workspaceId: c.workspaceId,
      componentId: component.id,
      period: parsed.period,
      periodKind: 'week',
      health: u.health,
      summary: u.summary,
      highlights: u.highlights,
      risks: u.risks,
      asks: u.asks,
      facts: (await gatherFacts(c.db, c.workspaceId, component, parsed.range!, at)) as unknown as Record<string, unknown>,
      authorId: author.memberId,
      createdAt: at,
      updatedAt: at,
    });
    await audit(c, author, at, {
      action: 'status-update.create',
      entityType: 'status_update',
      entityId: id,
      summary: `Wrote the ${parsed.period} status update of ${component.name} (${u.health.replace('_', ' ')})`,
    });
  }
  return updates.length;
}

/**
 * Last Monday's executive report, compiled by the report service over the four weeks before it, then
 * dated to that Monday (with its audit entry) and published: the earlier report the next one's "what
 * changed and why" starts from.
 */
async function compileFirstReport(c: Ctx, lead: WorkspaceActor): Promise<void> {
  const at = c.at(DEMO_FIRST_REPORT_DAY);
  const published = new Date(at.getTime() + 30 * 60_000);
  const report = await createReport({
    db: c.db,
    actor: lead,
    input: { productId: c.productId, audience: 'executive', title: `Executive update: ${isoWeekOf(c.at(-7))}`, from: iso(c.at(-28)), to: iso(c.at(-1)) },
  });
  await c.db
    .update(reports)
    .set({ createdAt: at, updatedAt: published, status: 'published', publishedAt: published, version: 2, content: { ...report.content, compiledAt: at.toISOString() } })
    .where(and(eq(reports.workspaceId, c.workspaceId), eq(reports.id, report.id)));
  await c.db.update(auditLog).set({ createdAt: at }).where(and(eq(auditLog.workspaceId, c.workspaceId), eq(auditLog.entityId, report.id)));
  await audit(c, c.person('maya'), published, {
    action: 'report.publish',
    entityType: 'report',
    entityId: report.id,
    summary: `Published the report “${report.title}”`,
    changes: { status: ['draft', 'published'] },
  });
}

/** Today's reports, one per audience; all but the team's detail are published. */
async function compileReports(c: Ctx, lead: WorkspaceActor): Promise<number> {
  const week = isoWeekOf(c.at(0));
  const audiences = [
    { audience: 'executive', title: `Executive update: ${week}`, publish: true },
    { audience: 'team', title: `Product team report: ${week}`, publish: false },
    { audience: 'company', title: `Company update: ${week}`, publish: true },
    { audience: 'customer', title: 'What is coming to Atlas Commerce Cloud', publish: true },
  ] as const;
  for (const a of audiences) {
    const report = await createReport({ db: c.db, actor: lead, input: { productId: c.productId, audience: a.audience, title: a.title } });
    if (a.publish) await publishReport({ db: c.db, actor: lead, reportId: report.id, version: report.version });
  }
  return audiences.length;
}

/**
 * Seeds the demo product's requests and reports (issue 7): 25 requests in every state from every kind
 * of requester, decided by the lead and the PMs over the last two months (each decision in the log,
 * with the requesters told in the app), the default rationale templates and two of Atlas's own, last
 * week's roadmap edits, two weeks of status updates per component and a report per audience, the
 * executive one twice so the second says what changed since the first. Runs after the other seeds.
 */
export async function seedDemoRepresent(
  db: Db,
  ctx: { workspaceId: string; productId: string; memberIds: Map<string, string>; componentIds: Map<string, string>; now?: Date },
): Promise<{ requests: number; decisions: number; rationales: number; updates: number; reports: number }> {
  const now = ctx.now ?? new Date();
  const monday = lastWeekMonday(now);
  const rows = await db
    .select({ memberId: members.id, userId: members.userId, name: user.name, email: user.email })
    .from(members)
    .innerJoin(user, eq(user.id, members.userId))
    .where(eq(members.workspaceId, ctx.workspaceId));
  const byMember = new Map(rows.map((r) => [r.memberId, r]));
  const owners = new Map(DEMO_PRODUCT.components.map((k) => [must(ctx.componentIds.get(k.name), `component ${k.name}`), ctx.memberIds.get(k.owner) ?? null]));
  const c: Ctx = {
    db,
    workspaceId: ctx.workspaceId,
    productId: ctx.productId,
    now,
    at: (day) => new Date(monday.getTime() + day * DAY),
    person: (key) => must(byMember.get(must(ctx.memberIds.get(key), `member ${key}`)), `account of ${key}`),
    componentId: (name) => must(ctx.componentIds.get(name), `component ${name}`),
    ownerOf: (componentId) => owners.get(componentId) ?? null,
  };
  const maya = c.person('maya');
  const lead: WorkspaceActor = { ...maya, instanceAdmin: false, via: 'session', workspaceId: ctx.workspaceId, role: 'lead' };

  const base = await loadRefs(c);
  const refs: Refs = { ...base, templates: await seedRationales(c, lead, base.pillars) };
  const ids = await seedRequests(c, refs);
  const decided = DEMO_REQUESTS.flatMap((r) => (r.decision ? [{ r, d: r.decision }] : [])).sort((a, b) => a.d.day - b.d.day);
  const before = decided.filter((x) => x.d.day < DEMO_FIRST_REPORT_DAY);
  for (const { r, d } of before) await decide(c, refs, ids, r, d);
  // Last Monday's report saw the week before's updates, except the one written late.
  let updates = await writeUpdates(c, (u) => u.day < DEMO_FIRST_REPORT_DAY);
  await compileFirstReport(c, lead);
  for (const { r, d } of decided.filter((x) => x.d.day >= DEMO_FIRST_REPORT_DAY)) await decide(c, refs, ids, r, d);
  await changeRoadmap(c, refs);
  updates += await writeUpdates(c, (u) => u.day >= DEMO_FIRST_REPORT_DAY);
  await ensureReminderJob(db, now);
  const reportCount = 1 + (await compileReports(c, lead));
  return { requests: DEMO_REQUESTS.length, decisions: decided.length, rationales: refs.templates.size, updates, reports: reportCount };
}
