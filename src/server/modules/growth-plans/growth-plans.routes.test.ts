import { beforeAll, describe, expect, it } from 'vitest';
import type { CreatedGoalCheckIn, GoalCheckIn, GrowthGoal, GrowthPlan, GrowthPlanList } from '../../../shared/contracts.js';
import { TestClient, addMember, testApp, signUp, workspaceFixture, type Fixture } from '../../test/helpers.js';
import { seedCompetencies } from './growth.fixtures.js';

const SECRET_TITLE = 'Confidential: prepare Pia for the Group PM role';
const SECRET_GOAL = 'Lead the pricing overhaul without escalating';
const SECRET_NOTE = 'Struggled with the CFO conversation again';

async function audit(f: Fixture): Promise<{ action: string; summary: string; changes: unknown; entityId: string | null }[]> {
  return (await f.admin.get(`${f.w}/audit-log?limit=200`)).json<{ items: { action: string; summary: string; changes: unknown; entityId: string | null }[] }>().items;
}

async function feature(f: Fixture, title = 'Usage-based billing') {
  const productId = (await f.admin.post(`${f.w}/products`, { name: 'Atlas' })).json<{ id: string }>().id;
  const componentId = (await f.admin.post(`${f.w}/products/${productId}/components`, { name: 'Billing' })).json<{ id: string }>().id;
  const featureId = (await f.admin.post(`${f.w}/features`, { componentId, title })).json<{ id: string }>().id;
  return { productId, componentId, featureId };
}

describe('growth plans routes', () => {
  // The worker's app and database start once, under the hook timeout rather than the first test's.
  beforeAll(async () => void (await testApp()));

  it('creates, edits with versions and deletes a plan; the person and the coach work on it', async () => {
    const f = await workspaceFixture();
    const pm = await addMember(f, 'pm', 'Pia PM');
    const lead = await addMember(f, 'lead', 'Lee Lead');

    const own = await pm.post(`${f.w}/growth-plans`, { personId: pm.memberId, title: 'My next step', summary: 'Towards senior PM' });
    expect(own.statusCode).toBe(201);
    expect(own.json<GrowthPlan>()).toMatchObject({
      person: { id: pm.memberId, name: 'Pia PM' },
      coachId: null,
      private: false,
      status: 'active',
      goals: [],
      goalCount: 0,
      version: 1,
    });

    const coached = await lead.post(`${f.w}/growth-plans`, { personId: pm.memberId, title: 'Discovery depth' });
    expect(coached.statusCode).toBe(201);
    const plan = coached.json<GrowthPlan>();
    expect(plan.coach).toEqual({ id: lead.memberId, name: 'Lee Lead' });

    const url = `${f.w}/growth-plans/${plan.id}`;
    const noVersion = await pm.patch(url, { title: 'x' });
    expect(noVersion.statusCode).toBe(400);
    expect(noVersion.json<{ field: string }>().field).toBe('version');
    const edited = await pm.patch(url, { summary: 'Interview weekly', status: 'active', version: 1 });
    expect(edited.statusCode).toBe(200);
    expect(edited.json<GrowthPlan>()).toMatchObject({ summary: 'Interview weekly', version: 2 });
    const stale = await lead.patch(url, { title: 'Stale', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ code: string }>().code).toBe('version_conflict');
    expect((await lead.patch(url, { status: 'completed', version: 2 })).json<GrowthPlan>()).toMatchObject({ status: 'completed', version: 3 });
    const bad = await lead.patch(url, { status: 'paused', version: 3 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ field: string }>().field).toBe('status');

    const mine = (await pm.get(`${f.w}/growth-plans`)).json<GrowthPlanList>();
    expect(mine.items.map((p) => p.id)).toEqual([own.json<GrowthPlan>().id, plan.id]);
    expect((await pm.get(`${f.w}/growth-plans?status=completed`)).json<GrowthPlanList>().items.map((p) => p.id)).toEqual([plan.id]);

    expect((await pm.delete(url)).statusCode).toBe(204);
    expect((await lead.get(url)).statusCode).toBe(404);
  });

  it('refuses plans for someone the caller does not coach, and checks the coach', async () => {
    const f = await workspaceFixture();
    const pm = await addMember(f, 'pm');
    const otherPm = await addMember(f, 'pm');
    const lead = await addMember(f, 'lead');
    const contributor = await addMember(f, 'contributor');

    const foreign = await otherPm.post(`${f.w}/growth-plans`, { personId: pm.memberId, title: 'Not mine to make' });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toEqual({ code: 'not_found', message: 'Person not found' });
    expect((await lead.post(`${f.w}/growth-plans`, { personId: '00000000-0000-4000-8000-000000000000', title: 'Nobody' })).statusCode).toBe(404);
    const notCoach = await pm.post(`${f.w}/growth-plans`, { personId: pm.memberId, title: 'Mine', coachId: otherPm.memberId });
    expect(notCoach.json()).toEqual({ code: 'validation_failed', message: 'coachId: must be a lead or admin of this workspace', field: 'coachId' });
    const withCoach = await pm.post(`${f.w}/growth-plans`, { personId: pm.memberId, title: 'Mine', coachId: lead.memberId });
    expect(withCoach.json<GrowthPlan>().coachId).toBe(lead.memberId);
    expect((await pm.post(`${f.w}/growth-plans`, { personId: pm.memberId })).json<{ field: string }>().field).toBe('title');
    expect((await contributor.post(`${f.w}/growth-plans`, { personId: contributor.memberId, title: 'Mine' })).statusCode).toBe(403);
    expect((await contributor.get(`${f.w}/growth-plans`)).statusCode).toBe(403);
    expect((await new TestClient(f.app).get(`${f.w}/growth-plans`)).statusCode).toBe(401);
    // Another PM cannot list this PM's plans either.
    expect((await otherPm.get(`${f.w}/growth-plans?personId=${pm.memberId}`)).statusCode).toBe(404);
  });

  it('keeps a private plan to its person and coach: not the admin, another lead or another PM', async () => {
    const f = await workspaceFixture();
    const pm = await addMember(f, 'pm', 'Pia PM');
    const lead = await addMember(f, 'lead', 'Lee Lead');
    const otherLead = await addMember(f, 'lead');
    const otherPm = await addMember(f, 'pm');
    const plan = (await lead.post(`${f.w}/growth-plans`, { personId: pm.memberId, title: SECRET_TITLE, private: true })).json<GrowthPlan>();
    const goal = (await lead.post(`${f.w}/growth-plans/${plan.id}/goals`, { title: SECRET_GOAL })).json<GrowthGoal>();
    expect((await pm.post(`${f.w}/growth-goals/${goal.id}/check-ins`, { note: SECRET_NOTE, progress: 20 })).statusCode).toBe(201);
    const shared = (await lead.post(`${f.w}/growth-plans`, { personId: pm.memberId, title: 'Shared plan' })).json<GrowthPlan>();

    for (const who of [pm, lead]) {
      expect((await who.get(`${f.w}/growth-plans/${plan.id}`)).json<GrowthPlan>()).toMatchObject({ title: SECRET_TITLE, private: true, goals: [{ title: SECRET_GOAL }] });
      expect((await who.get(`${f.w}/growth-plans`)).json<GrowthPlanList>().items.map((p) => p.id)).toContain(plan.id);
      expect((await who.get(`${f.w}/growth-goals/${goal.id}/check-ins`)).json<{ items: GoalCheckIn[] }>().items[0]!.note).toBe(SECRET_NOTE);
    }
    const outsider = await workspaceFixture();
    for (const [name, who, w] of [
      ['admin', f.admin, f.w],
      ['another lead', otherLead, f.w],
      ['another PM', otherPm, f.w],
      ['another workspace', outsider.admin, outsider.w],
    ] as const) {
      const urls = [`${w}/growth-plans/${plan.id}`, `${w}/growth-goals/${goal.id}/check-ins`];
      for (const u of urls) expect((await who.get(u)).statusCode, `${name} GET ${u}`).toBe(404);
      expect((await who.patch(`${w}/growth-plans/${plan.id}`, { title: 'Taken', version: 1 })).statusCode, name).toBe(404);
      expect((await who.delete(`${w}/growth-plans/${plan.id}`)).statusCode, name).toBe(404);
      expect((await who.post(`${w}/growth-plans/${plan.id}/goals`, { title: 'Sneaky' })).statusCode, name).toBe(404);
      expect((await who.patch(`${w}/growth-goals/${goal.id}`, { title: 'Sneaky', version: 1 })).statusCode, name).toBe(404);
      expect((await who.post(`${w}/growth-goals/${goal.id}/check-ins`, { note: 'Sneaky' })).statusCode, name).toBe(404);
      const list = await who.get(`${w}/growth-plans`);
      expect(list.body, name).not.toContain(SECRET_TITLE);
    }
    // Leads and admins still see the PM's shared plan.
    expect((await f.admin.get(`${f.w}/growth-plans?personId=${pm.memberId}`)).json<GrowthPlanList>().items.map((p) => p.id)).toEqual([shared.id]);
    expect((await otherLead.get(`${f.w}/growth-plans/${shared.id}`)).statusCode).toBe(200);
    // Someone who is neither person nor coach cannot make a shared plan private (they would lose it).
    const lock = await otherLead.patch(`${f.w}/growth-plans/${shared.id}`, { private: true, version: 1 });
    expect(lock.json<{ field: string }>().field).toBe('private');

    // The audit log names the records, never their content, and records the reads.
    const entries = await audit(f);
    const text = JSON.stringify(entries);
    for (const secret of [SECRET_TITLE, SECRET_GOAL, SECRET_NOTE]) expect(text).not.toContain(secret);
    expect(entries.filter((e) => e.action === 'growth-plan.read' && e.entityId === plan.id).length).toBe(2);
    expect(entries.some((e) => e.action === 'goal-check-in.list' && e.entityId === goal.id)).toBe(true);
    expect(entries.some((e) => e.action === 'growth-plan.list')).toBe(true);
    expect(entries.find((e) => e.action === 'growth-plan.read')?.summary).toBe('Read a growth plan of Pia PM');
  });

  it('validates the competency and the next bigger challenge, and shows the challenge live', async () => {
    const f = await workspaceFixture();
    const other = await workspaceFixture();
    const pm = await addMember(f, 'pm');
    const lead = await addMember(f, 'lead');
    const { ids } = await seedCompetencies(f.workspaceId, ['Pricing', 'Customer validation']);
    const foreignCompetency = (await seedCompetencies(other.workspaceId, ['Pricing'])).ids[0];
    const { productId, componentId, featureId } = await feature(f);
    const foreignFeature = (await feature(other)).featureId;
    const experimentId = (await f.admin.post(`${f.w}/experiments`, { hypothesis: 'We believe tiers lift upgrades, measured by upgrades', type: 'pricing_test' })).json<{ id: string }>().id;
    const plan = (await lead.post(`${f.w}/growth-plans`, { personId: pm.memberId, title: 'Pricing' })).json<GrowthPlan>();
    const goals = `${f.w}/growth-plans/${plan.id}/goals`;

    const foreign = await lead.post(goals, { title: 'Own billing', challenge: { type: 'feature', id: foreignFeature } });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json()).toEqual({ code: 'validation_failed', message: 'challenge.id: is not a feature of this workspace', field: 'challenge.id' });
    // A real id of the wrong type is refused too.
    expect((await lead.post(goals, { title: 'x', challenge: { type: 'experiment', id: featureId } })).json<{ field: string }>().field).toBe('challenge.id');
    expect((await lead.post(goals, { title: 'x', challenge: { type: 'initiative', id: featureId } })).json<{ field: string }>().field).toBe('challenge.type');
    const badCompetency = await lead.post(goals, { title: 'x', competencyId: foreignCompetency });
    expect(badCompetency.json()).toEqual({ code: 'validation_failed', message: 'competencyId: is not a competency of this workspace', field: 'competencyId' });
    expect((await lead.post(goals, { title: 'x', dueOn: '2027-02-30' })).json<{ field: string }>().field).toBe('dueOn');

    const created = await lead.post(goals, {
      title: 'Own the billing launch',
      competencyId: ids[0],
      dueOn: '2099-03-31',
      challenge: { type: 'feature', id: featureId },
    });
    expect(created.statusCode).toBe(201);
    const goal = created.json<GrowthGoal>();
    expect(goal).toMatchObject({
      competency: { id: ids[0], name: 'Pricing' },
      status: 'not_started',
      overdue: false,
      challenge: { type: 'feature', id: featureId, title: 'Usage-based billing', status: 'idea', detail: 'Billing', link: { to: 'feature', id: featureId }, available: true },
    });
    const exp = (await pm.post(goals, { title: 'Run the tier test', challenge: { type: 'experiment', id: experimentId } })).json<GrowthGoal>();
    expect(exp.challenge).toMatchObject({ status: 'planned', link: { to: 'experiment', id: experimentId } });
    const comp = (await pm.post(goals, { title: 'Own billing', challenge: { type: 'component', id: componentId } })).json<GrowthGoal>();
    expect(comp.challenge).toMatchObject({ title: 'Billing', status: null, detail: 'Atlas · 0 of 1 features shipped', link: { to: 'product', id: productId } });

    // Live progress: the feature moves on, and the plan shows it.
    const fv = (await f.admin.get(`${f.w}/features/${featureId}`)).json<{ version: number }>().version;
    expect((await f.admin.patch(`${f.w}/features/${featureId}`, { status: 'in_progress', version: fv })).statusCode).toBe(200);
    const read = (await pm.get(`${f.w}/growth-plans/${plan.id}`)).json<GrowthPlan>();
    expect(read.goals.map((g) => g.title)).toEqual(['Own the billing launch', 'Run the tier test', 'Own billing']);
    expect(read.goals[0]!.challenge!.status).toBe('in_progress');

    // Edits: change the competency, clear the challenge; a foreign one is refused.
    const url = `${f.w}/growth-goals/${goal.id}`;
    expect((await pm.patch(url, { challenge: { type: 'feature', id: foreignFeature }, version: 1 })).json<{ field: string }>().field).toBe('challenge.id');
    const edited = await pm.patch(url, { competencyId: ids[1], challenge: null, version: 1 });
    expect(edited.json<GrowthGoal>()).toMatchObject({ competency: { name: 'Customer validation' }, challenge: null, version: 2 });
    expect((await pm.patch(url, { title: 'Stale', version: 1 })).statusCode).toBe(409);

    // A challenge deleted later still shows, marked gone.
    expect((await f.admin.delete(`${f.w}/experiments/${experimentId}`)).statusCode).toBe(204);
    const gone = (await pm.get(`${f.w}/growth-plans/${plan.id}`)).json<GrowthPlan>().goals[1]!.challenge;
    expect(gone).toMatchObject({ type: 'experiment', available: false, link: null });

    expect((await pm.delete(url)).statusCode).toBe(204);
    expect((await pm.get(`${f.w}/growth-plans/${plan.id}`)).json<GrowthPlan>().goals).toHaveLength(2);
  });

  it('keeps check-ins that move the goal, and flags overdue goals', async () => {
    const f = await workspaceFixture();
    const pm = await addMember(f, 'pm', 'Pia PM');
    const lead = await addMember(f, 'lead', 'Lee Lead');
    const plan = (await lead.post(`${f.w}/growth-plans`, { personId: pm.memberId, title: 'Q3 growth' })).json<GrowthPlan>();
    const goals = `${f.w}/growth-plans/${plan.id}/goals`;
    const late = (await lead.post(goals, { title: 'Write the pricing memo', dueOn: '2020-01-31' })).json<GrowthGoal>();
    const doneLate = (await lead.post(goals, { title: 'Shadow three sales calls', dueOn: '2020-01-31' })).json<GrowthGoal>();
    const future = (await lead.post(goals, { title: 'Present at the all-hands', dueOn: '2099-01-31' })).json<GrowthGoal>();
    const dropped = (await lead.post(goals, { title: 'Old idea', dueOn: '2020-01-31', status: 'dropped' })).json<GrowthGoal>();
    expect(late.overdue).toBe(true);
    expect(future.overdue).toBe(false);
    expect(dropped.overdue).toBe(false);

    const first = await pm.post(`${f.w}/growth-goals/${doneLate.id}/check-ins`, { note: 'Joined two calls', progress: 60, status: 'in_progress' });
    expect(first.statusCode).toBe(201);
    expect(first.json<CreatedGoalCheckIn>()).toMatchObject({
      checkIn: { note: 'Joined two calls', progress: 60, status: 'in_progress', author: { id: pm.memberId, name: 'Pia PM' } },
      goal: { status: 'in_progress', progress: 60, overdue: true, checkInCount: 1, version: 2 },
    });
    const note = await lead.post(`${f.w}/growth-goals/${doneLate.id}/check-ins`, { note: 'Good questions on the second call' });
    expect(note.json<CreatedGoalCheckIn>().goal).toMatchObject({ status: 'in_progress', progress: 60, checkInCount: 2 });
    const done = await pm.post(`${f.w}/growth-goals/${doneLate.id}/check-ins`, { note: 'Third call done', progress: 100, status: 'done' });
    expect(done.json<CreatedGoalCheckIn>().goal).toMatchObject({ status: 'done', overdue: false, progress: 100, latestCheckIn: { note: 'Third call done' } });

    const bad = await pm.post(`${f.w}/growth-goals/${late.id}/check-ins`, { note: 'x', progress: 120 });
    expect(bad.json()).toEqual({ code: 'validation_failed', message: 'progress: must be 0-100', field: 'progress' });
    expect((await pm.post(`${f.w}/growth-goals/${late.id}/check-ins`, { note: '  ' })).json<{ field: string }>().field).toBe('note');

    const list = (await lead.get(`${f.w}/growth-goals/${doneLate.id}/check-ins`)).json<{ items: GoalCheckIn[] }>().items;
    expect(list.map((c) => c.note)).toEqual(['Third call done', 'Good questions on the second call', 'Joined two calls']);

    const summary = (await pm.get(`${f.w}/growth-plans`)).json<GrowthPlanList>().items[0]!;
    expect(summary).toMatchObject({ goalCount: 3, doneCount: 1, overdueCount: 1, nextDueOn: '2020-01-31' });

    // Only its author takes a check-in back.
    const mine = list[0]!.id;
    expect((await lead.delete(`${f.w}/goal-check-ins/${mine}`)).statusCode).toBe(404);
    expect((await pm.delete(`${f.w}/goal-check-ins/${mine}`)).statusCode).toBe(204);
    expect((await pm.get(`${f.w}/growth-goals/${doneLate.id}/check-ins`)).json<{ items: GoalCheckIn[] }>().items).toHaveLength(2);
    const outsider = await signUp(f.app);
    expect((await outsider.get(`${f.w}/growth-goals/${doneLate.id}/check-ins`)).statusCode).toBe(404);
  });
});
