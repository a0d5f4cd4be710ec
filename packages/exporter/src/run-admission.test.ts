import { describe, expect, it } from 'vitest';
import { RunAdmission } from './run-admission.ts';

describe('RunAdmission', () => {
  it('refuses new runs once the kept spans reach the bounds, but lets admitted runs go on', () => {
    const admission = new RunAdmission({ maxSpans: 3, maxBytes: 1_000 });
    expect(admission.admitsRun()).toBe(true);
    for (let i = 0; i < 3; i++) expect(admission.take(10)).toBe(true);
    expect(admission.admitsRun()).toBe(false);
    expect(admission.take(10)).toBe(true);
    expect(admission.take(10)).toBe(true);
    expect(admission.take(10)).toBe(true);
    expect(admission.take(10)).toBe(false);
    admission.release(6, 60);
    expect(admission.admitsRun()).toBe(true);
    expect(admission.spans).toBe(0);
  });

  it('bounds bytes as well as spans', () => {
    const admission = new RunAdmission({ maxSpans: 100, maxBytes: 100 });
    expect(admission.take(150)).toBe(true);
    expect(admission.admitsRun()).toBe(false);
    expect(admission.take(60)).toBe(false);
    expect(admission.bytes).toBe(150);
  });
});
