/**
 * Retries `assertion` until it stops throwing or the time is up; then rethrows its last error.
 * Tests wait on conditions, never on fixed sleeps.
 */
export async function eventually<T>(assertion: () => Promise<T> | T, { timeoutMs = 20_000, intervalMs = 100 } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
