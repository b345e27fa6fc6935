import { describe, expect, it } from 'vitest';
import type { CoachingQuestion, CoachingSettings, Competency, CompetencyFramework, Ladder, LadderLevelList } from '../../../shared/contracts.js';
import { PRODUCT_LEAD_COMPETENCIES } from '../../../shared/coaching.js';
import { TestClient, addMember, signUp, workspaceFixture, type Fixture } from '../../test/helpers.js';

async function frameworks(f: Fixture, client: TestClient = f.admin) {
  const items = (await client.get(`${f.w}/frameworks`)).json<{ items: CompetencyFramework[] }>().items;
  return { items, byKey: (key: string) => items.find((x) => x.key === key)! };
}
async function competencies(f: Fixture, frameworkId: string, client: TestClient = f.admin) {
  return (await client.get(`${f.w}/frameworks/${frameworkId}/competencies`)).json<{ items: Competency[] }>().items;
}

describe('frameworks routes', () => {
  it('holds the four built-in frameworks with their scales, competencies and question banks', async () => {
    const f = await workspaceFixture();
    const pm = await addMember(f, 'pm');
    const { items, byKey } = await frameworks(f, pm);
    expect(items.map((x) => [x.name, x.competencyCount, x.isDefault, x.builtIn])).toEqual([
      ['Product lead role', 11, true, true],
      ['Product manager assessment', 13, false, true],
      ['Product competency toolkit', 12, false, true],
      ['PM wheel', 8, false, true],
    ]);
    expect(byKey('product-lead').scale).toEqual({ min: 1, max: 5, labels: ['Learning', 'Developing', 'Proficient', 'Strong', 'Expert'] });
    expect(byKey('pm-assessment')).toMatchObject({ scale: { min: 1, max: 10 }, ratesImportance: true, source: expect.stringContaining('Marty Cagan') });
    expect(byKey('competency-toolkit').source).toContain('Ravi Mehta');
    expect(byKey('pm-wheel').source).toContain('Petra Wille');
    for (const fw of items) expect((await competencies(f, fw.id, pm)).length).toBe(fw.competencyCount);

    const svpg = await competencies(f, byKey('pm-assessment').id, pm);
    expect(svpg.map((c) => c.name)).toEqual([
      'Users and customers',
      'Data',
      'Industry and domain',
      'Business and company',
      'Product operations',
      'Discovery techniques',
      'Optimization techniques',
      'Delivery techniques',
      'Product development process',
      'Team collaboration',
      'Stakeholder management',
      'Evangelism',
      'Leadership',
    ]);
    expect([...new Set(svpg.map((c) => c.area))]).toEqual(['Product knowledge', 'Process', 'People']);
    const toolkit = await competencies(f, byKey('competency-toolkit').id, pm);
    expect([...new Set(toolkit.map((c) => c.area))]).toEqual(['Product execution', 'Customer insight', 'Product strategy', 'Influencing people']);
    expect((await competencies(f, byKey('pm-wheel').id, pm)).map((c) => c.name)).toEqual([
      'Understand problems',
      'Find solutions',
      'Plan',
      'Get it done',
      'Listen and learn',
      'Iterate',
      'Team',
      'Agile',
    ]);

    const productLead = await competencies(f, byKey('product-lead').id, pm);
    expect(productLead.map((c) => c.key)).toEqual([...PRODUCT_LEAD_COMPETENCIES]);
    expect(productLead.map((c) => c.name)).toContain('OKRs and metrics');
    for (const c of productLead) {
      expect(c.descriptors).toHaveLength(5);
      const bank = (await pm.get(`${f.w}/competencies/${c.id}/questions`)).json<{ items: CoachingQuestion[] }>().items;
      expect(bank.length, c.key).toBeGreaterThanOrEqual(10);
      expect(c.questionCount).toBe(bank.length);
      for (const q of bank) expect(q.text.endsWith('?'), q.text).toBe(true);
      if (c.key === 'interviewing-users') {
        expect(bank).toContainEqual(expect.objectContaining({ text: 'What do you know about why these customers asked for this, and how did you learn it?', signals: ['interviews'] }));
      }
    }
    for (const fw of items.slice(1)) {
      for (const c of await competencies(f, fw.id, pm)) expect(c.questionCount, `${fw.key}/${c.key}`).toBeGreaterThanOrEqual(3);
    }
  });

  it('copies a framework to edit it, with its bank and level expectations, and edits competencies and questions', async () => {
    const f = await workspaceFixture();
    const lead = await addMember(f, 'lead');
    const { byKey } = await frameworks(f, lead);
    const copy = await lead.post(`${f.w}/frameworks`, { copyOf: byKey('pm-assessment').id });
    expect(copy.statusCode).toBe(201);
    const fw = copy.json<CompetencyFramework>();
    expect(fw).toMatchObject({ name: 'Product manager assessment (copy)', key: null, builtIn: false, isDefault: false, competencyCount: 13, scale: { min: 1, max: 10 }, ratesImportance: true });
    const comps = await competencies(f, fw.id, lead);
    expect(comps.every((c) => c.questionCount >= 3)).toBe(true);
    const ladder = (await lead.get(`${f.w}/ladders`)).json<{ items: Ladder[] }>().items[0]!;
    const levels = (await lead.get(`${f.w}/ladders/${ladder.id}/levels?frameworkId=${fw.id}`)).json<LadderLevelList>().items;
    expect(levels.every((l) => l.expectations.length === 13)).toBe(true);
    expect(Math.max(...levels.flatMap((l) => l.expectations.map((e) => e.expected)))).toBe(10);

    // Narrowing the scale pulls every expectation into it.
    const narrowed = await lead.patch(`${f.w}/frameworks/${fw.id}`, { name: 'Our PM assessment', scale: { min: 1, max: 5 }, version: 1 });
    expect(narrowed.statusCode).toBe(200);
    expect(narrowed.json<CompetencyFramework>()).toMatchObject({ name: 'Our PM assessment', scale: { min: 1, max: 5, labels: [] }, version: 2 });
    const after = (await lead.get(`${f.w}/ladders/${ladder.id}/levels?frameworkId=${fw.id}`)).json<LadderLevelList>().items;
    expect(Math.max(...after.flatMap((l) => l.expectations.map((e) => e.expected)))).toBe(5);
    expect((await lead.patch(`${f.w}/frameworks/${fw.id}`, { description: 'stale', version: 1 })).statusCode).toBe(409);
    const badScale = await lead.patch(`${f.w}/frameworks/${fw.id}`, { scale: { min: 3, max: 3 }, version: 2 });
    expect(badScale.json()).toEqual({ code: 'validation_failed', message: 'scale.max: must be greater than scale.min (3)', field: 'scale.max' });
    expect((await lead.patch(`${f.w}/frameworks/${fw.id}`, { scale: { min: 1, max: 3, labels: ['Low', 'High'] }, version: 2 })).json<{ field: string }>().field).toBe('scale.labels');

    // Competencies: add (key from the name), edit, delete.
    const added = await lead.post(`${f.w}/frameworks/${fw.id}/competencies`, { name: 'AI product sense', area: 'Product knowledge', descriptors: ['New to it', 'Uses it', 'Shapes it'] });
    expect(added.statusCode).toBe(201);
    const c = added.json<Competency>();
    expect(c).toMatchObject({ key: 'ai-product-sense', position: 13, questionCount: 0, version: 1 });
    expect((await lead.post(`${f.w}/frameworks/${fw.id}/competencies`, { name: 'Again', key: 'ai-product-sense' })).json<{ field: string }>().field).toBe('key');
    expect((await lead.post(`${f.w}/frameworks/${fw.id}/competencies`, { name: 'AI product sense' })).json<Competency>().key).toBe('ai-product-sense-2');
    const edited = await lead.patch(`${f.w}/competencies/${c.id}`, { description: 'Judges where models help users', version: 1 });
    expect(edited.json<Competency>()).toMatchObject({ description: 'Judges where models help users', version: 2 });
    expect((await lead.patch(`${f.w}/competencies/${c.id}`, { name: 'x', version: 1 })).statusCode).toBe(409);
    expect((await lead.patch(`${f.w}/competencies/${c.id}`, { key: 'renamed', version: 2 })).json<{ field: string }>().field).toBe('key');

    // Questions: must be questions; tagged with known signals.
    const q = await lead.post(`${f.w}/competencies/${c.id}/questions`, { text: 'Where would a model make this worse for users, and how would you know?', signals: ['experiments', 'experiments'] });
    expect(q.statusCode).toBe(201);
    expect(q.json<CoachingQuestion>()).toMatchObject({ signals: ['experiments'], builtIn: false, position: 0 });
    const answer = await lead.post(`${f.w}/competencies/${c.id}/questions`, { text: 'Use a model for search.' });
    expect(answer.json()).toEqual({ code: 'validation_failed', message: 'text: must be a question (end with “?”): the bank holds questions, not answers', field: 'text' });
    expect((await lead.post(`${f.w}/competencies/${c.id}/questions`, { text: 'Why?', signals: ['vibes'] })).json<{ field: string }>().field).toBe('signals.0');
    expect((await lead.get(`${f.w}/competencies/${c.id}/questions`)).json<{ total: number }>().total).toBe(1);
    expect((await lead.delete(`${f.w}/questions/${q.json<CoachingQuestion>().id}`)).statusCode).toBe(204);
    expect((await lead.delete(`${f.w}/questions/${q.json<CoachingQuestion>().id}`)).statusCode).toBe(404);
    expect((await lead.delete(`${f.w}/competencies/${c.id}`)).statusCode).toBe(204);
    expect((await lead.get(`${f.w}/competencies/${c.id}/questions`)).statusCode).toBe(404);

    // A custom framework from scratch needs a name; the scale defaults to 1-5.
    expect((await lead.post(`${f.w}/frameworks`, {})).json<{ field: string }>().field).toBe('name');
    const custom = await lead.post(`${f.w}/frameworks`, { name: 'Design leadership', scale: { min: 0, max: 3, labels: ['None', 'Some', 'Good', 'Great'] } });
    expect(custom.json<CompetencyFramework>()).toMatchObject({ competencyCount: 0, scale: { min: 0, max: 3 }, builtIn: false });
  });

  it('keeps the default framework, lets admins change it, and hides other workspaces', async () => {
    const f = await workspaceFixture();
    const pm = await addMember(f, 'pm');
    const contributor = await addMember(f, 'contributor');
    const viewer = await addMember(f, 'viewer');
    const { byKey } = await frameworks(f);
    const def = byKey('product-lead');
    const del = await f.admin.delete(`${f.w}/frameworks/${def.id}`);
    expect(del.statusCode).toBe(409);
    expect(del.json<{ message: string }>().message).toBe('The default framework cannot be deleted; make another framework the default first');

    const settings = (await f.admin.get(`${f.w}/coaching/settings`)).json<CoachingSettings>();
    const wheel = byKey('pm-wheel');
    await f.admin.request('PUT', `${f.w}/coaching/settings`, { defaultFrameworkId: wheel.id, version: settings.version });
    expect((await frameworks(f)).byKey('pm-wheel').isDefault).toBe(true);
    const ladder = (await f.admin.get(`${f.w}/ladders`)).json<{ items: Ladder[] }>().items[0]!;
    const levels = (await f.admin.get(`${f.w}/ladders/${ladder.id}/levels`)).json<LadderLevelList>();
    expect(levels.frameworkId).toBe(wheel.id);
    expect(levels.items[0]!.expectations).toHaveLength(8);
    expect((await f.admin.delete(`${f.w}/frameworks/${def.id}`)).statusCode).toBe(204);
    expect((await frameworks(f)).items).toHaveLength(3);
    const foreign = await workspaceFixture();
    const foreignFw = (await frameworks(foreign)).items[0]!;
    const badDefault = await f.admin.request('PUT', `${f.w}/coaching/settings`, { defaultFrameworkId: foreignFw.id, version: settings.version + 1 });
    expect(badDefault.json<{ field: string }>().field).toBe('defaultFrameworkId');

    // Roles: PMs and contributors read, only admins and leads manage, viewers do not read.
    expect((await contributor.get(`${f.w}/frameworks/${wheel.id}`)).statusCode).toBe(200);
    expect((await pm.post(`${f.w}/frameworks`, { name: 'Mine' })).statusCode).toBe(403);
    expect((await pm.post(`${f.w}/competencies/${(await competencies(f, wheel.id))[0]!.id}/questions`, { text: 'Why?' })).statusCode).toBe(403);
    expect((await viewer.get(`${f.w}/frameworks`)).statusCode).toBe(403);
    expect((await new TestClient(f.app).get(`${f.w}/frameworks`)).statusCode).toBe(401);

    // Another workspace's records answer 404, like missing ones.
    const theirComp = (await competencies(foreign, foreignFw.id))[0]!;
    const theirQuestion = (await foreign.admin.get(`${foreign.w}/competencies/${theirComp.id}/questions`)).json<{ items: CoachingQuestion[] }>().items[0]!;
    expect((await f.admin.get(`${f.w}/frameworks/${foreignFw.id}`)).statusCode).toBe(404);
    expect((await f.admin.get(`${f.w}/frameworks/${foreignFw.id}/competencies`)).statusCode).toBe(404);
    expect((await f.admin.patch(`${f.w}/frameworks/${foreignFw.id}`, { name: 'Mine', version: 1 })).statusCode).toBe(404);
    expect((await f.admin.patch(`${f.w}/competencies/${theirComp.id}`, { name: 'Mine', version: 1 })).statusCode).toBe(404);
    expect((await f.admin.get(`${f.w}/competencies/${theirComp.id}/questions`)).statusCode).toBe(404);
    expect((await f.admin.delete(`${f.w}/questions/${theirQuestion.id}`)).statusCode).toBe(404);
    expect((await f.admin.post(`${f.w}/frameworks`, { copyOf: foreignFw.id })).json<{ field: string }>().field).toBe('copyOf');
    const outsider = await signUp(f.app);
    expect((await outsider.get(`${f.w}/frameworks`)).statusCode).toBe(404);
  });
});
