import {
  AGREEMENTS,
  DISPUTE_SUMMARIES,
  GIVEN,
  INVESTORS,
  KEY_PROJECTS,
  MEDIATORS,
  OMOD_NAMES,
  PROJECT_KINDS,
  SURNAMES,
} from './names';
import { addDays, daysBetween } from './random';
import { cny, TermContext } from './term-context';

/** 招商引资: signings by investors of the sector they work in, arrivals, amendments, terminations. */
export const investments = (t: TermContext): void => {
  const { random } = t;
  for (let i = 0; i < t.count(30); i++) {
    const investmentId = t.id(`ZS-${t.term.termId.slice(0, 4)}`);
    const foreign = random.chance(0.15);
    const investor = random.pick(INVESTORS.filter((x) => x.foreign === foreign));
    const minor = foreign ? random.yuanLog(500_000, 30_000_000) : random.yuanLog(2_000_000, 300_000_000);
    const currency = foreign ? 'USD' : 'CNY';
    const signedOn = t.day();
    const village = random.chance(0.4) ? random.pick(t.villages).villageId : undefined;
    t.at(signedOn, 'SignInvestment', {
      investmentId,
      investor: investor.name,
      sector: investor.sector,
      origin: foreign ? 'foreign' : 'domestic',
      amount: { currency, minor },
      signedOn,
      ...(village ? { villageId: village } : {}),
    });
    let arrivedOn = signedOn;
    for (let a = random.int(0, 3); a > 0; a--) {
      arrivedOn = t.day(arrivedOn, 400);
      const part = Math.round(minor / 4 / 100) * 100 || 100;
      t.at(arrivedOn, 'RecordCapitalArrival', { investmentId, amount: { currency, minor: part }, arrivedOn });
    }
    if (random.chance(0.1))
      t.at(arrivedOn, 'AmendInvestment', {
        investmentId,
        amount: { currency, minor: minor + 1_000_000_00 },
        reason: '签订补充协议，追加投资',
      });
    else if (random.chance(0.04))
      t.at(arrivedOn, 'TerminateInvestment', {
        investmentId,
        terminatedOn: arrivedOn,
        reason: '投资方经营困难，协议终止',
      });
    else if (random.chance(0.02))
      t.at(arrivedOn, 'VoidRecord', { stream: `investment-${investmentId}`, reason: '重复录入，作废' });
  }
};

/** The milestones of a project, its cumulative progress and (maybe) what it built. */
const build = (
  t: TermContext,
  projectId: string,
  registeredOn: string,
  planned: number,
  options: {
    stages: number;
    gap: number;
    output?: () => { metric: string; quantity: number };
    /** A stage needs at least this many days left in the term so far (a large project takes its time). */
    minGap?: number;
  },
): void => {
  const { random } = t;
  const milestones = ['construction-started', 'completed', random.chance(0.8) ? 'accepted' : 'commissioned'];
  let on = registeredOn;
  let invested = 0;
  for (let s = 0; s < Math.min(options.stages, 3); s++) {
    if (daysBetween(on, t.last) < (options.minGap ?? 0)) break;
    on = t.day(on, options.gap);
    if (s === 1 && random.chance(0.1)) {
      t.at(on, 'RecordMilestone', { projectId, milestone: 'suspended', reachedOn: on, note: '资金未到位' });
      on = t.day(on, 60);
      t.at(on, 'RecordMilestone', { projectId, milestone: 'resumed', reachedOn: on });
    }
    t.at(on, 'RecordMilestone', { projectId, milestone: milestones[s], reachedOn: on });
    invested = Math.min(planned, invested + Math.round(planned / 3 / 100) * 100);
    t.at(on, 'ReportProjectProgress', { projectId, investedToDate: cny(invested), asOf: on });
  }
  const output = options.output?.();
  if (options.stages >= 2 && output) t.at(on, 'RecordProjectOutput', { projectId, ...output, on });
};

/**
 * 项目建设: projects whose category fits their name (a water-supply project is infrastructure),
 * 一事一议 works co-funded by villagers, and each term's large key projects (e.g. 6.5亿元).
 */
export const projects = (t: TermContext, termIndex: number): void => {
  const { random } = t;
  for (let i = 0; i < t.count(40); i++) {
    const projectId = t.id(`XM-${t.term.termId.slice(0, 4)}`);
    const omod = random.chance(0.5);
    const village = random.pick(t.villages);
    const registeredOn = t.day();
    const kind = random.pick(PROJECT_KINDS);
    const planned = omod ? random.yuanLog(50_000, 800_000, 1000) : random.yuanLog(kind.yuan[0], kind.yuan[1]);
    const villagers = Math.round((planned * 0.3) / 100) * 100;
    const omodName = random.pick(OMOD_NAMES);
    t.at(registeredOn, 'RegisterProject', {
      projectId,
      name: omod ? `一事一议：${village.name}${omodName}` : `${village.name}${kind.name}`,
      category: omod ? 'one-matter-one-discussion' : kind.category,
      registeredOn,
      plannedInvestment: cny(planned),
      villageId: village.villageId,
      ...(omod
        ? {
            funding: [
              { source: 'villagers', amount: cny(villagers) },
              { source: 'town-award', amount: cny(planned - villagers) },
            ],
          }
        : {}),
    });
    const output = omod
      ? omodName === '村内道路硬化'
        ? () => ({ metric: 'rural-road-km', quantity: random.int(5, 30) / 10 })
        : undefined
      : kind.output &&
        (() => ({
          metric: kind.output!.metric,
          quantity: random.int(kind.output!.min, kind.output!.max) / kind.output!.scale,
        }));
    build(t, projectId, registeredOn, planned, { stages: random.int(0, 4), gap: 300, output });
  }
  // One or two large projects a term, marked key projects (重点项目): named one by one in its work summary.
  for (let k = 0; k < (termIndex % 2 === 0 ? 2 : 1); k++) {
    const key = KEY_PROJECTS[(termIndex * 2 + k) % KEY_PROJECTS.length];
    const projectId = t.id(`ZD-${t.term.termId.slice(0, 4)}`);
    const registeredOn = t.day(t.term.startsOn, 200);
    t.at(registeredOn, 'RegisterProject', {
      projectId,
      name: key.name,
      category: key.category,
      registeredOn,
      plannedInvestment: cny(key.yuan * 100),
      funding: [
        { source: 'county', amount: cny(key.yuan * 60) },
        { source: 'enterprise', amount: cny(key.yuan * 40) },
      ],
    });
    t.at(registeredOn, 'MarkKeyProject', { projectId, key: true, reason: '列入县重点项目库' });
    build(t, projectId, registeredOn, key.yuan * 100, { stages: random.int(1, 3), gap: 500, minGap: 180 });
  }
};

/** Where a dispute goes when mediation fails: labour disputes to arbitration, contracts to court, … */
const ESCALATION: Record<string, readonly string[]> = {
  labour: ['arbitration', 'arbitration', 'county'],
  contract: ['court', 'court', 'county'],
  damages: ['court', 'county'],
  'land-acquisition': ['county', 'petition-office'],
  'village-affairs': ['county', 'petition-office'],
};

const person = (t: TermContext) => ({
  name: `${t.random.pick(SURNAMES)}${t.random.pick(GIVEN)}${t.random.chance(0.5) ? t.random.pick(GIVEN) : ''}`,
  idNumber: `3301${String(t.random.int(10_000_000, 99_999_999))}${String(t.random.int(100_000, 999_999))}`,
  phone: `13${t.random.int(100_000_000, 999_999_999)}`,
});

/** 矛盾纠纷调处: disputes whose summaries match their case type, mediated, resolved or escalated. */
export const disputes = (t: TermContext): void => {
  const { random } = t;
  const categories = Object.keys(DISPUTE_SUMMARIES);
  for (let i = 0; i < t.count(100); i++) {
    const disputeId = t.id(`TJ-${t.term.termId.slice(0, 4)}`);
    const receivedOn = t.day();
    const category = random.pick(categories);
    t.at(receivedOn, 'RegisterDispute', {
      disputeId,
      category,
      receivedOn,
      summary: random.pick(DISPUTE_SUMMARIES[category]),
      parties: [person(t), person(t)],
      villageId: random.pick(t.villages).villageId,
    });
    if (receivedOn >= addDays(t.last, -20) && random.chance(0.7)) continue; // recent ones still open
    const heldOn = t.day(receivedOn, 30);
    const outcome = random.chance(0.9) ? 'agreement' : random.pick(['no-agreement', 'adjourned'] as const);
    t.at(heldOn, 'RecordMediation', { disputeId, heldOn, mediator: random.pick(MEDIATORS), outcome });
    const closedOn = t.day(heldOn, 10);
    if (outcome === 'agreement')
      t.at(closedOn, 'ResolveDispute', {
        disputeId,
        resolvedOn: closedOn,
        method: 'mediation',
        agreement: random.pick(AGREEMENTS),
      });
    else if (random.chance(0.6))
      t.at(closedOn, 'EscalateDispute', {
        disputeId,
        escalatedOn: closedOn,
        to: random.pick(ESCALATION[category] ?? ['county', 'court']),
        reason: '经多次调解未能达成协议',
      });
    else if (random.chance(0.5))
      t.at(closedOn, 'ResolveDispute', { disputeId, resolvedOn: closedOn, method: 'withdrawn' });
  }
};
