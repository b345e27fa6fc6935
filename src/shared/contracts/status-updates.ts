import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { Id, IsoDate, ListQuery, Version, VersionedUpdate, WorkspaceParams, listOf } from './common.js';

/** Status updates (issue 7): one per component and period, prefilled from live data, with due reminders. */

export const STATUS_PERIOD_KINDS = ['week', 'sprint', 'month'] as const;
export type StatusPeriodKind = (typeof STATUS_PERIOD_KINDS)[number];
export const STATUS_HEALTHS = ['on_track', 'at_risk', 'off_track'] as const;
export type StatusHealth = (typeof STATUS_HEALTHS)[number];
/** The longest sprint label. */
export const SPRINT_LABEL_MAX = 40;

const Period = z.string().trim().min(1, 'must not be empty').max(SPRINT_LABEL_MAX, `must be at most ${SPRINT_LABEL_MAX} characters`);
const PeriodKindSchema = z.enum(STATUS_PERIOD_KINDS).describe('week (YYYY-Www, ISO week), month (YYYY-MM) or sprint (any label)');
const HealthSchema = z.enum(STATUS_HEALTHS).describe('on_track, at_risk or off_track');
const Markdown = z.string().max(LIMITS.descriptionMax, `must be at most ${LIMITS.descriptionMax} characters`);
const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'must be a real calendar date')
  .describe('A calendar day, YYYY-MM-DD');
const NamedRef = z.object({ id: Id, name: z.string() });

// Facts the draft is built from

export const ShippedFact = z.object({ id: Id, title: z.string(), shippedAt: IsoDate.describe('When it was marked shipped (or last changed)') }).describe('A feature shipped in the range');
export const MovedFact = z
  .object({
    id: Id,
    title: z.string(),
    at: IsoDate,
    changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])).describe('Field → [before, after] of horizon, startDate or endDate'),
  })
  .describe('A feature whose horizon or dates changed in the range');
export const SlippedFact = z.object({ id: Id, title: z.string(), endDate: Day, status: z.string() }).describe('A feature past its end date and not shipped');
export const KeyResultFact = z
  .object({
    id: Id,
    title: z.string(),
    objectiveTitle: z.string(),
    checkIns: z.number().int().describe('Check-ins in the range'),
    from: z.number().nullable().describe('Value before the range (the last check-in before it, else the start value)'),
    to: z.number().nullable().describe('Latest value in the range (null when no check-in)'),
    progressDelta: z.number().describe('Progress gained in the range, as a fraction (may be negative)'),
    progress: z.number().describe('Progress at the end of the range, 0 to 1'),
    confidence: z.number().int().nullable().describe('Latest confidence, 0 to 10'),
    status: HealthSchema.nullable().describe('Latest confidence status'),
  })
  .describe("A key result of the component's objectives and its movement in the range");
export const ConflictFact = z.object({ dependencyId: Id, featureTitle: z.string(), dependsOnTitle: z.string(), message: z.string() }).describe('A dependency in conflict touching the component');
export const DeclineFact = z.object({ id: Id, title: z.string(), rationale: z.string(), decidedAt: IsoDate }).describe('A request declined on this component in the range');
export const StatusFacts = z
  .object({
    shipped: z.array(ShippedFact),
    moved: z.array(MovedFact),
    slipped: z.array(SlippedFact),
    keyResults: z.array(KeyResultFact),
    conflicts: z.array(ConflictFact),
    declines: z.array(DeclineFact),
  })
  .describe('The live facts a draft was prefilled from');
export type StatusFacts = z.infer<typeof StatusFacts>;

// Updates

export const StatusUpdate = z
  .object({
    id: Id,
    componentId: Id,
    component: NamedRef.describe('The component'),
    productId: Id,
    period: z.string(),
    periodKind: PeriodKindSchema,
    range: z.object({ from: Day, to: Day }).nullable().describe('The days the period covers (null for a sprint)'),
    health: HealthSchema,
    summary: z.string().describe('Markdown'),
    highlights: z.string().describe('Markdown'),
    risks: z.string().describe('Markdown'),
    asks: z.string().describe('Markdown: asks for help'),
    facts: StatusFacts.nullable().describe('The facts it was drafted from, when the client sent them'),
    author: NamedRef.nullable(),
    version: Version,
    createdAt: IsoDate,
    updatedAt: IsoDate,
  })
  .describe('A status update of one component for one period');
export type StatusUpdate = z.infer<typeof StatusUpdate>;
export const StatusUpdateList = listOf(StatusUpdate, 'Status updates, latest period first');
export type StatusUpdateList = z.infer<typeof StatusUpdateList>;

export const CreateStatusUpdate = z
  .object({
    componentId: Id.describe('The component the update is about'),
    period: Period.describe('Week YYYY-Www (ISO week), month YYYY-MM, or a sprint label up to 40 characters'),
    periodKind: PeriodKindSchema.optional().describe('Inferred from the period format when left out'),
    health: HealthSchema,
    summary: Markdown.trim().min(1, 'must not be empty').describe('Markdown'),
    highlights: Markdown.optional().describe('Markdown'),
    risks: Markdown.optional().describe('Markdown'),
    asks: Markdown.optional().describe('Markdown: asks for help'),
    facts: StatusFacts.optional().describe('The draft facts it was written from, sent back as the draft gave them'),
  })
  .strict();
export type CreateStatusUpdate = z.infer<typeof CreateStatusUpdate>;

export const UpdateStatusUpdate = VersionedUpdate.extend({
  health: HealthSchema.optional(),
  summary: Markdown.trim().min(1, 'must not be empty').optional(),
  highlights: Markdown.optional(),
  risks: Markdown.optional(),
  asks: Markdown.optional(),
}).strict();
export type UpdateStatusUpdate = z.infer<typeof UpdateStatusUpdate>;

export const StatusUpdateParams = WorkspaceParams.extend({ updateId: Id.describe('Status update id') });
export const StatusUpdateListQuery = ListQuery.extend({
  componentId: Id.optional().describe('Only this component'),
  productId: Id.optional().describe("Only this product's components"),
  period: z.string().max(SPRINT_LABEL_MAX).optional().describe('Only this period'),
});
export type StatusUpdateListQuery = z.infer<typeof StatusUpdateListQuery>;

export const StatusDraftQuery = z.object({
  componentId: Id.optional().describe('The component; when left out, the first component you own (400 naming componentId when you own none; 403 for a PM)'),
  period: z.string().max(200).optional().describe('The period; the current ISO week when left out'),
  from: Day.optional().describe('First day of a sprint (sprints only; default: 13 days before today)'),
  to: Day.optional().describe('Last day of a sprint (sprints only; default: today)'),
});
export type StatusDraftQuery = z.infer<typeof StatusDraftQuery>;

export const StatusDraft = z
  .object({
    componentId: Id,
    component: NamedRef,
    period: z.string(),
    periodKind: PeriodKindSchema,
    range: z.object({ from: Day, to: Day }).describe('The days the facts come from'),
    health: HealthSchema.describe('Suggested: off_track if a conflict or a key result is off track, at_risk if a feature slipped or a key result is at risk'),
    summary: z.string(),
    highlights: z.string(),
    risks: z.string(),
    asks: z.string(),
    facts: StatusFacts,
    existingUpdateId: Id.nullable().describe('The update already written for this component and period, if any'),
  })
  .describe('A status update prefilled from live data, to edit rather than write from scratch');
export type StatusDraft = z.infer<typeof StatusDraft>;

export const DueStatusUpdate = z
  .object({
    component: NamedRef,
    product: NamedRef,
    owner: NamedRef.nullable(),
    period: z.string().describe('The current ISO week'),
    overdue: z.boolean().describe('True once the week is past its midpoint (from Thursday, UTC): reminders go out then'),
  })
  .describe('A component with no update for the current week');
export const DueStatusUpdateList = z
  .object({ period: z.string(), range: z.object({ from: Day, to: Day }), items: z.array(DueStatusUpdate), total: z.number().int() })
  .describe('Components without an update for the current ISO week');
export type DueStatusUpdateList = z.infer<typeof DueStatusUpdateList>;
export const DueStatusQuery = z.object({ productId: Id.optional().describe("Only this product's components") });

// One Markdown line per fact: the server's draft is built from them and the editor offers them for insertion.

const pct = (x: number) => `${Math.round(x * 100)}%`;
const signedPct = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(Math.round(x * 100))} pts`;
const show = (v: unknown) => (v === null || v === undefined || v === '' ? 'none' : String(v));

export const shippedLine = (s: StatusFacts['shipped'][number]) => `- Shipped **${s.title}**`;
export function movedLine(m: StatusFacts['moved'][number]): string {
  const parts = Object.entries(m.changes).map(([field, [a, b]]) => `${field} ${show(a)} → ${show(b)}`);
  return `- Moved **${m.title}** (${parts.join(', ')})`;
}
export const slippedLine = (s: StatusFacts['slipped'][number]) => `- **${s.title}** slipped: due ${s.endDate}, still ${s.status.replace('_', ' ')}`;
export function keyResultLine(k: StatusFacts['keyResults'][number]): string {
  const movement = k.checkIns ? `${show(k.from)} → ${show(k.to)} (${signedPct(k.progressDelta)}, now ${pct(k.progress)})` : `no check-in this period (${pct(k.progress)})`;
  const confidence = k.confidence === null ? '' : `, confidence ${k.confidence}/10${k.status ? ` ${k.status.replace('_', ' ')}` : ''}`;
  return `- KR **${k.title}**: ${movement}${confidence}`;
}
export const conflictLine = (c: StatusFacts['conflicts'][number]) => `- Dependency conflict: ${c.message}`;
export const declineLine = (d: StatusFacts['declines'][number]) => `- Declined **${d.title}**${d.rationale ? `: ${d.rationale}` : ''}`;

