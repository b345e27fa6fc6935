import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { checkPassword, LIMITS } from '../../shared/limits.js';
import type { Db } from '../db/client.js';
import { invalidateReads } from '../lib/read-cache.js';
import { account, session, user, verification } from '../db/schema/index.js';

export interface AuthOptions {
  db: Db;
  secret: string;
  /** Public origin; when null, the origin of each request is the one trusted. */
  publicUrl: string | null;
}

/** The origin a request was addressed to, as the browser would write it in `Origin`. */
export function requestOrigin(request: Request | undefined): string | null {
  if (!request) return null;
  try {
    return new URL(request.url).origin;
  } catch {
    return null;
  }
}

/** better-auth with email and password, sessions in our own tables, and our password rule. */
export function createAuth({ db, secret, publicUrl }: AuthOptions) {
  return betterAuth({
    appName: 'Sextant',
    secret,
    basePath: '/api/auth',
    // Without a public URL, each request's own host is its base URL (self-hosted behind any name).
    baseURL: publicUrl ?? { allowedHosts: ['*'], protocol: 'auto' },
    database: drizzleAdapter(db, { provider: 'pg', schema: { user, session, account, verification } }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: LIMITS.passwordMin,
      maxPasswordLength: LIMITS.passwordMax,
      autoSignIn: true,
    },
    user: { additionalFields: { instanceAdmin: { type: 'boolean', defaultValue: false, input: false } } },
    session: { expiresIn: 60 * 60 * 24 * 14, updateAge: 60 * 60 * 24 },
    // @fastify/rate-limit guards the auth endpoints (one limiter, one configuration).
    rateLimit: { enabled: false },
    // Origin checks stay on: a request must come from the origin it was addressed to (or the public URL).
    trustedOrigins: async (request) => [publicUrl, requestOrigin(request)].filter((o): o is string => Boolean(o)),
    advanced: {
      useSecureCookies: publicUrl?.startsWith('https://') ?? false,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
    },
    telemetry: { enabled: false },
    // A name changed through better-auth's own endpoint shows everywhere the user does.
    databaseHooks: { user: { update: { after: async () => invalidateReads() } } },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path === '/sign-up/email' || ctx.path === '/reset-password' || ctx.path === '/change-password') {
          const body = (ctx.body ?? {}) as { password?: unknown; newPassword?: unknown };
          const password = body.newPassword ?? body.password;
          const problem = typeof password === 'string' ? checkPassword(password) : 'Password is required.';
          if (problem) throw new APIError('BAD_REQUEST', { message: problem, code: 'PASSWORD_RULE' });
        }
      }),
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
