import { Conflict, RuleViolation } from '../shared';
import { specFor } from '../shared/testing/given';
import { termsDecider } from './terms.decider';
import { OpenTerm } from './terms.commands';
import { TermOpened } from './terms.events';

const given = specFor(termsDecider);
const open = (termId: string, startsOn: string, endsOn: string): OpenTerm => ({
  type: 'OpenTerm',
  data: { termId, name: `第${termId}届`, startsOn, endsOn },
});
const opened = (termId: string, startsOn: string, endsOn: string): TermOpened => ({
  type: 'TermOpened',
  data: open(termId, startsOn, endsOn).data,
});

describe('terms', () => {
  it('opens a first term', () =>
    given([])
      .when(open('2008-2013', '2008-10-01', '2013-09-30'))
      .then([{ type: 'TermOpened', data: { termId: '2008-2013', startsOn: '2008-10-01', endsOn: '2013-09-30' } }]));

  it('opens the next term the day after the last one ends', () =>
    given([opened('2008-2013', '2008-10-01', '2013-09-30')])
      .when(open('2013-2018', '2013-10-01', '2018-09-30'))
      .then([{ type: 'TermOpened' }]));

  it('will not open a term that ends on or before its start', () => {
    given([])
      .when(open('t', '2010-01-01', '2010-01-01'))
      .thenThrows(RuleViolation, 'RULE_TERM_ENDS_BEFORE_START');
    given([])
      .when(open('t', '2010-01-02', '2010-01-01'))
      .thenThrows(RuleViolation, 'RULE_TERM_ENDS_BEFORE_START');
  });

  it('will not open a term overlapping another, even by one shared day', () => {
    const first = opened('2008-2013', '2008-10-01', '2013-09-30');
    given([first])
      .when(open('x', '2013-09-30', '2018-09-30'))
      .thenThrows(RuleViolation, 'RULE_TERM_OVERLAP');
    given([first])
      .when(open('x', '2005-01-01', '2008-10-01'))
      .thenThrows(RuleViolation, 'RULE_TERM_OVERLAP');
    given([first])
      .when(open('x', '2009-01-01', '2010-01-01'))
      .thenThrows(RuleViolation, 'RULE_TERM_OVERLAP');
    given([first])
      .when(open('x', '2000-01-01', '2020-01-01'))
      .thenThrows(RuleViolation, 'RULE_TERM_OVERLAP');
  });

  it('will not open a term whose id exists', () =>
    given([opened('2008-2013', '2008-10-01', '2013-09-30')])
      .when(open('2008-2013', '2020-01-01', '2021-01-01'))
      .thenThrows(Conflict, 'CONFLICT_ID_EXISTS'));
});
