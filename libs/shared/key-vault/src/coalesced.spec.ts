import { Coalesced } from './coalesced';

describe('Coalesced', () => {
  const doubled = () => {
    const runs: number[][] = [];
    const coalesced = new Coalesced<number, number>(
      async (items) => {
        runs.push([...items]);
        await new Promise((resolve) => setTimeout(resolve, 10));
        if (items.includes(-1)) throw new Error('no negative numbers');
        return new Map(items.map((item) => [String(item), item * 2]));
      },
      (item) => String(item),
      (error) => error instanceof Error && error.message === 'no negative numbers',
    );
    return { runs, coalesced };
  };

  it('runs calls made while a run is in flight together in the next, each getting its own answers', async () => {
    const { runs, coalesced } = doubled();
    const answers = await Promise.all([coalesced.call([1]), coalesced.call([2, 3]), coalesced.call([4])]);
    expect(runs).toEqual([[1], [2, 3, 4]]);
    expect(answers.map((answer) => [...answer])).toEqual([[['1', 2]], [['2', 4], ['3', 6]], [['4', 8]]]);
  });

  it('fails only the caller whose items make a combined run fail', async () => {
    const { coalesced } = doubled();
    const first = coalesced.call([1]);
    const [bad, good] = await Promise.allSettled([coalesced.call([-1]), coalesced.call([5])]);
    await first;
    expect(bad).toMatchObject({ status: 'rejected', reason: new Error('no negative numbers') });
    expect(good).toEqual({ status: 'fulfilled', value: new Map([['5', 10]]) });
  });
});
