export * from './errors';
export * from './id';
export * from './local-date';
export * from './money';
export * from './decider';
export * from './rules';
