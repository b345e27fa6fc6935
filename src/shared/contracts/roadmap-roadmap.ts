import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { Id, IsoDate, Version } from './common.js';
import { FEATURE_HORIZONS, FEATURE_INTERNAL_FIELDS, FEATURE_STATUSES } from './roadmap-features.js';
import { CAPACITY_UNITS } from './roadmap-releases.js';

// Contracts of the roadmap module (issue 4): the board and timeline read, moving a card, saved views
// and the roadmap settings (capacity unit, fields hidden from stakeholders).

export const ROADMAP_VIEWS = ['horizon', 'timeline'] as const;
export type RoadmapViewKind = (typeof ROADMAP_VIEWS)[number];

export const ROADMAP_LIMITS = {
  /** Ids per filter list. */
  filterIdsMax: 200,
  viewsPerMember: 100,
} as const;

const Horizon = z.enum(FEATURE_HORIZONS).describe('Board column: now, next or later');
const Status = z.enum(FEATURE_STATUSES).describe('Feature status');
const View = z.enum(ROADMAP_VIEWS).describe('horizon: the Now / Next / Later board; timeline: the dated, quarterly view');
const YMD = z.string().describe('YYYY-MM-DD');

/** A query list: comma-separated (`a,b`) or the parameter repeated; each value checked by `item`. */
function queryList<T extends z.ZodTypeAny>(item: T, description: string) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((raw) => (Array.isArray(raw) ? raw : [raw]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean))
    // The cast: an enum's input type is its literals, which zod's pipe typing does not see as strings.
    .pipe(z.array(item).max(ROADMAP_LIMITS.filterIdsMax, `must list at most ${ROADMAP_LIMITS.filterIdsMax} values`) as unknown as z.ZodType<z.output<T>[], string[]>)
    .optional()
    .describe(`${description}; comma-separated or repeated`);
}

export const RoadmapQuery = z.object({
  productId: Id.describe('The product whose roadmap to read'),
  view: View.default('horizon'),
  componentIds: queryList(Id, 'Only these components (lanes)'),
  pillarIds: queryList(Id, 'Only features serving these strategic pillars'),
  statuses: queryList(Status, 'Only features with these statuses'),
  ownerIds: queryList(Id, 'Only features owned by these members (ignored for a viewer when owners are internal)'),
  releaseIds: queryList(Id, 'Only features in these releases'),
});
export type RoadmapQuery = z.infer<typeof RoadmapQuery>;

export const RoadmapLane = z
  .object({
    id: Id.describe('Component id'),
    name: z.string(),
    ownerId: Id.nullable().describe('Member id of the owner PM'),
    ownerName: z.string().nullable(),
    featureCount: z.number().int().describe('Cards in this lane in the answer'),
  })
  .describe('A swimlane: one component of the product');

export const RoadmapCard = z
  .object({
    id: Id,
    componentId: Id,
    title: z.string(),
    status: Status,
    horizon: Horizon.nullable(),
    boardRank: z.number().describe('Order within its lane (component and horizon), ascending'),
    startDate: YMD.nullable(),
    endDate: YMD.nullable(),
    effort: z.number().nullable().describe('In the capacity unit; null when not estimated, or when effort is internal and the caller reads the stakeholder version'),
    ownerId: Id.nullable().describe('Owner PM (member id); null when the owner is internal for the caller'),
    releaseId: Id.nullable(),
    pillarId: Id.nullable().describe('Strategic pillar it serves'),
    evidenceCount: z.number().int().nullable().describe('Feedback items and opportunities linked as evidence; null when evidence is internal for the caller'),
    internal: z.boolean().describe('Hidden from stakeholders altogether (never true in the stakeholder version, which leaves such features out)'),
    version: Version,
  })
  .describe('A feature as a roadmap card: the fields the board and timeline show');
export type RoadmapCard = z.infer<typeof RoadmapCard>;

export const RoadmapRelease = z
  .object({ id: Id, name: z.string(), date: YMD.nullable(), status: z.string().describe('planned or released') })
  .describe('A release of the product, a marker on the timeline');

export const RoadmapDependency = z
  .object({
    id: Id,
    featureId: Id.describe('The dependent feature (A needs B)'),
    dependsOnId: Id.describe('The prerequisite (B)'),
    conflict: z.boolean().describe('True when the edge is in conflict by the rules of GET /dependencies/conflicts'),
    reason: z.string().nullable().describe('The most serious conflict, in words; null without a conflict'),
  })
  .describe('A dependency between two features of the answer');

export const Roadmap = z
  .object({
    view: View,
    product: z.object({ id: Id, name: z.string() }),
    components: z.array(RoadmapLane).describe('Lanes, by component name'),
    features: z.array(RoadmapCard).describe('horizon: features on the board (not won’t do), by lane, horizon and rank; timeline: features with dates, by lane and start'),
    releases: z.array(RoadmapRelease).describe('Releases of the product, by date'),
    dependencies: z.array(RoadmapDependency).describe('Dependencies whose both ends are among `features`'),
    stakeholderView: z.boolean().describe('True for viewers: internal features left out and internal fields nulled'),
    hiddenFields: z.array(z.enum(FEATURE_INTERNAL_FIELDS)).describe('Internal fields nulled on the cards for this caller (the stakeholder version); empty for the product team'),
    capacityUnit: z.enum(CAPACITY_UNITS),
  })
  .describe('The roadmap of a product');
export type Roadmap = z.infer<typeof Roadmap>;

export const MoveRoadmapCard = z
  .object({
    featureId: Id.describe('The feature to move'),
    horizon: Horizon.describe('Target column'),
    beforeId: Id.optional().describe('Put the card just before this card of the target lane'),
    afterId: Id.optional().describe('Put the card just after this card of the target lane'),
    version: Version,
  })
  .strict()
  .describe('Move a card: a lane is one component’s column, so the component never changes. Give beforeId or afterId, or neither to put it last');
export type MoveRoadmapCard = z.infer<typeof MoveRoadmapCard>;

// Saved views

const ViewName = z.string().trim().min(1, 'must not be empty').max(LIMITS.nameMax, `must be at most ${LIMITS.nameMax} characters`);
const IdList = z.array(Id).max(ROADMAP_LIMITS.filterIdsMax, `must list at most ${ROADMAP_LIMITS.filterIdsMax} values`);

export const RoadmapViewFilters = z
  .object({
    view: View.optional(),
    productId: Id.optional().describe('The product the view is for'),
    componentIds: IdList.optional(),
    pillarIds: IdList.optional(),
    statuses: z.array(Status).max(FEATURE_STATUSES.length).optional(),
    ownerIds: IdList.optional(),
    releaseIds: IdList.optional(),
  })
  .strict()
  .describe('What a saved view shows: the layout and the filters of GET /roadmap');
export type RoadmapViewFilters = z.infer<typeof RoadmapViewFilters>;

export const SavedView = z
  .object({
    id: Id,
    name: z.string(),
    shared: z.boolean().describe('Shared with the whole workspace'),
    ownerId: Id.describe('Member who saved it'),
    ownerName: z.string().nullable(),
    filters: RoadmapViewFilters,
    canEdit: z.boolean().describe('The caller may rename, change or delete it'),
    version: Version,
    createdAt: IsoDate,
    updatedAt: IsoDate,
  })
  .describe('A saved roadmap view');
export type SavedView = z.infer<typeof SavedView>;

export const SavedViewList = z.object({ items: z.array(SavedView).describe('Your views, then shared ones, by name') }).describe('Saved views the caller can use');
export const SavedViewParams = z.object({ workspaceId: Id, viewId: Id });
export const CreateSavedView = z
  .object({ name: ViewName.describe('View name'), filters: RoadmapViewFilters, shared: z.boolean().optional().describe('Share with the workspace (leads, admins and PMs)') })
  .strict();
export const UpdateSavedView = z
  .object({ name: ViewName.optional(), filters: RoadmapViewFilters.optional(), version: Version.optional() })
  .strict()
  .describe('Rename a view or replace its filters');
export const ShareSavedView = z.object({ shared: z.boolean().describe('Share with the workspace, or make private again'), version: Version.optional() }).strict();
export type CreateSavedView = z.infer<typeof CreateSavedView>;
export type UpdateSavedView = z.infer<typeof UpdateSavedView>;
export type ShareSavedView = z.infer<typeof ShareSavedView>;

// Settings

export const RoadmapSettings = z
  .object({
    capacityUnit: z.enum(CAPACITY_UNITS).describe('Unit of effort and capacity: story points or person-weeks'),
    internalFields: z.array(z.enum(FEATURE_INTERNAL_FIELDS)).describe('Feature fields hidden from stakeholders (viewers)'),
    version: Version,
  })
  .describe('Roadmap settings of the workspace');
export type RoadmapSettings = z.infer<typeof RoadmapSettings>;
export const UpdateRoadmapSettings = z
  .object({
    capacityUnit: z.enum(CAPACITY_UNITS).describe('Unit of effort and capacity'),
    internalFields: z.array(z.enum(FEATURE_INTERNAL_FIELDS)).max(FEATURE_INTERNAL_FIELDS.length).describe('Fields to hide from stakeholders'),
    version: Version.optional(),
  })
  .strict();
export type UpdateRoadmapSettings = z.infer<typeof UpdateRoadmapSettings>;
