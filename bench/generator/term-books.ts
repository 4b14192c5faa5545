import { FINDINGS, RECTIFICATIONS } from './names';
import { addDays, Random } from './random';
import { cny, Envelope, TermContext, Village } from './term-context';

/**
 * Debts some villages carry from before the first term (存量债务): a road or a school built on
 * credit years ago, owed to the bank or the builder. The terms settle them bit by bit.
 */
export function* oldDebts(
  random: Random,
  villages: Village[],
  firstTermStart: string,
  id: (prefix: string) => string,
): Generator<Envelope> {
  for (const village of villages) {
    if (!random.chance(0.4)) continue;
    const debtId = id('D');
    const minor = random.yuanLog(50_000, 800_000, 100);
    village.oldDebts.push({ debtId, outstanding: minor });
    yield {
      type: 'RegisterDebt',
      commandId: id('cmd'),
      data: {
        villageId: village.villageId,
        debtId,
        creditor: random.pick(['县农商银行', '原村办企业', '工程承包方']),
        amount: cny(minor),
        incurredOn: addDays(firstTermStart, -random.int(400, 3000)),
      },
    };
  }
}

/** 审计: village audits with findings in the auditors' words, rectified or still open. */
export const audits = (t: TermContext): void => {
  const { random } = t;
  for (let i = 0; i < t.count(6); i++) {
    const auditId = t.id(`SJ-${t.term.termId.slice(0, 4)}`);
    const openedOn = t.day();
    const scope = random.pick(['funds', 'assets', 'resources'] as const);
    t.at(openedOn, 'OpenAudit', {
      auditId,
      subject: { kind: 'village', id: random.pick(t.villages).villageId },
      scope,
      openedOn,
      leadAuditor: random.pick(['镇审计组 王建国', '镇审计组 刘芳', '县审计局 陈明']),
    });
    let on = openedOn;
    let open = false;
    const descriptions = [...FINDINGS[scope]];
    for (let f = random.int(1, 4); f > 0; f--) {
      const findingId = `F${f}`;
      const severity = random.pick(['info', 'minor', 'major', 'critical'] as const);
      const involved = random.yuanLog(1_000, 500_000, 100);
      // Each finding of an audit says something else.
      const description = descriptions.splice(random.int(0, descriptions.length - 1), 1)[0] ?? '其他不规范问题';
      t.at(on, 'RecordFinding', {
        auditId,
        findingId,
        severity,
        description,
        amountInvolved: cny(involved),
        foundOn: on,
      });
      if (random.chance(0.8)) {
        on = t.day(on, 90);
        t.at(on, 'RecordRectification', {
          auditId,
          findingId,
          rectifiedOn: on,
          description: random.pick(RECTIFICATIONS),
          amountRecovered: cny(Math.round(involved / 2 / 100) * 100),
        });
      } else if (severity === 'major' || severity === 'critical') open = true;
    }
    if (!open && random.chance(0.8)) {
      on = t.day(on, 30);
      t.at(on, 'CloseAudit', { auditId, closedOn: on, conclusion: '问题已整改到位' });
    }
  }
};

const COUNTERPARTIES: Record<string, string> = {
  'collective-income': '村集体经济合作社',
  'fiscal-transfer': '镇财政所',
  'project-fund': '县农业农村局',
};
const PAYEES: Record<string, string> = {
  'public-works': '村道养护施工队',
  administration: '村委会日常办公',
  welfare: '困难群众救助',
};

/** 村级财务: quarterly receipts and spending (no cash book overdrawn), reversals, debts. */
export const villageBooks = (t: TermContext): void => {
  const { random } = t;
  for (const village of t.villages) {
    let on = t.term.startsOn;
    const quarters = Math.max(1, Math.round((t.span / 91) * t.scale));
    const step = Math.max(2, Math.floor(t.span / quarters));
    for (let q = 0; q < quarters && on < t.last; q++) {
      // Half a step to one and a half: the entries spread over the whole term.
      on = t.day(addDays(on, Math.floor(step / 2)), step);
      if (on > t.last) break;
      const receipt = random.yuanLog(5_000, 300_000, 100);
      const entryId = t.id('E');
      const receiptCategory = random.pick(['collective-income', 'fiscal-transfer', 'project-fund'] as const);
      t.at(on, 'RecordReceipt', {
        villageId: village.villageId,
        entryId,
        amount: cny(receipt),
        category: receiptCategory,
        counterparty: COUNTERPARTIES[receiptCategory],
        voucherNo: t.id('PZ'),
        on,
      });
      village.balance += receipt;
      village.entries.push({ entryId, kind: 'receipt', minor: receipt, reversed: false });
      const spend = Math.round((village.balance * random.int(10, 60)) / 100 / 100) * 100;
      if (spend > 0) {
        const spendId = t.id('E');
        const category = random.pick(['public-works', 'administration', 'welfare'] as const);
        t.at(on, 'RecordExpenditure', {
          villageId: village.villageId,
          entryId: spendId,
          amount: cny(spend),
          category,
          payee: PAYEES[category],
          voucherNo: t.id('PZ'),
          approvalRef: `村民代表会议决议${t.id('JY')}`,
          on,
        });
        village.balance -= spend;
        village.entries.push({ entryId: spendId, kind: 'expenditure', minor: spend, reversed: false });
      }
      if (random.chance(0.03)) {
        const entry = village.entries.find((e) => e.kind === 'expenditure' && !e.reversed);
        if (entry) {
          entry.reversed = true;
          village.balance += entry.minor;
          t.at(on, 'ReverseEntry', {
            villageId: village.villageId,
            entryId: entry.entryId,
            reason: '凭证错误，冲销',
            on,
          });
        }
      }
    }
    for (const debt of village.oldDebts) {
      if (debt.outstanding === 0 || !random.chance(0.6)) continue;
      const part = random.chance(0.4) ? debt.outstanding : Math.round(debt.outstanding / 3 / 100) * 100;
      debt.outstanding -= part;
      const settledOn = t.day();
      t.at(settledOn, 'SettleDebt', {
        villageId: village.villageId,
        debtId: debt.debtId,
        amount: cny(part),
        settledOn,
        method: random.pick(['repaid', 'repaid', 'written-off', 'restructured'] as const),
      });
    }
    if (random.chance(0.5)) {
      const debtId = t.id('D');
      const incurredOn = t.day();
      const debt = random.yuanLog(20_000, 500_000, 100);
      t.at(incurredOn, 'RegisterDebt', {
        villageId: village.villageId,
        debtId,
        creditor: random.pick(['县农商银行', '镇信用社', '工程承包方']),
        amount: cny(debt),
        incurredOn,
      });
      const settledOn = t.day(incurredOn, 500);
      t.at(settledOn, 'SettleDebt', {
        villageId: village.villageId,
        debtId,
        amount: cny(Math.round(debt / 2 / 100) * 100),
        settledOn,
        method: random.pick(['repaid', 'written-off', 'restructured'] as const),
      });
    }
  }
};

const roundTo100 = (minor: number) => Math.round(minor / 100) * 100;

/**
 * 经济指标: each year's figures growing as a township's do (incomes 5–12 % a year, never falling
 * by a third), the industries' shares shifting a point or so a year, and 1–9月 figures reported in
 * October for the progress report. A year two terms share is reported once.
 */
export const indicators = (t: TermContext): void => {
  const { random, economy } = t;
  const report = (on: string, indicator: string, period: string, value: number, unit: string) =>
    t.at(on, 'ReportIndicator', { indicator, period, value, unit });
  const startYear = Number(t.term.startsOn.slice(0, 4));
  const endYear = Number(t.last.slice(0, 4));
  for (let year = startYear; year <= endYear; year++) {
    const annualOn = `${year + 1}-01-20`;
    const threeQuartersOn = `${year}-10-20`;
    if (threeQuartersOn > t.today) break;
    if (!economy.reported.has(String(year))) {
      economy.gdp = roundTo100((economy.gdp * random.int(105, 112)) / 100);
      economy.fiscal = roundTo100((economy.fiscal * random.int(103, 118)) / 100);
      economy.income = roundTo100((economy.income * random.int(105, 112)) / 100);
      economy.primary = Math.max(60, economy.primary - random.int(3, 12));
      economy.secondary = Math.min(560, economy.secondary + random.int(0, 8));
      economy.reported.add(String(year));
      const threeQuarters = `${year}-01/${year}-09`;
      report(threeQuartersOn, 'gdp', threeQuarters, roundTo100((economy.gdp * random.int(72, 76)) / 100), 'CNY');
      report(
        threeQuartersOn,
        'fiscal-revenue',
        threeQuarters,
        roundTo100((economy.fiscal * random.int(70, 78)) / 100),
        'CNY',
      );
      if (annualOn <= t.today) {
        report(annualOn, 'gdp', String(year), economy.gdp, 'CNY');
        report(annualOn, 'fiscal-revenue', String(year), economy.fiscal, 'CNY');
        report(annualOn, 'farmer-net-income', String(year), economy.income, 'CNY-per-capita');
        const tertiary = 1000 - economy.primary - economy.secondary;
        for (const [code, tenths] of [
          ['primary-industry-share', economy.primary],
          ['secondary-industry-share', economy.secondary],
          ['tertiary-industry-share', tertiary],
        ] as const)
          report(annualOn, code, String(year), tenths / 10, 'percent');
      }
    }
    // The term's fiscal target is set once the indicator has its first report.
    if (year === startYear)
      t.at(threeQuartersOn, 'SetIndicatorTarget', {
        indicator: 'fiscal-revenue',
        period: t.term.endsOn.slice(0, 4),
        target: roundTo100((economy.fiscal * 16) / 10),
      });
    // The statistics bureau's yearbook revises a year's figure once.
    if (year === startYear + 1 && annualOn <= t.today)
      t.at(annualOn, 'ReportIndicator', {
        indicator: 'gdp',
        period: String(year),
        value: economy.gdp + 50_000_000_00,
        unit: 'CNY',
        reason: '统计局年报修订',
      });
  }
};
