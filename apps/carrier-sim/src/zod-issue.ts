import type { z } from 'zod';

/** A zod issue's dotted field path; names the unknown key of `unrecognized_keys`; `fallback` at the root. */
export function issueField(issue: z.core.$ZodIssue, fallback: string): string {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined) path.push(issue.keys[0]);
  return path.length > 0 ? path.join('.') : fallback;
}

/** The first issue of a failed parse as `{ field, message }`, the message starting with the field. */
export function firstIssue(error: z.ZodError, fallback: string): { field: string; message: string } {
  const issue = error.issues[0];
  if (!issue) return { field: fallback, message: `${fallback}: invalid` };
  const field = issueField(issue, fallback);
  return { field, message: `${field}: ${issue.message}` };
}
