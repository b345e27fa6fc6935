import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { emailMessages } from '../../db/schema/index.js';
import { newId } from '../../lib/ids.js';
import { defineJob, enqueueJob } from '../jobs/jobs.service.js';
import { mailEnabled, sendMail } from './outreach.mailer.js';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
}

/**
 * Puts email in the outbox: with SMTP configured each message is queued and a job sends it (retried by
 * the worker on failure); without, the messages are kept as `skipped` so the outbox still shows who would
 * have heard. Inside the caller's transaction when given one.
 */
export async function queueEmails(db: Db, input: { workspaceId: string; kind: string; entityId: string | null; messages: OutgoingEmail[] }): Promise<string[]> {
  if (!input.messages.length) return [];
  const enabled = mailEnabled();
  const rows = input.messages.map((m) => ({
    id: newId(),
    workspaceId: input.workspaceId,
    toAddress: m.to,
    subject: m.subject,
    text: m.text,
    kind: input.kind,
    entityId: input.entityId,
    status: enabled ? 'queued' : 'skipped',
    error: enabled ? null : 'No SMTP server is configured (SEXTANT_SMTP_URL).',
  }));
  await db.insert(emailMessages).values(rows);
  if (enabled) {
    for (const row of rows) await enqueueJob(db, { kind: 'email.send', workspaceId: input.workspaceId, payload: { emailId: row.id, workspaceId: input.workspaceId } });
  }
  return rows.map((r) => r.id);
}

async function setEmailStatus(db: Db, id: string, patch: Partial<typeof emailMessages.$inferInsert>): Promise<void> {
  await db.update(emailMessages).set(patch).where(eq(emailMessages.id, id));
}

// Sends one queued message. A failure throws so the worker retries it with backoff; the last attempt
// marks the message failed with the server's answer instead (a throw would roll that mark back).
defineJob('email.send', async (db, payload, job) => {
  const [row] = await db
    .select()
    .from(emailMessages)
    .where(and(eq(emailMessages.id, String(payload.emailId)), eq(emailMessages.workspaceId, String(payload.workspaceId))));
  if (!row || row.status !== 'queued') return;
  if (!mailEnabled()) {
    await setEmailStatus(db, row.id, { status: 'skipped', error: 'No SMTP server is configured (SEXTANT_SMTP_URL).' });
    return;
  }
  try {
    await sendMail({ to: row.toAddress, subject: row.subject, text: row.text });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (job.attempts < job.maxAttempts) throw error;
    await setEmailStatus(db, row.id, { status: 'failed', error: message.slice(0, 2000) });
    return;
  }
  await setEmailStatus(db, row.id, { status: 'sent', error: null, sentAt: new Date() });
});
