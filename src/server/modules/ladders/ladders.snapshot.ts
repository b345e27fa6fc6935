import type { Db } from '../../db/client.js';
import { newId } from '../../lib/ids.js';
import { listExpectationRows } from '../frameworks/frameworks.repository.js';
import { findLadderRow, insertLadderVersionRow, listLevelRows, type LevelRow } from './ladders.repository.js';

/** A level as a ladder version keeps it. */
export interface SnapshotLevel {
  id: string;
  key: string | null;
  title: string;
  track: string;
  rank: number;
  description: string;
  scope: string;
  salary: { min: number | null; mid: number | null; max: number | null; currency: string; source: string; effectiveOn: string | null; sample: boolean };
  /** Expected rating by competency id, across every framework. */
  expectations: Record<string, number>;
}

/** The whole ladder after an edit: what `ladder_versions.snapshot` holds. */
export interface LadderSnapshot {
  name: string;
  description: string;
  levels: SnapshotLevel[];
}

function snapshotLevel(l: LevelRow, expectations: Record<string, number>): SnapshotLevel {
  return {
    id: l.id,
    key: l.key,
    title: l.title,
    track: l.track,
    rank: l.rank,
    description: l.description,
    scope: l.scope,
    salary: {
      min: l.salaryMin,
      mid: l.salaryMid,
      max: l.salaryMax,
      currency: l.salaryCurrency,
      source: l.salarySource,
      effectiveOn: l.salaryEffectiveOn,
      sample: l.salarySample,
    },
    expectations,
  };
}

/** Reads the ladder as it stands, levels, bands and expectations included. */
export async function buildLadderSnapshot(db: Db, workspaceId: string, ladderId: string): Promise<LadderSnapshot> {
  const ladder = await findLadderRow(db, workspaceId, ladderId);
  const levels = await listLevelRows(db, workspaceId, ladderId);
  const byLevel = new Map<string, Record<string, number>>();
  for (const e of await listExpectationRows(db, workspaceId, levels.map((l) => l.id), null)) {
    const m = byLevel.get(e.levelId) ?? {};
    m[e.competencyId] = e.expected;
    byLevel.set(e.levelId, m);
  }
  return { name: ladder?.name ?? '', description: ladder?.description ?? '', levels: levels.map((l) => snapshotLevel(l, byLevel.get(l.id) ?? {})) };
}

/** Records the ladder as it now stands as version `version`; call inside the transaction of the edit. */
export async function recordLadderVersion(db: Db, f: { workspaceId: string; ladderId: string; version: number; summary: string; memberId: string | null }): Promise<void> {
  await insertLadderVersionRow(db, {
    id: newId(),
    workspaceId: f.workspaceId,
    ladderId: f.ladderId,
    version: f.version,
    summary: f.summary,
    snapshot: (await buildLadderSnapshot(db, f.workspaceId, f.ladderId)) as unknown as Record<string, unknown>,
    createdById: f.memberId,
  });
}
