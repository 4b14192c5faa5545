import { Agent } from 'node:http';
import { Child } from '../harness/child';
import { BenchContext } from '../harness/context';
import { HttpRequestSpec, httpLoad, LoadResult, send } from '../harness/http-load';
import { Latencies, msSince, now } from '../harness/measure';
import { partitionByStream, readEnvelopes } from '../harness/township';
import { BENCH_ADMIN_TOKEN } from '../stages/ledger.stage';

/** (2) POST /api/v1/commands at 32 connections and (6) the term summary read, against the running server. */

const AUTH = { authorization: `Bearer ${BENCH_ADMIN_TOKEN}` };
const CONNECTIONS = 32;

interface Server {
  child: Child;
  port: number;
  openSeconds: number;
}

const startServer = async (label: string, dataDir: string): Promise<Server> => {
  const child = Child.spawn(label);
  try {
    const { port, openSeconds } = await child.call<{ port: number; openSeconds: number }>('server:start', { dataDir });
    return { child, port, openSeconds };
  } catch (error) {
    child.kill();
    throw error;
  }
};

const stopServer = async (server: Server): Promise<number | undefined> => {
  await server.child.call('server:stop');
  return server.child.close();
};

/** A load against the server, with the server's own CPU time per answer (less noisy than a rate on a shared machine). */
const loadWithCpu = async (
  server: Server,
  run: () => Promise<LoadResult>,
): Promise<LoadResult & { cpuMicrosPerRequest: number }> => {
  const before = await server.child.call<{ micros: number }>('server:cpu');
  const result = await run();
  const after = await server.child.call<{ micros: number }>('server:cpu');
  return {
    ...result,
    cpuMicrosPerRequest: result.answered > 0 ? (after.micros - before.micros) / result.answered : NaN,
  };
};

const command = (envelope: object): HttpRequestSpec => ({
  method: 'POST',
  path: '/api/v1/commands',
  body: JSON.stringify(envelope),
  headers: AUTH,
});

export const runHttpScenario = async (ctx: BenchContext): Promise<void> => {
  const { report, sizes } = ctx;
  const file = await ctx.township(ctx.sizes.writeLog, 4);
  const { preamble, queues } = partitionByStream(readEnvelopes(file.file), CONNECTIONS);
  const server = await startServer('http-server', ctx.dir('http'));
  try {
    const agent = new Agent({ keepAlive: true });
    for (const envelope of preamble) {
      const answer = await send(agent, server.port, command(envelope));
      if (answer.status !== 201) throw new Error(`the preamble was refused: ${answer.status} ${answer.body}`);
    }
    agent.destroy();
    const bare = await loadWithCpu(server, () =>
      httpLoad({
        port: server.port,
        connections: CONNECTIONS,
        warmupSeconds: sizes.warmupSeconds / 2,
        seconds: sizes.httpSeconds / 2,
        expect: 200,
        next: () => ({ method: 'GET', path: '/health/live' }),
      }),
    );
    const cursor = queues.map(() => 0);
    const commands = await loadWithCpu(server, () =>
      httpLoad({
        port: server.port,
        connections: CONNECTIONS,
        warmupSeconds: sizes.warmupSeconds,
        seconds: sizes.httpSeconds,
        expect: 201,
        next: (caller) => {
          const envelope = queues[caller][cursor[caller]++];
          return envelope ? command(envelope) : undefined;
        },
      }),
    );
    const refused = Object.entries(commands.unexpected);
    const cpu = `server CPU ${Math.round(commands.cpuMicrosPerRequest)} µs a command, ${Math.round(bare.cpuMicrosPerRequest)} µs a bare request`;
    const note = `${commands.ops} cmds in ${commands.seconds.toFixed(1)} s; ${cpu}${refused.length ? `; unexpected answers ${JSON.stringify(commands.unexpected)} (first: ${commands.firstUnexpected})` : ''}`;
    const bareRef = 'bare GET /health/live, 32 conns';
    report.add({
      scenario: 'http: POST /commands, 32 conns',
      value: commands.perSecond,
      unit: 'cmds/s',
      reference: bareRef,
      referenceValue: bare.perSecond,
      target: { on: 'value', op: '>=', bound: 3000 },
      note,
    });
    report.add({
      scenario: 'http: POST /commands p50',
      value: commands.p50,
      unit: 'ms',
      reference: `${bareRef} p50`,
      referenceValue: bare.p50,
    });
    report.add({
      scenario: 'http: POST /commands p99',
      value: commands.p99,
      unit: 'ms',
      reference: `${bareRef} p99`,
      referenceValue: bare.p99,
      target: { on: 'value', op: '<', bound: 25 },
    });
  } finally {
    const rss = await stopServer(server).catch(() => undefined);
    if (rss) report.say(`http: server peak RSS ${Math.round(rss)} MB`);
  }
};

export interface SummaryReads {
  available: boolean;
  why?: string;
  openSeconds: number;
  firstMs?: number;
  steady?: { p50: number; p99: number; samples: number };
  growing?: { p50: number; p99: number; samples: number };
  bare?: { p50: number; p99: number; samples: number };
  maxRssMB?: number;
}

/**
 * Reads a term's summary from a server opened on `dataDir`: the first (cold) read, then one
 * caller's steady reads of an unchanged log, then reads each after a new command (the log grown,
 * so nothing computed before still holds), beside the bare endpoint read the same way.
 */
export const measureSummaryReads = async (
  label: string,
  dataDir: string,
  termId: string,
  requests: number,
  options: { grow: boolean },
): Promise<SummaryReads> => {
  const server = await startServer(label, dataDir);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const summaryPath = `/api/v1/terms/${encodeURIComponent(termId)}/summary`;
  const get = (path: string) => send(agent, server.port, { method: 'GET', path, headers: AUTH });
  const timeRequests = async (count: number, before?: (i: number) => Promise<void>, path = summaryPath) => {
    const latencies = new Latencies(count);
    for (let i = 0; i < count; i++) {
      await before?.(i);
      const start = now();
      const answer = await get(path);
      latencies.record(msSince(start));
      if (answer.status !== 200) throw new Error(`GET ${path}: ${answer.status} ${answer.body.slice(0, 200)}`);
    }
    return latencies.summary();
  };
  let result: SummaryReads = { available: false, why: 'interrupted', openSeconds: server.openSeconds };
  try {
    const start = now();
    const first = await get(summaryPath);
    const firstMs = msSince(start);
    if (first.status !== 200)
      result = {
        available: false,
        why: `GET ${summaryPath} answered ${first.status}: ${first.body.slice(0, 160)}`,
        openSeconds: server.openSeconds,
      };
    else {
      await timeRequests(Math.min(50, requests), undefined, '/health/live');
      const bare = await timeRequests(requests, undefined, '/health/live');
      await timeRequests(Math.min(50, requests));
      const steady = await timeRequests(requests);
      const grow = options.grow ? Math.min(requests, 200) : 0;
      const growing = await timeRequests(grow, async (i) => {
        const answer = await send(
          agent,
          server.port,
          command({
            type: 'RegisterVillage',
            commandId: `bench-read-${i}`,
            data: { villageId: `BENCH-${i}`, name: `读测村${i}` },
          }),
        );
        if (answer.status !== 201)
          throw new Error(`a command between reads was refused: ${answer.status} ${answer.body.slice(0, 200)}`);
      });
      result = { available: true, openSeconds: server.openSeconds, firstMs, steady, growing, bare };
    }
  } finally {
    agent.destroy();
  }
  result.maxRssMB = await stopServer(server).catch(() => undefined);
  return result;
};

export const runSummaryScenario = async (ctx: BenchContext): Promise<void> => {
  const { report } = ctx;
  const term = await ctx.termLog();
  const termId = term.file.busiestTerm;
  let reads: SummaryReads;
  try {
    reads = await measureSummaryReads('summary-server', term.dataDir, termId, ctx.sizes.summaryRequests, {
      grow: true,
    });
  } catch (error) {
    reads = { available: false, why: error instanceof Error ? error.message : String(error), openSeconds: NaN };
  }
  const target = { on: 'value' as const, op: '<' as const, bound: 5 };
  if (!reads.available || !reads.steady || !reads.growing || !reads.bare) {
    const note = `n/a (not available: ${reads.why})`;
    report.add({
      scenario: 'summary: GET term summary p50',
      value: null,
      unit: 'ms',
      reference: 'bare GET /health/live p50',
      referenceValue: null,
      note,
    });
    report.add({
      scenario: 'summary: GET term summary p99',
      value: null,
      unit: 'ms',
      reference: 'bare GET /health/live p99',
      referenceValue: null,
      target,
      note,
    });
    return;
  }
  const events = `${term.imported.events} events`;
  report.add({
    scenario: 'summary: first read (cold)',
    value: reads.firstMs ?? null,
    unit: 'ms',
    reference: 'bare GET /health/live p50',
    referenceValue: reads.bare.p50,
    note: events,
  });
  report.add({
    scenario: 'summary: GET term summary p50',
    value: reads.steady.p50,
    unit: 'ms',
    reference: 'bare GET /health/live p50',
    referenceValue: reads.bare.p50,
    note: `unchanged log, ${reads.steady.samples} reads`,
  });
  report.add({
    scenario: 'summary: GET term summary p99',
    value: reads.steady.p99,
    unit: 'ms',
    reference: 'bare GET /health/live p99',
    referenceValue: reads.bare.p99,
    target,
  });
  report.add({
    scenario: 'summary: p50, log growing',
    value: reads.growing.p50,
    unit: 'ms',
    reference: 'bare GET /health/live p50',
    referenceValue: reads.bare.p50,
    note: `a command before each of ${reads.growing.samples} reads`,
  });
  report.add({
    scenario: 'summary: p99, log growing',
    value: reads.growing.p99,
    unit: 'ms',
    reference: 'bare GET /health/live p99',
    referenceValue: reads.bare.p99,
    target,
  });
};
