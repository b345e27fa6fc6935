import type { Experiment, ExperimentResult, ExperimentStatus, ExperimentType } from '../../../shared/contracts.js';
import type { ExperimentFull } from './experiments.repository.js';

/** An experiment as the API shows it. */
export function presentExperiment(x: ExperimentFull): Experiment {
  return {
    id: x.id,
    title: x.title,
    hypothesis: x.hypothesis,
    type: x.type as ExperimentType,
    metric: x.metric,
    successCriterion: x.successCriterion,
    startsOn: x.startsOn,
    endsOn: x.endsOn,
    status: x.status as ExperimentStatus,
    result: x.result as ExperimentResult | null,
    learning: x.learning,
    decision: x.decision,
    ownerId: x.ownerId,
    owner: x.ownerId ? { id: x.ownerId, name: x.ownerName ?? 'Unknown' } : null,
    opportunityIds: x.opportunities.map((o) => o.id),
    opportunities: x.opportunities,
    features: x.features,
    version: x.version,
    createdAt: x.createdAt.toISOString(),
    updatedAt: x.updatedAt.toISOString(),
  };
}
