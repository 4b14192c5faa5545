import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Command, route } from '@sunshine/domain';
import { Envelope } from '../generator/township';

/** Commands that set the township up (villages, terms): run first, alone, before the timed run. */
export const PREAMBLE = new Set(['RegisterVillage', 'OpenTerm', 'RegisterUser']);

/** The stream a command decides on, as the pipeline names it. */
export const streamOf = (envelope: Envelope): string => {
  const command = envelope as unknown as Command;
  return route(command).spec.stream(command.data);
};

/**
 * Splits a generated township for concurrent callers: the preamble first, then every stream's
 * commands to one caller, in file order. Commands of one stream depend on each other (a capital
 * arrival needs its signing); streams depend only on the preamble's villages and terms.
 */
export const partitionByStream = (
  envelopes: Envelope[],
  callers: number,
): { preamble: Envelope[]; queues: Envelope[][] } => {
  const preamble: Envelope[] = [];
  const queues: Envelope[][] = Array.from({ length: callers }, () => []);
  const owner = new Map<string, number>();
  let next = 0;
  for (const envelope of envelopes) {
    if (PREAMBLE.has(envelope.type)) {
      preamble.push(envelope);
      continue;
    }
    const stream = streamOf(envelope);
    let caller = owner.get(stream);
    // Round-robin by first appearance spreads the live streams evenly over the callers.
    if (caller === undefined) owner.set(stream, (caller = next++ % callers));
    queues[caller].push(envelope);
  }
  return { preamble, queues };
};

export const readEnvelopes = (file: string): Envelope[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Envelope);

export const readLines = (file: string) => createInterface({ input: createReadStream(file), crlfDelay: Infinity });
