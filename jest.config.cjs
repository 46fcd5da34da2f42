// Three suites, one config: unit (*.spec.ts, pure, no servers), integration (*.integration-spec.ts,
// real Kafka/PostgreSQL/Redis) and e2e (apps/platform-e2e, the real services as processes).
const { swcOptions, jestModuleNameMapper } = require('./tools/build/swc-options.cjs');

const base = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['@swc/jest', { ...swcOptions({ rewriteAliases: false }), swcrc: false }],
    // ESM-only dependencies, compiled to CommonJS for jest (Node runs them through require(esm)).
    '^.+/node_modules/@faker-js/.+\\.js$': ['@swc/jest', { module: { type: 'commonjs' }, jsc: { target: 'es2022' }, swcrc: false }],
  },
  transformIgnorePatterns: ['/node_modules/(?!@faker-js/)'],
  moduleNameMapper: jestModuleNameMapper(),
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.cache/'],
};

module.exports = {
  // Orders test files; it only moves the broker-outage e2e suite to the end (see the file).
  testSequencer: '<rootDir>/tools/testing/e2e-sequencer.cjs',
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,tools,deploy}/**/*.spec.ts'] },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,tools}/**/*.integration-spec.ts'],
      globalSetup: '<rootDir>/tools/testing/require-stack.cjs',
      slowTestThreshold: 30,
    },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/apps/platform-e2e/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/tools/testing/require-stack.cjs',
      slowTestThreshold: 60,
    },
  ],
};
