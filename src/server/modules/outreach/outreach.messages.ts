import type { DecisionFacts, FeatureFacts } from './outreach.repository.js';

/** What a requester is told: a short title for the bell and subject line, and the text with the reason. */
export interface OutcomeMessage {
  kind: string;
  title: string;
  body: string;
}

const KINDS: Record<string, string> = { accept: 'request.accepted', merge: 'request.merged', defer: 'request.deferred', decline: 'request.declined' };

/** A day (YYYY-MM-DD) as people read it: "14 March 2027". */
export function readableDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? day : d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** The reason given: the template's title and the free text, without saying the same thing twice. */
function reasonOf(f: DecisionFacts): string {
  const text = f.rationale.trim();
  const template = f.templateTitle?.trim();
  if (template && text && !text.toLowerCase().startsWith(template.toLowerCase())) return `${template}. ${text}`;
  return text || template || '';
}

/** The outcome of a decision, saying what was decided and why. */
export function outcomeMessage(f: DecisionFacts): OutcomeMessage {
  const ask = `“${f.requestTitle}”`;
  const reason = reasonOf(f);
  const why = reason ? `\n\nWhy: ${reason}` : '';
  switch (f.action) {
    case 'accept':
      return {
        kind: KINDS.accept!,
        title: `Accepted: ${f.requestTitle}`,
        body: f.featureTitle ? `${ask} was accepted and is planned as “${f.featureTitle}”. You will hear again when it ships.${why}` : `${ask} was accepted onto the roadmap.${why}`,
      };
    case 'merge':
      return {
        kind: KINDS.merge!,
        title: `Merged: ${f.requestTitle}`,
        body: `${ask} was merged into “${f.intoRequestTitle ?? 'another request'}”, which asks for the same thing. You stay one of its requesters and will hear its outcome.${why}`,
      };
    case 'defer':
      return {
        kind: KINDS.defer!,
        title: `Deferred: ${f.requestTitle}`,
        body: `${ask} was deferred${f.revisitOn ? ` and will be looked at again on ${readableDay(f.revisitOn)}` : ''}.${why}`,
      };
    default:
      return {
        kind: KINDS.decline!,
        title: `Declined: ${f.requestTitle}`,
        body: `${ask} was declined.${reason ? `\n\nWhy: ${reason}` : ''}`,
      };
  }
}

/** The email of an outcome: a greeting, the outcome with its reason, and who decided. */
export function outcomeEmail(f: DecisionFacts, message: OutcomeMessage, name: string | null): { subject: string; text: string } {
  const signed = f.deciderName ? `${f.deciderName}, ${f.workspaceName}` : f.workspaceName;
  return {
    subject: `[${f.workspaceName}] ${message.title}`,
    text: `Hello${name ? ` ${name}` : ''},\n\n${message.body}\n\nThank you for asking.\n\n${signed}\n`,
  };
}

/** "Shipped" for everyone who asked for the feature. */
export function shippedMessage(f: FeatureFacts): { title: string; body: string } {
  return { title: `Shipped: ${f.title}`, body: `“${f.title}”, which you asked for, has shipped.` };
}

export function shippedEmail(f: FeatureFacts, name: string | null): { subject: string; text: string } {
  const m = shippedMessage(f);
  return {
    subject: `[${f.workspaceName}] ${m.title}`,
    text: `Hello${name ? ` ${name}` : ''},\n\n${m.body} Thank you for telling us you needed it.\n\n${f.workspaceName}\n`,
  };
}
