import { describe, expect, it } from 'vitest';
import { TestClient, addMember, signUp, workspaceFixture } from '../../test/helpers.js';
import { seedContact, seedCustomer } from '../opportunities/discovery.fixtures.js';

interface Interview {
  id: string;
  version: number;
  title: string;
  date: string;
  notes: string;
  contact: { id: string; name: string; customer: { id: string; name: string } | null } | null;
  interviewer: { id: string } | null;
  highlightCount: number;
  highlights: { id: string; text: string; importance: number; status: string; opportunityIds: string[]; capturedAt: string }[];
}
const NOTES = '## Checkout\n\nShe said: **paying on mobile takes forever**, and <script>alert(1)</script> they lose orders.';

describe('interviews routes', () => {
  it('records an interview, keeps Markdown raw, and turns highlights into linked feedback', async () => {
    const f = await workspaceFixture();
    const pm = await addMember(f, 'pm');
    const acme = await seedCustomer(f, { name: 'Acme', segment: 'Enterprise', arr: '120000' });
    const contactId = await seedContact(f, acme, 'Carla Buyer');
    const created = await pm.post(`${f.w}/interviews`, { title: 'Checkout pains', date: '2025-04-03', contactId, script: 'How do you pay?', notes: NOTES });
    expect(created.statusCode).toBe(201);
    const interview = created.json<Interview>();
    expect(interview).toMatchObject({
      title: 'Checkout pains',
      date: '2025-04-03',
      notes: NOTES,
      contact: { id: contactId, name: 'Carla Buyer', customer: { id: acme, name: 'Acme' } },
      interviewer: { id: pm.memberId },
      highlights: [],
    });

    const oppId = (await pm.post(`${f.w}/opportunities`, { title: 'Mobile checkout is slow' })).json<{ id: string }>().id;
    const start = NOTES.indexOf('paying');
    const end = NOTES.indexOf('forever') + 'forever'.length;
    const hl = await pm.post(`${f.w}/interviews/${interview.id}/highlights`, { start, end, importance: 3, opportunityId: oppId });
    expect(hl.statusCode).toBe(201);
    const { feedbackId } = hl.json<{ feedbackId: string; opportunityId: string }>();
    expect(hl.json()).toMatchObject({ opportunityId: oppId });

    const fb = (await pm.get(`${f.w}/feedback/${feedbackId}`)).json<{ text: string; source: string; capturedAt: string; customer: { id: string } | null; status: string }>();
    expect(fb).toMatchObject({ text: 'paying on mobile takes forever', source: 'interview', customer: { id: acme }, status: 'linked' });
    expect(fb.capturedAt.slice(0, 10)).toBe('2025-04-03');

    const plain = await pm.post(`${f.w}/interviews/${interview.id}/highlights`, { start: 0, end: 11 });
    expect(plain.statusCode).toBe(201);
    expect(plain.json()).toMatchObject({ opportunityId: null });

    const detail = (await pm.get(`${f.w}/interviews/${interview.id}`)).json<Interview>();
    expect(detail.highlightCount).toBe(2);
    expect(detail.highlights.map((h) => [h.text, h.opportunityIds])).toEqual([
      ['paying on mobile takes forever', [oppId]],
      ['## Checkout', []],
    ]);
    const opp = (await pm.get(`${f.w}/opportunities/${oppId}`)).json<{ evidence: { feedbackCount: number; customerCount: number; arr: string }; feedback: { importance: number }[] }>();
    expect(opp.evidence).toMatchObject({ feedbackCount: 1, customerCount: 1, arr: '120000' });
    expect(opp.feedback[0]!.importance).toBe(3);

    const list = (await pm.get(`${f.w}/interviews?q=carla`)).json<{ total: number; items: Interview[] }>();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ id: interview.id, highlightCount: 2 });
    expect(list.items[0]).not.toHaveProperty('notes');
    expect((await pm.get(`${f.w}/interviews?contactId=${contactId}`)).json<{ total: number }>().total).toBe(1);

    const edited = await pm.patch(`${f.w}/interviews/${interview.id}`, { notes: 'Rewritten', version: 1 });
    expect(edited.json()).toMatchObject({ notes: 'Rewritten', version: 2 });
    expect((await pm.patch(`${f.w}/interviews/${interview.id}`, { notes: 'Stale', version: 1 })).statusCode).toBe(409);
    expect((await pm.delete(`${f.w}/interviews/${interview.id}`)).statusCode).toBe(403);
    expect((await f.admin.delete(`${f.w}/interviews/${interview.id}`)).statusCode).toBe(204);
    // The highlights stay as feedback.
    expect((await pm.get(`${f.w}/feedback/${feedbackId}`)).statusCode).toBe(200);
  });

  it('validates the interview and the highlight range, naming the field, and writes nothing on failure', async () => {
    const f = await workspaceFixture();
    const other = await workspaceFixture();
    const foreignContact = await seedContact(other, await seedCustomer(other, { name: 'Theirs' }), 'Them');
    const base = `${f.w}/interviews`;
    expect((await f.admin.post(base, { title: 'T', date: '2025-13-01' })).json<{ field: string }>().field).toBe('date');
    expect((await f.admin.post(base, { title: '', date: '2025-01-01' })).json<{ field: string }>().field).toBe('title');
    expect((await f.admin.post(base, { title: 'T' })).json<{ field: string }>().field).toBe('date');
    const foreign = await f.admin.post(base, { title: 'T', date: '2025-01-01', contactId: foreignContact });
    expect(foreign.json()).toEqual({ code: 'validation_failed', message: 'contactId: is not a contact of this workspace', field: 'contactId' });

    const id = (await f.admin.post(base, { title: 'T', date: '2025-01-01', participantName: 'Walk-in', notes: 'short notes' })).json<Interview>().id;
    const hl = `${base}/${id}/highlights`;
    expect((await f.admin.post(hl, { start: -1, end: 3 })).json()).toEqual({ code: 'validation_failed', message: 'start: must be within the notes: 0 ≤ start < 11', field: 'start' });
    expect((await f.admin.post(hl, { start: 2, end: 12 })).json<{ field: string }>().field).toBe('end');
    expect((await f.admin.post(hl, { start: 4, end: 4 })).json<{ field: string }>().field).toBe('end');
    expect((await f.admin.post(hl, { start: 5, end: 6 })).json()).toMatchObject({ field: 'end', message: 'end: the selected text is blank' });
    const foreignOpp = (await other.admin.post(`${other.w}/opportunities`, { title: 'Theirs' })).json<{ id: string }>().id;
    expect((await f.admin.post(hl, { start: 0, end: 5, opportunityId: foreignOpp })).json<{ field: string }>().field).toBe('opportunityId');
    expect((await f.admin.get(`${base}/${id}`)).json<Interview>().highlights).toEqual([]);
    expect((await f.admin.get(`${f.w}/feedback`)).json<{ items: unknown[] }>().items).toEqual([]);
  });

  it('keeps interviews from viewers, checks roles and hides other workspaces', async () => {
    const f = await workspaceFixture();
    const viewer = await addMember(f, 'viewer');
    const contributor = await addMember(f, 'contributor');
    const id = (await f.admin.post(`${f.w}/interviews`, { title: 'Secret talk', date: '2025-01-01', notes: 'quotable words' })).json<Interview>().id;
    expect((await new TestClient(f.app).get(`${f.w}/interviews`)).statusCode).toBe(401);
    expect((await viewer.get(`${f.w}/interviews`)).statusCode).toBe(403);
    expect((await viewer.get(`${f.w}/interviews/${id}`)).statusCode).toBe(403);
    expect((await contributor.get(`${f.w}/interviews/${id}`)).statusCode).toBe(200);
    expect((await contributor.post(`${f.w}/interviews`, { title: 'x', date: '2025-01-01' })).statusCode).toBe(403);
    expect((await contributor.post(`${f.w}/interviews/${id}/highlights`, { start: 0, end: 8 })).statusCode).toBe(403);
    const other = await workspaceFixture();
    const res = await other.admin.get(`${other.w}/interviews/${id}`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('Secret');
    expect((await other.admin.post(`${other.w}/interviews/${id}/highlights`, { start: 0, end: 8 })).statusCode).toBe(404);
    const outsider = await signUp(f.app);
    expect((await outsider.get(`${f.w}/interviews/${id}`)).statusCode).toBe(404);
  });
});
