import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { strategies, strategyProposals } from '../../db/schema/index.js';
import { newId } from '../../lib/ids.js';
import { testDatabase } from '../../test/database.js';
import { addMember, workspaceFixture, type Fixture } from '../../test/helpers.js';
import { proposalLabel } from './assessments.proposals.repository.js';
import { put, type AssessmentJson, type RatingsJson } from './assessments.test-fixtures.js';

/** A strategy proposal of the workspace, written straight into the database (the strategy API is another module's). */
async function proposal(f: Fixture, authorId: string, section: string, text: string): Promise<string> {
  const { db } = await testDatabase();
  const productId = (await f.admin.post(`${f.w}/products`, { name: `Product ${newId().slice(0, 6)}` })).json<{ id: string }>().id;
  const strategyId = newId();
  await db.insert(strategies).values({ id: strategyId, workspaceId: f.workspaceId, productId });
  const id = newId();
  await db.insert(strategyProposals).values({ id, workspaceId: f.workspaceId, strategyId, section, text, rationale: 'Because', authorId });
  return id;
}

describe('assessment evidence linking a strategy proposal', () => {
  it('accepts a proposal of the workspace, labelled with its section and a snippet; refuses another workspace’s', async () => {
    const f = await workspaceFixture();
    const other = await workspaceFixture();
    const lead = await addMember(f, 'lead', 'Lee Lead');
    const pm = await addMember(f, 'pm', 'Pia PM');
    const otherPm = await addMember(other, 'pm', 'Otto PM');
    const mine = await proposal(f, pm.memberId, 'nonProblems', 'We will not build a general-purpose BI tool; teams export to the one they have.');
    const theirs = await proposal(other, otherPm.memberId, 'vision', 'Theirs');

    const a = (await lead.post(`${f.w}/people/${pm.memberId}/assessments`, { period: '2027-Q1' })).json<AssessmentJson>();
    const url = `${f.w}/assessments/${a.id}/ratings`;
    const c0 = (await pm.get(url)).json<RatingsJson>().competencies[0]!.competencyId;

    const foreign = await put(pm, url, { side: 'self', ratings: [{ competencyId: c0, rating: 3, links: [{ type: 'proposal', id: theirs }] }] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json()).toMatchObject({ field: 'ratings.0.links.0.id', message: 'ratings.0.links.0.id: is not a strategy proposal of this workspace' });
    // A proposal's id is not a status update's (update links are validated by their own type).
    const decision = await put(pm, url, { side: 'self', ratings: [{ competencyId: c0, rating: 3, links: [{ type: 'update', id: mine }] }] });
    expect(decision.json()).toMatchObject({ field: 'ratings.0.links.0.id', message: 'ratings.0.links.0.id: is not a status update of this workspace' });

    const saved = await put(pm, url, { side: 'self', ratings: [{ competencyId: c0, rating: 4, links: [{ type: 'proposal', id: mine }] }] });
    expect(saved.statusCode).toBe(200);
    const label = 'Problems we will not solve proposal: “We will not build a general-purpose BI tool; teams export to the one they have.”';
    expect(saved.json<RatingsJson>().competencies[0]!.self!.links).toEqual([{ type: 'proposal', id: mine, label, exists: true }]);

    // A removed proposal stays named, marked deleted.
    const { db } = await testDatabase();
    await db.delete(strategyProposals).where(eq(strategyProposals.id, mine));
    const after = (await pm.get(url)).json<RatingsJson>().competencies[0]!.self!.links;
    expect(after).toEqual([{ type: 'proposal', id: mine, label: `${label} (deleted)`, exists: false }]);
  }, 120_000);

  it('labels a long or multi-line proposal with a one-line snippet', () => {
    expect(proposalLabel('vision', 'Be the\n\nworkspace   of product leads')).toBe('Vision proposal: “Be the workspace of product leads”');
    const long = proposalLabel('principles', 'x'.repeat(200));
    expect(long).toBe(`Principles proposal: “${'x'.repeat(79)}…”`);
  });
});
