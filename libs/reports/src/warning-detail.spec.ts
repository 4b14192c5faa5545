import { RaisedWarning, WarningFacts } from '@sunshine/projections';
import { warningDetail } from './warning-detail';

const warning = (facts: WarningFacts): RaisedWarning => ({
  warningId: `${facts.rule}:x`,
  rule: facts.rule,
  level: 'red',
  stream: 'x',
  villageId: 'V1',
  raisedOn: '2026-05-01',
  facts,
});
const cny = (minor: number) => ({ currency: 'CNY', minor });

/** A warning's reason as a supervisor reads it: names, Chinese dates and money, never an id where a name exists. */
describe('the detail of a warning', () => {
  it('names a dispute by its village and case type', () =>
    expect(
      warningDetail(
        warning({
          rule: 'dispute-overdue',
          disputeId: 'TJ-7',
          category: 'land-acquisition',
          receivedOn: '2026-03-01',
          days: 61,
        }),
        { village: '北岭' },
      ),
    ).toBe('北岭的矛盾纠纷「征地拆迁」（TJ-7）于2026年3月1日受理，已61天未化解也未移交'));

  it('says what a new debt still owes and which term forbids it', () =>
    expect(
      warningDetail(
        warning({
          rule: 'new-village-debt',
          debtId: 'D-1',
          creditor: '县农商行',
          amount: cny(8_000_000),
          outstanding: cny(5_000_000),
          incurredOn: '2026-01-01',
          term: { termId: 'T', name: '第十八届', startsOn: '2026-01-01' },
        }),
        { village: '东村' },
      ),
    ).toMatch(
      /^东村于2026年1月1日新增债务8\s?万元（债权人：县农商行），尚欠5\s?万元；本届（第十八届，2026年1月1日起）禁止新增村级债务$/,
    ));

  it('states an arrival rate just under a threshold as under it', () =>
    expect(
      warningDetail(
        warning({
          rule: 'capital-arrival-low',
          investmentId: 'ZS-1',
          investor: '华东汽配有限公司',
          signed: cny(300_000_000),
          arrived: cny(29_999_999),
          signedOn: '2025-01-10',
          days: 400,
        }),
        { village: null },
      ),
    ).toMatch(/到位率9\.9%$/));

  it('names the audited record and the finding', () =>
    expect(
      warningDetail(
        warning({
          rule: 'finding-unrectified',
          auditId: 'A-1',
          findingId: 'F-1',
          severity: 'critical',
          description: '虚列支出',
          subject: { kind: 'project', id: 'P-1' },
          foundOn: '2026-01-10',
          days: 40,
        }),
        { village: '西村', auditSubject: '西村文化广场' },
      ),
    ).toBe('对「西村文化广场」的审计于2026年1月10日发现的严重问题「虚列支出」已40天未整改'));
});
