import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SUMMARY_MAX, draftReleaseNotes, summarizeRequirements, type ShippedFeature } from './release-notes.js';

const PRD = `# Offline proof of delivery

<!-- Template: fill in each section -->

## Problem

Drivers lose **signal** in basements and cannot capture a [signature](https://example.test/sig);
the delivery_status stays _pending_.

## Goals and success metrics

- 95% of proofs captured offline
`;

// The start of the features module's requirements template: prompts are Markdown quotes.
const TEMPLATE = `## Problem

> Whose problem is this, and what happens to them today?

## Goals and success metrics

> What changes for the user?

| Metric | Today | Target |
| --- | --- | --- |
`;

const feature = (p: Partial<ShippedFeature>): ShippedFeature => ({ title: 'T', componentName: 'C', requirements: null, description: '', ...p });

describe('summarizing requirements', () => {
  it('takes the first paragraph under the Problem heading, as plain text on one line', () => {
    expect(summarizeRequirements(PRD)).toBe('Drivers lose signal in basements and cannot capture a signature; the delivery_status stays pending.');
  });

  it('falls back to the first paragraph, then to the description', () => {
    expect(summarizeRequirements('# Title\n\nFirst paragraph\ngoes on.\n\nSecond.')).toBe('First paragraph goes on.');
    expect(summarizeRequirements('```\ncode first\n```\n\n| a | b |\n\nAfter *code*')).toBe('After code');
    expect(summarizeRequirements(null, 'From the description.\n\nMore.')).toBe('From the description.');
    expect(summarizeRequirements('## Problem\n\n- one item\n- two items')).toBe('one item two items');
    expect(summarizeRequirements(null)).toBe('');
  });

  it('passes over the template prompts (quotes) and falls back to the description', () => {
    expect(summarizeRequirements(TEMPLATE, 'What the feature does.')).toBe('What the feature does.');
    expect(summarizeRequirements(TEMPLATE.replace('## Problem\n', '## Problem\n\nShippers miss windows.\n'))).toBe('Shippers miss windows.');
  });

  it('cuts long summaries at a word boundary', () => {
    const long = `## Problem\n\n${'word '.repeat(200)}`;
    const s = summarizeRequirements(long);
    expect(s.length).toBeLessThanOrEqual(SUMMARY_MAX);
    expect(s.endsWith('word…')).toBe(true);
  });

  it('never gives more than the limit or a line break, whatever the document', () => {
    fc.assert(
      fc.property(fc.option(fc.string({ maxLength: 2000 })), fc.string({ maxLength: 500 }), (req, desc) => {
        const s = summarizeRequirements(req, desc);
        expect(s.length).toBeLessThanOrEqual(SUMMARY_MAX);
        expect(s).not.toMatch(/\n/);
      }),
    );
  });
});

describe('drafting release notes', () => {
  it('groups shipped features by component, sorted, each with its summary', () => {
    const notes = draftReleaseNotes({ name: '2027.1', date: '2027-03-31', description: 'The spring release.' }, [
      feature({ title: 'Window-aware routing', componentName: 'Routing', requirements: '## Problem\n\nRoutes ignore delivery windows.' }),
      feature({ title: 'Offline proof of delivery', componentName: 'Driver App', requirements: PRD }),
      feature({ title: 'ETA sharing', componentName: 'Driver App', description: 'Share the ETA with the customer.' }),
      feature({ title: 'No words', componentName: 'Routing' }),
    ]);
    expect(notes).toBe(
      [
        '# 2027.1',
        '',
        '_Release date: 2027-03-31_',
        '',
        'The spring release.',
        '',
        '## Driver App',
        '',
        '- **ETA sharing** — Share the ETA with the customer.',
        '- **Offline proof of delivery** — Drivers lose signal in basements and cannot capture a signature; the delivery_status stays pending.',
        '',
        '## Routing',
        '',
        '- **No words**',
        '- **Window-aware routing** — Routes ignore delivery windows.',
        '',
      ].join('\n'),
    );
  });

  it('escapes Markdown in names and says when nothing has shipped', () => {
    expect(draftReleaseNotes({ name: 'v2 *beta*', date: null, description: '' }, [])).toBe('# v2 \\*beta\\*\n\nNo feature of this release has shipped yet.\n');
    expect(draftReleaseNotes({ name: 'R', date: null, description: '' }, [feature({ title: '<b>x</b>', componentName: '#1' })])).toContain('## \\#1\n\n- **\\<b\\>x\\</b\\>**');
  });

  it('does not depend on the order the features come in', () => {
    const arb = fc.array(
      fc.record({ title: fc.string({ maxLength: 20 }), componentName: fc.constantFrom('A', 'B', 'Ä', 'b'), requirements: fc.option(fc.string({ maxLength: 80 })), description: fc.string({ maxLength: 40 }) }),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(arb, (features) => {
        const release = { name: 'R', date: null, description: '' };
        // Equal titles in one component may tie: the draft is then the same whichever comes first.
        expect(draftReleaseNotes(release, [...features].reverse())).toBe(draftReleaseNotes(release, features));
      }),
    );
  });
});
