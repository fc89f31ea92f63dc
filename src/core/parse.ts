import * as z from 'zod/mini';
import { SamenError, type SamenIssue } from './errors.js';

/** zod issues as field paths and messages; values are left out so no personal data leaks into logs. */
export function toIssues(error: z.core.$ZodError): SamenIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.length ? issue.path.map(String).join('.') : '(root)',
    message: issue.message,
  }));
}

/** Parses adapter data or throws a `invalid-data` {@link SamenError} naming the bad fields. */
export function parseOrThrow<S extends z.ZodMiniType>(schema: S, data: unknown, prefix = ''): z.infer<S> {
  const result = z.safeParse(schema, data);
  if (result.success) return result.data;
  const issues = toIssues(result.error).map((i) => (prefix ? { ...i, path: `${prefix}.${i.path}` } : i));
  throw new SamenError('invalid-data', 'invalid data from adapter', issues);
}
