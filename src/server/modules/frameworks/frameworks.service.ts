import type {
  CoachingQuestion,
  Competency,
  CompetencyFramework,
  CreateCoachingQuestion,
  CreateCompetency,
  CreateCompetencyFramework,
  UpdateCompetency,
  UpdateCompetencyFramework,
} from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { AppError, invalid, notFound, versionConflict } from '../../lib/app-error.js';
import { authorize } from '../../lib/authorize.js';
import { newId } from '../../lib/ids.js';
import { recordAudit, recordUpdate } from '../audit/audit.service.js';
import { requireVersion } from '../workspaces/workspaces.service.js';
import { findCoachingSettingsRow } from './coaching-settings.repository.js';
import { ensureCoachingDefaults } from './frameworks.lookup.js';
import { presentCompetency, presentFramework, presentQuestion } from './frameworks.presenter.js';
import {
  clampExpectations,
  copyExpectations,
  countAssessmentsOfFramework,
  countRatingsOfCompetency,
  deleteCompetencyRow,
  deleteFrameworkRow,
  deleteQuestionRow,
  findCompetencyRow,
  findFrameworkRow,
  findQuestionRow,
  insertCompetencyRows,
  insertFrameworkRows,
  insertQuestionRows,
  listCompetencyRows,
  listFrameworkRows,
  listQuestionRows,
  nextCompetencyPosition,
  nextQuestionPosition,
  updateCompetencyRow,
  updateFrameworkRow,
  type CompetencyWithCount,
  type FrameworkWithCount,
} from './frameworks.repository.js';

type Ctx = { db: Db; actor: WorkspaceActor };

const conflict = (message: string) => new AppError('conflict', message);
const quote = (s: string) => `“${s.slice(0, 80)}”`;
const DEFAULT_SCALE = { min: 1, max: 5, labels: [] as string[] };

async function defaultId(db: Db, workspaceId: string): Promise<string | null> {
  return (await findCoachingSettingsRow(db, workspaceId))?.defaultFrameworkId ?? null;
}

async function requireFramework(db: Db, workspaceId: string, frameworkId: string): Promise<FrameworkWithCount> {
  const f = await findFrameworkRow(db, workspaceId, frameworkId);
  if (!f) throw notFound('Framework');
  return f;
}

async function requireCompetency(db: Db, workspaceId: string, competencyId: string): Promise<CompetencyWithCount> {
  const c = await findCompetencyRow(db, workspaceId, competencyId);
  if (!c) throw notFound('Competency');
  return c;
}

/** A scale is a range of at least two points, with one label per point or none. */
function checkScale(scale: { min: number; max: number; labels: string[] }): void {
  if (scale.max <= scale.min) throw invalid('scale.max', `must be greater than scale.min (${scale.min})`);
  const points = scale.max - scale.min + 1;
  if (scale.labels.length && scale.labels.length !== points) throw invalid('scale.labels', `needs one label per point of the scale (${points}), or none`);
}

/** A key from a name: lower-case words joined by hyphens. */
function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'competency'
  );
}

// Frameworks ----------------------------------------------------------------------------------

/** The workspace's framework library; the built-in frameworks are made on the first read. */
export async function listFrameworks({ db, actor }: Ctx): Promise<{ items: CompetencyFramework[]; total: number }> {
  authorize(actor, 'framework.read');
  await ensureCoachingDefaults(db, actor.workspaceId);
  const [rows, def] = [await listFrameworkRows(db, actor.workspaceId), await defaultId(db, actor.workspaceId)];
  return { items: rows.map((f) => presentFramework(f, def)), total: rows.length };
}

/** One framework. */
export async function getFramework({ db, actor, frameworkId }: Ctx & { frameworkId: string }): Promise<CompetencyFramework> {
  authorize(actor, 'framework.read');
  await ensureCoachingDefaults(db, actor.workspaceId);
  return presentFramework(await requireFramework(db, actor.workspaceId, frameworkId), await defaultId(db, actor.workspaceId));
}

/** Creates a custom framework, or copies one (competencies, question bank and level expectations) to edit it. */
export async function createFramework({ db, actor, input }: Ctx & { input: CreateCompetencyFramework }): Promise<CompetencyFramework> {
  authorize(actor, 'framework.manage');
  await ensureCoachingDefaults(db, actor.workspaceId);
  return db.transaction(async (tx) => {
    const source = input.copyOf ? await findFrameworkRow(tx, actor.workspaceId, input.copyOf) : undefined;
    if (input.copyOf && !source) throw invalid('copyOf', 'is not a competency framework of this workspace');
    if (!source && !input.name) throw invalid('name', 'must not be empty');
    const scale = source ? { min: source.scaleMin, max: source.scaleMax, labels: source.scaleLabels } : { ...DEFAULT_SCALE, ...input.scale, labels: input.scale?.labels ?? [] };
    checkScale(scale);
    const id = newId();
    const name = input.name ?? `${source!.name} (copy)`;
    await insertFrameworkRows(tx, [
      {
        id,
        workspaceId: actor.workspaceId,
        key: null,
        name,
        description: input.description ?? source?.description ?? '',
        source: input.source ?? source?.source ?? '',
        scaleMin: scale.min,
        scaleMax: scale.max,
        scaleLabels: scale.labels,
        ratesImportance: input.ratesImportance ?? source?.ratesImportance ?? false,
        builtIn: false,
      },
    ]);
    if (source) {
      const comps = await listCompetencyRows(tx, actor.workspaceId, source.id);
      const ids = new Map(comps.map((c) => [c.id, newId()]));
      await insertCompetencyRows(
        tx,
        comps.map((c) => ({ id: ids.get(c.id)!, workspaceId: actor.workspaceId, frameworkId: id, key: c.key, area: c.area, name: c.name, description: c.description, descriptors: c.descriptors, position: c.position })),
      );
      const questions = await listQuestionRows(tx, actor.workspaceId, comps.map((c) => c.id));
      await insertQuestionRows(
        tx,
        questions.map((q) => ({ id: newId(), workspaceId: actor.workspaceId, competencyId: ids.get(q.competencyId)!, text: q.text, signals: q.signals, builtIn: false, position: q.position })),
      );
      await copyExpectations(tx, actor.workspaceId, source.id, id);
    }
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'framework.create',
      entityType: 'framework',
      entityId: id,
      summary: source ? `Copied framework ${quote(source.name)} as ${quote(name)}` : `Created framework ${quote(name)}`,
    });
    return presentFramework((await findFrameworkRow(tx, actor.workspaceId, id))!, await defaultId(tx, actor.workspaceId));
  });
}

/** Edits a framework. Its scale changes only while no assessment uses it; expectations follow into the new range. */
export async function updateFramework({ db, actor, frameworkId, input }: Ctx & { frameworkId: string; input: UpdateCompetencyFramework }): Promise<CompetencyFramework> {
  authorize(actor, 'framework.manage');
  const version = requireVersion(input.version);
  return db.transaction(async (tx) => {
    const before = await requireFramework(tx, actor.workspaceId, frameworkId);
    const scale = input.scale ? { min: input.scale.min, max: input.scale.max, labels: input.scale.labels ?? [] } : null;
    const rangeChanged = scale !== null && (scale.min !== before.scaleMin || scale.max !== before.scaleMax);
    if (scale) checkScale(scale);
    if (rangeChanged) {
      const used = await countAssessmentsOfFramework(tx, actor.workspaceId, frameworkId);
      if (used) throw conflict(`${used} assessment${used === 1 ? ' uses' : 's use'} this framework, so its scale cannot change; copy it to use another scale`);
    }
    const patch = {
      name: input.name,
      description: input.description,
      source: input.source,
      ratesImportance: input.ratesImportance,
      ...(scale ? { scaleMin: scale.min, scaleMax: scale.max, scaleLabels: scale.labels } : {}),
    };
    if (!(await updateFrameworkRow(tx, { workspaceId: actor.workspaceId, id: frameworkId, version }, patch))) throw versionConflict('Framework');
    if (rangeChanged) await clampExpectations(tx, actor.workspaceId, frameworkId, scale.min, scale.max);
    await recordUpdate(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'framework.update',
      entityType: 'framework',
      entityId: frameworkId,
      label: `Updated framework ${quote(before.name)}`,
      before,
      patch,
    });
    return presentFramework((await findFrameworkRow(tx, actor.workspaceId, frameworkId))!, await defaultId(tx, actor.workspaceId));
  });
}

/** Deletes a framework that is not the default and that no assessment uses. */
export async function deleteFramework({ db, actor, frameworkId }: Ctx & { frameworkId: string }): Promise<void> {
  authorize(actor, 'framework.manage');
  await db.transaction(async (tx) => {
    const f = await requireFramework(tx, actor.workspaceId, frameworkId);
    if ((await defaultId(tx, actor.workspaceId)) === frameworkId) throw conflict('The default framework cannot be deleted; make another framework the default first');
    const used = await countAssessmentsOfFramework(tx, actor.workspaceId, frameworkId);
    if (used) throw conflict(`${used} assessment${used === 1 ? ' uses' : 's use'} this framework; it cannot be deleted`);
    await deleteFrameworkRow(tx, actor.workspaceId, frameworkId);
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'framework.delete', entityType: 'framework', entityId: frameworkId, summary: `Deleted framework ${quote(f.name)}` });
  });
}

// Competencies --------------------------------------------------------------------------------

/** The framework's competencies in order. */
export async function listCompetencies({ db, actor, frameworkId }: Ctx & { frameworkId: string }): Promise<{ items: Competency[]; total: number }> {
  authorize(actor, 'framework.read');
  await ensureCoachingDefaults(db, actor.workspaceId);
  await requireFramework(db, actor.workspaceId, frameworkId);
  const rows = await listCompetencyRows(db, actor.workspaceId, frameworkId);
  return { items: rows.map(presentCompetency), total: rows.length };
}

/** Adds a competency to a framework; its key defaults to the name, hyphenated, and must be unique in the framework. */
export async function createCompetency({ db, actor, frameworkId, input }: Ctx & { frameworkId: string; input: CreateCompetency }): Promise<Competency> {
  authorize(actor, 'framework.manage');
  return db.transaction(async (tx) => {
    const f = await requireFramework(tx, actor.workspaceId, frameworkId);
    const taken = new Set((await listCompetencyRows(tx, actor.workspaceId, frameworkId)).map((c) => c.key));
    let key = input.key ?? slug(input.name);
    if (taken.has(key)) {
      if (input.key) throw invalid('key', 'is already used by another competency of this framework');
      const stem = key;
      for (let n = 2; taken.has(key); n++) key = `${stem}-${n}`;
    }
    const id = newId();
    await insertCompetencyRows(tx, [
      {
        id,
        workspaceId: actor.workspaceId,
        frameworkId,
        key,
        area: input.area ?? '',
        name: input.name,
        description: input.description ?? '',
        descriptors: input.descriptors ?? [],
        position: input.position ?? (await nextCompetencyPosition(tx, actor.workspaceId, frameworkId)),
      },
    ]);
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'competency.create',
      entityType: 'competency',
      entityId: id,
      summary: `Added competency ${quote(input.name)} to ${quote(f.name)}`,
    });
    return presentCompetency((await findCompetencyRow(tx, actor.workspaceId, id))!);
  });
}

/** Edits a competency (its key stays: signals and other modules know competencies by key). */
export async function updateCompetency({ db, actor, competencyId, input }: Ctx & { competencyId: string; input: UpdateCompetency }): Promise<Competency> {
  authorize(actor, 'framework.manage');
  const version = requireVersion(input.version);
  return db.transaction(async (tx) => {
    const before = await requireCompetency(tx, actor.workspaceId, competencyId);
    const patch = { name: input.name, area: input.area, description: input.description, descriptors: input.descriptors, position: input.position };
    if (!(await updateCompetencyRow(tx, { workspaceId: actor.workspaceId, id: competencyId, version }, patch))) throw versionConflict('Competency');
    await recordUpdate(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'competency.update',
      entityType: 'competency',
      entityId: competencyId,
      label: `Updated competency ${quote(before.name)}`,
      before,
      patch,
    });
    return presentCompetency((await findCompetencyRow(tx, actor.workspaceId, competencyId))!);
  });
}

/** Deletes a competency nobody has been rated on yet, with its questions and expectations. */
export async function deleteCompetency({ db, actor, competencyId }: Ctx & { competencyId: string }): Promise<void> {
  authorize(actor, 'framework.manage');
  await db.transaction(async (tx) => {
    const c = await requireCompetency(tx, actor.workspaceId, competencyId);
    const ratings = await countRatingsOfCompetency(tx, competencyId);
    if (ratings) throw conflict(`${ratings} rating${ratings === 1 ? '' : 's'} of assessments use this competency; it cannot be deleted`);
    await deleteCompetencyRow(tx, actor.workspaceId, competencyId);
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'competency.delete', entityType: 'competency', entityId: competencyId, summary: `Deleted competency ${quote(c.name)}` });
  });
}

// Question bank -------------------------------------------------------------------------------

/** The competency's Socratic question bank, in order. */
export async function listQuestions({ db, actor, competencyId }: Ctx & { competencyId: string }): Promise<{ items: CoachingQuestion[]; total: number }> {
  authorize(actor, 'framework.read');
  await requireCompetency(db, actor.workspaceId, competencyId);
  const rows = await listQuestionRows(db, actor.workspaceId, [competencyId]);
  return { items: rows.map(presentQuestion), total: rows.length };
}

/** Adds an open question to a competency's bank. */
export async function createQuestion({ db, actor, competencyId, input }: Ctx & { competencyId: string; input: CreateCoachingQuestion }): Promise<CoachingQuestion> {
  authorize(actor, 'framework.manage');
  return db.transaction(async (tx) => {
    const c = await requireCompetency(tx, actor.workspaceId, competencyId);
    const id = newId();
    const position = await nextQuestionPosition(tx, actor.workspaceId, competencyId);
    await insertQuestionRows(tx, [{ id, workspaceId: actor.workspaceId, competencyId, text: input.text, signals: [...new Set(input.signals ?? [])], builtIn: false, position }]);
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'question.create', entityType: 'coaching-question', entityId: id, summary: `Added a question to ${quote(c.name)}` });
    return presentQuestion((await findQuestionRow(tx, actor.workspaceId, id))!);
  });
}

/** Removes a question from the bank (journal entries that asked it keep their text). */
export async function deleteQuestion({ db, actor, questionId }: Ctx & { questionId: string }): Promise<void> {
  authorize(actor, 'framework.manage');
  await db.transaction(async (tx) => {
    const q = await findQuestionRow(tx, actor.workspaceId, questionId);
    if (!q) throw notFound('Question');
    await deleteQuestionRow(tx, actor.workspaceId, questionId);
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'question.delete', entityType: 'coaching-question', entityId: questionId, summary: `Removed question ${quote(q.text)}` });
  });
}
