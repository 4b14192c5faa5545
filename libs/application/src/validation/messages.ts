import { PERIOD_FORMAT } from '@sunshine/domain';

/** Chinese and English wording of class-validator's constraints, for a clerk reading a 400. */
export const CONSTRAINT_MESSAGES: Record<string, { zh: string; en: string }> = {
  isDefined: { zh: '为必填项', en: 'is required' },
  isString: { zh: '应为文本', en: 'must be a string' },
  minLength: { zh: '不能为空', en: 'must not be empty' },
  maxLength: { zh: '过长', en: 'is too long' },
  matches: { zh: '格式不正确', en: 'has the wrong format' },
  isInt: { zh: '应为整数', en: 'must be an integer' },
  min: { zh: '不能小于允许的最小值', en: 'is below the minimum' },
  max: { zh: '超出允许的最大值', en: 'is above the maximum' },
  isIn: { zh: '不是允许的取值', en: 'is not one of the allowed values' },
  isObject: { zh: '应为对象', en: 'must be an object' },
  isArray: { zh: '应为列表', en: 'must be a list' },
  arrayMinSize: { zh: '至少需要一项', en: 'needs at least one item' },
  arrayMaxSize: { zh: '项数过多', en: 'has too many items' },
  isNumber: { zh: '应为数字', en: 'must be a number' },
  isBoolean: { zh: '应为真或假', en: 'must be true or false' },
  isLocalDate: { zh: '不是有效的日期（应为 YYYY-MM-DD）', en: 'is not a valid calendar date (YYYY-MM-DD)' },
  isPeriod: PERIOD_FORMAT,
  atMostThreeDecimals: { zh: '最多保留三位小数', en: 'may have at most 3 decimals' },
  isMinorUnits: { zh: '单位为 CNY 时应为整数（以分计）', en: 'must be an integer count of minor units for a CNY unit' },
  isIdList: { zh: '应为编号列表（每项都是有效编号）', en: 'must be a list of ids' },
  arrayUnique: { zh: '不能有重复项', en: 'must not repeat an item' },
  whitelistValidation: { zh: '是未知字段', en: 'is not a known field' },
  nestedValidation: { zh: '应为对象', en: 'must be an object' },
  noNestedList: { zh: '每一项都应为对象，不能是列表', en: 'must hold objects, not lists' },
};

export const describeConstraint = (name: string, fallback: string): { zh: string; en: string } =>
  CONSTRAINT_MESSAGES[name] ?? { zh: `不符合要求（${name}）`, en: fallback };
