import type { PrioritizationFrameworkInput } from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { defaultFrameworks, parseStoredFramework, toScoringFramework } from './prioritization.defaults.js';
import { insertFrameworkRows, listFrameworkRows, lockFrameworks, type FrameworkRow } from './prioritization.repository.js';
import type { ScoringFramework } from './prioritization.scoring.js';

/** A stored framework, validated, with the engine's view of it. */
export interface LoadedFramework {
  row: FrameworkRow;
  input: PrioritizationFrameworkInput;
  scoring: ScoringFramework;
}

export function loadFramework(row: FrameworkRow): LoadedFramework {
  const input = parseStoredFramework(row);
  return { row, input, scoring: toScoringFramework(input) };
}

/**
 * The workspace's frameworks, creating the defaults on the first read. `created` tells the caller that
 * every feature of the workspace still needs scoring under them. Creating is serialised per workspace,
 * so two first reads at once make one set.
 */
export async function ensureFrameworks(db: Db, workspaceId: string): Promise<{ frameworks: LoadedFramework[]; created: boolean }> {
  const existing = await listFrameworkRows(db, workspaceId);
  if (existing.length) return { frameworks: existing.map(loadFramework), created: false };
  return db.transaction(async (tx) => {
    await lockFrameworks(tx, workspaceId);
    const again = await listFrameworkRows(tx, workspaceId);
    if (again.length) return { frameworks: again.map(loadFramework), created: false };
    const defaults = defaultFrameworks();
    await insertFrameworkRows(
      tx,
      defaults.map((d, position) => ({ id: newId(), workspaceId, kind: d.kind, name: d.name, enabled: d.enabled, isDefault: d.isDefault, config: d.config, position })),
    );
    await recordAudit(tx, null, {
      workspaceId,
      action: 'prioritization-frameworks.create',
      entityType: 'prioritization-frameworks',
      entityId: workspaceId,
      summary: `Created the default prioritization frameworks: ${defaults.map((d) => d.name).join(', ')}`,
    });
    return { frameworks: (await listFrameworkRows(tx, workspaceId)).map(loadFramework), created: true };
  });
}
