#!/usr/bin/env node
// Runs the unit and route tests against PostgreSQL: creates a fresh database for this run on
// PG_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres), runs Vitest with
// TEST_DATABASE_URL pointing at it, then drops it.
import { spawnSync } from 'node:child_process';
import pg from 'pg';

const adminUrl = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `sextant_test_${Date.now()}_${process.pid}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
await admin.end();
const url = new URL(adminUrl);
url.pathname = `/${name}`;
console.log(`PostgreSQL test database: ${name}`);
const result = spawnSync('npx', ['vitest', 'run', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, TEST_DATABASE_URL: url.toString() },
});
const cleanup = new pg.Client({ connectionString: adminUrl });
await cleanup.connect();
await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
await cleanup.end();
process.exit(result.status ?? 1);
