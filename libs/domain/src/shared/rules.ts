import { RuleViolation } from './errors';
import { LocalDate } from './local-date';
import { DecisionContext } from './decider';
import { fieldLabel } from './labels';
import { Money } from './money';

/** No business date may lie after today (Asia/Shanghai). */
export const notInFuture = (date: LocalDate, field: string, context: DecisionContext): void => {
  if (date > context.today)
    throw new RuleViolation(
      'RULE_DATE_IN_FUTURE',
      {
        zh: `${fieldLabel(field)}（${date}）晚于今天（${context.today}），不能登记未来的事`,
        en: `${field} ${date} lies after today (${context.today})`,
      },
      `data.${field}`,
    );
};

export const positiveAmount = (minor: number, field: string): void => {
  if (minor <= 0)
    throw new RuleViolation(
      'RULE_AMOUNT_NOT_POSITIVE',
      { zh: `${fieldLabel(field)}必须大于零`, en: `${field} must be greater than zero` },
      `data.${field}`,
    );
};

/**
 * A date may not precede the one it follows (a mediation its dispute's receipt, …).
 * `earlierField` names the earlier date's field, for the message.
 */
export const notBefore = (
  code: string,
  date: LocalDate,
  field: string,
  earliest: LocalDate,
  earlierField: string,
): void => {
  if (date < earliest)
    throw new RuleViolation(
      code,
      {
        zh: `${fieldLabel(field)}（${date}）不能早于${fieldLabel(earlierField)}（${earliest}）`,
        en: `${field} ${date} is before ${earlierField} ${earliest}`,
      },
      `data.${field}`,
    );
};

/** Village cash books and project figures are kept in CNY only (docs/domain.md#values); the DTO refuses others first. */
export const inCny = (money: Money, field: string): void => {
  if (money.currency !== 'CNY')
    throw new RuleViolation(
      'RULE_CURRENCY_NOT_CNY',
      { zh: `${fieldLabel(field)}只能以人民币（CNY）登记`, en: `${field} must be in CNY` },
      `data.${field}.currency`,
    );
};
