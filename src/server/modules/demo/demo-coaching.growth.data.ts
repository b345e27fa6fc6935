/**
 * The demo coachees' growth: their plans with goals and check-ins, their 1:1s with Maya and their
 * learning log, written to read like a real quarter of coaching.
 */
import type { ProductLeadCompetency } from '../../../shared/coaching.js';
import type { DemoCoachee } from './demo-coaching.data.js';

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
