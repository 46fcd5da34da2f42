import { z } from 'zod';
import { describeIssues } from '@sieve/contracts';
import { fieldsAtFault, IngestError } from '@sieve/ingest-domain';

/** The body parsed by `schema`, or a 400 naming every field at fault (never their values). */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown, what: string): z.infer<T> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new IngestError('invalid-request', `The ${what} is invalid: ${describeIssues(parsed.error)}.`, fieldsAtFault(parsed.error));
  return parsed.data;
}
