/**
 * The features API's shapes as the web uses them, inferred from the shared zod contracts
 * (src/shared/contracts/roadmap-features.ts), and the labels and colours of their enums.
 */
export type {
  FeatureDetail,
  FeatureEvidenceFeedback,
  FeatureEvidenceOpportunity,
  FeatureExperiment,
  FeatureHistoryEntry,
  FeatureHorizon,
  FeatureList,
  FeatureRequirements,
  FeatureRollup,
  FeatureStatus,
  FeatureSummary,
  RequirementRevision,
  RequirementRevisionMeta,
} from '../../../shared/contracts.js';
export { FEATURE_HORIZONS, FEATURE_LIMITS, FEATURE_STATUSES } from '../../../shared/contracts.js';
import type { FeatureHorizon, FeatureStatus } from '../../../shared/contracts.js';

export const FEATURE_STATUS_LABELS: Record<FeatureStatus, string> = {
  idea: 'Idea',
  discovery: 'Discovery',
  planned: 'Planned',
  in_progress: 'In progress',
  shipped: 'Shipped',
  wont_do: 'Won’t do',
};
export const FEATURE_STATUS_COLORS: Record<FeatureStatus, string> = {
  idea: 'gray',
  discovery: 'grape',
  planned: 'blue',
  in_progress: 'orange',
  shipped: 'teal',
  wont_do: 'red',
};
export const HORIZON_LABELS: Record<FeatureHorizon, string> = { now: 'Now', next: 'Next', later: 'Later' };

/** A release as the pickers list it (GET /releases?productId=). */
export interface ReleaseOption {
  id: string;
  productId: string;
  name: string;
  date: string | null;
  status: string;
}
