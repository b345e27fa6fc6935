/** The roadmap API's shapes as the web uses them, inferred from the shared zod contracts (src/shared/contracts/roadmap-roadmap.ts). */
export type {
  FeatureHorizon,
  FeatureInternalField,
  FeatureStatus,
  Roadmap,
  RoadmapCard,
  RoadmapSettings,
  RoadmapViewFilters,
  RoadmapViewKind,
  SavedView,
} from '../../../shared/contracts.js';
export { CAPACITY_UNITS, FEATURE_INTERNAL_FIELDS, FEATURE_STATUSES } from '../../../shared/contracts.js';
import type { FeatureInternalField, RoadmapViewFilters } from '../../../shared/contracts.js';

/** The filters of the roadmap page: what GET /roadmap narrows by (a saved view stores them too). */
export type RoadmapFilters = Omit<RoadmapViewFilters, 'view' | 'productId'>;

export const INTERNAL_FIELD_LABELS: Record<FeatureInternalField, { label: string; description: string }> = {
  effort: { label: 'Effort', description: 'The estimate, in the capacity unit' },
  scores: { label: 'Scores', description: 'Prioritization scores and their inputs' },
  description: { label: 'Description', description: 'The feature’s description' },
  requirements: { label: 'Requirements', description: 'The requirements document' },
  evidence: { label: 'Evidence', description: 'Linked feedback and opportunities, and their counts' },
  owner: { label: 'Owner', description: 'The PM who owns the feature' },
};
