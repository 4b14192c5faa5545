import { ADMIN_USER_ID, importCommands } from '@sunshine/application';
import { generateTownship } from '../bench/generator/township';
import { startTestApp, TestApp } from './support/test-app';

async function* asLines(envelopes: Iterable<object>) {
  for (const e of envelopes) yield JSON.stringify(e);
}

describe('the generated township (demo and benchmarks)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ clock: () => new Date('2026-11-28T04:00:00Z') });
  });
  afterAll(() => t.close());

  it('is accepted command by command by the domain rules, and is the same for the same seed', async () => {
    const first = [...generateTownship({ seed: 7 })];
    expect([...generateTownship({ seed: 7 })]).toEqual(first);
    expect(first.length).toBeGreaterThan(1000);
    const failures: unknown[] = [];
    let summary: unknown;
    for await (const line of importCommands(asLines(first), {
      onError: 'continue',
      language: 'en',
      actor: { userId: ADMIN_USER_ID, role: 'admin' },
      submit: (envelope, actor) => t.runtime.commands.submit(envelope, actor),
    })) {
      if ('summary' in line) summary = line.summary;
      else if (!line.ok) failures.push({ ...line, envelope: first.find((e) => e.commandId === line.commandId) });
    }
    expect(failures.slice(0, 5)).toEqual([]);
    expect(summary).toEqual({ applied: first.length, duplicates: 0, failed: 0 });
  });
});
