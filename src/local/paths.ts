/** Where the project's files are: the package root, the built bundle and the sidebar page. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: the nearest folder above this module that holds package.json. */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return dir;
}

export const distDir = (): string => join(projectRoot(), 'dist');
export const codePath = (): string => join(distDir(), 'Code.js');
export const sidebarPath = (): string => join(distDir(), 'Sidebar.html');
