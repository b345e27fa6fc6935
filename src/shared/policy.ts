import type { Role } from './roles.js';

/**
 * The one policy table: every action Sextant knows and the roles that may take it.
 * Ownership rules (a PM edits only the components they own) are in `can()` below.
 * The server enforces it; the web reads the same table to hide what a member cannot do.
 */
export const POLICY = {
  'workspace.read': ['admin', 'lead', 'pm', 'contributor', 'viewer'],
  'workspace.update': ['admin'],
  'member.read': ['admin', 'lead', 'pm', 'contributor', 'viewer'],
  'member.update': ['admin'],
  'member.remove': ['admin'],
  'member.leave': ['admin', 'lead', 'pm', 'contributor', 'viewer'],
  'profile.update-own': ['admin', 'lead', 'pm', 'contributor', 'viewer'],
  'invitation.read': ['admin'],
  'invitation.create': ['admin'],
  'invitation.revoke': ['admin'],
  'product.read': ['admin', 'lead', 'pm', 'contributor', 'viewer'],
  'product.create': ['admin', 'lead'],
  'product.update': ['admin', 'lead'],
  'product.delete': ['admin', 'lead'],
  'component.read': ['admin', 'lead', 'pm', 'contributor', 'viewer'],
  'component.create': ['admin', 'lead'],
  // pm passes the role check; ownership decides (see `can`).
  'component.update': ['admin', 'lead', 'pm'],
  'component.delete': ['admin', 'lead'],
  'audit.read': ['admin'],
  'notification.read-own': ['admin', 'lead', 'pm', 'contributor', 'viewer'],
  'workspace.export': ['admin'],

  // Discovery (issue 3). Raw customer input is internal: viewers (stakeholders) read opportunities and experiments only.
  'customer.read': ['admin', 'lead', 'pm', 'contributor'],
  'customer.create': ['admin', 'lead', 'pm'],
  'customer.update': ['admin', 'lead', 'pm'],
  'customer.import': ['admin', 'lead', 'pm'],
  'customer.delete': ['admin', 'lead'],
  'feedback.read': ['admin', 'lead', 'pm', 'contributor'],
  'feedback.create': ['admin', 'lead', 'pm', 'contributor'],
  // pm passes the role check; ownership decides (feedback tied only to other PMs' components is theirs).
  'feedback.update': ['admin', 'lead', 'pm'],
  'feedback.import': ['admin', 'lead', 'pm'],
  'feedback.merge': ['admin', 'lead', 'pm'],
  'feedback.delete': ['admin', 'lead'],
  'opportunity.read': ['admin', 'lead', 'pm', 'contributor', 'viewer'],
  'opportunity.create': ['admin', 'lead', 'pm'],
  'opportunity.update': ['admin', 'lead', 'pm'],
  'opportunity.delete': ['admin', 'lead'],
  'evidence.link': ['admin', 'lead', 'pm'],
  'interview.read': ['admin', 'lead', 'pm', 'contributor'],
  'interview.create': ['admin', 'lead', 'pm'],
  'interview.update': ['admin', 'lead', 'pm'],
  'interview.delete': ['admin', 'lead'],
  'experiment.read': ['admin', 'lead', 'pm', 'contributor', 'viewer'],
  'experiment.create': ['admin', 'lead', 'pm'],
  'experiment.update': ['admin', 'lead', 'pm'],
  'experiment.delete': ['admin', 'lead'],
  'discovery-settings.update': ['admin', 'lead'],

  // Decide and coordinate (issue 4). Viewers read the stakeholder version of features and the roadmap.
  'feature.read': ['admin', 'lead', 'pm', 'contributor', 'viewer'],
  // pm passes the role check; owning the feature's component decides (see `can`).
  'feature.create': ['admin', 'lead', 'pm'],
  'feature.update': ['admin', 'lead', 'pm'],
  'feature.delete': ['admin', 'lead', 'pm'],
  'dependency.create': ['admin', 'lead', 'pm'],
  'dependency.delete': ['admin', 'lead', 'pm'],
  'prioritization.read': ['admin', 'lead', 'pm', 'contributor'],
  'prioritization.manage': ['admin', 'lead'],
  'release.read': ['admin', 'lead', 'pm', 'contributor', 'viewer'],
  'release.create': ['admin', 'lead', 'pm'],
  'release.update': ['admin', 'lead', 'pm'],
  'release.delete': ['admin', 'lead'],
  'capacity.read': ['admin', 'lead', 'pm', 'contributor'],
  'capacity.update': ['admin', 'lead'],
  'roadmap-settings.update': ['admin', 'lead'],
  // Saved views: anyone saves their own; sharing one with the workspace, or changing another's, is for leads.
  'view.create': ['admin', 'lead', 'pm', 'contributor', 'viewer'],
  'view.share': ['admin', 'lead', 'pm'],

  // Coach PMs (issue 5). The role check only lets a caller try: coaching records are private to coach
  // and coachee, and the access rules (server/modules/coaching/coaching.access.ts) decide per record.
  'ladder.read': ['admin', 'lead', 'pm', 'contributor'],
  'ladder.manage': ['admin', 'lead'],
  'framework.read': ['admin', 'lead', 'pm', 'contributor'],
  'framework.manage': ['admin', 'lead'],
  'coaching.read': ['admin', 'lead', 'pm'],
  'coaching.write': ['admin', 'lead', 'pm'],
  'coaching-session.create': ['admin', 'lead'],
  'coaching.team': ['admin', 'lead'],
  'coaching-settings.update': ['admin'],

  // Strategy and goals (issue 6). Everyone reads the published strategy and the OKRs (viewers see no
  // draft); PMs propose changes and the lead decides and publishes.
  'strategy.read': ['admin', 'lead', 'pm', 'contributor', 'viewer'],
  'strategy.write': ['admin', 'lead'],
  'strategy.propose': ['admin', 'lead', 'pm'],
  'strategy.decide': ['admin', 'lead'],
  'strategy.publish': ['admin', 'lead'],
  'pillar.manage': ['admin', 'lead'],
  'okr.read': ['admin', 'lead', 'pm', 'contributor', 'viewer'],
  'period.manage': ['admin', 'lead'],
  // pm passes the role check; owning the objective (or its component) decides (see `can`).
  'objective.write': ['admin', 'lead', 'pm'],
  'key-result.check-in': ['admin', 'lead', 'pm'],
  'metric.read': ['admin', 'lead', 'pm', 'contributor', 'viewer'],
  'metric.write': ['admin', 'lead', 'pm'],
  // Coverage and drift name internal features: not for viewers.
  'drift.read': ['admin', 'lead', 'pm', 'contributor'],

  // Say no and represent the product (issue 7). Contributors and above submit requests; the lead, or the
  // PM who owns the request's component, decides them.
  'request.read': ['admin', 'lead', 'pm', 'contributor'],
  'request.create': ['admin', 'lead', 'pm', 'contributor'],
  'request.update': ['admin', 'lead', 'pm'],
  // pm passes the role check; owning the request's component decides (see `can`).
  'request.decide': ['admin', 'lead', 'pm'],
  'rationale.manage': ['admin', 'lead'],
  'decision.read': ['admin', 'lead', 'pm', 'contributor'],
  // A roadmap decision (why a feature changed): pm passes the role check; owning the feature's component decides.
  'decision.record': ['admin', 'lead', 'pm'],
  'update.read': ['admin', 'lead', 'pm', 'contributor', 'viewer'],
  // pm passes the role check; owning the update's component decides (see `can`).
  'update.write': ['admin', 'lead', 'pm'],
  'report.read': ['admin', 'lead', 'pm', 'contributor', 'viewer'],
  'report.create': ['admin', 'lead', 'pm'],
  'report.share': ['admin', 'lead'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof POLICY;

/** Actions where a PM is allowed only on what they own. */
const OWNED_BY_PM: ReadonlySet<Action> = new Set<Action>([
  'component.update',
  'feedback.update',
  // A feature's component owner; for a dependency, the owner of the dependent feature (A in "A needs B").
  'feature.create',
  'feature.update',
  'feature.delete',
  'dependency.create',
  'dependency.delete',
  // The objective's owner or its component's owner; for a key result, its owner too.
  'objective.write',
  'key-result.check-in',
  // The request's component owner; the update's component owner; a roadmap decision's feature's component owner.
  'request.decide',
  'update.write',
  'decision.record',
]);

export interface PolicySubject {
  role: Role;
  memberId: string;
}

export interface PolicyResource {
  /** Member ids that own the resource (a component's owner PM). */
  ownerIds?: readonly (string | null | undefined)[];
}

/** True when the role may take the action at all, before ownership is known. */
export function roleAllows(role: Role, action: Action): boolean {
  return (POLICY[action] as readonly Role[]).includes(role);
}

/** Decides an action from the role and, for PMs, ownership of the resource. */
export function can(subject: PolicySubject, action: Action, resource?: PolicyResource): boolean {
  if (!roleAllows(subject.role, action)) return false;
  if (subject.role === 'pm' && OWNED_BY_PM.has(action)) {
    // Feedback not yet tied to any component is anyone's to triage; otherwise a PM must own one of them.
    if (action === 'feedback.update' && resource?.ownerIds && resource.ownerIds.length === 0) return true;
    return Boolean(resource?.ownerIds?.includes(subject.memberId));
  }
  return true;
}
