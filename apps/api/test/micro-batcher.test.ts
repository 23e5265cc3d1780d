import { afterEach, describe, expect, it, vi } from 'vitest';
import { MicroBatcher } from '../src/common/micro-batcher';

describe('MicroBatcher', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends the items of one key that arrive within maxDelayMs as one batch, in order', async () => {
    vi.useFakeTimers();
    const sent: Array<[string, number[]]> = [];
    const batcher = new MicroBatcher<number>(async (key, items) => void sent.push([key, items]), {
      maxDelayMs: 20,
      maxItems: 100,
    });
    const done = [1, 2, 3].map((n) => batcher.submit('campaign-a', n));
    const other = batcher.submit('campaign-b', 9);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(20);
    await Promise.all([...done, other]);
    expect(sent).toEqual([
      ['campaign-a', [1, 2, 3]],
      ['campaign-b', [9]],
    ]);
  });

  it('sends at once when a batch reaches maxItems', async () => {
    const sent: number[][] = [];
    const batcher = new MicroBatcher<number>(async (_key, items) => void sent.push(items), {
      maxDelayMs: 60_000,
      maxItems: 3,
    });
    await Promise.all([1, 2, 3].map((n) => batcher.submit('k', n)));
    expect(sent).toEqual([[1, 2, 3]]);
  });

  it('rejects every submitter of a batch whose send failed, and the next batch is independent', async () => {
    let fail = true;
    const batcher = new MicroBatcher<number>(
      async () => {
        if (fail) throw new Error('temporal unavailable');
      },
      { maxDelayMs: 1, maxItems: 100 },
    );
    const results = await Promise.allSettled([batcher.submit('k', 1), batcher.submit('k', 2)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    await expect(batcher.submit('k', 3)).resolves.toBeUndefined();
  });

  it('resolves a submitter only after its batch was sent', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const batcher = new MicroBatcher<number>(() => gate, { maxDelayMs: 0, maxItems: 100 });
    let settled = false;
    const p = batcher.submit('k', 1).then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(settled).toBe(false);
    release();
    await p;
    expect(settled).toBe(true);
  });

  it('drain sends what is open and waits for it', async () => {
    const sent: number[][] = [];
    const batcher = new MicroBatcher<number>(async (_key, items) => void sent.push(items), {
      maxDelayMs: 60_000,
      maxItems: 100,
    });
    const p = batcher.submit('k', 1);
    await batcher.drain();
    await p;
    expect(sent).toEqual([[1]]);
  });
});
