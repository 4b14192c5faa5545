import { RuleViolation } from '../shared';
import { specFor } from '../shared/testing/given';
import { personalDataDecider } from './personal-data.decider';
import { personalDataDisclosed } from './personal-data.events';

const given = specFor(personalDataDecider);
const erase = { type: 'ErasePersonalData' as const, data: { subjectId: 's-1', reason: '当事人申请删除' } };

describe('erasing personal data', () => {
  it('records the erasure with its reason', () =>
    given([])
      .when(erase)
      .then([{ type: 'PersonalDataErased', data: { subjectId: 's-1', reason: '当事人申请删除' } }]));
  it('happens once', () =>
    given([{ type: 'PersonalDataErased', data: erase.data }])
      .when(erase)
      .thenThrows(RuleViolation, 'RULE_SUBJECT_ALREADY_ERASED'));
});

describe('disclosing personal data', () => {
  it('records who read which subjects and why, each subject once', () =>
    expect(
      personalDataDisclosed(['s-1', 's-2', 's-1'], '信访复查', {
        userId: 'wang',
        role: 'auditor',
        villages: ['x'],
      } as never),
    ).toEqual({
      type: 'PersonalDataDisclosed',
      data: { subjectIds: ['s-1', 's-2'], reason: '信访复查', actor: { userId: 'wang', role: 'auditor' } },
    }));
});
