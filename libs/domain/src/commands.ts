import type { AuditCommand } from './audits/audits.commands';
import type { DisputeCommand } from './disputes/disputes.commands';
import type { HonourCommand } from './honours/honours.commands';
import type { IndicatorCommand } from './indicators/indicators.commands';
import type { InvestmentCommand } from './investments/investments.commands';
import type { PersonalDataCommand } from './personal-data/personal-data.commands';
import type { ProjectCommand } from './projects/projects.commands';
import type { ReportSectionCommand } from './report-sections/report-sections.commands';
import type { TermCommand } from './terms/terms.commands';
import type { UserCommand } from './users/users.commands';
import type { VillageCommand } from './villages/villages.commands';
import type { VoidRecord } from './void/void-record';
import type { WarningCommand } from './warnings/warnings.commands';

/** Every command the ledger takes, as the deciders receive it (docs/domain.md lists their rules). */
export type Command =
  | TermCommand
  | VillageCommand
  | InvestmentCommand
  | ProjectCommand
  | DisputeCommand
  | AuditCommand
  | IndicatorCommand
  | UserCommand
  | PersonalDataCommand
  | HonourCommand
  | ReportSectionCommand
  | WarningCommand
  | VoidRecord;

export type CommandType = Command['type'];

export type CommandOf<Type extends CommandType> = Extract<Command, { type: Type }>;

/** The data a command of this type carries: what its DTO validates at the edge. */
export type DataOf<Type extends CommandType> = CommandOf<Type>['data'];
