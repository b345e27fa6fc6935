import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RequestDetail, RequestList, WontDo } from '../../../shared/contracts.js';
import { auditLog, decisions, features, jobs, notifications, rationaleTemplates, reports, requests, statusUpdates, user } from '../../db/schema/index.js';
import { signUp, testApp, type TestClient } from '../../test/helpers.js';
import { DEFAULT_RATIONALES } from '../rationales/rationales.service.js';
import { DEMO_CUSTOMERS, DEMO_FEEDBACK } from './demo-discovery.data.js';
import { DEMO_FIRST_REPORT_DAY, DEMO_RATIONALES, DEMO_REQUESTS, DEMO_ROADMAP_CHANGES } from './demo-represent.data.js';
import { lastWeekMonday } from './demo-represent.js';
import { DEMO_UPDATES } from './demo-represent.updates.data.js';
import { DEMO_FEATURES } from './demo-roadmap.data.js';
import { DEMO_PEOPLE, DEMO_PRODUCT } from './demo.data.js';

const DAY = 86_400_000;
const weekday = (day: number) => (((Math.floor(day) % 7) + 7) % 7) + 1; // 1 Monday … 7 Sunday

describe('demo requests and updates data', () => {
  it('has 25 requests with unique keys and titles, every requester type, and decisions that follow their request', () => {
    expect(DEMO_REQUESTS).toHaveLength(25);
    expect(new Set(DEMO_REQUESTS.map((r) => r.key)).size).toBe(25);
    expect(new Set(DEMO_REQUESTS.map((r) => r.title)).size).toBe(25);
    expect(new Set(DEMO_REQUESTS.map((r) => r.type))).toEqual(new Set(['executive', 'internal', 'customer', 'partner']));
    const byKey = new Map(DEMO_REQUESTS.map((r) => [r.key, r]));
    for (const r of DEMO_REQUESTS) {
      // Asked and decided on working days, before this week.
      expect(weekday(r.day), r.key).toBeLessThanOrEqual(5);
      expect(r.day, r.key).toBeLessThan(5);
      expect(Boolean(r.member) !== Boolean(r.contact), `${r.key}: a member or an outside contact`).toBe(true);
      const d = r.decision;
      if (!d) continue;
      expect(d.day, r.key).toBeGreaterThan(r.day);
      expect(weekday(d.day), r.key).toBeLessThanOrEqual(5);
      expect(d.day, r.key).toBeLessThan(5);
      if (d.action === 'merge') {
        const into = byKey.get(d.into)!;
        expect(into.decision?.day ?? Infinity, `${r.key} merges into a request decided before`).toBeLessThan(d.day);
      }
      if (d.action === 'decline') expect([...DEFAULT_RATIONALES, ...DEMO_RATIONALES].map((t) => t.title)).toContain(d.template);
      if (d.action === 'accept' && 'feature' in d) expect(DEMO_FEATURES.map((f) => f.key)).toContain(d.feature);
      for (const e of d.evidence ?? []) if (e.type === 'feedback') expect(DEMO_FEEDBACK.some((f) => f.text.startsWith(e.ref)), e.ref).toBe(true);
    }
    const actions = DEMO_REQUESTS.map((r) => r.decision?.action ?? 'none');
    expect(actions.filter((a) => a === 'none').length).toBeGreaterThanOrEqual(3);
    expect(DEMO_REQUESTS.filter((r) => r.decision?.action === 'accept' && 'newFeature' in r.decision)).toHaveLength(2);
  });

  it('has two weekly updates per component, written after their week began, with every health', () => {
    for (const c of DEMO_PRODUCT.components) {
      const mine = DEMO_UPDATES.filter((u) => u.component === c.name);
      expect(mine.map((u) => u.week).sort(), c.name).toEqual([0, 1]);
      for (const u of mine) expect(u.day, c.name).toBeGreaterThanOrEqual(u.week === 0 ? -7 : 0);
    }
    expect(new Set(DEMO_UPDATES.map((u) => u.health))).toEqual(new Set(['on_track', 'at_risk', 'off_track']));
    // The late one is written after last Monday's report; the others of that week before it.
    expect(DEMO_UPDATES.filter((u) => u.week === 0 && u.day > DEMO_FIRST_REPORT_DAY)).toHaveLength(1);
  });

  it('anchors the demo on the Monday of last week', () => {
    expect(lastWeekMonday(new Date('2026-11-26T10:00:00Z')).toISOString()).toBe('2026-11-16T00:00:00.000Z');
    expect(lastWeekMonday(new Date('2026-11-23T00:30:00Z')).toISOString()).toBe('2026-11-16T00:00:00.000Z');
    expect(lastWeekMonday(new Date('2026-11-29T23:59:00Z')).toISOString()).toBe('2026-11-16T00:00:00.000Z');
  });
});

describe('the demo workspace’s requests, decisions, updates and reports', () => {
  let admin: TestClient;
  let w = '';
  let workspaceId = '';
  const idOf = new Map<string, string>();

  beforeAll(async () => {
    const app = await testApp();
    admin = await signUp(app, 'Represent Demo Admin');
    const res = await admin.post('/api/v1/demo', {});
    expect(res.statusCode).toBe(201);
    workspaceId = res.json<{ workspaceId: string }>().workspaceId;
    w = `/api/v1/workspaces/${workspaceId}`;
    const list = (await admin.get(`${w}/requests?limit=100`)).json<RequestList>();
    for (const r of list.items) idOf.set(DEMO_REQUESTS.find((d) => d.title === r.title)!.key, r.id);
  });

  it('has 25 requests in every state from every kind of requester, members and outside contacts', async () => {
    const list = (await admin.get(`${w}/requests?limit=100`)).json<RequestList>();
    expect(list.total).toBe(25);
    expect(list.counts).toEqual({ new: 5, accepted: 8, merged: 3, deferred: 3, declined: 6 });
    expect(new Set(list.items.map((r) => r.requesterType))).toEqual(new Set(['executive', 'internal', 'customer', 'partner']));
    expect(list.items.filter((r) => r.requester).length).toBeGreaterThanOrEqual(5);
    expect(list.items.filter((r) => r.contact?.email).length).toBeGreaterThanOrEqual(15);
    expect(list.items.filter((r) => r.customerIds.length).length).toBeGreaterThanOrEqual(20);
    expect(new Set(list.items.map((r) => r.urgency))).toEqual(new Set(['low', 'medium', 'high']));
    expect(list.items.filter((r) => r.desiredDate).length).toBeGreaterThanOrEqual(10);
    const accepted = list.items.filter((r) => r.status === 'accepted');
    expect(accepted.every((r) => r.featureId)).toBe(true);
  });

  it('records every decision in the log with who, when and why, and tells member requesters', async () => {
    const { db } = await testApp();
    const logged = await db.select().from(decisions).where(eq(decisions.workspaceId, workspaceId));
    // The roadmap decisions say why last week's roadmap changed; the rest are the requests' triage.
    const roadmap = logged.filter((d) => d.action === 'roadmap');
    expect(roadmap).toHaveLength(DEMO_ROADMAP_CHANGES.length);
    expect(roadmap.every((d) => d.featureId && d.rationale.length > 40 && d.decidedById && d.componentId && !d.requestId)).toBe(true);
    const rows = logged.filter((d) => d.action !== 'roadmap');
    expect(rows).toHaveLength(DEMO_REQUESTS.filter((r) => r.decision).length);
    expect(new Set(rows.map((d) => d.action))).toEqual(new Set(['accept', 'merge', 'defer', 'decline']));
    expect(rows.every((d) => d.decidedById && d.decidedAt.getTime() < Date.now() && d.requestId && d.productId)).toBe(true);
    expect(rows.filter((d) => d.pillarId).length).toBeGreaterThanOrEqual(8);
    expect(rows.filter((d) => d.evidence.length).length).toBeGreaterThanOrEqual(10);
    // Spread over weeks, not stamped at creation.
    expect(Math.max(...rows.map((d) => d.decidedAt.getTime())) - Math.min(...rows.map((d) => d.decidedAt.getTime()))).toBeGreaterThan(50 * DAY);
    const audited = await db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.workspaceId, workspaceId), eq(auditLog.entityType, 'request')));
    expect(audited.filter((a) => a.action.startsWith('request.') && a.action !== 'request.create' && a.action !== 'request.revisit')).toHaveLength(rows.length);

    const [elena] = await db.select({ id: user.id }).from(user).where(eq(user.email, `elena@demo.sextant.test`));
    const told = await db.select().from(notifications).where(and(eq(notifications.workspaceId, workspaceId), eq(notifications.userId, elena!.id)));
    expect(told.map((n) => n.kind).sort()).toEqual(['request.accepted', 'request.declined']);
    expect(told.find((n) => n.kind === 'request.declined')!.body).toMatch(/Why: Does not serve a current pillar\. Each branded app/);
  });

  it('keeps every requester of merged requests on the request they were merged into', async () => {
    const target = (await admin.get(`${w}/requests/${idOf.get('realtime-stock')}`)).json<RequestDetail>();
    expect(target.status).toBe('accepted');
    expect(target.merged.map((m) => m.title)).toEqual(['Overselling during flash sales']);
    expect(target.requesters.map((r) => r.contact?.name).sort()).toEqual(['Claire Dubois', 'Ravi Shah']);
    expect(target.requesters.find((r) => r.contact?.name === 'Ravi Shah')!.viaMerged).toBe(true);
    const merged = (await admin.get(`${w}/requests/${idOf.get('flash-sale-oversell')}`)).json<RequestDetail>();
    expect(merged).toMatchObject({ status: 'merged', mergedIntoId: target.id });
    expect(merged.decisions[0]).toMatchObject({ action: 'merge', intoRequestId: target.id });

    // A declined request with a request merged into it counts both requesters in the won't-do registry.
    const wontDo = (await admin.get(`${w}/wont-do`)).json<WontDo>();
    expect(wontDo.items.find((i) => i.title === 'Buy now, pay later built into checkout')!.requesterCount).toBe(2);
  });

  it('declines with a template and the reasons in words; the demo adds two templates to the defaults', async () => {
    const { db } = await testApp();
    const templates = await db.select().from(rationaleTemplates).where(eq(rationaleTemplates.workspaceId, workspaceId));
    expect(templates.map((t) => t.title).sort()).toEqual([...DEFAULT_RATIONALES, ...DEMO_RATIONALES].map((t) => t.title).sort());
    expect(templates.find((t) => t.title === 'Security or compliance risk')!.pillarId).toBeTruthy();
    const declines = await db.select().from(decisions).where(and(eq(decisions.workspaceId, workspaceId), eq(decisions.action, 'decline')));
    expect(declines).toHaveLength(6);
    const templateIds = new Set(templates.map((t) => t.id));
    for (const d of declines) {
      expect(templateIds.has(d.rationaleTemplateId!), d.title).toBe(true);
      expect(d.rationale.length, d.title).toBeGreaterThan(80);
    }
    expect(new Set(declines.map((d) => d.rationaleTemplateId)).size).toBeGreaterThanOrEqual(4);
    // The template's pillar justifies the decline when the decider named none.
    expect(declines.find((d) => d.title.startsWith('Export saved cards'))!.pillarId).toBe(templates.find((t) => t.title === 'Security or compliance risk')!.pillarId);
  });

  it('defers to future revisit days with their jobs, and brings a past-due one back into triage', async () => {
    const { db } = await testApp();
    const today = new Date().toISOString().slice(0, 10);
    const deferred = await db.select().from(requests).where(and(eq(requests.workspaceId, workspaceId), eq(requests.status, 'deferred')));
    expect(deferred).toHaveLength(3);
    expect(deferred.every((r) => r.revisitOn && r.revisitOn > today)).toBe(true);
    const queued = await db.select().from(jobs).where(eq(jobs.kind, 'request.revisit'));
    for (const r of deferred) expect(queued.some((j) => (j.payload as { requestId?: string }).requestId === r.id), r.title).toBe(true);

    const back = (await admin.get(`${w}/requests/${idOf.get('returns-start')}`)).json<RequestDetail>();
    expect(back).toMatchObject({ status: 'new', revisitOn: null });
    expect(back.decisions).toHaveLength(1);
    expect(back.decisions[0]!.action).toBe('defer');
    expect(back.decisions[0]!.revisitOn! < today).toBe(true);
    const reminders = await db.select().from(notifications).where(and(eq(notifications.workspaceId, workspaceId), eq(notifications.kind, 'request.revisit')));
    // The lead, the admin who made the demo and the component's PM.
    expect(reminders.map((n) => n.userId)).toContain(admin.userId);
    expect(reminders).toHaveLength(3);
    expect(reminders.every((n) => n.readAt === null)).toBe(true);
  });

  it('accepts into existing features and into two new ones, and tells the requester when one ships', async () => {
    const { db } = await testApp();
    const wcag = (await admin.get(`${w}/requests/${idOf.get('checkout-wcag')}`)).json<RequestDetail>();
    expect(wcag.feature).toMatchObject({ title: 'Checkout accessibility fixes (WCAG 2.2 AA)', status: 'shipped' });
    const [sarah] = await db.select({ id: user.id }).from(user).where(eq(user.email, `sarah@demo.sextant.test`));
    const shipped = await db.select().from(notifications).where(and(eq(notifications.workspaceId, workspaceId), eq(notifications.userId, sarah!.id), eq(notifications.kind, 'feature.shipped')));
    expect(shipped.map((n) => n.title)).toEqual(['Shipped: Checkout accessibility fixes (WCAG 2.2 AA)']);

    const created = await db.select().from(features).where(and(eq(features.workspaceId, workspaceId), inArray(features.title, ['Gift messages and gift receipts', 'Low-stock alerts for merchants'])));
    expect(created).toHaveLength(2);
    expect(created.find((f) => f.title.startsWith('Low-stock'))).toMatchObject({ horizon: 'next', status: 'idea' });
    for (const key of ['gift-messages', 'low-stock']) expect(created.map((f) => f.id)).toContain((await admin.get(`${w}/requests/${idOf.get(key)}`)).json<RequestDetail>().featureId);
  });

  it('has two weeks of status updates per component, by its PM, with mixed health and live facts', async () => {
    const { db } = await testApp();
    const rows = await db.select().from(statusUpdates).where(eq(statusUpdates.workspaceId, workspaceId));
    expect(rows).toHaveLength(10);
    const periods = [...new Set(rows.map((u) => u.period))].sort();
    expect(periods).toHaveLength(2);
    expect(periods.every((p) => /^\d{4}-W\d{2}$/.test(p))).toBe(true);
    for (const componentId of new Set(rows.map((u) => u.componentId))) expect(rows.filter((u) => u.componentId === componentId).map((u) => u.period).sort()).toEqual(periods);
    expect(new Set(rows.map((u) => u.health))).toEqual(new Set(['on_track', 'at_risk', 'off_track']));
    expect(rows.every((u) => u.authorId && u.summary.length > 60 && u.highlights.startsWith('- '))).toBe(true);
    // The checkout update of last week has the shipped feature among its facts.
    const facts = rows.map((u) => u.facts as { shipped?: { title: string }[] });
    expect(facts.flatMap((f) => f.shipped ?? []).map((s) => s.title)).toContain('Checkout accessibility fixes (WCAG 2.2 AA)');
  });

  it('has a report per audience, and a second executive report that says what changed and why', async () => {
    const { db } = await testApp();
    const rows = await db.select().from(reports).where(eq(reports.workspaceId, workspaceId));
    expect(rows.map((r) => r.audience).sort()).toEqual(['company', 'customer', 'executive', 'executive', 'team']);
    const [first, second] = rows.filter((r) => r.audience === 'executive').sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    expect(first!.status).toBe('published');
    expect(Date.now() - first!.createdAt.getTime()).toBeGreaterThan(6 * DAY);
    type Content = { sections: { key: string; blocks: { type: string; items?: string[]; text?: string }[] }[] };
    const changed = (r: typeof first) => (r!.content as unknown as Content).sections.find((s) => s.key === 'what-changed')!.blocks.flatMap((b) => b.items ?? []);
    expect(changed(first)).toEqual([]);
    const lines = changed(second);
    // A feature made by accepting a request reads the accept's reason.
    expect(lines.find((l) => l.startsWith('Low-stock alerts for merchants: added to Next'))).toContain('Why: Merchants learn about stock-outs');
    // Each change reads its reason from the roadmap decision recorded with it.
    expect(lines.find((l) => l.startsWith('API request logs for partners: moved: Next → Later'))).toContain('Why: Failed deliveries cost partners orders today');
    expect(lines.find((l) => l.startsWith('Dark mode for the dashboard: marked won\'t do'))).toContain('Why: Eleven asks in a year');
    // Its decisions are those since the first one, with their reasons.
    const decided = (second!.content as unknown as Content).sections.find((s) => s.key === 'decisions')!.blocks.flatMap((b) => b.items ?? []);
    expect(decided.some((l) => l.startsWith('Declined: A custom engraving field on the product page: Line-item properties'))).toBe(true);
    expect(decided.some((l) => l.includes('Accept cryptocurrency'))).toBe(false);
  });

  it('keeps the customer report to public roadmap items, without internal names, customers or ARR', async () => {
    const { db } = await testApp();
    const [customer] = await db.select().from(reports).where(and(eq(reports.workspaceId, workspaceId), eq(reports.audience, 'customer')));
    const publicFeatures = await db.select().from(features).where(and(eq(features.workspaceId, workspaceId), eq(features.public, true)));
    expect(publicFeatures).toHaveLength(DEMO_FEATURES.filter((f) => f.public).length);
    expect(new Set(publicFeatures.map((f) => f.status))).toEqual(new Set(['planned', 'in_progress', 'shipped']));
    const md = (await admin.get(`${w}/reports/${customer!.id}/export?format=md`)).body;
    const json = JSON.stringify(customer!.content);
    for (const text of [json, md]) {
      for (const f of publicFeatures) if (f.status !== 'shipped') expect(text).toContain(f.title);
      expect(text).toContain('Checkout accessibility fixes (WCAG 2.2 AA)');
      const forbidden = [
        ...DEMO_PEOPLE.map((p) => p.name),
        ...DEMO_CUSTOMERS.flatMap((k) => [k.name, k.contact.name, String(k.arr), k.arr.toLocaleString('en-US')]),
        ...DEMO_FEATURES.filter((f) => !f.public).map((f) => f.title),
        'ARR',
        'Gift messages and gift receipts',
      ];
      for (const word of forbidden) expect(text.includes(word), word).toBe(false);
    }
  });
});
