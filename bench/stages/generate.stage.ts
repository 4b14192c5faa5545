import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { townshipOfSize } from '../generator/sized';
import { historicTerms, TermPlan } from '../generator/township';

export interface GeneratedFile {
  file: string;
  commands: number;
  bytes: number;
  terms: TermPlan[];
  /** The term with the most commands in the file (the one a summary is asked for). */
  busiestTerm: string;
}

const DATE = /"(\d{4}-\d{2}-\d{2})"/;

/** Writes exactly `commands` generated commands (one event each) as NDJSON. */
export const writeTownship = async (input: {
  file: string;
  commands: number;
  terms: number;
  seed: number;
}): Promise<GeneratedFile> => {
  const terms = historicTerms(input.terms);
  const out = createWriteStream(input.file);
  let written = 0;
  let bytes = 0;
  const perTerm = new Map<string, number>();
  let currentTerm = '';
  for (const envelope of townshipOfSize({ commands: input.commands, terms: input.terms, seed: input.seed })) {
    const line = `${JSON.stringify(envelope)}\n`;
    bytes += Buffer.byteLength(line);
    if (envelope.type !== 'OpenTerm') {
      // Commands come term by term: a dated command says which term the file has reached.
      const date = DATE.exec(JSON.stringify(envelope.data))?.[1];
      const term = date ? terms.find((t) => t.startsOn <= date && date <= t.endsOn)?.termId : undefined;
      if (term) currentTerm = term;
      if (currentTerm) perTerm.set(currentTerm, (perTerm.get(currentTerm) ?? 0) + 1);
    }
    if (!out.write(line)) await once(out, 'drain');
    written++;
  }
  out.end();
  await once(out, 'finish');
  const busiestTerm = [...perTerm].sort((a, b) => b[1] - a[1])[0]?.[0] ?? terms[0].termId;
  return { file: input.file, commands: written, bytes, terms, busiestTerm };
};
