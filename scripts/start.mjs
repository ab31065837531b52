#!/usr/bin/env node
/**
 * `npm start`: builds what is missing or older than its sources (a fresh clone builds once; a
 * restart with nothing changed spends a few milliseconds looking), then runs the compiled server
 * with plain Node in this same process.
 */
import { buildAll } from './build.mjs';

const started = Date.now();
const built = await buildAll({ ifStale: true });
if (!built.server && !built.web) console.log(`build: up to date (checked in ${Date.now() - started} ms)`);
await import('../dist/server/main.js');
