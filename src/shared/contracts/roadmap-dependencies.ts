import { z } from 'zod';
import { Id, IsoDate } from './common.js';
import { FeatureHorizonSchema, FeatureStatusSchema, IsoDay } from './roadmap-features.js';

// Contracts of the dependencies module (issue 4): "feature A needs feature B", its conflicts, the
// product's dependency graph and the what-if preview of a plan change.

/**
 * Why an edge "A needs B" is in conflict, most serious first. For a feature X, open = neither shipped nor
 * won't do; committed = planned or in progress, or open and in the now/next horizon; scheduled = has a
 * horizon or a date.
 */
export const DEPENDENCY_CONFLICT_REASONS = ['prerequisite_wont_do', 'prerequisite_unplanned', 'ends_after_start', 'horizon_order'] as const;
export type DependencyConflictReason = (typeof DEPENDENCY_CONFLICT_REASONS)[number];

export const DependencyConflictReasonSchema = z
  .enum(DEPENDENCY_CONFLICT_REASONS)
  .describe(
    [
      'prerequisite_wont_do: B is won’t do while A is open;',
      'prerequisite_unplanned: A is committed and B is open but not committed (an idea or in discovery outside now/next), or has no horizon or dates while A has;',
      'ends_after_start: both open and B’s end date is after A’s start date;',
      'horizon_order: both open, B’s horizon after A’s (now < next < later), and the dates cannot decide (A has no start or B no end).',
    ].join(' '),
  );

export const DependencyConflict = z
  .object({
    reason: DependencyConflictReasonSchema,
    message: z.string().describe('The conflict in words, naming both features'),
  })
  .describe('One conflict of a dependency');
export type DependencyConflict = z.infer<typeof DependencyConflict>;

export const DependencyFeatureRef = z
  .object({
    id: Id.describe('Feature id'),
    title: z.string(),
    componentId: Id,
    componentName: z.string(),
    productId: Id,
    productName: z.string(),
    status: FeatureStatusSchema,
    horizon: FeatureHorizonSchema.nullable().describe('Board column; null when not on the board'),
    startDate: IsoDay.nullable(),
    endDate: IsoDay.nullable(),
  })
  .describe('A feature at one end of a dependency, with the fields the conflict rules read');
export type DependencyFeatureRef = z.infer<typeof DependencyFeatureRef>;

export const CreateDependency = z
  .object({
    featureId: Id.describe('Feature A, the dependent: it needs the other first'),
    dependsOnId: Id.describe('Feature B, the prerequisite; in the same workspace, any component or product'),
    note: z.string().trim().max(500, 'must be at most 500 characters').optional().describe('Why A needs B'),
  })
  .strict();
export type CreateDependency = z.infer<typeof CreateDependency>;

export const Dependency = z
  .object({
    id: Id.describe('Dependency id'),
    featureId: Id.describe('Feature A (needs B)'),
    dependsOnId: Id.describe('Feature B (needed by A)'),
    note: z.string(),
    createdAt: IsoDate,
    conflicts: z.array(DependencyConflict).describe('Its conflicts now, most serious first; empty when none'),
  })
  .describe('A dependency: feature A needs feature B');
export type Dependency = z.infer<typeof Dependency>;

export const DependencyParams = z.object({ workspaceId: Id, dependencyId: Id.describe('Dependency id') });

export const FeatureDependenciesQuery = z.object({ featureId: Id.describe('The feature whose dependencies to list') });

export const DependencyLink = z
  .object({
    id: Id.describe('Dependency id (for removing it)'),
    note: z.string(),
    createdAt: IsoDate,
    feature: DependencyFeatureRef.describe('The feature at the other end'),
    conflicts: z.array(DependencyConflict).describe('Conflicts of this dependency, most serious first'),
  })
  .describe('One dependency seen from a feature');
export type DependencyLink = z.infer<typeof DependencyLink>;

export const FeatureDependencies = z
  .object({
    feature: DependencyFeatureRef,
    needs: z.array(DependencyLink).describe('Prerequisites: features this one needs first (it is A)'),
    neededBy: z.array(DependencyLink).describe('Dependents: features that need this one (it is B)'),
  })
  .describe("A feature's dependencies both ways, with their conflicts");
export type FeatureDependencies = z.infer<typeof FeatureDependencies>;

export const DependencyProductQuery = z.object({ productId: Id.describe('Product: a dependency is in it when its dependent feature (A) is') });

const EndRef = z.object({ id: Id, title: z.string(), componentId: Id, componentName: z.string(), productId: Id });

export const DependencyConflictItem = z
  .object({
    dependencyId: Id,
    featureId: Id.describe('Feature A, the dependent'),
    dependsOnId: Id.describe('Feature B, the prerequisite'),
    reason: DependencyConflictReasonSchema.describe('The most serious reason'),
    message: z.string().describe('The most serious reason in words'),
    reasons: z.array(DependencyConflict).describe('Every reason, most serious first'),
    feature: EndRef.describe('Feature A'),
    dependsOn: EndRef.describe('Feature B (may be in another product)'),
  })
  .describe('A dependency in conflict');
export type DependencyConflictItem = z.infer<typeof DependencyConflictItem>;

export const DependencyConflictList = z
  .object({ items: z.array(DependencyConflictItem), total: z.number().int().describe('Dependencies in conflict') })
  .describe("The product's dependencies in conflict, most serious first");
export type DependencyConflictList = z.infer<typeof DependencyConflictList>;

export const DependencyGraphNode = DependencyFeatureRef.extend({
  depth: z.number().int().describe('0 for a feature that needs none of the graph, else one more than its deepest prerequisite: the column of a left-to-right drawing'),
  inProduct: z.boolean().describe('False for a prerequisite from another product'),
}).describe('A feature with at least one dependency in the product');
export type DependencyGraphNode = z.infer<typeof DependencyGraphNode>;

export const DependencyGraphEdge = z
  .object({
    id: Id.describe('Dependency id'),
    featureId: Id.describe('Feature A (needs B)'),
    dependsOnId: Id.describe('Feature B'),
    conflicts: z.array(DependencyConflict).describe('Empty when the dependency is fine'),
  })
  .describe('A dependency in the graph');
export type DependencyGraphEdge = z.infer<typeof DependencyGraphEdge>;

export const DependencyGraph = z
  .object({
    productId: Id,
    nodes: z.array(DependencyGraphNode).describe('By depth, then component, then title'),
    edges: z.array(DependencyGraphEdge),
    conflictCount: z.number().int().describe('Edges with at least one conflict'),
  })
  .describe("The product's dependency graph");
export type DependencyGraph = z.infer<typeof DependencyGraph>;

export const DependencyPreviewInput = z
  .object({
    featureId: Id.describe('The feature whose plan would change'),
    status: FeatureStatusSchema.optional().describe('Proposed status; the current one when left out'),
    horizon: FeatureHorizonSchema.nullable().optional().describe('Proposed horizon; null takes it off the board'),
    startDate: IsoDay.nullable().optional().describe('Proposed start date; null clears it'),
    endDate: IsoDay.nullable().optional().describe('Proposed end date, on or after the start date; null clears it'),
  })
  .strict();
export type DependencyPreviewInput = z.infer<typeof DependencyPreviewInput>;

export const DependencyPreviewItem = z
  .object({
    dependencyId: Id,
    direction: z.enum(['needs', 'neededBy']).describe('needs: the other feature is a prerequisite; neededBy: it is a dependent'),
    feature: DependencyFeatureRef.describe('The feature at the other end'),
    conflicts: z.array(DependencyConflict).describe('Conflicts of the dependency after the change (for `resolved`: before it)'),
    new: z.boolean().describe('True when the dependency is not in conflict today'),
  })
  .describe('A dependency the change would affect');
export type DependencyPreviewItem = z.infer<typeof DependencyPreviewItem>;

export const DependencyPreviewKeyResult = z
  .object({
    id: Id.describe('Key result id'),
    title: z.string(),
    objectiveId: Id,
    objectiveTitle: z.string(),
    featureIds: z.array(Id).describe('The features behind it that the change would hurt: the changed one and the dependents it would push into conflict'),
    why: z
      .array(z.string())
      .min(1)
      .describe('One sentence per such feature, e.g. drives “X”, which would conflict: “Y” ends on …, after “X” starts on …'),
    new: z.boolean().describe('True when at least one of those features is fine today'),
  })
  .describe('A key result the change would put at risk');
export type DependencyPreviewKeyResult = z.infer<typeof DependencyPreviewKeyResult>;

export const DependencyPreview = z
  .object({
    feature: DependencyFeatureRef.describe('The feature as it would be after the change'),
    conflicts: z.array(DependencyPreviewItem).describe('Dependencies that would be in conflict, new ones first'),
    resolved: z.array(DependencyPreviewItem).describe('Dependencies in conflict today that the change would clear'),
    keyResults: z
      .array(DependencyPreviewKeyResult)
      .describe(
        'Key results (of active objectives whose period has not ended) driven by the changed feature, when it would conflict, end after the period, be overdue or be dropped, or by a dependent the change would push into conflict. New ones first.',
      ),
  })
  .describe('What a plan change would do to the dependencies around a feature; nothing is saved');
export type DependencyPreview = z.infer<typeof DependencyPreview>;
