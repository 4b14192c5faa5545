import { projectionStoreContract } from '../contract/projection-store.contract';
import { MemoryProjectionStore } from './memory-projection-store';

projectionStoreContract('memory', () => ({ open: async () => new MemoryProjectionStore() }), {
  // It lives and dies with the process: used for "as known at" replays and in specs.
  durable: false,
  rebuildsAside: false,
});
