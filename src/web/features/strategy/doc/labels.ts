import type { StrategySectionKey, StrategyStoryKey } from '../../../../shared/contracts.js';

export const SECTION_TITLES: Record<StrategySectionKey, string> = {
  vision: 'Vision',
  customers: 'Target customers',
  problems: 'Problems we solve',
  nonProblems: 'Problems we will not solve',
  principles: 'Principles',
};

export const SECTION_HINTS: Record<StrategySectionKey, string> = {
  vision: 'Where the product is going in three to five years, and why it matters.',
  customers: 'Who we build for, and who we do not.',
  problems: 'The problems of those customers we solve better than anyone.',
  nonProblems: 'The problems we choose not to solve, so teams can say no with a reason.',
  principles: 'How we decide when two good options compete.',
};

export const STORY_TITLES: Record<StrategyStoryKey, { title: string; target: string; minutes: number }> = {
  short: { title: 'The 75-second version', target: 'For a hallway or an elevator', minutes: 1.25 },
  medium: { title: 'The 6-minute version', target: 'For a team meeting', minutes: 6 },
  long: { title: 'The 18-minute version', target: 'For an all-hands or a board', minutes: 18 },
};

/** Speaking pace the storytelling estimates use. */
export const WORDS_PER_MINUTE = 130;

export function wordCount(text: string): number {
  const t = text.trim();
  return t ? t.split(/\s+/).length : 0;
}

/** "1 min 15 s" from a word count at ~130 words a minute. */
export function speakingTime(words: number): string {
  const seconds = Math.round((words / WORDS_PER_MINUTE) * 60);
  if (seconds < 60) return `${seconds} s`;
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return s ? `${m} min ${s} s` : `${m} min`;
}

export const STATUS_COLORS: Record<string, string> = { pending: 'blue', accepted: 'teal', rejected: 'red', withdrawn: 'gray' };
