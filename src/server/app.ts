import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { LIMITS } from '../shared/limits.js';
import { createAuth, type Auth } from './auth/better-auth.js';
import { loadConfig, type Config } from './config.js';
import { openDatabase, type Database, type Db } from './db/client.js';
import { setReadCache } from './lib/read-cache.js';
import { loadAuthSecret } from './modules/accounts/accounts.service.js';
import { flushReads, setReadAuditSink } from './modules/audit/audit.service.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { invitationRoutes } from './modules/invitations/invitations.routes.js';
import { memberRoutes } from './modules/members/members.routes.js';
import { notificationRoutes } from './modules/notifications/notifications.routes.js';
import { productRoutes } from './modules/products/products.routes.js';
import { setupRoutes } from './modules/setup/setup.routes.js';
import { tokenRoutes } from './modules/tokens/tokens.routes.js';
import { transferRoutes } from './modules/transfer/transfer.routes.js';
import { workspaceRoutes } from './modules/workspaces/workspaces.routes.js';
import { customerRoutes } from './modules/customers/customers.routes.js';
import { feedbackRoutes } from './modules/feedback/feedback.routes.js';
import { opportunityRoutes } from './modules/opportunities/opportunities.routes.js';
import { interviewRoutes } from './modules/interviews/interviews.routes.js';
import { experimentRoutes } from './modules/experiments/experiments.routes.js';
import { insightRoutes } from './modules/insights/insights.routes.js';
import { featureRoutes } from './modules/features/features.routes.js';
import { prioritizationRoutes } from './modules/prioritization/prioritization.routes.js';
import { dependencyRoutes } from './modules/dependencies/dependencies.routes.js';
import { roadmapRoutes } from './modules/roadmap/roadmap.routes.js';
import { releaseRoutes } from './modules/releases/releases.routes.js';
import { ladderRoutes } from './modules/ladders/ladders.routes.js';
import { frameworkRoutes } from './modules/frameworks/frameworks.routes.js';
import { assessmentRoutes } from './modules/assessments/assessments.routes.js';
import { coachingTeamRoutes } from './modules/coaching-team/coaching-team.routes.js';
import { coachingSessionRoutes } from './modules/coaching-sessions/coaching-sessions.routes.js';
import { growthPlanRoutes } from './modules/growth-plans/growth-plans.routes.js';
import { learningRoutes } from './modules/learning/learning.routes.js';
import { coachingSignalRoutes } from './modules/coaching-signals/coaching-signals.routes.js';
import { strategyRoutes } from './modules/strategy/strategy.routes.js';
import { pillarRoutes } from './modules/pillars/pillars.routes.js';
import { okrRoutes } from './modules/okrs/okrs.routes.js';
import { metricRoutes } from './modules/metrics/metrics.routes.js';
import { driftRoutes } from './modules/strategy-drift/strategy-drift.routes.js';
import { requestRoutes } from './modules/requests/requests.routes.js';
import { rationaleRoutes } from './modules/rationales/rationales.routes.js';
import { decisionRoutes } from './modules/decisions/decisions.routes.js';
import { statusUpdateRoutes } from './modules/status-updates/status-updates.routes.js';
import { reportRoutes } from './modules/reports/reports.routes.js';
import { configureMailer } from './modules/outreach/outreach.mailer.js';
import { registerAuth } from './plugins/auth.js';
import { registerErrorHandling } from './plugins/errors.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    dbKind: 'embedded' | 'postgres';
    config: Config;
    auth: Auth;
    sextantVersion: string;
  }
}

export interface BuildAppOptions {
  config?: Partial<Config>;
  /** An open database to use (tests share one per worker); otherwise one is opened from the config. */
  database?: Database;
  /** Close the given database when the app closes (the server hands over the one it opened). */
  ownsDatabase?: boolean;
  logger?: FastifyServerOptions['logger'];
}

function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
}

/** Builds the Sextant server, ready for `inject` or `listen`; closing it closes the database it opened. */
export async function buildApp(options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const config: Config = { ...loadConfig(), ...options.config };
  configureMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom });
  const root = packageRoot();
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const database = options.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));

  const app = Fastify({
    logger: options.logger ?? { level: config.logLevel },
    bodyLimit: LIMITS.bodyLimitBytes,
    trustProxy: Boolean(process.env.SEXTANT_TRUST_PROXY),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', database.db);
  app.decorate('dbKind', database.kind);
  app.decorate('config', config);
  app.decorate('sextantVersion', version);
  const auth = createAuth({ db: database.db, secret: await loadAuthSecret(database.db, config.authSecret), publicUrl: config.publicUrl });
  app.decorate('auth', auth);
  setReadCache(database.kind === 'embedded');
  // Read entries of the audit log are batched (audit.service): written before the database closes.
  setReadAuditSink(database.db);
  app.addHook('onClose', async () => {
    await flushReads();
    setReadAuditSink(null);
    if (!options.database || options.ownsDatabase) await database.close();
  });

  registerErrorHandling(app);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine sets CSS variables through style attributes and one style element.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: config.publicUrl?.startsWith('https://') ? undefined : false,
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => ({ statusCode: 429, code: 'rate_limited', message: `Too many requests; retry in ${Math.ceil(ctx.ttl / 1000)} s` }),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Sextant API', version, description: 'The REST API of Sextant. Authenticate with a session cookie or `Authorization: Bearer <API token>`.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, session: { type: 'apiKey', in: 'cookie', name: 'better-auth.session_token' } } },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await registerAuth(app, { auth, config });
  await app.register(setupRoutes);
  await app.register(workspaceRoutes);
  await app.register(memberRoutes);
  await app.register(invitationRoutes);
  await app.register(productRoutes);
  await app.register(tokenRoutes);
  await app.register(auditRoutes);
  await app.register(notificationRoutes);
  await app.register(transferRoutes);
  // Discovery
  await app.register(customerRoutes);
  await app.register(feedbackRoutes);
  await app.register(opportunityRoutes);
  await app.register(interviewRoutes);
  await app.register(experimentRoutes);
  await app.register(insightRoutes);
  await app.register(featureRoutes);
  await app.register(prioritizationRoutes);
  await app.register(dependencyRoutes);
  await app.register(roadmapRoutes);
  await app.register(releaseRoutes);
  // Coach PMs (issue 5).
  await app.register(ladderRoutes);
  await app.register(frameworkRoutes);
  await app.register(assessmentRoutes);
  await app.register(coachingTeamRoutes);
  await app.register(coachingSessionRoutes);
  await app.register(growthPlanRoutes);
  await app.register(learningRoutes);
  await app.register(coachingSignalRoutes);
  // Strategy and goals (issue 6).
  await app.register(strategyRoutes);
  await app.register(pillarRoutes);
  await app.register(okrRoutes);
  await app.register(metricRoutes);
  await app.register(driftRoutes);
  // Say no and represent the product (issue 7).
  await app.register(requestRoutes);
  await app.register(rationaleRoutes);
  await app.register(decisionRoutes);
  await app.register(statusUpdateRoutes);
  await app.register(reportRoutes);

  const webDir = resolve(root, 'dist/web');
  const hasWeb = existsSync(join(webDir, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webDir, wildcard: false, maxAge: '1h', immutable: false });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET' || !hasWeb) {
      return reply.status(404).send({ code: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}` });
    }
    // The web app routes in the browser: every other GET gets index.html.
    return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
  });
  return app;
}
