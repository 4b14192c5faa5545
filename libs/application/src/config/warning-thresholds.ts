import { DEFAULT_WARNING_THRESHOLDS, WarningThresholds } from '@sunshine/projections';
import { ConfigError } from './config-error';

/**
 * The warnings' thresholds from the environment (README, Configuration): each variable a list of
 * whole numbers, checked at start so that a township never runs with a rule that cannot fire.
 */
const numbers = (env: NodeJS.ProcessEnv, name: string, count: number, fallback: number[], shape: string): number[] => {
  const text = env[name];
  if (text === undefined || text.trim() === '') return fallback;
  const parts = text.split(',').map((part) => part.trim());
  if (parts.length !== count || parts.some((part) => !/^\d{1,9}$/.test(part)))
    throw new ConfigError(name, `must be ${shape} (${count} whole numbers separated by commas), not "${text}"`);
  return parts.map(Number);
};

const holds = (ok: boolean, name: string, message: string): void => {
  if (!ok) throw new ConfigError(name, message);
};

/** Yuan as whole yuan: a threshold in minor units (分). */
const fen = (yuan: number): number => yuan * 100;

export const loadWarningThresholds = (env: NodeJS.ProcessEnv): WarningThresholds => {
  const d = DEFAULT_WARNING_THRESHOLDS;
  const DISPUTE = 'SUNSHINE_WARN_DISPUTE_OVERDUE_DAYS';
  const [disputeYellow, disputeRed] = numbers(
    env,
    DISPUTE,
    2,
    [d.disputeOverdueDays.yellow, d.disputeOverdueDays.red],
    'yellow,red days',
  );
  holds(disputeYellow < disputeRed, DISPUTE, 'the yellow days must come before the red days');
  const PROJECT = 'SUNSHINE_WARN_PROJECT_STALLED_DAYS';
  const [projectYellow, projectRed] = numbers(
    env,
    PROJECT,
    2,
    [d.projectStalledDays.yellow, d.projectStalledDays.red],
    'yellow,red days',
  );
  holds(projectYellow < projectRed, PROJECT, 'the yellow days must come before the red days');
  const FINDING = 'SUNSHINE_WARN_FINDING_UNRECTIFIED_DAYS';
  const f = d.findingUnrectifiedDays;
  const [findingYellow, findingRed, seriousRed] = numbers(
    env,
    FINDING,
    3,
    [f.yellow, f.red, f.seriousRed],
    'yellow,red,red-for-major-or-critical days',
  );
  holds(findingYellow < findingRed, FINDING, 'the yellow days must come before the red days');
  const EXPENSE = 'SUNSHINE_WARN_ADMINISTRATION_EXPENSE_YUAN';
  const a = d.administrationExpenseMinor;
  const [expenseYellow, expenseRed] = numbers(env, EXPENSE, 2, [a.yellow / 100, a.red / 100], 'yellow,red yuan');
  holds(
    0 < expenseYellow && expenseYellow < expenseRed,
    EXPENSE,
    'the yellow amount must be above 0 and below the red amount',
  );
  const CAPITAL = 'SUNSHINE_WARN_CAPITAL_ARRIVAL';
  const c = d.capitalArrival;
  const [minAgeDays, capitalYellow, capitalRed] = numbers(
    env,
    CAPITAL,
    3,
    [c.minAgeDays, c.yellowBelowPercent, c.redBelowPercent],
    'days,yellow-below-percent,red-below-percent',
  );
  holds(
    capitalRed < capitalYellow && capitalYellow <= 100,
    CAPITAL,
    'the red percent must be below the yellow percent, which is at most 100',
  );
  const INDICATOR = 'SUNSHINE_WARN_INDICATOR_BEHIND';
  const i = d.indicatorBehind;
  const [minElapsed, indicatorYellow, indicatorRed] = numbers(
    env,
    INDICATOR,
    3,
    [i.minElapsedPercent, i.yellowBelowPercent, i.redBelowPercent],
    'elapsed-percent,yellow-below-percent,red-below-percent',
  );
  holds(0 < minElapsed && minElapsed <= 100, INDICATOR, 'the elapsed percent must be from 1 to 100');
  holds(indicatorRed < indicatorYellow, INDICATOR, 'the red percent must be below the yellow percent');
  return {
    disputeOverdueDays: { yellow: disputeYellow, red: disputeRed },
    projectStalledDays: { yellow: projectYellow, red: projectRed },
    findingUnrectifiedDays: { yellow: findingYellow, red: findingRed, seriousRed },
    administrationExpenseMinor: { yellow: fen(expenseYellow), red: fen(expenseRed) },
    capitalArrival: { minAgeDays, yellowBelowPercent: capitalYellow, redBelowPercent: capitalRed },
    indicatorBehind: {
      minElapsedPercent: minElapsed,
      yellowBelowPercent: indicatorYellow,
      redBelowPercent: indicatorRed,
    },
  };
};
