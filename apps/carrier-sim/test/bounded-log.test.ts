import { describe, expect, it } from 'vitest';
import { BoundedLog } from '../src';

describe('BoundedLog', () => {
  it('keeps the newest entries in order and counts evictions', () => {
    const log = new BoundedLog<number>(3);
    for (let i = 1; i <= 7; i += 1) log.push(i);
    expect(log.toArray()).toEqual([5, 6, 7]);
    expect(log.length).toBe(3);
    expect(log.evicted).toBe(4);
  });

  it('filters and limits to the newest matches', () => {
    const log = new BoundedLog<number>(10);
    for (let i = 1; i <= 10; i += 1) log.push(i);
    expect(log.toArray((n) => n % 2 === 0, 2)).toEqual([8, 10]);
    log.clear();
    expect(log.toArray()).toEqual([]);
    expect(log.evicted).toBe(0);
  });

  it('refuses a capacity below 1', () => {
    expect(() => new BoundedLog(0)).toThrow(RangeError);
  });
});
