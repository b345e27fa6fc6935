import { beforeAll, describe, expect, it } from 'vitest';
import { POLICY, can, type Action } from '../../shared/policy.js';
import { ROLES, type Role } from '../../shared/roles.js';
import { notify } from '../modules/notifications/notifications.service.js';
import { testDatabase } from './database.js';
import { TestClient, addMember, signUp, uniqueEmail, workspaceFixture, type Fixture } from './helpers.js';
import type { MatrixBody, MatrixParam } from './matrix-body.js';
import { MATRIX_BODIES as DEPENDENCY_BODIES } from '../modules/dependencies/dependencies.matrix.js';
import { MATRIX_BODIES as FEATURE_BODIES } from '../modules/features/features.matrix.js';
import { MATRIX_BODIES as PRIORITIZATION_BODIES } from '../modules/prioritization/prioritization.matrix.js';
import { MATRIX_BODIES as RELEASE_BODIES } from '../modules/releases/releases.matrix.js';
import { MATRIX_BODIES as ROADMAP_BODIES } from '../modules/roadmap/roadmap.matrix.js';
import { MATRIX_BODIES as LADDERS_BODIES, MATRIX_PARAMS as LADDERS_PARAMS } from '../modules/ladders/ladders.matrix.js';
import { MATRIX_BODIES as FRAMEWORKS_BODIES, MATRIX_PARAMS as FRAMEWORKS_PARAMS } from '../modules/frameworks/frameworks.matrix.js';
import { MATRIX_BODIES as ASSESSMENTS_BODIES, MATRIX_PARAMS as ASSESSMENTS_PARAMS } from '../modules/assessments/assessments.matrix.js';
import { MATRIX_BODIES as COACHING_TEAM_BODIES, MATRIX_PARAMS as COACHING_TEAM_PARAMS } from '../modules/coaching-team/coaching-team.matrix.js';
import { MATRIX_BODIES as COACHING_SESSIONS_BODIES, MATRIX_PARAMS as COACHING_SESSIONS_PARAMS } from '../modules/coaching-sessions/coaching-sessions.matrix.js';
import { MATRIX_BODIES as GROWTH_PLANS_BODIES, MATRIX_PARAMS as GROWTH_PLANS_PARAMS } from '../modules/growth-plans/growth-plans.matrix.js';
import { MATRIX_BODIES as LEARNING_BODIES, MATRIX_PARAMS as LEARNING_PARAMS } from '../modules/learning/learning.matrix.js';
import { MATRIX_BODIES as COACHING_SIGNALS_BODIES, MATRIX_PARAMS as COACHING_SIGNALS_PARAMS } from '../modules/coaching-signals/coaching-signals.matrix.js';
import { MATRIX_BODIES as STRATEGY_BODIES, MATRIX_PARAMS as STRATEGY_PARAMS } from '../modules/strategy/strategy.matrix.js';
import { MATRIX_BODIES as PILLARS_BODIES, MATRIX_PARAMS as PILLARS_PARAMS } from '../modules/pillars/pillars.matrix.js';
import { MATRIX_BODIES as OKRS_BODIES, MATRIX_PARAMS as OKRS_PARAMS } from '../modules/okrs/okrs.matrix.js';
import { MATRIX_BODIES as METRICS_BODIES, MATRIX_PARAMS as METRICS_PARAMS } from '../modules/metrics/metrics.matrix.js';
import { MATRIX_BODIES as DRIFT_BODIES, MATRIX_PARAMS as DRIFT_PARAMS } from '../modules/strategy-drift/strategy-drift.matrix.js';
import { MATRIX_BODIES as REQUESTS_BODIES, MATRIX_PARAMS as REQUESTS_PARAMS } from '../modules/requests/requests.matrix.js';
import { MATRIX_BODIES as RATIONALES_BODIES, MATRIX_PARAMS as RATIONALES_PARAMS } from '../modules/rationales/rationales.matrix.js';
import { MATRIX_BODIES as DECISIONS_BODIES, MATRIX_PARAMS as DECISIONS_PARAMS } from '../modules/decisions/decisions.matrix.js';
import { MATRIX_BODIES as UPDATES_BODIES, MATRIX_PARAMS as UPDATES_PARAMS } from '../modules/status-updates/status-updates.matrix.js';
import { MATRIX_BODIES as REPORTS_BODIES, MATRIX_PARAMS as REPORTS_PARAMS } from '../modules/reports/reports.matrix.js';

type Caller = Role | 'outsider' | 'anonymous';
const CALLERS: Caller[] = [...ROLES, 'outsider', 'anonymous'];

/** Bodies that pass validation, so a route with an ownership rule reaches the service's check. */
const BODIES: Record<string, unknown> = {
  'PATCH /api/v1/workspaces/:workspaceId/products/:productId/components/:componentId': { description: 'edited', version: 1 },
  'PATCH /api/v1/workspaces/:workspaceId/products/:productId': { description: 'edited', version: 1 },
  'PATCH /api/v1/workspaces/:workspaceId': { name: 'Renamed', version: 1 },
  'PATCH /api/v1/workspaces/:workspaceId/members/:memberId': { title: 'Edited', version: 1 },
  'POST /api/v1/workspaces/:workspaceId/products': { name: 'Matrix product' },
  'POST /api/v1/workspaces/:workspaceId/products/:productId/components': { name: 'Matrix component' },
  'POST /api/v1/workspaces/:workspaceId/invitations': { email: 'invitee@example.test', role: 'viewer' },
  'POST /api/v1/workspaces': { name: 'Own workspace' },
  'POST /api/v1/me/tokens': { name: 'matrix' },
  'POST /api/v1/demo': {},
  'POST /api/v1/workspaces/:workspaceId/customers': { name: 'Matrix customer' },
  'PATCH /api/v1/workspaces/:workspaceId/customers/:customerId': { plan: 'Pro', version: 1 },
  'POST /api/v1/workspaces/:workspaceId/customers/:customerId/contacts': { name: 'Matrix contact' },
  'PATCH /api/v1/workspaces/:workspaceId/customers/:customerId/contacts/:contactId': { title: 'CTO', version: 1 },
  'POST /api/v1/workspaces/:workspaceId/feedback': { text: 'Matrix feedback', source: 'other' },
  'PATCH /api/v1/workspaces/:workspaceId/feedback/:feedbackId': { status: 'triaged', version: 1 },
  // Unknown ids answer 404 "… not found" for callers who got through.
  'POST /api/v1/workspaces/:workspaceId/feedback/suggestions': { text: 'Matrix feedback about checkout' },
  'POST /api/v1/workspaces/:workspaceId/feedback/bulk': { ids: ['00000000-0000-4000-8000-000000000000'], action: 'triage' },
  'POST /api/v1/workspaces/:workspaceId/feedback/:feedbackId/merge': { duplicateIds: ['00000000-0000-4000-8000-000000000001'] },
  'POST /api/v1/workspaces/:workspaceId/opportunities': { title: 'Matrix opportunity' },
  'PATCH /api/v1/workspaces/:workspaceId/opportunities/:opportunityId': { title: 'Edited', version: 1 },
  // An unknown feedback id answers 404 "Feedback not found": the caller got through.
  'POST /api/v1/workspaces/:workspaceId/opportunities/:opportunityId/evidence': { feedbackId: '00000000-0000-4000-8000-000000000000' },
  'PUT /api/v1/workspaces/:workspaceId/discovery-settings': { halfLifeDays: 90, version: 1 },
  'POST /api/v1/workspaces/:workspaceId/interviews': { title: 'Matrix interview', date: '2025-01-01' },
  'PATCH /api/v1/workspaces/:workspaceId/interviews/:interviewId': { title: 'Edited', version: 1 },
  'POST /api/v1/workspaces/:workspaceId/interviews/:interviewId/highlights': { start: 0, end: 6 },
  'POST /api/v1/workspaces/:workspaceId/experiments': { hypothesis: 'We believe X will Y, measured by Z', type: 'survey' },
  'PATCH /api/v1/workspaces/:workspaceId/experiments/:experimentId': { learning: 'edited', version: 1 },
};

// Each module of issue 4 keeps the bodies of its routes beside them.
Object.assign(BODIES, FEATURE_BODIES, PRIORITIZATION_BODIES, DEPENDENCY_BODIES, ROADMAP_BODIES, RELEASE_BODIES);
// And so does each coaching module (issue 5), with the makers of the path parameters it introduces.
Object.assign(BODIES, LADDERS_BODIES, FRAMEWORKS_BODIES, ASSESSMENTS_BODIES, COACHING_TEAM_BODIES, COACHING_SESSIONS_BODIES, GROWTH_PLANS_BODIES, LEARNING_BODIES, COACHING_SIGNALS_BODIES);
// And each strategy module (issue 6).
Object.assign(BODIES, STRATEGY_BODIES, PILLARS_BODIES, OKRS_BODIES, METRICS_BODIES, DRIFT_BODIES);
// And each module of issue 7.
Object.assign(BODIES, REQUESTS_BODIES, RATIONALES_BODIES, DECISIONS_BODIES, UPDATES_BODIES, REPORTS_BODIES);
const PARAMS: Record<string, MatrixParam> = Object.assign(
  {},
  LADDERS_PARAMS,
  FRAMEWORKS_PARAMS,
  ASSESSMENTS_PARAMS,
  COACHING_TEAM_PARAMS,
  COACHING_SESSIONS_PARAMS,
  GROWTH_PLANS_PARAMS,
  LEARNING_PARAMS,
  COACHING_SIGNALS_PARAMS,
  STRATEGY_PARAMS,
  PILLARS_PARAMS,
  OKRS_PARAMS,
  METRICS_PARAMS,
  DRIFT_PARAMS,
  REQUESTS_PARAMS,
  RATIONALES_PARAMS,
  DECISIONS_PARAMS,
  UPDATES_PARAMS,
  REPORTS_PARAMS,
);


const DENIED = new Set([401, 403, 404]);

/**
 * Walks every registered /api/v1 route and calls it as each role, as a member of another workspace
 * and anonymously; only the callers the policy allows get through. New routes are covered as they are
 * registered. Path parameters point at fresh records, so destructive routes never starve later calls.
 */
describe('permission matrix', () => {
  let f: Fixture;
  const clients = new Map<Caller, TestClient & { memberId?: string }>();
  let outsiderWorkspace = '';

  beforeAll(async () => {
    f = await workspaceFixture('Matrix');
    clients.set('admin', Object.assign(f.admin, { memberId: (await f.admin.get(`${f.w}/members`)).json<{ items: { id: string }[] }>().items[0]!.id }));
    for (const role of ROLES.filter((r) => r !== 'admin')) clients.set(role, await addMember(f, role));
    const outsider = await signUp(f.app, 'Olga Outsider', uniqueEmail('outsider'));
    outsiderWorkspace = (await outsider.post('/api/v1/workspaces', { name: 'Elsewhere' })).json<{ id: string }>().id;
    clients.set('outsider', outsider);
    clients.set('anonymous', new TestClient(f.app));
  });

  /** Fills the path with fresh records of the matrix workspace (or the caller's own, for account routes). */
  async function fillPath(url: string, caller: Caller, client: TestClient): Promise<string> {
    let path = url.replace(':workspaceId', f.workspaceId);
    if (path.includes(':productId')) {
      const p = (await f.admin.post(`${f.w}/products`, { name: 'Target' })).json<{ id: string }>();
      path = path.replace(':productId', p.id);
      if (path.includes(':componentId')) {
        const c = (await f.admin.post(`${f.w}/products/${p.id}/components`, { name: 'Target component' })).json<{ id: string }>();
        path = path.replace(':componentId', c.id);
      }
    }
    // Discovery records: fresh ones, made by the admin.
    const make = async (url: string, body: unknown) => {
      const res = await f.admin.post(`${f.w}${url}`, body);
      return res.json<{ id?: string }>().id ?? '00000000-0000-4000-8000-000000000000';
    };
    if (path.includes(':customerId')) {
      const customerId = await make('/customers', { name: 'Target customer' });
      path = path.replace(':customerId', customerId);
      if (path.includes(':contactId')) path = path.replace(':contactId', await make(`/customers/${customerId}/contacts`, { name: 'Target contact' }));
    }
    if (path.includes(':feedbackId')) path = path.replace(':feedbackId', await make('/feedback', { text: 'Target feedback about slow search', source: 'other' }));
    if (path.includes(':opportunityId')) path = path.replace(':opportunityId', await make('/opportunities', { title: 'Target opportunity' }));
    if (path.includes(':interviewId')) path = path.replace(':interviewId', await make('/interviews', { title: 'Target interview', date: '2026-11-01', notes: 'Some notes to highlight' }));
    if (path.includes(':experimentId')) path = path.replace(':experimentId', await make('/experiments', { hypothesis: 'We believe X will Y measured by Z', type: 'survey' }));
    // Roadmap records: a fresh component (owned by nobody) holds a fresh feature.
    if (path.includes(':featureId') || path.includes(':dependencyId')) {
      const p = (await f.admin.post(`${f.w}/products`, { name: 'Roadmap target' })).json<{ id: string }>();
      const c = (await f.admin.post(`${f.w}/products/${p.id}/components`, { name: 'Roadmap component' })).json<{ id: string }>();
      const a = await make('/features', { componentId: c.id, title: 'Target feature' });
      path = path.replace(':featureId', a);
      if (path.includes(':dependencyId')) {
        const b = await make('/features', { componentId: c.id, title: 'Target prerequisite' });
        path = path.replace(':dependencyId', await make('/dependencies', { featureId: a, dependsOnId: b }));
      }
    }
    if (path.includes(':releaseId')) {
      const p = (await f.admin.post(`${f.w}/products`, { name: 'Release target' })).json<{ id: string }>();
      path = path.replace(':releaseId', await make('/releases', { productId: p.id, name: 'Target release' }));
    }
    if (path.includes(':viewId')) path = path.replace(':viewId', await make('/roadmap/views', { name: 'Target view', filters: {} }));
    if (path.includes(':revision')) path = path.replace(':revision', '1');
    // Coaching: a fresh PM is the person; each module makes the records its other parameters name.
    if (path.includes(':personId')) path = path.replace(':personId', (await addMember(f, 'pm', 'Target PM')).memberId);
    for (const [param, make] of Object.entries(PARAMS)) {
      if (!path.includes(param)) continue;
      const filled = await make({ admin: f.admin, w: f.w, memberOf: async (role) => (await addMember(f, role, `Target ${role}`)).memberId });
      for (const [name, id] of Object.entries(filled)) path = path.replace(name, id);
    }
    if (path.includes(':memberId')) path = path.replace(':memberId', (await addMember(f, 'viewer', 'Target member')).memberId);
    if (path.includes(':invitationId')) {
      path = path.replace(':invitationId', (await f.admin.post(`${f.w}/invitations`, { email: uniqueEmail('target'), role: 'viewer' })).json<{ id: string }>().id);
    }
    if (path.includes(':notificationId')) {
      const { db } = await testDatabase();
      const before = (await f.admin.get(`${f.w}/notifications`)).json<{ items: { id: string }[] }>().items.length;
      await notify(db, { workspaceId: f.workspaceId, userIds: [client.userId || f.admin.userId], kind: 'test', title: 'Matrix' });
      const mine = caller === 'anonymous' || caller === 'outsider' ? f.admin : client;
      const items = (await mine.get(`${f.w}/notifications`)).json<{ items: { id: string }[] }>().items;
      path = path.replace(':notificationId', items[0]?.id ?? String(before));
    }
    if (path.includes(':tokenId')) {
      const owner = caller === 'anonymous' ? f.admin : client;
      path = path.replace(':tokenId', (await owner.post('/api/v1/me/tokens', { name: 'target' })).json<{ id: string }>().id);
    }
    if (path.includes(':token')) {
      const email = caller === 'anonymous' ? uniqueEmail('anon') : client.email;
      path = path.replace(':token', (await f.admin.post(`${f.w}/invitations`, { email, role: 'viewer' })).json<{ token: string }>().token);
    }
    return path;
  }

  function expected(caller: Caller, permission: string): 'allowed' | 401 | 403 | 404 {
    if (permission === 'public') return 'allowed';
    if (caller === 'anonymous') return 401;
    if (permission === 'authenticated') return 'allowed';
    if (caller === 'outsider') return 404;
    // Fresh targets are owned by nobody, so a PM's ownership-bound actions are refused, except on
    // feedback not yet tied to a component, which anyone who triages may edit.
    const ownerIds = permission === 'feedback.update' ? [] : [null];
    return can({ role: caller, memberId: 'caller' }, permission as Action, { ownerIds }) ? 'allowed' : 403;
  }

  it('covers every action of the policy with at least one route', async () => {
    const app = f.app;
    const declared = new Set(app.apiRoutes.map((r) => r.permission));
    for (const action of Object.keys(POLICY)) expect(declared.has(action as Action), action).toBe(true);
    expect(app.apiRoutes.length).toBeGreaterThan(25);
  });

  it('lets through only the callers the policy allows, on every route', async () => {
    const failures: string[] = [];
    // Joining and leaving change who is a member, so they run last (accepting makes the outsider a member).
    const last = (url: string) => (url.endsWith('/accept') ? 2 : url.endsWith('/leave') ? 1 : 0);
    const routes = [...f.app.apiRoutes].sort((a, b) => last(a.url) - last(b.url));
    for (const route of routes) {
      for (const caller of CALLERS) {
        // Leaving removes the caller, so each role leaves through a member of its own made for it.
        const client = route.url.endsWith('/leave') && ROLES.includes(caller as Role) && caller !== 'admin' ? await addMember(f, caller) : clients.get(caller)!;
        const url = await fillPath(route.url, caller, client);
        const key = `${route.method} ${route.url}`;
        const given = ['POST', 'PATCH', 'PUT'].includes(route.method) ? (BODIES[key] ?? {}) : undefined;
        // A body may be made per call, when it must name fresh records (see MatrixBody).
        const body = typeof given === 'function' ? await (given as MatrixBody)({ admin: f.admin, w: f.w }) : given;
        const res = await client.request(route.method as 'GET', url, body);
        const want = expected(caller, route.permission);
        const ok = want === 'allowed' ? !DENIED.has(res.statusCode) || (res.statusCode === 404 && !/Workspace not found/.test(res.body) && route.permission !== 'authenticated') : res.statusCode === want;
        if (!ok) failures.push(`${key} as ${caller}: got ${res.statusCode} (${res.body.slice(0, 100)}), want ${want}`);
      }
    }
    expect(failures).toEqual([]);
    expect(outsiderWorkspace).not.toBe('');
  }, 480_000);
});
