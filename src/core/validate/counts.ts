/** Defines countIssues: the totals of a validation result (errors, warnings, fixable, per code, per sheet). */
import type { ValidationCounts, ValidationIssue } from './types';

function record(counts: Map<string, number>): Record<string, number> {
  // fromEntries defines own properties, so a sheet named '__proto__' is counted like any other.
  return Object.fromEntries(counts);
}

export function countIssues(issues: readonly ValidationIssue[]): ValidationCounts {
  let errors = 0;
  let warnings = 0;
  let fixable = 0;
  const byCode = new Map<string, number>();
  const bySheet = new Map<string, number>();
  for (const issue of issues) {
    if (issue.severity === 'error') errors++;
    else warnings++;
    if (issue.fix !== undefined) fixable++;
    byCode.set(issue.code, (byCode.get(issue.code) ?? 0) + 1);
    bySheet.set(issue.sheet, (bySheet.get(issue.sheet) ?? 0) + 1);
  }
  return { errors, warnings, fixable, byCode: record(byCode), bySheet: record(bySheet) };
}
