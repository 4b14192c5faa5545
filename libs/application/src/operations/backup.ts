import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import * as tar from 'tar';
import { Config } from '../config/config';
import { privateDirectory, privateFile } from './private-files';

export const BACKUP_FORMAT = 'sunshine-ledger-backup';

/**
 * The databases a backup holds, in the order they are copied. Checkpoints first and secrets
 * last, so that each copy is consistent with the ones before it while the server writes on:
 * every checkpoint copied covers only events the later copy of the log holds, and every key an
 * event of that log was sealed with was on disk before the event, so the later copy of the
 * secrets holds it (unless an erasure destroyed it meanwhile: that subject stays erased).
 * The read models are not copied: a restored server rebuilds them from the log.
 */
const DATABASES = ['checkpoints.db', 'events.db', 'secrets.db'] as const;
const SIGNING_KEY = 'signing-key.pem';

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: 1;
  createdAt: string;
  township: string;
  /** Events in the copied log. */
  events: number;
  files: { name: string; bytes: number; sha256: string }[];
}

/** A backup or restore that cannot be done, with why (shown to the operator as is). */
export class BackupRefused extends Error {
  constructor(zh: string, en: string) {
    super(`${zh}\n${en}`);
    this.name = 'BackupRefused';
  }
}

const sha256Of = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/**
 * Copies one SQLite database with SQLite's online backup API, while other connections write
 * it. After a first step the rest is copied in one step, under one read transaction, so the
 * copy is one consistent state of the database and the backup cannot be restarted forever by
 * a busy writer.
 */
const copyDatabase = async (source: string, destination: string): Promise<void> => {
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(destination, { progress: ({ totalPages }) => totalPages + 1024 });
  } finally {
    db.close();
  }
};

/**
 * `sunshine backup <file>`: the log, the checkpoints, the secrets and the signing key of the
 * embedded stores in one gzipped tar (mode 0600), with a manifest of what it holds. Safe while the
 * server runs and writes: it takes no lock and blocks no writer.
 */
export const backUp = async (config: Config, file: string): Promise<BackupManifest> => {
  if (config.eventStore !== 'sqlite')
    throw new BackupRefused(
      '只有内置存储可以用 sunshine backup 备份；KurrentDB 请用其自身的备份工具',
      'sunshine backup copies the embedded stores only; back KurrentDB up with its own tools',
    );
  for (const name of DATABASES)
    if (!existsSync(join(config.dataDir, name)))
      throw new BackupRefused(`数据目录中没有 ${name}：${config.dataDir}`, `no ${name} in ${config.dataDir}`);
  const target = resolve(file);
  const staging = mkdtempSync(join(dirname(target), '.sunshine-backup-'));
  try {
    privateDirectory(staging);
    for (const name of DATABASES) await copyDatabase(join(config.dataDir, name), join(staging, name));
    copyFileSync(config.signingKeyPath, join(staging, SIGNING_KEY));
    const events = new Database(join(staging, 'events.db'), { readonly: true });
    const count = (events.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
    events.close();
    const names = [...DATABASES, SIGNING_KEY];
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      version: 1,
      createdAt: new Date().toISOString(),
      township: config.townshipName,
      events: count,
      files: names.map((name) => ({
        name,
        bytes: readFileSync(join(staging, name)).length,
        sha256: sha256Of(join(staging, name)),
      })),
    };
    writeFileSync(join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    const partial = `${target}.partial`;
    await tar.create({ gzip: true, file: partial, cwd: staging, portable: true, mode: 0o600 }, [
      'manifest.json',
      ...names,
    ]);
    privateFile(partial);
    renameSync(partial, target);
    return manifest;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
};

/**
 * `sunshine restore <file>`: unpacks a backup into an empty (or absent) data directory, after
 * checking every file against the manifest. Refuses a directory that holds anything, and a
 * signing key already in place that is not the backup's.
 */
export const restore = async (config: Config, file: string): Promise<BackupManifest> => {
  if (existsSync(config.dataDir) && readdirSync(config.dataDir).length > 0)
    throw new BackupRefused(
      `数据目录不是空的，恢复只能在空目录中进行：${config.dataDir}`,
      `the data directory is not empty; restore only into an empty one: ${config.dataDir}`,
    );
  privateDirectory(config.dataDir);
  const staging = mkdtempSync(join(config.dataDir, '.restore-'));
  try {
    await tar.extract({ file, cwd: staging, strict: true, filter: (path) => !path.includes('/') });
    const manifestPath = join(staging, 'manifest.json');
    const manifest = existsSync(manifestPath)
      ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as BackupManifest)
      : undefined;
    if (manifest?.format !== BACKUP_FORMAT || manifest.version !== 1)
      throw new BackupRefused('这不是阳光台账的备份文件', 'this is not a Sunshine Ledger backup');
    for (const entry of manifest.files)
      if (!existsSync(join(staging, entry.name)) || sha256Of(join(staging, entry.name)) !== entry.sha256)
        throw new BackupRefused(
          `备份文件已损坏：${entry.name} 与清单不符`,
          `the backup is damaged: ${entry.name} does not match its manifest`,
        );
    const key = readFileSync(join(staging, SIGNING_KEY));
    if (existsSync(config.signingKeyPath) && !readFileSync(config.signingKeyPath).equals(key))
      throw new BackupRefused(
        `签名密钥 ${config.signingKeyPath} 已存在且与备份中的不同`,
        `a different signing key is already at ${config.signingKeyPath}`,
      );
    for (const name of DATABASES) {
      renameSync(join(staging, name), join(config.dataDir, name));
      privateFile(join(config.dataDir, name));
    }
    if (!existsSync(config.signingKeyPath)) {
      privateDirectory(dirname(config.signingKeyPath));
      writeFileSync(config.signingKeyPath, key, { mode: 0o600 });
    }
    return manifest;
  } catch (error) {
    // Nothing half restored is left behind: the directory is as empty as it was.
    for (const name of DATABASES) rmSync(join(config.dataDir, name), { force: true });
    throw error;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
};
