import { RuleViolation } from '../shared';
import { context, specFor } from '../shared/testing/given';
import { warningDecider } from './warnings.decider';
import { WarningHandled } from './warnings.events';

const given = specFor(warningDecider);
const warningId = 'dispute-overdue:dispute-D-017';
const handle = (handledOn: string, action: 'explained' | 'rectifying' | 'referred' = 'explained') => ({
  type: 'HandleWarning' as const,
  data: { warningId, handledOn, action, note: '已督促调解员限期办结' },
});
const handled = (handledOn: string): WarningHandled => ({ type: 'WarningHandled', data: handle(handledOn).data });

describe('handling a warning', () => {
  it('records the handling on the day it names', () =>
    given([])
      .when(handle('2026-11-20'))
      .then([{ type: 'WarningHandled', data: handle('2026-11-20').data, occurredOn: '2026-11-20' }]));
  it('adds to the trail of a warning handled before', () =>
    given([handled('2026-11-01')])
      .when(handle('2026-11-20', 'referred'))
      .then([{ type: 'WarningHandled', data: { action: 'referred' } }]));
  it('is not dated before the previous handling', () =>
    given([handled('2026-11-20')])
      .when(handle('2026-11-19'))
      .thenThrows(RuleViolation, 'RULE_HANDLING_BEFORE_PREVIOUS', 'data.handledOn'));
  it('is not dated after today', () =>
    given([], context({ today: '2026-11-28' }))
      .when(handle('2026-11-29'))
      .thenThrows(RuleViolation, 'RULE_DATE_IN_FUTURE', 'data.handledOn'));
});
