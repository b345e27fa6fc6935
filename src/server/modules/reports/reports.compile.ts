import type { DecisionLogAction, ReportAudience, ReportBlock, ReportContent, ReportSection } from '../../../shared/contracts.js';
import { keyResultProgress } from '../okrs/okrs.progress.js';
import type { RoadmapChange } from './reports.changes.js';
import type { FeatureFacts } from './reports.repository.js';

/** Everything a report is compiled from, already read from the database. */
export interface ReportFacts {
  productName: string;
  components: { id: string; name: string }[];
  updates: { componentId: string; period: string; health: string; summary: string; highlights: string; risks: string; asks: string }[];
  keyResults: {
    objectiveId: string;
    objectiveTitle: string;
    id: string | null;
    title: string | null;
    type: string | null;
    direction: string | null;
    start: number | null;
    target: number | null;
    current: number | null;
    unit: string | null;
    confidence: number | null;
    confidenceStatus: string | null;
  }[];
  features: FeatureFacts[];
  /** Features that shipped in the range (from the audit log). */
  shippedIds: Set<string>;
  conflicts: { featureId: string; dependsOnId: string }[];
  decisions: { title: string; action: string; rationale: string; decidedAt: Date }[];
  changes: RoadmapChange[];
  rationales: Map<string, string>;
  today: string;
}

const HEALTH: Record<string, string> = { on_track: 'On track', at_risk: 'At risk', off_track: 'Off track' };
const HORIZONS = [
  ['now', 'Now'],
  ['next', 'Next'],
  ['later', 'Later'],
] as const;
const ACTION: Record<DecisionLogAction, string> = { accept: 'Accepted', merge: 'Merged', defer: 'Deferred', decline: 'Declined', roadmap: 'Roadmap decision' };
const NEUTRAL = 'Updated as our plans evolved.';

const para = (text: string): ReportBlock => ({ type: 'paragraph', text });
const list = (items: string[], empty: string): ReportBlock => (items.length ? { type: 'list', items } : para(empty));
const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.replace(/^[-*•]\s*/, '').trim())
    .filter(Boolean);
const pct = (x: number) => `${Math.round(x * 100)}%`;

function componentName(f: ReportFacts, id: string): string {
  return f.components.find((c) => c.id === id)?.name ?? 'Unknown component';
}

function krLines(f: ReportFacts): { text: string; atRisk: boolean }[] {
  return f.keyResults
    .filter((k) => k.id && k.title)
    .map((k) => {
      const progress = keyResultProgress({ type: k.type!, direction: k.direction!, start: k.start ?? 0, target: k.target ?? 0, current: k.current });
      const confidence = k.confidence === null ? 'no check-in yet' : `confidence ${k.confidence}/10${k.confidenceStatus ? ` (${HEALTH[k.confidenceStatus] ?? k.confidenceStatus})` : ''}`;
      return { text: `${k.title} (${k.objectiveTitle}): ${pct(progress)}, ${confidence}`, atRisk: k.confidenceStatus === 'at_risk' || k.confidenceStatus === 'off_track' };
    });
}

function conflictLines(f: ReportFacts): string[] {
  const byId = new Map(f.features.map((x) => [x.id, x]));
  const out: string[] = [];
  for (const c of f.conflicts) {
    const a = byId.get(c.featureId);
    const b = byId.get(c.dependsOnId);
    if (!a || !b || a.status === 'shipped' || a.status === 'wont_do') continue;
    if (b.status === 'wont_do') out.push(`“${a.title}” depends on “${b.title}”, which will not be done`);
    else if (a.startDate && b.endDate && b.endDate > a.startDate && b.status !== 'shipped') out.push(`“${a.title}” starts ${a.startDate} but depends on “${b.title}”, due ${b.endDate}`);
  }
  return out;
}

function changeSection(f: ReportFacts, customer: boolean): ReportSection {
  const items = f.changes
    .filter((c) => !customer || (c.public && !c.internal && !c.deleted))
    .map((c) => {
      const why = customer ? NEUTRAL : (f.rationales.get(c.featureId) ?? 'No rationale recorded in the decision log.');
      return `${c.title}: ${c.detail}. Why: ${why}`;
    });
  return { key: 'what-changed', heading: 'What changed and why', blocks: [list(items, 'No roadmap changes since the previous report.')] };
}

function decisionItems(f: ReportFacts, withRationale: boolean): string[] {
  return f.decisions.map((d) => `${ACTION[d.action as DecisionLogAction] ?? d.action}: ${d.title}${withRationale && d.rationale.trim() ? `: ${d.rationale.trim()}` : ''} (${d.decidedAt.toISOString().slice(0, 10)})`);
}

function slipped(f: ReportFacts): FeatureFacts[] {
  return f.features.filter((x) => x.endDate && x.endDate < f.today && x.status !== 'shipped' && x.status !== 'wont_do');
}

function executive(f: ReportFacts): ReportSection[] {
  const health = f.components.map((c) => {
    const u = f.updates.find((x) => x.componentId === c.id);
    return u ? `${c.name}: ${HEALTH[u.health] ?? u.health} (${u.period}). ${lines(u.summary)[0] ?? ''}`.trim() : `${c.name}: no status update yet`;
  });
  const krs = krLines(f);
  const risks = [
    ...f.updates.flatMap((u) => lines(u.risks).map((r) => `${componentName(f, u.componentId)}: ${r}`)),
    ...krs.filter((k) => k.atRisk).map((k) => `Key result at risk: ${k.text}`),
    ...conflictLines(f).map((c) => `Dependency conflict: ${c}`),
  ].slice(0, 8);
  return [
    { key: 'health', heading: 'Component health', blocks: [list(health, 'This product has no components yet.')] },
    { key: 'key-results', heading: 'Key results', blocks: [list(krs.map((k) => k.text), 'No active key results.')] },
    { key: 'risks', heading: 'Top risks', blocks: [list(risks, 'No risks reported.')] },
    { key: 'decisions', heading: 'Decisions and declines', blocks: [list(decisionItems(f, true), 'No decisions in this range.')] },
  ];
}

function team(f: ReportFacts): ReportSection[] {
  const updates: ReportBlock[] = f.components.flatMap((c): ReportBlock[] => {
    const u = f.updates.find((x) => x.componentId === c.id);
    if (!u) return [para(`${c.name}: no status update yet.`)];
    const items = [`Health: ${HEALTH[u.health] ?? u.health} (${u.period})`, `Summary: ${u.summary}`];
    if (u.highlights.trim()) items.push(`Highlights: ${lines(u.highlights).join('; ')}`);
    if (u.risks.trim()) items.push(`Risks: ${lines(u.risks).join('; ')}`);
    if (u.asks.trim()) items.push(`Asks: ${lines(u.asks).join('; ')}`);
    return [para(c.name), { type: 'list', items }];
  });
  const objectives = new Map<string, string[]>();
  for (const k of f.keyResults) if (!objectives.has(k.objectiveTitle)) objectives.set(k.objectiveTitle, []);
  const krs = krLines(f);
  let i = 0;
  for (const k of f.keyResults) if (k.id) objectives.get(k.objectiveTitle)!.push(krs[i++]!.text);
  const okrBlocks: ReportBlock[] = [...objectives].flatMap(([title, items]): ReportBlock[] => [para(title), list(items, 'No key results yet.')]);
  const shipped = f.features.filter((x) => f.shippedIds.has(x.id)).map((x) => `${x.title} (${componentName(f, x.componentId)})`);
  const moved = f.changes.filter((c) => c.kind === 'moved').map((c) => `${c.title}: ${c.detail}`);
  const late = slipped(f).map((x) => `${x.title} (${componentName(f, x.componentId)}): was due ${x.endDate}`);
  return [
    { key: 'updates', heading: 'Component updates', blocks: updates.length ? updates : [para('This product has no components yet.')] },
    { key: 'okrs', heading: 'Objectives and key results', blocks: okrBlocks.length ? okrBlocks : [para('No active objectives.')] },
    { key: 'shipped', heading: 'Features shipped', blocks: [list(shipped, 'Nothing shipped in this range.')] },
    { key: 'moved', heading: 'Features moved or slipped', blocks: [list([...moved, ...late], 'Nothing moved or slipped.')] },
    { key: 'risks', heading: 'Dependency conflicts', blocks: [list(conflictLines(f), 'No dependency conflicts.')] },
    { key: 'decisions', heading: 'Decisions', blocks: [list(decisionItems(f, true), 'No decisions in this range.')] },
  ];
}

function company(f: ReportFacts): ReportSection[] {
  const highlights = f.updates.flatMap((u) => [`${componentName(f, u.componentId)}: ${lines(u.summary).join(' ')}`, ...lines(u.highlights)]);
  const shipped = f.features.filter((x) => f.shippedIds.has(x.id)).map((x) => x.title);
  return [
    { key: 'highlights', heading: 'Highlights', blocks: [list(highlights, 'No status updates yet.')] },
    { key: 'shipped', heading: 'Shipped', blocks: [list(shipped, 'Nothing shipped in this range.')] },
    { key: 'key-results', heading: 'Key result progress', blocks: [list(krLines(f).map((k) => k.text), 'No active key results.')] },
  ];
}

/** Built from an allow-list: public roadmap items' title, description and horizon, nothing else. */
function customer(f: ReportFacts): ReportSection[] {
  const isPublic = (x: FeatureFacts) => x.public && !x.internal;
  const open = f.features.filter((x) => isPublic(x) && x.status !== 'wont_do' && x.status !== 'shipped');
  const item = (x: FeatureFacts) => (x.description.trim() ? `${x.title}: ${x.description.trim().replace(/\s+/g, ' ')}` : x.title);
  const sections: ReportSection[] = HORIZONS.map(([h, heading]) => ({
    key: `horizon-${h}`,
    heading,
    blocks: [list(open.filter((x) => x.horizon === h).map(item), 'Nothing planned here yet.')],
  }));
  const shipped = f.features.filter((x) => isPublic(x) && f.shippedIds.has(x.id)).map(item);
  sections.push({ key: 'shipped', heading: 'Recently shipped', blocks: [list(shipped, 'Nothing shipped in this range.')] });
  return sections;
}

const BUILDERS: Record<ReportAudience, (f: ReportFacts) => ReportSection[]> = { executive, team, company, customer };

/** Compiles the report's content for its audience; the customer audience sees only allow-listed fields. */
export function compileReport(f: ReportFacts, meta: { title: string; audience: ReportAudience; from: string | null; to: string | null; compiledAt: string }): ReportContent {
  return {
    title: meta.title,
    audience: meta.audience,
    productName: f.productName,
    from: meta.from,
    to: meta.to,
    compiledAt: meta.compiledAt,
    sections: [...BUILDERS[meta.audience](f), changeSection(f, meta.audience === 'customer')],
  };
}
