/**
 * The demo workspace's requests and their triage (issue 7): 25 asks from executives, internal teams,
 * customers and partners, in every state, with the decisions that made them so, and the two rationale
 * templates Atlas added to the defaults. Status updates are in demo-represent.updates.data.ts.
 *
 * Times are in days from the Monday of last week (00:00 UTC), so "4.6" is last Friday at 14:24 and
 * "-17.4" a Thursday three weeks earlier: the demo's triage always happened on working days before this
 * week. The executive report of last Monday 09:00 (day 0.375) splits what it saw from what came after.
 */
import type { DemoPillarKey } from './demo-strategy.data.js';

/** The moment last week's executive report was compiled: Monday 09:00 of last week. */
export const DEMO_FIRST_REPORT_DAY = 0.375;

export type DemoRequesterType = 'executive' | 'internal' | 'customer' | 'partner';

/**
 * A record a decision points at: an opportunity or a feature by its demo key, feedback by the start of
 * its text, an interview or a key result by its title.
 */
export interface DemoEvidence {
  type: 'opportunity' | 'feature' | 'feedback' | 'interview' | 'key_result';
  ref: string;
}

interface DecisionBase {
  /** The member (demo key) who decided: the lead or the PM who owns the component. */
  by: string;
  day: number;
  pillar?: DemoPillarKey;
  evidence?: DemoEvidence[];
  /** Why, for the decisions that need not say (a decline's rationale is required and separate). */
  why?: string;
}

export type DemoDecision =
  | (DecisionBase & { action: 'accept'; feature: string })
  /** Accepted into a new feature: named (`title`), or made from the request itself when no title is given. */
  | (DecisionBase & { action: 'accept'; newFeature: { title?: string; then?: { horizon: 'now' | 'next' | 'later'; effort: number; pillar: DemoPillarKey; day: number } } })
  | (DecisionBase & { action: 'merge'; into: string })
  /**
   * Deferred to a day `revisitInDays` from today; a negative `revisitDay` instead (a day from last
   * week's Monday, already past) is a deferral that came back into triage on that day.
   */
  | (DecisionBase & { action: 'defer'; revisitInDays: number })
  | (DecisionBase & { action: 'defer'; revisitDay: number })
  | (DecisionBase & { action: 'decline'; template: string; rationale: string });

export interface DemoRequest {
  key: string;
  title: string;
  description: string;
  type: DemoRequesterType;
  /** The member (demo key) who asked. */
  member?: string;
  /** The outside requester: a demo customer's contact (by customer key), or a partner's contact. */
  contact?: { customer: string } | { name: string; email: string };
  /** The customers concerned (demo customer keys). */
  customers?: string[];
  urgency: 'low' | 'medium' | 'high';
  /** Days from today the requester would like it by; negative when that day has passed. */
  desiredInDays?: number;
  /** The component it lands in; null: only the product, for triage to place. */
  component: string | null;
  submittedBy: string;
  day: number;
  decision?: DemoDecision;
}

const C = 'Checkout & Payments';
const S = 'Catalog & Search';
const D = 'Merchant Dashboard';
const M = 'Shopper Mobile App';
const P = 'Platform APIs';

/** The templates Atlas added to the workspace defaults (modules/rationales). */
export const DEMO_RATIONALES: { title: string; body: string; pillar?: DemoPillarKey }[] = [
  {
    title: 'One-off for a single merchant',
    body: 'It would serve one merchant’s setup rather than the many mid-market merchants we build for. An agency partner can build it on our public APIs, and we will tell you if more merchants ask for the same.',
  },
  {
    title: 'Security or compliance risk',
    body: 'Doing this would weaken guarantees merchants and partners rely on (PCI DSS scope, data protection or access control), so we will not do it in this form. We suggest a safe way to reach the same goal instead.',
    pillar: 'trust',
  },
];

export const DEMO_REQUESTS: DemoRequest[] = [
  // Accepted into an existing feature
  {
    key: 'vat-export',
    title: 'Buyer VAT numbers in the order export',
    description:
      'Jade Wong (Lumen Home): our accountants reconcile EU business orders by hand because the order CSV has no buyer VAT number and no tax breakdown. Every month-end close takes two extra days.',
    type: 'customer',
    contact: { customer: 'lumen' },
    customers: ['lumen'],
    urgency: 'medium',
    desiredInDays: -30,
    component: D,
    submittedBy: 'liam',
    day: -59.6,
    decision: { action: 'accept', by: 'tom', day: -53.4, feature: 'csv-orders-tax', pillar: 'selfServe', evidence: [{ type: 'opportunity', ref: 'reporting' }] },
  },
  {
    key: 'checkout-wcag',
    title: 'Checkout must pass WCAG 2.2 AA for public-sector tenders',
    description:
      'Stonebridge and Meridian both sell to public bodies, and their tenders now ask for a WCAG 2.2 AA statement covering checkout. The external audit found focus-order and error-announcement failures; without a fix we cannot answer two tenders due next month.',
    type: 'internal',
    member: 'sarah',
    customers: ['stonebridge', 'meridian'],
    urgency: 'high',
    desiredInDays: 10,
    component: C,
    submittedBy: 'sarah',
    day: -30.6,
    decision: {
      action: 'accept',
      by: 'diego',
      day: -26.4,
      feature: 'checkout-a11y',
      pillar: 'buying',
      why: 'Public-sector tenders require WCAG 2.2 AA, and the audit already planned covers the gap.',
      evidence: [
        { type: 'feedback', ref: 'Accessibility audit (external, WCAG 2.2)' },
        { type: 'key_result', ref: 'Raise checkout conversion across merchants from 61 % to 66 %' },
      ],
    },
  },
  {
    key: 'warehouse-roles',
    title: 'Warehouse staff must not see revenue',
    description:
      'Two renewals this quarter, Atlas Gear and Ironclad, raise the same point: their warehouse teams log in to print packing slips and can see revenue and margins. Atlas Gear’s legal team has asked twice and wants a date.',
    type: 'internal',
    member: 'liam',
    customers: ['atlasgear', 'ironclad'],
    urgency: 'high',
    desiredInDays: 20,
    component: D,
    submittedBy: 'liam',
    day: -27.4,
    decision: {
      action: 'accept',
      by: 'tom',
      day: -23.5,
      feature: 'staff-roles',
      pillar: 'selfServe',
      evidence: [
        { type: 'feedback', ref: 'Staff accounts need roles: our warehouse team should not see revenue.' },
        { type: 'key_result', ref: 'Ship staff roles and permissions to every merchant' },
      ],
    },
  },
  {
    key: 'webhook-dupes',
    title: 'Stop duplicate shipments caused by repeated webhooks',
    description:
      'ShipRight Logistics fulfils orders for 14 Atlas merchants. When an order webhook times out we receive it again and ship the order twice: 31 duplicate parcels last month. We need a delivery id we can de-duplicate on.',
    type: 'partner',
    contact: { name: 'Priyanka Das', email: 'priyanka@shipright.example' },
    customers: ['bluepeak', 'lumen'],
    urgency: 'high',
    desiredInDays: 30,
    component: P,
    submittedBy: 'oscar',
    day: -24.6,
    decision: {
      action: 'accept',
      by: 'maya',
      day: -19.6,
      feature: 'webhook-idempotency',
      pillar: 'trust',
      evidence: [
        { type: 'opportunity', ref: 'webhooks' },
        { type: 'feedback', ref: "Blue Peak's fulfilment partner got duplicate order webhooks" },
        { type: 'key_result', ref: 'Reduce webhook deliveries sent more than once from 1.9 % to 0.1 %' },
      ],
    },
  },
  {
    key: 'wallet-app',
    title: 'Apple Pay in the shopper app',
    description:
      'Hannah Lee (Northwind Outfitters): 64 % of our traffic is mobile and most of it comes through your app. Shoppers who pay with Apple Pay on our website expect it in the app too, and drop out at the card form.',
    type: 'customer',
    contact: { customer: 'northwind' },
    customers: ['northwind', 'quill'],
    urgency: 'high',
    desiredInDays: 70,
    component: M,
    submittedBy: 'liam',
    day: -20.5,
    decision: {
      action: 'accept',
      by: 'aiko',
      day: -16.4,
      feature: 'mobile-wallets',
      pillar: 'buying',
      evidence: [
        { type: 'opportunity', ref: 'wallets' },
        { type: 'interview', ref: 'Northwind: checkout drop-off on mobile' },
      ],
    },
  },
  {
    key: 'realtime-stock',
    title: 'Stock levels that keep up during peak sales',
    description:
      'Claire Dubois (Meridian Department Stores): during our spring sale we oversold 1,200 units because stock synced from the warehouse once an hour. Stock has to follow the warehouse within minutes before the holiday season.',
    type: 'customer',
    contact: { customer: 'meridian' },
    customers: ['meridian', 'stonebridge'],
    urgency: 'high',
    desiredInDays: 90,
    component: S,
    submittedBy: 'sarah',
    day: -5.4,
    decision: {
      action: 'accept',
      by: 'priya',
      day: 1.4,
      feature: 'inventory-sync',
      pillar: 'trust',
      evidence: [
        { type: 'opportunity', ref: 'inventory' },
        { type: 'feedback', ref: 'Inventory sync with our ERP runs every hour' },
        { type: 'key_result', ref: 'Cut orders cancelled for lack of stock from 2.4 % to 1.0 %' },
      ],
    },
  },

  // Accepted into a new feature
  {
    key: 'gift-messages',
    title: 'Gift messages at checkout',
    description:
      'Amara Nwosu (Petal & Post Florists): a third of our orders are gifts. Shoppers type the card message into the delivery notes, which our florists miss. We need a gift message field and a receipt without prices.',
    type: 'customer',
    contact: { customer: 'petalpost' },
    customers: ['petalpost', 'fable', 'saltmarsh'],
    urgency: 'medium',
    desiredInDays: 120,
    component: C,
    submittedBy: 'liam',
    day: -3.4,
    decision: { action: 'accept', by: 'diego', day: 2.45, newFeature: { title: 'Gift messages and gift receipts' }, pillar: 'buying', why: 'Gifting is a quarter of December orders, and a message field is a small change in checkout.' },
  },
  {
    key: 'low-stock',
    title: 'Low-stock alerts for merchants',
    description:
      'From the Meridian and Copper Pot calls: merchants learn that an item sold out from an unhappy shopper. A daily email or dashboard alert for items about to run out would prevent it, and it is a small, visible win for the board update.',
    type: 'executive',
    member: 'elena',
    customers: ['meridian', 'copperpot'],
    urgency: 'medium',
    desiredInDays: 60,
    component: D,
    submittedBy: 'maya',
    day: -2.6,
    decision: {
      action: 'accept',
      by: 'tom',
      day: 2.6,
      newFeature: { then: { horizon: 'next', effort: 2, pillar: 'selfServe', day: 2.65 } },
      pillar: 'selfServe',
      why: 'Merchants learn about stock-outs from angry shoppers; an alert is cheap and keeps them in the dashboard.',
      evidence: [{ type: 'feedback', ref: 'Would be nice to get a low stock email before something sells out.' }],
    },
  },

  // Merged, keeping every requester
  {
    key: 'pay-in-four',
    title: 'Pay in 4 instalments for orders over $100',
    description: 'Sofia Marin (Brightleaf Tea Co.): our gift boxes cost $120 to $300 and the competitors we lose to offer instalments at checkout.',
    type: 'customer',
    contact: { customer: 'brightleaf' },
    customers: ['brightleaf'],
    urgency: 'low',
    component: C,
    submittedBy: 'sarah',
    day: -19.4,
    decision: { action: 'merge', by: 'diego', day: -16.6, into: 'bnpl' },
  },
  {
    key: 'erp-dupes',
    title: 'Repeated webhooks book invoices twice in our ERP connector',
    description:
      'Ledgerline connects 40 Atlas stores to their ERP. Retried order.paid webhooks carry no id, so the same invoice is booked twice and accountants reverse it by hand.',
    type: 'partner',
    contact: { name: 'Lukas Berg', email: 'lukas@ledgerline.example' },
    customers: ['lumen'],
    urgency: 'medium',
    component: P,
    submittedBy: 'oscar',
    day: -2.4,
    decision: { action: 'merge', by: 'maya', day: 1.6, into: 'webhook-dupes' },
  },
  {
    key: 'flash-sale-oversell',
    title: 'Overselling during flash sales',
    description: 'Ravi Shah (Kinetic Sports): every flash sale we cancel orders for items we no longer have, because stock updates arrive once an hour.',
    type: 'customer',
    contact: { customer: 'kinetic' },
    customers: ['kinetic'],
    urgency: 'high',
    desiredInDays: 45,
    component: S,
    submittedBy: 'liam',
    day: 0.6,
    decision: { action: 'merge', by: 'priya', day: 3.4, into: 'realtime-stock' },
  },

  // Deferred (the first one came back into triage on its revisit day)
  {
    key: 'returns-start',
    title: 'Shoppers start returns from their order page',
    description:
      'Jamal Brooks (Tidewater Outdoor): we handle 2,000 returns a month by email. Shoppers should pick the items and the reason, and print a label themselves.',
    type: 'customer',
    contact: { customer: 'tidewater' },
    customers: ['tidewater', 'northwind'],
    urgency: 'medium',
    desiredInDays: 45,
    component: D,
    submittedBy: 'liam',
    day: -40.6,
    decision: {
      action: 'defer',
      by: 'tom',
      day: -37.5,
      revisitDay: 2,
      evidence: [
        { type: 'feature', ref: 'returns-portal' },
        { type: 'feedback', ref: 'Northwind handles 9,000 returns a month by email' },
      ],
    },
  },
  {
    key: 'agency-sso',
    title: 'Single sign-on for agency staff across client stores',
    description:
      'Ines Costa (Northstar Digital): we run 22 Atlas stores for clients. Our developers keep 22 passwords each, and when someone leaves we remove them store by store. We need sign-in through our Google Workspace.',
    type: 'partner',
    contact: { name: 'Ines Costa', email: 'ines@northstar-digital.example' },
    customers: ['stonebridge'],
    urgency: 'medium',
    desiredInDays: 60,
    component: P,
    submittedBy: 'oscar',
    day: -9.6,
    decision: { action: 'defer', by: 'maya', day: -4.4, revisitInDays: 75, pillar: 'trust', evidence: [{ type: 'feature', ref: 'sso-okta' }] },
  },
  {
    key: 'market-price-lists',
    title: 'Price lists per country and currency',
    description:
      'Lena Fischer (Aurora Fashion Group, in evaluation): we sell in nine EU markets and the UK, and need a price list per market in its own currency, not a converted price.',
    type: 'customer',
    contact: { customer: 'aurora' },
    customers: ['aurora', 'cobalt', 'wildroot'],
    urgency: 'medium',
    desiredInDays: 150,
    component: S,
    submittedBy: 'sarah',
    day: -4.6,
    decision: {
      action: 'defer',
      by: 'priya',
      day: 2.4,
      revisitInDays: 40,
      evidence: [
        { type: 'feature', ref: 'b2b-price-lists' },
        { type: 'feedback', ref: 'Wildroot sells to the US and the UK' },
      ],
    },
  },
  {
    key: 'tablet-offline',
    title: 'Offline mode for in-store tablets',
    description:
      'Store staff at two pilot merchants use the shopper app on tablets. When the shop Wi-Fi drops, the app cannot show stock or scan a wish list. Engineering estimate: six to eight weeks for a read-only offline cache.',
    type: 'internal',
    member: 'grace',
    urgency: 'low',
    component: M,
    submittedBy: 'grace',
    day: 1.6,
    decision: { action: 'defer', by: 'aiko', day: 4.5, revisitInDays: 21, evidence: [{ type: 'feature', ref: 'offline-browse' }] },
  },

  // Declined, with a template and the reasons in words
  {
    key: 'bnpl',
    title: 'Buy now, pay later built into checkout',
    description:
      'Camila Reyes (Solstice Beauty): our average basket is $140 and our agency says instalments lift conversion by a fifth. We want it native in checkout, not through a third-party app.',
    type: 'customer',
    contact: { customer: 'solstice' },
    customers: ['solstice'],
    urgency: 'medium',
    component: C,
    submittedBy: 'sarah',
    day: -38.5,
    decision: {
      action: 'decline',
      by: 'diego',
      day: -33.5,
      template: 'Better served by a partner',
      rationale:
        'Klarna and Afterpay apps in our app directory add instalments to checkout in an afternoon, and they carry the credit risk and the lending licences. Building our own would make us a lender in every market. The partner setup is now in the help centre.',
      evidence: [{ type: 'feature', ref: 'bnpl' }],
    },
  },
  {
    key: 'crypto',
    title: 'Accept cryptocurrency at checkout',
    description:
      'Verdant’s head of online asked whether we take Bitcoin and USDC. Two prospects mentioned it this year; it would help us look modern in evaluations.',
    type: 'internal',
    member: 'sarah',
    customers: ['verdant'],
    urgency: 'low',
    component: C,
    submittedBy: 'sarah',
    day: -30.4,
    decision: {
      action: 'decline',
      by: 'diego',
      day: -25.6,
      template: 'Not enough evidence yet',
      rationale:
        'Two prospects in twelve months, and no active merchant, have asked. Where our payment partners offer crypto it is used in under 0.1 % of checkouts. We will look again if the autumn merchant survey shows real demand.',
    },
  },
  {
    key: 'card-export',
    title: 'Export saved cards in bulk for store migrations',
    description:
      'Tobias Reed (CartShift): we migrate stores between platforms. Two merchants leaving Atlas want to move their shoppers’ saved cards to the new platform, so we need a bulk export of the card numbers.',
    type: 'partner',
    contact: { name: 'Tobias Reed', email: 'tobias@cartshift.example' },
    customers: ['pebble', 'dapper'],
    urgency: 'high',
    component: P,
    submittedBy: 'maya',
    day: -23.5,
    decision: {
      action: 'decline',
      by: 'maya',
      day: -18.4,
      template: 'Security or compliance risk',
      rationale:
        'Card numbers never leave our PCI DSS vault, and a bulk export would put every merchant’s shoppers at risk. We support processor-to-processor token migration instead: the new processor requests the tokens from ours, and no card number passes through an agency.',
    },
  },
  {
    key: 'branded-apps',
    title: 'Branded mobile apps for our largest merchants',
    description:
      'After dinner with Meridian’s SVP: they want their own app in the App Store, built on ours, and Northwind hinted at the same. Could we offer white-label apps on Enterprise plans?',
    type: 'executive',
    member: 'elena',
    customers: ['meridian', 'northwind'],
    urgency: 'high',
    desiredInDays: 90,
    component: M,
    submittedBy: 'maya',
    day: -6.5,
    decision: {
      action: 'decline',
      by: 'maya',
      day: -3.6,
      template: 'Does not serve a current pillar',
      rationale:
        'Each branded app is its own App Store listing to build, review and support, for two merchants. Wallet pay, search and wish lists in the shopper app serve all of them, and Meridian’s brand already shows on its store pages inside the app. We will revisit if Enterprise renewals start to depend on it.',
      evidence: [
        { type: 'feature', ref: 'mobile-wallets' },
        { type: 'key_result', ref: 'Raise the share of repeat orders placed in the app from 22 % to 30 %' },
      ],
    },
  },
  {
    key: 'engraving-field',
    title: 'A custom engraving field on the product page',
    description: 'Hana Sato (Copper Pot Kitchenware): we engrave pans, and shoppers need to type the text on the product page, up to 20 characters, with a preview.',
    type: 'customer',
    contact: { customer: 'copperpot' },
    customers: ['copperpot'],
    urgency: 'medium',
    component: C,
    submittedBy: 'liam',
    day: 0.45,
    decision: {
      action: 'decline',
      by: 'diego',
      day: 3.6,
      template: 'One-off for a single merchant',
      rationale:
        'Line-item properties already carry custom text from the product page to the order, and an agency can add a field with a preview to the storefront in a day. We would rather spend the sprint on wallet pay, which every merchant asks for.',
    },
  },
  {
    key: 'instagram-feed',
    title: 'Sync the catalog to Instagram Shopping',
    description: 'Launch campaigns keep asking for shoppable Instagram posts, and two competitors list Instagram as a built-in channel on their pricing pages.',
    type: 'internal',
    member: 'noah',
    urgency: 'medium',
    component: S,
    submittedBy: 'noah',
    day: 1.4,
    decision: {
      action: 'decline',
      by: 'priya',
      day: 4.4,
      template: 'Better served by a partner',
      rationale:
        'Meta’s own commerce app and two partners in our app directory already sync the catalog from our CSV export and the Bulk API. We will make sure the variant CSV export shipping this spring works for them, and list them on the sales-channels page.',
      evidence: [{ type: 'feature', ref: 'csv-catalog' }],
    },
  },

  // New, waiting in triage
  {
    key: 'loyalty-points',
    title: 'Loyalty points in the shopper app',
    description: 'Kinetic and Ridgeline run their loyalty programmes in spreadsheets. Showing points and rewards in the app was the top ask at last month’s customer advisory board.',
    type: 'internal',
    member: 'noah',
    customers: ['kinetic', 'ridgeline'],
    urgency: 'medium',
    component: M,
    submittedBy: 'noah',
    day: 2.4,
  },
  {
    key: 'split-shipments',
    title: 'Split one order across two warehouses at checkout',
    description:
      'Megan Torres (Stonebridge Home Improvement): a basket with lumber and tools ships from two warehouses. Shoppers should see two deliveries at checkout, each with its own date and shipping cost.',
    type: 'customer',
    contact: { customer: 'stonebridge' },
    customers: ['stonebridge', 'atlasgear'],
    urgency: 'high',
    desiredInDays: 75,
    component: C,
    submittedBy: 'sarah',
    day: 3.45,
  },
  {
    key: 'bulk-prices',
    title: 'Update thousands of prices in one API call',
    description: 'Kwame Mensah (PriceWise): we reprice catalogues every night. At two requests a second a 40,000-variant store takes six hours; a bulk endpoint would take minutes.',
    type: 'partner',
    contact: { name: 'Kwame Mensah', email: 'kwame@pricewise.example' },
    customers: ['cobalt'],
    urgency: 'medium',
    desiredInDays: 45,
    component: P,
    submittedBy: 'oscar',
    day: 4.35,
  },
  {
    key: 'qbr-pack',
    title: 'Quarterly business review pack from dashboard data',
    description:
      'Account managers spend half a day per enterprise customer building the QBR deck: sales, conversion, top products, support tickets. A one-click export would give them that time back for selling.',
    type: 'internal',
    member: 'sarah',
    customers: ['meridian', 'cobalt', 'stonebridge'],
    urgency: 'low',
    desiredInDays: 40,
    component: null,
    submittedBy: 'sarah',
    day: 4.6,
  },
];

/**
 * Roadmap changes made last week, after the first executive report, as the PMs made them through the
 * feature form, each with the roadmap decision that says why: what the next report's "what changed and
 * why" is built from.
 */
export const DEMO_ROADMAP_CHANGES: { feature: string; by: string; day: number; status?: 'shipped' | 'wont_do'; horizon?: 'now' | 'next' | 'later'; start?: number | null; weeks?: number; why: string; pillar?: DemoPillarKey }[] = [
  { feature: 'api-logs', by: 'maya', day: 1.5, horizon: 'later', start: null, why: 'Failed deliveries cost partners orders today; logs are a convenience. Replaying failed webhooks takes the slot, and logs wait until it ships.', pillar: 'trust' },
  { feature: 'vat-invoices', by: 'tom', day: 2.4, start: 7, weeks: 3, why: 'Staff roles had to finish first: invoices read the new permissions. One week later still lands before the April VAT deadline.' },
  { feature: 'dark-mode', by: 'tom', day: 3.45, status: 'wont_do', why: 'Eleven asks in a year, none tied to revenue, and the dashboard is over capacity. The OS-level dark theme covers night shifts well enough.' },
  { feature: 'checkout-a11y', by: 'diego', day: 3.65, status: 'shipped', why: 'The audit found 14 WCAG 2.2 AA failures; all are fixed and verified with screen-reader users before the enterprise renewals.', pillar: 'buying' },
  { feature: 'accessibility-mobile', by: 'aiko', day: 4.4, horizon: 'now', start: 10, weeks: 3, why: 'The checkout audit showed the same failures in the app, and two enterprise merchants made it a condition of renewal.', pillar: 'buying' },
];
