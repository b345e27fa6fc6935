import type { CreateLadder, CreateLadderLevel, Ladder, LadderLevel, LadderLevelList, LadderVersionList, SalaryBandInput, UpdateLadder, UpdateLadderLevel } from '../../../shared/contracts.js';
import { can } from '../../../shared/policy.js';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { AppError, invalid, notFound, versionConflict } from '../../lib/app-error.js';
import { authorize } from '../../lib/authorize.js';
import { describeChanges, diffFields } from '../../lib/diff.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { requireVersion } from '../workspaces/workspaces.service.js';
import { findCoachingSettingsRow } from '../frameworks/coaching-settings.repository.js';
import { defaultFrameworkId, ensureCoachingDefaults } from '../frameworks/frameworks.lookup.js';
import {
  competencyNames,
  competencyScales,
  findFrameworkRow,
  listExpectationRows,
  listFrameworkRows,
  upsertExpectationRows,
  type ExpectationRow,
} from '../frameworks/frameworks.repository.js';
import { presentLadder, presentLadderVersion, presentLevel } from './ladders.presenter.js';
import {
  bumpLadderVersion,
  countPlacementsAtLevel,
  deleteLadderRow,
  deleteLevelRow,
  findLadderRow,
  findLadderVersionPair,
  findLevelRow,
  insertLadderRow,
  insertLevelRows,
  listLadderRows,
  listLadderVersionRows,
  listLevelRows,
  listPlacementRows,
  updateLadderRow,
  updateLevelRow,
  type LadderWithCounts,
  type LevelPatch,
  type LevelRow,
} from './ladders.repository.js';
import { recordLadderVersion, type LadderSnapshot } from './ladders.snapshot.js';

type Ctx = { db: Db; actor: WorkspaceActor };

const conflict = (message: string) => new AppError('conflict', message);
const quote = (s: string) => `“${s.slice(0, 80)}”`;

/** Whether the caller's role is one the workspace lets see salary bands. */
export async function salaryVisibleTo(db: Db, actor: WorkspaceActor): Promise<boolean> {
  const settings = await findCoachingSettingsRow(db, actor.workspaceId);
  return (settings?.salaryRoles ?? ['admin', 'lead']).includes(actor.role);
}

async function requireLadder(db: Db, workspaceId: string, ladderId: string): Promise<LadderWithCounts> {
  const ladder = await findLadderRow(db, workspaceId, ladderId);
  if (!ladder) throw notFound('Ladder');
  return ladder;
}

async function requireLevel(db: Db, workspaceId: string, ladderId: string, levelId: string): Promise<LevelRow> {
  const level = await findLevelRow(db, workspaceId, levelId);
  if (!level || level.ladderId !== ladderId) throw notFound('Level');
  return level;
}

/** Moves the ladder to its next version and keeps a snapshot of it; inside the edit's transaction. */
async function snapshotEdit(tx: Db, actor: WorkspaceActor, ladderId: string, summary: string): Promise<void> {
  const version = await bumpLadderVersion(tx, actor.workspaceId, ladderId);
  await recordLadderVersion(tx, { workspaceId: actor.workspaceId, ladderId, version, summary, memberId: actor.memberId });
}

// Ladders -------------------------------------------------------------------------------------

/** The workspace's ladders; the default one is made on the first read. */
export async function listLadders({ db, actor }: Ctx): Promise<{ items: Ladder[]; total: number }> {
  authorize(actor, 'ladder.read');
  await ensureCoachingDefaults(db, actor.workspaceId);
  const rows = await listLadderRows(db, actor.workspaceId);
  return { items: rows.map(presentLadder), total: rows.length };
}

/** Creates a ladder, empty or as a copy of another (levels, bands and expectations). */
export async function createLadder({ db, actor, input }: Ctx & { input: CreateLadder }): Promise<Ladder> {
  authorize(actor, 'ladder.manage');
  await ensureCoachingDefaults(db, actor.workspaceId);
  return db.transaction(async (tx) => {
    const source = input.copyOf ? await findLadderRow(tx, actor.workspaceId, input.copyOf) : undefined;
    if (input.copyOf && !source) throw invalid('copyOf', 'is not a ladder of this workspace');
    const id = newId();
    await insertLadderRow(tx, { id, workspaceId: actor.workspaceId, name: input.name, description: input.description ?? source?.description ?? '', isDefault: false, version: 1 });
    if (source) {
      const levels = await listLevelRows(tx, actor.workspaceId, source.id);
      const newIds = new Map(levels.map((l) => [l.id, newId()]));
      await insertLevelRows(
        tx,
        levels.map(({ id: oldId, createdAt: _c, updatedAt: _u, version: _v, ...l }) => ({ ...l, id: newIds.get(oldId)!, ladderId: id })),
      );
      const expectations = await listExpectationRows(tx, actor.workspaceId, levels.map((l) => l.id), null);
      await upsertExpectationRows(
        tx,
        expectations.map((e) => ({ workspaceId: actor.workspaceId, levelId: newIds.get(e.levelId)!, competencyId: e.competencyId, expected: e.expected })),
      );
    }
    await recordLadderVersion(tx, {
      workspaceId: actor.workspaceId,
      ladderId: id,
      version: 1,
      summary: source ? `Created as a copy of ${quote(source.name)}` : 'Created the ladder',
      memberId: actor.memberId,
    });
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'ladder.create',
      entityType: 'ladder',
      entityId: id,
      summary: source ? `Copied ladder ${quote(source.name)} as ${quote(input.name)}` : `Created ladder ${quote(input.name)}`,
    });
    return presentLadder((await findLadderRow(tx, actor.workspaceId, id))!);
  });
}

/** Renames or redescribes a ladder. */
export async function updateLadder({ db, actor, ladderId, input }: Ctx & { ladderId: string; input: UpdateLadder }): Promise<Ladder> {
  authorize(actor, 'ladder.manage');
  const version = requireVersion(input.version);
  return db.transaction(async (tx) => {
    const before = await requireLadder(tx, actor.workspaceId, ladderId);
    const patch = { name: input.name, description: input.description };
    const changes = diffFields(before, patch);
    const updated = await updateLadderRow(tx, { workspaceId: actor.workspaceId, id: ladderId, version }, patch);
    if (!updated) throw versionConflict('Ladder');
    const summary = `Edited the ladder: ${Object.keys(changes).join(', ') || 'no change'}`;
    await recordLadderVersion(tx, { workspaceId: actor.workspaceId, ladderId, version: updated.version, summary, memberId: actor.memberId });
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'ladder.update',
      entityType: 'ladder',
      entityId: ladderId,
      summary: `Updated ladder ${quote(before.name)}: ${describeChanges(changes) || 'no change'}`,
      changes,
    });
    return presentLadder((await findLadderRow(tx, actor.workspaceId, ladderId))!);
  });
}

/** Deletes a ladder other than the default, once nobody is placed on it. */
export async function deleteLadder({ db, actor, ladderId }: Ctx & { ladderId: string }): Promise<void> {
  authorize(actor, 'ladder.manage');
  await db.transaction(async (tx) => {
    const ladder = await requireLadder(tx, actor.workspaceId, ladderId);
    if (ladder.isDefault) throw conflict('The default ladder cannot be deleted');
    if (ladder.peopleCount > 0) throw conflict(`${ladder.peopleCount} ${ladder.peopleCount === 1 ? 'person is' : 'people are'} placed on this ladder; place them elsewhere first`);
    await deleteLadderRow(tx, actor.workspaceId, ladderId);
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'ladder.delete', entityType: 'ladder', entityId: ladderId, summary: `Deleted ladder ${quote(ladder.name)}` });
  });
}

// Levels --------------------------------------------------------------------------------------

/** Presents levels with their expectations on one framework, the people placed there and, when allowed, bands. */
async function presentLevels(db: Db, actor: WorkspaceActor, ladderId: string, levels: LevelRow[], frameworkId: string, salaryVisible?: boolean): Promise<LadderLevel[]> {
  salaryVisible ??= await salaryVisibleTo(db, actor);
  const expectations = await listExpectationRows(db, actor.workspaceId, levels.map((l) => l.id), frameworkId);
  const people = can(actor, 'member.read') ? await listPlacementRows(db, actor.workspaceId, ladderId) : [];
  return levels.map((l) =>
    presentLevel(l, {
      expectations: expectations.filter((e) => e.levelId === l.id).map((e) => ({ competencyId: e.competencyId, expected: e.expected })),
      people: people.filter((p) => p.levelId === l.id).map((p) => ({ id: p.memberId, name: p.name })),
      salaryVisible,
    }),
  );
}

async function pickFramework(db: Db, workspaceId: string, frameworkId: string | undefined): Promise<string> {
  if (!frameworkId) return defaultFrameworkId(db, workspaceId);
  if (!(await findFrameworkRow(db, workspaceId, frameworkId))) throw invalid('frameworkId', 'is not a competency framework of this workspace');
  return frameworkId;
}

/** The ladder's levels by rank, with expectations on the framework asked for (the default otherwise). */
export async function listLevels({ db, actor, ladderId, frameworkId }: Ctx & { ladderId: string; frameworkId?: string }): Promise<LadderLevelList> {
  authorize(actor, 'ladder.read');
  await ensureCoachingDefaults(db, actor.workspaceId);
  await requireLadder(db, actor.workspaceId, ladderId);
  const fw = await pickFramework(db, actor.workspaceId, frameworkId);
  const salaryVisible = await salaryVisibleTo(db, actor);
  const items = await presentLevels(db, actor, ladderId, await listLevelRows(db, actor.workspaceId, ladderId), fw, salaryVisible);
  return { items, total: items.length, frameworkId: fw, salaryVisible };
}

/**
 * The band columns a salary input sets, checked as the band would stand after the change. Editing any
 * figure of a band clears its sample mark; sending the band unchanged changes nothing.
 */
function salaryPatch(before: LevelRow | null, input: SalaryBandInput | null | undefined): LevelPatch {
  if (input === undefined) return {};
  const fields: LevelPatch =
    input === null
      ? { salaryMin: null, salaryMid: null, salaryMax: null, salarySource: '', salaryEffectiveOn: null }
      : Object.fromEntries(
          Object.entries({
            salaryMin: input.min,
            salaryMid: input.mid,
            salaryMax: input.max,
            salaryCurrency: input.currency,
            salarySource: input.source,
            salaryEffectiveOn: input.effectiveOn,
          }).filter(([, v]) => v !== undefined),
        );
  const pick = (k: 'salaryMin' | 'salaryMid' | 'salaryMax') => (k in fields ? (fields[k] ?? null) : (before?.[k] ?? null));
  const [min, mid, max] = [pick('salaryMin'), pick('salaryMid'), pick('salaryMax')];
  if (min !== null && max !== null && min > max) throw invalid('salary.max', `must be at least the minimum (${min})`);
  if (mid !== null && min !== null && mid < min) throw invalid('salary.mid', `must be at least the minimum (${min})`);
  if (mid !== null && max !== null && mid > max) throw invalid('salary.mid', `must be at most the maximum (${max})`);
  if (before && Object.keys(diffFields(before, fields)).length === 0) return {};
  return { ...fields, salarySample: false };
}

/** Checks expected ratings against their competencies' scales; the rows to write. */
async function expectationRows(db: Db, workspaceId: string, levelId: string, input: { competencyId: string; expected: number }[] | undefined): Promise<ExpectationRow[]> {
  if (!input?.length) return [];
  const latest = new Map(input.map((e) => [e.competencyId, e.expected]));
  const scales = await competencyScales(db, workspaceId, [...latest.keys()]);
  const rows: ExpectationRow[] = [];
  for (const [competencyId, expected] of latest) {
    const scale = scales.get(competencyId);
    if (!scale) throw invalid('expectations', `${competencyId} is not a competency of this workspace`);
    if (expected < scale.min || expected > scale.max) throw invalid('expectations', `${scale.name} must be expected between ${scale.min} and ${scale.max}`);
    rows.push({ workspaceId, levelId, competencyId, expected });
  }
  return rows;
}

async function requireSalaryRole(db: Db, actor: WorkspaceActor, salary: unknown): Promise<void> {
  if (salary !== undefined && !(await salaryVisibleTo(db, actor))) {
    throw invalid('salary', `your role (${actor.role}) does not see salary bands in this workspace, so it cannot edit them`);
  }
}

/** Adds a level to a ladder. */
export async function createLevel({ db, actor, ladderId, input }: Ctx & { ladderId: string; input: CreateLadderLevel }): Promise<LadderLevel> {
  authorize(actor, 'ladder.manage');
  await requireSalaryRole(db, actor, input.salary);
  const fw = await defaultFrameworkId(db, actor.workspaceId);
  return db.transaction(async (tx) => {
    await requireLadder(tx, actor.workspaceId, ladderId);
    const id = newId();
    const salary = salaryPatch(null, input.salary);
    await insertLevelRows(tx, [
      { id, workspaceId: actor.workspaceId, ladderId, track: input.track, rank: input.rank, title: input.title, description: input.description ?? '', scope: input.scope ?? '', ...salary },
    ]);
    await upsertExpectationRows(tx, await expectationRows(tx, actor.workspaceId, id, input.expectations));
    await snapshotEdit(tx, actor, ladderId, `Added level ${quote(input.title)}`);
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'ladder-level.create', entityType: 'ladder-level', entityId: id, summary: `Added level ${quote(input.title)}` });
    return (await presentLevels(tx, actor, ladderId, [(await findLevelRow(tx, actor.workspaceId, id))!], fw))[0]!;
  });
}

/**
 * Edits a level: its text, track and rank, its salary band (only for roles that see bands) and its
 * expectations. The audit entry names a band change but never its figures: the audit log is read by
 * admins, who may not be among the roles that see salaries.
 */
export async function updateLevel({ db, actor, ladderId, levelId, input }: Ctx & { ladderId: string; levelId: string; input: UpdateLadderLevel }): Promise<LadderLevel> {
  authorize(actor, 'ladder.manage');
  const version = requireVersion(input.version);
  await requireSalaryRole(db, actor, input.salary);
  const fw = await defaultFrameworkId(db, actor.workspaceId);
  return db.transaction(async (tx) => {
    const before = await requireLevel(tx, actor.workspaceId, ladderId, levelId);
    const text = { title: input.title, track: input.track, rank: input.rank, description: input.description, scope: input.scope };
    const salary = salaryPatch(before, input.salary);
    const expectations = await expectationRows(tx, actor.workspaceId, levelId, input.expectations);
    const changes = diffFields(before, text);
    if (!(await updateLevelRow(tx, { workspaceId: actor.workspaceId, id: levelId, version }, { ...text, ...salary }))) throw versionConflict('Level');
    const priorExpectations = new Map((await listExpectationRows(tx, actor.workspaceId, [levelId], null)).map((e) => [e.competencyId, e.expected]));
    const expectationChanges = expectations.filter((e) => priorExpectations.get(e.competencyId) !== e.expected).length;
    await upsertExpectationRows(tx, expectations);
    const extras = [...(Object.keys(salary).length ? ['salary band'] : []), ...(expectationChanges ? [`${expectationChanges} expectation${expectationChanges === 1 ? '' : 's'}`] : [])];
    await snapshotEdit(tx, actor, ladderId, `Edited level ${quote(before.title)}: ${[...Object.keys(changes), ...extras].join(', ') || 'no change'}`);
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'ladder-level.update',
      entityType: 'ladder-level',
      entityId: levelId,
      summary: `Updated level ${quote(before.title)}: ${[describeChanges(changes), ...extras].filter(Boolean).join('; ') || 'no change'}`,
      changes,
    });
    return (await presentLevels(tx, actor, ladderId, [(await findLevelRow(tx, actor.workspaceId, levelId))!], fw))[0]!;
  });
}

/** Removes a level nobody is placed at. */
export async function deleteLevel({ db, actor, ladderId, levelId }: Ctx & { ladderId: string; levelId: string }): Promise<void> {
  authorize(actor, 'ladder.manage');
  await db.transaction(async (tx) => {
    const level = await requireLevel(tx, actor.workspaceId, ladderId, levelId);
    const placed = await countPlacementsAtLevel(tx, actor.workspaceId, levelId);
    if (placed > 0) throw conflict(`${placed} ${placed === 1 ? 'person is' : 'people are'} placed at ${quote(level.title)}; place them at another level first`);
    await deleteLevelRow(tx, actor.workspaceId, levelId);
    await snapshotEdit(tx, actor, ladderId, `Removed level ${quote(level.title)}`);
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'ladder-level.delete', entityType: 'ladder-level', entityId: levelId, summary: `Removed level ${quote(level.title)}` });
  });
}

// Versions ------------------------------------------------------------------------------------

/**
 * The ladder's version history, newest first. With `version`, only that version, with its snapshot
 * and the changes from the version before; salary figures in both only for roles that see bands.
 */
export async function listLadderVersions({ db, actor, ladderId, version }: Ctx & { ladderId: string; version?: number }): Promise<LadderVersionList> {
  authorize(actor, 'ladder.read');
  await requireLadder(db, actor.workspaceId, ladderId);
  if (version === undefined) {
    const rows = await listLadderVersionRows(db, actor.workspaceId, ladderId);
    return { items: rows.map((v) => presentLadderVersion(v)), total: rows.length };
  }
  const [current, previous] = await findLadderVersionPair(db, actor.workspaceId, ladderId, version);
  if (!current || current.version !== version) throw notFound('Ladder version');
  const snapshot = current.snapshot as unknown as LadderSnapshot;
  const ids = [...new Set(snapshot.levels.flatMap((l) => Object.keys(l.expectations)))];
  const comps = await competencyNames(db, actor.workspaceId, ids);
  const defaultFw = await defaultFrameworkId(db, actor.workspaceId);
  const frameworkNames = new Map((await listFrameworkRows(db, actor.workspaceId)).map((f) => [f.id, f.name]));
  // Competency names repeat across frameworks (stakeholder management…): name the framework unless it is the default.
  const names = new Map([...comps].map(([id, c]) => [id, c.frameworkId === defaultFw ? c.name : `${c.name} (${frameworkNames.get(c.frameworkId) ?? 'framework'})`]));
  const detail = { previous: previous ? (previous.snapshot as unknown as LadderSnapshot) : null, names, salaryVisible: await salaryVisibleTo(db, actor) };
  return { items: [presentLadderVersion(current, detail)], total: 1 };
}
