import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineDiff } from './line-diff';

const keep = (lines: ReturnType<typeof lineDiff>, kinds: string[]) =>
  lines
    .filter((l) => kinds.includes(l.kind))
    .map((l) => l.text)
    .join('\n');

describe('lineDiff', () => {
  it('marks the lines added and removed between two revisions', () => {
    const before = '## Problem\nDrivers miss windows\n## Users\nDispatchers';
    const after = '## Problem\nDrivers miss delivery windows\n## Users\nDispatchers\nPlanners';
    expect(lineDiff(before, after)).toEqual([
      { kind: 'same', text: '## Problem' },
      { kind: 'removed', text: 'Drivers miss windows' },
      { kind: 'added', text: 'Drivers miss delivery windows' },
      { kind: 'same', text: '## Users' },
      { kind: 'same', text: 'Dispatchers' },
      { kind: 'added', text: 'Planners' },
    ]);
    expect(lineDiff('', 'a')).toEqual([{ kind: 'added', text: 'a' }]);
    expect(lineDiff('a\r\nb', 'a\nb').every((l) => l.kind === 'same')).toBe(true);
  });

  it('rebuilds both texts from any pair of revisions', () => {
    const text = fc.array(fc.constantFrom('a', 'b', 'c', '## H', ''), { maxLength: 30 }).map((l) => l.join('\n'));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const diff = lineDiff(before, after);
        const norm = (s: string) => (s === '' ? [] : s.split('\n')).join('\n');
        expect(keep(diff, ['same', 'removed'])).toBe(norm(before));
        expect(keep(diff, ['same', 'added'])).toBe(norm(after));
        if (before === after) expect(diff.every((l) => l.kind === 'same')).toBe(true);
      }),
    );
  });
});
