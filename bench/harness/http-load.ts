import { Agent, request } from 'node:http';
import { closedLoop, ThroughputResult } from './measure';

/**
 * A small closed-loop HTTP load generator on keep-alive connections, loopback only: `connections`
 * callers, each sending its next request once the last answer has fully arrived. Bounded by time
 * (and by the requests the callers have).
 */

export interface HttpRequestSpec {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  headers?: Record<string, string>;
}

export interface HttpAnswer {
  status: number;
  body: string;
}

export const send = (agent: Agent, port: number, spec: HttpRequestSpec): Promise<HttpAnswer> =>
  new Promise((resolve, reject) => {
    const body = spec.body === undefined ? undefined : Buffer.from(spec.body);
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: spec.method,
        path: spec.path,
        agent,
        headers: {
          ...(body ? { 'content-type': 'application/json', 'content-length': String(body.length) } : {}),
          ...spec.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });

export interface LoadResult extends ThroughputResult {
  /** Answers with another status than expected, by status. */
  unexpected: Record<string, number>;
  firstUnexpected?: string;
  /** Every request answered, warm-up included (to divide the server's CPU time by). */
  answered: number;
}

export const httpLoad = async (options: {
  port: number;
  connections: number;
  warmupSeconds: number;
  seconds: number;
  expect: number;
  /** The next request of a caller; undefined when it has none left. */
  next: (caller: number) => HttpRequestSpec | undefined;
}): Promise<LoadResult> => {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections, maxFreeSockets: options.connections });
  const unexpected: Record<string, number> = {};
  let firstUnexpected: string | undefined;
  let answered = 0;
  try {
    const result = await closedLoop({
      workers: options.connections,
      warmupSeconds: options.warmupSeconds,
      seconds: options.seconds,
      op: async (caller) => {
        const spec = options.next(caller);
        if (!spec) return false;
        const answer = await send(agent, options.port, spec);
        answered++;
        if (answer.status !== options.expect) {
          unexpected[answer.status] = (unexpected[answer.status] ?? 0) + 1;
          firstUnexpected ??= `${answer.status} ${answer.body.slice(0, 300)}`;
        }
        return true;
      },
    });
    return { ...result, unexpected, firstUnexpected, answered };
  } finally {
    agent.destroy();
  }
};
