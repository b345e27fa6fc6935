/**
 * The demo workspace's weekly status updates: one per component for each of the last two ISO weeks,
 * written by the component's PM on Friday afternoon (the mobile PM wrote the earlier one late, on the
 * Wednesday after). Times are days from the Monday of last week, as in demo-represent.data.ts.
 */

export interface DemoUpdate {
  component: string;
  /** 0: the week before last; 1: last week. */
  week: 0 | 1;
  day: number;
  health: 'on_track' | 'at_risk' | 'off_track';
  summary: string;
  highlights: string;
  risks: string;
  asks: string;
}

const C = 'Checkout & Payments';
const S = 'Catalog & Search';
const D = 'Merchant Dashboard';
const M = 'Shopper Mobile App';
const P = 'Platform APIs';

export const DEMO_UPDATES: DemoUpdate[] = [
  // The week before last
  {
    component: C,
    week: 0,
    day: -2.4,
    health: 'at_risk',
    summary:
      'In-page 3-D Secure is code-complete on web, but the mobile web view waits on one acquirer to confirm embedded challenges for American Express. Accessibility fixes are nearly done.',
    highlights: [
      '- In-page 3-D Secure passes the end-to-end suite with two of our three acquirers',
      '- Checkout accessibility: focus order and error announcements fixed; contrast fixes in review',
      '- Smart retry for soft declines: network tokens enabled in the sandbox',
    ].join('\n'),
    risks: [
      '- No answer yet on American Express embedded challenges from one acquirer: could move the EU launch of in-page 3-D Secure by a week',
      '- The app’s wallet pay is planned to start before our wallet buttons are done',
    ].join('\n'),
    asks: '- Maya: an introduction to the acquirer’s partner manager, to get the American Express answer this week',
  },
  {
    component: S,
    week: 0,
    day: -2.3,
    health: 'on_track',
    summary: 'Typo-tolerant search is live for 10 % of storefronts, and searches with no results are down 31 % in that group. The variant CSV export is in QA.',
    highlights: [
      '- Typo tolerance and synonyms rolled out to 10 % of storefronts',
      '- Catalog CSV export with variants in QA with two agencies',
      '- First warehouse vendor agreed to push stock changes to us instead of waiting for our hourly pull',
    ].join('\n'),
    risks: '- Real-time inventory sync needs a push API from each warehouse vendor; two of the five have not committed to one',
    asks: '',
  },
  {
    component: D,
    week: 0,
    day: -2.45,
    health: 'at_risk',
    summary: 'Staff roles are on course for the spring release. Next quarter is over-allocated, and SSO depends on a multi-store switcher that is still in discovery.',
    highlights: ['- Staff roles: custom roles and a warehouse role in beta with three merchants', '- Order timeline designs reviewed with the support team'].join('\n'),
    risks: [
      '- Next quarter’s planned effort is well above the dashboard team’s capacity',
      '- Single sign-on (Platform APIs) maps identity-provider groups to stores, which needs the multi-store switcher first',
    ].join('\n'),
    asks: '- A decision with Maya on which of the custom report builder or the merchant audit log leaves next quarter',
  },
  {
    component: M,
    week: 0,
    day: 2.45,
    health: 'on_track',
    summary: 'The wish list fix is in beta: crash-free sessions at 99.2 % among beta users, up from 97.8 %. Written late: release week swallowed Friday.',
    highlights: ['- Paginated, cached wish lists in TestFlight and the Play Store beta', '- Push notification preferences designed and tested with six shoppers'].join('\n'),
    risks: '- Wallet pay in the app is planned to start before checkout’s wallet buttons are done',
    asks: '',
  },
  {
    component: P,
    week: 0,
    day: -2.3,
    health: 'on_track',
    summary: 'Idempotent webhooks are in beta with three partners, and none of them has reported a duplicate delivery since.',
    highlights: ['- Atlas-Delivery-Id header live for ShipRight Logistics and two agencies', '- Partner sandbox stores: 41 created since launch'].join('\n'),
    risks: '- Higher rate limits for nightly imports not started, and bulk price requests from partners keep coming in',
    asks: '',
  },

  // Last week
  {
    component: C,
    week: 1,
    day: 4.6,
    health: 'on_track',
    summary:
      'Checkout accessibility fixes shipped and passed the external re-test (WCAG 2.2 AA). The acquirer confirmed embedded challenges for American Express, so in-page 3-D Secure is back on plan for the spring release.',
    highlights: [
      '- Shipped: checkout accessibility fixes; Sales can answer the two public-sector tenders',
      '- Accepted gift messages and gift receipts, asked for by florists and gift shops, as a new feature',
      '- Declined a custom engraving field: line-item properties already carry the text, and an agency can add the field',
    ].join('\n'),
    risks: '- Our wallet buttons must land before the app’s wallet pay starts; we are looking at starting them three weeks early',
    asks: '- Fatima for two days, to review wallet button placement with the mobile team',
  },
  {
    component: S,
    week: 1,
    day: 4.7,
    health: 'at_risk',
    summary:
      'Search is healthy, but real-time inventory sync is at risk: two warehouse vendors will not have a push API before the holiday code freeze.',
    highlights: [
      '- Typo-tolerant search at 50 % of storefronts; searches with no results down 34 %',
      '- Meridian’s and Kinetic’s overselling requests merged into one and accepted into the inventory sync',
      '- Declined an Instagram catalog sync: Meta’s app and two directory partners already do it from our export',
    ].join('\n'),
    risks: [
      '- Two of five warehouse vendors have no date for a push API; polling every minute may be the fallback',
      '- Meridian expects real-time stock before its holiday sale',
    ].join('\n'),
    asks: '- Oscar for a two-day spike on one-minute polling for the two vendors without push',
  },
  {
    component: D,
    week: 1,
    day: 4.55,
    health: 'off_track',
    summary:
      'Off track for next quarter: still over-allocated, and VAT-compliant invoices slipped a week to finish staff roles. Dark mode is dropped. Low-stock alerts joined Next, so the capacity question is now urgent.',
    highlights: [
      '- Staff roles: the warehouse role is live for three beta merchants, and Atlas Gear’s legal team signed it off',
      '- Accepted low-stock alerts (Elena’s request) as a small feature for next quarter',
      '- Dropped dark mode: no merchant has asked for it in six months',
    ].join('\n'),
    risks: [
      '- VAT-compliant invoices start a week later; still due before the spring release',
      '- Next quarter’s planned effort is well above capacity',
      '- Single sign-on still needs the multi-store switcher, which is in discovery',
      '- The returns request from Tidewater is back in triage and has no slot',
    ].join('\n'),
    asks: '- A decision this week on which of the custom report builder, the merchant audit log or low-stock alerts moves out of next quarter',
  },
  {
    component: M,
    week: 1,
    day: 4.72,
    health: 'at_risk',
    summary:
      'At risk: wallet pay in the app depends on checkout’s wallet buttons, which finish after we need them. The VoiceOver and TalkBack pass moved into this quarter after the checkout audit.',
    highlights: [
      '- Fast wish lists rolling out to 25 % of app users',
      '- VoiceOver and TalkBack pass pulled into Now; the same external auditor is booked',
      '- Deferred offline mode for in-store tablets until after the spring release',
    ].join('\n'),
    risks: '- Wallet pay in the app starts before checkout’s wallet buttons are done (dependency conflict)',
    asks: '- Agree a date for the wallet buttons with Diego, or move the app’s wallet pay by three weeks',
  },
  {
    component: P,
    week: 1,
    day: 4.8,
    health: 'on_track',
    summary:
      'Idempotent webhooks are rolling out to every partner, and duplicate-shipment reports are down to zero. API request logs moved to Later to make room for replaying failed deliveries.',
    highlights: [
      '- Atlas-Delivery-Id on every webhook delivery, announced in the partner changelog',
      '- Ledgerline’s duplicate-invoice report merged into the webhook request: one fix, two partners told',
      '- Deferred agency single sign-on until merchant SSO lands',
    ].join('\n'),
    risks: '- Merchant single sign-on depends on the multi-store switcher (Merchant Dashboard), still in discovery',
    asks: '',
  },
];
