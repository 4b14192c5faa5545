export * from './canonical-json';
export * from './event-hash';
export * from './hash-chain';
export * from './merkle';
export * from './signed-note';
export * from './checkpoint';
export * from './log-verifier';
export * from './bundle';
