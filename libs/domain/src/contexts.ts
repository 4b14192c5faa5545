import type { Command, CommandType, DataOf } from './commands';
import { AnyContext, CommandSpec } from './shared/command-spec';
import { notFound } from './shared/errors';
import { auditsContext } from './audits/audits.context';
import { disputesContext } from './disputes/disputes.context';
import { honoursContext } from './honours/honours.context';
import { indicatorsContext } from './indicators/indicators.context';
import { investmentsContext } from './investments/investments.context';
import { personalDataContext } from './personal-data/personal-data.context';
import { projectsContext } from './projects/projects.context';
import { reportSectionsContext } from './report-sections/report-sections.context';
import { termsContext } from './terms/terms.context';
import { usersContext } from './users/users.context';
import { villagesContext } from './villages/villages.context';
import { notVoidable } from './void/void-record';
import { warningsContext } from './warnings/warnings.context';

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
  honoursContext,
  reportSectionsContext,
  warningsContext,
];

const CONTEXT_BY_COMMAND = new Map<string, AnyContext>(
  CONTEXTS.flatMap((c) =>
    Object.keys(c.commands)
      .filter((type) => type !== 'VoidRecord')
      .map((type) => [type, c] as const),
  ),
);

const CONTEXT_BY_CATEGORY = new Map<string, AnyContext>(CONTEXTS.map((c) => [c.category, c]));

/** Which context owns a stream, by its category (`investment-ZS-2009-014` → investments). */
export const contextOfStream = (stream: string): AnyContext | undefined => {
  const dash = stream.indexOf('-');
  return CONTEXT_BY_CATEGORY.get(dash < 0 ? stream : stream.slice(0, dash));
};

/** Where a command goes: its context (decider) and how that context handles its type. */
export interface Route {
  context: AnyContext;
  /** Declared on the command's data; the pipeline passes it the data of the command it routed here. */
  spec: CommandSpec<DataOf<CommandType>>;
}

const specOf = <Type extends CommandType>(context: AnyContext, type: Type) =>
  context.commands[type] as CommandSpec<DataOf<CommandType>> | undefined;

/**
 * Routes a command to its context. Every type belongs to one context, except VoidRecord, which
 * goes to the context of the record it names, if that context's records can be voided.
 */
export const route = (command: Command): Route => {
  if (command.type === 'VoidRecord') {
    const context = contextOfStream(command.data.stream);
    if (!context) throw notFound({ zh: '记录', en: 'Record' }, command.data.stream, 'data.stream');
    const spec = specOf(context, 'VoidRecord');
    if (!spec) throw notVoidable(command.data.stream);
    return { context, spec };
  }
  const context = CONTEXT_BY_COMMAND.get(command.type) as AnyContext;
  return { context, spec: specOf(context, command.type) as CommandSpec<DataOf<CommandType>> };
};

/** The command types the ledger takes (the edge validates each with its DTO). */
export const COMMAND_TYPES: readonly CommandType[] = [
  ...new Set(CONTEXTS.flatMap((c) => Object.keys(c.commands) as CommandType[])),
];
