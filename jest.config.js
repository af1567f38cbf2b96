/** Two projects: `unit` needs only npm packages (npm test); `system` needs Debian packages (npm run test:system). */
const common = {
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  moduleNameMapper: {
    '\\.(css)$': '<rootDir>/test/support/style-stub.js',
  },
  setupFiles: ['<rootDir>/test/support/setup.js'],
  // test/lint's fixture projects (their own package.json, a test file, code that breaks the lint on purpose)
  modulePathIgnorePatterns: ['<rootDir>/test/fixtures/lint/'],
  testEnvironment: 'node',
};
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/**/*.test.ts?(x)'], testPathIgnorePatterns: ['/test/system/', '/node_modules/', '/test/fixtures/lint/'] },
    { ...common, displayName: 'system', testMatch: ['<rootDir>/test/system/**/*.test.ts'] },
  ],
};
