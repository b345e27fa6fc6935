import type { Db } from '../../db/client.js';
import { defineJob, enqueueJob } from '../jobs/jobs.service.js';
import { notify } from '../notifications/notifications.service.js';
import { currentWeek } from './status-updates.period.js';
import { componentsWithUpdate, listComponents, notificationExists, pendingJobOfKind, workspacesWithComponents } from './status-updates.repository.js';

/*
 * Reminders of due status updates. The rule: an update is due for every component once the current ISO
 * week is past its midpoint (from Thursday 00:00 UTC) and the component has no update for that week. The
 * component's owner then hears of it in the app, once per component and week (a notification already
 * sent, found by its kind and link, is not sent again). A job runs daily at 09:00 UTC and queues its next
 * run; ensureReminderJob starts the chain (the first update written does, and so should the app's start).
 */

export const REMINDER_JOB = 'status-update.reminders';
export const REMINDER_KIND = 'status-update.due';
const RUN_HOUR_UTC = 9;

const linkOf = (workspaceId: string, componentId: string, period: string) => `/w/${workspaceId}/updates?componentId=${componentId}&period=${period}`;

/** Sends the reminders due at `now` (in one workspace, or in all); returns how many were sent. */
export async function sendDueReminders(db: Db, now: Date, workspaceId?: string): Promise<number> {
  const week = currentWeek(now);
  if (!week.pastMidpoint) return 0;
  let sent = 0;
  for (const ws of workspaceId ? [workspaceId] : await workspacesWithComponents(db)) {
    const [all, done] = await Promise.all([listComponents(db, ws), componentsWithUpdate(db, ws, week.period)]);
    for (const c of all) {
      if (done.has(c.id) || !c.ownerUserId) continue;
      const link = linkOf(ws, c.id, week.period);
      if (await notificationExists(db, ws, c.ownerUserId, REMINDER_KIND, link)) continue;
      await notify(db, {
        workspaceId: ws,
        userIds: [c.ownerUserId],
        kind: REMINDER_KIND,
        title: `Status update due: ${c.name}, ${week.period}`,
        body: `${c.productName} › ${c.name} has no status update for ${week.period} (${week.range.from} to ${week.range.to}). Write it from the prefilled draft.`,
        link,
      });
      sent++;
    }
  }
  return sent;
}

/** The next daily run after `now`. */
export function nextRunAfter(now: Date): Date {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), RUN_HOUR_UTC));
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

/** Queues the daily reminder job unless one is already queued or running. */
export async function ensureReminderJob(db: Db, now = new Date()): Promise<void> {
  if (await pendingJobOfKind(db, REMINDER_JOB)) return;
  await enqueueJob(db, { kind: REMINDER_JOB, payload: {}, runAt: nextRunAfter(now) });
}

// Payload: {} for every workspace, or {workspaceId} for one (which does not reschedule itself).
defineJob(REMINDER_JOB, async (db, payload) => {
  const now = new Date();
  const workspaceId = typeof payload.workspaceId === 'string' ? payload.workspaceId : undefined;
  await sendDueReminders(db, now, workspaceId);
  // The next run, unless another chain already queued one (two chains started at once merge here).
  if (!workspaceId && !(await pendingJobOfKind(db, REMINDER_JOB, false))) await enqueueJob(db, { kind: REMINDER_JOB, payload: {}, runAt: nextRunAfter(now) });
});
