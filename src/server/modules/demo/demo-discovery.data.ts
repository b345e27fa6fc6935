/** The demo workspace's customers, feedback, opportunities, interviews and experiments (discovery). */
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
];

export interface DemoFeedback {
  text: string;
  source: 'customer_success' | 'sales' | 'product_marketing' | 'support' | 'interview' | 'survey' | 'other';
  customer: string | null;
  component: string;
  daysAgo: number;
  importance: 1 | 2 | 3 | 4;
  tags: string[];
  opportunity?: string;
}

export const DEMO_FEEDBACK: DemoFeedback[] = [
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
  { text: 'Inventory sync with our ERP runs every hour, so we oversell during sales.', source: 'customer_success', customer: 'atlasgear', component: 'Catalog & Search', daysAgo: 3, importance: 4, tags: ['inventory', 'integrations'] },
  { text: 'We oversold 200 units on Black Friday because stock levels lag behind the warehouse.', source: 'sales', customer: 'northwind', component: 'Catalog & Search', daysAgo: 25, importance: 4, tags: ['inventory'] },
  { text: 'The orders page takes forever to load when we filter by date.', source: 'support', customer: 'bluepeak', component: 'Merchant Dashboard', daysAgo: 7, importance: 2, tags: ['performance'] },
  { text: 'I want to export orders to CSV with the customer tax id included.', source: 'customer_success', customer: 'lumen', component: 'Merchant Dashboard', daysAgo: 11, importance: 2, tags: ['export'], opportunity: 'reporting' },
  { text: 'Our finance team rebuilds the revenue report in a spreadsheet every Monday. A scheduled report would save them hours.', source: 'interview', customer: 'northwind', component: 'Merchant Dashboard', daysAgo: 14, importance: 3, tags: ['reporting'], opportunity: 'reporting' },
  { text: 'Need a dashboard of refunds by reason, we cannot see why returns went up.', source: 'sales', customer: 'solstice', component: 'Merchant Dashboard', daysAgo: 40, importance: 2, tags: ['reporting'], opportunity: 'reporting' },
  { text: 'Staff accounts need roles: our warehouse team should not see revenue.', source: 'sales', customer: 'atlasgear', component: 'Merchant Dashboard', daysAgo: 22, importance: 3, tags: ['permissions'] },
  { text: 'Single sign-on with Okta is a must before our security review signs off.', source: 'sales', customer: 'verdant', component: 'Merchant Dashboard', daysAgo: 5, importance: 4, tags: ['security', 'sso'] },
  { text: 'The app crashes when I open my wish list with more than 50 items.', source: 'support', customer: 'fable', component: 'Shopper Mobile App', daysAgo: 2, importance: 3, tags: ['mobile', 'crash'] },
  { text: 'Push offers arrive three times a day and our shoppers uninstall the app.', source: 'customer_success', customer: 'bluepeak', component: 'Shopper Mobile App', daysAgo: 16, importance: 3, tags: ['mobile', 'notifications'] },
  { text: 'Let shoppers choose which offers they get notified about.', source: 'survey', customer: 'solstice', component: 'Shopper Mobile App', daysAgo: 52, importance: 2, tags: ['notifications'] },
  { text: 'Our agency hits the API rate limit during the nightly product import.', source: 'support', customer: 'atlasgear', component: 'Platform APIs', daysAgo: 8, importance: 3, tags: ['api', 'limits'] },
  { text: 'Webhooks sometimes arrive twice and we create duplicate shipments.', source: 'support', customer: 'kinetic', component: 'Platform APIs', daysAgo: 19, importance: 4, tags: ['api', 'webhooks'] },
  { text: 'The pricing jump from Growth to Scale is too steep for a shop our size.', source: 'sales', customer: 'harbor', component: 'Merchant Dashboard', daysAgo: 30, importance: 2, tags: ['pricing'] },
  { text: 'We would pay for an add-on with advanced search merchandising instead of upgrading the whole plan.', source: 'product_marketing', customer: 'bluepeak', component: 'Catalog & Search', daysAgo: 28, importance: 2, tags: ['pricing', 'search'] },
  { text: 'Dark mode for the merchant dashboard, our night shift staff ask for it.', source: 'other', customer: null, component: 'Merchant Dashboard', daysAgo: 70, importance: 1, tags: ['ui'] },
];

export const DEMO_OPPORTUNITIES: Record<string, { title: string; problem: string; status: string; components: string[] }> = {
  sca: {
    title: 'Card payments fail at strong customer authentication',
    problem: 'Shoppers drop out when the 3-D Secure challenge leaves checkout, especially on mobile Safari; merchants lose card revenue in the EU.',
    status: 'validated',
    components: ['Checkout & Payments'],
  },
  wallets: {
    title: 'Shoppers want to pay with their phone wallet',
    problem: 'Typing card details on a phone is slow; shoppers expect Apple Pay and Google Pay.',
    status: 'exploring',
    components: ['Checkout & Payments', 'Shopper Mobile App'],
  },
  search: {
    title: 'Shoppers cannot find products they describe in their own words',
    problem: 'Storefront search is literal and slow on large catalogues: typos and synonyms return nothing, and shoppers leave.',
    status: 'open',
    components: ['Catalog & Search'],
  },
  reporting: {
    title: 'Merchants rebuild their reports outside Sextant',
    problem: 'Finance and operations teams export data every week to answer the same questions: revenue, refunds, taxes.',
    status: 'open',
    components: ['Merchant Dashboard'],
  },
};

export const DEMO_INTERVIEWS = [
  {
    title: 'Northwind: checkout drop-off on mobile',
    customer: 'northwind',
    interviewer: 'diego',
    daysAgo: 14,
    script: '1. Walk me through the last time a shopper complained about paying.\n2. What did you try?\n3. What would good look like?',
    notes:
      '## Context\nHannah runs e-commerce for 120 stores. Mobile is 64% of traffic.\n\n## What we heard\n- Shoppers abandon when the bank challenge opens in a new tab.\n- "We lost about 8% of card payments last month, mostly on iPhones."\n- Their finance team rebuilds the revenue report in a spreadsheet every Monday.\n\n## Follow-ups\n- Share the SCA prototype in two weeks.',
  },
  {
    title: 'Kinetic Sports: search and webhooks',
    customer: 'kinetic',
    interviewer: 'priya',
    daysAgo: 21,
    script: 'How do shoppers search? What breaks in your integrations?',
    notes:
      '## Search\nRavi says shoppers type fast and misspell: "snekers", "jaket".\n\n## Integrations\nWebhooks sometimes arrive twice; their warehouse system then ships twice.',
  },
];

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
