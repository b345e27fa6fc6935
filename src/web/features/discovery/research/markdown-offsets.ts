const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Finds where text selected in the rendered notes sits in the raw Markdown. The rendering drops
 * markup (`**`, `_`, `#`, list bullets, link targets) and folds whitespace, so the words are
 * matched in order with any run of markup or whitespace between them. Returns the first match,
 * or null when the words do not appear in order (e.g. a selection across a link's hidden URL).
 */
export function findInMarkdown(markdown: string, selected: string): { start: number; end: number } | null {
  const needle = selected.trim();
  if (!needle) return null;
  const exact = markdown.indexOf(needle);
  if (exact !== -1) return { start: exact, end: exact + needle.length };
  const words = needle.split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const pattern = new RegExp(words.map(escape).join('[\\s*_`~>#\\-+\\[\\]()!|]+'));
  const m = pattern.exec(markdown);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}
