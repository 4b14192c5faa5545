import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EventStore, SqliteEventStore } from '@sunshine/event-store';
import { Projection, ProjectionRunner, ProjectionStore, SqliteProjectionStore } from '@sunshine/projections';
import { CommandPipeline, EventProtector } from './commands/command-pipeline';
import { reactionsOf } from './commands/reactions';
import { ReadSide } from './read-side';
import { checkpointOrigin, loadOrCreateSigningKey, SigningKey } from '@sunshine/integrity';
import { CheckpointStore } from './integrity/checkpoint-store';
import { IntegrityService } from './integrity/integrity-service';
import { ConfigError } from './config/config';
import { Config } from './config/config';
import { lockDataDir } from './data-dir-lock';
import { SecretStore } from './secrets/secret-store';
import { protectPersonalData } from './personal-data/personal-data';
import { ERASED_SUBJECT, erasuresProjection } from './personal-data/erasures.projection';
import { Warnings } from './warnings/warnings';
import { privateDatabase, privateDirectory, privateFile } from './operations/private-files';

/** Everything a running Sunshine Ledger holds open: the API and the CLI build on this. */
export interface Runtime {
  config: Config;
  events: EventStore;
  reads: ProjectionStore;
  secrets: SecretStore;
  /** The write path: every command of the API, the imports and the CLI goes through it. */
  commands: CommandPipeline;
  runner: ProjectionRunner;
  readSide: ReadSide;
  integrity: IntegrityService;
  /** The warnings (三色预警) as of a date, shared by the list, the villages, the live view and the metrics. */
  warnings: Warnings;
  /** The clock of transaction time and of "today"; injectable for tests. */
  clock: () => Date;
  close(): Promise<void>;
}

export interface OpenRuntimeOptions {
  projections: Projection[];
  clock?: () => Date;
  protect?: (secrets: SecretStore) => EventProtector;
  /** Start following the log (a server); a one-shot CLI command only catches up. */
  follow?: boolean;
  onProjectionProgress?: (processed: number) => void;
  /** Sign a checkpoint every this many events (default 1000). */
  checkpointEvery?: number;
}

const signingKey = (config: Config): SigningKey => {
  try {
    // Tightened when it is ours to tighten; a key mounted read-only by the operator stays as given.
    if (existsSync(config.signingKeyPath)) tryPrivateFile(config.signingKeyPath);
    return loadOrCreateSigningKey(config.signingKeyPath);
  } catch (error) {
    throw new ConfigError('SUNSHINE_SIGNING_KEY', error instanceof Error ? error.message : String(error));
  }
};

const openEventStore = async (config: Config, secrets: SecretStore, clock?: () => Date): Promise<EventStore> => {
  switch (config.eventStore) {
    case 'sqlite':
      return new SqliteEventStore(join(config.dataDir, 'events.db'), { clock });
    case 'kurrentdb': {
      const { KurrentDbEventStore } = await import('@sunshine/event-store/kurrentdb/kurrentdb-event-store');
      return KurrentDbEventStore.connect(config.kurrentdbConnectionString as string, { clock });
    }
  }
};

const openReadStore = async (config: Config): Promise<ProjectionStore> => {
  switch (config.readStore) {
    case 'sqlite':
      return new SqliteProjectionStore(join(config.dataDir, 'read-models.db'));
    case 'mongodb': {
      const { MongoProjectionStore } = await import('@sunshine/projections/mongodb/mongo-projection-store');
      return MongoProjectionStore.connect(config.mongodbUri as string);
    }
  }
};

const tryPrivateFile = (path: string): void => {
  try {
    privateFile(path);
  } catch (error) {
    if (!['EPERM', 'EROFS', 'EACCES'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  }
};

/** The embedded databases of a configuration, each made readable by the server's user only before it opens. */
const privateDatabases = (config: Config): void => {
  const embedded = ['secrets.db', 'checkpoints.db'];
  if (config.eventStore === 'sqlite') embedded.push('events.db');
  if (config.readStore === 'sqlite') embedded.push('read-models.db');
  for (const file of embedded) privateDatabase(join(config.dataDir, file));
};

const afterNextCommit = (work: () => void) => setImmediate(() => setImmediate(work));

/** Opens the stores of a configuration, holding the data directory so no other process writes it. */
export const openRuntime = async (config: Config, options: OpenRuntimeOptions): Promise<Runtime> => {
  privateDirectory(config.dataDir);
  const lock = lockDataDir(config.dataDir);
  try {
    privateDatabases(config);
    const secrets = new SecretStore(join(config.dataDir, 'secrets.db'));
    const events = await openEventStore(config, secrets, options.clock);
    const reads = await openReadStore(config);
    const runner = new ProjectionRunner(events, reads, [...options.projections, erasuresProjection], {
      onProgress: options.onProjectionProgress ? (n) => options.onProjectionProgress?.(n) : undefined,
    });
    const integrity = new IntegrityService(
      events,
      new CheckpointStore(join(config.dataDir, 'checkpoints.db')),
      signingKey(config),
      checkpointOrigin(config.townshipName),
      {
        clock: options.clock,
        every: options.checkpointEvery,
      },
    );
    let integrityDue = false;
    let projectionsDue = false;
    // Nudge the projections and the tree once for a burst of appends, after the caller has its
    // answer and after the commit of the group the caller's next command joins (queued in this
    // turn's check phase, so two turns on): their work overlaps that group's fsync instead of
    // delaying it. A reader that must see the append (read-your-writes) asks the runner itself.
    const onAppended = () => {
      if (!projectionsDue) {
        projectionsDue = true;
        afterNextCommit(() => {
          projectionsDue = false;
          runner.notify();
        });
      }
      if (!integrityDue && (options.follow ?? true)) {
        integrityDue = true;
        afterNextCommit(() => {
          integrityDue = false;
          integrity.notify().catch(() => undefined);
        });
      }
    };
    const warnings = new Warnings(events, reads, runner, config.warnings, options.clock);
    const commands = new CommandPipeline(events, {
      clock: options.clock,
      protect: (options.protect ?? protectPersonalData)(secrets),
      // The embedded store's data directory is held by this process: its pipeline is the only writer.
      soleWriter: config.eventStore === 'sqlite',
      freshSubject: () => secrets.freshSubject(),
      subjectExists: (subjectId) => secrets.subjectKey(subjectId) !== undefined,
      warningRaised: (warningId, asOf) => warnings.raised(warningId, asOf),
      reactions: reactionsOf(secrets),
      onAppended,
    });
    if (options.follow ?? true) {
      await runner.start();
      await integrity.start();
    } else await runner.catchUp();
    // The log says who was erased; a key restored from an old backup is destroyed again.
    for await (const erased of reads.scan<{ subjectId: string }>(ERASED_SUBJECT))
      await secrets.destroySubjectKey(erased.subjectId);
    return {
      config,
      events,
      reads,
      secrets,
      commands,
      runner,
      readSide: new ReadSide(events, reads, runner, undefined, options.clock),
      integrity,
      warnings,
      clock: options.clock ?? (() => new Date()),
      close: async () => {
        integrity.stop();
        await runner.stop();
        await events.close();
        await reads.close();
        await secrets.close();
        lock.release();
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
};
