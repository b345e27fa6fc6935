import type { FastifyRequest } from 'fastify';
import type { Action } from '../../shared/policy.js';
import type { UserActor, WorkspaceActor } from './actor.js';
import { AppError } from './app-error.js';

/** What a route needs: a policy action (inside a workspace), any signed-in account, or nobody. */
export type Permission = Action | 'authenticated' | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: Permission;
  }
  interface FastifyRequest {
    user: UserActor | null;
    member: WorkspaceActor | null;
  }
}

/** The signed-in account; the auth hook already answered 401 when there is none. */
export function userActor(request: FastifyRequest): UserActor {
  if (!request.user) throw new AppError('unauthenticated', 'Sign in first, or send an API token');
  return request.user;
}

/** The caller's membership in the route's workspace, resolved by the permission hook. */
export function workspaceActor(request: FastifyRequest): WorkspaceActor {
  if (!request.member) throw new AppError('not_found', 'Workspace not found');
  return request.member;
}

/** The version an update was based on: from the body, or else from `If-Match`. */
export function withVersion<T extends { version?: number }>(request: FastifyRequest, body: T): T {
  if (body.version !== undefined) return body;
  const header = request.headers['if-match'];
  if (typeof header === 'string') {
    const n = Number(header.replace(/^W\//, '').replace(/"/g, ''));
    if (!Number.isInteger(n) || n < 1) throw new AppError('validation_failed', 'If-Match: must be the integer version you last read', 'version');
    return { ...body, version: n };
  }
  return body;
}

/** The origin links should point to: the configured public URL, else the one the request came to. */
export function publicOrigin(request: FastifyRequest, configured: string | null): string {
  return configured ?? `${request.protocol}://${request.host}`;
}
