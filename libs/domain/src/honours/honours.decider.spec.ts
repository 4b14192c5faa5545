import { Conflict, RuleViolation } from '../shared';
import { context, specFor } from '../shared/testing/given';
import { honoursContext } from './honours.context';
import { honourDecider } from './honours.decider';
import { HonourCommand } from './honours.commands';
import { HonourEvent } from './honours.events';

const given = specFor(honourDecider);
const honour = {
  honourId: 'RY-2023-01',
  title: '省级卫生乡镇',
  awardedBy: '省爱国卫生运动委员会',
  awardedOn: '2023-11-20',
  level: 'provincial' as const,
};
const record: HonourCommand = { type: 'RecordHonour', data: honour };
const recorded: HonourEvent = { type: 'HonourRecorded', data: honour };

describe('honours (荣誉)', () => {
  it('records an honour on the day it was awarded', () =>
    given([])
      .when(record)
      .then([{ type: 'HonourRecorded', data: honour, occurredOn: '2023-11-20' }]));

  it('keeps each honour id once', () =>
    given([recorded]).when(record).thenThrows(Conflict, 'CONFLICT_ID_EXISTS', 'data.honourId'));

  it('refuses an award dated after today', () =>
    given([], context({ today: '2023-11-19' }))
      .when(record)
      .thenThrows(RuleViolation, 'RULE_DATE_IN_FUTURE', 'data.awardedOn'));

  it('lives in its own stream and can be voided when entered by mistake', () => {
    expect(honoursContext.commands.RecordHonour.stream(honour)).toBe('honour-RY-2023-01');
    expect(honoursContext.commands.VoidRecord).toBeDefined();
  });
});
