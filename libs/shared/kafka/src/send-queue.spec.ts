import { SendQueue, TopicMessages } from './send-queue';

describe('SendQueue', () => {
  it('sends at once when idle, and coalesces what arrives meanwhile into the next request, in order', async () => {
    const requests: TopicMessages<string>[][] = [];
    let release!: () => void;
    const queue = new SendQueue<string>(async (batches) => {
      requests.push(batches);
      if (requests.length === 1) await new Promise<void>((resolve) => (release = resolve));
    });
    const first = queue.enqueue([{ topic: 'a', messages: ['1'] }]);
    const second = queue.enqueue([{ topic: 'a', messages: ['2'] }, { topic: 'b', messages: ['x'] }]);
    const third = queue.enqueue([{ topic: 'a', messages: ['3'] }]);
    expect(requests).toHaveLength(1);
    release();
    await Promise.all([first, second, third]);
    expect(requests).toEqual([
      [{ topic: 'a', messages: ['1'] }],
      [
        { topic: 'a', messages: ['2', '3'] },
        { topic: 'b', messages: ['x'] },
      ],
    ]);
  });

  it('fails every caller whose messages were in a failed request, and only those', async () => {
    let calls = 0;
    const queue = new SendQueue<string>(async () => {
      calls++;
      if (calls === 1) throw new Error('broker down');
    });
    const failed = queue.enqueue([{ topic: 'a', messages: ['1'] }]);
    await expect(failed).rejects.toThrow('broker down');
    await expect(queue.enqueue([{ topic: 'a', messages: ['2'] }])).resolves.toBeUndefined();
  });

  it('splits a backlog into requests of at most maxMessages', async () => {
    const sizes: number[] = [];
    let release!: () => void;
    const queue = new SendQueue<number>(async (batches) => {
      sizes.push(batches.reduce((n, b) => n + b.messages.length, 0));
      if (sizes.length === 1) await new Promise<void>((resolve) => (release = resolve));
    }, 3);
    const sends = [queue.enqueue([{ topic: 't', messages: [0] }])];
    for (let i = 0; i < 4; i++) sends.push(queue.enqueue([{ topic: 't', messages: [i, i] }]));
    release();
    await Promise.all(sends);
    expect(sizes).toEqual([1, 2, 2, 2, 2]);
  });
});
