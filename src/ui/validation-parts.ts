/** Putting a 検証 in parts back together: each part's view added to what the earlier parts showed. */
import type { IssueGroup, ValidationView } from '../shared/rpc';

/** Issues listed per group, as many as the server sends for one part (GROUP_LIMIT in core/validate/report.ts). */
export const GROUP_LIMIT = 50;

/**
 * The view after one more part: its counts, progress and sheets (the server keeps them for the
 * whole run), the groups of both in the order they were first found, each listing at most
 * GROUP_LIMIT issues.
 */
export function addValidationPart(earlier: ValidationView, part: ValidationView): ValidationView {
  const groups = new Map<string, IssueGroup>();
  for (const group of [...earlier.groups, ...part.groups]) {
    const key = `${group.sheet}\u0000${group.code}`;
    const seen = groups.get(key);
    if (!seen) {
      groups.set(key, { ...group, issues: group.issues.slice(0, GROUP_LIMIT) });
      continue;
    }
    seen.total += group.total;
    if (group.severity === 'error') seen.severity = 'error';
    seen.issues = [...seen.issues, ...group.issues].slice(0, GROUP_LIMIT);
  }
  return { ...part, groups: [...groups.values()] };
}
