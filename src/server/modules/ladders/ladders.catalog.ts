import type { LadderTrack } from '../../../shared/contracts.js';

/**
 * The default career ladder, from the product management career path in the reference text
 * (shared/reference/product-lead-role.txt): a shared trunk from Associate PM to Senior PM that splits
 * into an individual-contributor track (product lead, then group and principal PM, after Ken Norton's
 * dual path) and a management track (director, VP, CPO). Titles, descriptions and scopes are our words.
 */

export const LEVEL_KEYS = [
  'associate-pm',
  'junior-pm',
  'product-manager',
  'senior-pm',
  'product-lead',
  'group-pm',
  'principal-pm',
  'product-director',
  'vp-product',
  'cpo',
] as const;
export type LevelKey = (typeof LEVEL_KEYS)[number];

export interface CatalogSalary {
  min: number;
  mid: number;
  max: number;
  currency: string;
  source: string;
  /** The reference text is dated "February 1" without a year, so the figures carry no effective date. */
  effectiveOn: null;
}

export interface CatalogLevel {
  key: LevelKey;
  track: LadderTrack;
  rank: number;
  title: string;
  description: string;
  scope: string;
  salary: CatalogSalary | null;
}

export const DEFAULT_LADDER = {
  name: 'Product management career path',
  description:
    'From Associate PM to CPO: one shared trunk up to Senior PM, then two tracks. The individual-contributor track grows scope and craft ' +
    '(Product Lead, Group PM, Principal PM); the management track leads people (Product Director, VP / Head of Product, CPO).',
} as const;

/** The reference text's only salary figures (Glassdoor, quoted there); a sample, not advice. */
export const SAMPLE_SALARY_SOURCE =
  'Glassdoor figures quoted in the reference text (sample, not advice). Product lead: average base pay $119,803 a year, range $67,000–$213,000. ' +
  'For comparison, lead product manager: average $155,012, range $113,000–$213,000. Figures vary with location, company and experience.';

export const DEFAULT_LEVELS: readonly CatalogLevel[] = [
  {
    key: 'associate-pm',
    track: 'shared',
    rank: 1,
    title: 'Associate PM',
    description:
      'The way into product management. Learns the craft as an apprentice beside an experienced PM: sits in on interviews, writes first requirements, ' +
      'and owns small pieces of work whose problem is already well framed.',
    scope: 'A slice of one team’s backlog, with close guidance.',
    salary: null,
  },
  {
    key: 'junior-pm',
    track: 'shared',
    rank: 2,
    title: 'Junior PM / Product Owner',
    description:
      'Runs one team’s backlog day to day: turns decisions into requirements the team can build from, answers the team’s questions and starts talking ' +
      'to customers directly. Sometimes called product owner or technical product manager.',
    scope: 'One team’s backlog and delivery, inside a direction someone else sets.',
    salary: null,
  },
  {
    key: 'product-manager',
    track: 'shared',
    rank: 3,
    title: 'Product Manager',
    description:
      'Owns one component or app of the product and works with its team from discovery to launch: gathers evidence, decides and specifies what to build, ' +
      'keeps the roadmap and status of their part true. Gives input to the product strategy and executes it within their area.',
    scope: 'One component or app and its product team, end to end.',
    salary: null,
  },
  {
    key: 'senior-pm',
    track: 'shared',
    rank: 4,
    title: 'Senior PM',
    description:
      'Owns a larger, riskier or more ambiguous area with little guidance, balances competing stakeholders and mentors peers informally. ' +
      'The step before the path splits: stay an individual contributor as a product lead, or start leading people as a director.',
    scope: 'A complex component or several related ones; outcomes measured for the whole area.',
    salary: null,
  },
  {
    key: 'product-lead',
    track: 'ic',
    rank: 5,
    title: 'Product Lead / Lead PM',
    description:
      'Owns a whole product made of several components, each with its own PM. Crafts the product strategy with the PMs’ input, coordinates their teams, ' +
      'represents the product to the rest of the organization and shields the teams from outside politics. Coaches the PMs, formally and mostly through ' +
      'questions, but does not manage them.',
    scope: 'A complete product across several product teams and PMs, over its whole lifecycle.',
    salary: { min: 67_000, mid: 119_803, max: 213_000, currency: 'USD', source: SAMPLE_SALARY_SOURCE, effectiveOn: null },
  },
  {
    key: 'group-pm',
    track: 'ic',
    rank: 6,
    title: 'Group PM',
    description:
      'More responsibility without managing people: a product line or a group of related products, with product leads and PMs who look to them for ' +
      'direction and coaching. Sets the strategy across those products and resolves conflicts between them.',
    scope: 'A product line or group of products and the teams behind them.',
    salary: null,
  },
  {
    key: 'principal-pm',
    track: 'ic',
    rank: 7,
    title: 'Principal PM',
    description:
      'The organization’s deepest product practitioner, given its hardest problems: a critical new product, a new market or a turnaround. ' +
      'Sets the standard for the craft and coaches product people across the organization.',
    scope: 'Company-critical products and bets; influence across the whole product organization.',
    salary: null,
  },
  {
    key: 'product-director',
    track: 'management',
    rank: 6,
    title: 'Product Director',
    description:
      'Leads people: hires, grows and evaluates a group of PMs and is accountable for the outcomes of their portfolio. Often the next step for a senior PM ' +
      'or product lead who wants to manage; the product lead is its individual-contributor counterpart.',
    scope: 'A portfolio of products and the PMs who own them.',
    salary: null,
  },
  {
    key: 'vp-product',
    track: 'management',
    rank: 7,
    title: 'VP / Head of Product',
    description:
      'Runs the product organization or a large part of it: sets the product vision and how product work is done, builds the team of directors and leads, ' +
      'and brings the product view to executive decisions.',
    scope: 'The product organization, or the products of a business unit.',
    salary: null,
  },
  {
    key: 'cpo',
    track: 'management',
    rank: 8,
    title: 'CPO / Chief Product Officer',
    description:
      'Owns product at company level as a member of the executive team: the portfolio as a business, the product culture, and the link between ' +
      'the company’s strategy and what gets built.',
    scope: 'Every product of the company and the whole product organization.',
    salary: null,
  },
];

/** The default levels of one track in ladder order: the shared trunk for `shared`, the branch's own levels otherwise. */
export function levelsOfTrack(track: LadderTrack): readonly CatalogLevel[] {
  return DEFAULT_LEVELS.filter((l) => l.track === track).sort((a, b) => a.rank - b.rank);
}
