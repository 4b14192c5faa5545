#!/usr/bin/env node
// Run by `npm run build:web` after Vite: how much JavaScript each first screen of the web app
// loads (gzipped), and a failed build when one is over budget. A first screen is the entry with
// everything it imports statically, plus the page the address opens and its static imports;
// chunks loaded later (other pages, ECharts) do not count.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { gzipSync } = require('node:zlib');

const BUDGET_BYTES = 400 * 1024;
const root = join(__dirname, '../dist/apps/web');
const manifest = JSON.parse(readFileSync(join(root, '.vite/manifest.json'), 'utf8'));

/** The chunk and every chunk it imports statically, by manifest key. */
const closure = (key, seen = new Set()) => {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key].imports ?? []) closure(imported, seen);
  return seen;
};

const gzipped = new Map();
const sizeOf = (file) => {
  if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(join(root, file)), { level: 9 }).length);
  return gzipped.get(file);
};
const jsBytes = (keys) =>
  [...keys].reduce((sum, key) => sum + (manifest[key].file.endsWith('.js') ? sizeOf(manifest[key].file) : 0), 0);

const [entry] = Object.keys(manifest).filter((key) => manifest[key].isEntry);
const pages = Object.keys(manifest).filter((key) => /\/views\/.+\.vue$/.test(key) && manifest[key].isDynamicEntry);
const layout = Object.keys(manifest).find((key) => key.endsWith('/layout/index.vue'));

const rows = pages.map((page) => {
  const keys = closure(entry);
  // A page inside the shell (anything but the sign-in and error pages) loads the layout with it.
  if (layout && !/\/views\/(login|error)\//.test(page)) closure(layout, keys);
  closure(page, keys);
  return { page: page.replace(/^.*\/views\//, ''), bytes: jsBytes(keys) };
});

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(`web app: first-screen JavaScript, gzipped (budget ${kb(BUDGET_BYTES)})`);
for (const row of rows) console.log(`  ${row.page.padEnd(28)} ${kb(row.bytes).padStart(10)}`);
const over = rows.filter((row) => row.bytes > BUDGET_BYTES);
if (over.length > 0) {
  console.error(`over budget: ${over.map((row) => row.page).join(', ')}`);
  process.exit(1);
}
