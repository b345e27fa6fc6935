import type { Db } from '../../db/client.js';
import { recordAudit } from '../audit/audit.service.js';
import { defineJob, enqueueJob } from '../jobs/jobs.service.js';
import { notify } from '../notifications/notifications.service.js';
import { requestersOf } from '../requests/requests.requesters.js';
import { queueEmails, type OutgoingEmail } from './outreach.email.js';
import { outcomeEmail, outcomeMessage, readableDay, shippedEmail, shippedMessage } from './outreach.messages.js';
import {
  alreadyToldShipped,
  deciderUserIds,
  featureAskers,
  findDecisionFacts,
  findFeatureFacts,
  markRequestsNotified,
  reopenDeferred,
  userEmails,
} from './outreach.repository.js';

/** People to tell: member accounts in the app, outside addresses by email; each person once. */
class Audience {
  readonly userIds: string[] = [];
  readonly emails: { to: string; name: string | null }[] = [];
  private readonly seenUsers = new Set<string>();
  private readonly seenEmails = new Set<string>();

  constructor(skipUsers: Iterable<string> = [], skipEmails: Iterable<string> = []) {
    for (const u of skipUsers) this.seenUsers.add(u);
    for (const e of skipEmails) this.seenEmails.add(e.toLowerCase());
  }

  addUser(userId: string): void {
    if (this.seenUsers.has(userId)) return;
    this.seenUsers.add(userId);
    this.userIds.push(userId);
  }

  addEmail(email: string, name: string | null): void {
    const key = email.trim().toLowerCase();
    if (!key || this.seenEmails.has(key)) return;
    this.seenEmails.add(key);
    this.emails.push({ to: email.trim(), name });
  }

  /** Outside addresses that are a member's own account email hear in the app already. */
  async dropMemberEmails(db: Db): Promise<void> {
    const own = new Set(await userEmails(db, this.userIds));
    for (let i = this.emails.length - 1; i >= 0; i--) if (own.has(this.emails[i]!.to.toLowerCase())) this.emails.splice(i, 1);
  }
}

/**
 * Closing the loop (issue 7): requesters hear the outcome of their request, and everyone who asked for
 * a feature hears when it ships, in the app and by email when SMTP is configured. The requests module
 * calls these after a decision commits; the features module after a feature becomes shipped.
 */
export async function notifyRequestOutcome(db: Db, input: { workspaceId: string; requestId: string; decisionId: string }): Promise<void> {
  const facts = await findDecisionFacts(db, input.workspaceId, input.requestId, input.decisionId);
  if (!facts) return;
  const requesters = await requestersOf(db, input.workspaceId, input.requestId);
  // Whoever decided knows the outcome already.
  const audience = new Audience(facts.deciderUserId ? [facts.deciderUserId] : []);
  for (const r of requesters) {
    if (r.userId) audience.addUser(r.userId);
    if (r.contactEmail) audience.addEmail(r.contactEmail, r.contactName);
  }
  await audience.dropMemberEmails(db);
  const message = outcomeMessage(facts);
  await notify(db, {
    workspaceId: input.workspaceId,
    userIds: audience.userIds,
    kind: message.kind,
    title: message.title,
    body: message.body,
    link: `/w/${input.workspaceId}/requests/${input.requestId}`,
  });
  const emails: OutgoingEmail[] = audience.emails.map((e) => ({ to: e.to, ...outcomeEmail(facts, message, e.name) }));
  await queueEmails(db, { workspaceId: input.workspaceId, kind: message.kind, entityId: input.requestId, messages: emails });
  await markRequestsNotified(db, input.workspaceId, [...new Set([input.requestId, ...requesters.map((r) => r.requestId)])]);
}

/** Tells everyone who asked for the feature that it shipped: accepted and merged requests' requesters, and linked feedback's contacts. */
export async function notifyFeatureShipped(db: Db, input: { workspaceId: string; featureId: string }): Promise<void> {
  const feature = await findFeatureFacts(db, input.workspaceId, input.featureId);
  if (!feature || feature.status !== 'shipped') return;
  const link = `/w/${input.workspaceId}/features/${input.featureId}`;
  // A feature shipped, reopened and shipped again does not tell the same people twice.
  const told = await alreadyToldShipped(db, input.workspaceId, input.featureId, link);
  const audience = new Audience(told.userIds, told.emails);
  const askers = await featureAskers(db, input.workspaceId, input.featureId);
  for (const a of askers) {
    if (a.userId) audience.addUser(a.userId);
    else if (a.email) audience.addEmail(a.email, a.name);
  }
  await audience.dropMemberEmails(db);
  const message = shippedMessage(feature);
  await notify(db, { workspaceId: input.workspaceId, userIds: audience.userIds, kind: 'feature.shipped', title: message.title, body: message.body, link });
  await queueEmails(db, {
    workspaceId: input.workspaceId,
    kind: 'feature.shipped',
    entityId: input.featureId,
    messages: audience.emails.map((e) => ({ to: e.to, ...shippedEmail(feature, e.name) })),
  });
  const requestIds = [...new Set(askers.flatMap((a) => (a.requestId ? [a.requestId] : [])))];
  await markRequestsNotified(db, input.workspaceId, requestIds);
}

/** The moment a deferred request returns to triage: 08:00 UTC on its revisit day. */
export function revisitAt(revisitOn: string): Date {
  return new Date(`${revisitOn}T08:00:00.000Z`);
}

/** Brings a deferred request back into triage on its revisit date (a job), and reminds the deciders. */
export async function scheduleRevisit(db: Db, input: { workspaceId: string; requestId: string; revisitOn: string }): Promise<void> {
  await enqueueJob(db, {
    kind: 'request.revisit',
    workspaceId: input.workspaceId,
    payload: { workspaceId: input.workspaceId, requestId: input.requestId, revisitOn: input.revisitOn },
    runAt: revisitAt(input.revisitOn),
  });
}

// On the revisit day, a request still deferred to that day returns to `new`; the leads, admins and the
// component's owner hear that it is back in triage. A later decision or another date makes this a no-op.
defineJob('request.revisit', async (db, payload) => {
  const workspaceId = String(payload.workspaceId);
  const requestId = String(payload.requestId);
  const revisitOn = String(payload.revisitOn);
  const reopened = await reopenDeferred(db, workspaceId, requestId, revisitOn);
  if (!reopened) return;
  await recordAudit(db, null, {
    workspaceId,
    action: 'request.revisit',
    entityType: 'request',
    entityId: requestId,
    summary: `Request “${reopened.title}” came back into triage (deferred until ${revisitOn})`,
    changes: { status: ['deferred', 'new'], revisitOn: [revisitOn, null] },
  });
  const deciders = await deciderUserIds(db, workspaceId);
  await notify(db, {
    workspaceId,
    userIds: reopened.ownerUserId ? [...deciders, reopened.ownerUserId] : deciders,
    kind: 'request.revisit',
    title: `“${reopened.title}” is back in triage`,
    body: `It was deferred until ${readableDay(revisitOn)}. Accept, merge, defer again or decline it.`,
    link: `/w/${workspaceId}/requests/${requestId}`,
  });
});
