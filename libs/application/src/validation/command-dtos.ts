import { CommandType, DataOf } from '@sunshine/domain';
import { administrationDtos } from './administration.dto';
import { auditDtos } from './audits.dto';
import { disputeDtos } from './disputes.dto';
import { honourDtos } from './honours.dto';
import { indicatorDtos } from './indicators.dto';
import { investmentDtos } from './investments.dto';
import { personalDataDtos } from './personal-data.dto';
import { projectDtos } from './projects.dto';
import { reportSectionDtos } from './report-sections.dto';
import { villageFinanceDtos } from './village-finance.dto';
import { warningDtos } from './warnings.dto';

/**
 * The DTO that validates each command type's `data`, tied to the domain at compile time: every
 * command type has one, its instances are the command's data, and it declares no field the data
 * lacks nor lacks one the data has.
 */
const DTOS = {
  ...administrationDtos,
  ...investmentDtos,
  ...projectDtos,
  ...disputeDtos,
  ...auditDtos,
  ...villageFinanceDtos,
  ...indicatorDtos,
  ...personalDataDtos,
  ...honourDtos,
  ...reportSectionDtos,
  ...warningDtos,
} satisfies { [Type in CommandType]: new () => DataOf<Type> };

type Dtos = typeof DTOS;
type SameFields<A, B> = [Exclude<keyof A, keyof B> | Exclude<keyof B, keyof A>] extends [never] ? true : false;
const sameFields: { [Type in CommandType]: SameFields<InstanceType<Dtos[Type]>, DataOf<Type>> } = {
  OpenTerm: true,
  RegisterVillage: true,
  RegisterUser: true,
  ChangeUserRole: true,
  RevokeUser: true,
  VoidRecord: true,
  SignInvestment: true,
  RecordCapitalArrival: true,
  AmendInvestment: true,
  TerminateInvestment: true,
  RegisterProject: true,
  RecordMilestone: true,
  ReportProjectProgress: true,
  RecordProjectOutput: true,
  MarkKeyProject: true,
  RegisterDispute: true,
  RecordMediation: true,
  ResolveDispute: true,
  EscalateDispute: true,
  OpenAudit: true,
  RecordFinding: true,
  RecordRectification: true,
  CloseAudit: true,
  RecordReceipt: true,
  RecordExpenditure: true,
  ReverseEntry: true,
  RegisterDebt: true,
  SettleDebt: true,
  DefineIndicator: true,
  ReportIndicator: true,
  SetIndicatorTarget: true,
  ErasePersonalData: true,
  RecordHonour: true,
  WriteReportSection: true,
  HandleWarning: true,
};
void sameFields;

export type CommandDto = new () => object;

/** The DTO of a command type; a type that is not a command (`toString` included) has none. */
const BY_TYPE = new Map<string, CommandDto>(Object.entries(DTOS));

export const dtoOf = (type: string): CommandDto | undefined => BY_TYPE.get(type);

/** Every command type the API takes, each with its DTO. */
export const COMMAND_DTOS: ReadonlyMap<string, CommandDto> = BY_TYPE;
