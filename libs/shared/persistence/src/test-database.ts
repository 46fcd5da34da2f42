/**
 * Tests create and drop data; they must never point at a database that isn't marked as a test one.
 */
export function assertTestDatabase(url: string): void {
  const name = new URL(url).pathname.replace(/^\//, '');
  if (!/_test$/.test(name)) {
    throw new Error(`Refusing to run tests against database "${name}": test database names end in _test.`);
  }
}
