/** The roles a member holds in a workspace, strongest first (PRODUCT.md, "Roles"). */
export const ROLES = ['admin', 'lead', 'pm', 'contributor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  lead: 'Product lead',
  pm: 'Product manager',
  contributor: 'Contributor',
  viewer: 'Viewer',
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: 'Everything in the workspace: members, settings, audit log. Cannot read private coaching notes.',
  lead: 'Edits strategy, goals, roadmap and every component; triages requests; coaches any PM.',
  pm: 'Edits the components they own; proposes strategy changes; reads everything not private.',
  contributor: 'Adds feedback and requests, comments, reads.',
  viewer: 'Reads what is shared with stakeholders.',
};
