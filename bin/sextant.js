#!/usr/bin/env node
// The `sextant` command. Runs the built server (dist/) when it is up to date with the sources;
// `serve` builds it first when it is missing or stale, so `npm install && npm start` just works.
// Other commands fall back to running the TypeScript sources through tsx.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const stamp = join(root, 'dist', '.build-stamp');

function newestSource(dir, newest = 0) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = newestSource(path, newest);
    else if (!/\.test\.tsx?$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function buildIsFresh() {
  if (!existsSync(stamp) || !existsSync(join(root, 'dist/web/index.html')) || !existsSync(join(root, 'dist/node/cli/main.js'))) return false;
  const sources = Math.max(newestSource(join(root, 'src')), statSync(join(root, 'package.json')).mtimeMs, statSync(join(root, 'vite.config.ts')).mtimeMs);
  return statSync(stamp).mtimeMs >= sources;
}

const command = process.argv[2];
const wantsBuild = command === 'serve' && !process.argv.includes('--dev');
if (wantsBuild && !buildIsFresh()) {
  console.error('sextant: building the web app and server (first start, or the sources changed)…');
  const result = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    console.error('sextant: the build failed; see above.');
    process.exit(1);
  }
  writeFileSync(stamp, new Date().toISOString());
}

// `serve --dev` always runs the sources, so edits show without a build.
if (!process.argv.includes('--dev') && buildIsFresh()) {
  await import(pathToFileURL(join(root, 'dist/node/cli/main.js')).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(root, 'src/cli/main.ts')).href);
}
