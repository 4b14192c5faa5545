import { Actor, CommandType, Forbidden, VOCABULARY } from '@sunshine/domain';

/** What each role may do: the role table of docs/api.md#who-may-call-what (docs/domain.md#who-may-send-what), in one place. */
export type Capability = 'record' | 'read' | 'audit' | 'personal-data' | 'administer' | 'void' | 'handle-warnings';

const CAPABILITIES: Record<Actor['role'], readonly Capability[]> = {
  admin: ['record', 'read', 'audit', 'personal-data', 'administer', 'void', 'handle-warnings'],
  clerk: ['record', 'read', 'void'],
  auditor: ['read', 'audit', 'personal-data'],
  // Warnings are handled by those who watch (纪委), not by the offices they watch (docs/DECISIONS.md).
  supervisor: ['read', 'handle-warnings'],
};

/** What sending each command takes; a new command type does not compile until it is listed. */
const CAPABILITY_OF: Record<CommandType, Capability> = {
  OpenTerm: 'record',
  RegisterVillage: 'record',
  RegisterUser: 'administer',
  ChangeUserRole: 'administer',
  RevokeUser: 'administer',
  SignInvestment: 'record',
  RecordCapitalArrival: 'record',
  AmendInvestment: 'record',
  TerminateInvestment: 'record',
  RegisterProject: 'record',
  RecordMilestone: 'record',
  ReportProjectProgress: 'record',
  RecordProjectOutput: 'record',
  MarkKeyProject: 'record',
  RegisterDispute: 'record',
  RecordMediation: 'record',
  ResolveDispute: 'record',
  EscalateDispute: 'record',
  OpenAudit: 'record',
  RecordFinding: 'record',
  RecordRectification: 'record',
  CloseAudit: 'record',
  RecordReceipt: 'record',
  RecordExpenditure: 'record',
  ReverseEntry: 'record',
  RegisterDebt: 'record',
  SettleDebt: 'record',
  DefineIndicator: 'record',
  ReportIndicator: 'record',
  SetIndicatorTarget: 'record',
  ErasePersonalData: 'administer',
  RecordHonour: 'record',
  WriteReportSection: 'record',
  VoidRecord: 'void',
  HandleWarning: 'handle-warnings',
};

export const capabilityFor = (type: CommandType): Capability => CAPABILITY_OF[type];

export const may = (actor: Actor, capability: Capability): boolean => CAPABILITIES[actor.role].includes(capability);

export const requireCapability = (actor: Actor, capability: Capability): void => {
  if (!may(actor, capability))
    throw new Forbidden('FORBIDDEN_ROLE', {
      zh: `当前角色（${VOCABULARY.role[actor.role]}）无权进行此操作`,
      en: `the role ${actor.role} may not do this`,
    });
};

const limited = (actor: Actor): actor is Actor & { villages: string[] } =>
  actor.role === 'clerk' && actor.villages !== undefined;

/**
 * A clerk limited to villages records only for them; a command that names no village is refused
 * to such a clerk.
 */
export const requireVillageScope = (actor: Actor, village: string | undefined): void => {
  if (!limited(actor)) return;
  if (village === undefined)
    throw new Forbidden('FORBIDDEN_VILLAGE_SCOPE', {
      zh: '该录入员仅限为指定的村登记，此命令未指明所属村',
      en: 'this clerk records only for its villages, and the command names no village',
    });
  if (!actor.villages.includes(village))
    throw new Forbidden('FORBIDDEN_VILLAGE_SCOPE', {
      zh: `该录入员无权为村「${village}」登记`,
      en: `this clerk may not record for village ${village}`,
    });
};

/**
 * A limited clerk acting on an existing record (a dispute, an audit, …) may act only on one of its
 * villages' records. A record that does not exist, or belongs to no village or another village,
 * gets the same answer, so the clerk learns nothing of records outside its villages.
 */
export const requireRecordInScope = (actor: Actor, village: string | undefined): void => {
  if (!limited(actor) || (village !== undefined && actor.villages.includes(village))) return;
  throw new Forbidden('FORBIDDEN_VILLAGE_SCOPE', {
    zh: '该录入员仅限为所辖村登记，无权操作此记录',
    en: 'this clerk records only for its villages and may not act on this record',
  });
};
