export * from './access-policy';
export * from './command-pipeline';
export * from './stream-state-cache';
export * from './validation/validate-command';
export * from './validation/command-dtos';
