import { describe, expect, it } from 'vitest';
import { RequestLog } from './request-log.ts';

const entry = (path: string) => ({
  method: 'POST',
  path,
  status: 200,
  body: { n: 1 },
  stream: false,
  receivedAt: new Date(0),
});

describe('RequestLog', () => {
  it('counts every request and keeps the most recent ones', () => {
    const log = new RequestLog(2);
    log.add(entry('/a'));
    log.add(entry('/b'));
    log.add(entry('/a'));
    expect(log.count).toBe(3);
    expect(log.log.map((item) => [item.seq, item.path])).toEqual([
      [2, '/b'],
      [3, '/a'],
    ]);
    expect(log.last()?.seq).toBe(3);
    expect(log.last('/b')?.seq).toBe(2);
    expect(log.last('/c')).toBeUndefined();
  });

  it('returns a copy of the log and clears', () => {
    const log = new RequestLog();
    log.add(entry('/a'));
    const snapshot = log.log;
    log.add(entry('/b'));
    expect(snapshot).toHaveLength(1);
    log.clear();
    expect(log.count).toBe(0);
    expect(log.log).toEqual([]);
  });
});
