import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS, checkPassword } from './limits.js';

describe('password rule', () => {
  it('explains each way a password can fail', () => {
    expect(checkPassword('short1')).toBe(`Password must be at least ${LIMITS.passwordMin} characters.`);
    expect(checkPassword('onlyletterslong')).toBe('Password must contain a letter and a digit.');
    expect(checkPassword('1234567890123')).toBe('Password must contain a letter and a digit.');
    expect(checkPassword('x1'.repeat(LIMITS.passwordMax))).toMatch(/at most/);
    expect(checkPassword('Correct-Horse-Battery-9')).toBeNull();
  });

  it('accepts every long enough password with a letter and a digit (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: LIMITS.passwordMin - 2, maxLength: LIMITS.passwordMax - 2 }), (s) => {
        expect(checkPassword(`a${s}1`)).toBeNull();
      }),
    );
  });
});
