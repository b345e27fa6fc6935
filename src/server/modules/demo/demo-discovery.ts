import { lshColumn } from '../insights/text/lsh.js';
import type { Db } from '../../db/client.js';
import { feedbackDedupeKey } from '../feedback/feedback.dedupe.js';
import { newId } from '../../lib/ids.js';
import { DEMO_CUSTOMERS, DEMO_EXPERIMENTS, DEMO_FEEDBACK, DEMO_INTERVIEWS, DEMO_OPPORTUNITIES, type DemoFeedback } from './demo-discovery.data.js';
import { insertDiscoveryRows } from './demo-discovery.repository.js';
import { DEMO_PRODUCT } from './demo.data.js';

const DAY = 86_400_000;
const dayString = (d: Date) => d.toISOString().slice(0, 10);

/** Items newer than this many days are still waiting in the inbox; older ones have been triaged. */
const NEW_FOR_DAYS = 30;

/** A quote shorter than this ("Reports are too basic.") runs on to the next sentence, which says why. */
const MIN_QUOTE = 45;

/**
 * Where the evidence quote ends: after the first sentence, the part of a feedback item that states the
 * problem (or the first two, when the first is short). A sentence ends at . ! or ? (and a closing quote)
 * followed by a space and a capital, a digit or an opening quote.
 */
export function firstSentenceEnd(text: string): number {
  for (const m of text.matchAll(/[.!?]["”]?(?=\s+["“A-Z0-9])/g)) {
    const end = m.index + m[0].length;
    if (end >= MIN_QUOTE) return end;
  }
  return text.length;
}

/** Who typed the item in: the account team for sales and CS notes, the interviewer, else the component's PM. */
function capturedByKey(f: DemoFeedback, interviewer: string | undefined): string {
  if (f.source === 'interview' && interviewer) return interviewer;
  if (f.source === 'sales') return 'sarah';
  if (f.source === 'customer_success') return 'liam';
  if (f.source === 'product_marketing' || f.source === 'survey') return 'noah';
  return DEMO_PRODUCT.components.find((c) => c.name === f.component)?.owner ?? 'noah';
}

/**
 * Seeds the demo workspace's discovery: 25 customers in three segments with a contact each, about 300
 * feedback items across the components and sources, six opportunities with quoted evidence, three
 * interviews whose highlights are feedback, and three experiments (one a pricing test).
 */
export async function seedDemoDiscovery(
  db: Db,
  ctx: { workspaceId: string; memberIds: Map<string, string>; componentIds: Map<string, string>; now?: Date },
): Promise<{ customers: number; feedback: number; opportunities: number; interviews: number; experiments: number }> {
  const now = ctx.now ?? new Date();
  const { workspaceId } = ctx;
  const customerIds = new Map<string, string>();
  const contactIds = new Map<string, string>();
  const customerRows = DEMO_CUSTOMERS.map((c, i) => {
    const id = newId();
    customerIds.set(c.key, id);
    return {
      id,
      workspaceId,
      name: c.name,
      domain: c.domain,
      segment: c.segment,
      plan: c.plan,
      arr: String(c.arr),
      currency: 'USD',
      status: c.status,
      ownerId: ctx.memberIds.get(i % 2 ? 'liam' : 'sarah') ?? null,
      externalId: `CRM-${1001 + i}`,
    };
  });
  const contactRows = DEMO_CUSTOMERS.map((c) => {
    const id = newId();
    contactIds.set(c.key, id);
    return { id, workspaceId, customerId: customerIds.get(c.key)!, name: c.contact.name, title: c.contact.title, email: `${c.contact.name.split(' ')[0]!.toLowerCase()}@${c.domain}` };
  });
  const interviewIds = new Map<string, string>();
  const interviewRows = DEMO_INTERVIEWS.map((iv) => {
    const id = newId();
    interviewIds.set(iv.customer, id);
    return {
      id,
      workspaceId,
      title: iv.title,
      date: dayString(new Date(now.getTime() - iv.daysAgo * DAY)),
      contactId: contactIds.get(iv.customer) ?? null,
      participantName: DEMO_CUSTOMERS.find((c) => c.key === iv.customer)?.contact.name ?? '',
      interviewerId: ctx.memberIds.get(iv.interviewer) ?? null,
      script: iv.script,
      notes: iv.notes,
    };
  });
  const opportunityIds = new Map<string, string>();
  const opportunityRows = Object.entries(DEMO_OPPORTUNITIES).map(([key, o]) => {
    const id = newId();
    opportunityIds.set(key, id);
    return { id, workspaceId, title: o.title, problem: o.problem, status: o.status, ownerId: ctx.memberIds.get(o.owner) ?? null };
  });
  const feedbackRows: Parameters<typeof insertDiscoveryRows>[1]['feedback'] = [];
  const feedbackComponentRows: Parameters<typeof insertDiscoveryRows>[1]['feedbackComponents'] = [];
  const evidenceRows: Parameters<typeof insertDiscoveryRows>[1]['evidence'] = [];
  for (const f of DEMO_FEEDBACK) {
    const id = newId();
    const capturedAt = new Date(now.getTime() - f.daysAgo * DAY);
    const customerId = f.customer ? customerIds.get(f.customer)! : null;
    const interviewId = f.interview ? interviewIds.get(f.interview)! : null;
    const interviewer = f.interview ? DEMO_INTERVIEWS.find((iv) => iv.customer === f.interview)?.interviewer : undefined;
    feedbackRows.push({
      id,
      workspaceId,
      text: f.text,
      lsh: lshColumn(f.text, workspaceId),
      source: f.source,
      customerId,
      contactId: f.customer ? (contactIds.get(f.customer) ?? null) : null,
      capturedById: ctx.memberIds.get(capturedByKey(f, interviewer)) ?? null,
      capturedAt,
      status: f.opportunity ? 'linked' : (f.status ?? (f.daysAgo < NEW_FOR_DAYS ? 'new' : 'triaged')),
      importance: f.importance,
      tags: f.tags,
      interviewId,
      dedupeKey: feedbackDedupeKey({ text: f.text, source: f.source, customerId, capturedAt }),
    });
    const componentId = ctx.componentIds.get(f.component);
    if (componentId) feedbackComponentRows.push({ workspaceId, feedbackId: id, componentId });
    if (f.opportunity) {
      const o = DEMO_OPPORTUNITIES[f.opportunity]!;
      evidenceRows.push({ id: newId(), workspaceId, opportunityId: opportunityIds.get(f.opportunity)!, feedbackId: id, quoteStart: 0, quoteEnd: firstSentenceEnd(f.text), importance: f.importance, createdById: ctx.memberIds.get(o.owner) ?? null });
    }
  }
  const opportunityComponentRows = Object.entries(DEMO_OPPORTUNITIES).flatMap(([key, o]) =>
    o.components.map((name) => ctx.componentIds.get(name)).filter((id): id is string => Boolean(id)).map((componentId) => ({ workspaceId, opportunityId: opportunityIds.get(key)!, componentId })),
  );
  const experimentRows: Parameters<typeof insertDiscoveryRows>[1]['experiments'] = [];
  const experimentOpportunityRows: Parameters<typeof insertDiscoveryRows>[1]['experimentOpportunities'] = [];
  for (const e of DEMO_EXPERIMENTS) {
    const id = newId();
    experimentRows.push({
      id,
      workspaceId,
      title: e.title,
      hypothesis: e.hypothesis,
      type: e.type,
      metric: e.metric,
      successCriterion: e.successCriterion,
      startsOn: dayString(new Date(now.getTime() - e.startsDaysAgo * DAY)),
      endsOn: dayString(new Date(now.getTime() - e.endsDaysAgo * DAY)),
      status: e.status,
      result: e.result,
      learning: e.learning,
      decision: e.decision,
      ownerId: ctx.memberIds.get('diego') ?? null,
    });
    experimentOpportunityRows.push({ workspaceId, experimentId: id, opportunityId: opportunityIds.get(e.opportunity)! });
  }
  await insertDiscoveryRows(db, {
    customers: customerRows,
    contacts: contactRows,
    interviews: interviewRows,
    feedback: feedbackRows,
    feedbackComponents: feedbackComponentRows,
    opportunities: opportunityRows,
    opportunityComponents: opportunityComponentRows,
    evidence: evidenceRows,
    experiments: experimentRows,
    experimentOpportunities: experimentOpportunityRows,
  });
  return { customers: customerRows.length, feedback: feedbackRows.length, opportunities: opportunityRows.length, interviews: interviewRows.length, experiments: experimentRows.length };
}
