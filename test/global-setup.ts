// Builds dist/ and build/ once before the tests, so every test runs against the real bundle.
import { buildAll } from '../esbuild.config.mjs';

export default async function setup(): Promise<void> {
  await buildAll();
}
