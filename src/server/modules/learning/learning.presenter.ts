import type { LearningEntry } from '../../../shared/contracts.js';
import type { LearningType } from '../../../shared/coaching.js';
import type { LearningFull } from './learning.repository.js';

/** Whether the actor may edit or delete the entry: the person, or whoever logged it. */
export function canEditEntry(actor: { memberId: string }, entry: Pick<LearningFull, 'personId' | 'loggedBy'>): boolean {
  return actor.memberId === entry.personId || actor.memberId === entry.loggedBy?.id;
}

/** A learning entry as the API shows it to this actor. */
export function presentLearningEntry(e: LearningFull, actor: { memberId: string }): LearningEntry {
  return {
    id: e.id,
    personId: e.personId,
    person: { id: e.personId, name: e.personName },
    resource: e.resource,
    url: e.url,
    type: e.type as LearningType,
    competencyId: e.competencyId,
    competency: e.competency,
    takeaway: e.takeaway,
    learnedOn: e.learnedOn,
    loggedBy: e.loggedBy ?? { id: e.personId, name: e.personName },
    canEdit: canEditEntry(actor, e),
    version: e.version,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}
