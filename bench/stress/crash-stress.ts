import Database from 'better-sqlite3';
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Kills the server (SIGKILL) at random moments while an import and concurrent writers record,
 * restarts it and imports everything of that round again; at the end checks that every
 * acknowledged command is in the log exactly once, that the read models equal a rebuild from
 * the log, and that the log verifies. The compiled server and CLI are used (`npm run build`).
 */
export interface CrashStressOptions {
  kills: number;
  /** Commands in each round's import file. */
  importLines?: number;
  writers?: number;
  /** Kill between 0 and this many ms into a round. */
  maxKillDelayMs?: number;
  random?: () => number;
  onRound?: (round: number, figures: CrashStressFigures) => void;
}

export interface CrashStressFigures {
  kills: number;
  /** Commands sent at least once (each records one event). */
  commands: number;
  /** Commands the server acknowledged before it was killed. */
  acknowledged: number;
  /** Acknowledged commands missing from the log at the end. */
  lost: number;
  /** Commands whose events are in the log more than once. */
  doubled: number;
  readModelsEqualRebuild: boolean;
  verified: boolean;
}

/** The repository: two folders up from the source, three from its build in dist/. */
const ROOT = existsSync(join(__dirname, '..', '..', 'package.json'))
  ? join(__dirname, '..', '..')
  : join(__dirname, '..', '..', '..');
const MAIN = join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js');
const CLI = join(ROOT, 'bin', 'sunshine');
const TOKEN = 'crash-stress-admin-token-0123';

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

class Server {
  private child?: ChildProcess;
  output = '';
  constructor(
    readonly dataDir: string,
    readonly port: number,
  ) {}
  get url() {
    return `http://127.0.0.1:${this.port}`;
  }
  async start(): Promise<void> {
    this.child = spawn(process.execPath, [MAIN], {
      env: {
        ...process.env,
        PORT: String(this.port),
        SUNSHINE_DATA_DIR: this.dataDir,
        SUNSHINE_ADMIN_TOKEN: TOKEN,
        // This measures crashes, not limits: the writers send as fast as they can.
        SUNSHINE_RATE_LIMIT_PER_TOKEN: '0',
        SUNSHINE_RATE_LIMIT_PER_ADDRESS: '0',
        SUNSHINE_LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (d) => (this.output = (this.output + d).slice(-4000)));
    this.child.stderr?.on('data', (d) => (this.output = (this.output + d).slice(-4000)));
    for (let i = 0; i < 600; i++) {
      if (this.child.exitCode !== null) throw new Error(`the server exited: ${this.output}`);
      try {
        if ((await fetch(`${this.url}/health/ready`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`the server did not get ready: ${this.output}`);
  }
  stop(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  }
}

const signing = (commandId: string, investmentId: string) =>
  JSON.stringify({
    type: 'SignInvestment',
    commandId,
    data: {
      investmentId,
      investor: '鲁南精工机械有限公司',
      sector: 'auto-parts',
      origin: 'domestic',
      amount: { currency: 'CNY', minor: 100_000_000 },
      signedOn: '2022-06-18',
    },
  });

/** Streams an import; calls `onResult` per result line; settles however the connection ends, with why. */
const importLines = (
  server: Server,
  lines: string[],
  onResult: (result: Record<string, unknown>) => void,
): Promise<string> =>
  new Promise((resolve) => {
    const req = request(`${server.url}/api/v1/commands/import?onError=continue`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/x-ndjson' },
    });
    req.on('response', (response) => {
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        const parts = buffer.split('\n');
        buffer = parts.pop() ?? '';
        for (const text of parts) if (text.trim()) onResult(JSON.parse(text));
      });
      response.on('end', () => resolve(`status ${response.statusCode}`));
      response.on('error', (error) => resolve(`status ${response.statusCode}, ${error.message}`));
    });
    req.on('error', (error) => resolve(error.message));
    req.end(lines.join('\n'));
  });

const postCommand = async (server: Server, body: string): Promise<number> => {
  try {
    const response = await fetch(`${server.url}/api/v1/commands`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body,
    });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
};

const documentsOf = (file: string): string[] => {
  const db = new Database(file, { readonly: true });
  try {
    const docs = db.prepare('SELECT key, category, doc FROM documents ORDER BY key').all() as object[];
    const checkpoints = db.prepare('SELECT * FROM checkpoints ORDER BY projection').all() as object[];
    return [...docs, ...checkpoints].map((row) => JSON.stringify(row));
  } finally {
    db.close();
  }
};

export const runCrashStress = async (options: CrashStressOptions): Promise<CrashStressFigures> => {
  const random = options.random ?? Math.random;
  const lineCount = options.importLines ?? 300;
  const writerCount = options.writers ?? 4;
  const maxDelay = options.maxKillDelayMs ?? 1500;
  const dataDir = mkdtempSync(join(tmpdir(), 'sunshine-crash-stress-'));
  const sent = new Set<string>();
  const acknowledged = new Set<string>();
  const figures: CrashStressFigures = {
    kills: 0,
    commands: 0,
    acknowledged: 0,
    lost: 0,
    doubled: 0,
    readModelsEqualRebuild: false,
    verified: false,
  };
  let server = new Server(dataDir, await freePort());
  try {
    await server.start();
    for (let round = 0; round < options.kills; round++) {
      const lines = Array.from({ length: lineCount }, (_, i) => signing(`r${round}-i${i}`, `R${round}-I${i}`));
      lines.forEach((_, i) => sent.add(`r${round}-i${i}`));
      const written: string[] = [];
      let writing = true;
      const writer = async (w: number) => {
        for (let n = 0; writing; n++) {
          const commandId = `r${round}-w${w}-${n}`;
          const body = signing(commandId, `R${round}-W${w}-${n}`);
          written.push(body);
          sent.add(commandId);
          const status = await postCommand(server, body);
          if (status === 201) acknowledged.add(commandId);
          if (status === 0) return;
        }
      };
      const importing = importLines(server, lines, (result) => {
        if (result.ok === true) acknowledged.add(String(result.commandId));
      });
      const writers = Promise.all(Array.from({ length: writerCount }, (_, w) => writer(w)));
      await new Promise((r) => setTimeout(r, Math.floor(random() * maxDelay)));
      await server.stop('SIGKILL');
      figures.kills++;
      writing = false;
      await Promise.all([importing, writers]);

      // A new process on the same data, and the whole round sent again.
      server = new Server(dataDir, await freePort());
      await server.start();
      let summary: { applied: number; duplicates: number; failed: number } | undefined;
      const failures: unknown[] = [];
      await importLines(server, [...lines, ...written], (result) => {
        if (result.summary) summary = result.summary as typeof summary;
        else if (result.ok !== true) failures.push(result);
      });
      if (!summary || summary.failed > 0)
        throw new Error(
          `round ${round}: the re-import failed: ${JSON.stringify({ summary, failures: failures.slice(0, 3) })}`,
        );
      figures.commands = sent.size;
      figures.acknowledged = acknowledged.size;
      options.onRound?.(round, figures);
    }

    const verify = await fetch(`${server.url}/api/v1/integrity/verify`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    figures.verified = verify.ok && ((await verify.json()) as { ok: boolean }).ok === true;
    await server.stop('SIGTERM');

    const db = new Database(join(dataDir, 'events.db'), { readonly: true });
    const counts = new Map(
      (
        db
          .prepare(
            `SELECT json_extract(body, '$.metadata.commandId') AS commandId, COUNT(*) AS n FROM events GROUP BY 1`,
          )
          .all() as { commandId: string; n: number }[]
      ).map((row) => [row.commandId, row.n]),
    );
    db.close();
    figures.lost = [...acknowledged].filter((id) => !counts.has(id)).length;
    figures.doubled = [...counts.values()].filter((n) => n > 1).length;

    // The read models the crashed and restarted server kept, against a rebuild of a copy.
    const rebuilt = mkdtempSync(join(tmpdir(), 'sunshine-crash-rebuild-'));
    try {
      for (const name of ['events.db', 'secrets.db', 'checkpoints.db', 'signing-key.pem'])
        copyFileSync(join(dataDir, name), join(rebuilt, name));
      const run = spawnSync(process.execPath, [CLI, 'rebuild-projections'], {
        env: { ...process.env, SUNSHINE_DATA_DIR: rebuilt, SUNSHINE_ADMIN_TOKEN: TOKEN },
        encoding: 'utf8',
      });
      if (run.status !== 0) throw new Error(`rebuild-projections failed: ${run.stderr}`);
      const kept = documentsOf(join(dataDir, 'read-models.db'));
      const fresh = documentsOf(join(rebuilt, 'read-models.db'));
      figures.readModelsEqualRebuild = kept.length === fresh.length && kept.every((row, i) => row === fresh[i]);
    } finally {
      rmSync(rebuilt, { recursive: true, force: true });
    }
    return figures;
  } finally {
    await server.stop('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
};
