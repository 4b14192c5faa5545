import type { Command } from '../commands';
import { Decider, DomainEvent, RuleViolation } from '../shared';
import { CommandSpec } from '../shared/command-spec';

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
      zh: `「${stream}」不能作废（届次、村、用户、个人信息删除和预警处置记录不可作废）`,
      en: `${stream} cannot be voided (terms, villages, users, erasures and warning handlings cannot)`,
    },
    'data.stream',
  );

/** A record that can be voided: the record's own state, and whether it was voided. */
export interface Voidable<State> {
  record: State;
  voided: boolean;
  /** The record's first event, which a voiding corrects. */
  firstEventId?: string;
}

const isVoiding = (event: DomainEvent): event is RecordVoided => event.type === RECORD_VOIDED;
const isVoidRecord = (command: Command): command is VoidRecord => command.type === 'VoidRecord';

/**
 * A decider whose records can be voided: `VoidRecord` appends `RecordVoided`, and a voided record
 * accepts no further command. Every other command and event goes to the record's own decider.
 */
export const voidable = <C extends Command, Event extends DomainEvent, State>(
  decider: Decider<C, Event, State>,
): Decider<C | VoidRecord, Event | RecordVoided, Voidable<State>> => ({
  initialState: () => ({ record: decider.initialState(), voided: false }),
  evolve: (state, event) => {
    const firstEventId = state.firstEventId ?? event.eventId;
    if (isVoiding(event)) return { ...state, voided: true, firstEventId };
    return { record: decider.evolve(state.record, event), voided: state.voided, firstEventId };
  },
  decide: (command, state, context) => {
    if (state.voided) throw alreadyVoided(context.stream);
    if (!isVoidRecord(command)) return decider.decide(command, state.record, context);
    return [{ type: 'RecordVoided', data: command.data, corrects: state.firstEventId }];
  },
});

/** VoidRecord names the record's stream; a stream that does not exist is a 404 on `data.stream`. */
export const voidRecordSpec: CommandSpec<VoidRecord['data']> = {
  stream: (data) => data.stream,
  creates: false,
  idField: 'stream',
};
