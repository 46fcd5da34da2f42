/**
 * PostgreSQL SQLSTATE classes that mean "try again later": connection exceptions (08), operator
 * intervention such as a restart (57), insufficient resources (53), serialization failures and
 * deadlocks (40001, 40P01). Anything else from the database is the event's or the code's fault.
 */
const TRANSIENT_SQLSTATE = /^(08|57|53)|^40001$|^40P01$/;

/** A consumer error classifier (@sieve/kafka's ErrorClassifier) for PostgreSQL errors. */
export function classifyDatabaseError(error: unknown): 'transient' | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, message, driverError } = error as { code?: unknown; message?: unknown; driverError?: unknown };
  if (driverError) return classifyDatabaseError(driverError);
  if (typeof code === 'string' && TRANSIENT_SQLSTATE.test(code)) return 'transient';
  if (typeof message === 'string' && /Connection terminated|timeout exceeded when trying to connect/i.test(message)) {
    return 'transient';
  }
  return undefined;
}
