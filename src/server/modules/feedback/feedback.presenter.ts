import type { Feedback, FeedbackListItem, FeedbackSource, FeedbackStatus } from '../../../shared/contracts.js';
import type { FeedbackListRow } from './feedback-list.repository.js';
import type { FeedbackDetail } from './feedback.repository.js';

export function presentFeedback(f: FeedbackDetail): Feedback {
  return {
    id: f.id,
    text: f.text,
    source: f.source as FeedbackSource,
    status: f.status as FeedbackStatus,
    importance: f.importance,
    tags: f.tags,
    customer: f.customer,
    contact: f.contact,
    capturedBy: f.capturedBy,
    capturedAt: f.capturedAt.toISOString(),
    interviewId: f.interviewId,
    components: f.components,
    evidence: f.evidence,
    requesters: f.requesters,
    mergedIntoId: f.mergedIntoId,
    mergedIds: f.mergedIds,
    version: f.version,
    createdAt: f.createdAt.toISOString(),
    updatedAt: f.updatedAt.toISOString(),
  };
}

export function presentFeedbackListItem(r: FeedbackListRow): FeedbackListItem {
  return {
    id: r.id,
    text: r.text,
    snippet: r.snippet,
    source: r.source as FeedbackSource,
    status: r.status as FeedbackStatus,
    importance: r.importance,
    tags: r.tags,
    componentIds: r.componentIds,
    customer: r.customer,
    contactId: r.contactId,
    capturedAt: r.capturedAt.toISOString(),
    opportunityCount: r.opportunityCount,
    mergedIntoId: r.mergedIntoId,
    version: r.version,
  };
}

/** The opaque cursor of a page: base64url of the last row's exact (captured_at, id). */
export const encodeCursor = (r: FeedbackListRow): string => Buffer.from(JSON.stringify([r.capturedAtKey, r.id])).toString('base64url');
