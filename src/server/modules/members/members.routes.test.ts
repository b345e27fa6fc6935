import { describe, expect, it } from 'vitest';
import { addMember, signUp, uniqueEmail, workspaceFixture } from '../../test/helpers.js';

describe('members and invitations', () => {
  it('lists members with id, userId, email, name and role', async () => {
    const f = await workspaceFixture();
    const pm = await addMember(f, 'pm', 'Pat PM');
    const items = (await pm.get(`${f.w}/members`)).json<{ items: Record<string, unknown>[] }>().items;
    expect(items).toHaveLength(2);
    expect(items.find((m) => m.id === pm.memberId)).toMatchObject({ userId: pm.userId, email: pm.email, name: 'Pat PM', role: 'pm', version: 1 });
  });

  it('invites with a role: the link works once, only for the invited email', async () => {
    const f = await workspaceFixture();
    const email = uniqueEmail('invitee');
    const inv = await f.admin.post(`${f.w}/invitations`, { email, role: 'lead' });
    expect(inv.statusCode).toBe(201);
    const { token, url } = inv.json<{ token: string; url: string }>();
    expect(url).toBe(`http://localhost:80/invite/${token}`);
    const preview = await new (await import('../../test/helpers.js')).TestClient(f.app).get(`/api/v1/invitations/${token}`);
    expect(preview.json()).toMatchObject({ workspaceName: 'Test Workspace', role: 'lead', email, status: 'pending', invitedBy: 'Ada Admin' });
    const wrong = await signUp(f.app);
    const refused = await wrong.post(`/api/v1/invitations/${token}/accept`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ message: string }>().message).toContain(email);
    const right = await signUp(f.app, 'Lee Lead', email);
    const ok = await right.post(`/api/v1/invitations/${token}/accept`);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ workspaceId: f.workspaceId, role: 'lead' });
    const again = await right.post(`/api/v1/invitations/${token}/accept`);
    expect(again.json<{ memberId: string }>().memberId).toBe(ok.json<{ memberId: string }>().memberId);
    const list = (await f.admin.get(`${f.w}/invitations`)).json<{ items: { status: string }[] }>().items;
    expect(list[0]!.status).toBe('accepted');
    const bell = (await f.admin.get(`${f.w}/notifications`)).json<{ items: { kind: string }[] }>().items;
    expect(bell.map((n) => n.kind)).toContain('invitation.accepted');
  });

  it('revokes a pending invitation so it can no longer be accepted', async () => {
    const f = await workspaceFixture();
    const email = uniqueEmail('revoked');
    const inv = (await f.admin.post(`${f.w}/invitations`, { email, role: 'pm' })).json<{ id: string; token: string }>();
    expect((await f.admin.delete(`${f.w}/invitations/${inv.id}`)).statusCode).toBe(204);
    const user = await signUp(f.app, 'Late', email);
    const res = await user.post(`/api/v1/invitations/${inv.token}/accept`);
    expect(res.statusCode).toBe(409);
    expect(res.json<{ message: string }>().message).toMatch(/revoked/);
    expect((await f.admin.delete(`${f.w}/invitations/${inv.id}`)).statusCode).toBe(409);
    expect((await user.post('/api/v1/invitations/not-a-real-token-but-long-enough/accept')).statusCode).toBe(404);
  });

  it('rejects a bad invitation with 400 naming the field', async () => {
    const f = await workspaceFixture();
    const res = await f.admin.post(`${f.w}/invitations`, { email: 'nope', role: 'pm' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed', field: 'email' });
    const role = await f.admin.post(`${f.w}/invitations`, { email: 'a@b.test', role: 'owner' });
    expect(role.json<{ field: string }>().field).toBe('role');
    expect((await f.admin.get(`${f.w}/invitations`)).json<{ total: number }>().total).toBe(0);
  });

  it('changes roles with versions, tells the member, and protects the last admin', async () => {
    const f = await workspaceFixture();
    const pm = await addMember(f, 'pm');
    const res = await f.admin.patch(`${f.w}/members/${pm.memberId}`, { role: 'lead', version: 1 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ role: 'lead', version: 2 });
    expect((await f.admin.patch(`${f.w}/members/${pm.memberId}`, { role: 'viewer', version: 1 })).statusCode).toBe(409);
    const bell = (await pm.get(`${f.w}/notifications`)).json<{ items: { kind: string; title: string }[] }>().items;
    expect(bell[0]).toMatchObject({ kind: 'member.role-changed', title: 'Your role is now lead' });
    const adminId = (await f.admin.get(`${f.w}/members`)).json<{ items: { id: string; role: string }[] }>().items.find((m) => m.role === 'admin')!.id;
    const demote = await f.admin.patch(`${f.w}/members/${adminId}`, { role: 'pm', version: 1 });
    expect(demote.statusCode).toBe(409);
    expect(demote.json<{ message: string }>().message).toMatch(/last admin/);
    expect((await f.admin.post(`${f.w}/leave`)).statusCode).toBe(409);
    expect((await pm.patch(`${f.w}/members/${adminId}`, { role: 'viewer', version: 1 })).statusCode).toBe(403);
  });

  it('removes a member, and a member can leave; both lose access', async () => {
    const f = await workspaceFixture();
    const a = await addMember(f, 'contributor');
    const b = await addMember(f, 'viewer');
    expect((await f.admin.delete(`${f.w}/members/${a.memberId}`)).statusCode).toBe(204);
    expect((await a.get(f.w)).statusCode).toBe(404);
    expect((await b.post(`${f.w}/leave`)).statusCode).toBe(204);
    expect((await b.get(f.w)).statusCode).toBe(404);
    const log = (await f.admin.get(`${f.w}/audit-log`)).json<{ items: { action: string }[] }>().items.map((e) => e.action);
    expect(log.slice(0, 2)).toEqual(['member.leave', 'member.remove']);
  });

  it('lets a member edit their own profile', async () => {
    const f = await workspaceFixture();
    const pm = await addMember(f, 'pm', 'Pat');
    const res = await pm.patch(`${f.w}/profile`, { name: 'Pat Morgan', title: 'Senior PM, Checkout' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Pat Morgan', title: 'Senior PM, Checkout', id: pm.memberId });
    expect((await pm.patch(`${f.w}/profile`, { name: '' })).json<{ field: string }>().field).toBe('name');
  });
});
