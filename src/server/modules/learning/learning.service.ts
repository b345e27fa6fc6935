import type { CreateLearningEntry, LearningEntry, LearningList, LearningSuggestions, UpdateLearningEntry } from '../../../shared/contracts.js';
import type { LearningType } from '../../../shared/coaching.js';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { invalid, notFound, versionConflict } from '../../lib/app-error.js';
import { authorize } from '../../lib/authorize.js';
import { newId } from '../../lib/ids.js';
import { latestGaps, type CompetencyGap } from '../assessments/assessments.gaps.js';
import { recordAudit, recordRead } from '../audit/audit.service.js';
import { canCoach, canSeePerson } from '../coaching/coaching.access.js';
import { frameworkScale } from '../frameworks/frameworks.lookup.js';
import { competencyExists, memberFacts } from '../growth-plans/growth-plans.repository.js';
import { requireVersion } from '../workspaces/workspaces.service.js';
import { canEditEntry, presentLearningEntry } from './learning.presenter.js';
import {
  LEARNING_CREATE_ACTION,
  deleteLearningRow,
  entriesOnCompetencies,
  findLearningRow,
  insertLearningEntry,
  listLearningRows,
  updateLearningRow,
  type LearningFull,
  type LearningPatch,
} from './learning.repository.js';
import { LEARNING_ADVICE, adviseGap } from './learning.suggestions.js';

/*
 * The learning log is part of a person's coaching profile (coaching.access): the person, leads and
 * admins see it; an entry is edited by the person or whoever logged it. Anyone else gets 404, as for
 * an entry that does not exist. Audit entries name the person, never the resource or the takeaway.
 */

type Ctx = { db: Db; actor: WorkspaceActor };
/** How many gaps the suggestions speak to: a focus, not a curriculum. */
const SUGGESTED_GAPS = 3;

/** The person's name, if the caller may see their coaching profile; else 404 as if they did not exist. */
async function visiblePerson(db: Db, actor: WorkspaceActor, personId: string): Promise<string> {
  const person = (await memberFacts(db, actor.workspaceId, [personId])).get(personId);
  if (!person || !canSeePerson(actor, personId)) throw notFound('Person');
  return person.name;
}

/** The entry, if the caller may edit it (the person or whoever logged it). */
async function editableEntry(db: Db, actor: WorkspaceActor, id: string): Promise<LearningFull> {
  const entry = await findLearningRow(db, actor.workspaceId, id);
  if (!entry || !canSeePerson(actor, entry.personId) || !canEditEntry(actor, entry)) throw notFound('Learning entry');
  return entry;
}

async function checkCompetency(db: Db, workspaceId: string, competencyId: string | null | undefined) {
  if (competencyId && !(await competencyExists(db, workspaceId, competencyId))) throw invalid('competencyId', 'is not a competency of this workspace');
}

/** Learning entries newest first: one person's, or everyone's the caller may see. */
export async function listLearning({
  db,
  actor,
  query,
}: Ctx & { query: { personId?: string; competencyId?: string; type?: LearningType; limit: number; offset: number } }): Promise<LearningList> {
  authorize(actor, 'coaching.read');
  const personName = query.personId ? await visiblePerson(db, actor, query.personId) : null;
  // Leads and admins see everyone's log; anyone else their own only (coaching.access, canSeePerson).
  const seesAll = actor.role === 'lead' || actor.role === 'admin';
  const personIds = query.personId ? [query.personId] : seesAll ? undefined : [actor.memberId];
  const { rows, total } = await listLearningRows(db, actor.workspaceId, { ...query, personIds });
  await recordRead(db, actor, {
    workspaceId: actor.workspaceId,
    action: 'learning.list',
    entityType: 'learning_entry',
    entityId: null,
    summary: personName ? `Read the learning log of ${personName}` : 'Read the learning logs they may see',
  });
  return { items: rows.filter((r) => canSeePerson(actor, r.personId)).map((r) => presentLearningEntry(r, actor)), total };
}

/** Logs a learning entry for yourself, or for a PM you coach. */
export async function createLearningEntry({ db, actor, input }: Ctx & { input: CreateLearningEntry }): Promise<LearningEntry> {
  authorize(actor, 'coaching.write');
  const personId = input.personId ?? actor.memberId;
  return db.transaction(async (tx) => {
    const person = (await memberFacts(tx, actor.workspaceId, [personId])).get(personId);
    if (!person || (personId !== actor.memberId && !canCoach(actor, personId))) throw notFound('Person');
    await checkCompetency(tx, actor.workspaceId, input.competencyId);
    const id = newId();
    await insertLearningEntry(tx, {
      id,
      workspaceId: actor.workspaceId,
      personId,
      resource: input.resource,
      url: input.url ?? null,
      type: input.type,
      competencyId: input.competencyId ?? null,
      takeaway: input.takeaway,
      learnedOn: input.learnedOn,
      loggedById: actor.memberId,
    });
    // This entry also records who logged it (see learning.repository, loggedBy).
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: LEARNING_CREATE_ACTION,
      entityType: 'learning_entry',
      entityId: id,
      summary: personId === actor.memberId ? 'Logged a learning entry' : `Logged a learning entry for ${person.name}`,
    });
    return presentLearningEntry((await findLearningRow(tx, actor.workspaceId, id))!, actor);
  });
}

/** Edits a learning entry. */
export async function updateLearningEntry({ db, actor, entryId, input }: Ctx & { entryId: string; input: UpdateLearningEntry }): Promise<LearningEntry> {
  authorize(actor, 'coaching.write');
  const version = requireVersion(input.version);
  return db.transaction(async (tx) => {
    const before = await editableEntry(tx, actor, entryId);
    const { version: _v, ...fields } = input;
    const patch = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as LearningPatch;
    await checkCompetency(tx, actor.workspaceId, patch.competencyId);
    if (!(await updateLearningRow(tx, { workspaceId: actor.workspaceId, id: entryId, version }, patch))) throw versionConflict('Learning entry');
    const changed = Object.keys(patch).filter((k) => patch[k as keyof LearningPatch] !== before[k as keyof LearningPatch]);
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'learning.update',
      entityType: 'learning_entry',
      entityId: entryId,
      summary: `Updated a learning entry of ${before.personName}${changed.length ? ` (${changed.join(', ')})` : ''}`,
    });
    return presentLearningEntry((await findLearningRow(tx, actor.workspaceId, entryId))!, actor);
  });
}

/** Deletes a learning entry. */
export async function deleteLearningEntry({ db, actor, entryId }: Ctx & { entryId: string }): Promise<void> {
  authorize(actor, 'coaching.write');
  await db.transaction(async (tx) => {
    const entry = await editableEntry(tx, actor, entryId);
    await deleteLearningRow(tx, actor.workspaceId, entryId);
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'learning.delete',
      entityType: 'learning_entry',
      entityId: entryId,
      summary: `Deleted a learning entry of ${entry.personName}`,
    });
  });
}

/** The gaps, or why there are none to read: assessments may not be there yet. */
async function readGaps(db: Db, workspaceId: string, personId: string): Promise<{ basis: LearningSuggestions['basis']; gaps: CompetencyGap[] }> {
  try {
    const gaps = await latestGaps(db, workspaceId, personId);
    return { basis: gaps.length ? 'assessment' : 'no-assessment', gaps };
  } catch {
    // Suggestions are a help beside the log: without assessments they say so rather than fail the page.
    return { basis: 'unavailable', gaps: [] };
  }
}

/** The scale of each framework among the gaps; 1-5 when the framework cannot tell. */
async function scales(db: Db, workspaceId: string, frameworkIds: string[]): Promise<Map<string, { min: number; max: number }>> {
  const out = new Map<string, { min: number; max: number }>();
  for (const id of new Set(frameworkIds)) {
    const scale = await frameworkScale(db, workspaceId, id).catch(() => null);
    out.set(id, scale ? { min: scale.min, max: scale.max } : { min: 1, max: 5 });
  }
  return out;
}

/** What to learn next: the biggest gaps of the latest assessment, each with resource types, why, and what was already logged. */
export async function suggestLearning({ db, actor, personId }: Ctx & { personId?: string }): Promise<LearningSuggestions> {
  authorize(actor, 'coaching.read');
  const who = personId ?? actor.memberId;
  const personName = await visiblePerson(db, actor, who);
  const { basis, gaps } = await readGaps(db, actor.workspaceId, who);
  const top = gaps.filter((g) => g.gap > 0).slice(0, SUGGESTED_GAPS);
  const [scaleOf, past] = await Promise.all([
    scales(
      db,
      actor.workspaceId,
      top.map((g) => g.frameworkId),
    ),
    entriesOnCompetencies(
      db,
      actor.workspaceId,
      who,
      top.map((g) => g.competencyId),
    ),
  ]);
  await recordRead(db, actor, {
    workspaceId: actor.workspaceId,
    action: 'learning.suggestions',
    entityType: 'learning_entry',
    entityId: null,
    summary: who === actor.memberId ? 'Read their learning suggestions' : `Read the learning suggestions of ${personName}`,
  });
  return {
    personId: who,
    basis,
    advice: LEARNING_ADVICE,
    items: top.map((g) => {
      const mine = past.filter((p) => p.competencyId === g.competencyId);
      const advice = adviseGap(g, scaleOf.get(g.frameworkId) ?? { min: 1, max: 5 }, mine);
      return {
        competencyId: g.competencyId,
        key: g.key,
        name: g.name,
        frameworkId: g.frameworkId,
        expected: g.expected,
        self: g.self,
        coach: g.coach,
        gap: g.gap,
        weightedGap: g.weightedGap,
        ...advice,
        pastEntries: mine.slice(0, 5).map((p) => ({ id: p.id, resource: p.resource, type: p.type as LearningType, learnedOn: p.learnedOn })),
      };
    }),
  };
}
