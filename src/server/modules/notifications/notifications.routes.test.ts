import { describe, expect, it } from 'vitest';
import { testDatabase } from '../../test/database.js';
import { addMember, workspaceFixture } from '../../test/helpers.js';
import { notify } from './notifications.service.js';

describe('notifications', () => {
  it('shows each person their own notifications with an unread count, and marks them read', async () => {
    const f = await workspaceFixture();
    const pm = await addMember(f, 'pm');
    const { db } = await testDatabase();
    await notify(db, { workspaceId: f.workspaceId, userIds: [pm.userId, pm.userId], kind: 'test', title: 'One', body: 'b', link: '/x' });
    await notify(db, { workspaceId: f.workspaceId, userIds: [pm.userId], kind: 'test', title: 'Two' });
    const list = (await pm.get(`${f.w}/notifications`)).json<{ items: { id: string; title: string; readAt: string | null }[]; unread: number; total: number }>();
    expect(list).toMatchObject({ unread: 2, total: 2 });
    expect(list.items.map((n) => n.title).sort()).toEqual(['One', 'Two']);
    const adminBell = (await f.admin.get(`${f.w}/notifications`)).json<{ items: { title: string }[] }>().items.map((n) => n.title);
    expect(adminBell).not.toContain('One');
    expect((await f.admin.post(`${f.w}/notifications/${list.items[0]!.id}/read`)).statusCode).toBe(404);
    const one = await pm.post(`${f.w}/notifications/${list.items[0]!.id}/read`);
    expect(one.statusCode).toBe(200);
    expect(one.json<{ readAt: string | null }>().readAt).not.toBeNull();
    expect((await pm.get(`${f.w}/notifications`)).json<{ unread: number }>().unread).toBe(1);
    expect((await pm.post(`${f.w}/notifications/read-all`)).json()).toEqual({ updated: 1 });
    expect((await pm.get(`${f.w}/notifications`)).json<{ unread: number }>().unread).toBe(0);
  });
});
