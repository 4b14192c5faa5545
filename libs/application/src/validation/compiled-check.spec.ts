import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { COMMAND_DTOS, CommandDto } from './command-dtos';
import { surelyValid } from './compiled-check';

/** The demo term: every command type of a realistic township, as clients send them. */
const demo = readFileSync(join(__dirname, '..', '..', '..', '..', 'demo', 'demo-term.ndjson'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as { type: string; data: Record<string, unknown> });

const classValidatorAccepts = (dto: new () => object, data: unknown): boolean =>
  validateSync(plainToInstance(dto, data) as object, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
  }).length === 0;

const WRONG_VALUES: unknown[] = [
  undefined,
  null,
  '',
  'x',
  ' ',
  7,
  -1,
  1.5,
  0,
  true,
  {},
  [],
  ['x'],
  [{}],
  '2011-02-30',
  '2011-2-3',
  'CNY',
  'x'.repeat(2001),
  { currency: 'CNY', minor: 1 },
];

/** Every path to a value inside `data`, objects and list items included. */
const paths = (value: unknown, prefix: (string | number)[] = []): (string | number)[][] => {
  if (typeof value !== 'object' || value === null) return [];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return keys.flatMap((key) => [
    [...prefix, key],
    ...paths((value as Record<string | number, unknown>)[key], [...prefix, key]),
  ]);
};

const withValueAt = (data: unknown, path: (string | number)[], replacement: unknown): unknown => {
  const copy = structuredClone(data) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (replacement === undefined && !Array.isArray(parent)) delete parent[last];
  else parent[last] = replacement;
  return copy;
};

const withExtraField = (data: unknown, path: (string | number)[]): unknown => {
  const copy = structuredClone(data) as Record<string, unknown>;
  let target: Record<string, unknown> = copy;
  for (const key of path) target = target[key] as Record<string, unknown>;
  if (typeof target === 'object' && target !== null && !Array.isArray(target)) target.unexpected = 1;
  return copy;
};

describe('the compiled check of command data', () => {
  const samples = Object.values(
    demo.reduce<Record<string, typeof demo>>((byType, command) => {
      const list = (byType[command.type] ??= []);
      if (list.length < 4) list.push(command);
      return byType;
    }, {}),
  ).flat();

  it('covers the demo term: many command types, each accepted exactly as class-validator accepts it', () => {
    expect(new Set(samples.map((c) => c.type)).size).toBeGreaterThanOrEqual(20);
    for (const { type, data } of samples) {
      const dto = COMMAND_DTOS.get(type) as CommandDto;
      expect([type, surelyValid(dto, data)]).toEqual([type, true]);
      expect(classValidatorAccepts(dto, data)).toBe(true);
    }
  });

  it('never accepts what class-validator refuses: every field of every sample broken every way', () => {
    let refused = 0;
    for (const { type, data } of samples) {
      const dto = COMMAND_DTOS.get(type) as CommandDto;
      for (const path of [[], ...paths(data)]) {
        // JSON has no undefined: for a list item it stands for nothing a client can send.
        const wrongs =
          typeof path[path.length - 1] === 'number'
            ? WRONG_VALUES.filter((wrong) => wrong !== undefined)
            : WRONG_VALUES;
        const variants = [
          withExtraField(data, path),
          ...(path.length ? wrongs.map((wrong) => withValueAt(data, path, wrong)) : []),
        ];
        for (const variant of variants) {
          const expected = classValidatorAccepts(dto, variant);
          if (!expected) refused++;
          expect({ type, path, variant, fast: surelyValid(dto, variant) }).toEqual({
            type,
            path,
            variant,
            fast: expected,
          });
        }
      }
    }
    // The variants are mostly invalid: the comparison above is not vacuous.
    expect(refused).toBeGreaterThan(1000);
  });

  it('refuses what is not an object at all', () => {
    const dto = COMMAND_DTOS.get('RecordReceipt') as CommandDto;
    for (const value of [null, [], 'x', 1]) expect(surelyValid(dto, value)).toBe(false);
  });
});
