import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DueStatusUpdateList, StatusDraft, StatusUpdate, StatusUpdateList } from '../../../shared/contracts.js';
import { testDatabase } from '../../test/database.js';
import { addMember, testApp, workspaceFixture, type Fixture } from '../../test/helpers.js';
import { getJob } from '../jobs/jobs.repository.js';
import { enqueueJob, runDueJobs } from '../jobs/jobs.service.js';
import { backdateCheckIns, backdateFeature, insertDecision, notificationsOf } from './status-updates.fixtures.js';
import { currentWeek, isoWeekOf, parsePeriod } from './status-updates.period.js';
import { REMINDER_JOB, REMINDER_KIND, nextRunAfter, sendDueReminders } from './status-updates.reminders.js';
import { pendingJobOfKind } from './status-updates.repository.js';

type Err = { code: string; message: string; field?: string };

/** A product with two components: Search owned by `ownerId`, Billing owned by nobody. */
async function setup(f: Fixture, ownerId: string | null) {
  const productId = (await f.admin.post(`${f.w}/products`, { name: `Atlas ${randomUUID().slice(0, 4)}` })).json<{ id: string }>().id;
  const search = (await f.admin.post(`${f.w}/products/${productId}/components`, { name: 'Search', ownerId })).json<{ id: string }>().id;
  const billing = (await f.admin.post(`${f.w}/products/${productId}/components`, { name: 'Billing' })).json<{ id: string }>().id;
  return { productId, search, billing };
}

const body = (componentId: string, period: string, extra: object = {}) => ({ componentId, period, health: 'on_track', summary: 'All good', ...extra });

describe('status updates routes', () => {
  beforeAll(async () => void (await testApp()));

  it('lets the owning PM write, other PMs not, everyone read; one per component and period; versions', async () => {
    const f = await workspaceFixture();
    const pm = await addMember(f, 'pm', 'Pia PM');
    const otherPm = await addMember(f, 'pm');
    const viewer = await addMember(f, 'viewer');
    const { productId, search, billing } = await setup(f, pm.memberId);

    const created = await pm.post(`${f.w}/updates`, body(search, '2026-W07', { highlights: '- Shipped **typeahead**', risks: '', asks: '- Need a designer' }));
    expect(created.statusCode).toBe(201);
    const u = created.json<StatusUpdate>();
    expect(u).toMatchObject({ component: { id: search, name: 'Search' }, productId, period: '2026-W07', periodKind: 'week', range: { from: '2026-02-09', to: '2026-02-15' }, author: { name: 'Pia PM' }, version: 1, facts: null });

    expect((await otherPm.post(`${f.w}/updates`, body(search, '2026-W08'))).statusCode).toBe(403);
    expect((await pm.post(`${f.w}/updates`, body(billing, '2026-W07'))).statusCode).toBe(403);
    expect((await viewer.post(`${f.w}/updates`, body(search, '2026-W08'))).statusCode).toBe(403);

    const dup = await f.admin.post(`${f.w}/updates`, body(search, '2026-W07'));
    expect(dup.statusCode).toBe(409);
    expect(dup.json<Err>()).toMatchObject({ code: 'conflict', field: 'period' });
    expect(dup.json<Err>().message).toContain('2026-W07');
    expect((await f.admin.post(`${f.w}/updates`, body(billing, '2026-W07'))).statusCode).toBe(201);
    expect((await f.admin.post(`${f.w}/updates`, body(randomUUID(), '2026-W07'))).json<Err>().field).toBe('componentId');

    const list = (await viewer.get(`${f.w}/updates?componentId=${search}`)).json<StatusUpdateList>();
    expect(list.items.map((i) => i.id)).toEqual([u.id]);
    expect((await viewer.get(`${f.w}/updates?productId=${productId}&period=2026-W07`)).json<StatusUpdateList>().total).toBe(2);
    expect((await viewer.get(`${f.w}/updates/${u.id}`)).json<StatusUpdate>().asks).toBe('- Need a designer');

    const url = `${f.w}/updates/${u.id}`;
    expect((await otherPm.patch(url, { health: 'at_risk', version: 1 })).statusCode).toBe(403);
    const edited = await pm.patch(url, { health: 'at_risk', risks: '- Index rebuild', version: 1 });
    expect(edited.json<StatusUpdate>()).toMatchObject({ health: 'at_risk', risks: '- Index rebuild', version: 2 });
    expect((await pm.patch(url, { summary: 'Stale', version: 1 })).statusCode).toBe(409);
    expect((await pm.patch(url, { summary: 'No version' })).json<Err>().field).toBe('version');
    expect((await viewer.get(url)).json<StatusUpdate>().summary).toBe('All good');

    // Another workspace's update is not found there.
    const g = await workspaceFixture();
    expect((await g.admin.get(`${g.w}/updates/${u.id}`)).statusCode).toBe(404);
    expect((await g.admin.delete(`${g.w}/updates/${u.id}`)).statusCode).toBe(404);

    expect((await otherPm.delete(url)).statusCode).toBe(403);
    expect((await pm.delete(url)).statusCode).toBe(204);
    expect((await viewer.get(url)).statusCode).toBe(404);

    const actions = (await f.admin.get(`${f.w}/audit-log?limit=100`)).json<{ items: { action: string; entityId: string | null }[] }>().items.filter((a) => a.entityId === u.id).map((a) => a.action);
    expect(actions).toEqual(['status-update.delete', 'status-update.update', 'status-update.create']);
  });

  it('parses periods by format and answers 400 naming period when one fits no kind', async () => {
    const f = await workspaceFixture();
    const { search } = await setup(f, null);
    const post = (period: string, extra: object = {}) => f.admin.post(`${f.w}/updates`, body(search, period, extra));

    for (const [period, extra] of [['2026-W60', {}], ['2026-13', {}], ['2026-3', {}], ['x'.repeat(41), {}], ['2026-03', { periodKind: 'week' }], ['Sprint 9', { periodKind: 'month' }], ['2026-W02', { periodKind: 'month' }]] as const) {
      const res = await post(period, extra);
      expect(res.statusCode, period).toBe(400);
      expect(res.json<Err>().field, period).toBe('period');
    }
    expect((await post('2026-03')).json<StatusUpdate>()).toMatchObject({ periodKind: 'month', range: { from: '2026-03-01', to: '2026-03-31' } });
    expect((await post('Sprint 14 — Falcon')).json<StatusUpdate>()).toMatchObject({ periodKind: 'sprint', range: null });
    expect((await post('2026-W05', { periodKind: 'sprint' })).json<StatusUpdate>()).toMatchObject({ periodKind: 'sprint' });
    expect((await post('2020-W53')).json<StatusUpdate>()).toMatchObject({ periodKind: 'week', range: { from: '2020-12-28', to: '2021-01-03' } });

    expect(isoWeekOf(new Date('2026-01-01T12:00:00Z'))).toBe('2026-W01');
    expect(isoWeekOf(new Date('2027-01-01T12:00:00Z'))).toBe('2026-W53');
    expect(parsePeriod('2026-W01').range).toEqual({ from: '2025-12-29', to: '2026-01-04' });
    expect(currentWeek(new Date('2026-02-11T10:00:00Z')).pastMidpoint).toBe(false); // a Wednesday
    expect(currentWeek(new Date('2026-02-12T00:00:00Z'))).toMatchObject({ period: '2026-W07', pastMidpoint: true }); // Thursday
  });

  it('drafts from live data: shipped, moved and slipped features, a key result movement, a decline', async () => {
    const f = await workspaceFixture();
    const pm = await addMember(f, 'pm');
    const otherPm = await addMember(f, 'pm');
    const { db } = await testDatabase();
    const { productId, search, billing } = await setup(f, pm.memberId);
    const feature = async (title: string, extra: object = {}) => (await pm.post(`${f.w}/features`, { componentId: search, title, ...extra })).json<{ id: string; version: number }>();

    const typeahead = await feature('Typeahead', { status: 'in_progress' });
    // Shipping tells the requesters afterwards (the outreach module); the change itself is committed first.
    await pm.patch(`${f.w}/features/${typeahead.id}`, { status: 'shipped', version: typeahead.version });
    expect((await pm.get(`${f.w}/features/${typeahead.id}`)).json<{ status: string }>().status).toBe('shipped');
    const facets = await feature('Facets', { horizon: 'later' });
    expect((await pm.patch(`${f.w}/features/${facets.id}`, { horizon: 'now', version: facets.version })).statusCode).toBe(200);
    await feature('Synonyms', { status: 'planned', startDate: '2026-01-05', endDate: '2026-01-15' });
    await backdateFeature(db, (await feature('Shipped long ago', { status: 'shipped', endDate: '2026-01-10' })).id, 90);
    await pm.post(`${f.w}/features`, { componentId: billing, title: 'Other component', status: 'planned', endDate: '2026-01-10' });

    const period = (await f.admin.post(`${f.w}/periods`, { name: `Now ${randomUUID().slice(0, 4)}`, start: '2026-01-01', end: '2027-12-31' })).json<{ id: string }>().id;
    const objective = (await pm.post(`${f.w}/objectives`, { title: 'Find anything', periodId: period, componentId: search })).json<{ id: string }>().id;
    const kr = (await pm.post(`${f.w}/key-results`, { objectiveId: objective, title: 'Search success rate', start: 0, target: 100, direction: 'increase', type: 'number' })).json<{ id: string }>().id;
    expect((await pm.post(`${f.w}/key-results/${kr}/check-ins`, { value: 20, confidence: 8, note: 'first' })).statusCode).toBe(201);
    await backdateCheckIns(db, kr, 60); // before the range: the movement starts from it
    expect((await pm.post(`${f.w}/key-results/${kr}/check-ins`, { value: 30, confidence: 7 })).statusCode).toBe(201);
    const last = await pm.post(`${f.w}/key-results/${kr}/check-ins`, { value: 45, confidence: 8 });
    expect(last.statusCode).toBe(201);

    await insertDecision(db, { workspaceId: f.workspaceId, componentId: search, title: 'Search in PDFs', action: 'decline', rationale: 'Not enough evidence yet' });
    await insertDecision(db, { workspaceId: f.workspaceId, componentId: search, title: 'Accepted ask', action: 'accept' });
    await insertDecision(db, { workspaceId: f.workspaceId, componentId: billing, title: 'Billing ask', action: 'decline' });

    expect((await otherPm.get(`${f.w}/updates/draft?componentId=${search}`)).statusCode).toBe(403);
    expect((await otherPm.get(`${f.w}/updates/draft`)).statusCode).toBe(403); // owns no component
    expect((await f.admin.get(`${f.w}/updates/draft`)).json<Err>().field).toBe('componentId');
    expect((await pm.get(`${f.w}/updates/draft`)).json<StatusDraft>().componentId).toBe(search); // the one they own
    const res = await pm.get(`${f.w}/updates/draft?componentId=${search}`);
    expect(res.statusCode).toBe(200);
    const draft = res.json<StatusDraft>();
    expect(draft).toMatchObject({ componentId: search, period: isoWeekOf(new Date()), periodKind: 'week', existingUpdateId: null });
    expect(draft.facts.shipped.map((s) => s.title)).toEqual(['Typeahead']);
    expect(draft.facts.moved).toEqual([expect.objectContaining({ title: 'Facets', changes: { horizon: ['later', 'now'] } })]);
    expect(draft.facts.slipped.map((s) => s.title)).toEqual(['Synonyms']);
    expect(draft.facts.keyResults).toEqual([
      expect.objectContaining({ title: 'Search success rate', objectiveTitle: 'Find anything', checkIns: 2, from: 20, to: 45, progressDelta: 0.25, progress: 0.45, confidence: 8 }),
    ]);
    expect(draft.facts.declines).toEqual([expect.objectContaining({ title: 'Search in PDFs', rationale: 'Not enough evidence yet' })]);
    expect(draft.facts.conflicts).toEqual([]);
    expect(draft.health).toBe('at_risk'); // slipped
    expect(draft.highlights).toContain('Shipped **Typeahead**');
    expect(draft.highlights).toContain('Declined **Search in PDFs**: Not enough evidence yet');
    expect(draft.risks).toContain('**Synonyms** slipped');
    expect(draft.summary).toMatch(/shipped 1 feature, 1 slipped/);

    // A month long past: nothing shipped, moved or checked in then; the slip is not yet one.
    const old = (await pm.get(`${f.w}/updates/draft?componentId=${search}&period=2025-06`)).json<StatusDraft>();
    expect(old).toMatchObject({ periodKind: 'month', range: { from: '2025-06-01', to: '2025-06-30' }, health: 'on_track' });
    expect([old.facts.shipped, old.facts.moved, old.facts.slipped, old.facts.declines]).toEqual([[], [], [], []]);
    expect(old.facts.keyResults[0]).toMatchObject({ checkIns: 0, progressDelta: 0 });
    expect((await pm.get(`${f.w}/updates/draft?componentId=${search}&period=2026-W99`)).json<Err>().field).toBe('period');

    // The facts are kept with the update written from the draft.
    const written = await pm.post(`${f.w}/updates`, { componentId: search, period: draft.period, health: draft.health, summary: draft.summary, highlights: draft.highlights, facts: draft.facts });
    expect(written.statusCode).toBe(201);
    expect(written.json<StatusUpdate>().facts?.shipped[0]?.title).toBe('Typeahead');
    expect((await pm.get(`${f.w}/updates/draft?componentId=${search}`)).json<StatusDraft>().existingUpdateId).toBe(written.json<StatusUpdate>().id);
    void productId;
  });

  it('lists the components due this week and reminds their owners once, past the midpoint', async () => {
    const f = await workspaceFixture();
    const pm = await addMember(f, 'pm');
    const viewer = await addMember(f, 'viewer');
    const { db } = await testDatabase();
    const { productId, search, billing } = await setup(f, pm.memberId);
    const writing = (await f.admin.post(`${f.w}/products/${productId}/components`, { name: 'Writing', ownerId: pm.memberId })).json<{ id: string }>().id;
    const week = currentWeek(new Date());
    expect((await pm.post(`${f.w}/updates`, body(writing, week.period))).statusCode).toBe(201);

    const due = (await viewer.get(`${f.w}/updates/due?productId=${productId}`)).json<DueStatusUpdateList>();
    expect(due.period).toBe(week.period);
    expect(due.items.map((i) => i.component.name).sort()).toEqual(['Billing', 'Search']);
    expect(due.items.find((i) => i.component.id === search)?.owner?.id).toBe(pm.memberId);

    // Before the midpoint nobody is reminded; after it, the owner of Search once (Billing has no owner, Writing is done).
    const monday = new Date(`${week.range.from}T10:00:00Z`);
    const thursday = new Date(Date.parse(monday.toISOString()) + 3 * 86_400_000);
    expect(await sendDueReminders(db, monday, f.workspaceId)).toBe(0);
    expect(await sendDueReminders(db, thursday, f.workspaceId)).toBe(1);
    expect(await sendDueReminders(db, thursday, f.workspaceId)).toBe(0);
    const sent = await notificationsOf(db, pm.memberId, REMINDER_KIND);
    expect(sent).toEqual([{ title: `Status update due: Search, ${week.period}`, link: `/w/${f.workspaceId}/updates?componentId=${search}&period=${week.period}` }]);
    void billing;

    // The job runs the same check; the reminder already sent is not sent again.
    const job = await enqueueJob(db, { kind: REMINDER_JOB, payload: { workspaceId: f.workspaceId }, workspaceId: f.workspaceId });
    await runDueJobs(db, `status-updates-${randomUUID().slice(0, 6)}`, 200);
    expect((await getJob(db, job))?.status).toBe('done');
    expect(await notificationsOf(db, pm.memberId, REMINDER_KIND)).toHaveLength(1);

    // Writing an update started the daily chain: one run queued, at 09:00 UTC.
    expect(await pendingJobOfKind(db, REMINDER_JOB, false)).toBe(true);
    expect(nextRunAfter(new Date('2026-02-12T08:00:00Z')).toISOString()).toBe('2026-02-12T09:00:00.000Z');
    expect(nextRunAfter(new Date('2026-02-12T09:00:00Z')).toISOString()).toBe('2026-02-13T09:00:00.000Z');
  });
});
