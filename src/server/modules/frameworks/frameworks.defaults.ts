import type { Db } from '../../db/client.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { DEFAULT_LADDER, DEFAULT_LEVELS } from '../ladders/ladders.catalog.js';
import { defaultLadderId, insertLadderRow, insertLevelRows, listLevelRows } from '../ladders/ladders.repository.js';
import { recordLadderVersion } from '../ladders/ladders.snapshot.js';
import { ensureCoachingSettingsRow, findCoachingSettingsRow } from './coaching-settings.repository.js';
import { FRAMEWORK_CATALOG, expectationsByLevel } from './frameworks.catalog.js';
import {
  builtInCompetencyIds,
  builtInFrameworkIds,
  coachingDefaultsPresent,
  insertCompetencyRows,
  insertFrameworkRows,
  insertMissingExpectationRows,
  insertQuestionRows,
  lockCoachingDefaults,
  type ExpectationRow,
  type NewCompetencyRow,
  type NewQuestionRow,
} from './frameworks.repository.js';

/** Inserts the built-in frameworks the workspace lacks, with their competencies and question banks. */
async function seedFrameworks(tx: Db, workspaceId: string): Promise<void> {
  const present = await builtInFrameworkIds(tx, workspaceId);
  const frameworks = [];
  const comps: NewCompetencyRow[] = [];
  const questions: NewQuestionRow[] = [];
  for (const f of FRAMEWORK_CATALOG) {
    if (present.has(f.key)) continue;
    const frameworkId = newId();
    frameworks.push({
      id: frameworkId,
      workspaceId,
      key: f.key,
      name: f.name,
      description: f.description,
      source: f.source,
      scaleMin: f.scaleMin,
      scaleMax: f.scaleMax,
      scaleLabels: [...f.scaleLabels],
      ratesImportance: f.ratesImportance,
      builtIn: true,
    });
    f.competencies.forEach((c, position) => {
      const competencyId = newId();
      comps.push({ id: competencyId, workspaceId, frameworkId, key: c.key, area: c.area, name: c.name, description: c.description, descriptors: [...c.descriptors], position });
      c.questions.forEach((q, i) => questions.push({ id: newId(), workspaceId, competencyId, text: q.text, signals: [...(q.signals ?? [])], builtIn: true, position: i }));
    });
  }
  await insertFrameworkRows(tx, frameworks);
  await insertCompetencyRows(tx, comps);
  await insertQuestionRows(tx, questions);
}

/** Creates the default ladder and its levels; returns its id. */
async function seedLadder(tx: Db, workspaceId: string): Promise<string> {
  const ladderId = newId();
  await insertLadderRow(tx, { id: ladderId, workspaceId, name: DEFAULT_LADDER.name, description: DEFAULT_LADDER.description, isDefault: true, version: 1 });
  await insertLevelRows(
    tx,
    DEFAULT_LEVELS.map((l) => ({
      id: newId(),
      workspaceId,
      ladderId,
      key: l.key,
      track: l.track,
      rank: l.rank,
      title: l.title,
      description: l.description,
      scope: l.scope,
      salaryMin: l.salary?.min ?? null,
      salaryMid: l.salary?.mid ?? null,
      salaryMax: l.salary?.max ?? null,
      salaryCurrency: l.salary?.currency ?? 'USD',
      salarySource: l.salary?.source ?? '',
      salaryEffectiveOn: l.salary?.effectiveOn ?? null,
      salarySample: Boolean(l.salary),
    })),
  );
  return ladderId;
}

/** Sets the catalog's expectations of each built-in level on each built-in competency, keeping any already set. */
async function seedExpectations(tx: Db, workspaceId: string, ladderId: string): Promise<void> {
  const levels = new Map((await listLevelRows(tx, workspaceId, ladderId)).filter((l) => l.key).map((l) => [l.key!, l.id]));
  const competencyIds = await builtInCompetencyIds(tx, workspaceId);
  const rows: ExpectationRow[] = [];
  for (const f of FRAMEWORK_CATALOG) {
    for (const c of f.competencies) {
      const competencyId = competencyIds.get(f.key)?.get(c.key);
      if (!competencyId) continue;
      for (const [levelKey, expected] of expectationsByLevel(c)) {
        const levelId = levels.get(levelKey);
        if (levelId) rows.push({ workspaceId, levelId, competencyId, expected });
      }
    }
  }
  await insertMissingExpectationRows(tx, rows);
}

/**
 * Seeds the default ladder, the four built-in frameworks with their question banks, the level
 * expectations and the coaching settings. Safe to call on every read: a cheap check first, then a
 * per-workspace advisory lock and a second check inside one transaction, so concurrent first reads
 * seed once. A workspace that deleted a built-in framework does not get it back (the settings row
 * already names a default framework).
 */
export async function seedCoachingDefaults(db: Db, workspaceId: string): Promise<void> {
  if (await coachingDefaultsPresent(db, workspaceId)) return;
  await db.transaction(async (tx) => {
    await lockCoachingDefaults(tx, workspaceId);
    const settings = await findCoachingSettingsRow(tx, workspaceId);
    const frameworksSeeded = Boolean(settings?.defaultFrameworkId);
    const existingLadderId = await defaultLadderId(tx, workspaceId);
    if (frameworksSeeded && existingLadderId) return;
    if (!frameworksSeeded) await seedFrameworks(tx, workspaceId);
    const ladderId = existingLadderId ?? (await seedLadder(tx, workspaceId));
    await seedExpectations(tx, workspaceId, ladderId);
    if (!existingLadderId) {
      await recordLadderVersion(tx, { workspaceId, ladderId, version: 1, summary: 'Default ladder from the product management career path', memberId: null });
    }
    const productLeadId = (await builtInFrameworkIds(tx, workspaceId)).get('product-lead');
    if (productLeadId) await ensureCoachingSettingsRow(tx, workspaceId, productLeadId);
    await recordAudit(tx, null, {
      workspaceId,
      action: 'coaching-defaults.create',
      entityType: 'coaching-settings',
      entityId: workspaceId,
      summary: 'Set up coaching: the default career ladder, four competency frameworks and their question banks',
    });
  });
}
