/**
 * The requirements document a feature starts from. Each section carries a short prompt (a Markdown
 * quote) saying what a good answer holds; the author replaces the prompts with the answers.
 */
export const REQUIREMENTS_TEMPLATE = `## Problem

> Whose problem is this, and what happens to them today? Quote the evidence: the feedback,
> interviews and opportunities linked to this feature. Say why solving it now matters.

## Goals and success metrics

> What changes for the user and the business when this ships? Name one or two metrics with a
> baseline and a target, and when you will read them.

| Metric | Today | Target | Read on |
| --- | --- | --- | --- |
|  |  |  |  |

## Users

> Who is this for: which segments, roles or plans? Who is it deliberately not for?

## Scope and non-goals

> What is in the first version? List what is out of scope, so nobody assumes it is coming.

- In scope:
- Not in scope:

## Requirements

> The behaviour the feature must have, one testable statement each, most important first.
> Mark each as must, should or could.

1. **Must** —

## Open questions

> What do we not know yet, who will find out, and by when?

- [ ] 
`;
