const shared = require('./jest.shared');
module.exports = {
  ...shared,
  rootDir: '.',
  roots: ['<rootDir>/apps', '<rootDir>/libs'],
  testMatch: ['**/*.spec.ts'],
  // A bound for a loaded machine (some specs write and verify thousands of durable events), not a speed check.
  testTimeout: 30000,
};
