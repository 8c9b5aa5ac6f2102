// npm start: after the build, creates workbooks/demo.xlsx when missing and opens the studio on it.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { main } = await import(pathToFileURL(join(root, 'build', 'tsunagu.js')).href);
const book = join(root, 'workbooks', 'demo.xlsx');
if (!existsSync(book)) {
  mkdirSync(dirname(book), { recursive: true });
  const code = await main(['demo', book]);
  if (code !== 0) process.exit(code);
}
process.exitCode = await main(['studio', book, ...process.argv.slice(2)]);
