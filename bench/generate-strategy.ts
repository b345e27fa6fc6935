// The benchmark's strategy data (issue 6), added to one product of a generated workspace after the
// roadmap generator: the product's features topped up to 20,000 (at factor 1) so the drift report reads
// that many, five pillars over most of them, a strategy with a published version, the current
// quarter with 500 objectives (product and component level, in a tree), 2,000 key results, 50,000
// check-ins over 12 weeks with the latest one's fields kept on each key result, and the features that
// drive each key result. All set-based SQL with hashes rather than random() (the counts by position are
// fixed; splits by row id vary by a few percent between runs), about 8 s on PGlite and 12 s on
// PostgreSQL at factor 1.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../src/server/db/client.js';

export interface StrategyGenerated {
  /** The product the OKR tree and the drift report are measured on. */
  productId: string;
  periodId: string;
  pillars: number;
  objectives: number;
  keyResults: number;
  checkIns: number;
  /** Features of the product after the top-up, and how many the top-up added. */
  features: number;
  addedFeatures: number;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
/** A stable pseudo-random integer in [0, n) from an SQL expression. */
const hash = (expr: SQL, n: number) => sql`(abs(hashtext(${expr})) % ${sql.raw(String(n))})`;
/** An integer constant inlined into the SQL, so PostgreSQL never has to guess a parameter's type. */
const int = (n: number) => sql.raw(String(Math.trunc(n)));

const PILLARS = [
  { name: 'Frictionless buying', share: 30 },
  { name: 'Merchant self-serve', share: 25 },
  { name: 'Platform trust', share: 20 },
  { name: 'International expansion', share: 15 },
  { name: 'Operational efficiency', share: 10 },
];
const WEEKS = 12;

/**
 * Adds the strategy data to `productId` of a generated workspace. At factor 1 the product ends with
 * 20,000 features (the roadmap generator gives each of its 3 products about 6,700; the top-up follows
 * the same mix of statuses, horizons and dates), 85 % of them on a pillar.
 */
export async function generateStrategy(db: Db, ctx: { workspaceId: string; productId: string; factor: number; now?: Date }): Promise<StrategyGenerated> {
  const { workspaceId: ws, productId } = ctx;
  const now = ctx.now ?? new Date();
  const nowTs = sql`${now.toISOString()}::timestamptz`;
  const q0 = new Date(Date.UTC(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3, 1));
  const qEnd = new Date(Date.UTC(q0.getUTCFullYear(), q0.getUTCMonth() + 3, 0));
  const quarter = `${q0.getUTCFullYear()}-Q${Math.floor(q0.getUTCMonth() / 3) + 1}`;
  const objectiveCount = Math.max(2, Math.round(500 * ctx.factor));
  const productObjectives = Math.max(1, Math.round(objectiveCount / 20));
  const keyResultCount = Math.max(objectiveCount, Math.round(2_000 * ctx.factor));
  const perKeyResult = Math.max(1, Math.round((50_000 * ctx.factor) / keyResultCount));
  const featureTarget = Math.max(1, Math.round(20_000 * ctx.factor));

  const [lead] = rowsOf<{ id: string }>(await db.execute(sql`select id from members where workspace_id = ${ws} and role = 'admin' order by created_at limit 1`));
  const leadId = lead!.id;
  const comps = sql`(select id, owner_id, row_number() over (order by name, id) - 1 as n from components where product_id = ${productId}) c`;
  const [shape] = rowsOf<{ components: number; features: number }>(
    await db.execute(sql`select (select count(*)::int from components where product_id = ${productId}) as components,
      (select count(*)::int from features f join components c on c.id = f.component_id where c.product_id = ${productId}) as features`),
  );
  const componentCount = shape!.components;
  if (componentCount === 0) throw new Error('generateStrategy: the product has no components');

  // Top the product up to the drift target with the roadmap generator's mix: a third on the board
  // (now, next, later) with dates this or next quarter and half of those in a release, the rest ideas,
  // discovery, shipped or won't do.
  const addedFeatures = Math.max(0, featureTarget - shape!.features);
  if (addedFeatures > 0) {
    await db.execute(sql`
      insert into features (id, workspace_id, component_id, title, description, owner_id, status, effort, horizon, start_date, end_date, release_id, board_rank, score_inputs, created_at, updated_at)
      select gen_random_uuid(), ${ws}::uuid, c.id, 'Strategy work ' || (g + 1), '', c.owner_id,
        case when b.on_board then (array['planned', 'planned', 'in_progress', 'discovery'])[1 + b.h3 % 4]
             else (array['idea', 'idea', 'shipped', 'wont_do', 'discovery'])[1 + b.h3 % 5] end,
        b.effort, b.horizon,
        ${q0.toISOString()}::date + b.start_week * 7,
        ${q0.toISOString()}::date + (b.start_week + b.weeks) * 7 - 1,
        case when b.on_board and b.h4 % 2 = 0 then r.id end,
        1000000 + g,
        jsonb_build_object(
          'rice', jsonb_build_object('reach', 100 + b.h1 % 50000, 'impact', (array[0.25, 0.5, 1, 2, 3])[1 + b.h2 % 5], 'confidence', (array[0.5, 0.8, 1])[1 + b.h3 % 3], 'effort', b.effort),
          'ice', jsonb_build_object('impact', 1 + b.h1 % 10, 'confidence', 1 + b.h2 % 10, 'ease', 1 + b.h4 % 10)),
        ${nowTs}, ${nowTs}
      from generate_series(0, ${int(addedFeatures - 1)}) g
      join ${comps} on c.n = g % ${int(componentCount)}
      cross join lateral (
        select abs(hashtext(g::text || 'a')) as h1, abs(hashtext(g::text || 'b')) as h2, abs(hashtext(g::text || 'c')) as h3, abs(hashtext(g::text || 'd')) as h4
      ) h
      cross join lateral (
        select h.h1, h.h2, h.h3, h.h4, h.h1 % 10 < 3 as on_board, 1 + h.h2 % 13 as effort, 2 + h.h4 % 8 as weeks,
          case when h.h1 % 10 >= 3 then null else (array['now', 'next', 'later'])[1 + h.h2 % 3] end as horizon,
          case when h.h1 % 10 >= 3 then null when h.h2 % 3 = 0 then h.h3 % 10 when h.h2 % 3 = 1 then 13 + h.h3 % 10 end as start_week
      ) b
      left join (select id, row_number() over (order by date, id) - 1 as n from releases where product_id = ${productId}) r on r.n = b.h4 % 2`);
  }

  // Five pillars (targets 30/25/20/15/10); 85 % of the features on one, spread evenly, so the coverage
  // chart has a gap to show. Half of the opportunities of the product's PMs on one too.
  await db.execute(sql`
    insert into pillars (id, workspace_id, product_id, name, description, target_share, status, position, created_at, updated_at)
    select gen_random_uuid(), ${ws}::uuid, ${productId}::uuid, p.name, 'A lasting theme the strategy invests in.', p.share, 'active', p.n - 1, ${nowTs}, ${nowTs}
    from unnest(${sql.raw(`array[${PILLARS.map((p) => `'${p.name}'`).join(', ')}]`)}::text[], ${sql.raw(`array[${PILLARS.map((p) => p.share).join(', ')}]`)}::numeric[]) with ordinality p(name, share, n)`);
  const pillarsOf = sql`(select id, position from pillars where product_id = ${productId}) pl`;
  await db.execute(sql`
    update features f set pillar_id = pl.id
    from components c, ${pillarsOf}
    where c.id = f.component_id and c.product_id = ${productId} and pl.position = ${hash(sql`f.id::text`, PILLARS.length)}
      and ${hash(sql`f.id::text || 'aligned'`, 100)} < 85`);
  await db.execute(sql`
    update opportunities o set pillar_id = pl.id
    from ${pillarsOf}
    where o.workspace_id = ${ws} and o.owner_id in (select owner_id from components where product_id = ${productId})
      and pl.position = ${hash(sql`o.id::text`, PILLARS.length)} and ${hash(sql`o.id::text || 'aligned'`, 2)} = 0`);

  // The strategy document with one published version.
  const sections = {
    vision: '## Vision\n\nEvery merchant sells like the biggest retailer.',
    customers: '## Target customers\n\nMid-market brands.',
    problems: '## Problems we solve\n\n1. Sales lost at checkout.\n2. Reports rebuilt in spreadsheets.',
    nonProblems: '## Problems we will not solve\n\n- Being a marketplace.',
    principles: '## Principles\n\n1. Conversion before features.',
  };
  await db.execute(sql`
    with s as (
      insert into strategies (id, workspace_id, product_id, sections, stories, published_number, dirty, updated_by_id, created_at, updated_at)
      values (gen_random_uuid(), ${ws}::uuid, ${productId}::uuid, ${JSON.stringify(sections)}::jsonb, '{}'::jsonb, 1, false, ${leadId}::uuid, ${nowTs}, ${nowTs})
      returning id
    )
    insert into strategy_versions (id, workspace_id, strategy_id, number, sections, stories, pillars, note, published_by_id, published_at)
    select gen_random_uuid(), ${ws}::uuid, s.id, 1, ${JSON.stringify(sections)}::jsonb, '{}'::jsonb,
      (select coalesce(jsonb_agg(jsonb_build_object('id', id, 'name', name, 'description', description, 'targetShare', target_share, 'status', status) order by position), '[]'::jsonb)
         from pillars where product_id = ${productId}),
      'First version.', ${leadId}::uuid, ${nowTs}
    from s`);

  // The current quarter; product-level objectives owned by the lead, the rest one per component in
  // turn, owned by its PM, each under a product-level parent. One in ten is on no pillar.
  const [period] = rowsOf<{ id: string }>(
    await db.execute(sql`
      insert into okr_periods (id, workspace_id, name, kind, starts_on, ends_on, created_at, updated_at)
      values (gen_random_uuid(), ${ws}::uuid, ${quarter}, 'quarter', ${iso(q0)}::date, ${iso(qEnd)}::date, ${nowTs}, ${nowTs})
      returning id`),
  );
  const periodId = period!.id;
  await db.execute(sql`
    insert into objectives (id, workspace_id, period_id, product_id, component_id, parent_id, owner_id, pillar_id, title, description, status, position, created_at, updated_at)
    select gen_random_uuid(), ${ws}::uuid, ${periodId}::uuid, ${productId}::uuid, null, null, ${leadId}::uuid, pl.id, 'Product objective ' || (g + 1), '', 'active', g, ${nowTs}, ${nowTs}
    from generate_series(0, ${int(productObjectives - 1)}) g
    left join ${pillarsOf} on pl.position = g % ${int(PILLARS.length)}`);
  await db.execute(sql`
    insert into objectives (id, workspace_id, period_id, product_id, component_id, parent_id, owner_id, pillar_id, title, description, status, position, created_at, updated_at)
    select gen_random_uuid(), ${ws}::uuid, ${periodId}::uuid, ${productId}::uuid, c.id, p.id, coalesce(c.owner_id, ${leadId}::uuid), pl.id,
      'Component objective ' || (g + 1), '', 'active', ${int(productObjectives)} + g, ${nowTs}, ${nowTs}
    from generate_series(0, ${int(objectiveCount - productObjectives - 1)}) g
    join ${comps} on c.n = g % ${int(componentCount)}
    join (select id, position from objectives where period_id = ${periodId} and component_id is null) p on p.position = g % ${int(productObjectives)}
    left join ${pillarsOf} on pl.position = g % ${int(PILLARS.length)} and g % 10 <> 9`);

  // Key results, in turn over the objectives: the four types, one in five decreasing (not milestones).
  await db.execute(sql`
    insert into key_results (id, workspace_id, objective_id, title, unit, type, direction, start_value, target_value, owner_id, position, created_at, updated_at)
    select gen_random_uuid(), ${ws}::uuid, o.id, 'Key result ' || (g + 1), t.unit, t.type, t.direction,
      case when t.type = 'milestone' then 0 else t.base end,
      case when t.type = 'milestone' then 1 when t.direction = 'decrease' then round(t.base * 0.4) else round(t.base * 1.5 + 10) end,
      o.owner_id, g / ${int(objectiveCount)}, ${nowTs}, ${nowTs}
    from generate_series(0, ${int(keyResultCount - 1)}) g
    join (select id, owner_id, row_number() over (order by position, id) - 1 as n from objectives where period_id = ${periodId}) o on o.n = g % ${int(objectiveCount)}
    cross join lateral (
      select (array['number', 'percentage', 'currency', 'milestone'])[1 + g % 4] as type,
        (array['', '%', 'EUR', ''])[1 + g % 4] as unit,
        case when g % 4 <> 3 and g % 5 = 2 then 'decrease' else 'increase' end as direction,
        (10 + ${hash(sql`g::text`, 90)}) * (array[10, 1, 1000, 1])[1 + g % 4] as base
    ) t`);

  // Check-ins over the last 12 weeks, evenly spaced, by the owner: progress towards a reach between
  // 30 % and 120 % of the way. The key results of one objective in ten stopped checking in four weeks
  // ago, so the drift report has stale objectives to list.
  await db.execute(sql`
    insert into key_result_check_ins (id, workspace_id, key_result_id, value, progress, confidence, status, note, author_id, created_at)
    select gen_random_uuid(), ${ws}::uuid, k.id, v.value,
      case when k.type = 'milestone' then v.value else least(1, greatest(0, v.f)) end,
      v.confidence, case when v.confidence >= 7 then 'on_track' when v.confidence >= 4 then 'at_risk' else 'off_track' end,
      case when i % 4 = 0 then 'Weekly check-in: where we stand and what is next.' else '' end, k.owner_id,
      ${nowTs} - ${int(WEEKS * 7)} * interval '1 day' + ((i + 1) * v.span)::float8 / ${int(perKeyResult)} * interval '1 day' - interval '1 hour'
    from key_results k
    join objectives o on o.id = k.objective_id and o.period_id = ${periodId}
    cross join generate_series(0, ${int(perKeyResult - 1)}) i
    cross join lateral (
      select (i + 1)::float8 / ${int(perKeyResult)} * (0.3 + ${hash(sql`k.id::text`, 91)} / 100.0) as f,
        case when o.position % 10 = 7 then ${int(WEEKS * 7 - 28)} else ${int(WEEKS * 7)} end as span,
        3 + ${hash(sql`k.id::text || i::text`, 8)} as confidence
    ) r
    cross join lateral (
      select r.f, r.span, r.confidence,
        case when k.type = 'milestone' then (case when r.f >= 1 then 1 else 0 end)::float8
             else k.start_value + (k.target_value - k.start_value) * r.f end as value
    ) v
    where k.workspace_id = ${ws}`);
  await db.execute(sql`
    update key_results k set current_value = c.value, confidence = c.confidence, confidence_status = c.status, last_check_in_at = c.created_at, updated_at = c.created_at
    from (select distinct on (key_result_id) key_result_id, value, confidence, status, created_at
          from key_result_check_ins where workspace_id = ${ws} order by key_result_id, created_at desc) c
    where c.key_result_id = k.id`);

  // Two driving features per key result, from the product's board.
  await db.execute(sql`
    insert into key_result_features (workspace_id, key_result_id, feature_id)
    select ${ws}::uuid, k.id, f.id
    from key_results k
    join objectives o on o.id = k.objective_id and o.period_id = ${periodId}
    cross join generate_series(0, 1) i
    join (select f.id, row_number() over (order by f.id) - 1 as n, count(*) over () as total
          from features f join components c on c.id = f.component_id
          where c.product_id = ${productId} and f.horizon is not null) f on f.n = abs(hashtext(k.id::text || i::text)) % f.total
    on conflict do nothing`);

  // The embedded database has no autovacuum: fresh statistics for the planner.
  for (const table of ['features', 'pillars', 'opportunities', 'strategies', 'strategy_versions', 'okr_periods', 'objectives', 'key_results', 'key_result_check_ins', 'key_result_features']) {
    await db.execute(sql.raw(`vacuum analyze ${table}`));
  }

  const [counts] = rowsOf<{ objectives: number; key_results: number; check_ins: number; features: number; pillars: number }>(
    await db.execute(sql`select
      (select count(*)::int from objectives where period_id = ${periodId}) as objectives,
      (select count(*)::int from key_results k join objectives o on o.id = k.objective_id where o.period_id = ${periodId}) as key_results,
      (select count(*)::int from key_result_check_ins c join key_results k on k.id = c.key_result_id join objectives o on o.id = k.objective_id where o.period_id = ${periodId}) as check_ins,
      (select count(*)::int from features f join components c on c.id = f.component_id where c.product_id = ${productId}) as features,
      (select count(*)::int from pillars where product_id = ${productId}) as pillars`),
  );
  return {
    productId,
    periodId,
    pillars: counts!.pillars,
    objectives: counts!.objectives,
    keyResults: counts!.key_results,
    checkIns: counts!.check_ins,
    features: counts!.features,
    addedFeatures,
  };
}
