// The benchmark's coaching data, added to a generated workspace (generateWorkspace, and whatever
// generateDiscovery and generateRoadmap made): the default ladder and frameworks, every PM placed on a
// level, 8 quarterly assessments per PM with both sides submitted (11 ratings a side on the default
// framework), 2,000 coaching sessions with agenda, actions, journal entries and notes, a learning log,
// and the PMs' work that coaching signals count: interviews with highlights, who first triaged the
// feedback, evidence they linked, experiments they ran and requirements they revised. All set-based
// SQL, deterministic (hashes of ids rather than random()), fast enough on PGlite.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../src/server/db/client.js';
import { defaultFrameworkId, ensureCoachingDefaults } from '../src/server/modules/frameworks/frameworks.lookup.js';
import { mergeFeedbackPendingLists } from '../src/server/modules/feedback/feedback-import.repository.js';
import { REQUIREMENTS_TEMPLATE } from '../src/server/modules/features/features.template.js';

export interface CoachingGenerated {
  assessments: number;
  sessions: number;
  /** The PM whose signals the bench reads: the owner of the first component, the busiest. */
  signalsPersonId: string;
  /** The last full quarter, the period the signals endpoint is measured over. */
  signalsFrom: string;
  signalsTo: string;
}

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);
const uuids = (ids: readonly string[]) =>
  sql`array[${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )}]::uuid[]`;
const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
/** A stable pseudo-random integer in [0, n) from an SQL expression. */
const hash = (expr: SQL, n: number) => sql`(abs(hashtext(${expr})) % ${sql.raw(String(n))})`;

const DOC_WITH_METRIC = REQUIREMENTS_TEMPLATE.replace('|  |  |  |  |', '| Weekly active merchants using it | 0 | 400 | Six weeks after launch |');
const LEVEL_ROTATION = ['associate-pm', 'junior-pm', 'product-manager', 'product-manager', 'senior-pm', 'senior-pm', 'product-lead'];

/** Adds the coaching data to a generated workspace; `pmIds` are its PMs, the coach is its admin. */
export async function generateCoaching(db: Db, ctx: { workspaceId: string; factor: number; pmIds: string[]; now?: Date }): Promise<CoachingGenerated> {
  const { workspaceId: ws, pmIds } = ctx;
  const now = ctx.now ?? new Date();
  const nowTs = sql`${now.toISOString()}::timestamptz`;
  await ensureCoachingDefaults(db, ws);
  const frameworkId = await defaultFrameworkId(db, ws);
  const [coach] = rowsOf<{ id: string }>(await db.execute(sql`select id from members where workspace_id = ${ws} and role = 'admin' order by created_at limit 1`));
  const coachId = coach!.id;
  const pms = uuids(pmIds);

  // Levels: PMs across the trunk, the admin (who coaches) as product lead.
  await db.execute(sql`
    insert into person_levels (member_id, workspace_id, level_id, since, note)
    select p.id, ${ws}::uuid, l.id, (${nowTs} - (200 + p.n * 7) * interval '1 day')::date, ''
    from unnest(${pms}) with ordinality p(id, n)
    join ladder_levels l on l.workspace_id = ${ws} and l.key = (${sql.raw(`array[${LEVEL_ROTATION.map((k) => `'${k}'`).join(',')}]`)})[1 + (p.n - 1) % ${sql.raw(String(LEVEL_ROTATION.length))}]
    union all
    select ${coachId}::uuid, ${ws}::uuid, l.id, (${nowTs} - interval '900 days')::date, '' from ladder_levels l where l.workspace_id = ${ws} and l.key = 'group-pm'`);

  // Eight quarterly assessments per PM, the latest ending last quarter, both sides submitted.
  const q0 = new Date(Date.UTC(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3, 1));
  const quarters = Array.from({ length: 8 }, (_, i) => {
    const start = new Date(Date.UTC(q0.getUTCFullYear(), q0.getUTCMonth() - 3 * (8 - i), 1));
    const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 3, 0));
    return { label: `${start.getUTCFullYear()}-Q${Math.floor(start.getUTCMonth() / 3) + 1}`, start: iso(start), end: iso(end), n: i };
  });
  const quarterRows = sql.join(
    quarters.map((q) => sql`(${q.label}, ${q.start}::date, ${q.end}::date, ${q.n})`),
    sql`, `,
  );
  await db.execute(sql`
    insert into assessments (id, workspace_id, person_id, coach_id, framework_id, period, period_start, period_end, level_id,
      self_status, coach_status, self_submitted_at, coach_submitted_at, created_at, updated_at)
    select gen_random_uuid(), ${ws}::uuid, p.id, ${coachId}, ${frameworkId}, q.label, q.start_on, q.end_on, pl.level_id, 'submitted', 'submitted',
      least(q.end_on + interval '4 days', ${nowTs}), least(q.end_on + interval '7 days', ${nowTs}), q.end_on - interval '10 days', least(q.end_on + interval '7 days', ${nowTs})
    from unnest(${pms}) p(id)
    cross join (values ${quarterRows}) q(label, start_on, end_on, n)
    left join person_levels pl on pl.member_id = p.id`);
  // Ratings drift up a little over the periods; the coach is a notch stricter than the self view.
  await db.execute(sql`
    insert into assessment_ratings (id, workspace_id, assessment_id, competency_id, rater, rater_id, rating, evidence, links, created_at, updated_at)
    select gen_random_uuid(), ${ws}::uuid, a.id, c.id, s.rater, case s.rater when 'self' then a.person_id else a.coach_id end,
      least(5, greatest(1, 1 + ${hash(sql`a.person_id::text || c.key`, 3)} + (a.period_start - ${quarters[0]!.start}::date) / 276
        + case s.rater when 'self' then 1 else 0 end - ${hash(sql`a.id::text || c.key || s.rater`, 2)})),
      case s.rater when 'self' then 'What I did this quarter, in my words.' else 'What I saw in their work this quarter.' end, '[]'::jsonb,
      a.created_at, coalesce(a.coach_submitted_at, a.created_at)
    from assessments a
    join competencies c on c.framework_id = a.framework_id
    cross join (values ('self'), ('coach')) s(rater)
    where a.workspace_id = ${ws}`);

  // 2,000 sessions across the PMs (at factor 1): one every three weeks or so, the latest one upcoming.
  const sessions = Math.max(pmIds.length, Math.round(2_000 * ctx.factor));
  await db.execute(sql`
    insert into coaching_sessions (id, workspace_id, coach_id, coachee_id, scheduled_at, status, held_at, created_at, updated_at)
    select gen_random_uuid(), ${ws}::uuid, ${coachId}, (${pms})[1 + g % ${pmIds.length}], t.at,
      case when t.at > ${nowTs} then 'scheduled' when g % 17 = 0 then 'cancelled' else 'held' end,
      case when t.at <= ${nowTs} and g % 17 <> 0 then t.at + interval '45 minutes' end,
      t.at - interval '7 days', least(t.at, ${nowTs})
    from generate_series(0, ${sessions - 1}) g
    cross join lateral (select date_trunc('hour', ${nowTs}) + interval '3 days'
      - (ceil(${sessions}::numeric / ${pmIds.length}) - 1 - g / ${pmIds.length}) * interval '21 days' + (g % 5) * interval '1 hour' as at) t`);
  await db.execute(sql`
    insert into coaching_session_items (id, workspace_id, session_id, kind, text, owner_id, due_on, done, position, created_at, updated_at)
    select gen_random_uuid(), ${ws}::uuid, s.id, case when i < 2 then 'agenda' else 'action' end,
      (array['Review the last quarter''s signals', 'The next bigger challenge', 'Follow up with two customers'])[i + 1],
      case when i = 2 then s.coachee_id end, case when i = 2 then (s.scheduled_at + interval '14 days')::date end,
      s.status = 'held' and (i < 2 or ${hash(sql`s.id::text`, 3)} > 0), i, s.created_at, s.created_at
    from coaching_sessions s cross join generate_series(0, 2) i
    where s.workspace_id = ${ws}`);
  await db.execute(sql`
    insert into coaching_journal (id, workspace_id, session_id, coachee_id, competency_id, question_id, question, answer, answered_at, position, created_at, updated_at)
    select gen_random_uuid(), ${ws}::uuid, s.id, s.coachee_id, q.competency_id, q.id, q.text, 'What I would do differently next time, and why.', s.held_at, 0, s.held_at, s.held_at
    from coaching_sessions s
    join (select cq.id, cq.competency_id, cq.text, row_number() over (order by c.position, cq.position, cq.id) - 1 as n, count(*) over () as total
          from coaching_questions cq join competencies c on c.id = cq.competency_id
          where cq.workspace_id = ${ws} and c.framework_id = ${frameworkId}) q on q.n = abs(hashtext(s.id::text)) % q.total
    where s.workspace_id = ${ws} and s.status = 'held'`);
  await db.execute(sql`
    insert into coaching_notes (id, workspace_id, session_id, author_id, kind, body, created_at, updated_at)
    select gen_random_uuid(), ${ws}::uuid, s.id, s.coach_id, case when ${hash(sql`s.id::text`, 5)} = 0 then 'private' else 'shared' end,
      'Agreed next steps, written down together.', s.held_at, s.held_at
    from coaching_sessions s where s.workspace_id = ${ws} and s.status = 'held' and ${hash(sql`s.id::text || 'note'`, 2)} = 0`);
  await db.execute(sql`
    insert into learning_entries (id, workspace_id, person_id, resource, type, competency_id, takeaway, learned_on, created_at, updated_at)
    select gen_random_uuid(), ${ws}::uuid, p.id, 'Reading ' || g, (array['article', 'book', 'course', 'community', 'conference', 'mentor'])[1 + g % 6],
      c.id, 'One idea to try at work.', (${nowTs} - (g * 45) * interval '1 day')::date, ${nowTs}, ${nowTs}
    from unnest(${pms}) p(id) cross join generate_series(0, 3) g
    join (select id, row_number() over (order by position, id) - 1 as n from competencies where framework_id = ${frameworkId}) c on c.n = (g * 3) % 11`);

  // The PMs' work. Who first triaged each item that left the inbox: its component's PM, within three days.
  // One in eight of the triaged items is also linked as evidence by them (made here, with its opportunity).
  await db.execute(sql`
    update feedback f set triaged_by_id = co.owner_id,
      triaged_at = least(f.captured_at + (1 + ${hash(sql`f.id::text`, 72)}) * interval '1 hour', ${nowTs}),
      status = case when f.status = 'triaged' and ${hash(sql`f.id::text || 'link'`, 8)} = 0 then 'linked' else f.status end
    from feedback_components fc join components co on co.id = fc.component_id
    where fc.feedback_id = f.id and f.workspace_id = ${ws} and f.status <> 'new' and co.owner_id is not null and f.triaged_by_id is null`);
  await db.execute(sql`
    insert into opportunities (id, workspace_id, title, problem, status, owner_id, created_at, updated_at)
    select gen_random_uuid(), ${ws}::uuid, 'Opportunity ' || g || ' of ' || left(p.id::text, 8), '', 'open', p.id, ${nowTs}, ${nowTs}
    from unnest(${pms}) p(id) cross join generate_series(0, 9) g`);
  await db.execute(sql`
    insert into evidence (id, workspace_id, opportunity_id, feedback_id, importance, created_by_id, created_at)
    select gen_random_uuid(), ${ws}::uuid, o.id, f.id, f.importance, f.triaged_by_id, least(f.triaged_at + interval '2 hours', ${nowTs})
    from feedback f
    join (select id, owner_id, row_number() over (partition by owner_id order by id) - 1 as n from opportunities where workspace_id = ${ws}) o
      on o.owner_id = f.triaged_by_id and o.n = ${hash(sql`f.id::text`, 10)}
    where f.workspace_id = ${ws} and f.status = 'linked' and f.triaged_by_id is not null`);

  // Interviews: one every two months per PM over two years; two in three have two highlights (feedback
  // from interviews, moved to the interview's day as a highlight is).
  await db.execute(sql`
    insert into interviews (id, workspace_id, title, date, participant_name, interviewer_id, notes, created_at, updated_at)
    select gen_random_uuid(), ${ws}::uuid, 'Customer interview ' || (g + 1), (${nowTs} - (g * 60 + ${hash(sql`p.id::text || g`, 50)}) * interval '1 day')::date,
      'A customer', p.id, 'Notes from the call.', ${nowTs}, ${nowTs}
    from unnest(${pms}) p(id) cross join generate_series(0, 11) g`);
  await db.execute(sql`
    with iv as (select id, date, row_number() over (order by id) as n from interviews where workspace_id = ${ws} and ${hash(sql`id::text`, 3)} <> 0),
    fb as (select id, row_number() over (order by id) as n from feedback where workspace_id = ${ws} and source = 'interview' and interview_id is null)
    update feedback f set interview_id = iv.id, captured_at = (iv.date + (f.captured_at at time zone 'UTC')::time) at time zone 'UTC'
    from fb join iv on iv.n = (fb.n + 1) / 2 where f.id = fb.id`);

  // Experiments: sixteen per PM over two years, most concluded with a result, some still running.
  await db.execute(sql`
    insert into experiments (id, workspace_id, title, hypothesis, type, starts_on, ends_on, status, result, owner_id, created_at, updated_at)
    select gen_random_uuid(), ${ws}::uuid, 'Experiment ' || (g + 1), 'We believe this change will help, measured by a metric.',
      (array['survey', 'prototype_test', 'ab_test', 'fake_door', 'pricing_test'])[1 + g % 5], s.starts_on,
      case when g % 4 = 0 then null else s.starts_on + 21 end,
      case when g % 4 = 0 then 'running' when g % 7 = 0 then 'cancelled' else 'completed' end,
      case when g % 4 = 0 or g % 7 = 0 then null else (array['validated', 'invalidated', 'inconclusive'])[1 + g % 3] end,
      p.id, ${nowTs}, ${nowTs}
    from unnest(${pms}) p(id) cross join generate_series(0, 15) g
    cross join lateral (select (${nowTs} - (g * 45 + ${hash(sql`p.id::text || g`, 30)}) * interval '1 day')::date as starts_on) s`);

  // Requirements: a quarter of the features have a document, revised one to three times by their owner
  // over two years; half of them name a metric, and half have an opportunity of their owner as evidence.
  await db.execute(sql`
    insert into feature_requirements (feature_id, workspace_id, body, revision, updated_by_id, created_at, updated_at)
    select f.id, ${ws}::uuid, case when ${hash(sql`f.id::text || 'metric'`, 2)} = 0 then ${DOC_WITH_METRIC} else ${REQUIREMENTS_TEMPLATE} end,
      1 + ${hash(sql`f.id::text || 'rev'`, 3)}, f.owner_id, ${nowTs}, ${nowTs}
    from features f where f.workspace_id = ${ws} and f.owner_id is not null and ${hash(sql`f.id::text`, 4)} = 0`);
  await db.execute(sql`
    insert into feature_requirement_revisions (id, workspace_id, feature_id, revision, body, author_id, created_at)
    select gen_random_uuid(), ${ws}::uuid, r.feature_id, g, r.body, r.updated_by_id,
      least(${nowTs} - ${hash(sql`r.feature_id::text`, 700)} * interval '1 day' + (g - 1) * interval '6 days', ${nowTs})
    from feature_requirements r cross join lateral generate_series(1, r.revision) g
    where r.workspace_id = ${ws}`);
  await db.execute(sql`
    insert into feature_evidence (id, workspace_id, feature_id, opportunity_id, importance, created_by_id, created_at)
    select gen_random_uuid(), ${ws}::uuid, r.feature_id, o.id, 2, r.updated_by_id, ${nowTs}
    from feature_requirements r
    join (select id, owner_id, row_number() over (partition by owner_id order by id) - 1 as n from opportunities where workspace_id = ${ws}) o
      on o.owner_id = r.updated_by_id and o.n = ${hash(sql`r.feature_id::text`, 10)}
    where r.workspace_id = ${ws} and ${hash(sql`r.feature_id::text || 'evidence'`, 2)} = 0`);

  // The embedded database has no autovacuum: fresh statistics, and the feedback GIN lists merged. On
  // PostgreSQL, vacuuming now keeps autovacuum (200,000 feedback rows were just updated) out of the
  // measured runs.
  for (const table of [
    'person_levels',
    'assessments',
    'assessment_ratings',
    'coaching_sessions',
    'coaching_session_items',
    'coaching_journal',
    'coaching_notes',
    'learning_entries',
    'feedback',
    'opportunities',
    'evidence',
    'interviews',
    'experiments',
    'feature_requirements',
    'feature_requirement_revisions',
    'feature_evidence',
  ]) {
    await db.execute(sql.raw(`vacuum analyze ${table}`));
  }
  await mergeFeedbackPendingLists(db);

  const [counts] = rowsOf<{ assessments: number; sessions: number }>(
    await db.execute(sql`select (select count(*)::int from assessments where workspace_id = ${ws}) as assessments,
      (select count(*)::int from coaching_sessions where workspace_id = ${ws}) as sessions`),
  );
  const last = new Date(q0.getTime() - DAY);
  const lastStart = new Date(Date.UTC(last.getUTCFullYear(), Math.floor(last.getUTCMonth() / 3) * 3, 1));
  return { assessments: counts!.assessments, sessions: counts!.sessions, signalsPersonId: pmIds[0]!, signalsFrom: iso(lastStart), signalsTo: iso(last) };
}
