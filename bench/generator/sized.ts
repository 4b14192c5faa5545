import { Envelope, generateTownship, historicTerms, TermPlan } from './township';

/** About this many commands per unit of scale per five-year term (measured on the generator). */
const COMMANDS_PER_SCALE_PER_TERM = 1000;

export interface SizedTownship {
  commands: number;
  /** Five-year terms reaching back from 2026, newest last. */
  terms: number;
  seed: number;
}

/**
 * Exactly `commands` generated commands (one event each) over `terms` historic terms: the
 * township is generated a little larger than needed and cut, so every size is a prefix of a
 * valid log (commands come term by term, each term's in date order).
 */
export function* townshipOfSize(options: SizedTownship): Generator<Envelope> {
  const terms: TermPlan[] = historicTerms(options.terms);
  let scale = Math.max(0.05, (options.commands / (COMMANDS_PER_SCALE_PER_TERM * options.terms)) * 1.1);
  for (;;) {
    // Count first (generating is cheap), so that the caller only ever sees one complete run.
    let available = 0;
    for (const _ of generateTownship({ seed: options.seed, scale, terms })) if (++available >= options.commands) break;
    if (available >= options.commands) break;
    scale *= 1.5;
  }
  let written = 0;
  for (const envelope of generateTownship({ seed: options.seed, scale, terms })) {
    if (written++ === options.commands) return;
    yield envelope;
  }
}
