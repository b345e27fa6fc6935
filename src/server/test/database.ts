import { openDatabase, type Database } from '../db/client.js';

let shared: Promise<Database> | null = null;

/**
 * The worker's database: PostgreSQL when TEST_DATABASE_URL is set (CI makes a fresh one per run),
 * else a PGlite in memory. One per worker, kept across test files; tests isolate by making their own
 * workspaces and accounts.
 */
export function testDatabase(): Promise<Database> {
  shared ??= openDatabase({ databaseUrl: process.env.TEST_DATABASE_URL || null, dataDir: null, poolSize: 5 });
  return shared;
}

/** A database of its own for a test that needs an empty instance (first-run setup). */
export function freshDatabase(): Promise<Database> {
  return openDatabase({ dataDir: null });
}
