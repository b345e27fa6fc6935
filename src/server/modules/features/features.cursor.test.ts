import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../lib/app-error.js';
import { decodeFeatureCursor, encodeFeatureCursor } from './features.cursor.js';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
/** updated_at as PostgreSQL prints it, with or without microseconds and offset minutes. */
const pgTimestamp = fc
  .record({
    y: fc.integer({ min: 1970, max: 2199 }),
    mo: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
    h: fc.integer({ min: 0, max: 23 }),
    mi: fc.integer({ min: 0, max: 59 }),
    s: fc.integer({ min: 0, max: 59 }),
    us: fc.option(fc.integer({ min: 0, max: 999_999 })),
    off: fc.constantFrom('+00', '-05', '+05:30'),
  })
  .map((t) => `${t.y}-${pad(t.mo)}-${pad(t.d)} ${pad(t.h)}:${pad(t.mi)}:${pad(t.s)}${t.us === null ? '' : `.${pad(t.us, 6)}`}${t.off}`);

describe('feature list cursor', () => {
  it('round-trips every position, microseconds included', () => {
    fc.assert(
      fc.property(pgTimestamp, fc.uuid(), (updatedAt, id) => {
        const cursor = encodeFeatureCursor({ updatedAt, id });
        expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
        expect(decodeFeatureCursor(cursor)).toEqual({ updatedAt, id });
      }),
    );
  });

  it('refuses anything it did not give out with a 400 naming cursor', () => {
    const bad = [
      'not-a-cursor',
      '',
      Buffer.from('[1,2]').toString('base64url'),
      Buffer.from('["2027-01-01 00:00:00+00","not-a-uuid"]').toString('base64url'),
      Buffer.from("[\"2027-01-01'; drop table features; --\",\"00000000-0000-4000-8000-000000000000\"]").toString('base64url'),
    ];
    for (const raw of bad) {
      try {
        decodeFeatureCursor(raw);
        expect.unreachable(raw);
      } catch (err) {
        expect(err).toBeInstanceOf(AppError);
        expect((err as AppError).field).toBe('cursor');
      }
    }
    fc.assert(
      fc.property(fc.string(), (raw) => {
        try {
          decodeFeatureCursor(raw);
        } catch (err) {
          expect((err as AppError).field).toBe('cursor');
        }
      }),
    );
  });
});
