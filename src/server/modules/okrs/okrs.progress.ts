/**
 * The pure maths of OKRs: progress of a key result, roll-up to objectives, confidence statuses and
 * period kinds. No database here, so the rules are unit- and property-tested on their own.
 */

export interface ProgressFacts {
  type: string;
  direction: string;
  start: number;
  target: number;
  current: number | null;
}

const clamp01 = (x: number): number => (Number.isNaN(x) ? 0 : Math.min(1, Math.max(0, x)));

/**
 * Progress of a key result as a fraction in [0, 1]:
 * - increase: (current − start) / (target − start); decrease: (start − current) / (start − target);
 * - clamped to [0, 1]; no current value → 0;
 * - milestone: 1 once current ≥ 1 (done), else 0.
 */
export function keyResultProgress(kr: ProgressFacts): number {
  if (kr.current === null || !Number.isFinite(kr.current)) return 0;
  if (kr.type === 'milestone') return kr.current >= 1 ? 1 : 0;
  const span = kr.direction === 'decrease' ? kr.start - kr.target : kr.target - kr.start;
  if (span === 0) return kr.current === kr.target ? 1 : 0;
  const done = kr.direction === 'decrease' ? kr.start - kr.current : kr.current - kr.start;
  return clamp01(done / span);
}

const mean = (xs: readonly number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/**
 * An objective's progress: the mean of its key results' progress; without key results, the mean of its
 * children's (rolled-up) progress; neither → 0.
 */
export function objectiveProgress(keyResults: readonly number[], children: readonly number[]): number {
  return clamp01(keyResults.length ? mean(keyResults) : mean(children));
}

export interface RollupNode {
  id: string;
  parentId: string | null;
  keyResults: readonly number[];
}

/**
 * Rolled-up progress of every objective of a forest (by id). A parent outside the set counts as none;
 * a cycle (which the service prevents) is broken where it is found, so the walk always ends.
 */
export function rollUp(nodes: readonly RollupNode[]): Map<string, number> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const children = new Map<string, string[]>();
  for (const n of nodes) {
    if (n.parentId && byId.has(n.parentId) && n.parentId !== n.id) {
      const list = children.get(n.parentId) ?? [];
      list.push(n.id);
      children.set(n.parentId, list);
    }
  }
  const out = new Map<string, number>();
  const visiting = new Set<string>();
  const visit = (id: string): number => {
    const known = out.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return 0;
    visiting.add(id);
    const node = byId.get(id)!;
    const kids = (children.get(id) ?? []).filter((c) => !visiting.has(c)).map(visit);
    const p = objectiveProgress(node.keyResults, kids);
    visiting.delete(id);
    out.set(id, p);
    return p;
  };
  for (const n of nodes) visit(n.id);
  return out;
}

export type ConfidenceStatus = 'on_track' | 'at_risk' | 'off_track';

/** The status a confidence implies: 7-10 on track, 4-6 at risk, 0-3 off track. */
export function statusOfConfidence(confidence: number): ConfidenceStatus {
  if (confidence >= 7) return 'on_track';
  if (confidence >= 4) return 'at_risk';
  return 'off_track';
}

const STATUS_RANK: Record<ConfidenceStatus, number> = { on_track: 0, at_risk: 1, off_track: 2 };

/** The worst of some statuses (null when none). */
export function worstStatus(statuses: readonly (string | null)[]): ConfidenceStatus | null {
  let worst: ConfidenceStatus | null = null;
  for (const s of statuses) {
    if (s === null || !(s in STATUS_RANK)) continue;
    const st = s as ConfidenceStatus;
    if (worst === null || STATUS_RANK[st] > STATUS_RANK[worst]) worst = st;
  }
  return worst;
}

/** True when [start, end] (YYYY-MM-DD, inclusive) is exactly one calendar quarter. */
export function isCalendarQuarter(start: string, end: string): boolean {
  const m = /^(\d{4})-(\d{2})-01$/.exec(start);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (![1, 4, 7, 10].includes(month)) return false;
  const last = new Date(Date.UTC(year, month + 2, 0)).toISOString().slice(0, 10);
  return end === last;
}

/** The calendar quarter after the one containing `day` (or `day`'s own when `current`): name, start and end. */
export function quarterOf(day: string, offset = 0): { name: string; start: string; end: string } {
  const d = new Date(`${day}T00:00:00Z`);
  const q = Math.floor(d.getUTCMonth() / 3) + offset;
  const year = d.getUTCFullYear() + Math.floor(q / 4);
  const qi = ((q % 4) + 4) % 4;
  const start = new Date(Date.UTC(year, qi * 3, 1)).toISOString().slice(0, 10);
  const end = new Date(Date.UTC(year, qi * 3 + 3, 0)).toISOString().slice(0, 10);
  return { name: `Q${qi + 1} ${year}`, start, end };
}
