import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POLICY, can, roleAllows, type Action } from './policy.js';
import { ROLES, type Role } from './roles.js';

const actions = Object.keys(POLICY) as Action[];

describe('policy', () => {
  it('lets admins do everything, and viewers only read and their own things', () => {
    for (const action of actions) expect(roleAllows('admin', action), action).toBe(true);
    const viewer = actions.filter((a) => roleAllows('viewer', a));
    // Saving a roadmap view is a viewer's own thing: views are private until shared, which viewers cannot do.
    const own = new Set(['member.leave', 'view.create']);
    expect(viewer.filter((a) => !(a.endsWith('.read') || a.endsWith('-own') || own.has(a)))).toEqual([]);
    expect(roleAllows('viewer', 'view.share')).toBe(false);
  });

  it('keeps structure changes to leads and admins', () => {
    for (const role of ROLES) {
      expect(can({ role, memberId: 'm' }, 'product.create')).toBe(role === 'admin' || role === 'lead');
      expect(can({ role, memberId: 'm' }, 'component.create')).toBe(role === 'admin' || role === 'lead');
    }
  });

  it('lets a PM edit a component only when they own it', () => {
    expect(can({ role: 'pm', memberId: 'me' }, 'component.update', { ownerIds: ['me'] })).toBe(true);
    expect(can({ role: 'pm', memberId: 'me' }, 'component.update', { ownerIds: ['someone'] })).toBe(false);
    expect(can({ role: 'pm', memberId: 'me' }, 'component.update', { ownerIds: [null] })).toBe(false);
    expect(can({ role: 'pm', memberId: 'me' }, 'component.update')).toBe(false);
    expect(can({ role: 'lead', memberId: 'me' }, 'component.update', { ownerIds: ['someone'] })).toBe(true);
    expect(can({ role: 'contributor', memberId: 'me' }, 'component.update', { ownerIds: ['me'] })).toBe(false);
  });

  it('never grants a weaker role what a stronger one lacks (property)', () => {
    const rank: Record<Role, number> = { admin: 4, lead: 3, pm: 2, contributor: 1, viewer: 0 };
    fc.assert(
      fc.property(fc.constantFrom(...actions), fc.constantFrom(...ROLES), fc.constantFrom(...ROLES), (action, a, b) => {
        if (rank[a] < rank[b] && roleAllows(a, action)) expect(roleAllows(b, action)).toBe(true);
      }),
    );
  });

  it('decides only by role and ownership: the same inputs give the same answer (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...actions), fc.constantFrom(...ROLES), fc.uuid(), fc.array(fc.option(fc.uuid())), (action, role, me, owners) => {
        const once = can({ role, memberId: me }, action, { ownerIds: owners });
        expect(can({ role, memberId: me }, action, { ownerIds: [...owners] })).toBe(once);
        if (role !== 'pm') expect(once).toBe(roleAllows(role, action));
      }),
    );
  });
});
