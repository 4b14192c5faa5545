export * from './errors';
export * from './id';
export * from './local-date';
export * from './money';
export * from './quantity';
export * from './decider';
export * from './labels';
export * from './rules';
