import { FieldProblem } from '@sunshine/domain';

/** How deep a command's JSON may nest: far more than any command needs, far less than a stack holds. */
export const MAX_DEPTH = 32;

// U+FDD0–U+FDEF, and the last two code points of every plane (U+FFFE, U+FFFF, U+1FFFE, …, U+10FFFF).
const NONCHARACTER =
  /[\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]/;

const textProblem = (text: string): { zh: string; en: string } | undefined => {
  if (!text.isWellFormed())
    return { zh: '含有无效的字符（孤立的代理码元）', en: 'holds an invalid character (a lone surrogate)' };
  if (NONCHARACTER.test(text))
    return { zh: '含有非字符码位（如 U+FFFF）', en: 'holds a noncharacter code point (such as U+FFFF)' };
  return undefined;
};

/**
 * Checks what any JSON a command carries must be before its fields are looked at: nested at most
 * MAX_DEPTH deep, every string (keys included) valid Unicode without noncharacters — I-JSON, so
 * an auditor's RFC 8785 library reproduces every hash — and every number within the safe integers,
 * so no figure is silently rounded. Walks without recursion, however deep the input.
 */
export const jsonShapeProblems = (value: unknown, path: string): FieldProblem[] => {
  const problems: FieldProblem[] = [];
  const pending: [unknown, string, number][] = [[value, path, 0]];
  while (pending.length && problems.length < 20) {
    const [item, at, depth] = pending.pop() as [unknown, string, number];
    if (typeof item === 'string') {
      const problem = textProblem(item);
      if (problem) problems.push({ path: at, ...problem });
    } else if (typeof item === 'number') {
      if (Math.abs(item) > Number.MAX_SAFE_INTEGER)
        problems.push({
          path: at,
          zh: '超出可精确表示的数值范围（±9007199254740991）',
          en: 'is outside the safe integers (±9007199254740991)',
        });
    } else if (typeof item === 'object' && item !== null) {
      if (depth >= MAX_DEPTH) {
        problems.push({ path: at, zh: `嵌套超过 ${MAX_DEPTH} 层`, en: `nests deeper than ${MAX_DEPTH} levels` });
        continue;
      }
      const entries = Array.isArray(item) ? item.entries() : Object.entries(item);
      for (const [key, child] of entries) {
        const childPath = at === '' ? String(key) : `${at}.${key}`;
        const keyProblem = typeof key === 'string' ? textProblem(key) : undefined;
        if (keyProblem) problems.push({ path: childPath, ...keyProblem });
        else pending.push([child, childPath, depth + 1]);
      }
    }
  }
  return problems;
};
