import { describe, expect, it } from 'vitest';
import type { CoachingSettings, CompetencyFramework, Ladder, LadderLevel, LadderLevelList, LadderVersionList, PersonLevel } from '../../../shared/contracts.js';
import { TestClient, addMember, signUp, workspaceFixture, type Fixture } from '../../test/helpers.js';

async function defaultLadder(f: Fixture, client: TestClient = f.admin) {
  const ladders = (await client.get(`${f.w}/ladders`)).json<{ items: Ladder[] }>().items;
  const ladder = ladders.find((l) => l.isDefault)!;
  const list = (await client.get(`${f.w}/ladders/${ladder.id}/levels`)).json<LadderLevelList>();
  const byKey = (key: string) => list.items.find((l) => l.key === key)!;
  return { ladder, list, byKey, url: `${f.w}/ladders/${ladder.id}` };
}

describe('ladders routes', () => {
  it('seeds the defaults once under concurrent first reads', async () => {
    const f = await workspaceFixture();
    const lead = await addMember(f, 'lead');
    const reads = await Promise.all([
      f.admin.get(`${f.w}/ladders`),
      lead.get(`${f.w}/frameworks`),
      lead.get(`${f.w}/ladders`),
      f.admin.get(`${f.w}/coaching/settings`),
      lead.get(`${f.w}/frameworks`),
    ]);
    expect(reads.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect((await f.admin.get(`${f.w}/ladders`)).json<{ items: Ladder[] }>().items).toHaveLength(1);
    const frameworks = (await lead.get(`${f.w}/frameworks`)).json<{ items: CompetencyFramework[] }>().items;
    expect(frameworks.map((x) => x.key)).toEqual(['product-lead', 'pm-assessment', 'competency-toolkit', 'pm-wheel']);
    const settings = (await f.admin.get(`${f.w}/coaching/settings`)).json<CoachingSettings>();
    expect(settings).toMatchObject({ salaryRoles: ['admin', 'lead'], defaultFrameworkId: frameworks[0]!.id, cadenceDays: 14, version: 1 });
    const versions = (await f.admin.get(`${f.w}/ladders/${reads[0]!.json<{ items: Ladder[] }>().items[0]!.id}/versions`)).json<LadderVersionList>();
    expect(versions.items.map((v) => v.version)).toEqual([1]);
  });

  it('lists the reference levels on two tracks with expectations on the chosen framework and the people placed', async () => {
    const f = await workspaceFixture();
    const pm = await addMember(f, 'pm', 'Pia Park');
    const contributor = await addMember(f, 'contributor');
    const { ladder, list, byKey, url } = await defaultLadder(f, contributor);
    expect(ladder).toMatchObject({ name: 'Product management career path', isDefault: true, levelCount: 10, peopleCount: 0, version: 1 });
    expect(list.items.map((l) => [l.title, l.track, l.rank])).toEqual([
      ['Associate PM', 'shared', 1],
      ['Junior PM / Product Owner', 'shared', 2],
      ['Product Manager', 'shared', 3],
      ['Senior PM', 'shared', 4],
      ['Product Lead / Lead PM', 'ic', 5],
      ['Group PM', 'ic', 6],
      ['Product Director', 'management', 6],
      ['Principal PM', 'ic', 7],
      ['VP / Head of Product', 'management', 7],
      ['CPO / Chief Product Officer', 'management', 8],
    ]);
    expect(byKey('product-lead').description).toMatch(/does not manage them/);
    expect(list.salaryVisible).toBe(false);
    for (const l of list.items) {
      expect(l.expectations).toHaveLength(11);
      expect(l).not.toHaveProperty('salary');
      for (const e of l.expectations) expect(e.expected).toBeGreaterThanOrEqual(1);
    }

    const frameworks = (await contributor.get(`${f.w}/frameworks`)).json<{ items: CompetencyFramework[] }>().items;
    const svpg = frameworks.find((x) => x.key === 'pm-assessment')!;
    const onSvpg = (await contributor.get(`${url}/levels?frameworkId=${svpg.id}`)).json<LadderLevelList>();
    expect(onSvpg.frameworkId).toBe(svpg.id);
    expect(onSvpg.items.every((l) => l.expectations.length === 13 && l.expectations.every((e) => e.expected >= 1 && e.expected <= 10))).toBe(true);
    const foreign = await workspaceFixture();
    const foreignFw = (await foreign.admin.get(`${foreign.w}/frameworks`)).json<{ items: CompetencyFramework[] }>().items[0]!;
    const bad = await contributor.get(`${url}/levels?frameworkId=${foreignFw.id}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({ code: 'validation_failed', message: 'frameworkId: is not a competency framework of this workspace', field: 'frameworkId' });

    // Place the PM; the level lists them and their placement reads back.
    const senior = byKey('senior-pm');
    const placed = await f.admin.request('PUT', `${f.w}/people/${pm.memberId}/level`, { levelId: senior.id, since: '2026-03-01', note: 'Promoted after the checkout launch' });
    expect(placed.statusCode).toBe(200);
    expect(placed.json<PersonLevel>()).toMatchObject({ personId: pm.memberId, level: { id: senior.id, title: 'Senior PM', track: 'shared', rank: 4 }, since: '2026-03-01' });
    expect((await contributor.get(`${f.w}/people/${pm.memberId}/level`)).json<PersonLevel>().level?.id).toBe(senior.id);
    const after = await defaultLadder(f, contributor);
    expect(after.byKey('senior-pm').people).toEqual([{ id: pm.memberId, name: 'Pia Park' }]);
    expect(after.ladder.peopleCount).toBe(1);
    // Moving keeps one placement; null takes the person off the ladder.
    await f.admin.request('PUT', `${f.w}/people/${pm.memberId}/level`, { levelId: after.byKey('product-lead').id });
    expect((await defaultLadder(f)).byKey('senior-pm').people).toEqual([]);
    const off = await f.admin.request('PUT', `${f.w}/people/${contributor.memberId}/level`, { levelId: null });
    expect(off.json<PersonLevel>()).toEqual({ personId: contributor.memberId, level: null, since: null, note: '', updatedAt: null });
  });

  it('shows salary bands only to the roles the settings allow', async () => {
    const f = await workspaceFixture();
    const lead = await addMember(f, 'lead');
    const pm = await addMember(f, 'pm');
    const asLead = await defaultLadder(f, lead);
    expect(asLead.list.salaryVisible).toBe(true);
    expect(asLead.byKey('product-lead').salary).toEqual({
      min: 67_000,
      mid: 119_803,
      max: 213_000,
      currency: 'USD',
      source: expect.stringMatching(/^Glassdoor figures quoted in the reference text \(sample, not advice\)\..*155,012.*113,000–\$213,000/),
      effectiveOn: null,
      sample: true,
    });
    expect(asLead.byKey('senior-pm').salary).toMatchObject({ min: null, mid: null, max: null, sample: false });

    const asPm = await defaultLadder(f, pm);
    expect(asPm.list.salaryVisible).toBe(false);
    expect(asPm.list.items.some((l) => 'salary' in l)).toBe(false);
    const raw = (await pm.get(`${asPm.url}/levels`)).body;
    expect(raw).not.toContain('119803');
    expect(raw).not.toContain('Glassdoor');
    const versionForPm = await pm.get(`${asPm.url}/versions?version=1`);
    expect(versionForPm.statusCode).toBe(200);
    expect(versionForPm.body).not.toContain('119803');

    const settings = (await f.admin.get(`${f.w}/coaching/settings`)).json<CoachingSettings>();
    const put = await f.admin.request('PUT', `${f.w}/coaching/settings`, { salaryRoles: ['pm', 'admin', 'lead'], version: settings.version });
    expect(put.statusCode).toBe(200);
    expect(put.json<CoachingSettings>().salaryRoles).toEqual(['admin', 'lead', 'pm']);
    expect((await defaultLadder(f, pm)).byKey('product-lead').salary?.mid).toBe(119_803);
    expect((await f.admin.request('PUT', `${f.w}/coaching/settings`, { cadenceDays: 7, version: settings.version })).statusCode).toBe(409);
    expect((await lead.request('PUT', `${f.w}/coaching/settings`, { cadenceDays: 7, version: 2 })).statusCode).toBe(403);
    const badRole = await f.admin.request('PUT', `${f.w}/coaching/settings`, { salaryRoles: ['boss'], version: 2 });
    expect(badRole.statusCode).toBe(400);
    expect(badRole.json<{ field: string }>().field).toBe('salaryRoles.0');

    // A lead taken off the list may no longer see or edit bands.
    await f.admin.request('PUT', `${f.w}/coaching/settings`, { salaryRoles: ['admin'], version: 2 });
    const hidden = await defaultLadder(f, lead);
    expect(hidden.byKey('product-lead')).not.toHaveProperty('salary');
    const edit = await lead.patch(`${hidden.url}/levels/${hidden.byKey('product-lead').id}`, { salary: { mid: 1 }, version: 1 });
    expect(edit.statusCode).toBe(400);
    expect(edit.json<{ field: string }>().field).toBe('salary');
  });

  it('keeps a version for every ladder edit, with the changes, and refuses stale or invalid edits', async () => {
    const f = await workspaceFixture();
    const { byKey, url } = await defaultLadder(f);
    const lead = byKey('product-lead');
    const frameworks = (await f.admin.get(`${f.w}/frameworks`)).json<{ items: CompetencyFramework[] }>().items;
    const comps = (await f.admin.get(`${f.w}/frameworks/${frameworks[0]!.id}/competencies`)).json<{ items: { id: string; key: string; name: string }[] }>().items;
    const coaching = comps.find((c) => c.key === 'coaching-mentoring')!;

    const res = await f.admin.patch(`${url}/levels/${lead.id}`, {
      scope: 'A whole product across three teams',
      salary: { mid: 125_000, effectiveOn: '2026-01-01', source: 'Our 2026 compensation review' },
      expectations: [{ competencyId: coaching.id, expected: 5 }],
      version: 1,
    });
    expect(res.statusCode).toBe(200);
    const edited = res.json<LadderLevel>();
    expect(edited).toMatchObject({ scope: 'A whole product across three teams', version: 2, salary: { min: 67_000, mid: 125_000, max: 213_000, sample: false, effectiveOn: '2026-01-01' } });
    expect(edited.expectations.find((e) => e.competencyId === coaching.id)?.expected).toBe(5);
    expect((await f.admin.patch(`${url}/levels/${lead.id}`, { scope: 'stale', version: 1 })).statusCode).toBe(409);

    const added = await f.admin.post(`${url}/levels`, { title: 'Staff PM', track: 'ic', rank: 6, scope: 'A hard cross-team problem' });
    expect(added.statusCode).toBe(201);
    expect(added.json<LadderLevel>()).toMatchObject({ title: 'Staff PM', key: null, expectations: [], people: [] });
    expect((await f.admin.delete(`${url}/levels/${added.json<LadderLevel>().id}`)).statusCode).toBe(204);

    const versions = (await f.admin.get(`${url}/versions`)).json<LadderVersionList>();
    expect(versions.items.map((v) => v.version)).toEqual([4, 3, 2, 1]);
    expect(versions.items[2]).toMatchObject({ summary: 'Edited level “Product Lead / Lead PM”: scope, salary band, 1 expectation', createdBy: { name: 'Ada Admin' } });
    expect(versions.items[3]!.createdBy).toBeNull();
    expect(versions.items[0]!.snapshot).toBeUndefined();
    const v2 = (await f.admin.get(`${url}/versions?version=2`)).json<LadderVersionList>().items[0]!;
    expect(v2.snapshot?.levels).toHaveLength(10);
    expect(v2.changes).toEqual(
      expect.arrayContaining([
        { levelId: lead.id, level: 'Product Lead / Lead PM', field: 'scope', before: lead.scope, after: 'A whole product across three teams' },
        { levelId: lead.id, level: 'Product Lead / Lead PM', field: 'salary.mid', before: 119_803, after: 125_000 },
        { levelId: lead.id, level: 'Product Lead / Lead PM', field: 'salary.sample', before: true, after: false },
        { levelId: lead.id, level: 'Product Lead / Lead PM', field: 'expectation:Coaching and mentoring', before: 4, after: 5 },
      ]),
    );
    const v3 = (await f.admin.get(`${url}/versions?version=3`)).json<LadderVersionList>().items[0]!;
    expect(v3.changes).toEqual([{ levelId: added.json<LadderLevel>().id, level: 'Staff PM', field: 'level', before: null, after: 'Staff PM' }]);
    expect((await f.admin.get(`${url}/versions?version=9`)).statusCode).toBe(404);
    // The audit log names the band change but never its figures.
    const audit = (await f.admin.get(`${f.w}/audit-log?entityType=ladder-level`)).body;
    expect(audit).toContain('salary band');
    expect(audit).not.toContain('125000');

    const check = async (body: object, field: string, message?: string) => {
      const r = await f.admin.patch(`${url}/levels/${lead.id}`, { ...body, version: 2 });
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(r.json<{ field: string }>().field).toBe(field);
      if (message) expect(r.json<{ message: string }>().message).toBe(message);
    };
    await check({ salary: { mid: 300_000 } }, 'salary.mid', 'salary.mid: must be at most the maximum (213000)');
    await check({ salary: { min: 250_000 } }, 'salary.max');
    await check({ salary: { currency: 'dollars' } }, 'salary.currency');
    await check({ expectations: [{ competencyId: coaching.id, expected: 6 }] }, 'expectations', 'expectations: Coaching and mentoring must be expected between 1 and 5');
    await check({ expectations: [{ competencyId: '00000000-0000-4000-8000-000000000000', expected: 2 }] }, 'expectations');
    await check({ rank: 0 }, 'rank');
    await check({ track: 'executive' }, 'track');
    await check({ title: '  ' }, 'title');
    expect((await f.admin.patch(`${url}/levels/${lead.id}`, { scope: 'no version' })).json<{ field: string }>().field).toBe('version');
    // Nothing above was written.
    expect((await f.admin.get(`${url}/versions`)).json<LadderVersionList>().total).toBe(4);

    // A ladder rename is an edit too; the ladder's version tracks its history.
    const ladder = (await f.admin.get(`${f.w}/ladders`)).json<{ items: Ladder[] }>().items[0]!;
    expect(ladder.version).toBe(4);
    expect((await f.admin.patch(url, { name: 'PM career path', version: 3 })).statusCode).toBe(409);
    expect((await f.admin.patch(url, { name: 'PM career path', version: 4 })).json<Ladder>()).toMatchObject({ name: 'PM career path', version: 5 });
    const v5 = (await f.admin.get(`${url}/versions?version=5`)).json<LadderVersionList>().items[0]!;
    expect(v5.changes).toEqual([{ levelId: null, level: 'PM career path', field: 'name', before: 'Product management career path', after: 'PM career path' }]);
  });

  it('copies ladders, refuses to delete the default one or a level people stand on, and hides other workspaces', async () => {
    const f = await workspaceFixture();
    const pm = await addMember(f, 'pm');
    const viewer = await addMember(f, 'viewer');
    const { ladder, byKey, url } = await defaultLadder(f);
    const copy = await f.admin.post(`${f.w}/ladders`, { name: 'Design career path', copyOf: ladder.id });
    expect(copy.statusCode).toBe(201);
    expect(copy.json<Ladder>()).toMatchObject({ name: 'Design career path', isDefault: false, levelCount: 10, version: 1 });
    const copyLevels = (await f.admin.get(`${f.w}/ladders/${copy.json<Ladder>().id}/levels`)).json<LadderLevelList>().items;
    expect(copyLevels.find((l) => l.key === 'product-lead')?.expectations).toHaveLength(11);
    expect((await f.admin.post(`${f.w}/ladders`, { name: 'x', copyOf: '00000000-0000-4000-8000-000000000000' })).json<{ field: string }>().field).toBe('copyOf');

    const del = await f.admin.delete(url);
    expect(del.statusCode).toBe(409);
    expect(del.json<{ message: string }>().message).toBe('The default ladder cannot be deleted');
    await f.admin.request('PUT', `${f.w}/people/${pm.memberId}/level`, { levelId: byKey('associate-pm').id });
    const busy = await f.admin.delete(`${url}/levels/${byKey('associate-pm').id}`);
    expect(busy.statusCode).toBe(409);
    expect(busy.json<{ message: string }>().message).toBe('1 person is placed at “Associate PM”; place them at another level first');
    expect((await f.admin.delete(`${f.w}/ladders/${copy.json<Ladder>().id}`)).statusCode).toBe(204);

    // Roles: a PM reads but does not edit; a viewer does not read; nobody outside sees anything.
    expect((await pm.get(`${url}/levels`)).statusCode).toBe(200);
    expect((await pm.patch(`${url}/levels/${byKey('cpo').id}`, { scope: 'x', version: 1 })).statusCode).toBe(403);
    expect((await pm.request('PUT', `${f.w}/people/${pm.memberId}/level`, { levelId: byKey('cpo').id })).statusCode).toBe(403);
    expect((await viewer.get(`${f.w}/ladders`)).statusCode).toBe(403);
    expect((await new TestClient(f.app).get(`${f.w}/ladders`)).statusCode).toBe(401);
    const other = await workspaceFixture();
    expect((await other.admin.get(`${other.w}/ladders/${ladder.id}/levels`)).statusCode).toBe(404);
    expect((await other.admin.patch(`${other.w}/ladders/${ladder.id}`, { name: 'Mine', version: 1 })).statusCode).toBe(404);
    expect((await other.admin.patch(`${other.w}/ladders/${(await defaultLadder(other)).ladder.id}/levels/${byKey('cpo').id}`, { scope: 'x', version: 1 })).statusCode).toBe(404);
    expect((await other.admin.get(`${other.w}/ladders/${ladder.id}/versions`)).statusCode).toBe(404);
    expect((await other.admin.get(`${other.w}/people/${pm.memberId}/level`)).statusCode).toBe(404);
    const placeForeign = await other.admin.request('PUT', `${other.w}/people/${(await addMember(other, 'pm')).memberId}/level`, { levelId: byKey('cpo').id });
    expect(placeForeign.statusCode).toBe(400);
    expect(placeForeign.json<{ field: string }>().field).toBe('levelId');
    const outsider = await signUp(f.app);
    expect((await outsider.get(`${f.w}/ladders`)).statusCode).toBe(404);
  });
});
