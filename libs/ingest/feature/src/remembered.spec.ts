import { Remembered } from './remembered';

describe('Remembered', () => {
  it('answers from memory within its time, and loads again once forgotten', async () => {
    const remembered = new Remembered<number>(60_000, 10);
    let loads = 0;
    const load = async () => ++loads;
    expect(await remembered.get('k', load)).toBe(1);
    expect(await remembered.get('k', load)).toBe(1);
    remembered.forget('k');
    expect(await remembered.get('k', load)).toBe(2);
  });

  it('does not keep an answer whose load was under way when something was forgotten (it may be stale)', async () => {
    const remembered = new Remembered<string>(60_000, 10);
    let release!: () => void;
    const slow = remembered.get('key', () => new Promise<string>((resolve) => (release = () => resolve('live'))));
    remembered.forget('key');
    release();
    expect(await slow).toBe('live');
    expect(await remembered.get('key', async () => 'revoked')).toBe('revoked');
  });
});
