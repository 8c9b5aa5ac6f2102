// Jest configuration for the real-browser tests (Debian's Chromium through playwright-core), one file at a time.
import { base } from './jest.config.mjs';

export default {
  ...base,
  testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
  testTimeout: 120_000,
  maxWorkers: 1,
};
