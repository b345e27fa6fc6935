import type { ReleaseDetail, ReleaseStatus, ReleaseSummary } from '../../../shared/contracts.js';
import type { ReleaseFeatureRow, ReleaseFull } from './releases.repository.js';

/** A release as lists show it. */
export function presentRelease(r: ReleaseFull): ReleaseSummary {
  return {
    id: r.id,
    productId: r.productId,
    name: r.name,
    date: r.date,
    status: r.status as ReleaseStatus,
    description: r.description,
    componentIds: r.componentIds,
    featureCount: r.featureCount,
    shippedCount: r.shippedCount,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** A release with its components, features and notes; `hideEffort` blanks effort for viewers when it is internal. */
export function presentReleaseDetail(r: ReleaseFull, components: { id: string; name: string }[], features: ReleaseFeatureRow[], hideEffort: boolean): ReleaseDetail {
  return {
    ...presentRelease(r),
    notes: r.notes,
    components,
    features: features.map((f) => ({
      id: f.id,
      title: f.title,
      component: { id: f.componentId, name: f.componentName },
      status: f.status,
      effort: hideEffort || f.effort === null ? null : Number(f.effort),
    })),
  };
}
