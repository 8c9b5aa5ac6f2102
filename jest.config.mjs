// Jest configuration: unit, integration, sandbox and property tests (ESM, TypeScript through @swc/jest).
// The bundle is built once before any test runs (test/global-setup.mjs); type-checking is `npm run typecheck`.

/** @type {import('jest').Config} */
const swc = [
  '@swc/jest',
  {
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

/** @type {import('jest').Config} */
export const base = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  globalSetup: '<rootDir>/test/global-setup.mjs',
  // expect(actual, 'the case') names the case when an assertion fails; FC_SEED/FC_PATH replay a
  // failing property (fast-check prints both with every failure; see test/support/fast-check.ts).
  setupFilesAfterEnv: ['jest-expect-message', '<rootDir>/test/support/fast-check.ts'],
  // A guard against a hang, not a speed target (those are in bench/): generous, because the
  // 2 cores are shared with other work and a demo workbook built through the sandbox can then
  // take a minute.
  testTimeout: 120_000,
  // Jest's default on a 2-core machine is one worker; the tests are mostly CPU-bound and
  // independent, so use every core.
  maxWorkers: '100%',
  // `npm run coverage`: V8's own counters (no instrumentation pass), over the TypeScript sources.
  coverageProvider: 'v8',
  collectCoverageFrom: ['src/**/*.ts', '!src/**/*.d.ts'],
  coverageReporters: ['text-summary', 'text'],
};

export default {
  ...base,
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/browser/'],
};
