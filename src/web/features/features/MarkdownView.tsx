import { Typography } from '@mantine/core';
import Markdown, { type Components } from 'react-markdown';
import rehypeSanitize from 'rehype-sanitize';

// The feature page has its one h1 and h2 sections: headings in a document start at h3.
const SHIFTED_HEADINGS: Components = {
  h1: ({ node: _n, ...p }) => <h3 {...p} />,
  h2: ({ node: _n, ...p }) => <h3 {...p} />,
  h3: ({ node: _n, ...p }) => <h4 {...p} />,
  h4: ({ node: _n, ...p }) => <h5 {...p} />,
  h5: ({ node: _n, ...p }) => <h6 {...p} />,
};

/**
 * Markdown rendered safely: rehype-sanitize drops scripts, event handlers and unknown elements, and
 * raw HTML is never parsed into the page (react-markdown leaves it as text without rehype-raw).
 */
export function MarkdownView({ children, label }: { children: string; label?: string }) {
  return (
    <Typography aria-label={label} role={label ? 'region' : undefined}>
      <Markdown rehypePlugins={[rehypeSanitize]} components={SHIFTED_HEADINGS}>
        {children}
      </Markdown>
    </Typography>
  );
}
