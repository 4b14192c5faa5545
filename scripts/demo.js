#!/usr/bin/env node
// `npm run demo`: a living township within a minute. Imports the demo term into ./demo-data
// (idempotent: a second run appends nothing) and serves it.
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');
const env = {
  ...process.env,
  SUNSHINE_DATA_DIR: process.env.SUNSHINE_DATA_DIR || join(root, 'demo-data'),
  SUNSHINE_ADMIN_TOKEN: process.env.SUNSHINE_ADMIN_TOKEN || 'demo-admin-token-change-me',
};
const imported = spawnSync(
  process.execPath,
  [join(root, 'bin/sunshine'), 'import', join(root, 'demo/demo-term.ndjson'), '--quiet'],
  { env, stdio: ['ignore', 'ignore', 'inherit'] },
);
if (imported.status !== 0) process.exit(imported.status ?? 1);
console.log(`演示数据已导入 demo data in ${env.SUNSHINE_DATA_DIR}; admin token: ${env.SUNSHINE_ADMIN_TOKEN}`);
Object.assign(process.env, env);
require(join(root, 'dist/apps/api/src/main.js'));
