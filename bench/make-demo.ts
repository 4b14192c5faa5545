import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateTownship } from './generator/township';

/** Regenerates demo/demo-term.ndjson: the township the README's demo loads. */
const lines = [...generateTownship({ seed: 20260928, scale: 2 })].map((e) => JSON.stringify(e));
writeFileSync(join(__dirname, '../../demo/demo-term.ndjson'), `${lines.join('\n')}\n`);
process.stderr.write(`demo/demo-term.ndjson: ${lines.length} commands\n`);
