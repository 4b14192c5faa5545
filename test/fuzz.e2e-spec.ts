import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN_TOKEN, startTestApp, TestApp } from './support/test-app';

/**
 * Property-based tests of the command and import APIs: envelopes of every command type of the
 * demo term, mutated at random (fields dropped, replaced by any JSON, unknown and prototype-named
 * fields added, types and ids garbled), and random import files. Whatever comes in, the answer is
 * never a 5xx, a refusal appends nothing, and a refusal is a problem that names what it refuses.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Envelope = { type: string; commandId: string; data: Record<string, Json>; expectedRevision?: number };

/** The first envelope of each command type in the demo term, in file order. */
const demoEnvelopes = (): Envelope[] => {
  const seen = new Map<string, Envelope>();
  for (const line of readFileSync(join(__dirname, '../demo/demo-term.ndjson'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const envelope = JSON.parse(line) as Envelope;
    if (!seen.has(envelope.type)) seen.set(envelope.type, envelope);
  }
  return [
    ...seen.values(),
    { type: 'RegisterUser', commandId: 'fz-user', data: { userId: 'fz-clerk', name: '录入员', role: 'clerk' } },
    { type: 'ChangeUserRole', commandId: 'fz-role', data: { userId: 'fz-clerk', role: 'auditor' } },
    { type: 'RevokeUser', commandId: 'fz-revoke', data: { userId: 'fz-clerk', reason: '调离' } },
    { type: 'ErasePersonalData', commandId: 'fz-erase', data: { subjectId: 'fz-subject', reason: '申请删除' } },
  ];
};

const ENVELOPES = demoEnvelopes();
const TYPES = ENVELOPES.map((e) => e.type);
const PROTOTYPE_NAMES = [
  'toString',
  'valueOf',
  'constructor',
  'hasOwnProperty',
  '__proto__',
  'isPrototypeOf',
  '__defineGetter__',
];

/** Any JSON value, with the strings and numbers that break naive code more likely. */
const hostileJson: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom<Json>(null, true, false, 0, -1, 1e308, -1e308, 1e-320, 9007199254740993, 0.1, '', ' ', '\u0000'),
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.constantFrom('x\ud800y', '\uffff', '2026-02-30', '9999-12-31', '东村'.repeat(300), 'a'.repeat(5000)),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.string(), fc.constantFrom(...PROTOTYPE_NAMES)), tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** Paths to every value in a JSON tree (objects and arrays), the root excluded. */
const pathsOf = (value: Json, prefix: string[] = []): string[][] =>
  value !== null && typeof value === 'object'
    ? Object.entries(value).flatMap(([key, child]) => [[...prefix, key], ...pathsOf(child, [...prefix, key])])
    : [];

type Mutation =
  | { kind: 'replace'; pick: number; value: Json }
  | { kind: 'drop'; pick: number }
  | { kind: 'add'; pick: number; key: string; value: Json };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), pick: fc.nat(), value: hostileJson }),
  fc.record({ kind: fc.constant('drop' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('add' as const),
    pick: fc.nat(),
    key: fc.oneof(fc.string(), fc.constantFrom(...PROTOTYPE_NAMES)),
    value: hostileJson,
  }),
);

/** Applies mutations to a deep copy; each picks a path of the envelope by index. */
const mutate = (envelope: Envelope, mutations: Mutation[]): Json => {
  let root = JSON.parse(JSON.stringify(envelope)) as Json;
  for (const m of mutations) {
    const paths = pathsOf(root);
    if (paths.length === 0) break;
    const path = paths[m.pick % paths.length];
    const parent = path.slice(0, -1).reduce<Json>((node, key) => (node as Record<string, Json>)[key], root);
    const last = path[path.length - 1];
    const holder = parent as Record<string, Json>;
    if (m.kind === 'replace') holder[last] = m.value;
    else if (m.kind === 'drop') {
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete holder[last];
    } else {
      const target = holder[last];
      if (target !== null && typeof target === 'object' && !Array.isArray(target))
        Object.defineProperty(target, m.key, { value: m.value, enumerable: true, configurable: true, writable: true });
      else root = { ...(root as Record<string, Json>), [m.key]: m.value };
    }
  }
  return root;
};

const envelopeCase = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      base: fc.nat({ max: ENVELOPES.length - 1 }),
      mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }),
      commandId: fc.option(fc.string({ minLength: 1, maxLength: 80 }), { nil: undefined }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      base: fc.nat({ max: ENVELOPES.length - 1 }),
      mutations: fc.constant([] as Mutation[]),
      type: fc.oneof(fc.constantFrom(...TYPES, ...PROTOTYPE_NAMES), fc.string()),
      commandId: fc.option(fc.string({ minLength: 1, maxLength: 80 }), { nil: undefined }),
    }),
  },
);

const bodyOf = (c: { base: number; mutations: Mutation[]; commandId?: string; type?: string }, run: number): Json => {
  const base = { ...ENVELOPES[c.base], commandId: c.commandId ?? `fz-${run}-${ENVELOPES[c.base].commandId}` };
  const mutated = mutate(c.type === undefined ? base : { ...base, type: c.type }, c.mutations);
  return mutated;
};

const isProblem = (response: { headers: Record<string, string>; body: Record<string, unknown> }) =>
  /^application\/problem\+json/.test(response.headers['content-type'] ?? '') &&
  typeof response.body.code === 'string' &&
  typeof response.body.detail === 'string';

describe('random and mutated commands (fast-check)', () => {
  let t: TestApp;
  const seen = { cases: 0, serverErrors: 0, statuses: new Map<number, number>() };
  beforeAll(async () => {
    t = await startTestApp({
      env: { SUNSHINE_RATE_LIMIT_PER_TOKEN: '0', SUNSHINE_RATE_LIMIT_PER_ADDRESS: '0' },
    });
  });
  afterAll(async () => {
    // The figures of the run, for whoever reads the test output.
    process.stdout.write(
      `fuzzing: ${seen.cases} cases, ${seen.serverErrors} answered 5xx, by status ${JSON.stringify(Object.fromEntries(seen.statuses))}\n`,
    );
    await t.close();
  });

  it('never answers 5xx, appends nothing when it refuses, and names what it refuses', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(envelopeCase, async (c) => {
        const body = bodyOf(c, ++run);
        const head = await t.runtime.events.headPosition();
        const response = await t.http
          .post('/api/v1/commands')
          .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
          .set('Content-Type', 'application/json')
          .send(JSON.stringify(body));
        seen.cases++;
        seen.statuses.set(response.status, (seen.statuses.get(response.status) ?? 0) + 1);
        if (response.status >= 500) seen.serverErrors++;
        expect([response.status, JSON.stringify(body).slice(0, 300)]).toEqual([expect.any(Number), expect.any(String)]);
        expect(response.status).toBeLessThan(500);
        if (response.status >= 400) {
          expect(isProblem(response)).toBe(true);
          expect(await t.runtime.events.headPosition()).toBe(head);
          if (response.status === 400)
            expect([JSON.stringify(body).slice(0, 300), response.body.errors?.[0]?.path]).toEqual([
              expect.any(String),
              expect.any(String),
            ]);
        }
      }),
      { numRuns: 600 },
    );
  });

  it('answers 400, not 500, to a field given as an object with a key `constructor`', async () => {
    const response = await t.command({
      type: 'RegisterVillage',
      commandId: 'fz-constructor',
      data: { villageId: 'fz-v', name: { constructor: true } },
    });
    expect(response.status).toBe(400);
  });

  it('answers every line of a random import, never 5xx, and a refused file appends nothing', async () => {
    let run = 0;
    const line = fc.oneof(
      {
        weight: 6,
        arbitrary: envelopeCase.map((c) => bodyOf(c, ++run + 100_000)).map((body) => JSON.stringify(body)),
      },
      { weight: 1, arbitrary: fc.string() },
      {
        weight: 1,
        arbitrary: fc.constantFrom('{', '[]', 'null', '"x"', '{"type":"toString"}', 'x'.repeat(1024 * 1024 + 1)),
      },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 8 }), fc.boolean(), async (lines, keepGoing) => {
        const head = await t.runtime.events.headPosition();
        const response = await t.http
          .post(`/api/v1/commands/import?onError=${keepGoing ? 'continue' : 'stop'}`)
          .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
          .set('Content-Type', 'application/x-ndjson')
          .send(lines.join('\n'));
        seen.cases++;
        expect(response.status).toBe(200);
        const results = response.text
          .split('\n')
          .filter((l) => l.trim())
          .map((l) => JSON.parse(l) as Record<string, unknown>);
        const summary = results.at(-1)?.summary as { applied: number; duplicates: number; failed: number };
        expect(summary).toBeDefined();
        for (const result of results.slice(0, -1)) {
          expect(result.line).toEqual(expect.any(Number));
          if (result.ok === false) {
            if ((result.status as number) >= 500) seen.serverErrors++;
            expect([result.status, result.code, lines[(result.line as number) - 1]?.slice(0, 300)]).toEqual([
              expect.any(Number),
              expect.any(String),
              expect.anything(),
            ]);
            expect(result.status).toBeLessThan(500);
          }
        }
        if (summary.applied === 0) expect(await t.runtime.events.headPosition()).toBe(head);
      }),
      { numRuns: 120 },
    );
  });
});
