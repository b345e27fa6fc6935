import type { DemoFeedback, FeedbackSource } from './demo-discovery.data.js';

/**
 * The bulk of the demo's feedback, grouped by the recurring problem it is about. Six groups back an
 * opportunity (their `link` rows are its evidence); the others are left unlinked on purpose, so the
 * inbox's Themes have candidate opportunities to find. Each row is written in the voice of its source:
 * support tickets, sales call notes, CS QBR notes, survey verbatims, win/loss notes, forum posts.
 *
 * Wording constraints the browser tests rely on (demo-discovery.test.ts checks them):
 * no new text says "card payment(s)", "gift card" or "thermal printer", sales notes that say "wallet"
 * from the last 15 days also say "Google Pay", and "Apple Pay" never meets "twice".
 */

const CHECKOUT = 'Checkout & Payments';
const CATALOG = 'Catalog & Search';
const DASHBOARD = 'Merchant Dashboard';
const APP = 'Shopper Mobile App';
const APIS = 'Platform APIs';

interface Extra {
  /** Linked to the group's opportunity as evidence. */
  link?: true;
  /** Tags added to the group's. */
  tags?: string[];
  component?: string;
  status?: 'new' | 'triaged' | 'archived';
}

type Row = [customer: string | null, source: FeedbackSource, daysAgo: number, importance: 1 | 2 | 3 | 4, text: string, extra?: Extra];

interface Group {
  component: string;
  tags: string[];
  opportunity?: string;
  rows: Row[];
}

const GROUPS: Group[] = [
  // Strong customer authentication: the 3-D Secure challenge loses mobile card checkouts (opportunity).
  {
    component: CHECKOUT,
    tags: ['payments', '3ds'],
    opportunity: 'sca',
    rows: [
      ['ridgeline', 'support', 2, 3, 'After the bank verification step the page just spins on iPhone. Shoppers email me asking whether they were charged.', { tags: ['mobile'] }],
      ['meridian', 'customer_success', 3, 4, 'QBR with Meridian: their payment provider flagged a 6.2% drop in completed card checkouts since the bank challenge moved to a separate window. Claire wants a date for the fix before the holiday campaign.', { link: true }],
      ['cobalt', 'support', 14, 3, 'Ticket: shoppers on Samsung Internet get a blank white page after the 3-D Secure step and the order never completes. Reproduced on a Galaxy S23 with a Visa test card.', { link: true, tags: ['mobile'] }],
      [null, 'survey', 21, 3, 'Checkout sent me to my bank and then back to an empty basket. Had to place the order again.'],
      ['tidewater', 'support', 26, 3, 'Shoppers returning from the bank verification land on the cart page instead of the order confirmation, so some pay again. Tidewater had two double charges this week.', { link: true }],
      ['stonebridge', 'sales', 37, 3, "Stonebridge IT asked in the security review whether we support 3-D Secure 2.2 frictionless flows. Their current platform exempts low-value orders and they don't want to add friction."],
      ['northwind', 'support', 48, 3, "Hannah's team forwarded 14 shopper complaints this week about the bank verification window opening behind the checkout on iPad.", { link: true, tags: ['mobile'] }],
      ['brightleaf', 'customer_success', 64, 2, "Brightleaf's EU checkout conversion fell from 3.1% to 2.6% after the SCA change. Most of the drop is on mobile Safari.", { link: true, tags: ['mobile'] }],
      [null, 'survey', 67, 2, 'Bank verification opened a new tab and I lost my basket.', { link: true }],
      ['lumen', 'customer_success', 78, 3, 'Lumen wants SCA exemptions for returning shoppers with a saved card. Their Klarna checkout skips the challenge for repeat buyers and converts better.', { link: true }],
      ['aurora', 'product_marketing', 89, 3, 'Win/loss: Aurora shortlisted us and Salesforce Commerce Cloud; their digital team named the 3-D Secure drop-off in our demo store as a concern.', { tags: ['competitive'] }],
      [null, 'other', 99, 2, 'App store review (1 star): "Payment kept failing at the verify-with-your-bank screen, gave up and bought it elsewhere."', { tags: ['mobile'] }],
      ['petalpost', 'support', 106, 3, 'Shoppers on iPhone say the "verify with your bank" window opens in a new tab and checkout looks frozen when they come back.', { link: true, tags: ['mobile'] }],
      ['kinetic', 'customer_success', 119, 3, 'Ravi says 1 in 12 mobile card checkouts still times out at the bank challenge, mostly on older iPhones.', { link: true, tags: ['mobile'] }],
      ['atlasgear', 'support', 140, 2, 'The 3-D Secure challenge iframe is cut off on small Android screens: the confirm button sits below the fold and cannot be scrolled to.', { link: true, tags: ['mobile'] }],
      ['solstice', 'survey', 159, 2, 'Too many steps to pay by card on my phone. The bank check is the worst part.', { tags: ['mobile'] }],
      ['cobalt', 'customer_success', 177, 3, 'Cobalt estimates 4-5% of mobile card checkouts are abandoned at the 3-D Secure challenge.', { link: true, tags: ['mobile'] }],
      ['novella', 'customer_success', 200, 3, 'Exit notes: Novella listed failed bank verifications on mobile as their top checkout complaint before moving to Shopify Plus.', { tags: ['churn'] }],
      ['fable', 'support', 215, 2, 'Olive asks why some UK shoppers are asked to verify with their bank two times on the same order.'],
      ['northwind', 'sales', 247, 3, "Renewal prep: Northwind's finance lead asked how many orders we lose at strong customer authentication. We could not answer.", { link: true }],
    ],
  },
  // Phone wallets (opportunity).
  {
    component: CHECKOUT,
    tags: ['wallets', 'payments'],
    opportunity: 'wallets',
    rows: [
      [null, 'survey', 11, 2, 'Add Apple Pay please!!! I never have my card on me.'],
      ['saltmarsh', 'support', 23, 2, "Ellie asks whether she can switch on Google Pay herself or needs a plan upgrade; a competitor's checkout offers it on every plan."],
      ['ironclad', 'sales', 44, 3, "Derek asked again when Apple Pay lands: Ironclad's trade customers order from the van on their phones and hate typing a card number.", { link: true }],
      ['tidewater', 'customer_success', 52, 3, 'Tidewater ran a shopper survey: 41% of their mobile shoppers would rather pay with Apple Pay or Google Pay than enter a card.', { link: true }],
      ['solstice', 'support', 55, 2, 'Camila asks whether Google Pay will also work in the shopper app, where most of their repeat orders happen.', { component: APP, tags: ['mobile'] }],
      ['aurora', 'product_marketing', 61, 3, "Loss risk: Aurora's RFP lists one-tap wallet payments as a must-have, and both competitors in the final round demoed Apple Pay.", { link: true, tags: ['competitive'] }],
      ['quill', 'survey', 74, 2, 'Would love PayPal and Apple Pay. Most of my customers shop from Instagram on their phones.', { link: true }],
      ['stonebridge', 'sales', 83, 2, 'Stonebridge wants wallet payments in the store pickup flow too, not only for home delivery.', { link: true }],
      ['petalpost', 'customer_success', 95, 3, 'Same-day flower orders at Petal & Post are 80% mobile and often last-minute. Amara thinks a wallet button would lift conversion noticeably.', { link: true }],
      ['ironclad', 'survey', 102, 2, 'Apple Pay and Google Pay please. Our buyers are on job sites, not at a desk.', { link: true }],
      ['copperpot', 'support', 69, 2, 'Please add Google Pay, more than half of our shoppers are on Android phones.', { link: true }],
      ['cobalt', 'support', 122, 2, 'Merchant asks why Google Pay is not offered in the Android shopper app when their storefront already uses our checkout.', { link: true, component: APP, tags: ['mobile'] }],
      [null, 'other', 132, 2, 'Community forum: the thread "Apple Pay support?" now has 37 replies from merchants, the oldest from last year.'],
      ['brightleaf', 'survey', 151, 2, 'Faster checkout on phones. Apple Pay, Google Pay, Shop Pay, anything but typing my card.', { link: true }],
      ['dapper', 'product_marketing', 181, 2, 'Churn interview: Dapper Hound left for a platform with built-in Apple Pay. "Our customers buy on impulse from their phones."', { link: true, tags: ['churn'] }],
      ['verdant', 'product_marketing', 206, 2, "Pilot feedback from Verdant's test store: shoppers expect Apple Pay when ordering groceries on the go.", { link: true }],
      ['meridian', 'sales', 222, 3, "Meridian's mobile team expects Apple Pay at launch; they have had it on their current platform since 2019.", { link: true }],
      ['bluepeak', 'customer_success', 257, 2, 'Blue Peak asked about digital wallets for their subscription checkout. Told them it is being explored.'],
    ],
  },
  // Storefront search: typos, synonyms, speed (opportunity).
  {
    component: CATALOG,
    tags: ['search'],
    opportunity: 'search',
    rows: [
      ['meridian', 'support', 1, 3, "Searching \"womens rain jacket\" returns men's umbrellas first; without the apostrophe the women's category is ignored."],
      ['ridgeline', 'survey', 3, 2, 'search doesnt understand bike sizes. "54cm" finds nothing even though half my frames are 54'],
      ['saltmarsh', 'survey', 24, 2, 'Search needs to handle typos. "candel" should find candles!'],
      ['tidewater', 'customer_success', 29, 3, 'Tidewater merchandisers want to pin products to the top of search results for seasonal terms like "tent" and "sleeping bag".', { link: true, tags: ['merchandising'] }],
      ['cobalt', 'sales', 39, 3, 'Cobalt compares us with Algolia: they need synonyms ("tv" should find "television"), typo tolerance and search analytics out of the box.', { link: true, tags: ['competitive'] }],
      ['stonebridge', 'support', 56, 3, 'Searching by manufacturer part number, for example "DW-7781", returns no results. Contractors search by part number all day.', { link: true }],
      ['lumen', 'customer_success', 70, 2, 'Lumen\'s search report: 18% of storefront searches return zero results. The top zero-result terms are "couch", "duvet cover" and "bedside table".', { link: true }],
      [null, 'survey', 87, 2, 'I typed "hoodie" and got nothing because you call it a "sweatshirt". Annoying.', { link: true }],
      ['bluepeak', 'customer_success', 100, 2, 'Blue Peak says shoppers search for "decaf" and get nothing because the products say "decaffeinated".', { link: true }],
      ['quill', 'support', 104, 2, 'Search ignores the variant colour: "blue notebook" does not find the notebook whose variant is blue.', { link: true }],
      ['aurora', 'product_marketing', 112, 3, "Aurora's evaluation scored our storefront search 2 out of 5, below Salesforce Commerce Cloud and commercetools with Algolia.", { link: true, tags: ['competitive'] }],
      ['atlasgear', 'support', 130, 3, 'Category pages with more than 10,000 products take 3-4 seconds to filter by size, and shoppers click away.', { link: true, tags: ['performance'] }],
      ['ironclad', 'support', 138, 3, 'Search returns nothing when trade customers misspell tool names like "angel grinder".', { link: true }],
      ['copperpot', 'survey', 148, 2, 'Search can\'t find "cast iron" unless you type "cast-iron". Small thing but my shoppers notice.', { link: true }],
      ['kinetic', 'customer_success', 162, 3, 'Kinetic wants search to understand "running shoes size 10 wide" as filters, like their competitor\'s site does.'],
      [null, 'survey', 170, 2, 'Typo tolerance in search please. Shoppers type fast on their phones and misspell everything.', { link: true }],
      [null, 'survey', 183, 2, 'Your search is useless if I spell anything wrong.', { link: true }],
      ['northwind', 'sales', 193, 2, 'Northwind asked whether search can rank in-stock items first; shoppers complain that sold-out sizes show up on top.'],
      ['solstice', 'support', 230, 2, 'Search for "spf" returns nothing because the products are titled "Sun protection factor 50".', { link: true }],
      [null, 'other', 265, 1, 'Agency partner note: three of their merchants bolt on a third-party search app because built-in search has no synonyms.'],
    ],
  },
  // Reports rebuilt in spreadsheets (opportunity).
  {
    component: DASHBOARD,
    tags: ['reporting'],
    opportunity: 'reporting',
    rows: [
      ['meridian', 'customer_success', 2, 3, "Claire's analysts export orders every morning to build a sales-by-store report in Power BI. They want a scheduled export to their data warehouse.", { link: true, tags: ['export'] }],
      ['ironclad', 'support', 18, 2, 'The sales report cannot be split by channel; Ironclad wants online and click-and-collect side by side.'],
      ['cobalt', 'sales', 34, 3, "Cobalt's CFO wants margin by product category in the dashboard. Today they join two CSV exports by hand.", { link: true, tags: ['export'] }],
      [null, 'survey', 50, 2, 'Reports are too basic. I need revenue by week and by product, and I end up in Excel every time.', { link: true }],
      ['brightleaf', 'customer_success', 68, 2, 'Brightleaf wants a monthly tax report per EU country for their OSS filing instead of exporting every order.', { link: true, tags: ['tax'] }],
      ['stonebridge', 'sales', 90, 3, "Stonebridge needs Snowflake access to raw order data; a dashboard alone will not satisfy their data team.", { tags: ['integrations'] }],
      ['harbor', 'survey', 107, 2, 'I just want to see which books sold best last month without exporting a spreadsheet.', { link: true }],
      ['tidewater', 'survey', 114, 2, "Every Monday I export orders to a spreadsheet to see last week's revenue. Please automate it.", { link: true, tags: ['export'] }],
      ['solstice', 'customer_success', 125, 2, 'Solstice rebuilt the refunds-by-reason report in Google Sheets again this quarter. Camila asked whether there is an API for it.', { link: true }],
      ['petalpost', 'support', 143, 2, 'The orders export times out when the date range is longer than three months.', { tags: ['export', 'performance'] }],
      ['aurora', 'product_marketing', 156, 2, 'Aurora called our standard reports "fine for a small shop" but missing cohort and repeat-purchase analysis.', { link: true, tags: ['competitive'] }],
      ['brightleaf', 'support', 153, 2, 'We need to export orders to CSV with the customer tax id for our accountant.', { tags: ['export'] }],
      ['quill', 'support', 160, 1, 'Can I get a report of sales by product for my accountant at the end of the year?'],
      ['lumen', 'customer_success', 178, 2, "Lumen's finance team wants the weekly revenue report emailed to them every Monday at 7am.", { link: true }],
      ['saltmarsh', 'survey', 209, 1, 'A simple best-sellers report on the home screen would be lovely.'],
      ['northwind', 'customer_success', 239, 3, "QBR: Northwind's finance team spends about 6 hours a week reconciling payouts against orders in spreadsheets.", { link: true }],
      ['verdant', 'sales', 260, 2, 'Verdant wants to see basket size and repeat rate per store before they commit.'],
    ],
  },
  // Overselling: stock lags behind the warehouse (opportunity).
  {
    component: CATALOG,
    tags: ['inventory'],
    opportunity: 'inventory',
    rows: [
      ['meridian', 'support', 1, 4, 'Meridian oversold 340 units of a doorbuster TV yesterday: the storefront kept showing stock for 40 minutes after the warehouse ran out.', { link: true }],
      ['cobalt', 'customer_success', 12, 3, 'Cobalt had to cancel 86 orders this week because stock updates from their Manhattan WMS arrived late.', { link: true, tags: ['integrations'] }],
      ['saltmarsh', 'support', 19, 2, "Sold a candle I didn't have because my Etsy and Atlas stock don't sync.", { tags: ['integrations'] }],
      ['stonebridge', 'sales', 32, 3, 'Stonebridge needs store-level stock on product pages ("3 left at Leeds") for click-and-collect; today we show a single number.', { tags: ['stores'] }],
      ['tidewater', 'support', 41, 3, "Tidewater's stock sync job failed silently overnight. No alert, and they sold 60 kayaks they did not have.", { link: true }],
      ['ironclad', 'customer_success', 60, 3, 'Ironclad asks for a per-product safety buffer ("stop selling below 5 units") so they stop overselling fast movers.', { link: true }],
      ['kinetic', 'support', 81, 2, 'Inventory counts differ between the dashboard and the API for products with more than 20 variants.', { tags: ['api'] }],
      [null, 'survey', 98, 2, 'Got an email two days after ordering saying my item was out of stock. Not buying here again.', { link: true }],
      ['ridgeline', 'support', 117, 2, 'Mateo sells the same bikes in his shop and online; every in-store sale has to be deducted by hand or he oversells.', { link: true }],
      ['bluepeak', 'customer_success', 126, 2, 'Blue Peak oversold a limited roast by 80 bags because stock levels lagged behind the roastery.', { link: true }],
      ['stonebridge', 'customer_success', 135, 3, 'Stock sync with our ERP only runs every hour, so we oversell during promotions.', { link: true, tags: ['integrations'] }],
      ['lumen', 'customer_success', 141, 3, 'Lumen wants inventory to sync in near real time from NetSuite during sales events; hourly is not enough.', { link: true, tags: ['integrations'] }],
      ['aurora', 'product_marketing', 169, 3, "Loss note: Aurora's team asked for real-time inventory across 60 stores, and commercetools showed it live in the demo.", { tags: ['competitive'] }],
      ['copperpot', 'survey', 196, 1, 'Would be nice to get a low stock email before something sells out.'],
      ['kinetic', 'customer_success', 207, 3, 'Kinetic oversells during flash sales because stock updates only come through once an hour.', { link: true }],
      ['atlasgear', 'customer_success', 221, 3, "Atlas Gear's agency built a workaround that pushes stock every 10 minutes, and now it hits the API rate limit.", { link: true, tags: ['api', 'limits'] }],
      ['northwind', 'customer_success', 269, 3, "Northwind's operations team says oversold orders are their biggest source of one-star reviews.", { link: true }],
    ],
  },
  // Webhook delivery: duplicates, ordering, no replay (opportunity).
  {
    component: APIS,
    tags: ['api', 'webhooks'],
    opportunity: 'webhooks',
    rows: [
      ['cobalt', 'support', 2, 4, 'Order webhooks arrived out of order last night: "order.cancelled" came before "order.created", and their OMS shipped a cancelled order.', { link: true }],
      [null, 'other', 15, 3, 'Agency partner (Brightwave Digital): "Every integration we build on you has its own dedupe table because webhooks can repeat. Please send an idempotency key."', { link: true, tags: ['partners'] }],
      ['tidewater', 'support', 40, 3, "Tidewater's 3PL received the same fulfilment webhook two times and packed two parcels for one order.", { link: true }],
      ['bluepeak', 'support', 49, 3, "Blue Peak's fulfilment partner got duplicate order webhooks and shipped two boxes of coffee.", { link: true }],
      ['petalpost', 'support', 53, 3, 'Order webhooks sometimes arrive twice and our courier integration books two collections for one order.', { link: true }],
      ['meridian', 'sales', 58, 3, "Meridian's integration team asks for webhook delivery logs and a retry button; their architects will not sign off without them."],
      ['ironclad', 'support', 75, 3, 'Webhooks stopped for 25 minutes during the platform incident and were never retried. Ironclad found 140 orders missing in their ERP the next morning.', { link: true }],
      ['brightleaf', 'customer_success', 109, 2, "Brightleaf's developer asks how to verify webhook signatures; the example in the docs is out of date.", { tags: ['docs'] }],
      ['lumen', 'support', 133, 3, 'Duplicate "order.paid" webhooks made Lumen\'s ERP book the same invoice two times.', { link: true }],
      ['atlasgear', 'customer_success', 154, 3, 'Atlas Gear wants to replay all webhooks for a time window after their endpoint was down for maintenance.', { link: true }],
      [null, 'other', 163, 2, 'Developer forum: "webhook fired two times for the same order, is there an event id to dedupe on?" (12 upvotes)'],
      ['solstice', 'support', 185, 2, 'Camila reports webhooks arriving 10-15 minutes late at peak times, which delays their shipping emails.', { link: true }],
      ['stonebridge', 'sales', 214, 2, "Stonebridge's architects asked for an event stream (Kafka or EventBridge) instead of webhooks."],
      ['kinetic', 'customer_success', 243, 3, 'Kinetic built a nightly job that compares orders with their warehouse because they do not trust webhooks.', { link: true }],
    ],
  },
  // Staff roles and permissions (no opportunity yet).
  {
    component: DASHBOARD,
    tags: ['permissions'],
    rows: [
      ['meridian', 'sales', 2, 3, "Meridian needs store managers to see only their own store's orders and staff. 400 managers, one role each."],
      ['cobalt', 'customer_success', 25, 3, "Cobalt's customer service agents can issue refunds of any amount; they want a refund limit per role.", { tags: ['refunds'] }],
      ['tidewater', 'support', 35, 2, 'How do I stop seasonal staff from exporting the customer list? Every account has the same rights.'],
      ['verdant', 'sales', 51, 3, "Verdant's store managers should only see the orders for their own store."],
      ['stonebridge', 'sales', 57, 3, "Stonebridge's security questionnaire: custom roles and an audit log of staff actions are hard requirements.", { tags: ['security'] }],
      ['ironclad', 'support', 71, 2, 'Warehouse staff should be able to print packing slips without seeing order totals or margins.'],
      [null, 'survey', 82, 2, 'Staff accounts need proper roles. My warehouse team should not see our revenue.'],
      ['lumen', 'customer_success', 88, 3, 'Lumen has 250 staff accounts and no way to give marketing access to discounts without also giving them the settings.'],
      ['brightleaf', 'survey', 110, 2, "Need a role for my accountant that can see payouts but can't change anything."],
      ['petalpost', 'support', 119, 2, "Amara wants drivers to see delivery addresses for today's orders only, not the full customer history."],
      [null, 'survey', 152, 2, 'Permissions are all-or-nothing. Let me give staff access to orders but not to money.'],
      ['aurora', 'product_marketing', 171, 3, "Aurora's checklist marks granular staff permissions as \"partial\"; BigCommerce and Shopify Plus both scored \"full\".", { tags: ['competitive'] }],
      ['saltmarsh', 'support', 173, 1, 'Can my part-timer pack orders without seeing my sales numbers?'],
      ['northwind', 'customer_success', 205, 2, 'Northwind asks for a read-only role for their agency, so they can debug without touching settings.'],
      ['atlasgear', 'customer_success', 236, 3, "Atlas Gear's auditors flagged that 70 staff accounts have full admin rights because no narrower role fits."],
    ],
  },
  // Single sign-on (no opportunity yet).
  {
    component: DASHBOARD,
    tags: ['security', 'sso'],
    rows: [
      ['aurora', 'sales', 19, 4, 'Aurora cannot go ahead without SAML single sign-on through Azure AD; their CISO will not approve password logins.'],
      ['stonebridge', 'sales', 45, 4, 'SSO with Okta plus SCIM provisioning is a blocker for Stonebridge: they offboard 200 seasonal staff every January.'],
      ['meridian', 'customer_success', 76, 3, "Meridian's IT wants staff logins to go through Okta so that leavers lose access the same day."],
      ['cobalt', 'support', 102, 2, "Can staff sign in with Google Workspace? Cobalt's team keeps forgetting their separate passwords."],
      ['cobalt', 'sales', 118, 3, 'Cobalt requires single sign-on with Okta before they roll out to 600 store staff.'],
      ['lumen', 'customer_success', 131, 3, 'Lumen asked again for single sign-on with Okta before their next security review.'],
      [null, 'survey', 166, 2, 'Two-factor by SMS only is not acceptable for our admins. Please support authenticator apps or SSO.'],
      ['atlasgear', 'sales', 211, 3, "Atlas Gear's renewal requires SSO with Azure AD and enforced MFA for every staff account."],
      [null, 'product_marketing', 250, 2, 'Enterprise win/loss summary: SSO came up in 5 of 7 enterprise evaluations this half.', { tags: ['competitive'] }],
    ],
  },
  // Push notification fatigue (no opportunity yet).
  {
    component: APP,
    tags: ['mobile', 'notifications'],
    rows: [
      ['kinetic', 'support', 3, 3, 'Shoppers get the same "new arrivals" push two times within a minute on Android 14.'],
      ['tidewater', 'customer_success', 33, 2, 'Tidewater sees app uninstalls spike the day after every push campaign; they want a frequency cap per shopper.'],
      [null, 'survey', 42, 2, 'Your app sends me 3 notifications a day. Turned them all off.'],
      [null, 'other', 61, 2, 'App store review (2 stars): "Great deals but the notifications are relentless. Let me pick categories."'],
      ['brightleaf', 'customer_success', 85, 2, "Brightleaf wants pushes sent in the shopper's time zone; US customers get the UK morning offer at 3am."],
      ['ridgeline', 'survey', 91, 1, 'too many push notifications from the app, turned them off'],
      ['solstice', 'survey', 110, 2, 'Let me choose which brands I hear about instead of getting every offer.'],
      ['petalpost', 'support', 139, 2, 'The abandoned-cart push fires even after the shopper has ordered on the website.'],
      ['northwind', 'customer_success', 168, 3, "Northwind's push opt-out rate went from 18% to 31% in a quarter; they blame the number of offers."],
      ['kinetic', 'customer_success', 179, 2, 'Kinetic wants to target push offers by sport; runners get football boot deals today.'],
      [null, 'survey', 203, 1, 'Fewer notifications please, and only for things on my wish list.'],
      ['bluepeak', 'support', 228, 2, 'Blue Peak asks for quiet hours on push notifications after shoppers complained about late-night alerts.'],
      ['novella', 'customer_success', 258, 2, "Novella says parents switched off notifications because the offers did not match their kids' ages."],
    ],
  },
  // Shopper app crashes and slowness (no opportunity yet).
  {
    component: APP,
    tags: ['mobile', 'crash'],
    rows: [
      [null, 'other', 1, 3, "Crash monitoring: app version 5.12 crashes on launch for 2.4% of iOS 17 sessions since yesterday's release."],
      ['fable', 'support', 16, 3, "The wish list still crashes the app when it has more than 50 items; Olive lost a customer's saved list again."],
      ['kinetic', 'survey', 38, 2, 'App freezes when I open my wishlist. iPhone 12, latest iOS.'],
      ['northwind', 'support', 46, 3, 'App crashes when the wish list has more than 50 items, reported by 30 shoppers this week.'],
      ['saltmarsh', 'support', 59, 2, 'Shoppers say the app logs them out every few days and their basket empties.', { tags: ['login'] }],
      [null, 'survey', 72, 2, 'The app takes forever to load product images on 4G.', { tags: ['performance'] }],
      ['meridian', 'customer_success', 93, 3, "Meridian's app rating dropped from 4.6 to 4.1 after the last release; most one-star reviews mention crashes."],
      ['lumen', 'support', 115, 2, 'Product videos do not play in the Android app, while the same products play fine on the website.'],
      [null, 'survey', 144, 2, 'Checkout in the app keeps freezing on the payment screen.', { tags: ['payments'] }],
      ['dapper', 'survey', 158, 2, 'App crashes when I add more than 20 items to my wishlist. Android, Pixel 7.'],
      ['brightleaf', 'customer_success', 189, 2, 'Brightleaf wants wish lists that family members can share in the app.', { tags: ['wishlist'] }],
      [null, 'other', 220, 2, 'App store review (1 star): "Opened my wish list, app closed. Every single time."'],
      ['kinetic', 'support', 248, 2, 'The barcode scanner in the app crashes on older Android phones (Android 10).'],
    ],
  },
  // Bulk product editing (no opportunity yet).
  {
    component: CATALOG,
    tags: ['catalog', 'bulk-edit'],
    rows: [
      ['stonebridge', 'customer_success', 12, 3, 'Stonebridge changes prices on 5,000 products every Thursday; doing it through the dashboard takes their team a full day.'],
      ['copperpot', 'support', 22, 2, "Is there a way to change the shipping weight on 300 products at once? I'm doing them one by one."],
      ['quill', 'survey', 40, 2, 'Editing products one at a time is painful. Spreadsheet-style bulk edit please!'],
      ['lumen', 'support', 43, 2, 'Is there a bulk edit for product tags? Lumen needs to retag 4,000 items for the spring collection.'],
      ['tidewater', 'customer_success', 65, 2, 'Tidewater wants to bulk-assign 1,200 products to a new "end of season" collection.'],
      ['solstice', 'support', 81, 2, 'The CSV product import fails silently when one row has an invalid barcode: no error report, nothing imported.', { tags: ['import'] }],
      ['ironclad', 'sales', 97, 3, 'Ironclad has 18,000 SKUs with 40 attributes each; they asked whether bulk edit covers attributes, not only price and stock.'],
      [null, 'survey', 116, 2, 'Bulk editing products is the one thing I miss from my old platform.'],
      ['meridian', 'customer_success', 146, 3, "Meridian's merchandising team edits product descriptions in a spreadsheet and pays their agency to import them."],
      ['harbor', 'support', 161, 1, 'Can I change the tax class for all my books at once?'],
      ['fable', 'survey', 180, 2, 'Changing prices one product at a time takes me a whole evening.'],
      ['wildroot', 'sales', 186, 2, 'Wildroot would migrate 2,000 products from WooCommerce and asked how to bulk edit them after the import.'],
      ['bluepeak', 'customer_success', 213, 2, 'Blue Peak wants to schedule price changes for a sale to start and end at midnight, across the whole catalogue.', { tags: ['promotions'] }],
      ['aurora', 'product_marketing', 234, 2, 'Demo feedback: Aurora\'s merchandisers found bulk editing "clunky" next to the Shopify Plus bulk editor.', { tags: ['competitive'] }],
    ],
  },
  // Plans and pricing (no opportunity).
  {
    component: DASHBOARD,
    tags: ['pricing'],
    rows: [
      ['harbor', 'sales', 3, 2, "Harbor Books' trial ends Friday; Nora says Growth is too expensive for a single bookshop."],
      ['ridgeline', 'sales', 16, 2, "Mateo likes the product, but the Starter plan's 2% transaction fee is more than his margin on bikes."],
      ['petalpost', 'sales', 35, 3, "Petal & Post's trial ends next week. They would convert if multiple locations came with Growth rather than Scale."],
      ['dapper', 'product_marketing', 84, 3, 'Churn reason: Dapper Hound moved to a competitor with no transaction fees on its entry plan.', { tags: ['churn'] }],
      ['saltmarsh', 'survey', 108, 2, 'Price went up 20% at renewal with no new features I use.'],
      [null, 'survey', 136, 2, 'Wish there was a plan between Starter and Growth. I need two staff accounts, not ten.'],
      ['novella', 'customer_success', 184, 3, "Novella's renewal was lost on price: moving from Growth to Scale would have doubled their bill for the B2B features they needed.", { tags: ['churn'] }],
      ['copperpot', 'sales', 197, 2, 'Copper Pot asked whether annual billing comes with a discount; the pricing page does not say.'],
      ['brightleaf', 'product_marketing', 237, 2, 'Win note: Brightleaf chose us over BigCommerce on first-year price but asked to lock the rate for three years.', { tags: ['competitive'] }],
    ],
  },
  // A slow back office (no opportunity yet).
  {
    component: DASHBOARD,
    tags: ['performance'],
    rows: [
      ['meridian', 'support', 2, 3, 'The orders list takes 12-15 seconds to load for Meridian when filtered by store; they have 2 million orders.'],
      ['cobalt', 'support', 30, 2, 'Filtering orders by date range freezes the dashboard for about 20 seconds.'],
      [null, 'survey', 54, 2, 'Dashboard is slow. Every click on orders takes seconds.'],
      ['northwind', 'customer_success', 79, 3, "Northwind's store teams say the orders page is unusable during the morning peak; pages take 8 seconds or more."],
      ['atlasgear', 'support', 94, 3, 'The orders page takes 10 seconds to load when Atlas Gear filters by date and store.'],
      ['kinetic', 'support', 127, 2, 'Customer search in the dashboard times out when searching by email domain.'],
      ['ironclad', 'survey', 172, 2, 'Orders page loads slowly when I filter by date, especially the last 90 days.'],
      ['lumen', 'support', 224, 2, "The analytics home page takes 10 seconds to show yesterday's numbers.", { tags: ['reporting'] }],
    ],
  },
  // Invoices, VAT and tax (no opportunity yet).
  {
    component: CHECKOUT,
    tags: ['tax', 'invoices'],
    rows: [
      ['brightleaf', 'support', 3, 3, "Invoice PDFs do not show the buyer's VAT number, so Brightleaf's business customers in Germany cannot reclaim VAT."],
      ['quill', 'support', 27, 2, 'Where do I add my VAT number to the invoices? My EU customers keep asking.'],
      ['cobalt', 'customer_success', 52, 3, 'Cobalt needs e-invoicing (XRechnung) for public sector customers in Germany from next year.'],
      ['copperpot', 'support', 55, 2, 'Invoice PDFs are missing my VAT number even though it is in the settings.'],
      ['tidewater', 'support', 68, 2, 'Tax is calculated on the billing address instead of the shipping address for US orders shipped to another state.'],
      ['meridian', 'sales', 92, 3, 'Meridian needs invoices numbered per legal entity; they sell through three companies in the UK, Ireland and France.'],
      [null, 'survey', 123, 2, 'Please add a company name and VAT ID field at checkout for business buyers.'],
      ['saltmarsh', 'support', 147, 2, 'Invoices have been missing our VAT number since we changed our business address.'],
      ['petalpost', 'customer_success', 174, 2, 'Petal & Post wants invoices emailed automatically when the order ships, not when it is placed.'],
      ['harbor', 'support', 210, 1, 'Books are zero-rated for VAT in the UK but the checkout adds 20%.'],
      ['lumen', 'customer_success', 245, 3, "Lumen's accountants asked for credit notes on partial refunds; today a refund produces no document at all.", { tags: ['refunds'] }],
    ],
  },
  // Returns and exchanges (no opportunity yet).
  {
    component: DASHBOARD,
    tags: ['returns'],
    rows: [
      ['northwind', 'customer_success', 17, 3, 'Northwind handles 9,000 returns a month by email; they want shoppers to start a return from their order page and print a label.'],
      ['kinetic', 'support', 33, 2, 'A partial refund cannot be split across two payment methods when the shopper paid partly with store credit.', { tags: ['refunds'] }],
      [null, 'survey', 49, 2, 'Returning something was a nightmare. I had to email two times and wait a week for the label.'],
      ['lumen', 'support', 66, 2, 'Shoppers want to start returns themselves from their order page instead of emailing us.'],
      ['solstice', 'customer_success', 73, 3, "Solstice's return rate is 22%; they want the return reason as a required dropdown so they can report on it.", { tags: ['reporting'] }],
      ['fable', 'support', 90, 2, 'Olive asks for store credit as a refund option, so a return does not always cost her the sale.'],
      ['aurora', 'product_marketing', 128, 3, 'Aurora expects self-service returns with QR codes for drop-off; Salesforce Commerce Cloud offered it through a partner.', { tags: ['competitive'] }],
      ['ridgeline', 'survey', 157, 1, 'Let me approve returns with one click instead of three screens.'],
      ['meridian', 'sales', 195, 3, 'Meridian wants online orders returnable in any store, with the refund triggered when the store scans the item.'],
      ['dapper', 'support', 218, 2, 'An exchange for a different size creates a new order and a refund, which confuses shoppers and doubles the shipping cost.'],
      ['tidewater', 'customer_success', 255, 2, 'Tidewater has two people answering return emails full-time every January.'],
    ],
  },
  // Selling abroad: prices, currencies, local payment methods (no opportunity yet).
  {
    component: CHECKOUT,
    tags: ['international'],
    rows: [
      ['aurora', 'sales', 25, 3, 'Aurora sells in 14 countries and needs prices set per market, not converted from euros at checkout.'],
      ['kinetic', 'customer_success', 46, 2, 'Kinetic is launching in Canada and asks for CAD prices with duties shown before payment.'],
      [null, 'survey', 76, 2, "Shopping from Australia and the prices are only in USD. I never know what I'll actually pay."],
      ['brightleaf', 'support', 96, 2, 'The storefront shows prices in pounds to shoppers in Ireland even when they pick euros in the footer.'],
      ['meridian', 'customer_success', 120, 3, 'Meridian wants a French storefront for Quebec with its own currency; the current translation is machine-made and customers noticed.', { tags: ['localisation'] }],
      ['cobalt', 'sales', 164, 3, "Cobalt's expansion to the EU depends on local payment methods: iDEAL, Bancontact and Klarna.", { tags: ['payments'] }],
      ['tidewater', 'survey', 191, 2, 'Let me set prices per country instead of converting from dollars.'],
      ['solstice', 'survey', 202, 2, 'Would expand to the EU if I could show prices with VAT included per country.', { tags: ['tax'] }],
      ['verdant', 'sales', 233, 2, 'Verdant asked whether we support separate warehouses and currencies for their Canadian stores.'],
      ['wildroot', 'sales', 262, 2, 'Wildroot sells to the US and the UK and wants one catalogue with two price lists.'],
    ],
  },
  // API rate limits (no opportunity yet).
  {
    component: APIS,
    tags: ['api', 'limits'],
    rows: [
      ['cobalt', 'support', 13, 3, "Cobalt's nightly catalogue sync gets HTTP 429 after about 6,000 requests, so the sync of 90,000 products never finishes."],
      [null, 'other', 28, 3, 'Agency partner Northbeam Labs asks for a bulk endpoint for product updates: 100 items per call instead of one.', { tags: ['partners'] }],
      ['stonebridge', 'customer_success', 62, 3, "Stonebridge's ERP integration hits the rate limit every morning at 6am when prices update."],
      ['kinetic', 'support', 77, 3, 'Our nightly product import hits the API rate limit after a few thousand calls.'],
      ['meridian', 'sales', 101, 3, "Meridian's architects want published rate limits per endpoint and a higher limit in their enterprise contract."],
      ['lumen', 'support', 145, 2, "The Retry-After header is missing on 429 responses, so Lumen's integration retries immediately and gets blocked again."],
      ['ironclad', 'support', 190, 2, 'The GraphQL cost limit rejects a query for 250 orders with line items; Ironclad has to page 10 at a time.'],
      ['tidewater', 'customer_success', 240, 2, "Tidewater's agency asked for a sandbox with production-like rate limits to test their import."],
    ],
  },
  // Getting started: shipping setup is hard to find (no opportunity yet).
  {
    component: DASHBOARD,
    tags: ['onboarding', 'shipping'],
    rows: [
      ['copperpot', 'support', 2, 2, 'Hana could not find where to set shipping rates by weight; she searched the settings for 20 minutes.'],
      ['wildroot', 'sales', 20, 2, 'On the trial call June asked where to set up shipping zones; the setup checklist does not mention them.'],
      ['harbor', 'support', 30, 2, 'New staff cannot find where to set up shipping for Ireland. Three different places in settings mention shipping.'],
      [null, 'survey', 58, 2, 'Onboarding was confusing. It took me a week to take my first order because shipping setup was hidden.'],
      ['petalpost', 'customer_success', 85, 2, 'Petal & Post needs delivery time slots for same-day orders; the onboarding call spent an hour on workarounds.', { tags: ['delivery'] }],
      ['quill', 'support', 103, 2, 'New staff cannot find where to set up shipping. Could it move under Settings?'],
      ['quill', 'survey', 137, 2, 'The setup guide was great until shipping. Then I was lost.'],
      ['ridgeline', 'support', 176, 1, 'How do I offer free local delivery for orders over $100 within 20 miles?'],
      ['saltmarsh', 'customer_success', 227, 2, "Saltmarsh's first month: 11 support tickets, 7 of them about shipping rules."],
    ],
  },
  // Subscriptions and repeat orders (no opportunity yet).
  {
    component: CHECKOUT,
    tags: ['subscriptions'],
    rows: [
      ['bluepeak', 'customer_success', 21, 3, "Blue Peak's coffee subscriptions run through a third-party app that breaks every time checkout changes; they want native subscriptions."],
      ['brightleaf', 'sales', 38, 3, 'Brightleaf wants subscribe-and-save on tea refills with a 10% discount, like their Amazon listing.'],
      ['wildroot', 'product_marketing', 43, 2, 'Prospect call: Wildroot put us on the shortlist for the clean checkout; their worry is the lack of subscriptions.'],
      [null, 'survey', 65, 2, "I'd subscribe to my pet food if I could. Please add repeat orders."],
      ['saltmarsh', 'survey', 111, 2, "Candle subscription boxes are my best seller on Etsy. Can't do them here."],
      ['copperpot', 'survey', 134, 2, 'Subscriptions for knife sharpening and replacement filters please!'],
      ['solstice', 'customer_success', 150, 2, 'Solstice wants shoppers to skip or pause a subscription from the app without calling support.', { tags: ['mobile'] }],
      ['bluepeak', 'support', 198, 2, 'Subscription renewals fail when a saved card expires, and the shopper gets no email asking to update it.'],
      ['pebble', 'customer_success', 231, 3, "Pebble Pets' churn reason: no native subscriptions for food deliveries, so they moved to a platform that has them.", { tags: ['churn'] }],
      ['kinetic', 'sales', 264, 2, 'Kinetic asked about subscriptions for protein and supplements; their competitor offers 15% off repeat orders.'],
    ],
  },
  // Discount codes and promotions (no opportunity yet).
  {
    component: CHECKOUT,
    tags: ['promotions'],
    rows: [
      ['meridian', 'customer_success', 3, 3, 'Meridian needs stacking rules for discount codes: the staff discount plus the seasonal sale, but never two codes.'],
      ['tidewater', 'support', 23, 2, 'Buy-two-get-one-free cannot be limited to a collection; it applies to the whole cart.'],
      [null, 'survey', 47, 2, 'The discount code box at checkout is hidden on mobile. Took me ages to find it.', { tags: ['mobile'] }],
      ['quill', 'support', 80, 2, 'Can I create 500 unique single-use codes for a newsletter? I can only make them one at a time.'],
      ['ridgeline', 'support', 121, 2, 'Single-use discount codes can be used several times when shoppers check out at the same moment.'],
      ['fable', 'survey', 124, 1, 'A free-shipping threshold banner would help my average order value.'],
      ['cobalt', 'sales', 155, 2, 'Cobalt wants tiered discounts for business customers by volume (10+, 50+, 100+ units).', { tags: ['b2b'] }],
      ['kinetic', 'customer_success', 217, 2, "Kinetic's sale code was shared on a coupon site; they want usage limits per customer."],
      ['stonebridge', 'sales', 251, 2, 'Stonebridge wants trade pricing for contractors with approved accounts.', { tags: ['b2b'] }],
    ],
  },
];

/** One-offs, praise and noise: what an inbox also holds. */
const SINGLES: DemoFeedback[] = [
  { text: 'Love the new order timeline. Saves my team a lot of back and forth.', source: 'survey', customer: 'solstice', component: DASHBOARD, daysAgo: 1, importance: 1, tags: ['praise'] },
  { text: 'Checkout is fast and clean. My customers like it.', source: 'survey', customer: null, component: CHECKOUT, daysAgo: 14, importance: 1, tags: ['praise'] },
  { text: 'Customer advisory board: merchants want product reviews in the dashboard, next to the returns for each product.', source: 'other', customer: 'northwind', component: DASHBOARD, daysAgo: 28, importance: 2, tags: ['reviews'] },
  { text: 'Competitive note: Aurora\'s shortlist is now us and commercetools. Their scorecard weights search 25%, SSO 20% and real-time inventory 20%.', source: 'product_marketing', customer: 'aurora', component: CATALOG, daysAgo: 31, importance: 3, tags: ['competitive'] },
  { text: 'The new product editor is much faster, thank you!', source: 'survey', customer: 'copperpot', component: CATALOG, daysAgo: 36, importance: 1, tags: ['praise'] },
  { text: 'The dashboard on my phone is hard to use. The buttons are tiny.', source: 'survey', customer: 'harbor', component: DASHBOARD, daysAgo: 63, importance: 2, tags: ['mobile', 'ui'] },
  { text: 'Community forum: several merchants ask for a dark theme in the dashboard for late shifts.', source: 'other', customer: null, component: DASHBOARD, daysAgo: 72, importance: 1, tags: ['ui'] },
  { text: 'Accessibility audit (external, WCAG 2.2): the checkout focus order skips the postcode field and error messages are not announced to screen readers.', source: 'other', customer: null, component: CHECKOUT, daysAgo: 86, importance: 3, tags: ['accessibility'] },
  { text: 'Verdant needs delivery windows for groceries with a capacity limit per slot.', source: 'sales', customer: 'verdant', component: CHECKOUT, daysAgo: 96, importance: 3, tags: ['delivery'] },
  { text: 'Lumen wants customer lists with marketing consent to flow to Klaviyo automatically.', source: 'customer_success', customer: 'lumen', component: APIS, daysAgo: 105, importance: 2, tags: ['integrations', 'marketing'] },
  { text: 'Address autocomplete does not know new-build streets, so some shoppers cannot complete checkout.', source: 'support', customer: 'stonebridge', component: CHECKOUT, daysAgo: 113, importance: 2, tags: ['checkout', 'address'] },
  { text: 'Twitter: "@atlascommerce any plans for an Etsy integration? syncing stock by hand is killing me"', source: 'other', customer: 'quill', component: APIS, daysAgo: 129, importance: 1, tags: ['integrations', 'inventory'] },
  { text: 'Abandoned cart emails would pay for the plan on their own.', source: 'survey', customer: 'fable', component: CHECKOUT, daysAgo: 142, importance: 2, tags: ['marketing'] },
  { text: 'Ironclad wants purchase orders and net-30 payment terms for approved trade accounts.', source: 'customer_success', customer: 'ironclad', component: CHECKOUT, daysAgo: 187, importance: 2, tags: ['b2b', 'payments'] },
  { text: 'Product pages look great on desktop but the size guide is unreadable on a phone.', source: 'survey', customer: null, component: CATALOG, daysAgo: 242, importance: 2, tags: ['mobile', 'ui'] },
  { text: 'Pebble Pets asks for a way to show "ships in 3-5 days" per product instead of one message for the whole store.', source: 'support', customer: 'pebble', component: CATALOG, daysAgo: 253, importance: 2, tags: ['catalog', 'shipping'] },
  { text: "Engineering note from Atlas Gear's agency: the OpenAPI spec is missing 12 endpoints that the docs describe.", source: 'other', customer: 'atlasgear', component: APIS, daysAgo: 267, importance: 2, tags: ['api', 'docs'] },
  // Noise a triager archives.
  { text: 'test feedback please ignore', source: 'other', customer: null, component: DASHBOARD, daysAgo: 225, importance: 1, tags: [], status: 'archived' },
  { text: 'Asked how to reset her password; solved with the help article.', source: 'support', customer: 'fable', component: DASHBOARD, daysAgo: 167, importance: 1, tags: ['account'], status: 'archived' },
  { text: 'Nothing to add, thanks.', source: 'survey', customer: null, component: CHECKOUT, daysAgo: 192, importance: 1, tags: [], status: 'archived' },
  { text: 'Same as the earlier ticket about the wish list crash; closed as a duplicate.', source: 'support', customer: 'kinetic', component: APP, daysAgo: 201, importance: 1, tags: ['mobile', 'crash'], status: 'archived' },
  { text: 'Customer asked for a refund of last month\'s subscription fee after a billing mix-up; handled by finance.', source: 'customer_success', customer: 'dapper', component: DASHBOARD, daysAgo: 149, importance: 1, tags: ['billing'], status: 'archived' },
];

/** The grouped rows as feedback items, then the singles. */
export const GROUPED_FEEDBACK: DemoFeedback[] = [
  ...GROUPS.flatMap((g) =>
    g.rows.map(([customer, source, daysAgo, importance, text, extra = {}]): DemoFeedback => ({
      text,
      source,
      customer,
      component: extra.component ?? g.component,
      daysAgo,
      importance,
      tags: [...g.tags, ...(extra.tags ?? [])],
      ...(extra.link && g.opportunity ? { opportunity: g.opportunity } : {}),
      ...(extra.status ? { status: extra.status } : {}),
    })),
  ),
  ...SINGLES,
];
