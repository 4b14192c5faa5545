import { addDays, daysBetween, minDate, Random } from './random';
import { GIVEN, INVESTORS, MEDIATORS, PROJECT_NAMES, SECTORS, SURNAMES, VILLAGE_NAMES } from './names';

export interface Envelope {
  type: string;
  commandId: string;
  data: Record<string, unknown>;
}

export interface TermPlan {
  termId: string;
  name: string;
  startsOn: string;
  endsOn: string;
}

export interface TownshipOptions {
  seed?: number;
  /** Multiplies every kind of record; 1 is a small township's term (about 1,700 commands). */
  scale?: number;
  terms?: TermPlan[];
  villages?: number;
  /** No business date after this one (the generator's "today"). */
  today?: string;
}

export const DEMO_TERMS: TermPlan[] = [
  { termId: '2021-2026', name: '第八届镇人民政府', startsOn: '2021-10-01', endsOn: '2026-09-30' },
  { termId: '2026-2031', name: '第九届镇人民政府', startsOn: '2026-10-01', endsOn: '2031-09-30' },
];

/** Terms reaching back in time, newest last, for large generated logs. */
export const historicTerms = (count: number): TermPlan[] =>
  Array.from({ length: count }, (_, i) => {
    const start = 2026 - 5 * (count - i);
    return {
      termId: `${start}-${start + 5}`,
      name: `第${i + 1}届`,
      startsOn: `${start}-10-01`,
      endsOn: `${start + 5}-09-30`,
    };
  });

const cny = (minor: number) => ({ currency: 'CNY', minor });

/**
 * A realistic township, deterministic from its seed: terms, villages, investments, projects,
 * disputes, audits, cash books and indicators, every command valid against the domain's rules
 * and ordered by business date. Yields command envelopes, one event each.
 */
export function* generateTownship(options: TownshipOptions = {}): Generator<Envelope> {
  const random = new Random(options.seed ?? 20260928);
  const scale = options.scale ?? 1;
  const terms = options.terms ?? DEMO_TERMS;
  const today = options.today ?? '2026-11-27';
  const villageCount = options.villages ?? 12;
  let sequence = 0;
  const id = (prefix: string) => `${prefix}-${String(++sequence).padStart(7, '0')}`;
  const envelope = (type: string, data: Record<string, unknown>): Envelope => ({ type, commandId: id('cmd'), data });

  const villages = Array.from({ length: villageCount }, (_, i) => ({
    villageId: `V${String(i + 1).padStart(3, '0')}`,
    name:
      i < VILLAGE_NAMES.length
        ? VILLAGE_NAMES[i]
        : `${VILLAGE_NAMES[i % VILLAGE_NAMES.length]}${Math.floor(i / VILLAGE_NAMES.length) + 1}`,
    balance: 0,
    entries: [] as { entryId: string; kind: 'receipt' | 'expenditure'; minor: number; reversed: boolean }[],
  }));
  // A year that two terms share (a term starts on 1 October) is reported once, by the earlier term.
  const reportedYears = new Set<number>();
  for (const v of villages) yield envelope('RegisterVillage', { villageId: v.villageId, name: v.name });
  for (const term of terms) yield envelope('OpenTerm', { ...term });

  for (const term of terms) {
    const last = minDate(term.endsOn, today);
    if (last < term.startsOn) continue;
    const span = daysBetween(term.startsOn, last);
    const day = (from = term.startsOn, within = span) =>
      addDays(from, random.int(0, Math.max(0, Math.min(within, daysBetween(from, last)))));
    const dated: { on: string; seq: number; envelope: Envelope }[] = [];
    const at = (on: string, e: Envelope) => dated.push({ on, seq: dated.length, envelope: e });
    const count = (n: number) => Math.max(1, Math.round(n * scale * (span / 1826)));

    // 招商引资
    for (let i = 0; i < count(30); i++) {
      const investmentId = id(`ZS-${term.termId.slice(0, 4)}`);
      const foreign = random.chance(0.15);
      const minor = foreign ? random.yuanLog(500_000, 30_000_000) : random.yuanLog(2_000_000, 300_000_000);
      const currency = foreign ? 'USD' : 'CNY';
      const signedOn = day();
      const village = random.chance(0.4) ? random.pick(villages).villageId : undefined;
      at(
        signedOn,
        envelope('SignInvestment', {
          investmentId,
          investor: random.pick(INVESTORS),
          sector: random.pick(SECTORS),
          origin: foreign ? 'foreign' : 'domestic',
          amount: { currency, minor },
          signedOn,
          ...(village ? { villageId: village } : {}),
        }),
      );
      let arrivedOn = signedOn;
      let arrived = 0;
      for (let a = random.int(0, 3); a > 0; a--) {
        arrivedOn = day(arrivedOn, 400);
        const part = Math.round(minor / 4 / 100) * 100 || 100;
        arrived += part;
        at(arrivedOn, envelope('RecordCapitalArrival', { investmentId, amount: { currency, minor: part }, arrivedOn }));
      }
      if (random.chance(0.1))
        at(
          arrivedOn,
          envelope('AmendInvestment', {
            investmentId,
            amount: { currency, minor: minor + 1_000_000_00 },
            reason: '签订补充协议，追加投资',
          }),
        );
      else if (random.chance(0.04))
        at(
          arrivedOn,
          envelope('TerminateInvestment', {
            investmentId,
            terminatedOn: arrivedOn,
            reason: '投资方经营困难，协议终止',
          }),
        );
      else if (random.chance(0.02))
        at(arrivedOn, envelope('VoidRecord', { stream: `investment-${investmentId}`, reason: '重复录入，作废' }));
    }

    // 项目建设
    for (let i = 0; i < count(40); i++) {
      const projectId = id(`XM-${term.termId.slice(0, 4)}`);
      const omod = random.chance(0.5);
      const village = random.pick(villages).villageId;
      const registeredOn = day();
      const planned = omod ? random.yuanLog(50_000, 800_000, 1000) : random.yuanLog(1_000_000, 50_000_000);
      const villagers = Math.round((planned * 0.3) / 100) * 100;
      at(
        registeredOn,
        envelope('RegisterProject', {
          projectId,
          name: `${omod ? '一事一议：' : ''}${random.pick(PROJECT_NAMES)}`,
          category: omod
            ? 'one-matter-one-discussion'
            : random.pick(['industrial', 'infrastructure', 'public-service'] as const),
          registeredOn,
          plannedInvestment: cny(planned),
          villageId: village,
          ...(omod
            ? {
                funding: [
                  { source: 'villagers', amount: cny(villagers) },
                  { source: 'town-award', amount: cny(planned - villagers) },
                ],
              }
            : {}),
        }),
      );
      let on = registeredOn;
      const stages = random.int(0, 4);
      const milestones = ['construction-started', 'completed', random.chance(0.8) ? 'accepted' : 'commissioned'];
      let invested = 0;
      for (let s = 0; s < Math.min(stages, 3); s++) {
        on = day(on, 300);
        if (s === 1 && random.chance(0.1)) {
          at(on, envelope('RecordMilestone', { projectId, milestone: 'suspended', reachedOn: on, note: '资金未到位' }));
          on = day(on, 60);
          at(on, envelope('RecordMilestone', { projectId, milestone: 'resumed', reachedOn: on }));
        }
        at(on, envelope('RecordMilestone', { projectId, milestone: milestones[s], reachedOn: on }));
        invested = Math.min(planned, invested + Math.round(planned / 3 / 100) * 100);
        at(on, envelope('ReportProjectProgress', { projectId, investedToDate: cny(invested), asOf: on }));
      }
      if (stages >= 2 && random.chance(0.5))
        at(
          on,
          envelope('RecordProjectOutput', {
            projectId,
            metric: 'rural-road-km',
            quantity: random.int(5, 400) / 10,
            on,
          }),
        );
    }

    // 矛盾纠纷调处
    const categories = [
      'marriage-family',
      'neighbour',
      'housing-homestead',
      'contract',
      'damages',
      'forest-land',
      'land-acquisition',
      'labour',
      'village-affairs',
      'other',
    ] as const;
    for (let i = 0; i < count(100); i++) {
      const disputeId = id(`TJ-${term.termId.slice(0, 4)}`);
      const receivedOn = day();
      const person = () => ({
        name: `${random.pick(SURNAMES)}${random.pick(GIVEN)}${random.chance(0.5) ? random.pick(GIVEN) : ''}`,
        idNumber: `3301${String(random.int(10_000_000, 99_999_999))}${String(random.int(100_000, 999_999))}`,
        phone: `13${random.int(100_000_000, 999_999_999)}`,
      });
      at(
        receivedOn,
        envelope('RegisterDispute', {
          disputeId,
          category: random.pick(categories),
          receivedOn,
          summary: '双方因宅基地界址发生争议，申请调解',
          parties: [person(), person()],
          villageId: random.pick(villages).villageId,
        }),
      );
      if (receivedOn >= addDays(last, -20) && random.chance(0.7)) continue; // recent ones still open
      const heldOn = day(receivedOn, 30);
      const outcome = random.chance(0.9) ? 'agreement' : random.pick(['no-agreement', 'adjourned'] as const);
      at(heldOn, envelope('RecordMediation', { disputeId, heldOn, mediator: random.pick(MEDIATORS), outcome }));
      const closedOn = day(heldOn, 10);
      if (outcome === 'agreement')
        at(
          closedOn,
          envelope('ResolveDispute', {
            disputeId,
            resolvedOn: closedOn,
            method: 'mediation',
            agreement: '双方达成调解协议',
          }),
        );
      else if (random.chance(0.6))
        at(
          closedOn,
          envelope('EscalateDispute', {
            disputeId,
            escalatedOn: closedOn,
            to: random.pick(['court', 'arbitration', 'county'] as const),
            reason: '调解未果',
          }),
        );
      else if (random.chance(0.5))
        at(closedOn, envelope('ResolveDispute', { disputeId, resolvedOn: closedOn, method: 'withdrawn' }));
    }

    // 审计
    for (let i = 0; i < count(6); i++) {
      const auditId = id(`SJ-${term.termId.slice(0, 4)}`);
      const openedOn = day();
      const village = random.pick(villages).villageId;
      at(
        openedOn,
        envelope('OpenAudit', {
          auditId,
          subject: { kind: 'village', id: village },
          scope: random.pick(['funds', 'assets', 'resources'] as const),
          openedOn,
          leadAuditor: '审计组长',
        }),
      );
      let on = openedOn;
      let open = false;
      for (let f = random.int(1, 4); f > 0; f--) {
        const findingId = `F${f}`;
        const severity = random.pick(['info', 'minor', 'major', 'critical'] as const);
        const involved = random.yuanLog(1_000, 500_000, 100);
        at(
          on,
          envelope('RecordFinding', {
            auditId,
            findingId,
            severity,
            description: '部分支出凭证不全',
            amountInvolved: cny(involved),
            foundOn: on,
          }),
        );
        if (random.chance(0.8)) {
          on = day(on, 90);
          at(
            on,
            envelope('RecordRectification', {
              auditId,
              findingId,
              rectifiedOn: on,
              description: '已补齐凭证并追回资金',
              amountRecovered: cny(Math.round(involved / 2 / 100) * 100),
            }),
          );
        } else if (severity === 'major' || severity === 'critical') open = true;
      }
      if (!open && random.chance(0.8)) {
        on = day(on, 30);
        at(on, envelope('CloseAudit', { auditId, closedOn: on, conclusion: '问题已整改到位' }));
      }
    }

    // 村级财务 (balances tracked so no expenditure overdraws a cash book)
    for (const village of villages) {
      let on = term.startsOn;
      const quarters = Math.max(1, Math.round((span / 91) * scale));
      for (let q = 0; q < quarters && on < last; q++) {
        on = day(on, Math.max(1, Math.floor(span / quarters)));
        const receipt = random.yuanLog(5_000, 300_000, 100);
        const entryId = id('E');
        at(
          on,
          envelope('RecordReceipt', {
            villageId: village.villageId,
            entryId,
            amount: cny(receipt),
            category: random.pick(['collective-income', 'fiscal-transfer', 'project-fund'] as const),
            counterparty: '镇财政所',
            voucherNo: id('PZ'),
            on,
          }),
        );
        village.balance += receipt;
        village.entries.push({ entryId, kind: 'receipt', minor: receipt, reversed: false });
        const spend = Math.round((village.balance * random.int(10, 60)) / 100 / 100) * 100;
        if (spend > 0) {
          const spendId = id('E');
          at(
            on,
            envelope('RecordExpenditure', {
              villageId: village.villageId,
              entryId: spendId,
              amount: cny(spend),
              category: random.pick(['public-works', 'administration', 'welfare'] as const),
              payee: '施工队',
              voucherNo: id('PZ'),
              approvalRef: `村民代表会议决议${id('JY')}`,
              on,
            }),
          );
          village.balance -= spend;
          village.entries.push({ entryId: spendId, kind: 'expenditure', minor: spend, reversed: false });
        }
        if (random.chance(0.03)) {
          const entry = village.entries.find((e) => e.kind === 'expenditure' && !e.reversed);
          if (entry) {
            entry.reversed = true;
            village.balance += entry.minor;
            at(
              on,
              envelope('ReverseEntry', {
                villageId: village.villageId,
                entryId: entry.entryId,
                reason: '凭证错误，冲销',
                on,
              }),
            );
          }
        }
      }
      if (random.chance(0.5)) {
        const debtId = id('D');
        const incurredOn = day();
        const debt = random.yuanLog(20_000, 500_000, 100);
        at(
          incurredOn,
          envelope('RegisterDebt', {
            villageId: village.villageId,
            debtId,
            creditor: '县农商银行',
            amount: cny(debt),
            incurredOn,
          }),
        );
        const settledOn = day(incurredOn, 500);
        at(
          settledOn,
          envelope('SettleDebt', {
            villageId: village.villageId,
            debtId,
            amount: cny(Math.round(debt / 2 / 100) * 100),
            settledOn,
            method: random.pick(['repaid', 'written-off', 'restructured'] as const),
          }),
        );
      }
    }

    // 经济指标: annual figures for each year that has ended
    const startYear = Number(term.startsOn.slice(0, 4));
    const endYear = Number(last.slice(0, 4));
    let gdp = random.int(20, 40) * 1_000_000_000_00;
    let fiscal = random.int(5, 12) * 100_000_000_00;
    for (let year = startYear; year <= endYear; year++) {
      const reportedOn = `${year + 1}-01-20`;
      if (reportedOn > today) break;
      gdp = Math.round((gdp * random.int(105, 118)) / 100 / 100) * 100;
      fiscal = Math.round((fiscal * random.int(103, 125)) / 100 / 100) * 100;
      const income = random.int(18_000, 32_000) * 100;
      const fresh = !reportedYears.has(year);
      reportedYears.add(year);
      if (fresh) {
        at(
          reportedOn,
          envelope('ReportIndicator', { indicator: 'gdp', period: String(year), value: gdp, unit: 'CNY' }),
        );
        at(
          reportedOn,
          envelope('ReportIndicator', {
            indicator: 'fiscal-revenue',
            period: String(year),
            value: fiscal,
            unit: 'CNY',
          }),
        );
        at(
          reportedOn,
          envelope('ReportIndicator', {
            indicator: 'farmer-net-income',
            period: String(year),
            value: income,
            unit: 'CNY-per-capita',
          }),
        );
      }
      // The term's fiscal target is set once the indicator has its first report.
      if (year === startYear)
        at(
          reportedOn,
          envelope('SetIndicatorTarget', {
            indicator: 'fiscal-revenue',
            period: term.endsOn.slice(0, 4),
            target: Math.round((fiscal * 16) / 10 / 100) * 100,
          }),
        );
      if (year === startYear + 1)
        at(
          reportedOn,
          envelope('ReportIndicator', {
            indicator: 'gdp',
            period: String(year),
            value: gdp + 50_000_000_00,
            unit: 'CNY',
            reason: '统计局年报修订',
          }),
        );
    }

    dated.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.seq - b.seq));
    for (const item of dated) yield item.envelope;
  }
}
