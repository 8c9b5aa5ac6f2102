/**
 * exceljs compares data validations with a deep equality that has no shortcut for the same
 * object; a sheet set up by シート準備 has thousands of cells sharing one rule, and every save
 * squeezes them into ranges. The shortcut below makes that linear in practice (same result).
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const underDash = require('exceljs/lib/utils/under-dash.js') as { isEqual: (a: unknown, b: unknown) => boolean };
if (!(underDash.isEqual as { tsunagu?: boolean }).tsunagu) {
  const deep = underDash.isEqual;
  const isEqual = (a: unknown, b: unknown): boolean => a === b || deep(a, b);
  (isEqual as { tsunagu?: boolean }).tsunagu = true;
  underDash.isEqual = isEqual;
}
