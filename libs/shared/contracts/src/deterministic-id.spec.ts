import { deterministicUuid } from './deterministic-id';

describe('deterministicUuid', () => {
  it('gives the same id for the same inputs, so a retried request maps to the same conversation', () => {
    expect(deterministicUuid('app-1', 'evt-1')).toBe(deterministicUuid('app-1', 'evt-1'));
  });

  it('keeps the ids it gave before: a retry after a deploy must still map to the same conversation', () => {
    expect(deterministicUuid('app-1', 'evt-1', 'conversation')).toBe('d3b92e70-60a7-5263-a98e-ff7c52f3837f');
    expect(deterministicUuid('app-1', 'évt-1')).toBe('114bf36d-6acf-5cff-ac07-36c7aafda2b9');
  });

  it('gives different ids when any input differs, including how inputs are split', () => {
    const ids = new Set([
      deterministicUuid('app-1', 'evt-1'),
      deterministicUuid('app-2', 'evt-1'),
      deterministicUuid('app-1', 'evt-2'),
      deterministicUuid('app-1e', 'vt-1'),
    ]);
    expect(ids.size).toBe(4);
  });

  it('is a well-formed version 5 UUID', () => {
    expect(deterministicUuid('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
