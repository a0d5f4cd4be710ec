import { describe, expect, it } from 'vitest';
import { printableText } from './printable-text.ts';

describe('printableText', () => {
  it('removes colour, cursor and title escape sequences whole', () => {
    expect(printableText('\u001b[31mred\u001b[0m agent')).toBe('red agent');
    expect(printableText('a\u001b[2J\u001b[Hb')).toBe('ab');
    expect(printableText('\u001b]0;pwned\u0007title')).toBe('title');
    expect(printableText('x\u009b1;2Hy')).toBe('xy');
  });

  it('turns other control characters into spaces and leaves the rest alone', () => {
    expect(printableText('line\nbreak\ttab\u0007bell')).toBe('line break tab bell');
    expect(printableText('日本語 · emoji 🚀')).toBe('日本語 · emoji 🚀');
  });
});
