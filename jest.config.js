/** Jest runs TypeScript through ts-jest without type-checking (npm test runs tsc first). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  // Generous: opening a PGlite database and syncing a sample feed take seconds when idle but over a
  // minute on a busy two-core machine; a test that hangs still fails, three minutes later.
  testTimeout: 180000,
  // PGlite instances are large: two workers fit the 2-core machines we test on.
  maxWorkers: 2,
};
