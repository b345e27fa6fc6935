import { describe, expect, it } from 'vitest';
import { workspaceFixture } from '../../test/helpers.js';
import { seedFeedback } from '../insights/insights.test-fixtures.js';
import { listFeedbackRows, type FeedbackListFilter } from './feedback-list.repository.js';

/** Every page of a search, following the cursor as the service does. */
async function allPages(f: { app: { db: Parameters<typeof listFeedbackRows>[0] } }, filter: FeedbackListFilter): Promise<string[]> {
  const ids: string[] = [];
  let after: FeedbackListFilter['after'];
  for (let page = 0; page < 200; page++) {
    const rows = await listFeedbackRows(f.app.db, { ...filter, after });
    ids.push(...rows.map((r) => r.id));
    if (rows.length < filter.limit) break;
    const last = rows[rows.length - 1]!;
    after = { capturedAt: last.capturedAtKey, id: last.id };
  }
  return ids;
}

describe('inbox search plans', () => {
  it('finds the same matches in the same order whether the window or the full-text index serves them', async () => {
    const f = await workspaceFixture();
    // Items are captured a minute apart (seedFeedback), newest last: "wish list" is common, "okta" rare,
    // "zebra" absent; "crash" appears with and without "pricing".
    const texts = Array.from({ length: 60 }, (_, i) =>
      [i % 2 === 0 ? 'The wish list is slow' : 'Checkout works', i % 15 === 0 ? 'we need Okta' : '', i % 4 === 0 ? 'it may crash' : '', i % 8 === 0 ? 'pricing too' : ''].join('. '),
    );
    await seedFeedback(f.app.db, f.workspaceId, texts);
    for (const q of ['"wish list"', 'okta', 'zebra', '"wish list" crash -pricing', 'okta or crash']) {
      const reference = await allPages(f, { workspaceId: f.workspaceId, q, includeMerged: false, limit: 1_000, searchWindow: 1_000 });
      for (const searchWindow of [1, 3, 10]) {
        for (const limit of [1, 4, 50]) {
          expect(await allPages(f, { workspaceId: f.workspaceId, q, includeMerged: false, limit, searchWindow }), `${q} window ${searchWindow} limit ${limit}`).toEqual(reference);
        }
      }
      const expected = texts.filter((t) => matches(q, t)).length;
      expect(reference, q).toHaveLength(expected);
    }
  });
});

/** What the queries above should match, written out by hand. */
function matches(q: string, text: string): boolean {
  const has = (w: string) => text.toLowerCase().includes(w);
  switch (q) {
    case '"wish list"':
      return has('wish list');
    case 'okta':
      return has('okta');
    case 'zebra':
      return false;
    case '"wish list" crash -pricing':
      return has('wish list') && has('crash') && !has('pricing');
    default:
      return has('okta') || has('crash');
  }
}
