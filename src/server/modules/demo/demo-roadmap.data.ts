/**
 * The demo workspace's roadmap: features per component with requirements for a few, score inputs,
 * dependencies (two of them in conflict), two releases and capacities. Dates are in weeks from the
 * start of the current quarter, so the demo always looks current.
 */
export type DemoStatus = 'idea' | 'discovery' | 'planned' | 'in_progress' | 'shipped' | 'wont_do';

export interface DemoFeature {
  key: string;
  component: string;
  title: string;
  description: string;
  status: DemoStatus;
  horizon: 'now' | 'next' | 'later' | null;
  /** Weeks from the start of the current quarter; null when undated. */
  start: number | null;
  weeks: number | null;
  effort: number | null;
  /** RICE inputs: reach (shoppers or merchants a quarter), impact 0.25–3, confidence 0–1, effort (person-weeks). */
  rice?: [number, number, number, number];
  /** ICE inputs 1–10: impact, confidence, ease. */
  ice?: [number, number, number];
  release?: 'spring' | 'summer';
  owner?: string;
  /** Opportunity keys of demo-discovery.data.ts whose evidence this feature answers. */
  opportunities?: string[];
  internal?: boolean;
  /** A public roadmap item: the customer-facing report shows it (about a third of the planned, started and shipped work). */
  public?: boolean;
}

const C = 'Checkout & Payments';
const S = 'Catalog & Search';
const D = 'Merchant Dashboard';
const M = 'Shopper Mobile App';
const P = 'Platform APIs';

export const DEMO_FEATURES: DemoFeature[] = [
  // Checkout & Payments (Diego)
  { key: 'inpage-3ds', component: C, title: 'In-page 3-D Secure challenge', description: 'Render the issuer challenge inside checkout instead of a new tab, on web and in the mobile web view.', status: 'in_progress', horizon: 'now', start: -3, weeks: 8, effort: 8, rice: [42000, 3, 0.8, 8], ice: [9, 8, 6], release: 'spring', opportunities: ['sca'], public: true },
  { key: 'wallets', component: C, title: 'Apple Pay and Google Pay buttons', description: 'Wallet buttons on cart and checkout, with express shipping selection.', status: 'planned', horizon: 'next', start: 14, weeks: 10, effort: 10, rice: [55000, 2, 0.7, 10], ice: [8, 7, 5], release: 'summer', opportunities: ['wallets'], public: true },
  { key: 'retry-declines', component: C, title: 'Smart retry for soft card declines', description: 'Retry soft declines once with network tokens before showing an error.', status: 'planned', horizon: 'now', start: 2, weeks: 5, effort: 5, rice: [18000, 1, 0.6, 5], ice: [6, 6, 7], release: 'spring' },
  { key: 'split-tender', component: C, title: 'Split payment across gift card and card', description: 'Let shoppers pay part of an order with a gift card and the rest by card.', status: 'idea', horizon: 'later', start: null, weeks: null, effort: 12, rice: [6000, 1, 0.5, 12], ice: [5, 5, 3] },
  { key: 'tax-engine', component: C, title: 'Tax engine integration for US sales tax', description: 'Calculate US sales tax through a tax provider at checkout.', status: 'discovery', horizon: 'next', start: 16, weeks: 10, effort: 14, rice: [9000, 2, 0.5, 14], ice: [7, 4, 3] },
  { key: 'fraud-rules', component: C, title: 'Merchant-editable fraud rules', description: 'Let merchants block or review orders by rule (country mismatch, velocity, order value).', status: 'idea', horizon: 'later', start: null, weeks: null, effort: 8, rice: [4000, 2, 0.5, 8], ice: [6, 5, 4], internal: true },
  { key: 'saved-cards', component: C, title: 'Saved cards for returning shoppers', description: 'Vaulted cards with one-click reuse and CVC re-entry.', status: 'shipped', horizon: 'now', start: -12, weeks: 6, effort: 6, rice: [30000, 1, 0.9, 6], ice: [7, 9, 6], release: 'spring', public: true },
  { key: 'bnpl', component: C, title: 'Buy now, pay later at checkout', description: 'Offer instalments through one BNPL partner.', status: 'wont_do', horizon: null, start: null, weeks: null, effort: 9, rice: [8000, 1, 0.3, 9], ice: [5, 3, 4] },
  { key: 'checkout-a11y', component: C, title: 'Checkout accessibility fixes (WCAG 2.2 AA)', description: 'Focus order, error announcements and contrast in checkout.', status: 'planned', horizon: 'now', start: 0, weeks: 4, effort: 3, rice: [12000, 1, 0.9, 3], ice: [6, 9, 8], release: 'spring', public: true },
  { key: 'address-autocomplete', component: C, title: 'Address autocomplete', description: 'Suggest addresses as shoppers type, to cut failed deliveries.', status: 'idea', horizon: 'later', start: null, weeks: null, effort: 4, rice: [25000, 0.5, 0.7, 4], ice: [5, 7, 7] },
  { key: 'refund-api', component: C, title: 'Partial refunds from the order page', description: 'Refund individual lines and shipping without a support ticket.', status: 'planned', horizon: 'next', start: 13, weeks: 5, effort: 5, rice: [7000, 1, 0.8, 5], ice: [6, 8, 6] },
  { key: 'currency-display', component: C, title: 'Show prices in the shopper’s currency', description: 'Display converted prices with the settlement currency shown at payment.', status: 'discovery', horizon: 'later', start: null, weeks: null, effort: 7, rice: [15000, 1, 0.5, 7], ice: [6, 5, 5] },

  { key: 'checkout-speed', component: C, title: 'One-page checkout for returning shoppers', description: 'Skip the address and shipping steps when they are already known.', status: 'idea', horizon: 'later', start: null, weeks: null, effort: 8, rice: [38000, 1, 0.5, 8], ice: [7, 5, 4] },
  { key: 'pay-by-link', component: C, title: 'Pay-by-link for phone orders', description: 'Staff send a payment link for orders taken by phone or chat.', status: 'discovery', horizon: 'next', start: 17, weeks: 4, effort: 4, rice: [3000, 1, 0.6, 4], ice: [5, 6, 7] },

  // Catalog & Search (Priya)
  { key: 'typo-search', component: S, title: 'Typo-tolerant storefront search', description: 'Fuzzy matching and synonyms so "sneekers" finds sneakers.', status: 'in_progress', horizon: 'now', start: -2, weeks: 7, effort: 7, rice: [60000, 2, 0.8, 7], ice: [8, 8, 6], release: 'spring', opportunities: ['search'], public: true },
  { key: 'semantic-search', component: S, title: 'Search by description ("red dress for a summer wedding")', description: 'Match descriptive queries to products, beyond keywords.', status: 'discovery', horizon: 'next', start: 15, weeks: 10, effort: 13, rice: [40000, 2, 0.4, 13], ice: [8, 4, 3], opportunities: ['search'] },
  { key: 'bulk-edit', component: S, title: 'Bulk edit products and variants', description: 'Edit price, stock and attributes of hundreds of products in one grid.', status: 'planned', horizon: 'next', start: 22, weeks: 6, effort: 6, rice: [5000, 2, 0.8, 6], ice: [7, 8, 6], release: 'summer' },
  { key: 'inventory-sync', component: S, title: 'Real-time inventory sync with warehouses', description: 'Stock levels pushed from warehouse systems within a minute to stop overselling.', status: 'planned', horizon: 'now', start: 1, weeks: 9, effort: 11, rice: [9000, 3, 0.6, 11], ice: [9, 6, 4], release: 'spring', opportunities: ['inventory'] },
  { key: 'merch-rules', component: S, title: 'Search merchandising rules', description: 'Pin, boost and bury products for chosen queries.', status: 'idea', horizon: 'later', start: null, weeks: null, effort: 8, rice: [3000, 2, 0.5, 8], ice: [6, 5, 5], internal: true },
  { key: 'variant-images', component: S, title: 'Images per variant', description: 'Show the colour the shopper picked in the gallery.', status: 'shipped', horizon: 'now', start: -11, weeks: 4, effort: 3, rice: [35000, 0.5, 0.9, 3], ice: [5, 9, 8], release: 'spring' },
  { key: 'csv-catalog', component: S, title: 'Catalog CSV export with variants', description: 'One row per variant, with every attribute, for feeds and audits.', status: 'planned', horizon: 'now', start: 3, weeks: 3, effort: 2, rice: [4000, 1, 0.9, 2], ice: [5, 9, 9], release: 'spring' },
  { key: 'search-analytics', component: S, title: 'Search analytics: queries with no results', description: 'Show merchants the queries that found nothing, to fix synonyms.', status: 'idea', horizon: 'later', start: null, weeks: null, effort: 4, rice: [6000, 1, 0.7, 4], ice: [6, 7, 7] },
  { key: 'collections-rules', component: S, title: 'Automatic collections by rule', description: 'Collections that fill themselves from tags, price and stock.', status: 'discovery', horizon: 'next', start: 18, weeks: 6, effort: 6, rice: [5000, 1, 0.6, 6], ice: [6, 6, 6] },
  { key: 'facets', component: S, title: 'Faceted filters on search results', description: 'Size, colour, price and brand filters with counts.', status: 'planned', horizon: 'next', start: 14, weeks: 6, effort: 6, rice: [45000, 1, 0.8, 6], ice: [7, 8, 6], release: 'summer', public: true },

  { key: 'b2b-price-lists', component: S, title: 'Price lists for B2B customers', description: 'Customer-specific prices and minimum quantities.', status: 'idea', horizon: 'later', start: null, weeks: null, effort: 10, rice: [1500, 3, 0.5, 10], ice: [7, 5, 3] },

  // Merchant Dashboard (Tom)
  { key: 'custom-reports', component: D, title: 'Custom report builder', description: 'Merchants build, save and schedule their own revenue and order reports.', status: 'planned', horizon: 'next', start: 13, weeks: 10, effort: 12, rice: [8000, 2, 0.7, 12], ice: [8, 7, 4], release: 'summer', opportunities: ['reporting'], public: true },
  { key: 'scheduled-exports', component: D, title: 'Scheduled report e-mails', description: 'Send any saved report as CSV every week or month.', status: 'planned', horizon: 'next', start: 24, weeks: 4, effort: 3, rice: [6000, 1, 0.8, 3], ice: [6, 8, 8], release: 'summer', opportunities: ['reporting'] },
  { key: 'staff-roles', component: D, title: 'Staff roles and permissions', description: 'Warehouse staff without revenue figures; custom roles per store.', status: 'in_progress', horizon: 'now', start: -4, weeks: 8, effort: 8, rice: [7000, 2, 0.8, 8], ice: [7, 8, 5], release: 'spring', public: true },
  { key: 'dark-mode', component: D, title: 'Dark mode for the dashboard', description: 'A dark theme for night shifts in fulfilment centres.', status: 'idea', horizon: 'later', start: null, weeks: null, effort: 3, rice: [3000, 0.5, 0.8, 3], ice: [4, 8, 8] },
  { key: 'onboarding-checklist', component: D, title: 'Onboarding checklist for new stores', description: 'A guided checklist from shipping setup to first order.', status: 'shipped', horizon: 'now', start: -10, weeks: 5, effort: 4, rice: [2500, 2, 0.8, 4], ice: [6, 8, 7], release: 'spring' },
  { key: 'order-timeline', component: D, title: 'Order timeline with every event', description: 'Payments, fulfilment, refunds and notes on one timeline.', status: 'planned', horizon: 'now', start: 4, weeks: 5, effort: 5, rice: [9000, 1, 0.8, 5], ice: [6, 8, 6], release: 'spring' },
  { key: 'dashboard-widgets', component: D, title: 'Configurable home widgets', description: 'Pick the KPIs that show on the dashboard home.', status: 'idea', horizon: 'later', start: null, weeks: null, effort: 5, rice: [8000, 0.5, 0.6, 5], ice: [5, 6, 6] },
  { key: 'multi-store', component: D, title: 'Multi-store switcher', description: 'Manage several storefronts from one account.', status: 'discovery', horizon: 'next', start: 17, weeks: 8, effort: 10, rice: [1200, 3, 0.5, 10], ice: [7, 5, 3], internal: true },
  { key: 'audit-log-merchant', component: D, title: 'Merchant audit log', description: 'Who changed prices, refunds and settings, and when.', status: 'planned', horizon: 'next', start: 16, weeks: 4, effort: 4, rice: [3000, 1, 0.8, 4], ice: [6, 8, 7] },
  { key: 'returns-portal', component: D, title: 'Self-service returns portal', description: 'Shoppers start returns; merchants approve them in the dashboard.', status: 'idea', horizon: 'later', start: null, weeks: null, effort: 9, rice: [10000, 2, 0.5, 9], ice: [7, 5, 4] },
  { key: 'csv-orders-tax', component: D, title: 'Tax id in order CSV exports', description: 'Add the buyer’s tax id and VAT breakdown to the order export.', status: 'shipped', horizon: 'now', start: -8, weeks: 2, effort: 1, rice: [5000, 1, 1, 1], ice: [5, 10, 9], release: 'spring' },

  { key: 'vat-invoices', component: D, title: 'VAT-compliant invoice PDFs', description: 'Invoices with the merchant’s and the buyer’s VAT numbers and the tax breakdown.', status: 'planned', horizon: 'now', start: 6, weeks: 3, effort: 3, rice: [6000, 2, 0.9, 3], ice: [7, 9, 7], release: 'spring' },

  // Shopper Mobile App (Aiko)
  { key: 'wishlist-perf', component: M, title: 'Fast wish lists with hundreds of items', description: 'Paginate and cache wish lists; stop the crash on long lists.', status: 'in_progress', horizon: 'now', start: -1, weeks: 5, effort: 5, rice: [28000, 2, 0.8, 5], ice: [8, 8, 6], release: 'spring' },
  { key: 'push-prefs', component: M, title: 'Push notification preferences', description: 'Shoppers choose offers, order updates and back-in-stock alerts separately.', status: 'planned', horizon: 'now', start: 3, weeks: 4, effort: 3, rice: [40000, 1, 0.8, 3], ice: [6, 8, 8], release: 'spring' },
  { key: 'mobile-wallets', component: M, title: 'Wallet pay in the mobile app', description: 'Apple Pay and Google Pay in the native checkout.', status: 'planned', horizon: 'next', start: 22, weeks: 6, effort: 6, rice: [30000, 2, 0.7, 6], ice: [8, 7, 6], release: 'summer', opportunities: ['wallets'], public: true },
  { key: 'offline-browse', component: M, title: 'Browse recently viewed products offline', description: 'Cache the last products viewed for flaky connections.', status: 'idea', horizon: 'later', start: null, weeks: null, effort: 5, rice: [10000, 0.5, 0.5, 5], ice: [4, 5, 5] },
  { key: 'back-in-stock', component: M, title: 'Back-in-stock alerts', description: 'Notify shoppers when a saved size is available again.', status: 'planned', horizon: 'next', start: 15, weeks: 4, effort: 4, rice: [22000, 1, 0.8, 4], ice: [7, 8, 7] },
  { key: 'app-clips', component: M, title: 'App Clips and Instant Apps for checkout', description: 'Pay from a link without installing the app.', status: 'wont_do', horizon: null, start: null, weeks: null, effort: 10, rice: [5000, 1, 0.3, 10], ice: [5, 3, 3] },
  { key: 'mobile-search', component: M, title: 'Typo-tolerant search in the app', description: 'Use the new storefront search engine in the native app.', status: 'planned', horizon: 'next', start: 13, weeks: 4, effort: 3, rice: [30000, 1, 0.7, 3], ice: [7, 7, 7], release: 'summer' },
  { key: 'order-tracking', component: M, title: 'Live order tracking', description: 'Carrier events and a map in the order screen.', status: 'shipped', horizon: 'now', start: -9, weeks: 5, effort: 5, rice: [35000, 1, 0.9, 5], ice: [7, 9, 6], release: 'spring', public: true },
  { key: 'reviews-photos', component: M, title: 'Photo reviews', description: 'Shoppers add photos to product reviews.', status: 'idea', horizon: 'later', start: null, weeks: null, effort: 6, rice: [12000, 0.5, 0.6, 6], ice: [5, 6, 5] },
  { key: 'accessibility-mobile', component: M, title: 'VoiceOver and TalkBack pass', description: 'Labels, focus and dynamic type across the app.', status: 'discovery', horizon: 'next', start: 14, weeks: 4, effort: 4, rice: [8000, 1, 0.8, 4], ice: [6, 8, 6] },

  { key: 'in-app-returns', component: M, title: 'Start a return in the app', description: 'Shoppers pick the items and print or show the return label.', status: 'idea', horizon: 'later', start: null, weeks: null, effort: 5, rice: [9000, 1, 0.5, 5], ice: [6, 5, 5] },

  // Platform APIs (Maya)
  { key: 'webhook-idempotency', component: P, title: 'Idempotent webhooks with delivery ids', description: 'Every delivery carries an id and retries reuse it, so partners stop creating duplicate shipments.', status: 'in_progress', horizon: 'now', start: -2, weeks: 6, effort: 5, rice: [900, 3, 0.9, 5], ice: [8, 9, 6], release: 'spring', owner: 'maya', opportunities: ['webhooks'], public: true },
  { key: 'rate-limits', component: P, title: 'Higher API rate limits for nightly imports', description: 'Burst quotas and a bulk endpoint for catalog imports.', status: 'planned', horizon: 'now', start: 5, weeks: 6, effort: 6, rice: [600, 2, 0.7, 6], ice: [7, 7, 5], release: 'spring' },
  { key: 'graphql', component: P, title: 'GraphQL storefront API', description: 'A GraphQL API for headless storefronts.', status: 'discovery', horizon: 'later', start: null, weeks: null, effort: 20, rice: [400, 3, 0.4, 20], ice: [7, 4, 2] },
  { key: 'sso-okta', component: P, title: 'Single sign-on with Okta and Azure AD', description: 'SAML single sign-on for merchant staff accounts.', status: 'planned', horizon: 'next', start: 14, weeks: 7, effort: 7, rice: [300, 3, 0.8, 7], ice: [8, 8, 5], release: 'summer', public: true },
  { key: 'bulk-api', component: P, title: 'Bulk operations API', description: 'Asynchronous bulk create and update of products and inventory.', status: 'planned', horizon: 'next', start: 13, weeks: 8, effort: 8, rice: [700, 2, 0.7, 8], ice: [7, 7, 5], release: 'summer' },
  { key: 'api-versioning', component: P, title: 'Dated API versions', description: 'Pin integrations to a dated version with a deprecation calendar.', status: 'idea', horizon: 'later', start: null, weeks: null, effort: 6, rice: [900, 1, 0.6, 6], ice: [6, 6, 5], internal: true },
  { key: 'event-stream', component: P, title: 'Event stream for order changes', description: 'A replayable stream of order and inventory events.', status: 'idea', horizon: 'later', start: null, weeks: null, effort: 12, rice: [300, 2, 0.4, 12], ice: [6, 4, 3] },
  { key: 'sandbox', component: P, title: 'Partner sandbox stores', description: 'Free test stores with sample data for agencies.', status: 'shipped', horizon: 'now', start: -12, weeks: 4, effort: 4, rice: [500, 1, 0.9, 4], ice: [5, 9, 7], release: 'spring' },
  { key: 'api-logs', component: P, title: 'API request logs for partners', description: 'Searchable logs of the last 30 days of requests and webhook deliveries.', status: 'planned', horizon: 'next', start: 18, weeks: 5, effort: 5, rice: [800, 1, 0.8, 5], ice: [6, 8, 6] },
  { key: 'oauth-scopes', component: P, title: 'Fine-grained OAuth scopes', description: 'Least-privilege scopes for partner apps.', status: 'discovery', horizon: 'next', start: 19, weeks: 5, effort: 5, rice: [500, 1, 0.6, 5], ice: [6, 6, 6] },
  { key: 'partner-webhook-replay', component: P, title: 'Replay failed webhook deliveries', description: 'Partners replay any delivery of the last 7 days from the dashboard or the API.', status: 'planned', horizon: 'next', start: 15, weeks: 3, effort: 3, rice: [700, 2, 0.8, 3], ice: [7, 8, 7] },
  { key: 'usage-metering', component: P, title: 'API usage metering per partner', description: 'Count calls per partner app for fair-use limits and billing.', status: 'idea', horizon: 'later', start: null, weeks: null, effort: 6, rice: [400, 1, 0.5, 6], ice: [5, 5, 5], internal: true },
];

/** Feature A needs feature B first. Two of them are in conflict on purpose. */
export const DEMO_DEPENDENCIES: [string, string][] = [
  // In conflict: the app's wallet pay starts before checkout's wallet buttons are done.
  ['mobile-wallets', 'wallets'],
  ['mobile-search', 'typo-search'],
  ['semantic-search', 'typo-search'],
  ['scheduled-exports', 'custom-reports'],
  ['bulk-edit', 'bulk-api'],
  ['back-in-stock', 'inventory-sync'],
  ['back-in-stock', 'push-prefs'],
  ['audit-log-merchant', 'staff-roles'],
  ['refund-api', 'order-timeline'],
  // In conflict: SSO (planned next quarter) maps identity-provider groups onto stores, and the
  // multi-store switcher it needs is still in discovery.
  ['sso-okta', 'multi-store'],
];

export const DEMO_RELEASES = [
  { key: 'spring', name: 'Spring release', description: 'Checkout reliability, faster search and staff roles.', weeksFromQuarterStart: 10 },
  { key: 'summer', name: 'Summer release', description: 'Wallets everywhere, reports merchants build themselves, SSO.', weeksFromQuarterStart: 24 },
] as const;

/** Capacity per component per quarter (points), this quarter and next; the dashboard is over-allocated next quarter. */
export const DEMO_CAPACITY: Record<string, [number, number]> = {
  [C]: [24, 24],
  [S]: [22, 22],
  [D]: [18, 12],
  [M]: [16, 16],
  [P]: [20, 20],
};

export const DEMO_REQUIREMENTS: Record<string, string> = {
  'inpage-3ds': `## Problem
Shoppers on mobile abandon checkout when the issuer's 3-D Secure challenge opens in a new tab: they
think the store froze. Card conversion on mobile fell about 8 % for EU merchants after the SCA rules.

## Goals and success metrics
- Mobile card authorisation rate back to its pre-SCA level (92 %) within one month of rollout.
- Challenge abandonment below 5 %.

## Users
Shoppers paying by card on mobile web and in the app's web view; merchants in the EU and UK first.

## Scope and non-goals
- In scope: an in-page challenge frame, timeouts, retry on network loss.
- Not now: exemptions management (a later feature).

## Requirements
1. The challenge renders inside checkout, sized for the viewport.
2. Losing the connection during the challenge keeps the order and lets the shopper retry.
3. Every outcome is logged for the fraud team.

## Open questions
- Do all three acquirers support the embedded challenge for American Express?
`,
  'custom-reports': `## Problem
Merchants rebuild their weekly revenue report in spreadsheets because the dashboard's fixed reports
cannot filter by channel, staff member or tax region.

## Goals and success metrics
- 40 % of Growth and Scale merchants save at least one custom report within a quarter.
- Support tickets about exports down by half.

## Users
Finance and operations staff of mid-market merchants.

## Scope and non-goals
- In scope: dimensions, measures, filters, saving and sharing.
- Not now: pivot tables, charts other than line and bar.

## Requirements
1. Pick measures (revenue, orders, refunds, tax) and dimensions (day, channel, region, staff).
2. Save, name and share a report with other staff.
3. Export any report to CSV.

## Open questions
- Do we need row-level permissions for staff who must not see revenue?
`,
  'webhook-idempotency': `## Problem
Partners receive the same webhook twice after a timeout and create duplicate shipments.

## Goals and success metrics
- Duplicate shipment reports from partners: zero within a month.

## Users
Agencies and logistics partners consuming order webhooks.

## Scope and non-goals
- In scope: a delivery id header, retries that reuse it, documentation.
- Not now: exactly-once delivery guarantees.

## Requirements
1. Each delivery carries \`Atlas-Delivery-Id\`; retries keep it.
2. The partner dashboard shows the delivery id with each attempt.

## Open questions
- How long do we keep delivery ids for partner lookups?
`,
};
