import { conflictLine, declineLine, keyResultLine, movedLine, shippedLine, slippedLine, type StatusFacts, type StatusHealth } from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import { conflictsOfProduct } from '../dependencies/dependencies.service.js';
import { keyResultProgress } from '../okrs/okrs.progress.js';
import { dayOf, rangeInstants } from './status-updates.period.js';
import { checkInsUntil, componentKeyResults, declinesInRange, movesInRange, shippedInRange, slippedBy, type ComponentInfo } from './status-updates.repository.js';

/*
 * The draft of a status update: the live facts of a component over a range of days, the health they
 * suggest and Markdown text built from them, for the PM to edit rather than write from scratch.
 */

const MOVE_FIELDS = ['horizon', 'startDate', 'endDate'] as const;

/** Gathers the facts of a component for a range of days (inclusive). */
export async function gatherFacts(db: Db, workspaceId: string, component: ComponentInfo, range: { from: string; to: string }, today: Date): Promise<StatusFacts> {
  const { start, end } = rangeInstants(range);
  const [shipped, moves, slipped, krs, declines, conflicts] = await Promise.all([
    shippedInRange(db, workspaceId, component.id, start, end),
    movesInRange(db, workspaceId, component.id, start, end),
    // Slipped: its end date passed (before the end of the range, and before today) and it is not shipped.
    slippedBy(db, workspaceId, component.id, [nextDay(range.to), dayOf(today)].sort()[0]!),
    componentKeyResults(db, workspaceId, component.id),
    declinesInRange(db, workspaceId, component.id, start, end),
    conflictsOfProduct(db, workspaceId, component.productId),
  ]);
  const checkIns = await checkInsUntil(
    db,
    krs.map((k) => k.kr.id),
    end,
  );

  const keyResults = krs.map(({ kr, objectiveTitle }) => {
    const mine = checkIns.filter((c) => c.keyResultId === kr.id);
    const before = mine.filter((c) => c.createdAt < start);
    const inRange = mine.filter((c) => c.createdAt >= start);
    const last = inRange.at(-1) ?? before.at(-1) ?? null;
    const facts = { start: kr.startValue, target: kr.targetValue, direction: kr.direction as 'increase' | 'decrease', type: kr.type as 'number' };
    const fromValue = before.at(-1)?.value ?? kr.startValue;
    const fromProgress = before.at(-1)?.progress ?? keyResultProgress({ ...facts, current: kr.startValue });
    const progress = last?.progress ?? fromProgress;
    return {
      id: kr.id,
      title: kr.title,
      objectiveTitle,
      checkIns: inRange.length,
      from: fromValue,
      to: inRange.at(-1)?.value ?? null,
      progressDelta: Math.round((progress - fromProgress) * 1000) / 1000,
      progress: Math.round(progress * 1000) / 1000,
      confidence: last?.confidence ?? null,
      status: (last?.status as StatusHealth | undefined) ?? null,
    };
  });

  return {
    shipped: shipped.map((s) => ({ id: s.id, title: s.title, shippedAt: s.at.toISOString() })),
    moved: moves
      .map((m) => {
        const changes = Object.fromEntries(MOVE_FIELDS.filter((f) => m.changes && f in m.changes).map((f) => [f, m.changes![f] as [unknown, unknown]]));
        return { id: m.id, title: m.title, at: m.at.toISOString(), changes };
      })
      .filter((m) => Object.keys(m.changes).length > 0),
    slipped: slipped.map((s) => ({ id: s.id, title: s.title, endDate: s.endDate!, status: s.status })),
    keyResults,
    conflicts: conflicts
      .filter((c) => c.feature.componentId === component.id || c.dependsOn.componentId === component.id)
      .map((c) => ({ dependencyId: c.dependencyId, featureTitle: c.feature.title, dependsOnTitle: c.dependsOn.title, message: c.message })),
    declines: declines.map((d) => ({ id: d.id, title: d.title, rationale: d.rationale, decidedAt: d.decidedAt.toISOString() })),
  };
}

function nextDay(day: string): string {
  return dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000));
}

/** The health the facts suggest: off track on a conflict or a key result off track; at risk on a slip or a key result at risk. */
export function suggestHealth(facts: StatusFacts): StatusHealth {
  if (facts.conflicts.length || facts.keyResults.some((k) => k.status === 'off_track')) return 'off_track';
  if (facts.slipped.length || facts.keyResults.some((k) => k.status === 'at_risk')) return 'at_risk';
  return 'on_track';
}

/** The draft's Markdown sections, built from the facts. */
export function draftText(componentName: string, periodLabel: string, facts: StatusFacts): { summary: string; highlights: string; risks: string; asks: string } {
  const moving = facts.keyResults.filter((k) => k.checkIns > 0);
  const bits = [
    facts.shipped.length ? `shipped ${facts.shipped.length} feature${facts.shipped.length === 1 ? '' : 's'}` : null,
    facts.slipped.length ? `${facts.slipped.length} slipped` : null,
    moving.length ? `${moving.length} key result${moving.length === 1 ? '' : 's'} checked in` : null,
    facts.conflicts.length ? `${facts.conflicts.length} dependency conflict${facts.conflicts.length === 1 ? '' : 's'}` : null,
    facts.declines.length ? `${facts.declines.length} request${facts.declines.length === 1 ? '' : 's'} declined` : null,
  ].filter(Boolean);
  const summary = `${componentName}, ${periodLabel}: ${bits.length ? bits.join(', ') : 'no recorded change'}.`;
  const highlights = [
    ...facts.shipped.map(shippedLine),
    ...facts.keyResults.filter((k) => k.progressDelta > 0).map(keyResultLine),
    ...facts.moved.map(movedLine),
    ...facts.declines.map(declineLine),
  ].join('\n');
  const risks = [...facts.slipped.map(slippedLine), ...facts.conflicts.map(conflictLine), ...facts.keyResults.filter((k) => k.status === 'at_risk' || k.status === 'off_track').map(keyResultLine)].join(
    '\n',
  );
  const asks = facts.conflicts.map((c) => `- Help to unblock **${c.featureTitle}**, which depends on **${c.dependsOnTitle}**`).join('\n');
  return { summary, highlights, risks, asks };
}
