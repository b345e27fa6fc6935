import { readFileSync, writeFileSync } from 'node:fs';
import { Command } from 'commander';
import type { Database } from '../server/db/client.js';

// Commands load what they need when they run, so `serve` starts opening the database at once.
const server = {
  config: () => import('../server/config.js'),
  db: () => import('../server/db/client.js'),
  lock: () => import('../server/db/data-dir-lock.js'),
  accounts: () => import('../server/modules/accounts/accounts.service.js'),
  demo: () => import('../server/modules/demo/demo.service.js'),
  demoData: () => import('../server/modules/demo/demo.data.js'),
  transfer: () => import('../server/modules/transfer/transfer.service.js'),
  actor: () => import('./cli-actor.js'),
  feedbackImport: () => import('../server/modules/feedback/feedback.import.js'),
};

/** Opens the configured database for one command; the embedded one is locked, so a running server is never corrupted. */
async function withDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const { loadConfig } = await server.config();
  const { openDatabase } = await server.db();
  const { DataDirLockedError } = await server.lock();
  const config = loadConfig();
  let database: Database;
  try {
    if (!config.databaseUrl) console.error(`Opening the embedded database in ${config.dataDir}…`);
    database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.error(`sextant: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

function fail(error: unknown): never {
  console.error(`sextant: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

const program = new Command().name('sextant').description('Sextant: the self-hostable workspace for product leads.');

program
  .command('serve')
  .description('Start the web server (PORT, SEXTANT_DATA_DIR or DATABASE_URL configure it)')
  .option('--dev', 'run from the sources without building')
  .action(async () => {
    const { startServer } = await import('../server/main.js');
    await startServer();
  });

program
  .command('migrate')
  .description('Apply pending database migrations and exit')
  .action(() => withDatabase(async (d) => console.log(`Migrations applied (${d.kind} database).`)).catch(fail));

program
  .command('demo')
  .description('Create the demo workspace: one product, five components, a lead, four PMs and stakeholders')
  .option('--admin <email>', 'account that becomes the demo workspace admin (default: the instance admin)')
  .action((opts: { admin?: string }) =>
    withDatabase(async ({ db }) => {
      const [{ demoActor }, { createDemoWorkspace }, { DEMO_PASSWORD }] = await Promise.all([server.actor(), server.demo(), server.demoData()]);
      const { actor, created } = await demoActor(db, opts.admin);
      const { workspaceId } = await createDemoWorkspace({ db, actor });
      console.log(`Demo workspace created: ${workspaceId}`);
      console.log(`Admin: ${actor.email}${created ? ` (password ${DEMO_PASSWORD})` : ''}`);
      console.log(`Demo people sign in as <name>@demo.sextant.test with password ${DEMO_PASSWORD}, e.g. maya@demo.sextant.test (lead), diego@demo.sextant.test (PM).`);
    }).catch(fail),
  );

program
  .command('export')
  .description('Write a workspace to one JSON file')
  .argument('<workspaceId>', 'workspace to export')
  .option('-o, --output <file>', 'file to write (default: standard output)')
  .action((workspaceId: string, opts: { output?: string }) =>
    withDatabase(async ({ db }) => {
      const { exportWorkspace } = await server.transfer();
      const data = await exportWorkspace({ db, workspaceId });
      const json = JSON.stringify(data, null, 2);
      if (opts.output) {
        writeFileSync(opts.output, json);
        const components = data.products.reduce((n, p) => n + p.components.length, 0);
        console.error(`Exported “${data.workspace.name}”: ${data.people.length} people, ${data.products.length} products, ${components} components, ${data.audit.length} audit entries → ${opts.output}`);
      } else process.stdout.write(`${json}\n`);
    }).catch(fail),
  );

program
  .command('import')
  .description('Load an exported JSON file into a new workspace')
  .argument('<file>', 'file written by `sextant export`')
  .action((file: string) =>
    withDatabase(async ({ db }) => {
      const { importWorkspace } = await server.transfer();
      const { default: cliProgress } = await import('cli-progress');
      const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
      const bar = new cliProgress.SingleBar({ format: 'Importing [{bar}] {value}/{total} {step}', stream: process.stderr }, cliProgress.Presets.shades_classic);
      bar.start(4, 0, { step: 'workspace' });
      const result = await importWorkspace({ db, data, onProgress: (step, done) => bar.update(done, { step }) });
      bar.stop();
      console.log(`Imported into workspace ${result.workspaceId}: ${result.people} people, ${result.products} products, ${result.components} components.`);
    }).catch(fail),
  );

program
  .command('import-feedback')
  .description('Import feedback from a CSV file (columns text, source, customer, captured_at, tags) into a workspace')
  .argument('<workspaceId>', 'workspace to import into')
  .argument('<file>', 'CSV file')
  .requiredOption('--as <email>', 'the member the import is recorded as (needs the right to import feedback)')
  .action((workspaceId: string, file: string, opts: { as: string }) =>
    withDatabase(async ({ db }) => {
      const [{ memberActor }, { importFeedbackCsv }, { createReadStream, statSync }] = await Promise.all([server.actor(), server.feedbackImport(), import('node:fs')]);
      const actor = await memberActor(db, workspaceId, opts.as);
      const size = statSync(file).size;
      const started = Date.now();
      const result = await importFeedbackCsv({
        db,
        actor,
        stream: createReadStream(file),
        onProgress: (p) => {
          const rate = Math.round(p.rows / Math.max(0.001, (Date.now() - started) / 1000));
          process.stderr.write(`\rImporting ${file} (${(size / 1_048_576).toFixed(1)} MB): ${p.rows.toLocaleString('en')} rows, ${p.imported.toLocaleString('en')} imported, ${p.duplicates.toLocaleString('en')} duplicates, ${p.rejected.toLocaleString('en')} rejected, ${rate.toLocaleString('en')} rows/s   `);
        },
      });
      process.stderr.write('\n');
      console.log(`Imported ${result.imported} feedback items; ${result.duplicates} duplicates skipped; ${result.rejectedCount} rows rejected.`);
      for (const r of result.rejected.slice(0, 20)) console.log(`  line ${r.line}: ${r.reason}`);
      if (result.rejectedCount > 20) console.log(`  … and ${result.rejectedCount - 20} more`);
    }).catch(fail),
  );

const user = program.command('user').description('Manage accounts');
user
  .command('create')
  .description('Create an account with a password')
  .requiredOption('--email <email>')
  .requiredOption('--name <name>')
  .requiredOption('--password <password>')
  .option('--instance-admin', 'make it an instance admin')
  .action((opts: { email: string; name: string; password: string; instanceAdmin?: boolean }) =>
    withDatabase(async ({ db }) => {
      const { createUserAccount } = await server.accounts();
      const created = await createUserAccount({ db, input: { ...opts, instanceAdmin: Boolean(opts.instanceAdmin) } });
      console.log(`Account created: ${created.email} (${created.id})`);
    }).catch(fail),
  );
user
  .command('reset-password')
  .description("Set a new password for an account")
  .requiredOption('--email <email>')
  .requiredOption('--password <password>')
  .action((opts: { email: string; password: string }) =>
    withDatabase(async ({ db }) => {
      const { resetUserPassword } = await server.accounts();
      await resetUserPassword({ db, input: opts });
      console.log(`Password reset for ${opts.email}.`);
    }).catch(fail),
  );

await program.parseAsync(process.argv);
