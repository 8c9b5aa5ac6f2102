/**
 * Replaying a property failure. fast-check prints `{ seed: …, path: "…" }` with every failing
 * property; run that one test again with them to get the same counterexample at once:
 *   FC_SEED=-600663695 FC_PATH="1:4:7" npm run jest -- test/local/emulator/properties.test.ts -t '__proto__'
 * (FC_SEED alone reruns with that seed from the start). Loaded for every test file by jest.config.mjs.
 */
import fc from 'fast-check';

const seed = process.env.FC_SEED;
if (seed !== undefined && seed !== '') {
  const path = process.env.FC_PATH;
  fc.configureGlobal({ seed: Number(seed), ...(path ? { path, endOnFailure: true } : {}) });
}
