import type { Db } from '../../db/client.js';
import { isUuid } from '../../lib/ids.js';
import { findPersonLevel } from '../ladders/ladders.repository.js';
import { findCoachingSettingsRow } from './coaching-settings.repository.js';
import { seedCoachingDefaults } from './frameworks.defaults.js';
import { builtInFrameworkIds, findFrameworkRow, listCompetencyRows, listExpectationRows, listQuestionRows } from './frameworks.repository.js';

/**
 * What other coaching modules read of frameworks, ladders and the question bank. Owned by the
 * frameworks module; the signatures are the contract between the coaching modules.
 */
export interface CompetencyRef {
  id: string;
  frameworkId: string;
  key: string;
  area: string;
  name: string;
  position: number;
}

export interface BankQuestion {
  id: string;
  competencyId: string;
  text: string;
  /** Signal keys (shared/coaching.ts) this question probes. */
  signals: string[];
}

/**
 * Seeds the built-in ladder, the four frameworks, level expectations and the question bank into the
 * workspace if they are not there yet. Idempotent and safe under concurrent calls.
 */
export async function ensureCoachingDefaults(db: Db, workspaceId: string): Promise<void> {
  await seedCoachingDefaults(db, workspaceId);
}

/** The workspace's default framework (coaching settings, else "Product lead role"), seeding defaults first. */
export async function defaultFrameworkId(db: Db, workspaceId: string): Promise<string> {
  await seedCoachingDefaults(db, workspaceId);
  const settings = await findCoachingSettingsRow(db, workspaceId);
  if (settings?.defaultFrameworkId) return settings.defaultFrameworkId;
  const productLead = (await builtInFrameworkIds(db, workspaceId)).get('product-lead');
  if (!productLead) throw new Error(`workspace ${workspaceId} has no default competency framework`);
  return productLead;
}

/** The framework's competencies in order; empty when the framework is not in the workspace. */
export async function frameworkCompetencies(db: Db, workspaceId: string, frameworkId: string): Promise<CompetencyRef[]> {
  if (!isUuid(frameworkId)) return [];
  return (await listCompetencyRows(db, workspaceId, frameworkId)).map((c) => ({ id: c.id, frameworkId: c.frameworkId, key: c.key, area: c.area, name: c.name, position: c.position }));
}

/** The framework's rating scale. */
export async function frameworkScale(db: Db, workspaceId: string, frameworkId: string): Promise<{ min: number; max: number; ratesImportance: boolean } | null> {
  if (!isUuid(frameworkId)) return null;
  const f = await findFrameworkRow(db, workspaceId, frameworkId);
  return f ? { min: f.scaleMin, max: f.scaleMax, ratesImportance: f.ratesImportance } : null;
}

/** The rating the level expects on each competency of the framework, by competency id. */
export async function levelExpectations(db: Db, workspaceId: string, levelId: string, frameworkId: string): Promise<Map<string, number>> {
  if (!isUuid(levelId) || !isUuid(frameworkId)) return new Map();
  return new Map((await listExpectationRows(db, workspaceId, [levelId], frameworkId)).map((e) => [e.competencyId, e.expected]));
}

/** The level a person is placed at, or null. */
export async function personLevel(db: Db, workspaceId: string, personId: string): Promise<{ levelId: string; title: string; track: string; rank: number } | null> {
  if (!isUuid(personId)) return null;
  return (await findPersonLevel(db, workspaceId, personId)) ?? null;
}

/** Questions of the bank for these competencies, in bank order. */
export async function bankQuestions(db: Db, workspaceId: string, competencyIds: readonly string[]): Promise<BankQuestion[]> {
  const ids = [...new Set(competencyIds.filter(isUuid))];
  return (await listQuestionRows(db, workspaceId, ids)).map((q) => ({ id: q.id, competencyId: q.competencyId, text: q.text, signals: q.signals }));
}
