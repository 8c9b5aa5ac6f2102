/** saveAtomically: writes the session's workbook to a temp file beside the target, then renames it over, so a crash never leaves a half-written .xlsx. */
import { randomBytes } from 'node:crypto';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Session } from '../session';

export async function saveAtomically(session: Pick<Session, 'save'>, path: string): Promise<void> {
  // Same folder, so the rename stays on one file system and is atomic; ends in .xlsx for the writer.
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp.xlsx`);
  try {
    await session.save(temp);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
