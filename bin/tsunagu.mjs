#!/usr/bin/env node
// The tsunagu command: runs the CLI built by `npm run build` (build/tsunagu.js).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = join(dirname(fileURLToPath(import.meta.url)), '..', 'build', 'tsunagu.js');
if (!existsSync(built)) {
  console.error(
    'tsunagu: not built yet — run `npm run build` first. / まだビルドされていません。先に npm run build を実行してください。',
  );
  process.exit(2);
}
// A closed pipe (tsunagu sheets book.xlsx | head) ends the command quietly.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const { main } = await import(pathToFileURL(built).href);
process.exitCode = await main(process.argv.slice(2));
