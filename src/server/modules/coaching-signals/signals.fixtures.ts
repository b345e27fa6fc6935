/**
 * Test-only: a workspace where one PM did a known amount of work in a known quarter, with rows just
 * outside the quarter and rows by another PM that must not count. Written straight into the database
 * (exact dates and attributions are the point); never imported by application code.
 */
import type { Db } from '../../db/client.js';
import { evidence, experiments, featureEvidence, featureRequirementRevisions, featureRequirements, features, feedback, interviews, opportunities } from '../../db/schema/index.js';
import { newId } from '../../lib/ids.js';
import { REQUIREMENTS_TEMPLATE } from '../features/features.template.js';
import { testDatabase } from '../../test/database.js';
import { addMember, type Fixture } from '../../test/helpers.js';

/** The quarter the fixture's work falls in. */
export const QUARTER = { from: '2027-01-01', to: '2027-03-31' } as const;

/** A filled requirements document: the template with a metric row. */
export const DOC_WITH_METRIC = REQUIREMENTS_TEMPLATE.replace('|  |  |  |  |', '| Checkout conversion | 61% | 70% | 2027-06-30 |');

export interface SignalsWorld {
  pmId: string;
  otherId: string;
  componentId: string;
  /** Feature whose document has evidence and a metric; the other lacks both. */
  goodFeatureId: string;
  weakFeatureId: string;
  pm: Awaited<ReturnType<typeof addMember>>;
  other: Awaited<ReturnType<typeof addMember>>;
}

const at = (iso: string) => new Date(iso);

/**
 * In QUARTER the PM: held 2 interviews (1 with a highlight), triaged 3 feedback items (linked 1 as
 * evidence), ran 2 experiments (1 concluded with a result), revised 2 requirements documents (1 with
 * evidence and a metric). Around it: the same kinds of work just before and after the quarter, and by
 * another PM, none of which may count.
 */
export async function seedSignalsWorld(f: Fixture): Promise<SignalsWorld> {
  const { db } = await testDatabase();
  const pm = await addMember(f, 'pm', 'Pia Signals');
  const other = await addMember(f, 'pm', 'Otto Other');
  const workspaceId = f.workspaceId;
  const product = (await f.admin.post(`${f.w}/products`, { name: 'Signals product' })).json<{ id: string }>().id;
  const componentId = (await f.admin.post(`${f.w}/products/${product}/components`, { name: 'Checkout', ownerId: pm.memberId })).json<{ id: string }>().id;

  // Interviews: 2 in the quarter (one highlighted), one the day before it, one by the other PM.
  const iv = (title: string, date: string, interviewerId: string) => ({ id: newId(), workspaceId, title, date, interviewerId, notes: 'Notes' });
  const interviewRows = [iv('Q1 interview A', '2027-01-15', pm.memberId), iv('Q1 interview B', '2027-03-31', pm.memberId), iv('Before', '2026-12-31', pm.memberId), iv('Other PM', '2027-02-01', other.memberId)];
  await db.insert(interviews).values(interviewRows);

  let n = 0;
  const fb = (over: Partial<typeof feedback.$inferInsert>) => {
    n += 1;
    return { id: newId(), workspaceId, text: `Feedback ${n}`, source: 'other', dedupeKey: `signals-${newId()}`, lsh: [], status: 'triaged', ...over };
  };
  // A highlight: feedback from the interview, captured on its day (as createHighlight makes it).
  const highlight = fb({ source: 'interview', interviewId: interviewRows[0]!.id, status: 'new', capturedAt: at('2027-01-15T00:00:00Z') });
  // Triaged by the PM in the quarter: three; the first also linked as evidence by the PM in the quarter.
  const triaged = [
    fb({ triagedById: pm.memberId, triagedAt: at('2027-01-01T00:00:00Z') }),
    fb({ triagedById: pm.memberId, triagedAt: at('2027-02-10T12:00:00Z') }),
    fb({ triagedById: pm.memberId, triagedAt: at('2027-03-31T23:59:59Z') }),
  ];
  const outside = [
    fb({ triagedById: pm.memberId, triagedAt: at('2026-12-31T23:59:59Z') }),
    fb({ triagedById: pm.memberId, triagedAt: at('2027-04-01T00:00:00Z') }),
    fb({ triagedById: other.memberId, triagedAt: at('2027-02-01T00:00:00Z') }),
  ];
  await db.insert(feedback).values([highlight, ...triaged, ...outside]);

  const opportunityId = newId();
  await db.insert(opportunities).values({ id: opportunityId, workspaceId, title: 'Checkout drops' });
  await db.insert(evidence).values([
    { id: newId(), workspaceId, opportunityId, feedbackId: triaged[0]!.id, createdById: pm.memberId, createdAt: at('2027-01-02T09:00:00Z') },
    // Linked by the other PM: does not make the PM's triage "linked".
    { id: newId(), workspaceId, opportunityId, feedbackId: triaged[1]!.id, createdById: other.memberId, createdAt: at('2027-02-11T09:00:00Z') },
    // Linked by the PM, but after the quarter.
    { id: newId(), workspaceId, opportunityId, feedbackId: triaged[2]!.id, createdById: pm.memberId, createdAt: at('2027-04-02T09:00:00Z') },
  ]);

  // Experiments: one running across the quarter, one concluded in it; around them, ones that must not count.
  const ex = (over: Partial<typeof experiments.$inferInsert>) => ({ id: newId(), workspaceId, hypothesis: 'We believe X will Y, measured by Z', type: 'survey', ownerId: pm.memberId, ...over });
  await db.insert(experiments).values([
    ex({ title: 'Running', status: 'running', startsOn: '2026-12-01', endsOn: null }),
    ex({ title: 'Concluded', status: 'completed', startsOn: '2027-01-10', endsOn: '2027-02-20', result: 'Conversion up 4 points' }),
    ex({ title: 'Only planned', status: 'planned', startsOn: '2027-02-01' }),
    ex({ title: 'Ended before', status: 'completed', startsOn: '2026-10-01', endsOn: '2026-12-31', result: 'Flat' }),
    ex({ title: 'Starts after', status: 'running', startsOn: '2027-04-01' }),
    ex({ title: 'Other PM', status: 'completed', startsOn: '2027-01-10', endsOn: '2027-02-20', result: 'Up', ownerId: other.memberId }),
  ]);

  // Requirements: the good document has evidence and a metric; the weak one is still the bare template.
  const feature = (title: string) => ({ id: newId(), workspaceId, componentId, title, ownerId: pm.memberId });
  const good = feature('One-tap checkout');
  const weak = feature('Saved carts');
  const untouched = feature('Revised before the quarter');
  const others = feature('Revised by the other PM');
  await db.insert(features).values([good, weak, untouched, others]);
  const doc = (featureId: string, body: string, revision: number, updatedById: string) => ({ featureId, workspaceId, body, revision, updatedById });
  await db.insert(featureRequirements).values([
    doc(good.id, DOC_WITH_METRIC, 2, pm.memberId),
    doc(weak.id, REQUIREMENTS_TEMPLATE, 1, pm.memberId),
    doc(untouched.id, DOC_WITH_METRIC, 1, pm.memberId),
    doc(others.id, DOC_WITH_METRIC, 1, other.memberId),
  ]);
  const rev = (featureId: string, revision: number, authorId: string, createdAt: string) => ({ id: newId(), workspaceId, featureId, revision, body: '…', authorId, createdAt: at(createdAt) });
  await db.insert(featureRequirementRevisions).values([
    rev(good.id, 1, pm.memberId, '2027-01-05T10:00:00Z'),
    rev(good.id, 2, pm.memberId, '2027-02-05T10:00:00Z'),
    rev(weak.id, 1, pm.memberId, '2027-03-01T10:00:00Z'),
    rev(untouched.id, 1, pm.memberId, '2026-12-20T10:00:00Z'),
    rev(others.id, 1, other.memberId, '2027-02-01T10:00:00Z'),
  ]);
  await db.insert(featureEvidence).values([
    { id: newId(), workspaceId, featureId: good.id, feedbackId: triaged[1]!.id, createdById: other.memberId, createdAt: at('2026-11-01T00:00:00Z') },
    { id: newId(), workspaceId, featureId: others.id, opportunityId, createdById: other.memberId },
  ]);

  return { pmId: pm.memberId, otherId: other.memberId, componentId, goodFeatureId: good.id, weakFeatureId: weak.id, pm, other };
}

/** An interview row, exactly as given; returns its id. */
export async function insertInterviewRow(db: Db, row: { workspaceId: string; title: string; date: string; interviewerId: string }): Promise<string> {
  const id = newId();
  await db.insert(interviews).values({ id, ...row });
  return id;
}

export interface RevisedRequirementsInput {
  workspaceId: string;
  componentId: string;
  ownerId: string;
  title: string;
  /** The requirements document, as written in its first (and only) revision. */
  body: string;
  revisedAt: Date;
}

/** A feature owned by `ownerId` whose requirements document has one revision, by the owner, at `revisedAt`; returns its id. */
export async function insertRevisedRequirementsFeature(db: Db, { workspaceId, componentId, ownerId, title, body, revisedAt }: RevisedRequirementsInput): Promise<string> {
  const featureId = newId();
  await db.insert(features).values({ id: featureId, workspaceId, componentId, title, ownerId });
  await db.insert(featureRequirements).values({ featureId, workspaceId, body, updatedById: ownerId });
  await db.insert(featureRequirementRevisions).values({ id: newId(), workspaceId, featureId, revision: 1, body, authorId: ownerId, createdAt: revisedAt });
  return featureId;
}

/** Every audit entry of the workspace about the entity (a person, here), as stored. */
export async function readAuditRowsAbout(db: Db, workspaceId: string, entityId: string) {
  return db.query.auditLog.findMany({ where: (a, { and, eq }) => and(eq(a.workspaceId, workspaceId), eq(a.entityId, entityId)) });
}
