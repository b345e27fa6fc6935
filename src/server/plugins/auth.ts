import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { fromNodeHeaders } from 'better-auth/node';
import { POLICY, type Action } from '../../shared/policy.js';
import type { Auth } from '../auth/better-auth.js';
import type { Config } from '../config.js';
import type { UserActor } from '../lib/actor.js';
import { AppError } from '../lib/app-error.js';
import { isUuid } from '../lib/ids.js';
import type { Permission } from '../lib/http.js';
import { resolveWorkspaceActor } from '../modules/members/members.service.js';
import { authenticateApiToken } from '../modules/tokens/tokens.service.js';

/** A registered /api/v1 route and the permission it declares (the permission matrix test walks them). */
export interface ApiRoute {
  method: string;
  url: string;
  permission: Permission;
}

declare module 'fastify' {
  interface FastifyInstance {
    apiRoutes: ApiRoute[];
  }
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const isAction = (p: Permission): p is Action => p in POLICY;

/** Paths on which a client proves who it is: the ones worth rate limiting. */
const CREDENTIAL_PATHS = /^\/api\/auth\/(sign-in|sign-up|request-password-reset|reset-password|change-password)/;

async function sessionUser(auth: Auth, request: FastifyRequest): Promise<UserActor | null> {
  const cookie = request.headers.cookie;
  if (!cookie || !cookie.includes('session_token')) return null;
  const found = await auth.api.getSession({ headers: fromNodeHeaders(request.headers) });
  if (!found) return null;
  const u = found.user as typeof found.user & { instanceAdmin?: boolean };
  return { userId: u.id, name: u.name, email: u.email, instanceAdmin: Boolean(u.instanceAdmin), via: 'session' };
}

/**
 * Authentication and authorization for every /api/v1 route:
 * onRequest resolves the caller (session cookie or bearer token), answers 401, and refuses a
 * cookie-authenticated change from another origin; preValidation (before the body is validated)
 * answers 404 outside the caller's workspaces and 403 when the role may not take the route's action.
 * Ownership rules are the services' to check, with the same policy.
 */
export async function registerAuth(app: FastifyInstance, { auth, config }: { auth: Auth; config: Config }): Promise<void> {
  app.decorateRequest('user', null);
  app.decorateRequest('member', null);

  const apiRoutes: ApiRoute[] = [];
  app.decorate('apiRoutes', apiRoutes);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1')) return;
    const permission = route.config?.permission;
    if (!permission) throw new Error(`Route ${route.method} ${route.url} declares no permission`);
    if (isAction(permission) && !route.url.includes(':workspaceId')) throw new Error(`Route ${route.url} needs :workspaceId for ${permission}`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') apiRoutes.push({ method, url: route.url, permission });
  });

  app.addHook('onRequest', async (request) => {
    const permission = request.routeOptions.config?.permission;
    if (!permission) return;
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      request.user = await authenticateApiToken(app.db, header.slice(7).trim());
      if (!request.user) throw new AppError('unauthenticated', 'The API token is invalid or revoked');
    } else {
      if (MUTATING.has(request.method)) {
        const origin = request.headers.origin;
        const own = config.publicUrl ?? `${request.protocol}://${request.host}`;
        if (origin !== own) throw new AppError('forbidden', 'Cross-origin request refused: changes must come from Sextant itself or carry an API token');
      }
      request.user = await sessionUser(auth, request);
    }
    if (permission !== 'public' && !request.user) throw new AppError('unauthenticated', 'Sign in first, or send an API token');
  });

  app.addHook('preValidation', async (request) => {
    const permission = request.routeOptions.config?.permission;
    if (!permission || !isAction(permission) || !request.user) return;
    const workspaceId = (request.params as { workspaceId?: string }).workspaceId;
    if (!isUuid(workspaceId)) throw new AppError('not_found', 'Workspace not found');
    const member = await resolveWorkspaceActor({ db: app.db, user: request.user, workspaceId });
    // Another workspace's data answers 404: its existence is not confirmed to outsiders.
    if (!member) throw new AppError('not_found', 'Workspace not found');
    if (!(POLICY[permission] as readonly string[]).includes(member.role)) {
      throw new AppError('forbidden', `Your role (${member.role}) may not ${permission}`);
    }
    request.member = member;
  });

  app.route({
    method: ['GET', 'POST'],
    url: '/api/auth/*',
    schema: { hide: true },
    config: {
      rateLimit: {
        max: config.authRateLimit,
        timeWindow: '1 minute',
        allowList: (req: FastifyRequest) => !(req.method === 'POST' && CREDENTIAL_PATHS.test(req.url)),
      },
    },
    async handler(request: FastifyRequest, reply: FastifyReply) {
      const url = new URL(request.url, config.publicUrl ?? `${request.protocol}://${request.host}`);
      const init: RequestInit = { method: request.method, headers: fromNodeHeaders(request.headers) };
      if (request.body !== undefined && request.method !== 'GET') init.body = JSON.stringify(request.body);
      const response = await auth.handler(new Request(url.toString(), init));
      reply.status(response.status);
      response.headers.forEach((value, key) => {
        if (!['set-cookie', 'content-length', 'content-encoding', 'transfer-encoding'].includes(key.toLowerCase())) void reply.header(key, value);
      });
      const cookies = response.headers.getSetCookie();
      if (cookies.length) void reply.header('set-cookie', cookies);
      const text = await response.text();
      if (response.status >= 400) {
        // better-auth's errors, in our shape: {code, message}.
        let parsed: { code?: string; message?: string } = {};
        try {
          parsed = JSON.parse(text) as typeof parsed;
        } catch {
          parsed = { message: text };
        }
        const code = response.status === 401 ? 'unauthenticated' : response.status === 403 ? 'forbidden' : response.status === 429 ? 'rate_limited' : response.status === 422 ? 'unprocessable' : response.status >= 500 ? 'internal' : 'bad_request';
        return reply.type('application/json').send({ code, message: parsed.message ?? 'Request refused', ...(parsed.code ? { reason: parsed.code } : {}) });
      }
      return reply.send(text || null);
    },
  });
}
