import { DomainEvent, RuleViolation } from '../shared';

/** Voids a record entered by mistake. It stays in the log and the audit trail, and counts nowhere. */
export interface VoidRecord {
  type: 'VoidRecord';
  data: { stream: string; reason: string };
}

export type RecordVoided = DomainEvent<'RecordVoided', VoidRecord['data']>;

export const RECORD_VOIDED = 'RecordVoided';

export const alreadyVoided = (stream: string) =>
  new RuleViolation('RULE_RECORD_VOIDED', {
    zh: `记录「${stream}」已作废，不能再登记或更改`,
    en: `record ${stream} has been voided and accepts no further command`,
  });

export const notVoidable = (stream: string) =>
  new RuleViolation(
    'RULE_NOT_VOIDABLE',
    {
      zh: `「${stream}」不能作废（届次、村和用户不可作废）`,
      en: `${stream} cannot be voided (terms, villages and users cannot)`,
    },
    'data.stream',
  );
