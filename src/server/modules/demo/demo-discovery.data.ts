/** The demo workspace's customers, feedback, opportunities, interviews and experiments (discovery). */
import { GROUPED_FEEDBACK } from './demo-feedback.data.js';

export interface DemoCustomer {
  key: string;
  name: string;
  domain: string;
  segment: 'Enterprise' | 'Mid-market' | 'SMB';
  plan: string;
  arr: number;
  status: 'active' | 'trial' | 'churned' | 'prospect';
  contact: { name: string; title: string };
}

export const DEMO_CUSTOMERS: DemoCustomer[] = [
  { key: 'northwind', name: 'Northwind Outfitters', domain: 'northwind.example', segment: 'Enterprise', plan: 'Scale', arr: 420000, status: 'active', contact: { name: 'Hannah Lee', title: 'VP E-commerce' } },
  { key: 'bluepeak', name: 'Blue Peak Coffee', domain: 'bluepeak.example', segment: 'Mid-market', plan: 'Growth', arr: 96000, status: 'active', contact: { name: 'Marco Silva', title: 'Head of Digital' } },
  { key: 'lumen', name: 'Lumen Home', domain: 'lumenhome.example', segment: 'Enterprise', plan: 'Scale', arr: 310000, status: 'active', contact: { name: 'Jade Wong', title: 'Director of Operations' } },
  { key: 'fable', name: 'Fable & Fern', domain: 'fablefern.example', segment: 'SMB', plan: 'Starter', arr: 14000, status: 'active', contact: { name: 'Olive Grant', title: 'Founder' } },
  { key: 'kinetic', name: 'Kinetic Sports', domain: 'kineticsports.example', segment: 'Mid-market', plan: 'Growth', arr: 120000, status: 'active', contact: { name: 'Ravi Shah', title: 'E-commerce Manager' } },
  { key: 'harbor', name: 'Harbor Books', domain: 'harborbooks.example', segment: 'SMB', plan: 'Starter', arr: 9000, status: 'trial', contact: { name: 'Nora Quinn', title: 'Owner' } },
  { key: 'solstice', name: 'Solstice Beauty', domain: 'solstice.example', segment: 'Mid-market', plan: 'Growth', arr: 84000, status: 'active', contact: { name: 'Camila Reyes', title: 'CTO' } },
  { key: 'atlasgear', name: 'Atlas Gear Co.', domain: 'atlasgear.example', segment: 'Enterprise', plan: 'Enterprise', arr: 560000, status: 'active', contact: { name: 'Peter Novak', title: 'CIO' } },
  { key: 'pebble', name: 'Pebble Pets', domain: 'pebblepets.example', segment: 'SMB', plan: 'Starter', arr: 12000, status: 'churned', contact: { name: 'Sam Ortiz', title: 'Founder' } },
  { key: 'verdant', name: 'Verdant Grocers', domain: 'verdant.example', segment: 'Enterprise', plan: 'Scale', arr: 275000, status: 'prospect', contact: { name: 'Ivy Chen', title: 'Head of Online' } },
  { key: 'meridian', name: 'Meridian Department Stores', domain: 'meridianstores.example', segment: 'Enterprise', plan: 'Enterprise', arr: 640000, status: 'active', contact: { name: 'Claire Dubois', title: 'SVP Digital Commerce' } },
  { key: 'cobalt', name: 'Cobalt Electronics', domain: 'cobaltelectronics.example', segment: 'Enterprise', plan: 'Scale', arr: 385000, status: 'active', contact: { name: 'Arjun Mehta', title: 'Director of E-commerce Engineering' } },
  { key: 'stonebridge', name: 'Stonebridge Home Improvement', domain: 'stonebridge.example', segment: 'Enterprise', plan: 'Enterprise', arr: 495000, status: 'active', contact: { name: 'Megan Torres', title: 'VP Omnichannel' } },
  { key: 'aurora', name: 'Aurora Fashion Group', domain: 'aurorafashion.example', segment: 'Enterprise', plan: 'Scale', arr: 350000, status: 'prospect', contact: { name: 'Lena Fischer', title: 'Chief Digital Officer' } },
  { key: 'tidewater', name: 'Tidewater Outdoor', domain: 'tidewater.example', segment: 'Mid-market', plan: 'Growth', arr: 110000, status: 'active', contact: { name: 'Jamal Brooks', title: 'E-commerce Director' } },
  { key: 'brightleaf', name: 'Brightleaf Tea Co.', domain: 'brightleaf.example', segment: 'Mid-market', plan: 'Growth', arr: 58000, status: 'active', contact: { name: 'Sofia Marin', title: 'Digital Marketing Lead' } },
  { key: 'ironclad', name: 'Ironclad Tools', domain: 'ironcladtools.example', segment: 'Mid-market', plan: 'Growth', arr: 135000, status: 'active', contact: { name: 'Derek Walsh', title: 'Head of E-commerce' } },
  { key: 'petalpost', name: 'Petal & Post Florists', domain: 'petalpost.example', segment: 'Mid-market', plan: 'Growth', arr: 72000, status: 'trial', contact: { name: 'Amara Nwosu', title: 'Operations Manager' } },
  { key: 'novella', name: 'Novella Kids', domain: 'novellakids.example', segment: 'Mid-market', plan: 'Growth', arr: 66000, status: 'churned', contact: { name: 'Tomas Herrera', title: 'COO' } },
  { key: 'quill', name: 'Quill & Ink Stationery', domain: 'quillink.example', segment: 'SMB', plan: 'Starter', arr: 7200, status: 'active', contact: { name: 'Ruth Adams', title: 'Owner' } },
  { key: 'saltmarsh', name: 'Saltmarsh Candles', domain: 'saltmarsh.example', segment: 'SMB', plan: 'Starter', arr: 11000, status: 'active', contact: { name: 'Ellie Burke', title: 'Co-founder' } },
  { key: 'ridgeline', name: 'Ridgeline Bikes', domain: 'ridgelinebikes.example', segment: 'SMB', plan: 'Starter', arr: 18000, status: 'active', contact: { name: 'Mateo Ruiz', title: 'Owner' } },
  { key: 'copperpot', name: 'Copper Pot Kitchenware', domain: 'copperpot.example', segment: 'SMB', plan: 'Starter', arr: 16000, status: 'trial', contact: { name: 'Hana Sato', title: 'E-commerce Lead' } },
  { key: 'wildroot', name: 'Wildroot Apothecary', domain: 'wildroot.example', segment: 'SMB', plan: 'Starter', arr: 8500, status: 'prospect', contact: { name: 'June Holloway', title: 'Founder' } },
  { key: 'dapper', name: 'Dapper Hound', domain: 'dapperhound.example', segment: 'SMB', plan: 'Starter', arr: 10500, status: 'churned', contact: { name: 'Felix Moreau', title: 'Founder' } },
];

export type FeedbackSource = 'customer_success' | 'sales' | 'product_marketing' | 'support' | 'interview' | 'survey' | 'other';

export interface DemoFeedback {
  text: string;
  source: FeedbackSource;
  customer: string | null;
  component: string;
  daysAgo: number;
  importance: 1 | 2 | 3 | 4;
  tags: string[];
  /** The opportunity this item is linked to as evidence (its status is then `linked`). */
  opportunity?: string;
  /** Otherwise new when recent, triaged when older; set to archive the noise. */
  status?: 'new' | 'triaged' | 'archived';
  /** The interview (by customer key) this item is a highlight of: its text is a quote from the notes. */
  interview?: string;
}

/** The first feedback the demo had: browser tests quote some of these texts, so they stay as written. */
const FIRST_FEEDBACK: DemoFeedback[] = [
  { text: 'Our shoppers abandon checkout when the 3-D Secure challenge opens in a new tab on mobile. We lost about 8% of card payments last month.', source: 'customer_success', customer: 'northwind', component: 'Checkout & Payments', daysAgo: 6, importance: 4, tags: ['payments', 'mobile'], opportunity: 'sca' },
  { text: 'The 3DS popup breaks on iPhone Safari and customers think the site froze.', source: 'support', customer: 'kinetic', component: 'Checkout & Payments', daysAgo: 12, importance: 3, tags: ['payments', 'mobile'], opportunity: 'sca' },
  { text: 'Card payments from the EU fail more often since the new authentication rules. Can the challenge stay inside checkout?', source: 'sales', customer: 'lumen', component: 'Checkout & Payments', daysAgo: 20, importance: 3, tags: ['payments'], opportunity: 'sca' },
  { text: 'We need Apple Pay and Google Pay in checkout; competitors have had them for years.', source: 'sales', customer: 'verdant', component: 'Checkout & Payments', daysAgo: 15, importance: 3, tags: ['payments', 'wallets'], opportunity: 'wallets' },
  { text: 'Wallet payments would cut our checkout time in half on mobile.', source: 'survey', customer: 'solstice', component: 'Checkout & Payments', daysAgo: 33, importance: 2, tags: ['wallets'], opportunity: 'wallets' },
  { text: 'Please add Google Pay, half of our traffic is Android.', source: 'customer_success', customer: 'kinetic', component: 'Checkout & Payments', daysAgo: 48, importance: 2, tags: ['wallets'], opportunity: 'wallets' },
  { text: 'Search returns nothing when a shopper misspells a product name, like "snekers".', source: 'support', customer: 'kinetic', component: 'Catalog & Search', daysAgo: 4, importance: 3, tags: ['search'], opportunity: 'search' },
  { text: 'Storefront search is too literal: "couch" does not find sofas.', source: 'customer_success', customer: 'lumen', component: 'Catalog & Search', daysAgo: 18, importance: 3, tags: ['search'], opportunity: 'search' },
  { text: 'Our catalogue has 40,000 items and search takes two seconds on the category pages.', source: 'customer_success', customer: 'atlasgear', component: 'Catalog & Search', daysAgo: 9, importance: 4, tags: ['search', 'performance'], opportunity: 'search' },
  { text: 'Typo tolerance in search, please. Shoppers type fast on phones.', source: 'survey', customer: 'fable', component: 'Catalog & Search', daysAgo: 60, importance: 2, tags: ['search'], opportunity: 'search' },
  { text: 'Inventory sync with our ERP runs every hour, so we oversell during sales.', source: 'customer_success', customer: 'atlasgear', component: 'Catalog & Search', daysAgo: 3, importance: 4, tags: ['inventory', 'integrations'], opportunity: 'inventory' },
  { text: 'We oversold 200 units on Black Friday because stock levels lag behind the warehouse.', source: 'sales', customer: 'northwind', component: 'Catalog & Search', daysAgo: 25, importance: 4, tags: ['inventory'], opportunity: 'inventory' },
  { text: 'The orders page takes forever to load when we filter by date.', source: 'support', customer: 'bluepeak', component: 'Merchant Dashboard', daysAgo: 7, importance: 2, tags: ['performance'] },
  { text: 'I want to export orders to CSV with the customer tax id included.', source: 'customer_success', customer: 'lumen', component: 'Merchant Dashboard', daysAgo: 11, importance: 2, tags: ['export'], opportunity: 'reporting' },
  { text: 'Need a dashboard of refunds by reason, we cannot see why returns went up.', source: 'sales', customer: 'solstice', component: 'Merchant Dashboard', daysAgo: 40, importance: 2, tags: ['reporting'], opportunity: 'reporting' },
  { text: 'Staff accounts need roles: our warehouse team should not see revenue.', source: 'sales', customer: 'atlasgear', component: 'Merchant Dashboard', daysAgo: 22, importance: 3, tags: ['permissions'] },
  { text: 'Single sign-on with Okta is a must before our security review signs off.', source: 'sales', customer: 'verdant', component: 'Merchant Dashboard', daysAgo: 5, importance: 4, tags: ['security', 'sso'] },
  { text: 'The app crashes when I open my wish list with more than 50 items.', source: 'support', customer: 'fable', component: 'Shopper Mobile App', daysAgo: 2, importance: 3, tags: ['mobile', 'crash'] },
  { text: 'Push offers arrive three times a day and our shoppers uninstall the app.', source: 'customer_success', customer: 'bluepeak', component: 'Shopper Mobile App', daysAgo: 16, importance: 3, tags: ['mobile', 'notifications'] },
  { text: 'Let shoppers choose which offers they get notified about.', source: 'survey', customer: 'solstice', component: 'Shopper Mobile App', daysAgo: 52, importance: 2, tags: ['notifications'] },
  { text: 'Our agency hits the API rate limit during the nightly product import.', source: 'support', customer: 'atlasgear', component: 'Platform APIs', daysAgo: 8, importance: 3, tags: ['api', 'limits'] },
  { text: 'Webhooks sometimes arrive twice and we create duplicate shipments.', source: 'support', customer: 'kinetic', component: 'Platform APIs', daysAgo: 19, importance: 4, tags: ['api', 'webhooks'], opportunity: 'webhooks' },
  { text: 'The pricing jump from Growth to Scale is too steep for a shop our size.', source: 'sales', customer: 'harbor', component: 'Merchant Dashboard', daysAgo: 30, importance: 2, tags: ['pricing'] },
  { text: 'We would pay for an add-on with advanced search merchandising instead of upgrading the whole plan.', source: 'product_marketing', customer: 'bluepeak', component: 'Catalog & Search', daysAgo: 28, importance: 2, tags: ['pricing', 'search'] },
  { text: 'Dark mode for the merchant dashboard, our night shift staff ask for it.', source: 'other', customer: null, component: 'Merchant Dashboard', daysAgo: 70, importance: 1, tags: ['ui'] },
];

export const DEMO_OPPORTUNITIES: Record<string, { title: string; problem: string; status: string; components: string[]; owner: string }> = {
  sca: {
    title: 'Card payments fail at strong customer authentication',
    problem: 'Shoppers drop out when the 3-D Secure challenge leaves checkout, especially on mobile Safari; merchants lose card revenue in the EU.',
    status: 'validated',
    components: ['Checkout & Payments'],
    owner: 'diego',
  },
  wallets: {
    title: 'Shoppers want to pay with their phone wallet',
    problem: 'Typing card details on a phone is slow; shoppers expect Apple Pay and Google Pay.',
    status: 'exploring',
    components: ['Checkout & Payments', 'Shopper Mobile App'],
    owner: 'diego',
  },
  search: {
    title: 'Shoppers cannot find products they describe in their own words',
    problem: 'Storefront search is literal and slow on large catalogues: typos and synonyms return nothing, and shoppers leave.',
    status: 'open',
    components: ['Catalog & Search'],
    owner: 'priya',
  },
  reporting: {
    title: 'Merchants rebuild their reports outside Sextant',
    problem: 'Finance and operations teams export data every week to answer the same questions: revenue, refunds, taxes.',
    status: 'open',
    components: ['Merchant Dashboard'],
    owner: 'tom',
  },
  inventory: {
    title: 'Merchants oversell because stock lags behind the warehouse',
    problem: 'Stock syncs from ERPs and warehouse systems run hourly at best; during sales peaks merchants sell items they no longer have, cancel orders and collect one-star reviews.',
    status: 'exploring',
    components: ['Catalog & Search', 'Platform APIs'],
    owner: 'priya',
  },
  webhooks: {
    title: 'Integrations cannot trust webhook delivery',
    problem: 'Webhooks arrive more than once, out of order or not at all after an outage, so partner systems ship orders twice or miss them, and every agency builds its own deduplication and reconciliation.',
    status: 'open',
    components: ['Platform APIs'],
    owner: 'maya',
  },
};

export interface DemoHighlight {
  /** A quote from the interview's notes, as written there (the seed checks it). */
  text: string;
  component: string;
  importance: 1 | 2 | 3 | 4;
  tags: string[];
  opportunity?: string;
}

export interface DemoInterview {
  title: string;
  /** The customer whose contact was interviewed; also the interview's key. */
  customer: string;
  interviewer: string;
  daysAgo: number;
  script: string;
  notes: string;
  /** Quotes taken from the notes; each becomes feedback with source `interview`. */
  highlights: DemoHighlight[];
}

export const DEMO_INTERVIEWS: DemoInterview[] = [
  {
    title: 'Northwind: checkout drop-off on mobile',
    customer: 'northwind',
    interviewer: 'diego',
    daysAgo: 14,
    script: '1. Walk me through the last time a shopper complained about paying.\n2. What did you try?\n3. What would good look like?',
    notes: [
      '## Context',
      'Hannah runs e-commerce for 120 stores. Mobile is 64% of traffic.',
      '',
      '## What we heard',
      '- Shoppers abandon when the bank challenge opens in a new tab.',
      '- "We lost about 8% of card payments last month, mostly on iPhones."',
      '- "When the bank page pops up in a new tab, people think they\'ve been sent to a phishing site and close it."',
      '- "Our finance team rebuilds the revenue report in a spreadsheet every Monday. A scheduled report would save them hours."',
      '- "Black Friday is the one week that matters. If the stock numbers are an hour old, we sell jackets we don\'t have."',
      '- Store managers want to see the online orders of their own store only.',
      '',
      '## Follow-ups',
      '- Share the SCA prototype in two weeks.',
      '- Ask Tom about scheduled reports.',
    ].join('\n'),
    highlights: [
      { text: "When the bank page pops up in a new tab, people think they've been sent to a phishing site and close it.", component: 'Checkout & Payments', importance: 4, tags: ['payments', '3ds', 'mobile'], opportunity: 'sca' },
      { text: 'Our finance team rebuilds the revenue report in a spreadsheet every Monday. A scheduled report would save them hours.', component: 'Merchant Dashboard', importance: 3, tags: ['reporting'], opportunity: 'reporting' },
      { text: "Black Friday is the one week that matters. If the stock numbers are an hour old, we sell jackets we don't have.", component: 'Catalog & Search', importance: 3, tags: ['inventory'], opportunity: 'inventory' },
    ],
  },
  {
    title: 'Kinetic Sports: search and webhooks',
    customer: 'kinetic',
    interviewer: 'priya',
    daysAgo: 21,
    script: 'How do shoppers search? What breaks in your integrations?',
    notes: [
      '## Search',
      'Ravi says shoppers type fast and misspell: "snekers", "jaket".',
      '- "If someone types snekers and gets zero results, they\'re on Amazon thirty seconds later."',
      '- About 30% of their searches come from the shopper app.',
      '',
      '## Integrations',
      'Webhooks sometimes arrive twice; their warehouse system then ships twice.',
      '- "We wrote our own dedupe table keyed on the order id because we couldn\'t trust a webhook to arrive once."',
      '- "When your API was down for 20 minutes last quarter we had no idea which orders we\'d missed. A replay button would have saved us a weekend."',
    ].join('\n'),
    highlights: [
      { text: "If someone types snekers and gets zero results, they're on Amazon thirty seconds later.", component: 'Catalog & Search', importance: 3, tags: ['search'], opportunity: 'search' },
      { text: "We wrote our own dedupe table keyed on the order id because we couldn't trust a webhook to arrive once.", component: 'Platform APIs', importance: 3, tags: ['api', 'webhooks'], opportunity: 'webhooks' },
      { text: "When your API was down for 20 minutes last quarter we had no idea which orders we'd missed. A replay button would have saved us a weekend.", component: 'Platform APIs', importance: 2, tags: ['api', 'webhooks'] },
    ],
  },
  {
    title: 'Atlas Gear: stock sync and staff accounts',
    customer: 'atlasgear',
    interviewer: 'priya',
    daysAgo: 35,
    script: '1. How does stock get from your warehouse to the storefront today?\n2. Tell me about the last time you oversold.\n3. Who uses the dashboard, and what should each of them see?',
    notes: [
      '## Context',
      'Peter is CIO at Atlas Gear Co.: 310 stores, 40,000 SKUs, SAP as the system of record. Their agency runs the integration.',
      '',
      '## Inventory',
      '- Stock syncs from SAP every hour through the products API.',
      '- "During a flash sale an hour is forever. We oversold 1,400 units of one tent last spring and spent a week apologising."',
      '- They would accept a five-minute delay if it were reliable; real time only matters for their top 200 SKUs.',
      '- "If the API let us push only the stock changes, we would stop hitting the rate limit every night."',
      '',
      '## Staff accounts',
      '- 900 staff accounts across stores, warehouses and customer service.',
      '- "Our warehouse people can see revenue and margins today. Legal has asked us to fix that more than once."',
      '- Wants roles per store, ideally synced from Azure AD groups.',
      '',
      '## Follow-ups',
      '- Priya to share the inventory sync design.',
      '- Tom to follow up on staff roles.',
    ].join('\n'),
    highlights: [
      { text: 'During a flash sale an hour is forever. We oversold 1,400 units of one tent last spring and spent a week apologising.', component: 'Catalog & Search', importance: 4, tags: ['inventory'], opportunity: 'inventory' },
      { text: 'If the API let us push only the stock changes, we would stop hitting the rate limit every night.', component: 'Platform APIs', importance: 3, tags: ['api', 'limits', 'inventory'] },
      { text: 'Our warehouse people can see revenue and margins today. Legal has asked us to fix that more than once.', component: 'Merchant Dashboard', importance: 3, tags: ['permissions'] },
    ],
  },
];

/** Interview highlights as feedback items, captured on the interview's day. */
const HIGHLIGHT_FEEDBACK: DemoFeedback[] = DEMO_INTERVIEWS.flatMap((iv) =>
  iv.highlights.map((h) => ({ ...h, source: 'interview' as const, customer: iv.customer, daysAgo: iv.daysAgo, interview: iv.customer })),
);

/** All the demo's feedback: about three hundred items from 25 customers and anonymous surveys. */
export const DEMO_FEEDBACK: DemoFeedback[] = [...FIRST_FEEDBACK, ...GROUPED_FEEDBACK, ...HIGHLIGHT_FEEDBACK];

export const DEMO_EXPERIMENTS = [
  {
    title: 'In-page 3-D Secure challenge',
    hypothesis: 'We believe that keeping the 3-D Secure challenge inside checkout will cut card payment abandonment on mobile, measured by the share of started card payments that complete.',
    type: 'ab_test',
    metric: 'Card payment completion rate on mobile',
    successCriterion: '+4 percentage points over control at 95% confidence',
    status: 'completed',
    result: 'validated',
    learning: 'Completion rose from 81% to 88% on iOS Safari; no change on desktop.',
    decision: 'Ship the in-page challenge to all merchants in Q1.',
    startsDaysAgo: 60,
    endsDaysAgo: 30,
    opportunity: 'sca',
  },
  {
    title: 'Search merchandising add-on price test',
    hypothesis: 'We believe mid-market merchants will pay $299 a month for advanced search merchandising, measured by add-on trial starts from the pricing page.',
    type: 'pricing_test',
    metric: 'Trial starts per 100 pricing-page visits',
    successCriterion: 'At least 3 trial starts per 100 visits',
    status: 'running',
    result: null,
    learning: '',
    decision: '',
    startsDaysAgo: 10,
    endsDaysAgo: -20,
    opportunity: 'search',
  },
  {
    title: 'Wallet buttons fake door',
    hypothesis: 'We believe shoppers will choose a phone wallet when offered, measured by clicks on a "Pay with wallet" button.',
    type: 'fake_door',
    metric: 'Click-through on the wallet button',
    successCriterion: 'More than 15% of mobile checkouts click it',
    status: 'planned',
    result: null,
    learning: '',
    decision: '',
    startsDaysAgo: -7,
    endsDaysAgo: -21,
    opportunity: 'wallets',
  },
];
