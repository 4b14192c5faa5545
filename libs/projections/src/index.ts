export * from './projection';
export * from './store/projection-store.port';
export * from './memory/memory-projection-store';
export * from './sqlite/sqlite-projection-store';
export * from './runner/projection-runner';
export const PROJECTIONS: import('./projection').Projection[] = [];
