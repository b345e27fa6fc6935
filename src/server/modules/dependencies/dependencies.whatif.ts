import type { DependencyPreviewItem, DependencyPreviewKeyResult } from '../../../shared/contracts.js';
import { isOpen, type PlanFacts } from './dependencies.graph.js';
import type { DrivenKeyResult } from './dependencies.repository.js';

/**
 * The key results side of the what-if preview, with no database: which key results a plan change
 * would put at risk, and why, in a sentence per feature. A key result is hurt through:
 * - the changed feature, when it would be in conflict with something it needs, be dropped (won't do),
 *   end after its key result's period ends, or stay open past its end date;
 * - a dependent the change would push into conflict (the other end of a `neededBy` conflict).
 * A prerequisite at the other end of a `needs` conflict is not hurt: it is the changed feature that waits.
 */

export interface ChangedFeature extends PlanFacts {
  id: string;
  title: string;
}

interface Hurt {
  featureId: string;
  sentence: string;
  isNew: boolean;
}

const quote = (title: string) => `“${title}”`;

/** Why the changed feature, as proposed, would hurt a key result of this period; null when it would not. */
export function slipOf(before: PlanFacts, after: ChangedFeature, period: { name: string; endsOn: string }, today: string): Omit<Hurt, 'featureId'> | null {
  const drives = `drives ${quote(after.title)}, which would`;
  if (after.status === 'wont_do') return before.status === 'wont_do' ? null : { sentence: `${drives} be dropped (won’t do)`, isNew: true };
  if (!isOpen(after) || !after.endDate) return null;
  const wasAfter = isOpen(before) && before.endDate !== null && before.endDate > period.endsOn;
  if (after.endDate > period.endsOn) return { sentence: `${drives} end on ${after.endDate}, after ${quote(period.name)} ends on ${period.endsOn}`, isNew: !wasAfter };
  const wasOverdue = isOpen(before) && before.endDate !== null && before.endDate < today;
  if (after.endDate < today) return { sentence: `${drives} be past its end date (${after.endDate}) and not shipped`, isNew: !wasOverdue };
  return null;
}

/** The features a change hurts through dependencies (conflicts after the change), keyed by feature id. */
export function hurtByConflicts(changed: ChangedFeature, conflicts: readonly DependencyPreviewItem[]): Map<string, Hurt[]> {
  const out = new Map<string, Hurt[]>();
  for (const item of conflicts) {
    const victim = item.direction === 'neededBy' ? item.feature : changed;
    const hurt = { featureId: victim.id, sentence: `drives ${quote(victim.title)}, which would conflict: ${item.conflicts[0]!.message}`, isNew: item.new };
    out.set(victim.id, [...(out.get(victim.id) ?? []), hurt]);
  }
  return out;
}

/**
 * The key results hurt by the change, new ones first, then by objective and title. `driven` lists the
 * key results of the changed feature and of the dependents in conflict.
 */
export function keyResultsAtStake(
  before: PlanFacts,
  changed: ChangedFeature,
  conflicts: readonly DependencyPreviewItem[],
  driven: readonly DrivenKeyResult[],
  today: string,
): DependencyPreviewKeyResult[] {
  const byConflict = hurtByConflicts(changed, conflicts);
  const out = new Map<string, DependencyPreviewKeyResult>();
  for (const kr of driven) {
    const hurts = [...(byConflict.get(kr.featureId) ?? [])];
    if (kr.featureId === changed.id) {
      const slip = slipOf(before, changed, { name: kr.periodName, endsOn: kr.periodEndsOn }, today);
      if (slip) hurts.push({ featureId: kr.featureId, ...slip });
    }
    if (!hurts.length) continue;
    let entry = out.get(kr.id);
    if (!entry) {
      entry = { id: kr.id, title: kr.title, objectiveId: kr.objectiveId, objectiveTitle: kr.objectiveTitle, featureIds: [], why: [], new: false };
      out.set(kr.id, entry);
    }
    if (!entry.featureIds.includes(kr.featureId)) entry.featureIds.push(kr.featureId);
    for (const h of hurts) if (!entry.why.includes(h.sentence)) entry.why.push(h.sentence);
    entry.new ||= hurts.some((h) => h.isNew);
  }
  return [...out.values()].sort((a, b) => Number(b.new) - Number(a.new) || a.objectiveTitle.localeCompare(b.objectiveTitle) || a.title.localeCompare(b.title));
}
