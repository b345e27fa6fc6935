import type {
  ConfidenceStatus,
  DrivingFeature,
  KeyResultCheckIn,
  KeyResultDirection,
  KeyResultSummary,
  KeyResultType,
  ObjectiveStatus,
  ObjectiveSummary,
  OkrPeriod,
  OkrPeriodKind,
} from '../../../shared/contracts.js';
import { edgeConflicts, isOpen } from '../dependencies/dependencies.graph.js';
import { keyResultProgress, worstStatus } from './okrs.progress.js';
import type { CheckInFull, FeatureFacts, KeyResultRow, ObjectiveFull, PeriodRow } from './okrs.repository.js';

const person = (id: string | null, name: string | null | undefined) => (id ? { id, name: name ?? 'Former member' } : null);

/** Today in UTC as YYYY-MM-DD. */
export const todayIso = (): string => new Date().toISOString().slice(0, 10);

export function presentPeriod(p: PeriodRow & { objectiveCount: number }): OkrPeriod {
  return {
    id: p.id,
    name: p.name,
    kind: p.kind as OkrPeriodKind,
    start: p.startsOn,
    end: p.endsOn,
    objectiveCount: p.objectiveCount,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export function progressOf(kr: Pick<KeyResultRow, 'type' | 'direction' | 'startValue' | 'targetValue' | 'currentValue'>): number {
  return keyResultProgress({ type: kr.type, direction: kr.direction, start: kr.startValue, target: kr.targetValue, current: kr.currentValue });
}

export function presentKeyResult(kr: KeyResultRow, ownerName: string | null | undefined): KeyResultSummary {
  return {
    id: kr.id,
    objectiveId: kr.objectiveId,
    title: kr.title,
    type: kr.type as KeyResultType,
    unit: kr.unit,
    direction: kr.direction as KeyResultDirection,
    start: kr.startValue,
    target: kr.targetValue,
    current: kr.currentValue,
    progress: progressOf(kr),
    confidence: kr.confidence,
    status: (kr.confidenceStatus as ConfidenceStatus | null) ?? null,
    lastCheckInAt: kr.lastCheckInAt?.toISOString() ?? null,
    metricId: kr.metricId,
    ownerId: kr.ownerId,
    owner: person(kr.ownerId, ownerName),
    position: kr.position,
    version: kr.version,
  };
}

export function presentCheckIn(c: CheckInFull): KeyResultCheckIn {
  return {
    id: c.id,
    keyResultId: c.keyResultId,
    value: c.value,
    progress: c.progress,
    confidence: c.confidence,
    status: c.status as ConfidenceStatus,
    note: c.note,
    author: person(c.authorId, c.authorName),
    at: c.createdAt.toISOString(),
  };
}

/** What the roll-up knows of an objective: its progress, its key results' worst confidence and status, counts. */
export interface ObjectiveFacts {
  progress: number;
  worstConfidence: number | null;
  worstStatus: ConfidenceStatus | null;
  keyResultCount: number;
  childCount: number;
}

export function objectiveFactsFrom(krs: readonly { confidence: number | null; status: string | null }[], progress: number, childCount: number): ObjectiveFacts {
  const confidences = krs.map((k) => k.confidence).filter((c): c is number => c !== null);
  return {
    progress,
    worstConfidence: confidences.length ? Math.min(...confidences) : null,
    worstStatus: worstStatus(krs.map((k) => k.status)),
    keyResultCount: krs.length,
    childCount,
  };
}

export function presentObjective(o: ObjectiveFull, facts: ObjectiveFacts): ObjectiveSummary {
  return {
    id: o.id,
    title: o.title,
    description: o.description,
    status: o.status as ObjectiveStatus,
    periodId: o.periodId,
    productId: o.productId,
    componentId: o.componentId,
    component: o.componentId ? { id: o.componentId, name: o.componentName ?? '' } : null,
    parentId: o.parentId,
    ownerId: o.ownerId,
    owner: person(o.ownerId, o.ownerName),
    pillarId: o.pillarId,
    pillar: o.pillarId ? { id: o.pillarId, name: o.pillarName ?? '' } : null,
    ...facts,
    position: o.position,
    version: o.version,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}

/**
 * A driving feature with its flags: slipped (still open and past its end date, or ending after the
 * period) and in conflict (one of its dependencies breaks the dependencies module's rules).
 */
export function presentDrivingFeature(
  f: FeatureFacts,
  prerequisites: readonly { title: string; status: string; horizon: string | null; startDate: string | null; endDate: string | null }[],
  periodEnd: string,
  today: string,
): DrivingFeature {
  const flags: string[] = [];
  let slipped = false;
  if (isOpen(f) && f.endDate) {
    if (f.endDate < today) {
      slipped = true;
      flags.push(`Was due on ${f.endDate} and is not shipped`);
    } else if (f.endDate > periodEnd) {
      slipped = true;
      flags.push(`Ends on ${f.endDate}, after the period ends on ${periodEnd}`);
    }
  }
  let conflict = false;
  for (const p of prerequisites) {
    const found = edgeConflicts(f, p, f.title, p.title);
    if (found.length) {
      conflict = true;
      flags.push(found[0]!.message);
    }
  }
  return {
    id: f.id,
    title: f.title,
    status: f.status,
    horizon: f.horizon,
    startDate: f.startDate,
    endDate: f.endDate,
    component: { id: f.componentId, name: f.componentName },
    slipped,
    conflict,
    flags,
  };
}
