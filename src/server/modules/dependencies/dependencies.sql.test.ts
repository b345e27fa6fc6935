import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { features } from '../../db/schema/index.js';
import { testDatabase } from '../../test/database.js';
import { workspaceFixture } from '../../test/helpers.js';
import { edgeConflicts } from './dependencies.graph.js';
import { conflictingProductEdges } from './dependencies.repository.js';

/**
 * The conflict list runs the rules in SQL (SQL_CONFLICT) and the rest of the module runs them in
 * TypeScript (edgeConflicts). This holds the two to each other on the real database, over every
 * combination of status, horizon and dates for A and B, so no NULL or boundary case is left to chance.
 * The dates compared (A's start, B's end) take none, an early or a later day; the others (A's end, B's
 * start) only count by being there or not, so they take none or a day: 144 × 144 edges.
 */
describe('conflict rules in SQL', () => {
  it('select exactly the edges edgeConflicts flags, over every combination of plan fields', async () => {
    const f = await workspaceFixture();
    const productId = (await f.admin.post(`${f.w}/products`, { name: 'Rules' })).json<{ id: string }>().id;
    const componentId = (await f.admin.post(`${f.w}/products/${productId}/components`, { name: 'Everything' })).json<{ id: string }>().id;
    const { db } = await testDatabase();
    const side = (name: 'a' | 'b', starts: string, ends: string) => sql`
      insert into features (id, workspace_id, component_id, title, status, horizon, start_date, end_date)
      select gen_random_uuid(), ${f.workspaceId}, ${componentId}, ${name} || '|' || s || '|' || coalesce(h, '-') || '|' || coalesce(sd::text, '-') || '|' || coalesce(ed::text, '-'), s, h, sd, ed
      from unnest(array['idea', 'discovery', 'planned', 'in_progress', 'shipped', 'wont_do']) s,
        unnest(array['now', 'next', 'later', null]) h,
        unnest(${sql.raw(starts)}::date[]) sd,
        unnest(${sql.raw(ends)}::date[]) ed`;
    await db.execute(side('a', `array[null, '2027-03-01', '2027-06-01']`, `array[null, '2027-03-01']`));
    await db.execute(side('b', `array[null, '2027-03-01']`, `array[null, '2027-03-01', '2027-06-01']`));
    await db.execute(sql`
      insert into dependencies (id, workspace_id, feature_id, depends_on_id)
      select gen_random_uuid(), ${f.workspaceId}, a.id, b.id
      from features a join features b on b.workspace_id = a.workspace_id and b.title like 'b|%'
      where a.workspace_id = ${f.workspaceId} and a.title like 'a|%'`);

    const rows = await db
      .select({ title: features.title, status: features.status, horizon: features.horizon, startDate: features.startDate, endDate: features.endDate })
      .from(features)
      .where(eq(features.workspaceId, f.workspaceId));
    const as = rows.filter((r) => r.title.startsWith('a|'));
    const bs = rows.filter((r) => r.title.startsWith('b|'));
    expect([as.length, bs.length]).toEqual([144, 144]);
    const expected = new Set(as.flatMap((a) => bs.filter((b) => edgeConflicts(a, b).length > 0).map((b) => `${a.title} needs ${b.title}`)));
    const selected = new Set((await conflictingProductEdges(db, f.workspaceId, productId)).map((e) => `${e.a.title} needs ${e.b.title}`));
    // Sanity: the combinations do produce conflicts and non-conflicts both.
    expect(expected.size).toBeGreaterThan(1000);
    expect(expected.size).toBeLessThan(144 * 144);
    expect([...selected].filter((k) => !expected.has(k)).slice(0, 5)).toEqual([]);
    expect([...expected].filter((k) => !selected.has(k)).slice(0, 5)).toEqual([]);
  }, 120_000);
});
