import { describe, expect, it } from 'vitest';
import { speakingTime, wordCount } from './labels';

describe('storytelling estimates', () => {
  it('counts words across spaces and line breaks, an empty text as none', () => {
    expect(wordCount('')).toBe(0);
    expect(wordCount('   \n ')).toBe(0);
    expect(wordCount('We make\nbilling   boring.')).toBe(4);
  });

  it('estimates speaking time at 130 words a minute', () => {
    expect(speakingTime(0)).toBe('0 s');
    expect(speakingTime(65)).toBe('30 s');
    expect(speakingTime(130)).toBe('1 min');
    expect(speakingTime(163)).toBe('1 min 15 s');
    expect(speakingTime(130 * 18)).toBe('18 min');
  });
});
