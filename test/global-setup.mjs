// Builds dist/ and build/ once before the tests, so the tests that load the bundle run the real one.
import { buildAll } from '../esbuild.config.mjs';

export default async function setup() {
  await buildAll();
}
