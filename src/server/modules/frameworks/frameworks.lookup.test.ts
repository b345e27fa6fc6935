import { describe, expect, it } from 'vitest';
import { PRODUCT_LEAD_COMPETENCIES } from '../../../shared/coaching.js';
import { testDatabase } from '../../test/database.js';
import { addMember, workspaceFixture } from '../../test/helpers.js';
import {
  bankQuestions,
  defaultFrameworkId,
  ensureCoachingDefaults,
  frameworkCompetencies,
  frameworkScale,
  levelExpectations,
  personLevel,
} from './frameworks.lookup.js';

describe('frameworks lookup', () => {
  it('seeds the defaults once, even when called concurrently, and answers the lookups', async () => {
    const f = await workspaceFixture();
    const { db } = await testDatabase();
    await Promise.all([1, 2, 3, 4, 5].map(() => ensureCoachingDefaults(db, f.workspaceId)));
    await ensureCoachingDefaults(db, f.workspaceId);

    const fwId = await defaultFrameworkId(db, f.workspaceId);
    const comps = await frameworkCompetencies(db, f.workspaceId, fwId);
    expect(comps.map((c) => c.key)).toEqual([...PRODUCT_LEAD_COMPETENCIES]);
    expect(comps.every((c) => c.frameworkId === fwId)).toBe(true);
    expect(await frameworkScale(db, f.workspaceId, fwId)).toEqual({ min: 1, max: 5, ratesImportance: false });

    const questions = await bankQuestions(db, f.workspaceId, comps.map((c) => c.id));
    expect(questions.length).toBeGreaterThanOrEqual(110);
    const interviewing = comps.find((c) => c.key === 'interviewing-users')!;
    const example = questions.find((q) => q.text === 'What do you know about why these customers asked for this, and how did you learn it?');
    expect(example).toMatchObject({ competencyId: interviewing.id, signals: ['interviews'] });
    // Bank order: by competency position, so the first question belongs to the first competency.
    expect(questions[0]!.competencyId).toBe(comps[0]!.id);

    // No placement yet; nothing for a stranger id or another workspace's framework.
    expect(await personLevel(db, f.workspaceId, '00000000-0000-4000-8000-000000000000')).toBeNull();
    const other = await workspaceFixture();
    expect(await frameworkCompetencies(db, other.workspaceId, fwId)).toEqual([]);
    expect(await frameworkScale(db, other.workspaceId, fwId)).toBeNull();
    expect(await frameworkCompetencies(db, f.workspaceId, 'not-a-uuid')).toEqual([]);
  });

  it('reads a placed person’s level and that level’s expectations', async () => {
    const f = await workspaceFixture();
    const pm = await addMember(f, 'pm');
    const { db } = await testDatabase();
    const ladders = (await f.admin.get(`${f.w}/ladders`)).json<{ items: { id: string }[] }>().items;
    expect(ladders).toHaveLength(1);
    const levels = (await f.admin.get(`${f.w}/ladders/${ladders[0]!.id}/levels`)).json<{ items: { id: string; key: string | null; title: string }[] }>().items;
    const lead = levels.find((l) => l.key === 'product-lead')!;
    const senior = levels.find((l) => l.key === 'senior-pm')!;
    expect((await f.admin.request('PUT', `${f.w}/people/${pm.memberId}/level`, { levelId: lead.id })).statusCode).toBe(200);
    expect(await personLevel(db, f.workspaceId, pm.memberId)).toEqual({ levelId: lead.id, title: 'Product Lead / Lead PM', track: 'ic', rank: 5 });

    const fwId = await defaultFrameworkId(db, f.workspaceId);
    const comps = await frameworkCompetencies(db, f.workspaceId, fwId);
    const atLead = await levelExpectations(db, f.workspaceId, lead.id, fwId);
    const atSenior = await levelExpectations(db, f.workspaceId, senior.id, fwId);
    expect(atLead.size).toBe(11);
    const coaching = comps.find((c) => c.key === 'coaching-mentoring')!.id;
    expect(atLead.get(coaching)).toBeGreaterThan(atSenior.get(coaching)!);
  });
});
