import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSync } from '@sunshine/event-store';
import { SecretStore } from './secret-store';

/** A disk whose syncs finish only when the test says so. */
const heldDisk = () => {
  const held: ((error: NodeJS.ErrnoException | null) => void)[] = [];
  let holding = true;
  const sync: DataSync = (_fd, done) => (holding ? held.push(done) : done(null));
  const release = () => held.splice(0).forEach((done) => done(null));
  /** From now on every sync finishes at once. */
  const letGo = () => {
    holding = false;
    release();
  };
  return { sync, held, release, letGo };
};

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('the secret store', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'sunshine-secrets-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('tells when a new key is on disk, so nothing sealed with it is written before', async () => {
    const disk = heldDisk();
    const secrets = new SecretStore(join(dir, 'secrets.db'), { dataSync: disk.sync });
    secrets.putSubjectKey('s-1', Buffer.alloc(32, 1));
    const durable = secrets.whenKeyDurable('s-1');
    expect(durable).toBeInstanceOf(Promise);
    let done = false;
    void durable?.then(() => (done = true));
    await turn();
    expect(done).toBe(false);
    disk.letGo();
    await durable;
    expect(secrets.whenKeyDurable('s-1')).toBeUndefined();
    await secrets.close();
  });

  it('hands out new subjects only once their keys are on disk, each once', async () => {
    const disk = heldDisk();
    const secrets = new SecretStore(join(dir, 'secrets.db'), { dataSync: disk.sync });
    // None is ready yet: the caller makes its own (and waits for its key).
    expect(secrets.freshSubject()).toBeUndefined();
    await turn();
    expect(secrets.freshSubject()).toBeUndefined();
    disk.release();
    await turn();
    const handedOut = new Set<string>();
    for (let i = 0; i < 600; i++) {
      const subject = secrets.freshSubject();
      if (subject === undefined) {
        disk.release();
        await turn();
        continue;
      }
      expect(handedOut.has(subject)).toBe(false);
      handedOut.add(subject);
      expect(secrets.subjectKey(subject)).toHaveLength(32);
      expect(secrets.whenKeyDurable(subject)).toBeUndefined();
    }
    expect(handedOut.size).toBeGreaterThan(400);
    disk.letGo();
    await secrets.close();
  });

  it('never hands out after a restart a subject made before it, and keeps the keys of those handed out', async () => {
    const file = join(dir, 'secrets.db');
    const ready = async (secrets: SecretStore) => {
      let subject: string | undefined;
      while (!(subject = secrets.freshSubject())) await new Promise((resolve) => setTimeout(resolve, 5));
      return subject;
    };
    const first = new SecretStore(file);
    const taken = await ready(first);
    const key = first.subjectKey(taken);
    const madeInFirstRun = (
      first as unknown as { db: { prepare: (sql: string) => { all: () => { subject_id: string }[] } } }
    ).db
      .prepare('SELECT subject_id FROM subject_keys')
      .all()
      .map((row) => row.subject_id);
    expect(madeInFirstRun.length).toBeGreaterThan(100);
    await first.close();

    const second = new SecretStore(file);
    expect(second.subjectKey(taken)).toEqual(key);
    const fresh = await ready(second);
    expect(madeInFirstRun).not.toContain(fresh);
    await second.close();
  });

  it('treats a spare nobody was given as no subject at all', async () => {
    const secrets = new SecretStore(join(dir, 'secrets.db'));
    secrets.freshSubject();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const spare = (secrets as unknown as { spares: string[] }).spares[0];
    expect(spare).toBeDefined();
    expect(secrets.subjectKey(spare)).toBeUndefined();
    await secrets.close();
  });
});
