import type { FeatureInternalField, RoadmapCard, FeatureHorizon, FeatureStatus } from '../../../shared/contracts.js';
import { stakeholderView } from '../features/features.stakeholder.js';
import type { CardRow } from './roadmap.repository.js';

/** The internal fields that touch a card: the ones a stakeholder's answer names as hidden. */
const CARD_FIELDS: ReadonlySet<FeatureInternalField> = new Set<FeatureInternalField>(['effort', 'owner', 'evidence']);
export const hiddenCardFields = (internal: readonly FeatureInternalField[]): FeatureInternalField[] => internal.filter((f) => CARD_FIELDS.has(f));

/**
 * A card as the API shows it. With `hidden` (the stakeholder version) the features module's helper
 * nulls the internal fields, so a card and a feature page never disagree; the evidence count is the
 * card's own field, nulled here with the rest of the evidence.
 */
export function presentCard(row: CardRow, hidden: readonly FeatureInternalField[] = []): RoadmapCard {
  const card: RoadmapCard = {
    id: row.id,
    componentId: row.componentId,
    title: row.title,
    status: row.status as FeatureStatus,
    horizon: row.horizon as FeatureHorizon | null,
    boardRank: row.boardRank,
    startDate: row.startDate,
    endDate: row.endDate,
    effort: row.effort,
    ownerId: row.ownerId,
    releaseId: row.releaseId,
    pillarId: row.pillarId,
    evidenceCount: row.evidenceCount,
    internal: row.internal,
    version: row.version,
  };
  if (!hidden.length) return card;
  const view = stakeholderView(card, hidden);
  return hidden.includes('evidence') ? { ...view, evidenceCount: null } : view;
}
