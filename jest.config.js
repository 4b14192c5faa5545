const shared = require('./jest.shared');
module.exports = {
  ...shared,
  rootDir: '.',
  roots: ['<rootDir>/apps', '<rootDir>/libs'],
  testMatch: ['**/*.spec.ts'],
};
