import { RuleViolation } from './errors';
import { LocalDate } from './local-date';
import { DecisionContext } from './decider';

/** No business date may lie after today (Asia/Shanghai). */
export const notInFuture = (date: LocalDate, field: string, context: DecisionContext): void => {
  if (date > context.today)
    throw new RuleViolation(
      'RULE_DATE_IN_FUTURE',
      { zh: `${field} 的日期 ${date} 晚于今天（${context.today}），不能登记未来的事`, en: `${field} ${date} lies after today (${context.today})` },
      `data.${field}`,
    );
};

export const positiveAmount = (minor: number, field: string): void => {
  if (minor <= 0)
    throw new RuleViolation('RULE_AMOUNT_NOT_POSITIVE', { zh: `${field} 金额必须大于零`, en: `${field} must be greater than zero` }, `data.${field}`);
};
