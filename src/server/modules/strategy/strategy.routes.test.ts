import { beforeAll, describe, expect, it } from 'vitest';
import type { StrategyDiff, StrategyDoc, StrategyProposal, StrategyProposalDetail, StrategyProposalList, StrategyVersion, StrategyVersionList } from '../../../shared/contracts.js';
import { testDatabase } from '../../test/database.js';
import { TestClient, addMember, testApp, workspaceFixture, type Fixture } from '../../test/helpers.js';
import { insertPillarRow, setPillarTargetShare } from './strategy.fixtures.js';

type Client = TestClient & { memberId?: string };

async function product(f: Fixture, name = 'Atlas'): Promise<{ id: string; url: string }> {
  const id = (await f.admin.post(`${f.w}/products`, { name })).json<{ id: string }>().id;
  return { id, url: `${f.w}/products/${id}/strategy` };
}
const put = (c: Client, url: string, body: unknown) => c.request('PUT', url, body);

async function audit(f: Fixture) {
  return (await f.admin.get(`${f.w}/audit-log?limit=200`)).json<{ items: { action: string; summary: string; changes: Record<string, [unknown, unknown]> | null }[] }>().items;
}
async function notifications(f: Fixture, c: Client) {
  return (await c.get(`${f.w}/notifications`)).json<{ items: { kind: string; title: string; link: string | null }[] }>().items;
}
const inserted = (d: { parts: { value: string; added?: boolean }[] }) => d.parts.filter((p) => p.added).map((p) => p.value).join('');
const removed = (d: { parts: { value: string; removed?: boolean }[] }) => d.parts.filter((p) => p.removed).map((p) => p.value).join('');

async function addPillar(workspaceId: string, productId: string, name: string, targetShare = 30): Promise<string> {
  const { db } = await testDatabase();
  return insertPillarRow(db, { workspaceId, productId, name, targetShare });
}

describe('strategy routes', () => {
  beforeAll(async () => void (await testApp()));

  it('reads an empty draft, writes sections with versions, and answers 409 on a stale write', async () => {
    const f = await workspaceFixture();
    const lead = await addMember(f, 'lead', 'Lee Lead');
    const { url } = await product(f);

    const empty = (await lead.get(url)).json<StrategyDoc>();
    expect(empty).toMatchObject({ productName: 'Atlas', version: 0, publishedNumber: 0, dirty: false, published: null, pillars: [], pendingProposals: 0, updatedBy: null });
    expect(empty.sections).toEqual({ vision: '', customers: '', problems: '', nonProblems: '', principles: '' });

    const first = await put(lead, url, { sections: { vision: 'Be the **billing** tool of Europe' }, version: empty.version });
    expect(first.statusCode).toBe(200);
    const doc = first.json<StrategyDoc>();
    expect(doc).toMatchObject({ sections: { vision: 'Be the **billing** tool of Europe', customers: '' }, dirty: true, updatedBy: { id: lead.memberId, name: 'Lee Lead' } });
    expect(doc.version).toBeGreaterThan(0);

    // Keys not given stay; stories too.
    const second = (await put(lead, url, { sections: { customers: 'Finance teams' }, stories: { short: 'We make billing boring.' }, version: doc.version })).json<StrategyDoc>();
    expect(second.sections).toMatchObject({ vision: 'Be the **billing** tool of Europe', customers: 'Finance teams' });
    expect(second.stories).toEqual({ short: 'We make billing boring.', medium: '', long: '' });
    expect(second.version).toBe(doc.version + 1);

    const stale = await put(f.admin, url, { sections: { vision: 'Stale' }, version: doc.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ code: string; field: string }>()).toMatchObject({ code: 'version_conflict', field: 'version' });
    const staleCreate = await put(f.admin, (await product(f, 'Other')).url, { sections: { vision: 'x' }, version: 3 });
    expect(staleCreate.statusCode).toBe(409);
    const noVersion = await put(f.admin, url, { sections: { vision: 'No version' } });
    expect(noVersion.statusCode).toBe(400);
    expect(noVersion.json<{ field: string }>().field).toBe('version');
    const badSection = await put(lead, url, { sections: { mission: 'x' }, version: second.version });
    expect(badSection.statusCode).toBe(400);
    expect((await lead.get(url)).json<StrategyDoc>().version).toBe(second.version);

    const entries = (await audit(f)).filter((e) => e.action === 'strategy.update');
    expect(entries).toHaveLength(2);
    expect(entries[0]!.summary).toContain('Edited the strategy draft of Atlas');
    expect(entries[0]!.changes).toEqual({ customers: ['', 'Finance teams'], 'story.short': ['', 'We make billing boring.'] });
  });

  it('lets only leads and admins write and publish; viewers read the published text only', async () => {
    const f = await workspaceFixture();
    const lead = await addMember(f, 'lead');
    const pm = await addMember(f, 'pm');
    const contributor = await addMember(f, 'contributor');
    const viewer = await addMember(f, 'viewer');
    const { url } = await product(f);

    expect((await put(pm, url, { sections: { vision: 'PM wrote it' } })).statusCode).toBe(403);
    expect((await put(contributor, url, { sections: { vision: 'x' } })).statusCode).toBe(403);
    expect((await new TestClient(f.app).get(url)).statusCode).toBe(401);
    const emptyPublish = await lead.post(`${url}/publish`, {});
    expect(emptyPublish.statusCode).toBe(400);
    expect(emptyPublish.json<{ field: string }>().field).toBe('sections');

    const v = (await put(lead, url, { sections: { vision: 'Secret draft vision' } })).json<StrategyDoc>().version;
    expect((await pm.post(`${url}/publish`, {})).statusCode).toBe(403);
    expect((await contributor.post(`${url}/publish`, {})).statusCode).toBe(403);
    const published = await lead.post(`${url}/publish`, { note: 'First cut' });
    expect(published.statusCode).toBe(200);
    expect(published.json<StrategyDoc>()).toMatchObject({ publishedNumber: 1, dirty: false, published: { number: 1, note: 'First cut', sections: { vision: 'Secret draft vision' } } });
    expect((await lead.post(`${url}/publish`, {})).json<{ message: string }>().message).toBe('sections: nothing changed since v1');

    await put(lead, url, { sections: { vision: 'Next draft vision' }, version: v });
    const seen = (await viewer.get(url)).json<StrategyDoc>();
    expect(seen).toMatchObject({ sections: null, stories: null, dirty: false, publishedNumber: 1, published: { sections: { vision: 'Secret draft vision' } } });
    expect(JSON.stringify(seen)).not.toContain('Next draft vision');
    expect((await viewer.get(`${url}/versions/1/diff/draft`)).statusCode).toBe(404);
    expect((await viewer.get(`${url}/versions/1`)).statusCode).toBe(200);
    expect((await viewer.get(`${url}/proposals`)).statusCode).toBe(403);
    expect((await contributor.get(url)).json<StrategyDoc>()).toMatchObject({ sections: { vision: 'Next draft vision' }, dirty: true });
  });

  it('publishes versions with pillars, notifies the product’s members, lists and diffs them by id, number or draft', async () => {
    const f = await workspaceFixture();
    const lead = await addMember(f, 'lead', 'Lee Lead');
    const owner = await addMember(f, 'pm', 'Olivia Owner');
    const otherPm = await addMember(f, 'pm', 'Nils Notowner');
    const { id: productId, url } = await product(f);
    expect((await f.admin.post(`${f.w}/products/${productId}/components`, { name: 'Billing', ownerId: owner.memberId })).statusCode).toBe(201);
    const speed = await addPillar(f.workspaceId, productId, 'Speed', 40);

    let doc = (await put(lead, url, { sections: { vision: 'Win the mid-market', problems: 'Invoices are slow' } })).json<StrategyDoc>();
    expect(doc.pillars).toEqual([{ id: speed, name: 'Speed', description: 'Speed matters', targetShare: 40, status: 'active' }]);
    await lead.post(`${url}/publish`, { note: 'v1' });
    doc = (await put(lead, url, { sections: { vision: 'Win the European mid-market', problems: '' }, version: doc.version })).json<StrategyDoc>();
    const trust = await addPillar(f.workspaceId, productId, 'Trust', 20);
    const v2 = (await lead.post(`${url}/publish`, { note: 'Europe first' })).json<StrategyDoc>();
    expect(v2).toMatchObject({ publishedNumber: 2, dirty: false, published: { number: 2, publishedBy: { id: lead.memberId, name: 'Lee Lead' } } });
    expect(v2.published!.pillars.map((p) => p.name)).toEqual(['Speed', 'Trust']);

    // The owner PM, the admin are told; a PM owning nothing here and the publisher are not.
    for (const who of [owner, f.admin]) {
      const n = (await notifications(f, who)).filter((x) => x.kind === 'strategy.published');
      expect(n.map((x) => x.title)).toEqual(['Lee Lead published v2 of the Atlas strategy', 'Lee Lead published v1 of the Atlas strategy']);
      expect(n[0]!.link).toBe(`/w/${f.workspaceId}/strategy?productId=${productId}`);
    }
    expect((await notifications(f, otherPm)).filter((x) => x.kind === 'strategy.published')).toEqual([]);
    expect((await notifications(f, lead)).filter((x) => x.kind === 'strategy.published')).toEqual([]);

    const list = (await otherPm.get(`${url}/versions`)).json<StrategyVersionList>();
    expect(list.items.map((v) => [v.number, v.note])).toEqual([
      [2, 'Europe first'],
      [1, 'v1'],
    ]);
    const byId = (await otherPm.get(`${url}/versions/${list.items[1]!.id}`)).json<StrategyVersion>();
    expect(byId).toMatchObject({ number: 1, sections: { vision: 'Win the mid-market', problems: 'Invoices are slow' } });
    expect(byId.pillars.map((p) => p.name)).toEqual(['Speed']);

    const diff = (await otherPm.get(`${url}/versions/1/diff/${list.items[0]!.id}`)).json<StrategyDiff>();
    expect(diff).toMatchObject({ from: { label: 'v1', number: 1 }, to: { label: 'v2', number: 2 }, changed: true });
    expect(inserted(diff.sections.vision)).toContain('European');
    expect(removed(diff.sections.problems)).toBe('Invoices are slow');
    expect(diff.sections.customers.changed).toBe(false);
    expect(diff.pillars.added.map((p) => p.id)).toEqual([trust]);

    // Against the draft: live pillars count.
    const { db } = await testDatabase();
    await setPillarTargetShare(db, speed, 55);
    const draftDiff = (await lead.get(`${url}/versions/2/diff/draft`)).json<StrategyDiff>();
    expect(draftDiff).toMatchObject({ to: { ref: 'draft', number: null, label: 'Draft' }, changed: true });
    expect(draftDiff.pillars.changed).toMatchObject([{ id: speed, fields: ['targetShare'], before: { targetShare: 40 }, after: { targetShare: 55 } }]);
    expect((await lead.get(`${url}/versions/2/diff/2`)).json<StrategyDiff>().changed).toBe(false);

    for (const bad of ['9', 'nope', '00000000-0000-4000-8000-000000000000']) {
      const res = await lead.get(`${url}/versions/${bad}/diff/draft`);
      expect(res.statusCode, bad).toBe(404);
      expect(res.json()).toEqual({ code: 'not_found', message: 'Version not found' });
      expect((await lead.get(`${url}/versions/${bad}`)).statusCode).toBe(404);
    }
    const publishes = (await audit(f)).filter((e) => e.action === 'strategy.publish');
    expect(publishes.map((e) => e.summary)).toEqual(['Published v2 of the strategy of Atlas: Europe first', 'Published v1 of the strategy of Atlas: v1']);
  });

  it('lets PMs propose and comment; the lead accepts into the draft or rejects, once; the author withdraws', async () => {
    const f = await workspaceFixture();
    const lead = await addMember(f, 'lead', 'Lee Lead');
    const pm = await addMember(f, 'pm', 'Pia PM');
    const otherPm = await addMember(f, 'pm', 'Paul PM');
    const contributor = await addMember(f, 'contributor');
    const { url } = await product(f);
    const v = (await put(lead, url, { sections: { vision: 'Win the mid-market' } })).json<StrategyDoc>().version;
    await lead.post(`${url}/publish`, {});

    const noRationale = await pm.post(`${url}/proposals`, { section: 'vision', text: 'Win the European mid-market', rationale: '  ' });
    expect(noRationale.statusCode).toBe(400);
    expect(noRationale.json<{ field: string }>().field).toBe('rationale');
    const badSection = await pm.post(`${url}/proposals`, { section: 'mission', text: 'x', rationale: 'y' });
    expect(badSection.json<{ field: string }>().field).toBe('section');
    const same = await pm.post(`${url}/proposals`, { section: 'vision', text: 'Win the mid-market', rationale: 'y' });
    expect(same.json<{ field: string }>().field).toBe('text');
    expect((await contributor.post(`${url}/proposals`, { section: 'vision', text: 'x', rationale: 'y' })).statusCode).toBe(403);

    const made = await pm.post(`${url}/proposals`, { section: 'vision', text: 'Win the European mid-market', rationale: 'Our growth is in Europe' });
    expect(made.statusCode).toBe(201);
    const proposal = made.json<StrategyProposalDetail>();
    expect(proposal).toMatchObject({ section: 'vision', baseText: 'Win the mid-market', status: 'pending', stale: false, author: { id: pm.memberId, name: 'Pia PM' }, comments: [], commentCount: 0 });
    expect(inserted(proposal.diff)).toContain('European');
    for (const who of [lead, f.admin]) {
      expect((await notifications(f, who)).find((n) => n.kind === 'strategy.proposal.created')?.title).toBe('Pia PM proposed a change to “Vision” of the Atlas strategy');
    }
    expect((await notifications(f, otherPm)).filter((n) => n.kind === 'strategy.proposal.created')).toEqual([]);
    const p = `${url}/proposals/${proposal.id}`;

    const comment = await otherPm.post(`${p}/comments`, { body: 'Does that include the UK?' });
    expect(comment.statusCode).toBe(201);
    expect(comment.json()).toMatchObject({ body: 'Does that include the UK?', author: { id: otherPm.memberId, name: 'Paul PM' } });
    expect((await otherPm.post(`${p}/comments`, { body: '' })).json<{ field: string }>().field).toBe('body');
    expect((await notifications(f, pm)).map((n) => n.kind)).toContain('strategy.proposal.comment');
    expect((await lead.get(url)).json<StrategyDoc>().pendingProposals).toBe(1);

    const second = (await otherPm.post(`${url}/proposals`, { section: 'principles', text: 'Boring is good', rationale: 'Reliability' })).json<StrategyProposal>();
    const list = (await pm.get(`${url}/proposals`)).json<StrategyProposalList>();
    expect(list.items.map((x) => [x.id, x.commentCount])).toEqual([
      [second.id, 0],
      [proposal.id, 1],
    ]);
    const detail = (await lead.get(p)).json<StrategyProposalDetail>();
    expect(detail.comments.map((c) => c.body)).toEqual(['Does that include the UK?']);

    expect((await pm.post(`${p}/decision`, { accept: true })).statusCode).toBe(403);
    expect((await lead.post(`${p}/decision`, { accept: 'yes' })).json<{ field: string }>().field).toBe('accept');
    const accepted = await lead.post(`${p}/decision`, { accept: true, comment: 'Yes, UK included' });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json<StrategyProposalDetail>()).toMatchObject({ status: 'accepted', decidedBy: { id: lead.memberId }, decisionComment: 'Yes, UK included' });
    const after = (await lead.get(url)).json<StrategyDoc>();
    expect(after).toMatchObject({ sections: { vision: 'Win the European mid-market' }, dirty: true, pendingProposals: 1 });
    expect(after.version).toBeGreaterThan(v);
    const again = await f.admin.post(`${p}/decision`, { accept: false });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ code: string }>().code).toBe('conflict');
    expect((await notifications(f, pm)).find((n) => n.kind === 'strategy.proposal.accepted')?.title).toBe('Lee Lead accepted your proposal for “Vision” of the Atlas strategy');

    // Only the author withdraws (anyone else: not found); a withdrawn proposal cannot be decided.
    const s = `${url}/proposals/${second.id}`;
    expect((await pm.post(`${s}/withdraw`)).statusCode).toBe(404);
    expect((await lead.post(`${s}/withdraw`)).statusCode).toBe(404);
    expect((await otherPm.post(`${s}/withdraw`)).json<StrategyProposal>().status).toBe('withdrawn');
    expect((await otherPm.post(`${s}/withdraw`)).statusCode).toBe(409);
    expect((await lead.post(`${s}/decision`, { accept: true })).statusCode).toBe(409);
    expect((await pm.get(`${url}/proposals?status=withdrawn`)).json<StrategyProposalList>().items.map((x) => x.id)).toEqual([second.id]);
    expect((await pm.get(`${url}/proposals?status=maybe`)).statusCode).toBe(400);

    // A rejected proposal leaves the draft alone.
    const third = (await pm.post(`${url}/proposals`, { section: 'customers', text: 'Everyone', rationale: 'Bigger market' })).json<StrategyProposal>();
    const rejected = (await lead.post(`${url}/proposals/${third.id}/decision`, { accept: false })).json<StrategyProposal>();
    expect(rejected.status).toBe('rejected');
    expect((await lead.get(url)).json<StrategyDoc>().sections!.customers).toBe('');

    const actions = (await audit(f)).map((e) => e.action);
    for (const a of ['strategy.proposal.create', 'strategy.proposal.comment', 'strategy.proposal.accept', 'strategy.proposal.reject', 'strategy.proposal.withdraw']) expect(actions).toContain(a);
    const acceptEntry = (await audit(f)).find((e) => e.action === 'strategy.proposal.accept')!;
    expect(acceptEntry.changes).toMatchObject({ status: ['pending', 'accepted'], vision: ['Win the mid-market', 'Win the European mid-market'] });
  });

  it('answers 404 for another workspace’s product and proposal, and for unknown ones', async () => {
    const f = await workspaceFixture();
    const other = await workspaceFixture();
    const { url } = await product(f);
    await put(f.admin, url, { sections: { vision: 'Ours' } });
    await f.admin.post(`${url}/publish`, {});
    const proposal = (await f.admin.post(`${url}/proposals`, { section: 'vision', text: 'Ours, better', rationale: 'Better' })).json<StrategyProposal>();
    const theirs = url.replace(f.w, other.w);
    const calls: [string, string, unknown?][] = [
      ['GET', theirs],
      ['PUT', theirs, { sections: { vision: 'Taken' } }],
      ['POST', `${theirs}/publish`, {}],
      ['GET', `${theirs}/versions`],
      ['GET', `${theirs}/versions/1`],
      ['GET', `${theirs}/versions/1/diff/draft`],
      ['GET', `${theirs}/proposals`],
      ['POST', `${theirs}/proposals`, { section: 'vision', text: 'x', rationale: 'y' }],
      ['GET', `${theirs}/proposals/${proposal.id}`],
      ['POST', `${theirs}/proposals/${proposal.id}/comments`, { body: 'Hi' }],
      ['POST', `${theirs}/proposals/${proposal.id}/decision`, { accept: true }],
      ['POST', `${theirs}/proposals/${proposal.id}/withdraw`, {}],
    ];
    for (const [method, u, body] of calls) expect((await other.admin.request(method as 'GET', u, body)).statusCode, `${method} ${u}`).toBe(404);
    // Their workspace, our path: the workspace itself is not theirs.
    expect((await other.admin.get(url)).statusCode).toBe(404);
    // A proposal of another product of the same workspace is not this product's.
    const { url: second } = await product(f, 'Beacon');
    expect((await f.admin.get(`${second}/proposals/${proposal.id}`)).statusCode).toBe(404);
    expect((await f.admin.get(`${f.w}/products/00000000-0000-4000-8000-000000000000/strategy`)).json()).toEqual({ code: 'not_found', message: 'Product not found' });
    expect((await f.admin.get(url)).json<StrategyDoc>().sections!.vision).toBe('Ours');
  });
});
