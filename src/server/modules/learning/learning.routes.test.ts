import { beforeAll, describe, expect, it } from 'vitest';
import type { LearningEntry, LearningList, LearningSuggestions } from '../../../shared/contracts.js';
import { TestClient, addMember, testApp, workspaceFixture } from '../../test/helpers.js';
import { seedAssessedGaps, seedCompetencies } from '../growth-plans/growth.fixtures.js';

const TAKEAWAY = 'Ask for the last time it happened, never the hypothetical';

describe('learning routes', () => {
  // The worker's app and database start once, under the hook timeout rather than the first test's.
  beforeAll(async () => void (await testApp()));

  it('logs, filters, edits and deletes entries, newest first', async () => {
    const f = await workspaceFixture();
    const pm = await addMember(f, 'pm', 'Pia PM');
    const { ids } = await seedCompetencies(f.workspaceId, ['Interviewing users', 'Pricing']);
    const base = `${f.w}/learning`;

    const created = await pm.post(base, {
      resource: 'The Mom Test',
      type: 'book',
      competencyId: ids[0],
      takeaway: TAKEAWAY,
      learnedOn: '2026-03-02',
      url: 'https://example.test/mom-test',
    });
    expect(created.statusCode).toBe(201);
    const entry = created.json<LearningEntry>();
    expect(entry).toMatchObject({
      personId: pm.memberId,
      person: { name: 'Pia PM' },
      competency: { id: ids[0], name: 'Interviewing users' },
      loggedBy: { id: pm.memberId, name: 'Pia PM' },
      canEdit: true,
      version: 1,
    });
    await pm.post(base, { resource: 'Pricing community meetup', type: 'community', competencyId: ids[1], takeaway: 'Price on value metrics', learnedOn: '2026-04-10' });
    await pm.post(base, { resource: 'Mind the Product', type: 'conference', takeaway: 'Talk to peers', learnedOn: '2026-01-20' });

    const all = (await pm.get(base)).json<LearningList>();
    expect(all.items.map((e) => e.learnedOn)).toEqual(['2026-04-10', '2026-03-02', '2026-01-20']);
    expect(all.total).toBe(3);
    expect((await pm.get(`${base}?competencyId=${ids[0]}`)).json<LearningList>().items.map((e) => e.id)).toEqual([entry.id]);
    expect((await pm.get(`${base}?type=conference`)).json<LearningList>().items.map((e) => e.resource)).toEqual(['Mind the Product']);
    expect((await pm.get(`${base}?type=podcast`)).json<{ field: string }>().field).toBe('type');

    const url = `${base}/${entry.id}`;
    const edited = await pm.patch(url, { takeaway: 'Past behaviour beats opinions', competencyId: null, version: 1 });
    expect(edited.json<LearningEntry>()).toMatchObject({ takeaway: 'Past behaviour beats opinions', competencyId: null, competency: null, version: 2 });
    expect((await pm.patch(url, { resource: 'Stale', version: 1 })).statusCode).toBe(409);
    expect((await pm.delete(url)).statusCode).toBe(204);
    expect((await pm.get(base)).json<LearningList>().total).toBe(2);
  });

  it('validates type, url, date and competency, naming the field', async () => {
    const f = await workspaceFixture();
    const other = await workspaceFixture();
    const pm = await addMember(f, 'pm');
    const foreign = (await seedCompetencies(other.workspaceId, ['Pricing'])).ids[0];
    const base = `${f.w}/learning`;
    const ok = { resource: 'Inspired', type: 'book', takeaway: 'Empowered teams', learnedOn: '2026-02-01' };
    const type = await pm.post(base, { ...ok, type: 'podcast' });
    expect(type.statusCode).toBe(400);
    expect(type.json<{ field: string }>().field).toBe('type');
    expect((await pm.post(base, { ...ok, url: 'javascript:alert(1)' })).json<{ field: string }>().field).toBe('url');
    expect((await pm.post(base, { ...ok, learnedOn: '2026-13-01' })).json<{ field: string }>().field).toBe('learnedOn');
    expect((await pm.post(base, { ...ok, takeaway: '' })).json<{ field: string }>().field).toBe('takeaway');
    expect((await pm.post(base, { ...ok, competencyId: foreign })).json()).toEqual({
      code: 'validation_failed',
      message: 'competencyId: is not a competency of this workspace',
      field: 'competencyId',
    });
    expect((await pm.get(base)).json<LearningList>().total).toBe(0);
  });

  it('lets a coach log for a PM; keeps each log from other PMs; records reads without content', async () => {
    const f = await workspaceFixture();
    const pm = await addMember(f, 'pm', 'Pia PM');
    const otherPm = await addMember(f, 'pm', 'Otto PM');
    const lead = await addMember(f, 'lead', 'Lee Lead');
    const otherLead = await addMember(f, 'lead');
    const contributor = await addMember(f, 'contributor');
    const base = `${f.w}/learning`;
    const body = { resource: 'Mentoring with Lee', type: 'mentor', takeaway: TAKEAWAY, learnedOn: '2026-05-05' };

    const logged = await lead.post(base, { ...body, personId: pm.memberId });
    expect(logged.statusCode).toBe(201);
    const entry = logged.json<LearningEntry>();
    expect(entry).toMatchObject({ personId: pm.memberId, loggedBy: { id: lead.memberId, name: 'Lee Lead' }, canEdit: true });
    // Another PM may neither log for nor read this PM.
    expect((await otherPm.post(base, { ...body, personId: pm.memberId })).statusCode).toBe(404);
    expect((await otherPm.get(`${base}?personId=${pm.memberId}`)).statusCode).toBe(404);
    expect((await otherPm.get(`${base}/suggestions?personId=${pm.memberId}`)).statusCode).toBe(404);
    expect((await otherPm.get(base)).json<LearningList>().items).toEqual([]);
    expect((await otherPm.patch(`${base}/${entry.id}`, { takeaway: 'x', version: 1 })).statusCode).toBe(404);
    expect((await otherPm.delete(`${base}/${entry.id}`)).statusCode).toBe(404);
    expect((await contributor.get(base)).statusCode).toBe(403);
    expect((await new TestClient(f.app).get(base)).statusCode).toBe(401);
    const outsider = await workspaceFixture();
    expect((await outsider.admin.get(`${outsider.w}/learning?personId=${pm.memberId}`)).statusCode).toBe(404);

    // The person and the coach who logged it edit it; another lead reads it, but may not edit it.
    const seen = (await pm.get(base)).json<LearningList>().items;
    expect(seen.map((e) => e.id)).toEqual([entry.id]);
    expect(seen[0]!.canEdit).toBe(true);
    const byOther = (await otherLead.get(`${base}?personId=${pm.memberId}`)).json<LearningList>().items;
    expect(byOther).toHaveLength(1);
    expect(byOther[0]!.canEdit).toBe(false);
    expect((await otherLead.patch(`${base}/${entry.id}`, { takeaway: 'x', version: 1 })).statusCode).toBe(404);
    expect((await f.admin.get(base)).json<LearningList>().items.map((e) => e.id)).toContain(entry.id);
    expect((await lead.patch(`${base}/${entry.id}`, { takeaway: 'Edited by the coach', version: 1 })).statusCode).toBe(200);
    expect((await pm.patch(`${base}/${entry.id}`, { type: 'community', version: 2 })).statusCode).toBe(200);

    const audit = (await f.admin.get(`${f.w}/audit-log?limit=200`)).json<{ items: { action: string; summary: string; changes: unknown }[] }>().items;
    expect(JSON.stringify(audit)).not.toContain(TAKEAWAY);
    expect(JSON.stringify(audit)).not.toContain('Edited by the coach');
    expect(audit.some((e) => e.action === 'learning.list' && e.summary === 'Read the learning log of Pia PM')).toBe(true);
    expect(audit.find((e) => e.action === 'learning.create')?.summary).toBe('Logged a learning entry for Pia PM');
  });

  it('answers suggestions for the person, saying when there is no assessment to draw on', async () => {
    const f = await workspaceFixture();
    const pm = await addMember(f, 'pm');
    const lead = await addMember(f, 'lead');
    const res = await lead.get(`${f.w}/learning/suggestions?personId=${pm.memberId}`);
    expect(res.statusCode).toBe(200);
    const s = res.json<LearningSuggestions>();
    expect(s.personId).toBe(pm.memberId);
    expect(['no-assessment', 'unavailable']).toContain(s.basis);
    expect(s.items).toEqual([]);
    expect(s.advice).toMatch(/just in time/i);
    expect(s.advice).not.toMatch(/https?:/);
    // Defaults to the caller.
    expect((await pm.get(`${f.w}/learning/suggestions`)).json<LearningSuggestions>().personId).toBe(pm.memberId);
    const audit = (await f.admin.get(`${f.w}/audit-log?limit=50`)).json<{ items: { action: string }[] }>().items;
    expect(audit.filter((e) => e.action === 'learning.suggestions')).toHaveLength(2);
  });

  it('suggests what to learn next from the biggest gaps of the latest assessment', async () => {
    const f = await workspaceFixture();
    const pm = await addMember(f, 'pm');
    const lead = await addMember(f, 'lead');
    const framework = await seedCompetencies(f.workspaceId, ['Pricing', 'Saying no', 'Interviewing users', 'Roadmapping']);
    await seedAssessedGaps(f.workspaceId, pm.memberId, framework, [4, 4, 4, 3], [2, 3, 3, 4]);
    const [pricing, sayingNo, interviewing] = framework.ids as [string, string, string, string];
    await pm.post(`${f.w}/learning`, { resource: 'The Mom Test', type: 'book', competencyId: interviewing, takeaway: TAKEAWAY, learnedOn: '2026-02-02' });

    const s = (await lead.get(`${f.w}/learning/suggestions?personId=${pm.memberId}`)).json<LearningSuggestions>();
    expect(s.basis).toBe('assessment');
    // Only shortfalls, biggest first; Roadmapping is above expectation.
    expect(s.items.map((i) => i.competencyId)[0]).toBe(pricing);
    expect(new Set(s.items.map((i) => i.competencyId))).toEqual(new Set([pricing, sayingNo, interviewing]));
    const by = new Map(s.items.map((i) => [i.competencyId, i]));
    expect(by.get(pricing)).toMatchObject({ gap: 2, expected: 4, coach: 2, kind: 'practice', suggestedTypes: ['book', 'course'], pastEntries: [] });
    expect(by.get(sayingNo)).toMatchObject({ gap: 1, kind: 'judgement', suggestedTypes: ['community', 'mentor', 'conference'] });
    expect(by.get(interviewing)).toMatchObject({ kind: 'practice', suggestedTypes: ['article', 'community'], pastEntries: [{ resource: 'The Mom Test', type: 'book' }] });
    expect(JSON.stringify(s)).not.toMatch(/https?:/);
  });
});
