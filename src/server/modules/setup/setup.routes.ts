import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { fromNodeHeaders } from 'better-auth/node';
import { z } from 'zod';
import { CreateDemo, DemoResult, Health, Me, RunSetup, SetupResult, SetupStatus } from '../../../shared/contracts.js';
import { AppError } from '../../lib/app-error.js';
import { userActor } from '../../lib/http.js';
import { errorResponses } from '../../lib/route-schema.js';
import { listWorkspaces } from '../workspaces/workspaces.service.js';
import { getSetupStatus, loadDemo, runSetup } from './setup.service.js';
import { healthCheck } from './health.service.js';

export async function setupRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/health', {
    schema: { summary: 'Liveness and database check', tags: ['Instance'], response: { 200: Health, 503: z.object({ code: z.string(), message: z.string() }) } },
    handler: () => healthCheck({ db: app.db, kind: app.dbKind, version: app.sextantVersion }),
  });

  r.get('/api/v1/setup', {
    config: { permission: 'public' },
    schema: { summary: 'Whether the first-run setup is still to be done', tags: ['Instance'], response: { 200: SetupStatus } },
    handler: () => getSetupStatus({ db: app.db }),
  });

  r.post('/api/v1/setup', {
    config: { permission: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: {
      summary: 'First run: create the instance admin and the first workspace',
      description: 'Only while no account exists; signs the new admin in (session cookie).',
      tags: ['Instance'],
      body: RunSetup,
      response: { 201: SetupResult, ...errorResponses(400, 409, 429) },
    },
    handler: async (req, reply) => {
      const result = await runSetup({
        db: app.db,
        input: req.body,
        signUp: async (input) => {
          const response = await app.auth.api.signUpEmail({ body: input, headers: fromNodeHeaders(req.headers), asResponse: true });
          if (!response.ok) {
            const body = (await response.json().catch(() => ({}))) as { message?: string };
            throw new AppError('validation_failed', body.message ?? 'The account could not be created', 'email');
          }
          const cookies = response.headers.getSetCookie();
          if (cookies.length) void reply.header('set-cookie', cookies);
          const body = (await response.json()) as { user: { id: string } };
          return { userId: body.user.id };
        },
      });
      return reply.status(201).send(result);
    },
  });

  r.get('/api/v1/me', {
    config: { permission: 'authenticated' },
    schema: { summary: 'Who you are and your workspaces', tags: ['Account'], response: { 200: Me, ...errorResponses(401) } },
    handler: async (req) => {
      const actor = userActor(req);
      const { items } = await listWorkspaces({ db: app.db, actor });
      return {
        user: { id: actor.userId, name: actor.name, email: actor.email, instanceAdmin: actor.instanceAdmin },
        workspaces: items.map((w) => ({ id: w.id, name: w.name, role: w.role })),
      };
    },
  });

  r.post('/api/v1/demo', {
    // Per account, not per address: people behind one proxy (or one test process) do not share a budget.
    // Counted before the handler, once the caller is known.
    config: { permission: 'authenticated', rateLimit: { max: 5, timeWindow: '1 minute', hook: 'preHandler', keyGenerator: (req) => req.user?.userId ?? req.ip } },
    schema: {
      summary: 'Create a demo workspace',
      description: 'A realistic workspace (one product, five components, a lead, four PMs and stakeholders) where you are admin.',
      tags: ['Instance'],
      body: CreateDemo,
      response: { 201: DemoResult, ...errorResponses(400, 401, 429) },
    },
    handler: async (req, reply) => reply.status(201).send(await loadDemo({ db: app.db, actor: userActor(req), name: req.body.name })),
  });
}
