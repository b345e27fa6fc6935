import { describe, expect, it } from 'vitest';
import { testDatabase } from '../../test/database.js';
import { uniqueEmail, workspaceFixture } from '../../test/helpers.js';
import { getJob } from './jobs.repository.js';
import { defineJob, enqueueJob, runDueJobs } from './jobs.service.js';
import '../invitations/invitations.service.js';

describe('durable jobs', () => {
  it('runs due jobs once, leaves future ones, and retries failures with backoff', async () => {
    const { db } = await testDatabase();
    const seen: string[] = [];
    defineJob('test.record', async (_db, payload) => {
      seen.push(String(payload.n));
    });
    let failures = 0;
    defineJob('test.flaky', async () => {
      failures++;
      throw new Error('boom');
    });
    const due = await enqueueJob(db, { kind: 'test.record', payload: { n: 1 } });
    const later = await enqueueJob(db, { kind: 'test.record', payload: { n: 2 }, runAt: new Date(Date.now() + 3_600_000) });
    const flaky = await enqueueJob(db, { kind: 'test.flaky', payload: {}, maxAttempts: 2 });
    await runDueJobs(db, 'worker-a');
    await runDueJobs(db, 'worker-b');
    expect(seen).toEqual(['1']);
    expect((await getJob(db, due))?.status).toBe('done');
    expect((await getJob(db, later))?.status).toBe('queued');
    const failed = await getJob(db, flaky);
    expect(failures).toBe(1);
    expect(failed).toMatchObject({ status: 'queued', attempts: 1, lastError: 'boom' });
    expect(failed!.runAt.getTime()).toBeGreaterThan(Date.now());
  });

  it('tells the inviter when an invitation expires unaccepted', async () => {
    const f = await workspaceFixture();
    const { db } = await testDatabase();
    const inv = (await f.admin.post(`${f.w}/invitations`, { email: uniqueEmail('late'), role: 'pm' })).json<{ id: string; email: string }>();
    // Make it expire now, then run the check the invitation queued.
    const { sql } = await import('drizzle-orm');
    await db.execute(sql`update invitations set expires_at = now() - interval '1 minute' where id = ${inv.id}`);
    await db.execute(sql`update jobs set run_at = now() where kind = 'invitation.expiry-check' and payload->>'invitationId' = ${inv.id}`);
    await runDueJobs(db, 'worker-test', 100);
    const bell = (await f.admin.get(`${f.w}/notifications`)).json<{ items: { kind: string; title: string }[] }>().items;
    expect(bell[0]).toMatchObject({ kind: 'invitation.expired', title: `Invitation to ${inv.email} expired` });
  });
});
