import { randomUUID } from 'node:crypto';

/** The caller's correlation id if it is a sane one (it ends up in logs and events), else a new one. */
export function correlationIdOf(header: string | undefined): string {
  return header && /^[\w-]{1,64}$/.test(header) ? header : randomUUID();
}
