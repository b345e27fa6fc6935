/**
 * The demo workspace's coaching: Maya Chen (the lead) coaches four PMs at different points of the
 * career path. Their ratings and evidence are written to read like a real quarter of coaching, and they
 * point at the demo's real interviews, experiments and features (by title or key). Their plans, 1:1s and
 * learning are in demo-coaching.growth.data.ts.
 */
import type { ProductLeadCompetency } from '../../../shared/coaching.js';

export type DemoCoachee = 'diego' | 'priya' | 'tom' | 'aiko';
export const DEMO_COACHEES: DemoCoachee[] = ['diego', 'priya', 'tom', 'aiko'];
export const DEMO_COACH = 'maya';

/** Where each person stands on the default ladder (level keys of the ladder catalog). */
export const DEMO_LEVELS: Record<string, { level: string; sinceDaysAgo: number; note: string }> = {
  maya: { level: 'group-pm', sinceDaysAgo: 400, note: 'Leads the commerce product line and coaches its PMs.' },
  diego: { level: 'senior-pm', sinceDaysAgo: 520, note: 'Owns checkout and payments end to end.' },
  priya: { level: 'product-manager', sinceDaysAgo: 300, note: 'Promoted from junior PM after the catalog relaunch.' },
  tom: { level: 'product-manager', sinceDaysAgo: 700, note: '' },
  aiko: { level: 'associate-pm', sinceDaysAgo: 150, note: 'First product role; joined from customer success.' },
};

// ---------------------------------------------------------------------------------------------
// Assessments
// ---------------------------------------------------------------------------------------------

/** A link from evidence to a demo record: an interview or experiment by title, a feature by key. */
export type DemoLink = { type: 'interview'; title: string } | { type: 'experiment'; title: string } | { type: 'feature'; key: string } | { type: 'requirements'; key: string };

/**
 * Ratings on the default framework's eleven competencies (1-5, in PRODUCT_LEAD_COMPETENCIES order) for
 * the earlier and the later period: [self, coach]. The later period shows some gaps closing.
 */
export const DEMO_RATINGS: Record<DemoCoachee, { earlier: [number[], number[]]; later: [number[], number[]] }> = {
  //            vis int val road pri okr no  cust com dev coach
  diego: {
    earlier: [
      [3, 4, 4, 3, 3, 3, 2, 4, 4, 4, 2],
      [3, 4, 4, 3, 2, 3, 3, 4, 3, 4, 2],
    ],
    later: [
      [4, 4, 4, 4, 3, 3, 3, 4, 4, 4, 3],
      [3, 4, 5, 4, 3, 3, 3, 4, 4, 4, 3],
    ],
  },
  priya: {
    earlier: [
      [2, 3, 2, 3, 2, 2, 2, 3, 3, 3, 1],
      [2, 4, 2, 3, 2, 2, 2, 3, 3, 3, 1],
    ],
    later: [
      [3, 4, 3, 3, 2, 3, 2, 4, 3, 3, 2],
      [2, 4, 3, 3, 2, 3, 3, 4, 3, 3, 2],
    ],
  },
  tom: {
    earlier: [
      [3, 2, 2, 4, 2, 3, 3, 2, 4, 4, 2],
      [2, 2, 2, 4, 2, 2, 3, 2, 3, 4, 2],
    ],
    later: [
      [3, 2, 2, 4, 2, 3, 4, 3, 4, 4, 2],
      [2, 2, 2, 4, 2, 3, 3, 2, 4, 4, 2],
    ],
  },
  aiko: {
    earlier: [
      [2, 2, 1, 2, 1, 1, 1, 3, 2, 2, 1],
      [1, 2, 1, 2, 1, 1, 1, 3, 2, 2, 1],
    ],
    later: [
      [2, 2, 2, 2, 1, 2, 1, 3, 3, 2, 1],
      [2, 2, 2, 2, 1, 2, 2, 3, 3, 2, 1],
    ],
  },
};

/** Evidence for a competency, as the person (self) or their coach writes it, with links to real records. */
export interface DemoEvidence {
  self: string;
  coach: string;
  links?: DemoLink[];
}

/** The specific evidence each PM and Maya wrote in the later period; other competencies use DEMO_EVIDENCE_DEFAULT. */
export const DEMO_EVIDENCE: Record<DemoCoachee, Partial<Record<ProductLeadCompetency, DemoEvidence>>> = {
  diego: {
    'interviewing-users': {
      self: 'Interviewed Northwind about the mobile drop-off; the notes became three highlights on the SCA opportunity.',
      coach: 'Diego’s Northwind interview found the new-tab problem before any dashboard did. His scripts open with the last real event, not opinions.',
      links: [
        { type: 'interview', title: 'Northwind: checkout drop-off on mobile' },
        { type: 'feature', key: 'inpage-3ds' },
      ],
    },
    'customer-validation': {
      self: 'Ran the in-page 3-D Secure test to a clear result before we committed the spring release.',
      coach: 'The in-page challenge experiment had a success criterion written before launch and a decision recorded after it. A model for the team.',
      links: [{ type: 'experiment', title: 'In-page 3-D Secure challenge' }],
    },
    pricing: {
      self: 'Set up the merchandising add-on price test with Priya; first pricing work I have led.',
      coach: 'Good first pricing test, but the willingness-to-pay question is still framed as “will they accept the price” rather than “what is it worth to them”.',
      links: [{ type: 'experiment', title: 'Search merchandising add-on price test' }],
    },
    'saying-no': {
      self: 'Declined buy now, pay later for this year and wrote down why.',
      coach: 'The BNPL decision was right and well argued; the sales team still heard about it second-hand. Saying no includes telling the asker first.',
      links: [{ type: 'feature', key: 'bnpl' }],
    },
    'coaching-mentoring': {
      self: 'Paired with Aiko on her first requirements document.',
      coach: 'Started coaching Aiko unprompted. Next step: ask her questions instead of rewriting her drafts.',
    },
  },
  priya: {
    'interviewing-users': {
      self: 'Two customer interviews on search and stock sync; I now record every one in Sextant.',
      coach: 'Priya listens well and follows up on the surprising answer. Kinetic’s “couch finds nothing” story came from her second question, not her script.',
      links: [
        { type: 'interview', title: 'Kinetic Sports: search and webhooks' },
        { type: 'interview', title: 'Atlas Gear: stock sync and staff accounts' },
      ],
    },
    'product-development': {
      self: 'Wrote the typo-tolerant search requirements with a metric and the evidence linked.',
      coach: 'The typo-search document is the best in the team: evidence quoted, metric with a baseline, non-goals explicit.',
      links: [{ type: 'requirements', key: 'typo-search' }],
    },
    'customer-validation': {
      self: 'Tried synonym suggestions by hand with three merchants before writing the typo-search requirements.',
      coach: 'A cheap test that answered a real question, but it is not recorded as an experiment: nobody else can find the result or build on it.',
    },
    'vision-strategy': {
      self: 'I can explain the search roadmap but not yet how it serves the product strategy.',
      coach: 'Priya describes features well; the “why this, why now” for catalog as a whole is still mine to tell. That is the next step.',
      links: [{ type: 'feature', key: 'semantic-search' }],
    },
  },
  tom: {
    roadmapping: {
      self: 'Kept the dashboard roadmap honest through two scope cuts.',
      coach: 'Tom’s roadmap is the most reliable in the product: dates move early and with reasons.',
      links: [{ type: 'feature', key: 'custom-reports' }],
    },
    'interviewing-users': {
      self: 'Most of what I know about merchants comes from support tickets and sales calls.',
      coach: 'Tom knows the tickets, not the merchants: no interview of his is recorded in Sextant this half, while the report builder’s scope rests on what finance teams need.',
      links: [{ type: 'feature', key: 'custom-reports' }],
    },
    'product-development': {
      self: 'Staff roles requirements are in progress.',
      coach: 'The staff-roles document has no evidence linked and no success metric yet, while the build has started.',
      links: [{ type: 'requirements', key: 'staff-roles' }],
    },
    'saying-no': {
      self: 'Said no to dark mode twice this quarter.',
      coach: 'Clear and kind with stakeholders; the rationale for dark mode lives in Slack, not where the next person will find it.',
      links: [{ type: 'feature', key: 'dark-mode' }],
    },
  },
  aiko: {
    'understanding-customers': {
      self: 'Two years in customer success taught me how shoppers and merchants talk about the app.',
      coach: 'Aiko’s customer knowledge is her strength: she predicted the wish-list crash reports from the store reviews.',
      links: [{ type: 'feature', key: 'wishlist-perf' }],
    },
    'customer-validation': {
      self: 'Planned my first experiment: a prototype test of paginated wish lists.',
      coach: 'The prototype test has been talked about for weeks without a written hypothesis or success criterion. What would make it worth running?',
      links: [{ type: 'feature', key: 'wishlist-perf' }],
    },
    'product-development': {
      self: 'Wrote my first requirements document, for fast wish lists.',
      coach: 'A solid first document with a metric; the evidence she quotes is not linked, so nobody can check it.',
      links: [{ type: 'requirements', key: 'wishlist-perf' }],
    },
    'interviewing-users': {
      self: 'Talked to shoppers about push notifications at a community meetup.',
      coach: 'No interview of hers is recorded yet. The push-offers complaints deserve a proper conversation with the shoppers who uninstalled.',
      links: [{ type: 'feature', key: 'push-prefs' }],
    },
  },
};

/** Evidence for the competencies a PM did not write about specifically: short, honest observations. */
export const DEMO_EVIDENCE_DEFAULT: Record<ProductLeadCompetency, { self: string; coach: string }> = {
  'vision-strategy': { self: 'I can say where my component is going this year.', coach: 'Connects the component’s plans to the product strategy when asked; not yet unprompted.' },
  'interviewing-users': { self: 'I talk to customers when a problem comes up.', coach: 'Customer conversations happen, but not on a rhythm.' },
  'customer-validation': { self: 'I test the riskiest ideas before building.', coach: 'Tests happen for big bets; smaller ones ship on conviction.' },
  roadmapping: { self: 'My roadmap is up to date in Sextant.', coach: 'Roadmap is current and dates move with reasons.' },
  pricing: { self: 'Little pricing work this period.', coach: 'No pricing decisions in scope this period.' },
  'okrs-metrics': { self: 'I track the component’s key metric weekly.', coach: 'Knows the headline metric; leading indicators are less clear.' },
  'saying-no': { self: 'I push back on requests that do not fit.', coach: 'Says no when it matters; the reasons are not always written down.' },
  'understanding-customers': { self: 'I read feedback for my area every week.', coach: 'Knows the main customer problems of the area and who has them.' },
  communication: { self: 'Stakeholders hear from me before the release notes.', coach: 'Clear in writing; updates could lead with the decision needed.' },
  'product-development': { self: 'Engineers and design are involved from discovery on.', coach: 'Works well with the team; specifications are sometimes written after the build starts.' },
  'coaching-mentoring': { self: 'I help new joiners find their way.', coach: 'Helps others when asked.' },
};

// ---------------------------------------------------------------------------------------------
// Work attributed to the PMs, so their coaching signals have something to count
// ---------------------------------------------------------------------------------------------

/** Requirements written or revised by the PMs (the demo's first three were written by Maya). */
export interface DemoRequirementsWork {
  feature: string;
  author: DemoCoachee;
  daysAgo: number;
  /** A new document, or null to revise the existing one (its body with `append` added). */
  body: string | null;
  append?: string;
}

export const DEMO_REQUIREMENTS_WORK: DemoRequirementsWork[] = [
  {
    feature: 'wallets',
    author: 'diego',
    daysAgo: 6,
    body: `## Problem
Shoppers on mobile give up at the card form; merchants tell us wallets would skip the address step.

## Goals and success metrics

| Metric | Today | Target | Read on |
| --- | --- | --- | --- |
| Mobile checkout conversion | 2.1% | 2.6% | Four weeks after launch |

## Users
Shoppers on mobile web first, then the app.

## Requirements
1. **Must** — Apple Pay and Google Pay buttons on cart and checkout.
2. **Should** — Express shipping selection inside the wallet sheet.
`,
  },
  {
    feature: 'typo-search',
    author: 'priya',
    daysAgo: 25,
    body: `## Problem
Shoppers misspell product names on phones and get no results: 14% of storefront searches find nothing.

## Goals and success metrics

| Metric | Today | Target | Read on |
| --- | --- | --- | --- |
| Searches with no results | 14% | under 6% | Every Monday for a month after launch |

## Users
Shoppers on every storefront; merchants with large catalogues first.

## Scope and non-goals
- In scope: fuzzy matching, synonyms merchants can edit.
- Not in scope: descriptive queries (semantic search).

## Requirements
1. **Must** — One-letter typos still match.
2. **Must** — Merchants add synonyms in the dashboard.
`,
  },
  {
    feature: 'custom-reports',
    author: 'tom',
    daysAgo: 33,
    body: null,
    append: '\n## Notes from merchants\n- Finance teams close the week on Mondays; channel and tax region matter most.\n',
  },
  {
    feature: 'staff-roles',
    author: 'tom',
    daysAgo: 15,
    body: `## Problem
Warehouse staff see revenue figures they should not, so merchants share one admin login instead.

## Goals and success metrics

> What changes for the user and the business when this ships? Name one or two metrics with a
> baseline and a target, and when you will read them.

| Metric | Today | Target | Read on |
| --- | --- | --- | --- |
|  |  |  |  |

## Requirements
1. **Must** — Roles for owner, finance and warehouse staff.
2. **Should** — Custom roles per store.
`,
  },
  {
    feature: 'wishlist-perf',
    author: 'aiko',
    daysAgo: 20,
    body: `## Problem
The app crashes when a shopper opens a wish list with more than 50 items; store reviews mention it weekly.

## Goals and success metrics
- Wish-list crashes: zero in the crash reports two weeks after release.
- 90% of wish lists open in under a second.

## Requirements
1. **Must** — Load wish lists in pages of 30.
2. **Should** — Keep the scroll position when returning to the list.
`,
  },
];
