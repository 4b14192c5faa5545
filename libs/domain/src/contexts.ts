import { AnyContext } from './shared/command-spec';
import { auditsContext } from './audits/audits.context';
import { disputesContext } from './disputes/disputes.context';
import { indicatorsContext } from './indicators/indicators.context';
import { investmentsContext } from './investments/investments.context';
import { personalDataContext } from './personal-data/personal-data.context';
import { projectsContext } from './projects/projects.context';
import { termsContext } from './terms/terms.context';
import { usersContext } from './users/users.context';
import { villagesContext } from './villages/villages.context';

/**
 * Every bounded context whose commands the pipeline executes. The stream `disclosures` has none:
 * the system appends PersonalDataDisclosed to it on reads (see personal-data.events.ts).
 */
export const CONTEXTS: readonly AnyContext[] = [
  termsContext,
  villagesContext,
  investmentsContext,
  projectsContext,
  disputesContext,
  auditsContext,
  indicatorsContext,
  usersContext,
  personalDataContext,
];

/** Which context handles a command type. */
export const contextOf = (commandType: string): AnyContext | undefined => CONTEXT_BY_COMMAND.get(commandType);

const CONTEXT_BY_COMMAND = new Map<string, AnyContext>(
  CONTEXTS.flatMap((c) => Object.keys(c.commands).map((type) => [type, c] as const)),
);

/** Which context owns a stream, by its category (`investment-ZS-2009-014` → investments). */
export const contextOfStream = (stream: string): AnyContext | undefined => {
  const dash = stream.indexOf('-');
  return CONTEXT_BY_CATEGORY.get(dash < 0 ? stream : stream.slice(0, dash));
};

const CONTEXT_BY_CATEGORY = new Map<string, AnyContext>(CONTEXTS.map((c) => [c.category, c]));
