import type { FeatureFacts } from './reports.repository.js';

/** One roadmap change since the previous report: a feature added, moved or dropped. */
export interface RoadmapChange {
  featureId: string;
  title: string;
  kind: 'added' | 'moved' | 'dropped';
  detail: string;
  internal: boolean;
  public: boolean;
  /** Deleted features are gone: we cannot tell whether they were public. */
  deleted: boolean;
}

export interface AuditFeatureChange {
  action: string;
  entityId: string | null;
  summary: string;
  changes: Record<string, unknown> | null;
  at: Date;
}

const HORIZON: Record<string, string> = { now: 'Now', next: 'Next', later: 'Later' };
const label = (h: unknown) => (typeof h === 'string' ? (HORIZON[h] ?? h) : 'unplanned');
const day = (d: unknown) => (typeof d === 'string' && d ? d : 'no date');
const pair = (v: unknown): [unknown, unknown] | null => (Array.isArray(v) && v.length === 2 ? [v[0], v[1]] : null);

/**
 * Folds the audited feature changes of a range into one line per feature: added (created in the range),
 * dropped (set to won't do, or deleted) or moved (horizon or dates changed, first value → last value).
 * Features of other products are ignored; deleted ones are matched by their component's name in the entry.
 */
export function roadmapChanges(entries: readonly AuditFeatureChange[], current: ReadonlyMap<string, FeatureFacts>, componentNames: readonly string[]): RoadmapChange[] {
  const byFeature = new Map<string, AuditFeatureChange[]>();
  for (const e of entries) {
    if (!e.entityId) continue;
    const list = byFeature.get(e.entityId) ?? [];
    list.push(e);
    byFeature.set(e.entityId, list);
  }
  const out: RoadmapChange[] = [];
  for (const [featureId, list] of byFeature) {
    const feature = current.get(featureId);
    const deletion = list.find((e) => e.action === 'feature.delete');
    if (!feature) {
      if (!deletion) continue;
      const m = /^Deleted feature “(.*)” from (.*)$/s.exec(deletion.summary);
      if (!m || !componentNames.includes(m[2]!)) continue;
      out.push({ featureId, title: m[1]!, kind: 'dropped', detail: 'removed from the roadmap', internal: true, public: false, deleted: true });
      continue;
    }
    const base = { featureId, title: feature.title, internal: feature.internal, public: feature.public, deleted: false };
    if (list.some((e) => e.action === 'feature.create')) {
      if (feature.status === 'wont_do') continue;
      out.push({ ...base, kind: 'added', detail: `added to ${label(feature.horizon)}` });
      continue;
    }
    const field = (name: string) => {
      const values = list.map((e) => pair(e.changes?.[name])).filter((v): v is [unknown, unknown] => v !== null);
      return values.length ? ([values[0]![0], values.at(-1)![1]] as [unknown, unknown]) : null;
    };
    const status = field('status');
    if (status && status[1] === 'wont_do' && status[0] !== 'wont_do') {
      out.push({ ...base, kind: 'dropped', detail: "marked won't do" });
      continue;
    }
    const parts: string[] = [];
    const horizon = field('horizon');
    if (horizon && horizon[0] !== horizon[1]) parts.push(`${label(horizon[0])} → ${label(horizon[1])}`);
    const start = field('startDate');
    const end = field('endDate');
    if (start && start[0] !== start[1]) parts.push(`start ${day(start[0])} → ${day(start[1])}`);
    if (end && end[0] !== end[1]) parts.push(`end ${day(end[0])} → ${day(end[1])}`);
    if (parts.length) out.push({ ...base, kind: 'moved', detail: `moved: ${parts.join(', ')}` });
  }
  const order = { added: 0, moved: 1, dropped: 2 };
  return out.sort((a, b) => order[a.kind] - order[b.kind] || a.title.localeCompare(b.title));
}
