/**
 * The demo workspace's strategy pillars and metrics: three pillars (with the features and opportunities
 * each serves) and two metrics with ninety days of points. The strategy document of Atlas Commerce
 * Cloud is in demo-strategy.doc.data.ts, the quarter of OKRs in demo-strategy.okrs.data.ts.
 */

export type DemoPillarKey = 'buying' | 'selfServe' | 'trust';

export interface DemoPillar {
  key: DemoPillarKey;
  name: string;
  description: string;
  targetShare: number;
  /** The share the pillar had in version 1, before the lead moved effort towards self-serve. */
  targetShareV1: number;
}

export const DEMO_PILLARS: DemoPillar[] = [
  {
    key: 'buying',
    name: 'Frictionless buying',
    description: 'Shoppers find what they mean and pay in one go, on any device: search, checkout, payments and the mobile app.',
    targetShare: 45,
    targetShareV1: 50,
  },
  {
    key: 'selfServe',
    name: 'Merchant self-serve',
    description: 'Merchants run their store, their reports and their team without a support ticket or a spreadsheet on the side.',
    targetShare: 35,
    targetShareV1: 30,
  },
  {
    key: 'trust',
    name: 'Platform trust',
    description: 'Partners and enterprise merchants can bet their operations on us: exact webhooks, stock that is right, access that is controlled and audited.',
    targetShare: 20,
    targetShareV1: 20,
  },
];

/**
 * The pillar each demo feature (by its key in demo-roadmap.data.ts) serves. Features left out are the
 * unaligned ones the drift report lists: the tax engine and the multi-store switcher are real planned
 * work that no pillar claims yet.
 */
export const DEMO_FEATURE_PILLARS: Record<string, DemoPillarKey> = {
  'inpage-3ds': 'buying',
  wallets: 'buying',
  'retry-declines': 'buying',
  'split-tender': 'buying',
  'checkout-a11y': 'buying',
  'saved-cards': 'buying',
  'address-autocomplete': 'buying',
  'currency-display': 'buying',
  'checkout-speed': 'buying',
  'pay-by-link': 'buying',
  'typo-search': 'buying',
  'semantic-search': 'buying',
  'variant-images': 'buying',
  facets: 'buying',
  'wishlist-perf': 'buying',
  'push-prefs': 'buying',
  'mobile-wallets': 'buying',
  'back-in-stock': 'buying',
  'mobile-search': 'buying',
  'order-tracking': 'buying',
  'reviews-photos': 'buying',
  'accessibility-mobile': 'buying',
  'in-app-returns': 'buying',
  'bulk-edit': 'selfServe',
  'merch-rules': 'selfServe',
  'csv-catalog': 'selfServe',
  'search-analytics': 'selfServe',
  'collections-rules': 'selfServe',
  'b2b-price-lists': 'selfServe',
  'custom-reports': 'selfServe',
  'scheduled-exports': 'selfServe',
  'staff-roles': 'selfServe',
  'onboarding-checklist': 'selfServe',
  'order-timeline': 'selfServe',
  'dashboard-widgets': 'selfServe',
  'returns-portal': 'selfServe',
  'csv-orders-tax': 'selfServe',
  'vat-invoices': 'selfServe',
  'refund-api': 'selfServe',
  'inventory-sync': 'trust',
  'fraud-rules': 'trust',
  'audit-log-merchant': 'trust',
  'webhook-idempotency': 'trust',
  'rate-limits': 'trust',
  'sso-okta': 'trust',
  'bulk-api': 'trust',
  sandbox: 'trust',
  'api-logs': 'trust',
  'oauth-scopes': 'trust',
  'partner-webhook-replay': 'trust',
  'api-versioning': 'trust',
};

/** Opportunities (keys of DEMO_OPPORTUNITIES) linked to a pillar; the others stay unaligned. */
export const DEMO_OPPORTUNITY_PILLARS: Record<string, DemoPillarKey> = {
  sca: 'buying',
  search: 'buying',
  reporting: 'selfServe',
  webhooks: 'trust',
};

// ---------------------------------------------------------------------------------------------
// Metrics
// ---------------------------------------------------------------------------------------------

export interface DemoMetric {
  key: string;
  name: string;
  description: string;
  unit: string;
  /** The value 89 days ago and today; daily points in between follow a gentle trend with a weekly rhythm. */
  from: number;
  to: number;
  /** Amplitude of the weekly rhythm (weekends differ) and of the daily noise. */
  weekly: number;
  noise: number;
  digits: number;
}

export const DEMO_METRIC_DAYS = 90;

export const DEMO_METRICS: DemoMetric[] = [
  {
    key: 'conversion',
    name: 'Checkout conversion rate',
    description: 'Orders placed divided by checkouts started, across all merchants, per day.',
    unit: '%',
    from: 60.6,
    to: 63.4,
    weekly: 0.5,
    noise: 0.35,
    digits: 1,
  },
  {
    key: 'wam',
    name: 'Weekly active merchants',
    description: 'Merchants with at least one staff member active in the dashboard in the last seven days.',
    unit: 'merchants',
    from: 3050,
    to: 3460,
    weekly: 25,
    noise: 18,
    digits: 0,
  },
];
