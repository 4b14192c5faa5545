import { createHash } from 'node:crypto';
import { canonicalize } from 'json-canonicalize';
import { GENESIS_HASH } from './event-hash';
import { ChainedEvent, chainEvents, ChainFollower, ChainLink, UnchainedEvent, verifyChain } from './hash-chain';

/** SHA-256 as an auditor computes it, with nothing of this library in between. */
const sha256 = (text: string) => createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex');

const unchained = (n: number, data: unknown, corrects?: string): UnchainedEvent => ({
  eventId: `evt-${n}`,
  type: 'InvestmentSigned',
  data,
  metadata: {
    commandId: `cmd-${n}`,
    actor: { userId: 'clerk-1', role: 'clerk' },
    occurredOn: '2009-06-18',
    correlationId: `cmd-${n}`,
    causationId: `cmd-${n}`,
    schemaVersion: 1,
    ...(corrects === undefined ? {} : { corrects }),
  },
});

const stored = ({ body, hash }: ChainLink): ChainedEvent => ({ ...body, metadata: { ...body.metadata, hash } });

describe('chainEvents', () => {
  const now = '2026-01-02T03:04:05.678Z';

  it('writes the bytes auditors hash, character for character', () => {
    const data = { investor: '华东汽配有限公司', amount: { minor: 12000000000, currency: 'CNY' } };
    const { links } = chainEvents({
      stream: 'investment-ZS-2009-014',
      head: undefined,
      now,
      notBefore: undefined,
      events: [unchained(1, data)],
    });
    // The stored format written out by hand: members sorted, no whitespace, text as it is.
    const expected =
      '{"data":{"amount":{"currency":"CNY","minor":12000000000},"investor":"华东汽配有限公司"},' +
      '"eventId":"evt-1","metadata":{"actor":{"role":"clerk","userId":"clerk-1"},"causationId":"cmd-1",' +
      '"commandId":"cmd-1","correlationId":"cmd-1","occurredOn":"2009-06-18",' +
      `"prevHash":"${GENESIS_HASH}","recordedAt":"${now}","schemaVersion":1},` +
      '"revision":0,"stream":"investment-ZS-2009-014","type":"InvestmentSigned"}';
    expect(links[0].canonical).toBe(expected);
    expect(links[0].hash).toBe(sha256(expected));
  });

  it('chains a batch onto a new stream as an independent RFC 8785 implementation computes it', () => {
    const events = [
      unchained(1, { name: '第一村', list: [1, 'two', null, { b: 2, a: 1 }], big: 9007199254740991 }),
      unchained(2, { '€': 1, '\u{1F600}': 2, B: 3, a: 4, 10: 5, '': 6, text: 'line\n"q"\\' }),
      unchained(3, { ratio: 0.1, tiny: 1e-7, huge: 1e21, negativeZero: -0 }, 'evt-1'),
    ];
    const { recordedAt, links } = chainEvents({
      stream: 'village-1',
      head: undefined,
      now,
      notBefore: undefined,
      events,
    });
    expect(recordedAt).toBe(now);
    let prevHash = GENESIS_HASH;
    links.forEach((link, i) => {
      const { eventId, type, data, metadata } = events[i];
      const body = {
        eventId,
        stream: 'village-1',
        revision: i,
        type,
        data,
        metadata: { ...metadata, recordedAt, prevHash },
      };
      expect(link.canonical).toBe(canonicalize(body));
      expect(link.hash).toBe(sha256(canonicalize(body)));
      prevHash = link.hash;
    });
  });

  it('goes on from the head of an existing stream', () => {
    const head = { revision: 6, hash: 'ab'.repeat(32) };
    const { links } = chainEvents({
      stream: 's',
      head,
      now,
      notBefore: undefined,
      events: [unchained(1, {}), unchained(2, {})],
    });
    expect(links.map((l) => l.body.revision)).toEqual([7, 8]);
    expect(links.map((l) => l.body.metadata.prevHash)).toEqual([head.hash, links[0].hash]);
  });

  it('records one transaction time for the whole append, never earlier than what the store already recorded', () => {
    const later = '2026-01-02T03:04:06.000Z';
    const events = [unchained(1, {}), unchained(2, {})];
    const behind = chainEvents({ stream: 's', head: undefined, now, notBefore: later, events });
    expect(behind.recordedAt).toBe(later);
    expect(behind.links.map((l) => l.body.metadata.recordedAt)).toEqual([later, later]);
    const ahead = chainEvents({ stream: 's', head: undefined, now: later, notBefore: now, events });
    expect(ahead.recordedAt).toBe(later);
  });

  it('keeps corrects only on a correction, and never as an undefined member', () => {
    const { links } = chainEvents({
      stream: 's',
      head: undefined,
      now,
      notBefore: undefined,
      events: [unchained(1, {}), unchained(2, {}, 'evt-1'), { ...unchained(3, {}), metadata: { corrects: undefined } }],
    });
    expect(links[0].body.metadata).not.toHaveProperty('corrects');
    expect(links[1].body.metadata.corrects).toBe('evt-1');
    expect(links[1].canonical).toContain('"corrects":"evt-1"');
    expect(links[2].body.metadata).not.toHaveProperty('corrects');
  });

  it('chains what the follower accepts', () => {
    const { links } = chainEvents({
      stream: 's',
      head: undefined,
      now,
      notBefore: undefined,
      events: [unchained(1, { n: 1 }), unchained(2, { n: 2 }), unchained(3, { n: 3 })],
    });
    expect(verifyChain('s', links.map(stored))).toBeUndefined();
  });
});

describe('ChainFollower', () => {
  const now = '2026-01-02T03:04:05.678Z';
  /** Stream A's events 0..2 and stream B's 0..1, as stored. */
  const chain = (stream: string, count: number) =>
    chainEvents({
      stream,
      head: undefined,
      now,
      notBefore: undefined,
      events: Array.from({ length: count }, (_, i) => unchained(i, { stream, i })),
    }).links.map(stored);
  const [a0, a1, a2] = chain('A', 3);
  const [b0, b1] = chain('B', 2);

  const followAll = (events: ChainedEvent[], follower = new ChainFollower()) => {
    for (const event of events) {
      const failure = follower.follow(event);
      if (failure) return failure;
    }
    return undefined;
  };

  it('follows interleaved streams, each from revision 0 and 64 zeros', () => {
    expect(followAll([a0, b0, a1, b1, a2])).toBeUndefined();
  });

  it('names a changed event a hash mismatch, with the hash its content gives', () => {
    const changed = { ...a1, data: { stream: 'A', i: 100 } };
    const failure = followAll([a0, b0, changed]);
    expect(failure).toEqual({
      stream: 'A',
      revision: 1,
      reason: 'hash-mismatch',
      detail: expect.stringMatching(/^the event hashes to [0-9a-f]{64}, its stored hash is [0-9a-f]{64}$/),
    });
    expect(failure?.detail).toContain(a1.metadata.hash);
  });

  it('names a missing event at the next one of its stream', () => {
    expect(followAll([a0, b0, a2])).toEqual({
      stream: 'A',
      revision: 2,
      reason: 'revision-gap',
      detail: 'stream A expects revision 1, found 2',
    });
  });

  it('names an event linked to another predecessor', () => {
    expect(followAll([a0, { ...a1, metadata: { ...a1.metadata, prevHash: b0.metadata.hash } }])).toEqual({
      stream: 'A',
      revision: 1,
      reason: 'prev-hash-mismatch',
      detail: 'prevHash is not the hash of revision 0',
    });
    expect(followAll([{ ...a0, metadata: { ...a0.metadata, prevHash: a1.metadata.hash } }])).toMatchObject({
      reason: 'prev-hash-mismatch',
      detail: 'prevHash is not genesis (64 zeros)',
    });
  });

  it('refuses an event of another stream when it follows one stream', () => {
    expect(followAll([a0, b0], new ChainFollower('A'))).toEqual({
      stream: 'A',
      revision: 0,
      reason: 'wrong-stream',
      detail: 'event belongs to stream B',
    });
  });

  it('links events whose hashes were checked elsewhere, and moves a head only when the link holds', () => {
    const follower = new ChainFollower();
    expect(follower.link('A', 0, GENESIS_HASH, a0.metadata.hash)).toBeUndefined();
    expect(follower.link('A', 1, GENESIS_HASH, a1.metadata.hash)).toMatchObject({ reason: 'prev-hash-mismatch' });
    expect(follower.link('A', 2, a1.metadata.hash, a2.metadata.hash)).toMatchObject({
      reason: 'revision-gap',
      detail: 'stream A expects revision 1, found 2',
    });
    expect(follower.link('A', 1, a0.metadata.hash, a1.metadata.hash)).toBeUndefined();
    expect(follower.link('A', 2, a1.metadata.hash, a2.metadata.hash)).toBeUndefined();
  });
});
