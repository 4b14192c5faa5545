import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { generateTownship, historicTerms, TermPlan } from '../generator/township';

export interface GeneratedFile {
  file: string;
  commands: number;
  bytes: number;
  terms: TermPlan[];
  /** The term with the most commands in the file (the one a summary is asked for). */
  busiestTerm: string;
}

/** About this many commands per unit of scale per five-year term (measured on the generator). */
const COMMANDS_PER_SCALE_PER_TERM = 1000;

/**
 * Writes exactly `commands` generated commands (one event each) as NDJSON: the township over
 * `terms` historic terms, generated a little larger than needed and cut, so that every size is
 * a prefix of a valid log.
 */
export const writeTownship = async (input: { file: string; commands: number; terms: number; seed: number }): Promise<GeneratedFile> => {
  const terms = historicTerms(input.terms);
  let scale = Math.max(0.05, (input.commands / (COMMANDS_PER_SCALE_PER_TERM * input.terms)) * 1.1);
  for (;;) {
    const out = createWriteStream(input.file);
    let written = 0;
    let bytes = 0;
    const perTerm = new Map<string, number>();
    let currentTerm = '';
    for (const envelope of generateTownship({ seed: input.seed, scale, terms })) {
      if (written === input.commands) break;
      const line = `${JSON.stringify(envelope)}\n`;
      bytes += Buffer.byteLength(line);
      if (envelope.type === 'OpenTerm') currentTerm = '';
      else {
        // Commands come term by term, ordered by date inside each.
        const date = JSON.stringify(envelope.data).match(/"(\d{4}-\d{2}-\d{2})"/)?.[1];
        const term = date ? terms.find((t) => t.startsOn <= date && date <= t.endsOn)?.termId : undefined;
        if (term) currentTerm = term;
        if (currentTerm) perTerm.set(currentTerm, (perTerm.get(currentTerm) ?? 0) + 1);
      }
      if (!out.write(line)) await once(out, 'drain');
      written++;
    }
    out.end();
    await once(out, 'finish');
    if (written === input.commands) {
      const busiestTerm = [...perTerm].sort((a, b) => b[1] - a[1])[0]?.[0] ?? terms[0].termId;
      return { file: input.file, commands: written, bytes, terms, busiestTerm };
    }
    scale *= 1.5;
  }
};
