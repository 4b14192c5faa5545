import { LocalDate } from '../shared/local-date';

/** The rules that raise warnings (三色预警), as DOMAIN.md names them; `warningId`s begin with one. */
export const WARNING_RULES = [
  'dispute-overdue',
  'project-stalled',
  'finding-unrectified',
  'new-village-debt',
  'large-administration-expense',
  'capital-arrival-low',
  'indicator-behind-target',
] as const;
export type WarningRule = (typeof WARNING_RULES)[number];

/** Red before yellow: the order a supervisor reads them in. */
export const WARNING_LEVELS = ['red', 'yellow'] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];

export const WARNING_STATUSES = ['open', 'handled'] as const;
export type WarningStatus = (typeof WARNING_STATUSES)[number];

/** 作出说明, 正在整改, 移交处理. */
export const WARNING_ACTIONS = ['explained', 'rectifying', 'referred'] as const;
export type WarningAction = (typeof WARNING_ACTIONS)[number];

/**
 * `<rule>:<stream>`, plus `:<findingId>`, `:<entryId>` or `:<debtId>` where one stream holds
 * several records. A stream and a part are each at most a category and an Id, so a warningId may be
 * longer than an Id: up to 240 characters of the Id alphabet.
 */
export const WARNING_ID_PATTERN = new RegExp(`^(${WARNING_RULES.join('|')}):[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$`);

export const warningIdOf = (rule: WarningRule, stream: string, part?: string): string =>
  part === undefined ? `${rule}:${stream}` : `${rule}:${stream}:${part}`;

/** The rule a warningId begins with. */
export const ruleOfWarning = (warningId: string): WarningRule | undefined =>
  WARNING_RULES.find((rule) => warningId.startsWith(`${rule}:`));

/** Records how a warning was handled; the warning stays listed, as handled, with its trail. */
export interface HandleWarning {
  type: 'HandleWarning';
  data: { warningId: string; handledOn: LocalDate; action: WarningAction; note: string };
}

export type WarningCommand = HandleWarning;
