import { Decider, RuleViolation, unknownEvent } from '../shared';
import { PersonalDataCommand } from './personal-data.commands';
import { PersonalDataEvent } from './personal-data.events';

export interface DataSubject {
  erased: boolean;
}

export const personalDataDecider: Decider<PersonalDataCommand, PersonalDataEvent, DataSubject> = {
  initialState: () => ({ erased: false }),

  evolve: (state, event) => {
    switch (event.type) {
      case 'PersonalDataErased':
        return { erased: true };
      default:
        return unknownEvent(event.type, state);
    }
  },

  decide: (command, state) => {
    switch (command.type) {
      case 'ErasePersonalData':
        if (state.erased)
          throw new RuleViolation(
            'RULE_SUBJECT_ALREADY_ERASED',
            {
              zh: `当事人「${command.data.subjectId}」的个人信息已删除`,
              en: `the personal data of subject ${command.data.subjectId} is already erased`,
            },
            'data.subjectId',
          );
        return [{ type: 'PersonalDataErased', data: { ...command.data } }];
      default: {
        const unknown: never = command.type;
        throw new Error(`unknown command ${String(unknown)}`);
      }
    }
  },
};
