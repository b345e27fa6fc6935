import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { Description, Id, IsoDate, Name, Version, VersionedUpdate, listOf } from './common.js';
import { CalendarDate } from './discovery-research.js';

// Contracts of the releases module (issue 4): releases with their features and notes, and capacity per quarter.

/** Where a release stands. */
export const RELEASE_STATUSES = ['planned', 'released'] as const;
export type ReleaseStatus = (typeof RELEASE_STATUSES)[number];
/** The unit a workspace estimates effort and capacity in (roadmap_settings.capacity_unit). */
export const CAPACITY_UNITS = ['points', 'person_weeks'] as const;
export type CapacityUnit = (typeof CAPACITY_UNITS)[number];
/** Release notes are Markdown; long enough for a big release, short enough to stay a document. */
export const RELEASE_NOTES_MAX = 100_000;
/** The largest capacity a component can have in one quarter. */
export const CAPACITY_MAX = 1_000_000;

const ReleaseStatusSchema = z.enum(RELEASE_STATUSES).describe('planned or released');

// Quarters ('2027-Q1') are computed the same way by the server and the web.

const QUARTER_RE = /^(\d{4})-Q([1-4])$/;

/** A calendar quarter, YYYY-Qn. */
export const Quarter = z.string().regex(QUARTER_RE, 'must be a quarter as YYYY-Qn, e.g. 2027-Q1').describe('Calendar quarter, YYYY-Qn (e.g. 2027-Q1)');

/** Year and quarter number (1–4) of a 'YYYY-Qn' string, or null when it is not one. */
export function parseQuarter(quarter: string): { year: number; q: number } | null {
  const m = QUARTER_RE.exec(quarter);
  return m ? { year: Number(m[1]), q: Number(m[2]) } : null;
}

/** The quarter `by` quarters after (or before, when negative) the given one. */
export function shiftQuarter(quarter: string, by: number): string {
  const p = parseQuarter(quarter);
  if (!p) throw new Error(`not a quarter: ${quarter}`);
  const index = p.year * 4 + (p.q - 1) + by;
  return `${Math.floor(index / 4)}-Q${(((index % 4) + 4) % 4) + 1}`;
}

/** The quarter a 'YYYY-MM-DD' date (or a Date, in UTC) falls in. */
export function quarterOf(date: string | Date): string {
  const iso = typeof date === 'string' ? date : date.toISOString().slice(0, 10);
  return `${iso.slice(0, 4)}-Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;
}

/** First and last day ('YYYY-MM-DD') of a quarter. */
export function quarterBounds(quarter: string): { start: string; end: string } {
  const p = parseQuarter(quarter);
  if (!p) throw new Error(`not a quarter: ${quarter}`);
  const firstMonth = (p.q - 1) * 3 + 1;
  const start = `${p.year}-${String(firstMonth).padStart(2, '0')}-01`;
  // Day 0 of the month after the quarter is its last day.
  const end = new Date(Date.UTC(p.year, firstMonth + 2, 0)).toISOString().slice(0, 10);
  return { start, end };
}

// Releases

const Component = z.object({ id: Id, name: z.string() });

export const ReleaseSummary = z
  .object({
    id: Id,
    productId: Id.describe('Product the release belongs to'),
    name: z.string().describe('Name, e.g. "2027.1" or "Spring release"'),
    date: z.string().nullable().describe('Target or actual release date, YYYY-MM-DD; null while undecided'),
    status: ReleaseStatusSchema,
    description: z.string().describe('What the release is about, one paragraph'),
    componentIds: z.array(Id).describe('Components that take part in the release'),
    featureCount: z.number().int().describe('Features assigned to the release (for viewers, those not marked internal)'),
    shippedCount: z.number().int().describe('Of those, the features with status shipped'),
    version: Version,
    createdAt: IsoDate,
    updatedAt: IsoDate,
  })
  .describe('A release: name, date, components and how many of its features have shipped');
export type ReleaseSummary = z.infer<typeof ReleaseSummary>;

export const ReleaseFeature = z
  .object({
    id: Id,
    title: z.string(),
    component: Component.describe('Component the feature belongs to'),
    status: z.string().describe('Feature status: idea, discovery, planned, in_progress, shipped or wont_do'),
    effort: z.number().nullable().describe("Effort estimate in the workspace's capacity unit; null when not estimated or hidden from viewers"),
  })
  .describe('A feature assigned to the release');
export type ReleaseFeature = z.infer<typeof ReleaseFeature>;

export const ReleaseDetail = ReleaseSummary.extend({
  notes: z.string().describe('Release notes, Markdown (rendered sanitised)'),
  components: z.array(Component).describe('The components of the release, by name'),
  features: z.array(ReleaseFeature).describe('Its features, by component name then title'),
}).describe('A release with its components, features and notes');
export type ReleaseDetail = z.infer<typeof ReleaseDetail>;

export const ReleaseList = listOf(ReleaseSummary, 'Releases, by date (undated last), then name');
export type ReleaseList = z.infer<typeof ReleaseList>;
export const ReleaseParams = z.object({ workspaceId: Id, releaseId: Id.describe('Release id') });
export const ReleaseListQuery = z
  .object({
    productId: Id.optional().describe('Only the releases of this product'),
    status: ReleaseStatusSchema.optional().describe('Only planned or only released releases'),
  });

const ComponentIds = z.array(Id).max(200).describe('Components of the release; each must belong to its product');
const Notes = z.string().max(RELEASE_NOTES_MAX, `must be at most ${RELEASE_NOTES_MAX} characters`).describe('Release notes, Markdown');

export const CreateRelease = z
  .object({
    productId: Id.describe('Product of the release'),
    name: Name.describe('Name of the release'),
    date: CalendarDate.nullable().optional().describe('Release date, YYYY-MM-DD'),
    description: Description.optional().describe('What the release is about'),
    componentIds: ComponentIds.optional(),
  })
  .strict();
export type CreateRelease = z.infer<typeof CreateRelease>;

export const UpdateRelease = VersionedUpdate.extend({
  name: Name.optional(),
  date: CalendarDate.nullable().optional().describe('Release date; null clears it'),
  description: Description.optional(),
  status: ReleaseStatusSchema.optional(),
  componentIds: ComponentIds.optional().describe('Replaces the components'),
  notes: Notes.optional(),
}).strict();
export type UpdateRelease = z.infer<typeof UpdateRelease>;

export const ReleaseNotesDraft = z
  .object({
    notes: z.string().describe('Markdown drafted from the shipped features, grouped by component, each with a summary of its requirements'),
    featureCount: z.number().int().describe('Shipped features the draft covers'),
  })
  .describe('Drafted release notes; nothing is saved until the release is updated with them');
export type ReleaseNotesDraft = z.infer<typeof ReleaseNotesDraft>;

// Capacity

export const CapacityQuery = z
  .object({
    productId: Id.describe('Product whose components are planned'),
    quarter: Quarter,
  });
export type CapacityQuery = z.infer<typeof CapacityQuery>;

export const ComponentCapacity = z
  .object({
    componentId: Id,
    name: z.string().describe('Component name'),
    ownerId: Id.nullable().describe('Member id of the owner PM'),
    capacity: z.number().nullable().describe('Capacity in the quarter, in the workspace unit; null when not set'),
    planned: z.number().describe('Planned effort that falls in the quarter (prorated, see the endpoint), rounded to 2 decimals'),
    featureCount: z.number().int().describe('Planned or in-progress features with some effort in the quarter'),
    unestimatedCount: z.number().int().describe('Of those, features without an effort estimate (they add nothing to planned)'),
    overAllocated: z.boolean().describe('True when planned is above a set capacity'),
    utilisation: z.number().nullable().describe('planned ÷ capacity (1 = full); null when the capacity is not set or is 0'),
  })
  .describe('Planned effort against capacity for one component');
export type ComponentCapacity = z.infer<typeof ComponentCapacity>;

export const CapacityReport = z
  .object({
    productId: Id,
    quarter: Quarter,
    start: z.string().describe('First day of the quarter'),
    end: z.string().describe('Last day of the quarter'),
    unit: z.enum(CAPACITY_UNITS).describe('Unit of effort and capacity: points or person_weeks'),
    components: z.array(ComponentCapacity).describe('Every component of the product, by name'),
    totals: z
      .object({
        capacity: z.number().describe('Sum of the capacities that are set'),
        planned: z.number().describe('Sum of planned effort'),
        featureCount: z.number().int(),
        overAllocatedCount: z.number().int().describe('Components over their capacity'),
        utilisation: z.number().nullable().describe('Planned effort of the components with a capacity ÷ their capacity'),
      })
      .describe('The product as a whole'),
  })
  .describe("A product's planned effort against capacity in one quarter");
export type CapacityReport = z.infer<typeof CapacityReport>;

export const UpdateCapacity = z
  .object({
    capacities: z
      .array(
        z
          .object({
            componentId: Id.describe('A component of the product'),
            capacity: z
              .number()
              .min(0, 'must be at least 0')
              .max(CAPACITY_MAX, `must be at most ${CAPACITY_MAX}`)
              .nullable()
              .describe('Capacity in the quarter, in the workspace unit; null removes it'),
          })
          .strict(),
      )
      .max(LIMITS.pageSizeMax)
      .describe('Capacities to set; components left out keep theirs'),
  })
  .strict();
export type UpdateCapacity = z.infer<typeof UpdateCapacity>;
