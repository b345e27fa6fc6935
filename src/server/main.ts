import { hostname } from 'node:os';
import { buildApp } from './app.js';
import { loadConfig, type Config } from './config.js';
import { DataDirLockedError } from './db/data-dir-lock.js';
import { startJobWorker } from './modules/jobs/jobs.service.js';
// Job handlers register themselves when their module loads.
import './modules/invitations/invitations.service.js';

/** Starts Sextant: opens the database (migrating it), listens, runs the job worker, stops cleanly on SIGTERM/SIGINT. */
export async function startServer(overrides: Partial<Config> = {}): Promise<void> {
  const config = { ...loadConfig(), ...overrides };
  let app;
  try {
    app = await buildApp({ config });
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.error(`sextant: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const stopWorker =
    config.jobPollMs > 0
      ? startJobWorker(app.db, { workerId: `${hostname()}:${process.pid}`, intervalMs: config.jobPollMs, onError: (e) => app.log.error({ err: e }, 'job worker') })
      : async () => undefined;
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
