import { describe, expect, it } from 'vitest';
import { LogBuffer } from './log-buffer.ts';

describe('LogBuffer', () => {
  it('joins chunks split mid-line', () => {
    const log = new LogBuffer();
    log.write('first li');
    log.write('ne\nsecond');
    expect(log.text()).toBe('first line\nsecond');
  });

  it('keeps only the newest lines', () => {
    const log = new LogBuffer(2);
    log.write('a\nb\nc\n');
    expect(log.text()).toBe('b\nc');
  });
});
