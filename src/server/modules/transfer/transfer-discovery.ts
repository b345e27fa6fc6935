import { lshColumn } from '../insights/text/lsh.js';
import type { DiscoveryExport } from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import { newId } from '../../lib/ids.js';
import { feedbackDedupeKey } from '../feedback/feedback.dedupe.js';
import { insertDiscoveryImport, readDiscoveryRows } from './transfer-discovery.repository.js';

const iso = (d: Date) => d.toISOString();

/** The discovery section of an export; `order(ref)` ranks components so their refs list in a stable order. */
export async function exportDiscovery(db: Db, workspaceId: string, order: (ref: string) => number): Promise<DiscoveryExport> {
  const r = await readDiscoveryRows(db, workspaceId);
  const byOrder = (a: string, b: string) => order(a) - order(b);
  const feedbackRank = new Map(r.feedback.map((f, i) => [f.id, i]));
  const opportunityRank = new Map(r.opportunities.map((o, i) => [o.id, i]));
  return {
    customers: r.customers.map((c) => ({
      ref: c.id,
      name: c.name,
      domain: c.domain,
      segment: c.segment,
      plan: c.plan,
      arr: c.arr,
      currency: c.currency,
      status: c.status,
      ownerRef: c.ownerId,
      externalId: c.externalId,
      createdAt: iso(c.createdAt),
      version: c.version,
      contacts: r.contacts.filter((x) => x.customerId === c.id).map((x) => ({ ref: x.id, name: x.name, email: x.email, title: x.title })),
    })),
    interviews: r.interviews.map((i) => ({
      ref: i.id,
      title: i.title,
      date: i.date,
      contactRef: i.contactId,
      participantName: i.participantName,
      interviewerRef: i.interviewerId,
      script: i.script,
      notes: i.notes,
      version: i.version,
    })),
    feedback: r.feedback.map((f) => ({
      ref: f.id,
      text: f.text,
      source: f.source,
      customerRef: f.customerId,
      contactRef: f.contactId,
      capturedByRef: f.capturedById,
      capturedAt: iso(f.capturedAt),
      status: f.status,
      importance: f.importance,
      tags: f.tags,
      componentRefs: r.feedbackComponents.filter((x) => x.feedbackId === f.id).map((x) => x.componentId).sort(byOrder),
      interviewRef: f.interviewId,
      mergedIntoRef: f.mergedIntoId,
      createdAt: iso(f.createdAt),
      version: f.version,
    })),
    opportunities: r.opportunities.map((o) => ({
      ref: o.id,
      title: o.title,
      problem: o.problem,
      status: o.status,
      ownerRef: o.ownerId,
      componentRefs: r.opportunityComponents.filter((x) => x.opportunityId === o.id).map((x) => x.componentId).sort(byOrder),
      evidence: r.evidence
        .filter((e) => e.opportunityId === o.id)
        .sort((a, b) => (feedbackRank.get(a.feedbackId) ?? 0) - (feedbackRank.get(b.feedbackId) ?? 0))
        .map((e) => ({ feedbackRef: e.feedbackId, quoteStart: e.quoteStart, quoteEnd: e.quoteEnd, importance: e.importance, createdByRef: e.createdById, createdAt: iso(e.createdAt) })),
      createdAt: iso(o.createdAt),
      version: o.version,
    })),
    experiments: r.experiments.map((e) => ({
      ref: e.id,
      title: e.title,
      hypothesis: e.hypothesis,
      type: e.type,
      metric: e.metric,
      successCriterion: e.successCriterion,
      startsOn: e.startsOn,
      endsOn: e.endsOn,
      status: e.status,
      result: e.result,
      learning: e.learning,
      decision: e.decision,
      ownerRef: e.ownerId,
      opportunityRefs: r.experimentOpportunities
        .filter((x) => x.experimentId === e.id)
        .map((x) => x.opportunityId)
        .sort((a, b) => (opportunityRank.get(a) ?? 0) - (opportunityRank.get(b) ?? 0)),
      createdAt: iso(e.createdAt),
      version: e.version,
    })),
    settings: r.settings ? { sourceWeights: r.settings.sourceWeights, halfLifeDays: r.settings.halfLifeDays, concentrationThreshold: r.settings.concentrationThreshold } : null,
  };
}

/** Writes the discovery section into the new workspace; `idFor` gives new ids, `mapRef` maps refs already seen. */
export async function importDiscovery(
  db: Db,
  doc: DiscoveryExport,
  ctx: { workspaceId: string; idFor: (ref: string) => string; mapRef: (ref: string | null) => string | null },
): Promise<void> {
  const { workspaceId, idFor, mapRef } = ctx;
  // Give every record its new id first, so references resolve in any order.
  for (const c of doc.customers) {
    idFor(c.ref);
    c.contacts.forEach((x) => idFor(x.ref));
  }
  [...doc.interviews, ...doc.feedback, ...doc.opportunities, ...doc.experiments].forEach((x) => idFor(x.ref));
  const must = (ref: string) => mapRef(ref)!;
  await insertDiscoveryImport(db, {
    customers: doc.customers.map((c) => ({
      id: must(c.ref),
      workspaceId,
      name: c.name,
      domain: c.domain,
      segment: c.segment,
      plan: c.plan,
      arr: c.arr,
      currency: c.currency,
      status: c.status,
      ownerId: mapRef(c.ownerRef),
      externalId: c.externalId,
      version: c.version,
      createdAt: new Date(c.createdAt),
    })),
    contacts: doc.customers.flatMap((c) => c.contacts.map((x) => ({ id: must(x.ref), workspaceId, customerId: must(c.ref), name: x.name, email: x.email, title: x.title }))),
    interviews: doc.interviews.map((i) => ({
      id: must(i.ref),
      workspaceId,
      title: i.title,
      date: i.date,
      contactId: mapRef(i.contactRef),
      participantName: i.participantName,
      interviewerId: mapRef(i.interviewerRef),
      script: i.script,
      notes: i.notes,
      version: i.version,
    })),
    feedback: doc.feedback.map((f) => {
      const customerId = mapRef(f.customerRef);
      const capturedAt = new Date(f.capturedAt);
      return {
        id: must(f.ref),
        workspaceId,
        text: f.text,
        lsh: lshColumn(f.text, workspaceId),
        source: f.source,
        customerId,
        contactId: mapRef(f.contactRef),
        capturedById: mapRef(f.capturedByRef),
        capturedAt,
        status: f.status,
        importance: f.importance,
        tags: f.tags,
        interviewId: mapRef(f.interviewRef),
        mergedIntoId: mapRef(f.mergedIntoRef),
        dedupeKey: feedbackDedupeKey({ text: f.text, source: f.source, customerId, capturedAt }),
        version: f.version,
        createdAt: new Date(f.createdAt),
      };
    }),
    feedbackComponents: doc.feedback.flatMap((f) => f.componentRefs.map((r) => ({ workspaceId, feedbackId: must(f.ref), componentId: must(r) }))),
    opportunities: doc.opportunities.map((o) => ({ id: must(o.ref), workspaceId, title: o.title, problem: o.problem, status: o.status, ownerId: mapRef(o.ownerRef), version: o.version, createdAt: new Date(o.createdAt) })),
    opportunityComponents: doc.opportunities.flatMap((o) => o.componentRefs.map((r) => ({ workspaceId, opportunityId: must(o.ref), componentId: must(r) }))),
    evidence: doc.opportunities.flatMap((o) =>
      o.evidence.map((e) => ({
        id: newId(),
        workspaceId,
        opportunityId: must(o.ref),
        feedbackId: must(e.feedbackRef),
        quoteStart: e.quoteStart,
        quoteEnd: e.quoteEnd,
        importance: e.importance,
        createdById: mapRef(e.createdByRef),
        createdAt: new Date(e.createdAt),
      })),
    ),
    experiments: doc.experiments.map((e) => ({
      id: must(e.ref),
      workspaceId,
      title: e.title,
      hypothesis: e.hypothesis,
      type: e.type,
      metric: e.metric,
      successCriterion: e.successCriterion,
      startsOn: e.startsOn,
      endsOn: e.endsOn,
      status: e.status,
      result: e.result,
      learning: e.learning,
      decision: e.decision,
      ownerId: mapRef(e.ownerRef),
      version: e.version,
      createdAt: new Date(e.createdAt),
    })),
    experimentOpportunities: doc.experiments.flatMap((e) => e.opportunityRefs.map((r) => ({ workspaceId, experimentId: must(e.ref), opportunityId: must(r) }))),
    settings: doc.settings ? [{ workspaceId, ...doc.settings }] : [],
  });
}

/** Every ref the discovery section defines. */
export function discoveryRefs(doc: DiscoveryExport): string[] {
  return [
    ...doc.customers.flatMap((c) => [c.ref, ...c.contacts.map((x) => x.ref)]),
    ...doc.interviews.map((x) => x.ref),
    ...doc.feedback.map((x) => x.ref),
    ...doc.opportunities.map((x) => x.ref),
    ...doc.experiments.map((x) => x.ref),
  ];
}

/** The first reference of the discovery section that points nowhere, as [path, ref], or null. */
export function danglingDiscoveryRef(doc: DiscoveryExport, known: Set<string>): [string, string] | null {
  const check = (path: string, ref: string | null): [string, string] | null => (ref !== null && !known.has(ref) ? [path, ref] : null);
  const found: ([string, string] | null)[] = [
    ...doc.customers.map((c, i) => check(`discovery.customers.${i}.ownerRef`, c.ownerRef)),
    ...doc.interviews.flatMap((x, i) => [check(`discovery.interviews.${i}.contactRef`, x.contactRef), check(`discovery.interviews.${i}.interviewerRef`, x.interviewerRef)]),
    ...doc.feedback.flatMap((f, i) => [
      check(`discovery.feedback.${i}.customerRef`, f.customerRef),
      check(`discovery.feedback.${i}.contactRef`, f.contactRef),
      check(`discovery.feedback.${i}.capturedByRef`, f.capturedByRef),
      check(`discovery.feedback.${i}.interviewRef`, f.interviewRef),
      check(`discovery.feedback.${i}.mergedIntoRef`, f.mergedIntoRef),
      ...f.componentRefs.map((r) => check(`discovery.feedback.${i}.componentRefs`, r)),
    ]),
    ...doc.opportunities.flatMap((o, i) => [
      check(`discovery.opportunities.${i}.ownerRef`, o.ownerRef),
      ...o.componentRefs.map((r) => check(`discovery.opportunities.${i}.componentRefs`, r)),
      ...o.evidence.flatMap((e, j) => [check(`discovery.opportunities.${i}.evidence.${j}.feedbackRef`, e.feedbackRef), check(`discovery.opportunities.${i}.evidence.${j}.createdByRef`, e.createdByRef)]),
    ]),
    ...doc.experiments.flatMap((e, i) => [check(`discovery.experiments.${i}.ownerRef`, e.ownerRef), ...e.opportunityRefs.map((r) => check(`discovery.experiments.${i}.opportunityRefs`, r))]),
  ];
  return found.find((x) => x !== null) ?? null;
}
