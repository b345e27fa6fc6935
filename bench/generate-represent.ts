// The benchmark's request, decision and report data (issue 7), in a workspace of its own ("Bench
// represent"): the bench workspace's members again, one product with 40 components and 20,000 features
// (a share of them public), dependencies, the current quarter's objectives and key results, 2,000
// customers, rationale templates, 40,000 requests over the last two years and 50,000 decisions on them
// (every action; the component PMs decide), status updates of every component for the last 8 weeks,
// the audited roadmap changes of the last 30 days, and an executive report compiled 14 days ago, so a new
// one has a "what changed" to fold. A workspace of its own because the bench workspace's products have
// about 13 components each, and a fourth product there would change what the other targets measure
// (the workspace structure's 40 components, rescoring's feature count). All set-based SQL without
// random(): ids are md5 hashes of the workspace id and a position, and the splits go by position or by
// hashes of the workspace id and a position (so the shares vary by a percent or so between runs).
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../src/server/db/client.js';

export interface RepresentGenerated {
  workspaceId: string;
  /** The product the executive report is compiled for. */
  productId: string;
  components: number;
  features: number;
  publicFeatures: number;
  requests: number;
  decisions: number;
  decisionsByAction: Record<string, number>;
  statusUpdates: number;
  customers: number;
  /** The decision log search the bench measures, and how many decisions it matches. */
  searchQuery: string;
  searchHits: number;
}

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
/** An integer constant inlined into the SQL, so PostgreSQL never has to guess a parameter's type. */
const int = (n: number) => sql.raw(String(Math.trunc(n)));
/** A text array literal inlined into the SQL (the values are this file's constants). */
const texts = (values: readonly string[]) => sql.raw(`array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')}]::text[]`);
/** The i-th (0-based, taken modulo its length) element of a constant text array. */
const pick = (values: readonly string[], i: SQL) => sql`(${texts(values)})[1 + (${i}) % ${int(values.length)}]`;

/** The decision log query the bench measures: a phrase and an exclusion, like the feedback search. */
export const DECISION_SEARCH = '"offline mode" -enterprise';

const COMPONENTS = [
  'Checkout', 'Search', 'Catalogue', 'Payments', 'Invoicing', 'Shipping', 'Returns', 'Loyalty', 'Subscriptions', 'Reviews',
  'Recommendations', 'Promotions', 'Gift cards', 'Tax', 'Inventory', 'Warehouse', 'Storefront', 'Mobile app', 'Notifications', 'Messaging',
  'Seller portal', 'Onboarding', 'Identity', 'Permissions', 'Billing', 'Analytics', 'Reporting', 'Data export', 'Public API', 'Webhooks',
  'Integrations', 'Localisation', 'Accessibility', 'Fraud', 'Support desk', 'Help centre', 'Marketplace', 'Pricing engine', 'Audit', 'Admin console',
];
const PILLARS = ['Frictionless buying', 'Merchant self-serve', 'Platform trust', 'International expansion'];
const THINGS = [
  'Bulk export', 'Offline mode', 'Single sign on', 'Dark theme', 'Audit trail', 'Custom fields', 'Webhook retries', 'Two-factor login',
  'Saved filters', 'CSV import', 'Push alerts', 'Multi-currency invoices', 'Slack integration', 'Role-based access', 'Higher API limits',
  'Recurring orders', 'Gift wrapping', 'Tax reports', 'Inventory sync', 'Shipping labels', 'Loyalty points', 'Volume discounts',
  'Product bundles', 'Guest checkout', 'Returns portal', 'Subscription pauses', 'Address autocomplete', 'Wish lists', 'Price alerts',
  'Data retention controls',
];
const CONTEXTS = [
  'for enterprise accounts', 'in the mobile app', 'on the admin dashboard', 'for marketplace sellers', 'across all stores',
  'for the EU region', 'in the reporting module', 'for partner agencies', 'with Salesforce', 'for large catalogues',
  'for wholesale buyers', 'in the storefront', 'for support agents', 'on tablets', 'for the finance team',
  'in the seller portal', 'for franchise owners', 'with Shopify', 'for first-time buyers', 'at checkout',
];
const WHY = [
  'Only a handful of customers asked for it this year.',
  'The partner app already covers it well.',
  'It conflicts with the checkout simplification we committed to.',
  'The effort is about two quarters for one team.',
  'Usage data shows little demand outside one segment.',
  'Legal review flagged data residency concerns.',
  'We would have to rebuild the permissions model first.',
  'Support has a workaround that satisfies most requesters.',
  'It serves a single large account rather than the market.',
  'Competitors dropped similar features after low adoption.',
  'The integration would tie us to a vendor we are phasing out.',
  'It would slow every page for a rare case.',
];
const NEXT = [
  'We will revisit if the evidence grows.',
  'Point the customer to the integration marketplace.',
  'Happy to discuss it at the next quarterly review.',
  'Logged for the pillar review in the spring.',
  'Add new evidence to the request if it comes up again.',
  'The account team will share the workaround.',
  'A partner can build it on the public API.',
  'Not this year.',
];
const TEMPLATES: { title: string; body: string; pillar?: number }[] = [
  { title: 'Does not serve a current pillar', body: 'This ask does not move any of the strategic pillars we are investing in right now.' },
  { title: 'Not enough evidence yet', body: 'We have not yet seen enough evidence that this problem is widespread or costly enough to act on.' },
  { title: 'Better served by a partner', body: 'A partner or an integration already solves this well.' },
  { title: 'Outside our target customers', body: 'The ask comes from a segment our strategy does not target.' },
  { title: 'Too costly for the value', body: 'The cost to build and maintain it outweighs the value we expect.' },
  { title: 'Conflicts with frictionless buying', body: 'It would add a step to buying, which the pillar is about removing.', pillar: 0 },
  { title: 'Not a platform trust priority', body: 'It does not raise the trust our merchants place in the platform.', pillar: 2 },
  { title: 'Already on the roadmap in another form', body: 'A planned feature solves the underlying problem differently.' },
];
const HEALTH_SUMMARY = [
  'Delivery on plan; the team closed the sprint goals.',
  'One dependency is late and puts the release date at risk.',
  'Scope cut to keep the launch date; quality holds.',
  'Discovery interviews confirmed the main problem.',
  'Two engineers out this week; velocity down.',
  'Beta customers adopted the new flow faster than expected.',
];
const RISKS = ['- Vendor contract renewal still open', '- The payments dependency slips a week', '- Load test failed at peak volume', '- Key engineer leaving next month', '- Security review not booked yet'];

/**
 * Creates the "Bench represent" workspace next to the bench workspace `mainWorkspaceId` (whose members
 * it copies) and fills it. At factor 1: 40 components, 20,000 features, 40,000 requests, 50,000 decisions.
 */
export async function generateRepresent(db: Db, ctx: { mainWorkspaceId: string; factor: number; now?: Date }): Promise<RepresentGenerated> {
  const now = ctx.now ?? new Date();
  const f = ctx.factor;
  const nowTs = sql`${now.toISOString()}::timestamptz`;
  const C = Math.max(1, Math.round(40 * f));
  const F = Math.max(C, Math.round(20_000 * f));
  const R = Math.max(10, Math.round(40_000 * f));
  const D = Math.max(1, Math.round(50_000 * f));
  const K = Math.max(1, Math.round(2_000 * f));
  const DEPS = Math.round(2_000 * f);
  // Every tenth request is still waiting for triage; the others are decided once, and `extra` of them
  // were deferred before their last decision, so the log holds D decisions.
  const undecided = Math.floor((R + 1) / 10);
  const decided = R - undecided;
  const extra = Math.min(decided, Math.max(0, D - decided));

  const [main] = rowsOf<{ user_id: string }>(
    await db.execute(sql`select user_id from members where workspace_id = ${ctx.mainWorkspaceId} and role = 'admin' order by created_at limit 1`),
  );
  const [created] = rowsOf<{ id: string }>(await db.execute(sql`select gen_random_uuid()::text as id`));
  const ws = created!.id;
  const key = sql.raw(`'${ws}'`);
  /** A deterministic UUID (version 4 bits) of this workspace and a text expression. */
  const uid = (expr: SQL) => sql`(overlay(overlay(md5(${key} || ':' || ${expr}) placing '4' from 13) placing '8' from 17))::uuid`;
  const h = (expr: SQL) => sql`abs(hashtext(${key} || ${expr}))`;

  await db.execute(sql`
    insert into workspaces (id, workspace_id, name, created_by, created_at, updated_at)
    values (${ws}::uuid, ${ws}::uuid, ${`Bench represent ×${f}`}, ${main!.user_id}, ${nowTs}, ${nowTs})`);
  await db.execute(sql`
    insert into members (id, workspace_id, user_id, role, title, created_at, updated_at)
    select ${uid(sql`'m:' || m.id`)}, ${ws}::uuid, m.user_id, m.role, m.title, m.created_at, ${nowTs}
    from members m where m.workspace_id = ${ctx.mainWorkspaceId}`);
  const [shape] = rowsOf<{ pms: number; members: number; lead: string }>(
    await db.execute(sql`select (select count(*)::int from members where workspace_id = ${ws} and role = 'pm') as pms,
      (select count(*)::int from members where workspace_id = ${ws}) as members,
      (select id::text from members where workspace_id = ${ws} and role = 'admin' order by created_at limit 1) as lead`),
  );
  const pmCount = shape!.pms;
  if (pmCount === 0) throw new Error('generateRepresent: the bench workspace has no PMs');
  const memberCount = shape!.members;
  const leadId = shape!.lead;
  const pmsOf = sql`(select id, row_number() over (order by created_at, id) - 1 as n from members where workspace_id = ${ws} and role = 'pm') pm`;
  const membersOf = sql`(select m.id, u.name, row_number() over (order by m.created_at, m.id) - 1 as n from members m join "user" u on u.id = m.user_id where m.workspace_id = ${ws}) mb`;

  const productId = rowsOf<{ id: string }>(
    await db.execute(sql`
      insert into products (id, workspace_id, name, description, created_at, updated_at)
      values (${uid(sql`'product'`)}, ${ws}::uuid, 'Marketplace', 'Generated for the benchmark: 40 components, 20,000 features', ${nowTs}, ${nowTs})
      returning id`),
  )[0]!.id;
  await db.execute(sql`
    insert into components (id, workspace_id, product_id, name, description, owner_id, created_at, updated_at)
    select ${uid(sql`'c:' || g`)}, ${ws}::uuid, ${productId}::uuid,
      case when g < ${int(COMPONENTS.length)} then ${pick(COMPONENTS, sql`g`)} else 'Area ' || (g + 1) end, '', pm.id, ${nowTs}, ${nowTs}
    from generate_series(0, ${int(C - 1)}) g join ${pmsOf} on pm.n = g % ${int(pmCount)}`);
  /** The components by position, with their owner and the owner's user. */
  const comps = sql`(select c.id, c.name, c.owner_id, m.user_id, u.name as owner_name, row_number() over (order by c.id) - 1 as n
    from components c join members m on m.id = c.owner_id join "user" u on u.id = m.user_id where c.product_id = ${productId}) c`;
  await db.execute(sql`
    insert into pillars (id, workspace_id, product_id, name, description, target_share, status, position, created_at, updated_at)
    select ${uid(sql`'p:' || (p.n - 1)`)}, ${ws}::uuid, ${productId}::uuid, p.name, 'A lasting theme the strategy invests in.', 25, 'active', p.n - 1, ${nowTs}, ${nowTs}
    from unnest(${texts(PILLARS)}) with ordinality p(name, n)`);

  // Features: a third on the board (now, next, later) with dates over this quarter and the next two, the rest ideas,
  // discovery, shipped or won't do; one in 25 internal; about a third of the board and of the shipped
  // ones public. Created over the last two years; one in 200 in the last 30 days (audited below).
  const q0 = new Date(Date.UTC(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3, 1)).toISOString();
  await db.execute(sql`
    insert into features (id, workspace_id, component_id, title, description, owner_id, status, effort, horizon, start_date, end_date, pillar_id, board_rank, internal, public, created_at, updated_at)
    select ${uid(sql`'f:' || g`)}, ${ws}::uuid, c.id, ${pick(THINGS, sql`b.h1 / 7`)} || ' ' || ${pick(CONTEXTS, sql`b.h2 / 11`)} || ' #' || (g + 1),
      'Lets ' || lower(${pick(CONTEXTS, sql`b.h3 / 5`)}) || ' do more without a workaround.', c.owner_id, b.status, 1 + b.h2 % 13, b.horizon,
      case when b.on_board then ${q0}::date + b.start_week * 7 end,
      case when b.on_board then ${q0}::date + (b.start_week + 2 + b.h4 % 8) * 7 - 1 end,
      case when b.h4 % 10 < 8 then ${uid(sql`'p:' || (b.h3 % ${int(PILLARS.length)})`)} end,
      g, b.internal, not b.internal and b.status in ('planned', 'in_progress', 'discovery', 'shipped') and b.h4 % 3 = 0,
      case when g % 200 = 0 then ${nowTs} - (1 + b.h1 % 29) * interval '1 day' else ${nowTs} - (31 + b.h1 % 700) * interval '1 day' end, ${nowTs}
    from generate_series(0, ${int(F - 1)}) g
    join ${comps} on c.n = g % ${int(C)}
    cross join lateral (select ${h(sql`'fa' || g`)} as h1, ${h(sql`'fb' || g`)} as h2, ${h(sql`'fc' || g`)} as h3, ${h(sql`'fd' || g`)} as h4) x
    cross join lateral (
      select x.h1, x.h2, x.h3, x.h4, x.h1 % 10 < 3 as on_board, x.h3 % 25 = 0 as internal,
        case when x.h1 % 10 < 3 then (array['planned', 'planned', 'in_progress', 'discovery'])[1 + x.h3 % 4]
             else (array['idea', 'idea', 'shipped', 'wont_do', 'discovery'])[1 + x.h3 % 5] end as status,
        case when x.h1 % 10 < 3 then (array['now', 'next', 'later'])[1 + x.h2 % 3] end as horizon,
        case when x.h2 % 3 = 0 then x.h3 % 10 when x.h2 % 3 = 1 then 13 + x.h3 % 10 else 26 + x.h3 % 10 end as start_week
    ) b`);
  // Fresh statistics before joining the new features: with none, the planner takes them for a handful.
  await db.execute(sql`analyze features`);
  // Dependencies between board features, always on an earlier one (so no cycle); most blockers end
  // before their dependent starts, one candidate pair in 40 is kept whatever the dates (a conflict,
  // mostly). greatest(): the planner may test b's condition before a's.
  if (DEPS > 0) {
    const board = sql`(select f.id, f.start_date, f.end_date, row_number() over (order by f.board_rank) - 1 as n from features f where f.workspace_id = ${ws} and f.horizon is not null)`;
    await db.execute(sql`
      insert into dependencies (id, workspace_id, feature_id, depends_on_id, note, created_at)
      select ${uid(sql`'d:' || g`)}, ${ws}::uuid, a.id, b.id, '', ${nowTs}
      from generate_series(0, ${int(2.55 * DEPS - 1)}) g
      cross join (select count(*) as total from features where workspace_id = ${ws} and horizon is not null) t
      join ${board} a on a.n = 1 + ${h(sql`'da' || g`)} % greatest(1, t.total - 1)
      join ${board} b on b.n = ${h(sql`'db' || g`)} % greatest(a.n, 1)
      where b.end_date < a.start_date or g % 40 = 0
      on conflict do nothing`);
  }

  // The current quarter: two product objectives owned by the lead, one per component owned by its PM
  // under one of them, three key results each with their latest check-in.
  const qStart = new Date(q0);
  const qEnd = new Date(Date.UTC(qStart.getUTCFullYear(), qStart.getUTCMonth() + 3, 0));
  const periodId = rowsOf<{ id: string }>(
    await db.execute(sql`
      insert into okr_periods (id, workspace_id, name, kind, starts_on, ends_on, created_at, updated_at)
      values (${uid(sql`'period'`)}, ${ws}::uuid, ${`${qStart.getUTCFullYear()}-Q${Math.floor(qStart.getUTCMonth() / 3) + 1}`}, 'quarter',
        ${q0.slice(0, 10)}::date, ${qEnd.toISOString().slice(0, 10)}::date, ${nowTs}, ${nowTs})
      returning id`),
  )[0]!.id;
  await db.execute(sql`
    insert into objectives (id, workspace_id, period_id, product_id, component_id, parent_id, owner_id, pillar_id, title, description, status, position, created_at, updated_at)
    select ${uid(sql`'o:' || g`)}, ${ws}::uuid, ${periodId}::uuid, ${productId}::uuid, null, null, ${leadId}::uuid, ${uid(sql`'p:' || g`)},
      (array['Make buying effortless', 'Merchants run their store alone'])[1 + g], '', 'active', g, ${nowTs}, ${nowTs}
    from generate_series(0, 1) g`);
  await db.execute(sql`
    insert into objectives (id, workspace_id, period_id, product_id, component_id, parent_id, owner_id, pillar_id, title, description, status, position, created_at, updated_at)
    select ${uid(sql`'o:' || (2 + c.n)`)}, ${ws}::uuid, ${periodId}::uuid, ${productId}::uuid, c.id, ${uid(sql`'o:' || (c.n % 2)`)}, c.owner_id,
      ${uid(sql`'p:' || (c.n % 2)`)}, c.name || ': ' || ${pick(["ship the quarter's bets", 'halve the support tickets', 'win the top accounts', 'grow weekly usage'], sql`c.n`)}, '', 'active', 2 + c.n, ${nowTs}, ${nowTs}
    from ${comps}`);
  await db.execute(sql`
    insert into key_results (id, workspace_id, objective_id, title, unit, type, direction, start_value, target_value, current_value, owner_id,
      confidence, confidence_status, last_check_in_at, position, created_at, updated_at)
    select ${uid(sql`'k:' || o.position || ':' || i`)}, ${ws}::uuid, o.id,
      (array['Conversion', 'Weekly active merchants', 'Tickets per 1,000 orders'])[1 + i] || ' for ' || o.title,
      (array['%', '', ''])[1 + i], (array['percentage', 'number', 'number'])[1 + i], (array['increase', 'increase', 'decrease'])[1 + i],
      s.start, s.target, s.start + (s.target - s.start) * (0.2 + (${h(sql`'kv' || o.position || i`)} % 90) / 100.0), o.owner_id,
      s.confidence, case when s.confidence >= 7 then 'on_track' when s.confidence >= 4 then 'at_risk' else 'off_track' end,
      ${nowTs} - (1 + ${h(sql`'kd' || o.position || i`)} % 20) * interval '1 day', i, ${nowTs}, ${nowTs}
    from objectives o
    cross join generate_series(0, 2) i
    cross join lateral (
      select (array[40, 800, 30])[1 + i]::float8 as start, (array[55, 1200, 12])[1 + i]::float8 as target, 2 + ${h(sql`'kc' || o.position || i`)} % 8 as confidence
    ) s
    where o.period_id = ${periodId}`);
  await db.execute(sql`
    insert into key_result_check_ins (id, workspace_id, key_result_id, value, progress, confidence, status, note, author_id, created_at)
    select ${uid(sql`'ci:' || k.id`)}, ${ws}::uuid, k.id, k.current_value,
      least(1, greatest(0, (k.current_value - k.start_value) / nullif(k.target_value - k.start_value, 0))), k.confidence, k.confidence_status,
      'Weekly check-in.', k.owner_id, k.last_check_in_at
    from key_results k where k.workspace_id = ${ws}`);

  await db.execute(sql`
    insert into customers (id, workspace_id, name, segment, plan, arr, created_at, updated_at)
    select ${uid(sql`'cu:' || g`)}, ${ws}::uuid, 'Customer ' || (g + 1), (array['smb', 'mid-market', 'enterprise'])[1 + g % 3], (array['starter', 'growth', 'scale'])[1 + g % 3],
      1000 * (1 + ${h(sql`'ca' || g`)} % 500), ${nowTs}, ${nowTs}
    from generate_series(0, ${int(K - 1)}) g`);
  await db.execute(sql`
    insert into rationale_templates (id, workspace_id, title, body, pillar_id, active, position, created_at, updated_at)
    select ${uid(sql`'t:' || (t.n - 1)`)}, ${ws}::uuid, t.title, t.body, case when t.pillar >= 0 then ${uid(sql`'p:' || t.pillar`)} end, true, t.n - 1, ${nowTs}, ${nowTs}
    from unnest(${texts(TEMPLATES.map((t) => t.title))}, ${texts(TEMPLATES.map((t) => t.body))}, ${sql.raw(`array[${TEMPLATES.map((t) => t.pillar ?? -1).join(', ')}]::int[]`)})
      with ordinality t(title, body, pillar, n)`);

  // One row per request, with the outcome of its last decision (the decisions are read back from the
  // requests below). Request i is on component i % C; every tenth one is undecided; the last
  // decision's action is by a hash (accept 36 %, merge 14 %, defer 14 %, decline 36 %); a merge goes into
  // the "hub" of its block (a request of the same component that is never merged itself).
  const T = TEMPLATES.length;
  const hub = (i: SQL) => sql`((${i}) / ${int(C)}) % 20 = 0`;
  const source = sql`
    select i, ${uid(sql`'r:' || i`)} as id, c.id as component_id, c.owner_id, r.*,
      ${pick(THINGS, sql`r.h1 / 7`)} || ' ' || ${pick(CONTEXTS, sql`r.h2 / 11`)} as title,
      case when r.action = 'accept' then ${uid(sql`'f:' || ((i % ${int(C)}) + ${int(C)} * (r.h3 % ${int(Math.max(1, Math.floor(F / C)))}))`)} end as feature_id,
      case when r.action = 'merge' then ${uid(sql`'r:' || ((i / ${int(20 * C)}) * ${int(20 * C)} + i % ${int(C)})`)} end as into_id,
      case when r.h4 % 10 = 0 then ${leadId}::uuid else c.owner_id end as decided_by_id,
      least(r.created_at + (1 + r.h4 % 30) * interval '1 day' + (r.h3 % 600) * interval '1 minute', ${nowTs} - interval '1 hour') as decided_at
    from generate_series(0, ${int(R - 1)}) i
    join ${comps} on c.n = i % ${int(C)}
    cross join lateral (
      select x.*,
        case when i % 10 = 9 then null when x.h1 % 100 < 36 then 'accept' when x.h1 % 100 < 50 and not ${hub(sql`i`)} then 'merge'
             when x.h1 % 100 < 64 then 'defer' else 'decline' end as action,
        ${nowTs} - interval '740 days' + (i::float8 * 728 / ${int(R)}) * interval '1 day' + (x.h2 % 24) * interval '1 hour' as created_at
      from (select ${h(sql`'ra' || i`)} as h1, ${h(sql`'rb' || i`)} as h2, ${h(sql`'rc' || i`)} as h3, ${h(sql`'rd' || i`)} as h4, ${h(sql`'re' || i`)} as h5) x
    ) r`;

  await db.execute(sql`
    insert into requests (id, workspace_id, title, description, requester_type, requester_member_id, contact_name, contact_email, urgency, desired_date,
      product_id, component_id, status, feature_id, merged_into_id, revisit_on, submitted_by_id, decided_by_id, decided_at, notified_at, created_at, updated_at)
    select s.id, ${ws}::uuid, s.title,
      'We need ' || lower(s.title) || '. ' || ${pick(WHY, sql`s.h5 / 3`)} || ' Asked by ' || rt.type || ' contacts.', rt.type,
      case when rt.type in ('executive', 'internal') then mb.id end,
      case when rt.type in ('customer', 'partner') then 'Contact ' || (s.h5 % 5000) end,
      case when rt.type in ('customer', 'partner') then 'contact' || (s.h5 % 5000) || '@example.com' end,
      (array['low', 'medium', 'medium', 'high'])[1 + s.h3 % 4], case when s.h4 % 4 = 0 then (s.created_at + (30 + s.h3 % 120) * interval '1 day')::date end,
      ${productId}::uuid, s.component_id,
      case s.action when 'accept' then 'accepted' when 'merge' then 'merged' when 'defer' then 'deferred' when 'decline' then 'declined' else 'new' end,
      s.feature_id, s.into_id,
      case when s.action = 'defer' then (case when s.h5 % 50 = 0 then current_date - s.h5 % 7 else current_date + 1 + s.h5 % 180 end) end,
      coalesce(mb.id, s.owner_id), case when s.action is not null then s.decided_by_id end, case when s.action is not null then s.decided_at end,
      case when s.action is not null then s.decided_at end, s.created_at, coalesce(case when s.action is not null then s.decided_at end, s.created_at)
    from (${source}) s
    cross join lateral (select (array['executive', 'internal', 'internal', 'customer', 'customer', 'customer', 'partner'])[1 + s.h2 % 7] as type) rt
    left join ${membersOf} on mb.n = s.h5 % ${int(memberCount)} and rt.type in ('executive', 'internal')`);
  await db.execute(sql`analyze requests`);
  await db.execute(sql`
    insert into request_customers (workspace_id, request_id, customer_id)
    select ${ws}::uuid, r.id, ${uid(sql`'cu:' || (${h(sql`'rk' || r.id || n`)} % ${int(K)})`)}
    from requests r cross join generate_series(0, 2) n
    where r.workspace_id = ${ws} and r.requester_type = 'customer' and n <= ${h(sql`'rn' || r.id`)} % 3
    on conflict do nothing`);

  // The decision log, read back from the requests: the last decision of every decided request, and
  // an earlier deferral of `extra` of them (picked by a hash; halfway between the ask and the last
  // decision, to revisit on the day it was decided).
  const template = sql`(s.h3 / 13) % ${int(T)}`;
  const pillared = TEMPLATES.flatMap((t, n) => (t.pillar === undefined ? [] : [sql`when ${int(n)} then ${uid(sql`'p:' || ${int(t.pillar)}`)}`]));
  const templatePillar = sql`(case ${template} ${sql.join(pillared, sql` `)} end)`;
  const reason = (n: SQL) => pick(['spring planning', 'pricing change', 'platform migration', 'next release'], n);
  await db.execute(sql`
    with s as (
      select r.id, r.title, r.component_id, r.feature_id, r.merged_into_id, r.revisit_on, r.decided_by_id, r.decided_at, r.created_at, c.n as cn, x.*,
        case r.status when 'accepted' then 'accept' when 'merged' then 'merge' when 'deferred' then 'defer' else 'decline' end as action,
        row_number() over (order by x.h6, r.id) - 1 as rank
      from requests r
      join ${comps} on c.id = r.component_id
      cross join lateral (select ${h(sql`'dx' || r.id`)} as h3, ${h(sql`'dy' || r.id`)} as h4, ${h(sql`'dz' || r.id`)} as h5, ${h(sql`'dw' || r.id`)} as h6) x
      where r.workspace_id = ${ws} and r.status <> 'new'
    )
    insert into decisions (id, workspace_id, request_id, title, action, feature_id, into_request_id, revisit_on, rationale_template_id, rationale,
      pillar_id, evidence, product_id, component_id, decided_by_id, decided_at)
    select ${uid(sql`'dl:' || s.id`)}, ${ws}::uuid, s.id, s.title, s.action, s.feature_id, s.merged_into_id, s.revisit_on,
      case when s.action = 'decline' then ${uid(sql`'t:' || ${template}`)} end,
      case when s.action = 'decline' then ${pick(TEMPLATES.map((t) => t.title), template)} || ': ' || ${pick(WHY, sql`s.h4 / 3`)} || ' ' || ${pick(NEXT, sql`s.h5 / 17`)}
           when s.action = 'defer' then 'Revisit after the ' || ${reason(sql`s.h5`)} || '. ' || ${pick(WHY, sql`s.h4 / 3`)}
           else '' end,
      case when s.action = 'decline' then ${templatePillar}
           when s.action = 'accept' and s.h5 % 10 < 3 then ${uid(sql`'p:' || (s.h5 % ${int(PILLARS.length)})`)} end,
      case when s.action in ('accept', 'decline') and s.h4 % 8 = 0 then jsonb_build_array(jsonb_build_object('type', 'key_result', 'id', ${uid(sql`'k:' || (2 + s.cn) || ':' || (s.h4 % 3)`)}))
           else '[]'::jsonb end,
      ${productId}::uuid, s.component_id, s.decided_by_id, s.decided_at
    from s
    union all
    select ${uid(sql`'de:' || s.id`)}, ${ws}::uuid, s.id, s.title, 'defer', null, null, s.decided_at::date, null, 'Revisit after the ' || ${reason(sql`s.h3`)} || '.', null, '[]'::jsonb,
      ${productId}::uuid, s.component_id, s.decided_by_id, s.created_at + (s.decided_at - s.created_at) / 2
    from s where s.rank < ${int(extra)}`);

  // Status updates: every component, each of the last 8 ISO weeks, by its PM on the week's Friday (or
  // an hour ago for the current week). Health mostly on track; risks listed when not.
  await db.execute(sql`
    insert into status_updates (id, workspace_id, component_id, period_kind, period, health, summary, highlights, risks, asks, facts, author_id, created_at, updated_at)
    select ${uid(sql`'su:' || c.n || ':' || w`)}, ${ws}::uuid, c.id, 'week', to_char(u.day, 'IYYY-"W"IW'), u.health,
      c.name || ', ' || to_char(u.day, 'IYYY-"W"IW') || ': ' || ${pick(HEALTH_SUMMARY, sql`u.hh / 3`)},
      '- ' || ${pick(THINGS, sql`u.hh / 5`)} || ' shipped to beta' || E'\n- ' || ${pick(THINGS, sql`u.hh / 7`)} || ' design approved',
      case when u.health = 'on_track' then '' else ${pick(RISKS, sql`u.hh / 11`)} || E'\n' || ${pick(RISKS, sql`u.hh / 13`)} end,
      case when u.health = 'off_track' then '- One more engineer for two sprints' else '' end,
      '{}'::jsonb, c.owner_id, u.at, u.at
    from ${comps}
    cross join generate_series(0, 7) w
    cross join lateral (
      select ${nowTs} - (7 - w) * interval '7 days' as day, ${h(sql`'su' || c.n || ':' || w`)} as hh,
        least(date_trunc('week', ${nowTs} - (7 - w) * interval '7 days') + interval '4 days 15 hours', ${nowTs} - interval '1 hour') as at
    ) d
    cross join lateral (select d.day, d.hh, d.at, case when d.hh % 20 < 13 then 'on_track' when d.hh % 20 < 18 then 'at_risk' else 'off_track' end as health) u`);

  // The audited roadmap changes of the last 30 days, what "what changed and why" folds: the features
  // created then, one board feature in 20 moved (another horizon, the end two weeks later), one won't-do
  // feature in 100 dropped, 3 % of the shipped ones shipped, and deleted features. By the component's PM.
  const featuresOf = sql`(select f.*, f.board_rank::int as g, ${h(sql`'fx' || f.id`)} as hx from features f where f.workspace_id = ${ws}) f`;
  await db.execute(sql`
    insert into audit_log (id, workspace_id, actor_id, actor_name, action, entity_type, entity_id, summary, changes, kind, created_at)
    select ${uid(sql`'a:' || e.kind || ':' || f.id`)}, ${ws}::uuid, c.user_id, c.owner_name, e.action, 'feature', f.id::text, e.summary, e.changes, 'change', e.at
    from ${featuresOf}
    join ${comps} on c.id = f.component_id
    cross join lateral (
      select 'create' as kind, 'feature.create' as action, 'Created feature “' || f.title || '” in ' || c.name as summary, null::jsonb as changes, f.created_at as at
      where f.g % 200 = 0
      union all
      select 'move', 'feature.update', 'Updated feature “' || f.title || '”',
        jsonb_build_object('horizon', jsonb_build_array((array['now', 'next', 'later'])[1 + (array_position(array['now', 'next', 'later'], f.horizon) % 3)], f.horizon),
          'endDate', jsonb_build_array((f.end_date - 14)::text, f.end_date::text)),
        ${nowTs} - (f.hx % 720) * interval '1 hour'
      where f.horizon is not null and f.hx % 20 = 1
      union all
      select 'drop', 'feature.update', 'Updated feature “' || f.title || '”', jsonb_build_object('status', jsonb_build_array('planned', 'wont_do')), ${nowTs} - (f.hx % 720) * interval '1 hour'
      where f.status = 'wont_do' and f.hx % 100 = 2
      union all
      select 'ship', 'feature.update', 'Updated feature “' || f.title || '”', jsonb_build_object('status', jsonb_build_array('in_progress', 'shipped')), ${nowTs} - (f.hx % 720) * interval '1 hour'
      where f.status = 'shipped' and f.hx % 100 < 3
    ) e`);
  await db.execute(sql`
    insert into audit_log (id, workspace_id, actor_id, actor_name, action, entity_type, entity_id, summary, kind, created_at)
    select ${uid(sql`'a:deleted:' || g`)}, ${ws}::uuid, c.user_id, c.owner_name, 'feature.delete', 'feature', ${uid(sql`'gone:' || g`)}::text,
      'Deleted feature “Old idea ' || (g + 1) || '” from ' || c.name, 'change', ${nowTs} - (${h(sql`'ad' || g`)} % 720) * interval '1 hour'
    from generate_series(0, ${int(Math.max(1, Math.round(10 * f)) - 1)}) g join ${comps} on c.n = g % ${int(C)}`);
  await db.execute(sql`
    insert into audit_log (id, workspace_id, actor_id, actor_name, action, entity_type, entity_id, summary, kind, created_at)
    values (${uid(sql`'a:generate'`)}, ${ws}::uuid, ${main!.user_id}, 'Bench Admin', 'workspace.generate', 'workspace', ${ws}, ${`Generated the represent data at factor ${f}`}, 'change', ${nowTs})`);

  // The executive report compiled 14 days ago: a new one folds the changes since then.
  const before = new Date(now.getTime() - 14 * 86_400_000);
  const content = { title: 'Marketplace: Executive report', audience: 'executive', productName: 'Marketplace', from: null, to: before.toISOString().slice(0, 10), compiledAt: before.toISOString(), sections: [] };
  await db.execute(sql`
    insert into reports (id, workspace_id, product_id, audience, title, from_date, to_date, content, status, published_at, created_by_id, created_at, updated_at)
    values (${uid(sql`'report:previous'`)}, ${ws}::uuid, ${productId}::uuid, 'executive', ${content.title}, null, ${content.to}::date, ${JSON.stringify(content)}::jsonb,
      'published', ${before.toISOString()}::timestamptz, ${leadId}::uuid, ${before.toISOString()}::timestamptz, ${before.toISOString()}::timestamptz)`);

  // The embedded database has no autovacuum: fresh statistics (and visibility maps) for the planner.
  for (const table of ['members', 'components', 'features', 'dependencies', 'objectives', 'key_results', 'customers', 'requests', 'request_customers', 'decisions', 'status_updates', 'audit_log', 'reports']) {
    await db.execute(sql.raw(`vacuum analyze ${table}`));
  }

  const [counts] = rowsOf<{ components: number; features: number; public_features: number; requests: number; decisions: number; updates: number; customers: number; hits: number; actions: Record<string, number> | string }>(
    await db.execute(sql`select
      (select count(*)::int from components where product_id = ${productId}) as components,
      (select count(*)::int from features where workspace_id = ${ws}) as features,
      (select count(*)::int from features where workspace_id = ${ws} and public) as public_features,
      (select count(*)::int from requests where workspace_id = ${ws}) as requests,
      (select count(*)::int from decisions where workspace_id = ${ws}) as decisions,
      (select count(*)::int from status_updates where workspace_id = ${ws}) as updates,
      (select count(*)::int from customers where workspace_id = ${ws}) as customers,
      (select count(*)::int from decisions where workspace_id = ${ws} and search @@ websearch_to_tsquery('english', ${DECISION_SEARCH})) as hits,
      (select jsonb_object_agg(action, n) from (select action, count(*)::int as n from decisions where workspace_id = ${ws} group by action) a) as actions`),
  );
  const c = counts!;
  return {
    workspaceId: ws,
    productId,
    components: c.components,
    features: c.features,
    publicFeatures: c.public_features,
    requests: c.requests,
    decisions: c.decisions,
    decisionsByAction: typeof c.actions === 'string' ? (JSON.parse(c.actions) as Record<string, number>) : c.actions,
    statusUpdates: c.updates,
    customers: c.customers,
    searchQuery: DECISION_SEARCH,
    searchHits: c.hits,
  };
}
