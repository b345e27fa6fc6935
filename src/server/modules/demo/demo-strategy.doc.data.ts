/**
 * The demo workspace's strategy document: Atlas Commerce Cloud's sections with their three story
 * lengths, two published versions and the proposals the PMs made. Times are relative to "now" (weeks
 * or days ago), so the demo always looks current.
 */
import type { StrategySections } from '../../db/schema/strategy.js';

// ---------------------------------------------------------------------------------------------
// The strategy document
// ---------------------------------------------------------------------------------------------

const VISION = `## Vision

**Every independent brand can sell like the biggest retailer, without hiring an engineering team to do it.**

By the end of 2028, a mid-market merchant on Atlas should:

- convert as well as the marketplaces their shoppers compare them with, on the phone first;
- run the store, the numbers and the team from one back office, without a spreadsheet on the side;
- plug in any warehouse, ERP or agency tool and trust that every order and every stock level arrives exactly once.

We win when a merchant who outgrows a starter platform picks Atlas instead of a custom build, and never needs to leave.`;

const CUSTOMERS = `## Target customers

**Primary: mid-market brands with 2 to 50 people on e-commerce** and €2 M to €80 M online revenue a year
(Blue Peak Coffee, Kinetic Sports, Tidewater Outdoor). They have outgrown a starter platform, they sell
on more than one channel, and their "IT department" is one developer or an agency.

- *The e-commerce manager* owns revenue and lives in the dashboard every day.
- *Operations and finance* need exports, refunds and taxes to be right without asking anyone.
- *The agency or in-house developer* builds on our APIs and webhooks and gets paged when they fail.

**Secondary: enterprise retailers' digital teams** (Meridian, Atlas Gear) who buy for scale and
compliance: single sign-on, audit trails, rate limits and uptime commitments. We serve them where their
needs are the mid-market's needs a year early; we do not build one-off features for a single account.

**Not our customer:** marketplaces, and stores under €200 k a year, who are better served by a starter platform.`;

const PROBLEMS = `## Problems we solve

1. **Sales lost at the last step.** One card payment in eight fails or is abandoned at strong customer
   authentication, wallets are missing on mobile, and search returns nothing for a typo.
2. **Merchants who cannot answer their own questions.** Finance and operations export data every week
   to rebuild the same revenue, refund and tax reports in spreadsheets.
3. **Integrations that cannot be trusted.** Webhooks arrive twice or not at all after an outage and
   stock lags behind the warehouse, so partners oversell, ship twice and build their own reconciliation.
4. **Teams that share one login.** Warehouse staff see revenue figures because there are no roles, and
   nobody can say who changed a price.`;

const NON_PROBLEMS = `## Problems we will not solve

- **Being a marketplace.** We power a merchant's own store; we do not aggregate demand or rank sellers.
- **Lending and instalments.** Buy now, pay later comes through partners' payment methods, never our balance sheet.
- **A page builder.** Themes and headless storefronts belong to agencies and our APIs; we will not compete with design tools.
- **Bespoke enterprise work.** A feature ships when it helps a segment, not one contract.`;

const NON_PROBLEMS_V1 = `## Problems we will not solve

- **Being a marketplace.** We power a merchant's own store; we do not aggregate demand or rank sellers.
- **Lending and instalments.** Buy now, pay later comes through partners' payment methods, never our balance sheet.
- **A page builder.** Themes and headless storefronts belong to agencies and our APIs; we will not compete with design tools.`;

const PRINCIPLES = `## Principles

1. **Conversion before features.** A change that costs checkout conversion does not ship, however much a merchant asked for it.
2. **Self-serve by default.** If a merchant needs support to do it, it is not finished.
3. **Exactly once, or we say so.** Every event, stock level and payment is delivered once, in order, or visibly flagged; partners never reconcile in silence.
4. **Mobile first for shoppers, keyboard first for merchants.**
5. **Measure the outcome.** Every planned feature names the metric it moves and the objective it serves.`;

const PRINCIPLES_V1 = `## Principles

1. **Conversion before features.** A change that costs checkout conversion does not ship, however much a merchant asked for it.
2. **Self-serve by default.** If a merchant needs support to do it, it is not finished.
3. **Mobile first for shoppers, keyboard first for merchants.**
4. **Measure the outcome.** Every planned feature names the metric it moves and the objective it serves.`;

/** The draft today: identical to version 2 (the accepted proposal merged into it before it was published). */
export const DEMO_SECTIONS: Required<StrategySections> = {
  vision: VISION,
  customers: CUSTOMERS,
  problems: PROBLEMS,
  nonProblems: NON_PROBLEMS,
  principles: PRINCIPLES,
};

/** Version 1: no "exactly once" principle yet, and bespoke enterprise work not yet ruled out. */
export const DEMO_SECTIONS_V1: Required<StrategySections> = {
  ...DEMO_SECTIONS,
  nonProblems: NON_PROBLEMS_V1,
  principles: PRINCIPLES_V1,
};

const SHORT = `Independent brands lose sales they have already won. A shopper finds the product, fills the cart,
and then the card challenge opens a new tab, the wallet button is missing on the phone, or a typo in
search returns nothing. Behind the store, the merchant's team rebuilds last week's revenue in a
spreadsheet, and their agency writes code to catch webhooks that arrived twice.

Atlas Commerce Cloud exists so that a brand with a small team can sell like the biggest retailer. This
year we put our effort behind three pillars. Frictionless buying: search that understands shoppers,
and a checkout that keeps them in one place, on any device. Merchant self-serve: reports, roles and
refunds a merchant runs alone. Platform trust: every order and every stock level delivered exactly
once.

If we get this right, merchants who outgrow a starter platform choose us instead of a custom build,
and they never need to leave. That is the company we are building.`;

const MEDIUM = `### Why we are here

Mid-market brands are the most underserved sellers in e-commerce. They are too big for a starter
platform and too small for a custom build with a team of twenty engineers. They sell on their own site,
on a couple of marketplaces and in a shop or two, and their whole "IT department" is one developer or
an agency on a retainer. Atlas Commerce Cloud is the platform they run their business on: the storefront
checkout, the catalog and search, the back office, a shopper app and the APIs their partners build on.

### What we see

Three things hurt them most, and we hear them in every interview.

First, they lose sales they have already won. One card payment in eight fails or is abandoned at strong
customer authentication, because the issuer's challenge leaves checkout. On mobile, shoppers expect to
pay with their phone wallet and find a card form instead. In search, "sneekers" returns nothing and a
description like "red dress for a summer wedding" returns everything. Each of these is small; together
they cost our merchants more than any feature we could add.

Second, they cannot answer their own questions. Every Monday someone in finance or operations exports
orders, refunds and taxes, and rebuilds the same reports in a spreadsheet. Warehouse staff share one
login with the owner, so they see revenue figures they should not, and nobody can say who changed a
price last night.

Third, their integrations cannot trust us. After an outage, webhooks arrive twice or not at all. Stock
syncs from the warehouse hourly at best, so in a sale merchants sell items they no longer have. Every
agency we talk to has built its own deduplication and reconciliation on top of our platform. That is
work we made them do.

### Where we are going

Our vision is that every independent brand can sell like the biggest retailer without hiring an
engineering team to do it. By the end of 2028 a merchant on Atlas should convert as well as the
marketplaces their shoppers compare them with, run the store, the numbers and the team from one back
office, and plug in any warehouse or ERP with every order and stock level arriving exactly once.

### How we will get there: three pillars

**Frictionless buying, about 45 % of our effort.** The challenge stays inside checkout, wallets sit on
every cart and in the app, soft declines are retried before the shopper sees an error, and search
tolerates typos before it learns to read descriptions. This quarter's objective is to make checkout the
reason merchants stay, measured by checkout conversion and payment success.

**Merchant self-serve, about 35 %.** Reports merchants build and schedule themselves, staff roles and an
audit trail, refunds from the order page, a returns portal. We raised this pillar from 30 % in our
second version of the strategy because the support tickets told us to: half of them are questions a
good report would answer.

**Platform trust, about 20 %.** Idempotent webhooks with delivery ids and replay, stock synced within a
minute, higher rate limits for nightly imports, single sign-on for enterprise staff. This is the pillar
that looks least exciting on a roadmap and decides whether a partner recommends us.

### What we will not do

We are not a marketplace, we will not lend money, and we will not build a page builder: agencies and our
APIs serve that. And we will not build a feature for one contract, however large; a feature ships when it
helps a segment.

### How we will know

Checkout conversion across our merchants, the share of payments that succeed at the first attempt,
weekly active merchants in the dashboard, support tickets per hundred merchants, and the webhook
duplicate rate. Every planned feature names the metric it moves and the pillar it serves, and the
drift report tells us when our plans stop matching our words.

### What changes for each team

Checkout and Mobile share one goal this quarter, conversion, and plan their wallet work together. Catalog
& Search owns the search experience on every surface and the stock sync behind it. The Dashboard team
measures itself by the spreadsheets merchants stop building, not by the reports we ship. Platform APIs
treats a duplicate webhook as an incident. And every PM checks in on their key results every week, so
that an at-risk result shows up in week four, while we can still do something about it.`;

const LONG = `## Part 1: The people we serve

### The mid-market brand

Picture Blue Peak Coffee. Twelve people, four of them on e-commerce, €9 M a year online, two shops and
a wholesale channel. They moved to Atlas three years ago from a starter platform that could not handle
subscriptions. Their e-commerce manager lives in our dashboard; their finance lead lives in the CSV
exports; their developer is an agency two time zones away.

They are our primary customer: mid-market brands with 2 to 50 people on e-commerce and €2 M to €80 M of
online revenue. There are about 40,000 of them in our markets, and they are the most underserved sellers
in commerce. Starter platforms stop scaling with them; a custom build costs more than their whole
e-commerce team.

### The people inside the brand

- **The e-commerce manager** owns revenue. They care about conversion, average order value and
  whether the sale they planned for Friday will hold.
- **Operations and finance** need refunds, taxes and exports to be right, every week, without asking.
- **The agency or in-house developer** builds on our APIs and webhooks and gets paged when they fail.
  Their trust is the quiet force behind most of our renewals.

### The enterprise digital team

Meridian Department Stores and Atlas Gear buy for scale and compliance: single sign-on, audit trails,
higher rate limits and uptime commitments. We serve them where their needs are the mid-market's needs a
year early. We do not serve them with one-off work.

## Part 2: What is broken today

### Sales lost at the last step

Our data says one card payment in eight fails or is abandoned at strong customer authentication. The
issuer's challenge opens a new tab; on mobile Safari the shopper often never comes back. Wallet buttons
are missing on the cart and in the app, so a shopper on a phone types sixteen digits on a bus. Search is
literal: a typo returns nothing, a description returns noise. Each of these looks small in isolation. In
our funnel analysis they are worth more than four points of checkout conversion across the base.

### Merchants who cannot answer their own questions

Tom's interviews with finance and operations teams found the same Monday ritual everywhere: export the
orders, export the refunds, rebuild the revenue report in a spreadsheet, send it to the owner. Half of
our support tickets are questions a good report would answer. Warehouse staff share the owner's login,
see revenue they should not, and nobody can say who changed a price last night.

### Integrations that cannot be trusted

After our March incident, partners received some webhooks twice and some not at all. Stock syncs from
warehouse systems run hourly at best, so in a sale merchants sell what they no longer have. Kinetic
Sports' agency showed us the deduplication table they built on top of our events. Every agency has one.
That is work we made them do, and it is the first thing they mention when a prospect asks about us.

## Part 3: Where we are going

**Every independent brand can sell like the biggest retailer, without hiring an engineering team to do
it.**

By the end of 2028, a merchant on Atlas converts as well as the marketplaces their shoppers compare them
with, on the phone first. They run the store, the numbers and the team from one back office. They plug in
any warehouse, ERP or agency tool and trust that every order and every stock level arrives exactly once.

We will know we are winning when merchants who outgrow a starter platform choose Atlas instead of a
custom build, and when our churn to custom builds falls to zero.

## Part 4: The three pillars

### Frictionless buying (about 45 % of our effort)

The 3-D Secure challenge stays inside checkout. Apple Pay and Google Pay sit on every cart and in the
native app. Soft declines are retried once with network tokens before the shopper sees an error.
Search tolerates typos and synonyms this quarter, and learns to read descriptions next. Saved cards and
live order tracking, both shipped, bring shoppers back.

This quarter's objective, *make checkout the reason merchants stay*, is measured by checkout
conversion (from 61 % to 66 %) and first-attempt payment success.

### Merchant self-serve (about 35 %)

Reports merchants build, save and schedule themselves. Staff roles so the warehouse sees stock and not
revenue, and an audit log that says who changed what. Partial refunds from the order page, VAT-compliant
invoices, a returns portal. We raised this pillar from 30 % to 35 % in the second version of this
strategy, because the support tickets told us to.

### Platform trust (about 20 %)

Idempotent webhooks with delivery ids, and replay for anything a partner missed. Stock synced from the
warehouse within a minute. Higher rate limits and a bulk API for nightly imports. Single sign-on and
fine-grained OAuth scopes for the enterprise teams. This pillar looks least exciting on a roadmap; it
decides whether an agency recommends us.

## Part 5: What we will not do

- **We are not a marketplace.** We power a merchant's own store.
- **We will not lend.** Buy now, pay later arrives through partners' payment methods.
- **We will not build a page builder.** Themes and headless storefronts belong to agencies and our APIs.
- **We will not build for one contract.** A feature ships when it helps a segment. We added this in
  version 2, after a quarter in which three enterprise requests took a fifth of the Dashboard team.

## Part 6: How we work

1. **Conversion before features.** A change that costs conversion does not ship.
2. **Self-serve by default.** If a merchant needs support to do it, it is not finished.
3. **Exactly once, or we say so.** Partners never reconcile in silence.
4. **Mobile first for shoppers, keyboard first for merchants.**
5. **Measure the outcome.** Every planned feature names the metric it moves and the objective it serves.

## Part 7: How we will know

We watch five numbers every week, in this tool, next to the objectives they belong to:

| Number | Today | End of next year |
| --- | --- | --- |
| Checkout conversion across merchants | 61 % | 68 % |
| Payments that succeed at the first attempt | 87 % | 94 % |
| Weekly active merchants in the dashboard | 3,100 | 4,500 |
| Support tickets per 100 merchants a month | 38 | 20 |
| Webhook deliveries sent more than once | 1.9 % | under 0.1 % |

And every quarter we read the drift report together: planned effort by pillar against the targets
above, the work that serves no pillar, and the objectives nobody has checked in on. When our plans stop
matching these words, we change the plans or we change the words, openly, in a new version of this
document.

## Part 8: What we ask of you

For PMs: propose changes to this document when your discovery contradicts it; that is what the
proposals are for. Tie every feature you plan to a pillar and, where it moves one, to a key result.
Check in every week, honestly; an at-risk key result in week four is a gift, the same news in week
twelve is a surprise.

For engineering and design: hold us to the principles. If a roadmap item breaks one, say so in its
review.

For sales and customer success: bring us the problems, not the features. The best request we got this
year was "our finance lead spends Monday in spreadsheets"; the worst was a field name.

## Part 9: Risks, and what would change our mind

**Wallets could matter less than we think.** If the wallet fake door and the first merchants' results
show that shoppers who see a wallet button convert no better than those who do not, we will move the
effort to saved cards and the one-page checkout for returning shoppers, which we know work.

**Self-serve could cannibalise services revenue.** Some agencies earn their retainer by building the
reports we are about to give merchants for free. We believe partners who build on a trustworthy platform
earn more in the end; if our partner council tells us otherwise, we will open the report builder to
them before we open it to everyone.

**Enterprise could pull us off course.** A single large contract can fund a quarter of engineering. The
"no bespoke work" line in version 2 exists because we have already felt that pull. We will say yes to
enterprise needs that a segment shares, such as single sign-on and audit logs, and no to the rest,
however large the deal.

**Our numbers could be wrong.** Conversion across merchants mixes very different stores. We will read
it by segment every month, and if one segment moves against the average we will say so in the check-in
notes rather than celebrate the average.

If any of these turns out true, we will propose the change here, discuss it in the open, and publish a
new version. A strategy that cannot change is a slogan; one that changes every week is a mood.`;

export const DEMO_STORIES = { short: SHORT, medium: MEDIUM, long: LONG };

/** The published versions, oldest first: weeks ago, the lead's note. Version 2 is the one in force. */
export const DEMO_VERSIONS = [
  {
    number: 1,
    weeksAgo: 11,
    sections: DEMO_SECTIONS_V1,
    note: 'First published strategy for Atlas Commerce Cloud: vision, customers, problems, three pillars and four principles.',
  },
  {
    number: 2,
    weeksAgo: 3,
    sections: DEMO_SECTIONS,
    note: 'Adds the "exactly once" principle (Maya, after the webhook incident review), rules out bespoke enterprise work, and moves 5 points of effort from frictionless buying to merchant self-serve.',
  },
] as const;

export interface DemoProposal {
  section: keyof StrategySections;
  author: string;
  /** The section as the proposer found it, and the full text proposed. */
  baseText: string;
  text: string;
  rationale: string;
  status: 'pending' | 'accepted' | 'rejected';
  daysAgo: number;
  decidedDaysAgo?: number;
  decisionComment?: string;
  comments: { author: string; body: string; daysAgo: number }[];
}

export const DEMO_PROPOSALS: DemoProposal[] = [
  {
    section: 'nonProblems',
    author: 'tom',
    baseText: NON_PROBLEMS_V1,
    text: NON_PROBLEMS,
    rationale:
      'Last quarter three enterprise requests (custom invoice layouts for one account, a bespoke export, a one-off SSO mapping) took about a fifth of the Dashboard team. Writing down that we build for segments, not contracts, gives us something to point at in the next escalation.',
    status: 'accepted',
    daysAgo: 30,
    decidedDaysAgo: 24,
    decisionComment: 'Agreed, and Sarah is on board: sales will use it in deal reviews. Merged; it goes out with version 2.',
    comments: [
      { author: 'sarah', body: 'Fine by me as long as we can still prioritise enterprise needs that a segment shares, like SSO.', daysAgo: 28 },
      { author: 'tom', body: 'Yes: SSO helps every merchant with more than ten staff. The point is the one-off work.', daysAgo: 27 },
    ],
  },
  {
    section: 'customers',
    author: 'aiko',
    baseText: CUSTOMERS,
    text: CUSTOMERS.replace(
      '**Not our customer:** marketplaces, and stores under €200 k a year, who are better served by a starter platform.',
      '**Also primary: direct-to-consumer brands that sell mostly through the app**, whose shoppers buy again on the phone every week.\n\n**Not our customer:** marketplaces, and stores under €200 k a year, who are better served by a starter platform.',
    ),
    rationale:
      'App sessions grew 40 % this year and repeat buyers on the app spend twice as much. I think app-first brands deserve to be named as a primary segment so that mobile work is not always the last lane on the board.',
    status: 'rejected',
    daysAgo: 20,
    decidedDaysAgo: 16,
    decisionComment:
      'The growth is real, but app-first brands are a channel of our mid-market brands, not a separate customer: they buy for the same reasons. Let us put the repeat-purchase goal in the mobile objective instead, which we did.',
    comments: [{ author: 'maya', body: 'Can you share how many of our merchants get more than half their orders in the app?', daysAgo: 19 }],
  },
  {
    section: 'principles',
    author: 'priya',
    baseText: PRINCIPLES,
    text: PRINCIPLES.replace(
      '4. **Mobile first for shoppers, keyboard first for merchants.**',
      '4. **Mobile first for shoppers, keyboard first for merchants.**\n5. **Fast is a feature.** Storefront search answers in under 100 ms and checkout pages load in under a second on a mid-range phone; a change that makes them slower needs a reason.',
    ).replace('5. **Measure the outcome.**', '6. **Measure the outcome.**'),
    rationale:
      'Every search experiment we ran this year moved conversion less than the latency work did: shaving 300 ms off search results gained more than synonyms. Speed is a decision we keep re-making feature by feature; making it a principle settles it once.',
    status: 'pending',
    daysAgo: 4,
    comments: [
      {
        author: 'maya',
        body: 'I like it. Two questions before I accept: is 100 ms right for catalogues with a million variants, and who owns the budget when a checkout change is slower for a good reason?',
        daysAgo: 3,
      },
      {
        author: 'priya',
        body: 'The p95 of our largest merchant is 85 ms today, so 100 ms holds. For checkout, I suggest Diego owns the budget and we record exceptions in the feature review.',
        daysAgo: 2,
      },
    ],
  },
];
