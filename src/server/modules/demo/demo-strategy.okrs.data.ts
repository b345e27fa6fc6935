/**
 * The demo workspace's OKRs: a quarter of objectives at product and component level, each serving a
 * pillar, with key results and ten weeks of check-ins. Times are relative to "now" (weeks ago), so the
 * demo always looks current.
 */
import type { DemoPillarKey } from './demo-strategy.data.js';

// ---------------------------------------------------------------------------------------------
// OKRs for the current quarter
// ---------------------------------------------------------------------------------------------

export type DemoKrType = 'number' | 'percentage' | 'currency' | 'milestone';

export interface DemoKeyResult {
  title: string;
  type: DemoKrType;
  unit: string;
  direction: 'increase' | 'decrease';
  start: number;
  target: number;
  /**
   * The value at each of the ten weekly check-ins, oldest first (fewer when the key result was added
   * later). A metric-following key result takes its values from the metric instead.
   */
  values?: number[];
  /** Confidence 0-10 at each check-in, oldest first (same length as the check-ins). */
  confidence: number[];
  /** Notes by check-in index (0 = the oldest). */
  notes: Record<number, string>;
  /** Key of DEMO_METRICS whose latest point is the current value. */
  metric?: string;
  /** Features (keys of demo-roadmap.data.ts) that drive it. */
  features: string[];
}

export interface DemoObjective {
  key: string;
  title: string;
  description: string;
  /** Component name, or null for a product-level objective. */
  component: string | null;
  /** Key of the parent objective. */
  parent: string | null;
  /** Demo person key; a component objective is owned by the component's PM. */
  owner: string;
  pillar: DemoPillarKey;
  keyResults: DemoKeyResult[];
}

/** Ten weekly steady steps from `a` to `b`, with a plateau in weeks 4-5 (rounded to `digits`). */
function path(a: number, b: number, digits = 1, bumps: number[] = []): number[] {
  const shape = [0, 0.08, 0.18, 0.3, 0.34, 0.36, 0.5, 0.66, 0.82, 1];
  const round = (x: number) => (digits >= 0 ? Math.round(x * 10 ** digits) / 10 ** digits : Math.round(x / 10 ** -digits) * 10 ** -digits);
  return shape.map((s, i) => round(a + (b - a) * s + (bumps[i] ?? 0)));
}

const C = 'Checkout & Payments';
const S = 'Catalog & Search';
const D = 'Merchant Dashboard';
const M = 'Shopper Mobile App';
const P = 'Platform APIs';

export const DEMO_OBJECTIVES: DemoObjective[] = [
  // Product level, owned by the lead.
  {
    key: 'checkout',
    title: 'Make checkout the reason merchants stay',
    description: 'Shoppers who reach checkout should pay, on any device, without leaving the page.',
    component: null,
    parent: null,
    owner: 'maya',
    pillar: 'buying',
    keyResults: [
      {
        title: 'Raise checkout conversion across merchants from 61 % to 66 %',
        type: 'percentage',
        unit: '%',
        direction: 'increase',
        start: 61,
        target: 66,
        metric: 'conversion',
        confidence: [7, 7, 7, 6, 6, 6, 6, 7, 7, 7],
        notes: { 0: 'Baseline from the last four weeks before the quarter.', 6: 'In-page 3-D Secure at 50 % of EU traffic: +0.8 points there.', 9: 'Trend holds; wallets next quarter should close the gap.' },
        features: ['inpage-3ds', 'retry-declines', 'checkout-a11y'],
      },
      {
        title: 'Cut support tickets per 100 merchants a month from 38 to 25',
        type: 'number',
        unit: 'tickets',
        direction: 'decrease',
        start: 38,
        target: 25,
        values: path(38, 31, 0, [0, 1, 0, 0, 1, 0, 0, 0, 0, 0]),
        confidence: [6, 6, 5, 5, 5, 4, 5, 5, 5, 5],
        notes: { 0: 'October baseline from the help desk.', 5: 'Black Friday prep inflated refund questions; partial refunds would have saved most.', 9: 'At risk: partial refunds slipped to next quarter.' },
        features: ['order-timeline', 'refund-api'],
      },
      {
        title: 'Grow revenue processed through Atlas checkout to €42 M a month',
        type: 'currency',
        unit: 'EUR',
        direction: 'increase',
        start: 34_000_000,
        target: 42_000_000,
        values: path(34_000_000, 39_600_000, -5),
        confidence: [8, 8, 8, 7, 7, 7, 8, 8, 8, 8],
        notes: { 0: 'September GMV through checkout.', 7: 'Peak season starting: on track if Black Friday holds.' },
        features: ['wallets', 'saved-cards'],
      },
    ],
  },
  {
    key: 'selfServe',
    title: 'Let merchants run their store without calling us',
    description: 'Merchants answer their own questions and manage their own team in the dashboard.',
    component: null,
    parent: null,
    owner: 'maya',
    pillar: 'selfServe',
    keyResults: [
      {
        title: 'Grow weekly active merchants in the dashboard from 3,100 to 3,800',
        type: 'number',
        unit: 'merchants',
        direction: 'increase',
        start: 3100,
        target: 3800,
        values: path(3100, 3460, 0, [0, 20, -10, 0, 15, 0, 0, 0, 0, 0]),
        confidence: [7, 7, 6, 6, 5, 5, 5, 6, 6, 6],
        notes: { 0: 'Baseline: the September average.', 4: 'Flat for two weeks; staff roles are still in beta.', 9: 'Staff roles out to everyone: new staff accounts count from next week.' },
        features: ['staff-roles', 'onboarding-checklist', 'custom-reports'],
      },
      {
        title: 'Ship staff roles and permissions to every merchant',
        type: 'milestone',
        unit: '',
        direction: 'increase',
        start: 0,
        target: 1,
        values: [0, 0, 0, 0, 0, 0, 0, 0, 1, 1],
        confidence: [8, 8, 7, 7, 7, 8, 8, 9, 10, 10],
        notes: { 3: 'Beta with 40 merchants.', 8: 'Generally available.' },
        features: ['staff-roles'],
      },
    ],
  },
  {
    key: 'trust',
    title: 'Partners trust every event we send',
    description: 'Agencies and enterprise teams stop reconciling our webhooks and stock levels on their side.',
    component: null,
    parent: null,
    owner: 'maya',
    pillar: 'trust',
    keyResults: [
      {
        title: 'Reduce webhook deliveries sent more than once from 1.9 % to 0.1 %',
        type: 'percentage',
        unit: '%',
        direction: 'decrease',
        start: 1.9,
        target: 0.1,
        values: path(1.9, 0.6, 2),
        confidence: [6, 6, 6, 7, 7, 7, 7, 8, 8, 8],
        notes: { 0: 'Measured on the delivery log for September.', 6: 'Delivery ids live for 30 % of partners.', 9: 'Idempotency rolled out to all partners; long tail is retries from our side.' },
        features: ['webhook-idempotency', 'partner-webhook-replay'],
      },
      {
        title: 'Sync warehouse stock within 60 seconds for the 20 largest merchants',
        type: 'number',
        unit: 'merchants',
        direction: 'increase',
        start: 0,
        target: 20,
        values: [0, 0, 0, 1, 1, 2, 3, 4, 4, 5],
        confidence: [6, 5, 5, 4, 4, 3, 3, 3, 3, 3],
        notes: { 3: 'First merchant (Atlas Gear) live on the new sync.', 5: 'Two ERP connectors need rework; off track.', 9: 'Off track: realistic end of quarter is 8 merchants.' },
        features: ['inventory-sync', 'rate-limits'],
      },
    ],
  },

  // Component level, owned by the component's PM.
  {
    key: 'payments',
    title: 'Recover the sales we lose at payment',
    description: 'Keep the card challenge in checkout and retry what can be retried.',
    component: C,
    parent: 'checkout',
    owner: 'diego',
    pillar: 'buying',
    keyResults: [
      {
        title: 'Raise first-attempt payment success from 87 % to 92 %',
        type: 'percentage',
        unit: '%',
        direction: 'increase',
        start: 87,
        target: 92,
        values: path(87, 90.2, 1),
        confidence: [7, 7, 7, 7, 6, 6, 7, 7, 8, 8],
        notes: { 0: 'September baseline, all card networks.', 6: 'In-page challenge beating the redirect by 4 points in the test.', 9: 'Soft-decline retry starts next week.' },
        features: ['inpage-3ds', 'retry-declines'],
      },
      {
        title: 'Launch in-page 3-D Secure for all EU merchants',
        type: 'milestone',
        unit: '',
        direction: 'increase',
        start: 0,
        target: 1,
        values: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        confidence: [8, 8, 8, 7, 7, 7, 6, 6, 6, 6],
        notes: { 4: 'Rollout at 10 %.', 7: 'One issuer breaks inside iframes; fallback to redirect for them.', 9: 'At 50 %: full rollout waits on the issuer fix.' },
        features: ['inpage-3ds'],
      },
    ],
  },
  {
    key: 'search',
    title: 'Shoppers find what they mean on the first search',
    description: 'Typos and synonyms stop returning nothing.',
    component: S,
    parent: 'checkout',
    owner: 'priya',
    pillar: 'buying',
    keyResults: [
      {
        title: 'Cut searches with no results from 14 % to 6 %',
        type: 'percentage',
        unit: '%',
        direction: 'decrease',
        start: 14,
        target: 6,
        values: path(14, 8.4, 1),
        confidence: [6, 6, 7, 7, 7, 7, 8, 8, 8, 8],
        notes: { 0: 'Baseline from search logs.', 7: 'Typo tolerance on for 70 % of stores.', 9: 'On track; synonyms list import next.' },
        features: ['typo-search', 'mobile-search'],
      },
      {
        title: 'Keep storefront search p95 under 100 ms',
        type: 'number',
        unit: 'ms',
        direction: 'decrease',
        start: 140,
        target: 100,
        values: path(140, 92, 0, [0, 0, 4, 0, 6, 0, 0, 0, 0, 0]),
        confidence: [7, 7, 7, 6, 6, 7, 8, 8, 9, 9],
        notes: { 4: 'Fuzzy matching added 12 ms; new index layout recovers it.', 9: 'Target met for three weeks.' },
        features: ['typo-search'],
      },
    ],
  },
  {
    key: 'stock',
    title: 'Stock is right everywhere within a minute',
    description: 'Merchants stop overselling in sales.',
    component: S,
    parent: 'trust',
    owner: 'priya',
    pillar: 'trust',
    keyResults: [
      {
        title: 'Cut orders cancelled for lack of stock from 2.4 % to 1.0 %',
        type: 'percentage',
        unit: '%',
        direction: 'decrease',
        start: 2.4,
        target: 1,
        values: path(2.4, 2.1, 2, [0, 0, 0.1, 0.1, 0.1, 0.2, 0.1, 0, 0, 0]),
        confidence: [6, 5, 5, 4, 4, 3, 3, 3, 4, 4],
        notes: { 5: 'Sale weekends push cancellations up; the new sync is only live for two merchants.', 9: 'Off track until the ERP connectors ship.' },
        features: ['inventory-sync', 'back-in-stock'],
      },
      {
        title: 'Cut the stock sync delay (p95) from 60 minutes to 1 minute',
        type: 'number',
        unit: 'minutes',
        direction: 'decrease',
        start: 60,
        target: 1,
        values: path(60, 22, 0, [0, 0, 0, 0, 3, 5, 4, 2, 0, 0]),
        confidence: [6, 6, 5, 5, 4, 4, 4, 5, 5, 5],
        notes: { 0: 'Hourly batch sync for everyone.', 6: 'Streaming sync live for the first merchants; the p95 still carries the hourly batches.', 9: 'At risk: the ERP connectors decide the rest.' },
        features: ['inventory-sync', 'bulk-api'],
      },
    ],
  },
  {
    key: 'reports',
    title: 'Merchants answer their own questions in the dashboard',
    description: 'The Monday spreadsheet disappears.',
    component: D,
    parent: 'selfServe',
    owner: 'tom',
    pillar: 'selfServe',
    keyResults: [
      {
        title: 'Merchants with a saved custom report: from 0 to 600',
        type: 'number',
        unit: 'merchants',
        direction: 'increase',
        start: 0,
        target: 600,
        values: [0, 0, 0, 0, 0, 35, 90, 160, 230, 290],
        confidence: [7, 7, 6, 5, 5, 6, 6, 6, 6, 6],
        notes: { 4: 'Report builder beta slipped two weeks: the query engine needed limits.', 5: 'Beta open to 400 merchants.', 9: 'Growing 60 a week: 600 needs the scheduled e-mails.' },
        features: ['custom-reports', 'scheduled-exports'],
      },
      {
        title: 'Cut order CSV exports per merchant a week from 3.2 to 1.5',
        type: 'number',
        unit: 'exports',
        direction: 'decrease',
        start: 3.2,
        target: 1.5,
        values: path(3.2, 2.6, 1),
        confidence: [6, 6, 6, 5, 5, 5, 5, 5, 5, 5],
        notes: { 0: 'Baseline from the export logs.', 9: 'Exports fall only where the report builder is on.' },
        features: ['custom-reports', 'csv-orders-tax'],
      },
      {
        title: 'Ship VAT-compliant invoice PDFs',
        type: 'milestone',
        unit: '',
        direction: 'increase',
        start: 0,
        target: 1,
        values: [0, 0, 0, 0, 0, 0, 0, 1, 1, 1],
        confidence: [8, 8, 8, 8, 9, 9, 9, 10, 10, 10],
        notes: { 7: 'Live for all EU merchants.' },
        features: ['vat-invoices'],
      },
    ],
  },
  {
    key: 'mobile',
    title: 'The app is the fastest way to buy again',
    description: 'Repeat shoppers buy in the app in under a minute.',
    component: M,
    parent: 'checkout',
    owner: 'aiko',
    pillar: 'buying',
    keyResults: [
      {
        title: 'Raise the share of repeat orders placed in the app from 22 % to 30 %',
        type: 'percentage',
        unit: '%',
        direction: 'increase',
        start: 22,
        target: 30,
        values: path(22, 25.1, 1),
        confidence: [7, 6, 6, 6, 5, 5, 5, 6, 6, 6],
        notes: { 0: 'Baseline across merchants with the app.', 4: 'Wish list crash fix shipped; long lists load in 1.2 s.', 9: 'At risk: push preferences are the next lever.' },
        features: ['wishlist-perf', 'push-prefs'],
      },
      {
        title: 'Cut app crashes per 1,000 sessions from 4.1 to 1.0',
        type: 'number',
        unit: 'crashes',
        direction: 'decrease',
        start: 4.1,
        target: 1,
        values: path(4.1, 1.4, 1),
        confidence: [6, 6, 7, 7, 8, 8, 8, 8, 9, 9],
        notes: { 3: 'The wish-list crash was 60 % of all crashes.', 9: 'Almost there.' },
        features: ['wishlist-perf'],
      },
    ],
  },
  {
    key: 'webhooks',
    title: 'Webhooks partners never have to reconcile',
    description: 'Every delivery carries an id, retries reuse it, and partners can replay what they missed.',
    component: P,
    parent: 'trust',
    owner: 'maya',
    pillar: 'trust',
    keyResults: [
      {
        title: 'Move 100 % of partner apps to deliveries with ids',
        type: 'percentage',
        unit: '%',
        direction: 'increase',
        start: 0,
        target: 100,
        values: [0, 0, 5, 12, 20, 30, 45, 60, 78, 90],
        confidence: [7, 7, 7, 7, 7, 8, 8, 8, 8, 8],
        notes: { 2: 'Opt-in for the first partners.', 6: 'Default for new apps.', 9: 'Remaining 10 % are three agencies on old SDKs.' },
        features: ['webhook-idempotency'],
      },
      {
        title: 'Partner tickets about missing or duplicate events: from 45 to 10 a month',
        type: 'number',
        unit: 'tickets',
        direction: 'decrease',
        start: 45,
        target: 10,
        values: path(45, 19, 0),
        confidence: [6, 6, 6, 7, 7, 7, 7, 8, 8, 8],
        notes: { 9: 'Down to 19; replay will remove most of the rest.' },
        features: ['partner-webhook-replay', 'api-logs'],
      },
    ],
  },
];
