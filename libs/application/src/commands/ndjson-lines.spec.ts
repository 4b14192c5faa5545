import { ndjsonLines, NdjsonLine } from './ndjson-lines';

const collect = async (chunks: (Buffer | string)[], maxLineBytes?: number): Promise<NdjsonLine[]> => {
  const lines: NdjsonLine[] = [];
  for await (const line of ndjsonLines(
    (async function* () {
      yield* chunks;
    })(),
    { maxLineBytes },
  ))
    lines.push(line);
  return lines;
};

/** 村 (U+6751) in GBK: two bytes that are not UTF-8. */
const GBK_CUN = Buffer.from([0xb4, 0xe5]);

describe('reading an NDJSON body line by line', () => {
  it('splits on line breaks across chunks, with \\r\\n or \\n, keeping blank lines', async () =>
    expect(await collect(['{"a":1}\r\n{"b"', ':2}\n\n{"c":3}'])).toEqual(['{"a":1}', '{"b":2}', '', '{"c":3}']));

  it('decodes a character split across chunks', async () => {
    const text = Buffer.from('{"name":"东村"}\n');
    expect(await collect([text.subarray(0, 11), text.subarray(11)])).toEqual(['{"name":"东村"}']);
  });

  it('hands on a line too long as unreadable, without holding it, and goes on with the next', async () => {
    const long = 'x'.repeat(40);
    const lines = await collect(['{"a":1}\n', long.slice(0, 25), long.slice(25), '\n{"b":2}\n'], 32);
    expect(lines).toEqual(['{"a":1}', { unreadable: 'too-large', bytes: 40 }, '{"b":2}']);
  });

  it('accepts a line of exactly the limit', async () =>
    expect(await collect(['x'.repeat(32), '\n'], 32)).toEqual(['x'.repeat(32)]));

  it('names a line that is not UTF-8 instead of replacing its bytes', async () => {
    const gbk = Buffer.concat([Buffer.from('{"name":"'), GBK_CUN, Buffer.from('"}\n{"ok":1}\n')]);
    expect(await collect([gbk])).toEqual([{ unreadable: 'not-utf8', bytes: 13 }, '{"ok":1}']);
  });

  it('skips a UTF-8 byte order mark at the start, even split across chunks, and only there', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    expect(await collect([Buffer.concat([bom, Buffer.from('{"a":1}\n')])])).toEqual(['{"a":1}']);
    expect(
      await collect([bom.subarray(0, 1), bom.subarray(1, 2), Buffer.concat([bom.subarray(2), Buffer.from('1')])]),
    ).toEqual(['1']);
    expect(await collect(['1\n', Buffer.concat([bom, Buffer.from('2')])])).toEqual(['1', '\ufeff2']);
  });

  it('reads a last line without a line break, and nothing from an empty body', async () => {
    expect(await collect(['{"a":1}'])).toEqual(['{"a":1}']);
    expect(await collect([])).toEqual([]);
  });
});
