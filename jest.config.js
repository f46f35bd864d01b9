/** Jest runs TypeScript through ts-jest without type-checking (npm test runs tsc first). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  testTimeout: 60000,
  // PGlite instances are large: two workers fit the 2-core machines we test on.
  maxWorkers: 2,
};
