/** Field-level changes between two versions of a record, as `{ field: [before, after] }`. */
export function diffFields(before: object, patch: object): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const [key, after] of Object.entries(patch)) {
    if (after === undefined || key === 'version') continue;
    const prior = (before as Record<string, unknown>)[key];
    if (JSON.stringify(prior) !== JSON.stringify(after)) changes[key] = [prior, after];
  }
  return changes;
}

/** "name: Old → New; owner: — → Ana" for the audit summary. */
export function describeChanges(changes: Record<string, [unknown, unknown]>): string {
  const show = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : Array.isArray(v) ? `${v.length} items` : String(v).slice(0, 80));
  return Object.entries(changes)
    .map(([k, [a, b]]) => `${k}: ${show(a)} → ${show(b)}`)
    .join('; ');
}
