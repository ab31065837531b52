#!/usr/bin/env node
/**
 * The half of the layering rule dependency-cruiser cannot state: no cycle between the folders of
 * src/ (capabilities, shared services, kernel), even when no single file is in a cycle.
 * Reads dependency-cruiser's JSON on stdin; exits 1 and prints each cycle when there is one.
 */
import { readFileSync } from 'node:fs';

const result = JSON.parse(readFileSync(0, 'utf8'));
const folderOf = (path) => /^src\/([^/]+)\//.exec(path)?.[1] ?? null;
/** @type {Map<string, Map<string, string>>} folder → folder → one file edge that shows why */
const graph = new Map();
for (const module of result.modules) {
  const from = folderOf(module.source);
  if (!from || module.source.endsWith('.test.ts')) continue;
  for (const dep of module.dependencies) {
    const to = folderOf(dep.resolved);
    if (!to || to === from) continue;
    if (!graph.has(from)) graph.set(from, new Map());
    if (!graph.get(from).has(to)) graph.get(from).set(to, `${module.source} → ${dep.resolved}`);
  }
}

const cycles = [];
const state = new Map(); // 1 = on the path, 2 = done
const path = [];
function visit(folder) {
  state.set(folder, 1);
  path.push(folder);
  for (const next of graph.get(folder)?.keys() ?? []) {
    if (state.get(next) === 1) {
      const loop = [...path.slice(path.indexOf(next)), next];
      cycles.push(loop.slice(1).map((to, i) => `  ${loop[i]} → ${to}   (${graph.get(loop[i]).get(to)})`).join('\n'));
    } else if (!state.has(next)) visit(next);
  }
  path.pop();
  state.set(folder, 2);
}
for (const folder of graph.keys()) if (!state.has(folder)) visit(folder);

if (cycles.length) {
  console.error(`Folder cycles in src/ (${cycles.length}):\n${cycles.join('\n\n')}`);
  process.exit(1);
}
console.log(`✔ no cycle between the ${graph.size} folders of src/`);
