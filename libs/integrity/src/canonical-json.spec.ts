import { canonicalize } from 'json-canonicalize';
import { canonicalJson } from './canonical-json';

/** A deterministic pseudo-random JSON value: nested objects and arrays, awkward names and numbers. */
const generator = (seed: number) => {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)];
  const names = [
    'a',
    'b',
    'B',
    'aa',
    '10',
    '2',
    '€',
    '\u{1F600}',
    '\uFF61',
    'é',
    'e\u0301',
    '',
    'a b',
    '"q"',
    '\n',
    'data',
    'metadata',
    '\u0000',
  ];
  const strings = [
    '',
    'plain',
    '中文字符',
    'tab\there',
    'quote"back\\slash',
    '\u2028\u2029',
    '\u{1F600}',
    '\u001f',
    '</script>',
  ];
  const numbers = [
    0,
    -0,
    1,
    -1,
    0.1,
    1e21,
    1e-7,
    123456789012345680000,
    5e-324,
    Number.MAX_SAFE_INTEGER,
    -1.5e300,
    333333333.3333333,
  ];
  const value = (depth: number): unknown => {
    const kind = depth > 3 ? pick(['s', 'n', 'b', 'z']) : pick(['s', 'n', 'b', 'z', 'o', 'o', 'a']);
    switch (kind) {
      case 's':
        return pick(strings);
      case 'n':
        return pick(numbers);
      case 'b':
        return next() < 0.5;
      case 'z':
        return null;
      case 'a':
        return Array.from({ length: Math.floor(next() * 4) }, () => value(depth + 1));
      default:
        return Object.fromEntries(
          Array.from({ length: Math.floor(next() * 6) }, () => [pick(names), value(depth + 1)]),
        );
    }
  };
  return () => value(0);
};

describe('canonical JSON (RFC 8785)', () => {
  it('writes exactly the bytes of the reference implementation for thousands of values', () => {
    const next = generator(8785);
    for (let i = 0; i < 5000; i++) {
      const value = next();
      expect(canonicalJson(value)).toBe(canonicalize(value));
    }
  });

  it('sorts member names by UTF-16 code units and writes numbers as ECMAScript does (RFC 8785 §3.2.3 example)', () => {
    const value = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\u{1f600}': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    expect(canonicalJson(value)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","ö":"Latin Small Letter O With Diaeresis","€":"Euro Sign","\u{1f600}":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
    expect(canonicalJson({ numbers: [333333333.33333329, 1e30, 4.5, 2e-3, 0.000000000000000000000000001] })).toBe(
      '{"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27]}',
    );
  });

  it('leaves out members whose value is undefined and refuses what JSON cannot carry', () => {
    expect(canonicalJson({ b: 1, a: undefined })).toBe('{"b":1}');
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/non-finite/);
    expect(() => canonicalJson([1, undefined])).toThrow(/undefined is not JSON/);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/function is not JSON/);
  });
});
