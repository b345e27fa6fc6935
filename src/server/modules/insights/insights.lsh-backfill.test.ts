import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { workspaceFixture } from '../../test/helpers.js';
import { backfillLshBatch } from './insights.lsh-backfill.js';
import { seedFeedback } from './insights.test-fixtures.js';
import { lshColumn } from './text/lsh.js';

describe('hash key backfill', () => {
  it('computes the keys of items written without them, batch after batch, and the lookup finds them again', async () => {
    const f = await workspaceFixture();
    const texts = ['Checkout fails with payment declined for valid Visa cards.', 'checkout fails with payment declined for valid visa cards', 'Please add a dark mode.'];
    const ids = await seedFeedback(f.app.db, f.workspaceId, texts);
    await f.app.db.execute(sql`update feedback set lsh = '{}' where workspace_id = ${f.workspaceId}`);
    expect((await f.admin.get(`${f.w}/feedback/${ids[0]}/similar`)).json<{ items: unknown[] }>().items).toEqual([]);

    let after: string | null = null;
    let batches = 0;
    do {
      after = (await backfillLshBatch(f.app.db, after)).last;
      batches++;
    } while (after && batches < 1_000);
    const rows = (await f.app.db.execute(sql`select id, text, lsh from feedback where workspace_id = ${f.workspaceId}`)) as unknown as { rows: { id: string; text: string; lsh: number[] }[] };
    for (const r of rows.rows) expect(r.lsh).toEqual(lshColumn(r.text, f.workspaceId));
    const items = (await f.admin.get(`${f.w}/feedback/${ids[0]}/similar`)).json<{ items: { id: string }[] }>().items;
    expect(items[0]?.id).toBe(ids[1]);
  });
});
