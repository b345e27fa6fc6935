/**
 * The demo workspace's coaching: Maya Chen (the lead) coaches four PMs at different points of the
 * career path. Their ratings, plans, 1:1s and learning are written to read like a real quarter of
 * coaching, and they point at the demo's real interviews, experiments and features (by title or key).
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
// Growth plans
// ---------------------------------------------------------------------------------------------

export interface DemoGoal {
  competency: ProductLeadCompetency;
  title: string;
  description: string;
  dueInDays: number;
  status: 'not_started' | 'in_progress' | 'done' | 'dropped';
  /** The next bigger challenge: a demo feature (by key), experiment (by title) or component (by name). */
  challenge?: { type: 'feature'; key: string } | { type: 'experiment'; title: string } | { type: 'component'; name: string };
  checkIns: { daysAgo: number; progress: number; note: string; by: 'coach' | 'self' }[];
}

export interface DemoPlan {
  person: DemoCoachee;
  title: string;
  summary: string;
  private: boolean;
  goals: DemoGoal[];
}

export const DEMO_PLANS: DemoPlan[] = [
  {
    person: 'diego',
    title: 'From senior PM to product lead',
    summary: 'Take on product-lead scope across payments: strategy, pricing and coaching others.',
    private: false,
    goals: [
      {
        competency: 'roadmapping',
        title: 'Own the wallets launch across web and mobile',
        description: 'Coordinate the checkout and mobile teams on one launch plan, with the dependency on the mobile wallets work made explicit.',
        dueInDays: 120,
        status: 'in_progress',
        challenge: { type: 'feature', key: 'wallets' },
        checkIns: [{ daysAgo: 9, progress: 30, note: 'Launch plan agreed with Grace’s team; the mobile dependency is on the roadmap.', by: 'self' }],
      },
      {
        competency: 'pricing',
        title: 'Run a willingness-to-pay study for the merchandising add-on',
        description: 'Find out what the add-on is worth to merchants before we set its price.',
        dueInDays: 45,
        status: 'in_progress',
        challenge: { type: 'experiment', title: 'Search merchandising add-on price test' },
        checkIns: [{ daysAgo: 5, progress: 40, note: 'Six merchant calls booked; the price test is live on the pricing page.', by: 'self' }],
      },
      {
        competency: 'coaching-mentoring',
        title: 'Coach Aiko through her first quarter of discovery',
        description: 'A fortnightly hour with Aiko, asking rather than telling.',
        dueInDays: 75,
        status: 'in_progress',
        checkIns: [{ daysAgo: 14, progress: 25, note: 'Two sessions so far. Caught myself rewriting her document; next time questions only.', by: 'coach' }],
      },
    ],
  },
  {
    person: 'priya',
    title: 'Catalog strategy, not just catalog features',
    summary: 'Grow from a strong feature owner into the person who sets catalog’s direction.',
    private: false,
    goals: [
      {
        competency: 'vision-strategy',
        title: 'Write catalog’s one-page strategy and present it to the leads',
        description: 'Which problems catalog will and will not solve in the next year, and why.',
        dueInDays: 60,
        status: 'in_progress',
        checkIns: [{ daysAgo: 7, progress: 35, note: 'First draft of the problems we will not solve; reviewing with Oscar next week.', by: 'self' }],
      },
      {
        competency: 'customer-validation',
        title: 'Validate descriptive search before it enters planning',
        description: 'Take semantic search from an idea to a tested bet with a clear result.',
        dueInDays: 100,
        status: 'not_started',
        challenge: { type: 'feature', key: 'semantic-search' },
        checkIns: [],
      },
      {
        competency: 'interviewing-users',
        title: 'Hold an interview every two weeks',
        description: 'Recorded in Sextant, with highlights turned into feedback.',
        dueInDays: 20,
        status: 'in_progress',
        checkIns: [{ daysAgo: 12, progress: 50, note: 'Two interviews recorded with highlights; the informal calls in between are not in Sextant yet.', by: 'coach' }],
      },
    ],
  },
  {
    person: 'tom',
    title: 'Closer to merchants',
    summary: 'Base the dashboard’s decisions on what merchants say and do, not only on tickets.',
    private: false,
    goals: [
      {
        competency: 'interviewing-users',
        title: 'Interview five merchant finance teams',
        description: 'Before the report builder’s second milestone: how do they close the week today?',
        dueInDays: 30,
        status: 'in_progress',
        checkIns: [{ daysAgo: 16, progress: 10, note: 'First call booked with Lumen Home’s finance controller; four more to schedule.', by: 'self' }],
      },
      {
        competency: 'okrs-metrics',
        title: 'Give every dashboard requirements document a success metric',
        description: 'Baseline, target and the date we read it.',
        dueInDays: 21,
        status: 'not_started',
        challenge: { type: 'feature', key: 'custom-reports' },
        checkIns: [],
      },
    ],
  },
  {
    person: 'aiko',
    title: 'First year as a PM',
    summary: 'Private between Aiko and Maya: the basics of discovery, and confidence in saying no.',
    private: true,
    goals: [
      {
        competency: 'customer-validation',
        title: 'Run the wish-list prototype test to a decision',
        description: 'Write the hypothesis and a success criterion, run it with an end date, then decide.',
        dueInDays: 14,
        status: 'in_progress',
        challenge: { type: 'feature', key: 'wishlist-perf' },
        checkIns: [{ daysAgo: 12, progress: 30, note: 'Hypothesis written; criterion: 90% of sessions load the list in under a second.', by: 'self' }],
      },
      {
        competency: 'saying-no',
        title: 'Decline one stakeholder request with a written rationale',
        description: 'Practise a kind, clear no, and log the reason where others can find it.',
        dueInDays: 40,
        status: 'not_started',
        checkIns: [],
      },
      {
        competency: 'interviewing-users',
        title: 'Talk to three shoppers who turned off push offers',
        description: 'Learn why before we build push preferences.',
        dueInDays: 35,
        status: 'not_started',
        challenge: { type: 'feature', key: 'push-prefs' },
        checkIns: [],
      },
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// Coaching sessions
// ---------------------------------------------------------------------------------------------

export interface DemoSession {
  coachee: DemoCoachee;
  /** Days before today; negative for an upcoming session. */
  daysAgo: number;
  agenda: { text: string; done: boolean }[];
  actions: { text: string; owner: 'coach' | 'coachee'; dueInDays: number; done: boolean }[];
  journal: { competency: ProductLeadCompetency; question: string; answer: string }[];
  shared?: string;
  /** The coach's private note: visible to Maya only. */
  coachPrivate?: string;
}

export const DEMO_SESSIONS: DemoSession[] = [
  {
    coachee: 'diego',
    daysAgo: 41,
    agenda: [
      { text: 'How the in-page 3-D Secure result changes the spring release', done: true },
      { text: 'Pricing the merchandising add-on', done: true },
    ],
    actions: [
      { text: 'Write down the success criterion for the price test before it goes live', owner: 'coachee', dueInDays: -34, done: true },
      { text: 'Share the BNPL decision with Sarah’s sales team directly', owner: 'coachee', dueInDays: -30, done: true },
    ],
    journal: [
      {
        competency: 'customer-validation',
        question: 'What would the in-page challenge result have had to be for you to stop the feature?',
        answer: 'Authorisation up by less than two points. I had not written that down before the test; I will next time.',
      },
      {
        competency: 'pricing',
        question: 'Who would be disappointed if the add-on disappeared tomorrow, and why?',
        answer: 'Merchants with big catalogues who merchandise by hand today. I do not yet know how many there are.',
      },
    ],
    shared: 'Agreed: the add-on price test runs for four weeks with a written criterion; Diego tells sales about BNPL himself.',
  },
  {
    coachee: 'diego',
    daysAgo: 13,
    agenda: [
      { text: 'Wallets launch: the mobile dependency', done: true },
      { text: 'Coaching Aiko without rewriting her work', done: true },
    ],
    actions: [
      { text: 'Draft the payments one-pager and send it to Maya', owner: 'coachee', dueInDays: 10, done: false },
      { text: 'Introduce Diego to the CFO for the pricing conversation', owner: 'coach', dueInDays: 5, done: false },
    ],
    journal: [
      {
        competency: 'coaching-mentoring',
        question: 'When Aiko’s draft was wrong, what question could you have asked instead of fixing it?',
        answer: '“Who will read this first, and what will they do with it?” She would have found the missing metric herself.',
      },
      {
        competency: 'roadmapping',
        question: 'If the mobile wallets work slips a quarter, what do you tell the merchants who were promised wallets?',
        answer: 'That web ships first and the app follows; I would rather say it now than in June.',
      },
    ],
    shared: 'Wallets: web first, app a quarter later, told to customer success this week.',
    coachPrivate: 'Diego is ready for a product-lead scope within two quarters if the pricing work lands. Raise with the VP in the calibration.',
  },
  {
    coachee: 'priya',
    daysAgo: 20,
    agenda: [
      { text: 'Typo-search requirements review', done: true },
      { text: 'What a catalog strategy would say', done: true },
    ],
    actions: [
      { text: 'Draft the problems catalog will not solve this year', owner: 'coachee', dueInDays: 7, done: true },
      { text: 'Book a review of the strategy draft with Oscar', owner: 'coachee', dueInDays: 14, done: false },
    ],
    journal: [
      {
        competency: 'vision-strategy',
        question: 'Which catalog problem would you leave unsolved on purpose, and what would you say to the merchant who has it?',
        answer: 'B2B price lists. We would lose a few wholesale merchants, but it is a different product and I can say so.',
      },
      {
        competency: 'okrs-metrics',
        question: 'How will you know, a month after launch, that typo tolerance worked?',
        answer: 'Searches with no results down from 14% to under 6%, read in the search analytics every Monday.',
      },
    ],
    shared: 'Strategy draft to Oscar next; typo-search goes into the spring release as planned.',
  },
  {
    coachee: 'tom',
    daysAgo: 27,
    agenda: [
      { text: 'The report builder’s first milestone', done: true },
      { text: 'Where do dashboard decisions come from?', done: true },
    ],
    actions: [
      { text: 'Interview two merchant finance teams', owner: 'coachee', dueInDays: 0, done: false },
      { text: 'Add a success metric to the staff-roles requirements', owner: 'coachee', dueInDays: -7, done: false },
    ],
    journal: [
      {
        competency: 'interviewing-users',
        question: 'What do you know about why these merchants asked for custom reports, and how did you learn it?',
        answer: 'Mostly from tickets. The one call with Lumen showed the real job is closing the week for finance, which the tickets never said.',
      },
    ],
    shared: 'Tom will talk to finance teams before the second milestone of the report builder.',
  },
  {
    coachee: 'aiko',
    daysAgo: 12,
    agenda: [
      { text: 'The wish-list prototype test', done: true },
      { text: 'Your first requirements document', done: true },
    ],
    actions: [
      { text: 'Set an end date and a success criterion for the prototype test', owner: 'coachee', dueInDays: -5, done: true },
      { text: 'Link the feedback you quote in the wish-list requirements as evidence', owner: 'coachee', dueInDays: 3, done: false },
    ],
    journal: [
      {
        competency: 'customer-validation',
        question: 'What result would make you stop the prototype test today?',
        answer: 'If nine in ten sessions already load fast enough, there is nothing to fix. I had not thought of it like that.',
      },
      {
        competency: 'saying-no',
        question: 'Which request are you saying yes to that you would rather decline, and what stops you?',
        answer: 'Photo reviews. Marketing asks every week and I do not want to let Noah down.',
      },
    ],
    shared: 'End date for the prototype test set; evidence links to add before the next session.',
  },
  {
    coachee: 'aiko',
    daysAgo: -6,
    agenda: [
      { text: 'Decision on the wish-list prototype test', done: false },
      { text: 'Practising the no to photo reviews', done: false },
    ],
    actions: [],
    journal: [],
  },
];

// ---------------------------------------------------------------------------------------------
// Learning log
// ---------------------------------------------------------------------------------------------

export interface DemoLearning {
  person: DemoCoachee | 'maya';
  resource: string;
  url?: string;
  type: 'article' | 'book' | 'course' | 'community' | 'conference' | 'mentor';
  competency: ProductLeadCompetency;
  takeaway: string;
  daysAgo: number;
}

export const DEMO_LEARNING: DemoLearning[] = [
  { person: 'diego', resource: 'Monetizing Innovation (Madhavan Ramanujam)', type: 'book', competency: 'pricing', takeaway: 'Talk about willingness to pay before the product exists, not after.', daysAgo: 38 },
  { person: 'diego', resource: 'Mentoring session with the VP of Product', type: 'mentor', competency: 'coaching-mentoring', takeaway: 'Ask the question you would ask yourself; then wait longer than is comfortable.', daysAgo: 15 },
  { person: 'priya', resource: 'Continuous Discovery Habits (Teresa Torres)', type: 'book', competency: 'interviewing-users', takeaway: 'Ask for specific stories about the last time, not opinions about the future.', daysAgo: 70 },
  { person: 'priya', resource: 'Good Strategy Bad Strategy (Richard Rumelt)', type: 'book', competency: 'vision-strategy', takeaway: 'A strategy names the crux and the few coherent actions that address it.', daysAgo: 18 },
  { person: 'tom', resource: 'The Mom Test (Rob Fitzpatrick)', type: 'book', competency: 'interviewing-users', takeaway: 'Compliments are noise; past behaviour and money spent are signal.', daysAgo: 24 },
  { person: 'tom', resource: 'Mind the Product conference, London', type: 'conference', competency: 'okrs-metrics', takeaway: 'Pick a leading metric the team can move within a sprint.', daysAgo: 52 },
  { person: 'aiko', resource: 'Inspired (Marty Cagan)', type: 'book', competency: 'product-development', takeaway: 'Discovery and delivery run in parallel; the PM owns value and viability.', daysAgo: 60 },
  { person: 'aiko', resource: 'Product School: Product Management Fundamentals', type: 'course', competency: 'customer-validation', takeaway: 'Write the hypothesis and the success criterion before the test starts.', daysAgo: 33 },
  { person: 'aiko', resource: 'Mind the Product Slack community: #discovery', type: 'community', competency: 'understanding-customers', takeaway: 'Other PMs share interview scripts; borrowed one for the push-offers calls.', daysAgo: 9 },
];

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
