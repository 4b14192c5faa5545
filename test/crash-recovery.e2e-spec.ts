import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { investmentTermLines } from './support/investment-term';
import { freePort, ServerProcess } from './support/server-process';
import { runCrashStress } from '../bench/stress/crash-stress';

const TOKEN = 'crash-test-admin-token-0123';

/** Streams an import to a real server; calls `onLine` for each result line as it arrives. */
const streamImport = (
  server: ServerProcess,
  body: string,
  onLine: (line: Record<string, unknown>) => void,
  query = '',
) =>
  new Promise<void>((resolve) => {
    const req = request(`${server.url}/api/v1/commands/import${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/x-ndjson' },
    });
    req.on('response', (response) => {
      const lines = createInterface({ input: response });
      lines.on('line', (text) => text.trim() && onLine(JSON.parse(text)));
      lines.on('close', () => resolve());
      lines.on('error', () => resolve());
      response.on('error', () => resolve());
    });
    req.on('error', () => resolve());
    req.end(body);
  });

describe('a server killed during an import (real process, SIGKILL)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sunshine-crash-'));
  let server: ServerProcess;
  afterAll(async () => {
    await server?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses nothing acknowledged and applies nothing twice when the file is imported again', async () => {
    const lines = investmentTermLines(1500, 'crash');
    const body = lines.join('\n');
    server = new ServerProcess(dataDir, await freePort(), { SUNSHINE_ADMIN_TOKEN: TOKEN });
    await server.start();

    const acknowledged: string[] = [];
    let killed: Promise<void> | undefined;
    await streamImport(server, body, (line) => {
      if (line.ok === true) acknowledged.push(String(line.commandId));
      if (acknowledged.length === 400 && !killed) killed = server.kill('SIGKILL');
    });
    await killed;
    expect(acknowledged.length).toBeGreaterThanOrEqual(400);
    expect(acknowledged.length).toBeLessThan(lines.length);

    server = new ServerProcess(dataDir, await freePort(), { SUNSHINE_ADMIN_TOKEN: TOKEN });
    await server.start();
    const second: Record<string, unknown>[] = [];
    await streamImport(server, body, (line) => second.push(line), '?onError=continue');
    const summary = second.at(-1)?.summary as { applied: number; duplicates: number; failed: number };
    expect(summary.failed).toBe(0);
    expect(summary.applied + summary.duplicates).toBe(lines.length);
    // Everything acknowledged before the kill was there after it.
    const duplicates = new Set(second.filter((l) => l.duplicate === true).map((l) => l.commandId));
    for (const commandId of acknowledged) expect(duplicates.has(commandId)).toBe(true);
    // The summary is exact: worked out from how the file was made (signing i: (i+1) million, USD for
    // every seventh; arrival for even i: half a million per (i+1)).
    const expected = { signings: 0, cny: 0, usd: 0, arrivedCny: 0, arrivedUsd: 0 };
    for (let i = 0; i < 1500; i++) {
      const foreign = i % 7 === 0;
      expected.signings++;
      if (foreign) expected.usd += (i + 1) * 100_000_000;
      else expected.cny += (i + 1) * 100_000_000;
      if (i % 2 === 0) {
        if (foreign) expected.arrivedUsd += (i + 1) * 50_000_000;
        else expected.arrivedCny += (i + 1) * 50_000_000;
      }
    }
    const response = await fetch(`${server.url}/api/v1/terms/crash-2008-2013/summary`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    const { investment } = (await response.json()) as { investment: Record<string, unknown> };
    expect(investment).toMatchObject({
      signings: expected.signings,
      terminated: 0,
      signed: { domestic: { CNY: expected.cny }, foreign: { USD: expected.usd } },
      arrived: { domestic: { CNY: expected.arrivedCny }, foreign: { USD: expected.arrivedUsd } },
    });
    await server.kill('SIGTERM');

    // One event per command, no command twice, every chain intact in the stored file.
    const db = new Database(join(dataDir, 'events.db'), { readonly: true });
    const counts = db
      .prepare(
        `SELECT COUNT(*) AS events, COUNT(DISTINCT json_extract(body, '$.metadata.commandId')) AS commands FROM events`,
      )
      .get() as {
      events: number;
      commands: number;
    };
    db.close();
    expect(counts).toEqual({ events: lines.length, commands: lines.length });
  });
});

describe('a few rounds of the crash stress run (npm run stress:crash runs 200)', () => {
  it('loses and doubles nothing acknowledged, keeps read models equal to a rebuild, and the log verifies', async () => {
    const figures = await runCrashStress({ kills: 3, importLines: 150, writers: 3, maxKillDelayMs: 800 });
    expect(figures).toMatchObject({ kills: 3, lost: 0, doubled: 0, readModelsEqualRebuild: true, verified: true });
    expect(figures.acknowledged).toBeGreaterThan(0);
    expect(figures.commands).toBeGreaterThanOrEqual(figures.acknowledged);
  }, 180_000);
});
