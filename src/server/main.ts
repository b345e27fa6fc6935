import { hostname } from 'node:os';
import { loadConfig, type Config } from './config.js';
import { openDatabase } from './db/client.js';
import { DataDirLockedError } from './db/data-dir-lock.js';

/** Starts Sextant: opens the database (migrating it), listens, runs the job worker, stops cleanly on SIGTERM/SIGINT. */
export async function startServer(overrides: Partial<Config> = {}): Promise<void> {
  const config = { ...loadConfig(), ...overrides };
  let app;
  try {
    // Open the database (the engine compiles off the main thread) while the app's modules load.
    const opening = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    opening.catch(() => undefined);
    const [{ buildApp }] = await Promise.all([import('./app.js'), import('./modules/invitations/invitations.service.js')]);
    app = await buildApp({ config, database: await opening, ownsDatabase: true });
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.error(`sextant: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const { startJobWorker } = await import('./modules/jobs/jobs.service.js');
  const stopWorker =
    config.jobPollMs > 0
      ? startJobWorker(app.db, { workerId: `${hostname()}:${process.pid}`, intervalMs: config.jobPollMs, onError: (e) => app.log.error({ err: e }, 'job worker') })
      : async () => undefined;
  // The daily status-update reminders run as a self-rescheduling job; make sure its chain exists.
  if (config.jobPollMs > 0) {
    const { ensureReminderJob } = await import('./modules/status-updates/status-updates.reminders.js');
    await ensureReminderJob(app.db).catch((e: unknown) => app.log.error({ err: e }, 'status-update reminders'));
  }
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await stopWorker();
    await app.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  await app.listen({ port: config.port, host: config.host });
  app.log.info(`Sextant ${app.sextantVersion} on http://localhost:${config.port} (${app.dbKind} database)`);
  if (!config.production || process.stdout.isTTY) console.error(`Sextant is running at http://localhost:${config.port} (${app.dbKind} database)`);
}
