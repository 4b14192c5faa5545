import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, ServerProcess } from './support/server-process';

const TOKEN = 'shutdown-test-admin-token-0123';

const line = (villageId: string, name: string) =>
  `${JSON.stringify({ type: 'RegisterVillage', commandId: `sd-${villageId}`, data: { villageId, name } })}\n`;

/** Polls until `check` holds (the server changes state on its own time after a signal). */
const eventually = async (check: () => Promise<boolean>) => {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the condition never held');
};

describe('SIGTERM (real process)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sunshine-sigterm-'));
  let server: ServerProcess;
  afterAll(async () => {
    await server?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('finishes the import in flight, answers new requests 503, and exits 0', async () => {
    server = new ServerProcess(dataDir, await freePort(), { SUNSHINE_ADMIN_TOKEN: TOKEN });
    await server.start();

    // An import whose file is still arriving when the signal comes.
    const results: Record<string, unknown>[] = [];
    const req = request(`${server.url}/api/v1/commands/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/x-ndjson' },
    });
    const finished = new Promise<number>((resolve, reject) => {
      req.on('response', (response) => {
        let buffer = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          buffer += chunk;
          const lines = buffer.split('\n');
          buffer = lines.pop() ?? '';
          for (const text of lines) if (text.trim()) results.push(JSON.parse(text));
        });
        response.on('end', () => resolve(response.statusCode ?? 0));
      });
      req.on('error', reject);
    });
    req.write(line('sd-1', '东村'));
    // The first line is applied while the rest of the file has not come yet.
    await eventually(async () => {
      const stream = await fetch(`${server.url}/api/v1/streams/village-sd-1`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      return ((await stream.json()) as { events: unknown[] }).events.length === 1;
    });

    server.signal('SIGTERM');
    const exited = server.exited();
    await eventually(async () => {
      const response = await fetch(`${server.url}/api/v1/terms`, { headers: { authorization: `Bearer ${TOKEN}` } });
      if (response.status !== 503) return false;
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await response.json()).toMatchObject({ status: 503, code: 'SERVER_STOPPING' });
      return true;
    });
    const ready = await fetch(`${server.url}/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'stopping' });

    req.end(line('sd-2', '西村'));
    expect(await finished).toBe(200);
    expect(results).toEqual([
      expect.objectContaining({ line: 1, ok: true }),
      expect.objectContaining({ line: 2, ok: true }),
      { summary: { applied: 2, duplicates: 0, failed: 0 } },
    ]);
    expect(await exited).toEqual({ code: 0, signal: null });

    // Both are in the log the next process opens.
    server = new ServerProcess(dataDir, await freePort(), { SUNSHINE_ADMIN_TOKEN: TOKEN });
    await server.start();
    for (const villageId of ['sd-1', 'sd-2']) {
      const stream = await fetch(`${server.url}/api/v1/streams/village-${villageId}`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(((await stream.json()) as { events: unknown[] }).events).toHaveLength(1);
    }
    server.signal('SIGTERM');
    expect(await server.exited()).toEqual({ code: 0, signal: null });
  });
});
