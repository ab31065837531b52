#!/usr/bin/env node
/**
 * `npm run build`: compiles the server to JavaScript in dist/server and the web app into
 * dist/web, so `npm start` runs plain Node (no TypeScript loader) and serves a finished web app.
 *
 * The server is transpiled file by file with esbuild (no bundling: the output mirrors src/, so
 * files found next to a module — migrations, the chat widget, reference data — keep working by
 * the same relative paths). Type checking is `npm run typecheck`, a separate step in CI.
 *
 * `node scripts/build.mjs --if-stale` builds only what is missing or older than its sources.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = join(root, 'src');
const serverOut = join(root, 'dist/server');
const webOut = join(root, 'dist/web');
const serverStamp = join(serverOut, '.built');
const webStamp = join(webOut, '.built');

/** Files next to server modules that are read at run time, copied as they are. */
const serverAssets = ['db/migrations', 'channels/chat/widget', 'culture/data'];

function walk(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else out.push(path);
  }
  return out;
}

const isServerSource = (path) =>
  /\.ts$/.test(path) && !/\.test\.ts$/.test(path) && !path.startsWith(join(src, 'web') + '/') && !/\/testing\//.test(path);
const isWebSource = (path) => path.startsWith(join(src, 'web') + '/') || /\/browser(\.ts|\/)/.test(path);

/** The newest modification time among files, or 0. */
const newest = (files) => files.reduce((max, f) => Math.max(max, statSync(f).mtimeMs), 0);
const builtAt = (stamp) => (existsSync(stamp) ? statSync(stamp).mtimeMs : -1);
const lockfile = join(root, 'package-lock.json');

/**
 * Whether dist/server is missing or older than what it is built from. The web app's sources
 * include capability files outside src/web (browser.ts surfaces and what they import), so any
 * server source counts for the web too — a rebuild then costs ~30 s but never serves stale code.
 */
export function staleness() {
  const files = walk(src);
  const server = files.filter((f) => isServerSource(f) || serverAssets.some((a) => f.startsWith(join(src, a) + '/')));
  const web = files.filter((f) => isWebSource(f) || isServerSource(f));
  const lock = existsSync(lockfile) ? statSync(lockfile).mtimeMs : 0;
  return {
    server: builtAt(serverStamp) < Math.max(newest(server), lock),
    web: builtAt(webStamp) < Math.max(newest(web), lock) || !existsSync(join(webOut, 'index.html')),
  };
}

export async function buildServer() {
  const started = Date.now();
  const { build } = await import('esbuild');
  const entryPoints = walk(src).filter(isServerSource);
  rmSync(serverOut, { recursive: true, force: true });
  await build({
    entryPoints,
    outdir: serverOut,
    outbase: src,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  for (const asset of serverAssets) cpSync(join(src, asset), join(serverOut, asset), { recursive: true });
  writeFileSync(join(serverOut, 'package.json'), JSON.stringify({ type: 'module' }) + '\n');
  writeFileSync(serverStamp, new Date().toISOString() + '\n');
  console.log(`build: server → ${relative(root, serverOut)} (${entryPoints.length} modules) in ${Date.now() - started} ms`);
}

export function buildWeb() {
  const started = Date.now();
  const vite = join(root, 'node_modules/vite/bin/vite.js');
  const run = spawnSync(process.execPath, [vite, 'build', '--config', 'src/web/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`the web build failed (exit ${run.status})`);
  mkdirSync(dirname(webStamp), { recursive: true });
  writeFileSync(webStamp, new Date().toISOString() + '\n');
  console.log(`build: web app → ${relative(root, webOut)} in ${Date.now() - started} ms`);
}

/** Builds what is stale (or everything); returns what was built. */
export async function buildAll({ ifStale = false, only } = {}) {
  const stale = ifStale ? staleness() : { server: true, web: true };
  if (only === 'server') stale.web = false;
  if (only === 'web') stale.server = false;
  if (stale.server) await buildServer();
  if (stale.web) buildWeb();
  return stale;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const only = process.argv.includes('--server') ? 'server' : process.argv.includes('--web') ? 'web' : undefined;
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  buildAll({ ifStale: process.argv.includes('--if-stale'), only }).then(
    () => process.argv.includes('--quiet') || console.log(`build: Rapport ${version} ready in dist/`),
    (err) => {
      console.error(`build failed: ${err.message}`);
      process.exit(1);
    },
  );
}
