/**
 * Drafts release notes from a release's shipped features: deterministic (the same features give the same
 * text), grouped by component, each feature with a one-paragraph summary taken from its requirements.
 */

export interface ShippedFeature {
  title: string;
  componentName: string;
  /** The requirements document (Markdown), or null when the feature has none. */
  requirements: string | null;
  description: string;
}

export interface DraftRelease {
  name: string;
  date: string | null;
  description: string;
}

/** Summaries longer than this are cut at a word boundary: notes list features, they don't repeat PRDs. */
export const SUMMARY_MAX = 280;

const HEADING = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/;
const FENCE = /^\s{0,3}(```|~~~)/;

interface Paragraph {
  heading: string | null;
  text: string;
  /** Prose can summarize; quotes (the template's prompts, customer quotes) and tables cannot. */
  prose: boolean;
}

/** Paragraphs of a Markdown document, each with the heading it sits under; code blocks are skipped. */
function paragraphs(markdown: string): Paragraph[] {
  const out: Paragraph[] = [];
  let heading: string | null = null;
  let lines: string[] = [];
  let inFence = false;
  const flush = () => {
    const text = lines
      // List markers and quote marks go per line, so a dash inside a sentence stays.
      .map((l) => l.replace(/^>\s?/, '').replace(/^(?:[-*+]|\d+[.)])\s+/, ''))
      .join(' ')
      .trim();
    const prose = !lines.every((l) => l.startsWith('>')) && !lines.every((l) => l.startsWith('|'));
    if (text) out.push({ heading, text, prose });
    lines = [];
  };
  for (const line of markdown.replace(/<!--[\s\S]*?-->/g, '').split(/\r?\n/)) {
    if (FENCE.test(line)) {
      flush();
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    const h = HEADING.exec(line);
    if (h) {
      flush();
      heading = h[1] ?? '';
    } else if (!line.trim()) {
      flush();
    } else {
      lines.push(line.trim());
    }
  }
  flush();
  return out;
}

/** Plain text of inline Markdown: links keep their text, emphasis, code marks and tags go. */
function plain(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*`]+|~~/g, '')
    // Underscores that open or close emphasis go; those inside a word (snake_case) stay.
    .replace(/(^|\W)_+(?=\w)|(?<=\w)_+(?=\W|$)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Cuts text to `max` characters at a word boundary, with an ellipsis. */
function clip(text: string, max = SUMMARY_MAX): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/**
 * A feature's summary: the first paragraph under its "Problem" heading, else the first paragraph of the
 * requirements, else its description; empty when it has none of these. Quotes and tables are passed
 * over: the requirements template's prompts are quotes, and an unedited prompt is no summary.
 */
export function summarizeRequirements(requirements: string | null, description = ''): string {
  const paras = requirements ? paragraphs(requirements).map((p) => ({ ...p, text: plain(p.text) })).filter((p) => p.prose && p.text) : [];
  const problem = paras.find((p) => p.heading !== null && /^problem\b/i.test(plain(p.heading)));
  const chosen = problem?.text ?? paras[0]?.text ?? plain(description.split(/\n\s*\n/)[0] ?? '');
  return clip(chosen);
}

/** Escapes what would turn a title into Markdown syntax. */
function escapeInline(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The Markdown draft: a heading, the release's description, then one section per component. */
export function draftReleaseNotes(release: DraftRelease, features: ShippedFeature[]): string {
  const parts: string[] = [`# ${escapeInline(release.name)}`];
  if (release.date) parts.push(`_Release date: ${release.date}_`);
  if (release.description.trim()) parts.push(release.description.trim());
  if (features.length === 0) {
    parts.push('No feature of this release has shipped yet.');
    return `${parts.join('\n\n')}\n`;
  }
  const groups = new Map<string, ShippedFeature[]>();
  for (const f of features) groups.set(f.componentName, [...(groups.get(f.componentName) ?? []), f]);
  // Plain code-point order, not locale order: the draft must not depend on the server's locale.
  for (const component of [...groups.keys()].sort(byText)) {
    const lines = groups
      .get(component)!
      .map((f) => {
        const summary = summarizeRequirements(f.requirements, f.description);
        return { title: f.title, line: `- **${escapeInline(f.title)}**${summary ? ` — ${summary}` : ''}` };
      })
      // Features with the same title are ordered by their whole line, so ties cannot flip the draft.
      .sort((a, b) => byText(a.title, b.title) || byText(a.line, b.line));
    parts.push(`## ${escapeInline(component)}\n\n${lines.map((l) => l.line).join('\n')}`);
  }
  return `${parts.join('\n\n')}\n`;
}
