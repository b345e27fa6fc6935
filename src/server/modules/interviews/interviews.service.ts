import { FEEDBACK_LIMITS, type CreateHighlight, type CreateInterview, type Interview, type InterviewSummary, type UpdateInterview } from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { invalid, notFound, versionConflict } from '../../lib/app-error.js';
import { authorize } from '../../lib/authorize.js';
import { newId } from '../../lib/ids.js';
import { recordAudit, recordUpdate } from '../audit/audit.service.js';
import { createFeedback } from '../feedback/feedback.service.js';
import { existingMemberIds } from '../members/members.repository.js';
import { existingOpportunityIds } from '../opportunities/opportunities.repository.js';
import { linkFeedback } from '../opportunities/opportunities.service.js';
import { requireVersion } from '../workspaces/workspaces.service.js';
import { presentInterview, presentInterviewSummary } from './interviews.presenter.js';
import {
  deleteInterviewRow,
  findContactRef,
  findInterviewRow,
  insertInterview,
  listHighlightRows,
  listInterviewRows,
  updateInterviewRow,
  type InterviewPatch,
} from './interviews.repository.js';

type Ctx = { db: Db; actor: WorkspaceActor };
type ListQuery = { contactId?: string; q?: string; limit: number; offset: number };

/** Interviews, newest first. */
export async function listInterviews({ db, actor, query }: Ctx & { query: ListQuery }): Promise<{ items: InterviewSummary[]; total: number }> {
  authorize(actor, 'interview.read');
  const { rows, total } = await listInterviewRows(db, actor.workspaceId, query);
  return { items: rows.map(presentInterviewSummary), total };
}

async function loadInterview(db: Db, workspaceId: string, interviewId: string): Promise<Interview> {
  const row = await findInterviewRow(db, workspaceId, interviewId);
  if (!row) throw notFound('Interview');
  return presentInterview(row, await listHighlightRows(db, workspaceId, interviewId));
}

/** An interview with its notes and highlights. */
export async function getInterview({ db, actor, interviewId }: Ctx & { interviewId: string }): Promise<Interview> {
  authorize(actor, 'interview.read');
  return loadInterview(db, actor.workspaceId, interviewId);
}

/** Participant and interviewer must belong to this workspace; anything else is a 400 naming the field. */
async function checkRefs(db: Db, workspaceId: string, input: { contactId?: string | null; interviewerId?: string | null }) {
  if (input.contactId && !(await findContactRef(db, workspaceId, input.contactId))) throw invalid('contactId', 'is not a contact of this workspace');
  if (input.interviewerId && !(await existingMemberIds(db, workspaceId, [input.interviewerId])).has(input.interviewerId)) {
    throw invalid('interviewerId', 'is not a member of this workspace');
  }
}

/** Records an interview; the interviewer defaults to the caller. */
export async function createInterview({ db, actor, input }: Ctx & { input: CreateInterview }): Promise<Interview> {
  authorize(actor, 'interview.create');
  const id = newId();
  return db.transaction(async (tx) => {
    await checkRefs(tx, actor.workspaceId, input);
    await insertInterview(tx, {
      id,
      workspaceId: actor.workspaceId,
      title: input.title,
      date: input.date,
      contactId: input.contactId ?? null,
      participantName: input.participantName ?? '',
      interviewerId: input.interviewerId === undefined ? actor.memberId : input.interviewerId,
      script: input.script ?? '',
      notes: input.notes ?? '',
    });
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'interview.create', entityType: 'interview', entityId: id, summary: `Recorded interview “${input.title}”` });
    return loadInterview(tx, actor.workspaceId, id);
  });
}

/** Edits an interview (its notes too; highlights already taken stay as they are). */
export async function updateInterview({ db, actor, interviewId, input }: Ctx & { interviewId: string; input: UpdateInterview }): Promise<Interview> {
  authorize(actor, 'interview.update');
  const version = requireVersion(input.version);
  return db.transaction(async (tx) => {
    const before = await findInterviewRow(tx, actor.workspaceId, interviewId);
    if (!before) throw notFound('Interview');
    await checkRefs(tx, actor.workspaceId, input);
    const { version: _version, ...fields } = input;
    const patch = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as InterviewPatch;
    if (!(await updateInterviewRow(tx, { workspaceId: actor.workspaceId, id: interviewId, version }, patch))) throw versionConflict('Interview');
    await recordUpdate(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'interview.update',
      entityType: 'interview',
      entityId: interviewId,
      label: `Updated interview “${before.title}”`,
      before,
      patch,
    });
    return loadInterview(tx, actor.workspaceId, interviewId);
  });
}

/** Deletes an interview; feedback taken from it stays, no longer tied to it. */
export async function deleteInterview({ db, actor, interviewId }: Ctx & { interviewId: string }): Promise<void> {
  authorize(actor, 'interview.delete');
  await db.transaction(async (tx) => {
    const before = await findInterviewRow(tx, actor.workspaceId, interviewId);
    if (!before) throw notFound('Interview');
    await deleteInterviewRow(tx, actor.workspaceId, interviewId);
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'interview.delete',
      entityType: 'interview',
      entityId: interviewId,
      summary: `Deleted interview “${before.title}”; its ${before.highlightCount} highlights stay as feedback`,
    });
  });
}

/**
 * Turns a selected range of the notes into a feedback item (source interview, the participant's
 * contact and customer, captured on the interview's day) and, with `opportunityId`, links it as evidence.
 * All in one transaction: a failed link leaves no orphan feedback.
 */
export async function createHighlight({ db, actor, interviewId, input }: Ctx & { interviewId: string; input: CreateHighlight }): Promise<{ feedbackId: string; opportunityId: string | null }> {
  authorize(actor, 'interview.update');
  if (input.opportunityId) authorize(actor, 'evidence.link');
  return db.transaction(async (tx) => {
    const interview = await findInterviewRow(tx, actor.workspaceId, interviewId);
    if (!interview) throw notFound('Interview');
    const { start, end } = input;
    const length = interview.notes.length;
    // Offsets are UTF-16 code units, as a browser selection reports them.
    if (!(start >= 0 && start < length)) throw invalid('start', `must be within the notes: 0 ≤ start < ${length}`);
    if (!(end > start && end <= length)) throw invalid('end', `must be after start and within the notes: ${start} < end ≤ ${length}`);
    const text = interview.notes.slice(start, end).trim();
    if (!text) throw invalid('end', 'the selected text is blank');
    if (text.length > FEEDBACK_LIMITS.textMax) throw invalid('end', `a highlight is at most ${FEEDBACK_LIMITS.textMax} characters`);
    if (input.opportunityId && !(await existingOpportunityIds(tx, actor.workspaceId, [input.opportunityId])).has(input.opportunityId)) {
      throw invalid('opportunityId', 'is not an opportunity of this workspace');
    }
    const created = await createFeedback({
      db: tx,
      actor,
      input: {
        text,
        source: 'interview',
        interviewId,
        contactId: interview.contactId,
        capturedAt: `${interview.date}T00:00:00.000Z`,
        ...(input.importance ? { importance: input.importance } : {}),
      },
    });
    if (input.opportunityId) await linkFeedback(tx, actor, input.opportunityId, { feedbackId: created.id, importance: input.importance });
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'interview.highlight',
      entityType: 'interview',
      entityId: interviewId,
      summary: `Highlighted “${text.slice(0, 80)}” in interview “${interview.title}”`,
    });
    return { feedbackId: created.id, opportunityId: input.opportunityId ?? null };
  });
}
