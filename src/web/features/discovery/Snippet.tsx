import { Mark } from '@mantine/core';
import { Fragment } from 'react';

/**
 * Renders a search snippet from the API, where only `<mark>` and `</mark>` carry meaning. The
 * string is split on exactly those tags and everything else is rendered as text, so nothing in
 * the customer's words can become markup.
 */
export function Snippet({ html }: { html: string }) {
  const parts = html.split(/(<mark>|<\/mark>)/);
  let marked = false;
  const out: { text: string; marked: boolean }[] = [];
  for (const part of parts) {
    if (part === '<mark>') marked = true;
    else if (part === '</mark>') marked = false;
    else if (part) out.push({ text: part, marked });
  }
  return (
    <>
      {out.map((p, i) => (p.marked ? <Mark key={i}>{p.text}</Mark> : <Fragment key={i}>{p.text}</Fragment>))}
    </>
  );
}

/** The text with one character range highlighted (an evidence quote). */
export function QuotedText({ text, start, end }: { text: string; start?: number | null; end?: number | null }) {
  if (start === null || start === undefined || end === null || end === undefined || end <= start || start < 0 || end > text.length) {
    return <>{text}</>;
  }
  return (
    <>
      {text.slice(0, start)}
      <Mark>{text.slice(start, end)}</Mark>
      {text.slice(end)}
    </>
  );
}
