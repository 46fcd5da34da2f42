import { z } from 'zod';
import { TicketsError } from './tickets.error';

/** The request body checked against its schema, or a 400 that names each wrong field. */
export function parseRequest<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`);
  throw new TicketsError('invalid-request', `The request is not valid: ${problems.join('; ')}.`);
}

/** A path parameter that must be a UUID (`noun` names it: "conversation", "job"), or a 400 saying so. */
export function requirePathUuid(value: string, noun: string): void {
  if (!z.uuid().safeParse(value).success) throw new TicketsError('invalid-request', `The ${noun} id in the path must be a UUID.`);
}
