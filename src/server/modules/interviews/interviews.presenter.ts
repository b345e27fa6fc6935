import type { Interview, InterviewSummary } from '../../../shared/contracts.js';
import type { HighlightRow, InterviewFull } from './interviews.repository.js';

/** An interview as lists show it (without script and notes). */
export function presentInterviewSummary(i: InterviewFull): InterviewSummary {
  return {
    id: i.id,
    title: i.title,
    date: i.date,
    contactId: i.contactId,
    contact: i.contactId
      ? { id: i.contactId, name: i.contactName ?? 'Unknown', customer: i.customerId ? { id: i.customerId, name: i.customerName ?? 'Unknown' } : null }
      : null,
    participantName: i.participantName,
    interviewerId: i.interviewerId,
    interviewer: i.interviewerId ? { id: i.interviewerId, name: i.interviewerName ?? 'Unknown' } : null,
    highlightCount: i.highlightCount,
    version: i.version,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
  };
}

/** An interview with its script, raw Markdown notes and highlights. */
export function presentInterview(i: InterviewFull, highlights: HighlightRow[]): Interview {
  return {
    ...presentInterviewSummary(i),
    script: i.script,
    notes: i.notes,
    highlights: highlights.map((h) => ({ id: h.id, text: h.text, importance: h.importance, status: h.status, opportunityIds: h.opportunityIds, capturedAt: h.capturedAt.toISOString() })),
  };
}
