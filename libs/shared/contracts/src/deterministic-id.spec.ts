import { deterministicUuid } from './deterministic-id';

describe('deterministicUuid', () => {
  it('gives the same id for the same inputs, so a retried request maps to the same conversation', () => {
    expect(deterministicUuid('app-1', 'evt-1')).toBe(deterministicUuid('app-1', 'evt-1'));
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
