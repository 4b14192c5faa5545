import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectionStoreContract } from '../contract/projection-store.contract';
import { ProjectionStore } from '../store/projection-store.port';
import { SqliteProjectionStore } from './sqlite-projection-store';

projectionStoreContract(
  'sqlite',
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'sunshine-reads-'));
    const file = join(dir, 'read-models.db');
    return {
      open: async () => new SqliteProjectionStore(file),
      reopen: async (store: ProjectionStore) => {
        await store.close();
        return new SqliteProjectionStore(file);
      },
      dispose: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
  { durable: true, rebuildsAside: true },
);
