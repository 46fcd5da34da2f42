import { z } from 'zod';
import { AnalyticsError } from './analytics.error';

/** The request (query or body) checked against its schema, or a 400 that names each wrong field. */
export function parseRequest<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'request'}: ${issue.message}`);
  throw new AnalyticsError('invalid-request', `The request is not valid: ${problems.join('; ')}.`);
}

/** The check's result; its RangeError (a bad date, month or range) as a 400 that says what was wrong. */
export function invalidIfThrows<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof RangeError) throw new AnalyticsError('invalid-request', `${error.message}.`);
    throw error;
  }
}
