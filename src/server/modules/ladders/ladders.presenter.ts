import type { Ladder, LadderChange, LadderLevel, LadderSnapshot as LadderSnapshotOut, LadderTrack, LadderVersion, PersonLevel, SalaryBand } from '../../../shared/contracts.js';
import type { LadderVersionWithAuthor, LadderWithCounts, LevelRow, PlacementRow } from './ladders.repository.js';
import type { LadderSnapshot, SnapshotLevel } from './ladders.snapshot.js';

/** A ladder as the API shows it. */
export function presentLadder(l: LadderWithCounts): Ladder {
  return {
    id: l.id,
    name: l.name,
    description: l.description,
    isDefault: l.isDefault,
    levelCount: l.levelCount,
    peopleCount: l.peopleCount,
    version: l.version,
    createdAt: l.createdAt.toISOString(),
    updatedAt: l.updatedAt.toISOString(),
  };
}

function salaryOf(l: LevelRow): SalaryBand {
  return {
    min: l.salaryMin,
    mid: l.salaryMid,
    max: l.salaryMax,
    currency: l.salaryCurrency,
    source: l.salarySource,
    effectiveOn: l.salaryEffectiveOn,
    sample: l.salarySample,
  };
}

/**
 * A level as the API shows it. The salary field is left out entirely (not nulled) for a caller whose
 * role may not see bands, so nothing about the band leaks, not even whether one exists.
 */
export function presentLevel(
  l: LevelRow,
  ctx: { expectations: { competencyId: string; expected: number }[]; people: { id: string; name: string }[]; salaryVisible: boolean },
): LadderLevel {
  return {
    id: l.id,
    ladderId: l.ladderId,
    key: l.key,
    title: l.title,
    track: l.track as LadderTrack,
    rank: l.rank,
    description: l.description,
    scope: l.scope,
    expectations: ctx.expectations,
    ...(ctx.salaryVisible ? { salary: salaryOf(l) } : {}),
    people: ctx.people,
    version: l.version,
    createdAt: l.createdAt.toISOString(),
    updatedAt: l.updatedAt.toISOString(),
  };
}

/** Where a person stands; level null while unplaced. */
export function presentPlacement(personId: string, p: (PlacementRow & { level: LevelRow }) | null): PersonLevel {
  if (!p) return { personId, level: null, since: null, note: '', updatedAt: null };
  return {
    personId,
    level: { id: p.level.id, ladderId: p.level.ladderId, title: p.level.title, track: p.level.track as LadderTrack, rank: p.level.rank },
    since: p.since,
    note: p.note,
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** A snapshot with the salary bands removed for a caller who may not see them. */
function presentSnapshot(s: LadderSnapshot, salaryVisible: boolean): LadderSnapshotOut {
  return {
    name: s.name,
    description: s.description,
    levels: s.levels.map(({ salary, ...rest }) => (salaryVisible ? { ...rest, salary } : rest)),
  };
}

type Scalar = string | number | boolean | null;
const LEVEL_FIELDS = ['title', 'track', 'rank', 'description', 'scope'] as const;
const SALARY_FIELDS = ['min', 'mid', 'max', 'currency', 'source', 'effectiveOn', 'sample'] as const;

/**
 * What changed between two snapshots, field by field. Salary fields appear only for a caller who may
 * see bands. Expectations of competencies that no longer exist are left out: deleting a competency is
 * a framework edit, not a ladder edit.
 */
export function diffSnapshots(before: LadderSnapshot | null, after: LadderSnapshot, names: Map<string, string>, salaryVisible: boolean): LadderChange[] {
  const changes: LadderChange[] = [];
  const push = (levelId: string | null, level: string, field: string, a: Scalar, b: Scalar) => {
    if (a !== b) changes.push({ levelId, level, field, before: a, after: b });
  };
  if (!before) return after.levels.map((l) => ({ levelId: l.id, level: l.title, field: 'level', before: null, after: l.title }));
  push(null, after.name, 'name', before.name, after.name);
  push(null, after.name, 'description', before.description, after.description);
  const old = new Map(before.levels.map((l) => [l.id, l]));
  const kept = new Set<string>();
  for (const l of after.levels) {
    const p: SnapshotLevel | undefined = old.get(l.id);
    if (!p) {
      push(l.id, l.title, 'level', null, l.title);
      continue;
    }
    kept.add(l.id);
    for (const f of LEVEL_FIELDS) push(l.id, l.title, f, p[f], l[f]);
    if (salaryVisible) for (const f of SALARY_FIELDS) push(l.id, l.title, `salary.${f}`, p.salary[f], l.salary[f]);
    for (const [competencyId, expected] of Object.entries(l.expectations)) {
      const name = names.get(competencyId);
      if (name) push(l.id, l.title, `expectation:${name}`, p.expectations[competencyId] ?? null, expected);
    }
  }
  for (const p of before.levels) if (!kept.has(p.id)) push(p.id, p.title, 'level', p.title, null);
  return changes;
}

/** A version entry; with its snapshot and changes when one version was asked for. */
export function presentLadderVersion(
  v: LadderVersionWithAuthor,
  detail?: { previous: LadderSnapshot | null; names: Map<string, string>; salaryVisible: boolean },
): LadderVersion {
  const base: LadderVersion = {
    version: v.version,
    summary: v.summary,
    createdBy: v.createdById ? { id: v.createdById, name: v.createdByName ?? 'Former member' } : null,
    createdAt: v.createdAt.toISOString(),
  };
  if (!detail) return base;
  const snapshot = v.snapshot as unknown as LadderSnapshot;
  return {
    ...base,
    snapshot: presentSnapshot(snapshot, detail.salaryVisible),
    changes: diffSnapshots(detail.previous, snapshot, detail.names, detail.salaryVisible),
  };
}
