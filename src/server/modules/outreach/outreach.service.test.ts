import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../test/database.js';
import { addMember, workspaceFixture, type Fixture, type TestClient } from '../../test/helpers.js';
import { runDueJobs } from '../jobs/jobs.service.js';
import {
  deferLater,
  emailsOf,
  jobsFor,
  makeDue,
  memberIdOf,
  requestRow,
  seedComponent,
  seedDecision,
  seedFeature,
  seedFeedbackFrom,
  seedRequest,
  seedTemplate,
} from './outreach.fixtures.js';
import { configureMailer, mailerSettings } from './outreach.mailer.js';
import { notifyRequestOutcome, scheduleRevisit } from './outreach.service.js';

interface Received {
  to: string[];
  raw: string;
}

/** A real SMTP server on a free local port, keeping every message it accepts; `reject` refuses recipients once. */
let server: SMTPServer;
let port = 0;
const inbox: Received[] = [];
const rejectOnce = new Set<string>();

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const to = address.address.toLowerCase();
      if (rejectOnce.delete(to)) return callback(Object.assign(new Error('Mailbox busy, try later'), { responseCode: 450 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
});

afterAll(async () => {
  configureMailer({ smtpUrl: null, from: mailerSettings().from });
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const useSmtp = () => configureMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: 'Sextant <sextant@outreach.test>' });
const noSmtp = () => configureMailer({ smtpUrl: null, from: 'Sextant <sextant@outreach.test>' });
const mailTo = (address: string) => inbox.filter((m) => m.to.includes(address.toLowerCase()));
/** Quoted-printable soft breaks and escapes undone, so the body reads as sent. */
const plain = (raw: string) =>
  Buffer.from(
    raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
    'latin1',
  ).toString('utf8');

async function bell(client: TestClient, f: Fixture) {
  return (await client.get(`${f.w}/notifications`)).json<{ items: { kind: string; title: string; body: string; link: string | null }[] }>().items;
}

async function setting() {
  const f = await workspaceFixture('Outreach Co');
  const { db } = await testDatabase();
  const adminMember = await memberIdOf(db, f.workspaceId, f.admin.userId);
  const contributor = await addMember(f, 'contributor', 'Cora Contributor');
  const pm = await addMember(f, 'pm', 'Pia PM');
  const { productId, componentId } = await seedComponent(db, f.workspaceId, pm.memberId);
  return { f, db, adminMember, contributor, pm, productId, componentId };
}

describe('closing the loop', () => {
  it('emails a declined request’s outside requesters through SMTP with the rationale, and tells members in the app', async () => {
    const { f, db, adminMember, contributor, componentId } = await setting();
    // After the app is built: its configuration would otherwise set the mailer again.
    useSmtp();
    const w = f.workspaceId;
    const outside = `olga.${w.slice(0, 8)}@customer.test`;
    const flaky = `fritz.${w.slice(0, 8)}@partner.test`;
    const root = await seedRequest(db, { workspaceId: w, title: 'Bulk export to SAP', requesterType: 'internal', requesterMemberId: contributor.memberId, componentId, status: 'declined' });
    await seedRequest(db, { workspaceId: w, title: 'SAP export please', requesterType: 'customer', contactName: 'Olga Outside', contactEmail: outside, status: 'merged', mergedIntoId: root });
    await seedRequest(db, { workspaceId: w, title: 'Export for our ERP', requesterType: 'partner', contactName: 'Fritz', contactEmail: flaky, status: 'merged', mergedIntoId: root });
    const template = await seedTemplate(db, w, 'Not enough evidence yet');
    const rationale = 'Only two accounts asked; we revisit after the Q3 ERP research.';
    const decisionId = await seedDecision(db, { workspaceId: w, requestId: root, title: 'Bulk export to SAP', action: 'decline', rationaleTemplateId: template, rationale, decidedById: adminMember });
    rejectOnce.add(flaky);

    await notifyRequestOutcome(db, { workspaceId: w, requestId: root, decisionId });
    expect((await emailsOf(db, w)).map((e) => [e.toAddress, e.status])).toEqual(
      expect.arrayContaining([
        [outside, 'queued'],
        [flaky, 'queued'],
      ]),
    );
    await runDueJobs(db, 'outreach-test', 100);

    const [mail] = mailTo(outside);
    expect(mailTo(outside)).toHaveLength(1);
    const body = plain(mail!.raw);
    expect(body).toContain('Subject: [Outreach Co] Declined: Bulk export to SAP');
    expect(body).toContain('Hello Olga Outside');
    expect(body).toContain(`Why: Not enough evidence yet. ${rationale}`);
    expect(body).toContain('sextant@outreach.test');
    const rows = await emailsOf(db, w);
    expect(rows.find((e) => e.toAddress === outside)).toMatchObject({ status: 'sent', kind: 'request.declined', entityId: root });

    // The refused recipient stays queued, and the worker's retry delivers it.
    expect(mailTo(flaky)).toHaveLength(0);
    expect(rows.find((e) => e.toAddress === flaky)?.status).toBe('queued');
    const [retry] = await jobsFor(db, 'email.send', 'emailId', rows.find((e) => e.toAddress === flaky)!.id);
    expect(retry).toMatchObject({ status: 'queued', attempts: 1 });
    expect(retry!.lastError).toContain('Mailbox busy');
    await makeDue(db, [retry!.id]);
    await runDueJobs(db, 'outreach-test', 100);
    expect(mailTo(flaky)).toHaveLength(1);
    expect((await emailsOf(db, w)).find((e) => e.toAddress === flaky)?.status).toBe('sent');

    const cora = await bell(contributor, f);
    expect(cora.filter((n) => n.kind === 'request.declined')).toEqual([
      expect.objectContaining({ title: 'Declined: Bulk export to SAP', link: `/w/${w}/requests/${root}`, body: expect.stringContaining(rationale) }),
    ]);
    // The lead who decided is not told their own decision.
    expect((await bell(f.admin, f)).some((n) => n.kind === 'request.declined')).toBe(false);
    expect((await requestRow(db, root)).notifiedAt).toBeInstanceOf(Date);
  });

  it('tells requesters of accepted and merged requests and the contacts behind linked, opportunity-linked and merged feedback that a feature shipped, each once', async () => {
    const { f, db, contributor, componentId } = await setting();
    // After the app is built: its configuration would otherwise set the mailer again.
    useSmtp();
    const w = f.workspaceId;
    const tag = w.slice(0, 8);
    const [a, b, c, d, e, g] = ['ana', 'ben', 'cy', 'dee', 'eve', 'gus'].map((n) => `${n}.${tag}@asker.test`) as [string, string, string, string, string, string];
    const featureId = await seedFeature(db, w, componentId, 'SSO with Okta');
    const other = await seedFeature(db, w, componentId, 'Something else');
    const accepted = await seedRequest(db, { workspaceId: w, title: 'Okta SSO', requesterType: 'internal', requesterMemberId: contributor.memberId, status: 'accepted', featureId });
    const acceptedOutside = await seedRequest(db, { workspaceId: w, title: 'SSO', requesterType: 'customer', contactName: 'Ana', contactEmail: a, status: 'accepted', featureId });
    await seedRequest(db, { workspaceId: w, title: 'SAML', requesterType: 'customer', contactName: 'Ben', contactEmail: b, status: 'merged', mergedIntoId: accepted });
    const mid = await seedRequest(db, { workspaceId: w, title: 'Single sign-on', requesterType: 'customer', contactName: 'Ana again', contactEmail: a.toUpperCase(), status: 'merged', mergedIntoId: acceptedOutside });
    // Merged twice over, by the same member: still one notification.
    await seedRequest(db, { workspaceId: w, title: 'Okta login', requesterType: 'internal', requesterMemberId: contributor.memberId, status: 'merged', mergedIntoId: mid });
    await seedRequest(db, { workspaceId: w, title: 'Other thing', requesterType: 'customer', contactName: 'Dee', contactEmail: d, status: 'accepted', featureId: other });
    const cys = await seedFeedbackFrom(db, w, featureId, { name: 'Cy', email: c });
    // Linked only through an opportunity that is the feature's evidence, and a duplicate merged into linked feedback.
    const eves = await seedFeedbackFrom(db, w, featureId, { name: 'Eve', email: e }, { via: 'opportunity' });
    await seedFeedbackFrom(db, w, featureId, { name: 'Gus', email: g }, { mergedInto: eves });
    await seedFeedbackFrom(db, w, featureId, { name: 'Cy again', email: c }, { mergedInto: cys });
    // Feedback behind another feature's opportunity is not an ask for this one.
    await seedFeedbackFrom(db, w, other, { name: 'Dee', email: d }, { via: 'opportunity' });
    await seedFeedbackFrom(db, w, featureId, { name: 'Ben', email: b });
    await seedFeedbackFrom(db, w, featureId, { name: 'No Mail', email: null });

    const feature = (await f.admin.get(`${f.w}/features/${featureId}`)).json<{ version: number }>();
    const res = await f.admin.patch(`${f.w}/features/${featureId}`, { status: 'shipped', version: feature.version });
    expect(res.statusCode).toBe(200);
    await runDueJobs(db, 'outreach-test', 100);

    for (const address of [a, b, c, e, g]) {
      expect(mailTo(address)).toHaveLength(1);
      expect(plain(mailTo(address)[0]!.raw)).toContain('“SSO with Okta”, which you asked for, has shipped.');
    }
    expect(mailTo(d)).toHaveLength(0);
    expect((await emailsOf(db, w)).map((e) => [e.toAddress.toLowerCase(), e.kind, e.status]).sort()).toEqual([
      [a, 'feature.shipped', 'sent'],
      [b, 'feature.shipped', 'sent'],
      [c, 'feature.shipped', 'sent'],
      [e, 'feature.shipped', 'sent'],
      [g, 'feature.shipped', 'sent'],
    ]);
    const shipped = (await bell(contributor, f)).filter((n) => n.kind === 'feature.shipped');
    expect(shipped).toEqual([expect.objectContaining({ title: 'Shipped: SSO with Okta', link: `/w/${w}/features/${featureId}` })]);

    // Reopened and shipped again: nobody hears it twice.
    const v = res.json<{ version: number }>().version;
    const reopened = await f.admin.patch(`${f.w}/features/${featureId}`, { status: 'in_progress', version: v });
    await f.admin.patch(`${f.w}/features/${featureId}`, { status: 'shipped', version: reopened.json<{ version: number }>().version });
    await runDueJobs(db, 'outreach-test', 100);
    expect((await emailsOf(db, w)).length).toBe(5);
    expect((await bell(contributor, f)).filter((n) => n.kind === 'feature.shipped')).toHaveLength(1);
  });

  it('keeps email as skipped without SMTP and still notifies members in the app', async () => {
    const { f, db, adminMember, contributor, componentId } = await setting();
    // After the app is built: its configuration would otherwise set the mailer again.
    noSmtp();
    const w = f.workspaceId;
    const outside = `nomail.${w.slice(0, 8)}@customer.test`;
    const featureId = await seedFeature(db, w, componentId, 'Audit export');
    const root = await seedRequest(db, { workspaceId: w, title: 'Audit log export', requesterType: 'internal', requesterMemberId: contributor.memberId, status: 'accepted', featureId });
    await seedRequest(db, { workspaceId: w, title: 'Export audit', requesterType: 'customer', contactName: 'Nora', contactEmail: outside, status: 'merged', mergedIntoId: root });
    const decisionId = await seedDecision(db, { workspaceId: w, requestId: root, title: 'Audit log export', action: 'accept', featureId, decidedById: adminMember });
    const before = inbox.length;

    await notifyRequestOutcome(db, { workspaceId: w, requestId: root, decisionId });
    await runDueJobs(db, 'outreach-test', 100);

    const rows = await emailsOf(db, w);
    expect(rows).toEqual([expect.objectContaining({ toAddress: outside, status: 'skipped', kind: 'request.accepted', subject: '[Outreach Co] Accepted: Audit log export' })]);
    expect(rows[0]!.text).toContain('planned as “Audit export”');
    expect(await jobsFor(db, 'email.send', 'emailId', rows[0]!.id)).toHaveLength(0);
    expect(inbox.length).toBe(before);
    expect((await bell(contributor, f)).filter((n) => n.kind === 'request.accepted')).toEqual([
      expect.objectContaining({ title: 'Accepted: Audit log export', body: expect.stringContaining('“Audit export”') }),
    ]);
  });

  it('puts a deferred request back into triage on its revisit date and reminds the deciders', async () => {
    const { f, db, adminMember, contributor, pm, componentId } = await setting();
    // After the app is built: its configuration would otherwise set the mailer again.
    noSmtp();
    const w = f.workspaceId;
    const lead = await addMember(f, 'lead', 'Lea Lead');
    const revisitOn = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const id = await seedRequest(db, { workspaceId: w, title: 'Dark mode for reports', requesterType: 'internal', requesterMemberId: contributor.memberId, componentId, status: 'deferred', revisitOn });
    const stale = await seedRequest(db, { workspaceId: w, title: 'Redeferred', requesterType: 'internal', componentId, status: 'deferred', revisitOn });
    const decisionId = await seedDecision(db, { workspaceId: w, requestId: id, title: 'Dark mode for reports', action: 'defer', revisitOn, decidedById: adminMember });

    await notifyRequestOutcome(db, { workspaceId: w, requestId: id, decisionId });
    await scheduleRevisit(db, { workspaceId: w, requestId: id, revisitOn });
    await scheduleRevisit(db, { workspaceId: w, requestId: stale, revisitOn });
    const [job] = await jobsFor(db, 'request.revisit', 'requestId', id);
    expect(job!.runAt.toISOString()).toBe(`${revisitOn}T08:00:00.000Z`);
    expect((await bell(contributor, f)).find((n) => n.kind === 'request.deferred')?.body).toMatch(/deferred and will be looked at again on \d+ \w+ \d{4}/);

    // Not due yet: nothing moves.
    await runDueJobs(db, 'outreach-test', 100);
    expect((await requestRow(db, id)).status).toBe('deferred');

    // The other one was deferred again to a later day meanwhile: its old reminder does nothing.
    const [staleJob] = await jobsFor(db, 'request.revisit', 'requestId', stale);
    await deferLater(db, stale, 30);
    await makeDue(db, [job!.id, staleJob!.id]);
    await runDueJobs(db, 'outreach-test', 100);

    const back = await requestRow(db, id);
    expect(back).toMatchObject({ status: 'new', revisitOn: null, version: 2 });
    expect((await requestRow(db, stale)).status).toBe('deferred');
    for (const who of [f.admin, lead, pm]) {
      const reminders = (await bell(who, f)).filter((n) => n.kind === 'request.revisit');
      expect(reminders).toEqual([expect.objectContaining({ title: '“Dark mode for reports” is back in triage', link: `/w/${w}/requests/${id}` })]);
    }
    expect((await bell(contributor, f)).some((n) => n.kind === 'request.revisit')).toBe(false);
    const audit = (await f.admin.get(`${f.w}/audit-log?entityType=request`)).json<{ items: { action: string; summary: string }[] }>().items;
    expect(audit.some((e) => e.action === 'request.revisit' && e.summary.includes('Dark mode for reports'))).toBe(true);
  });
});
