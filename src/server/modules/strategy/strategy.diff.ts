import { diffWords } from 'diff';
import {
  STRATEGY_SECTIONS,
  STRATEGY_STORIES,
  type DiffPart,
  type PillarChange,
  type PillarsDiff,
  type StrategyPillar,
  type StrategySectionKey,
  type StrategyStoryKey,
  type TextDiff,
} from '../../../shared/contracts.js';

/*
 * Pure diffs of strategy snapshots: word-level parts per section and per story (jsdiff's diffWords),
 * and pillars matched by id. No database, no clock: the routes and the unit tests share them.
 */

/** What a diff compares: a published version or the draft, with missing texts as empty strings. */
export interface StrategySnapshot {
  sections: Partial<Record<StrategySectionKey, string>>;
  stories: Partial<Record<StrategyStoryKey, string>>;
  pillars: StrategyPillar[];
}

export interface SnapshotDiff {
  changed: boolean;
  sections: Record<StrategySectionKey, TextDiff>;
  stories: Record<StrategyStoryKey, TextDiff>;
  pillars: PillarsDiff;
}

// A diff of two long, wholly different texts could take seconds; past this it shows as replaced.
const DIFF_TIMEOUT_MS = 500;

/** Word-level diff of two texts: unchanged, inserted and deleted runs, in order. */
export function diffText(before: string, after: string): TextDiff {
  if (before === after) return { changed: false, parts: before ? [{ value: before }] : [] };
  const changes = diffWords(before, after, { timeout: DIFF_TIMEOUT_MS });
  const parts: DiffPart[] = changes
    ? changes.map((c) => (c.added ? { value: c.value, added: true } : c.removed ? { value: c.value, removed: true } : { value: c.value }))
    : [...(before ? [{ value: before, removed: true }] : []), ...(after ? [{ value: after, added: true }] : [])];
  return { changed: true, parts };
}

const PILLAR_FIELDS = ['name', 'description', 'targetShare', 'status'] as const;

/** Pillars added, removed and changed (matched by id), in the newer side's order. */
export function diffPillars(before: StrategyPillar[], after: StrategyPillar[]): PillarsDiff {
  const old = new Map(before.map((p) => [p.id, p]));
  const now = new Set(after.map((p) => p.id));
  const added: StrategyPillar[] = [];
  const changed: PillarChange[] = [];
  for (const p of after) {
    const prior = old.get(p.id);
    if (!prior) {
      added.push(p);
      continue;
    }
    const fields = PILLAR_FIELDS.filter((f) => prior[f] !== p[f]);
    if (fields.length) changed.push({ id: p.id, name: p.name, fields, before: prior, after: p, description: diffText(prior.description, p.description) });
  }
  return { added, removed: before.filter((p) => !now.has(p.id)), changed };
}

/** Everything that differs from `before` to `after`. */
export function diffSnapshots(before: StrategySnapshot, after: StrategySnapshot): SnapshotDiff {
  const sections = Object.fromEntries(STRATEGY_SECTIONS.map((k) => [k, diffText(before.sections[k] ?? '', after.sections[k] ?? '')])) as Record<StrategySectionKey, TextDiff>;
  const stories = Object.fromEntries(STRATEGY_STORIES.map((k) => [k, diffText(before.stories[k] ?? '', after.stories[k] ?? '')])) as Record<StrategyStoryKey, TextDiff>;
  const pillars = diffPillars(before.pillars, after.pillars);
  const changed =
    Object.values(sections).some((d) => d.changed) ||
    Object.values(stories).some((d) => d.changed) ||
    pillars.added.length > 0 ||
    pillars.removed.length > 0 ||
    pillars.changed.length > 0;
  return { changed, sections, stories, pillars };
}

/** True when the texts of two snapshots are the same (pillars aside): whether the draft is dirty. */
export function sameTexts(a: Pick<StrategySnapshot, 'sections' | 'stories'>, b: Pick<StrategySnapshot, 'sections' | 'stories'>): boolean {
  return STRATEGY_SECTIONS.every((k) => (a.sections[k] ?? '') === (b.sections[k] ?? '')) && STRATEGY_STORIES.every((k) => (a.stories[k] ?? '') === (b.stories[k] ?? ''));
}
