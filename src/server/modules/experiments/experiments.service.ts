import type { CreateExperiment, Experiment, UpdateExperiment } from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { invalid, notFound, versionConflict } from '../../lib/app-error.js';
import { authorize } from '../../lib/authorize.js';
import { newId } from '../../lib/ids.js';
import { recordAudit, recordUpdate } from '../audit/audit.service.js';
import { existingMemberIds } from '../members/members.repository.js';
import { existingOpportunityIds } from '../opportunities/opportunities.repository.js';
import { requireVersion } from '../workspaces/workspaces.service.js';
import { presentExperiment } from './experiments.presenter.js';
import {
  deleteExperimentRow,
  findExperimentRow,
  insertExperiment,
  listExperimentRows,
  setExperimentOpportunities,
  updateExperimentRow,
  type ExperimentPatch,
} from './experiments.repository.js';

type Ctx = { db: Db; actor: WorkspaceActor };
type ListQuery = { status?: string; type?: string; opportunityId?: string; limit: number; offset: number };

/** Experiments, filtered by status, type or the opportunity they test. */
export async function listExperiments({ db, actor, query }: Ctx & { query: ListQuery }): Promise<{ items: Experiment[]; total: number }> {
  authorize(actor, 'experiment.read');
  const { rows, total } = await listExperimentRows(db, actor.workspaceId, query);
  return { items: rows.map(presentExperiment), total };
}

/** One experiment. */
export async function getExperiment({ db, actor, experimentId }: Ctx & { experimentId: string }): Promise<Experiment> {
  authorize(actor, 'experiment.read');
  const row = await findExperimentRow(db, actor.workspaceId, experimentId);
  if (!row) throw notFound('Experiment');
  return presentExperiment(row);
}

/** Owner and opportunities must belong to this workspace; anything else is a 400 naming the field. */
async function checkRefs(db: Db, workspaceId: string, input: { ownerId?: string | null; opportunityIds?: string[] }) {
  if (input.ownerId && !(await existingMemberIds(db, workspaceId, [input.ownerId])).has(input.ownerId)) {
    throw invalid('ownerId', 'is not a member of this workspace');
  }
  if (input.opportunityIds?.length) {
    const found = await existingOpportunityIds(db, workspaceId, input.opportunityIds);
    const stranger = input.opportunityIds.find((id) => !found.has(id));
    if (stranger) throw invalid('opportunityIds', `${stranger} is not an opportunity of this workspace`);
  }
}

/** The rules that span fields, checked on the record as it would be after the change. */
function checkRules(x: { startsOn: string | null; endsOn: string | null; status: string; result: string | null }) {
  // YYYY-MM-DD strings order like the dates they name.
  if (x.startsOn && x.endsOn && x.endsOn < x.startsOn) throw invalid('endsOn', `must be on or after startsOn (${x.startsOn})`);
  if (x.result && x.status !== 'completed') throw invalid('result', 'only a completed experiment has a result: set status to completed, or clear the result');
}

/** Plans a validation experiment. */
export async function createExperiment({ db, actor, input }: Ctx & { input: CreateExperiment }): Promise<Experiment> {
  authorize(actor, 'experiment.create');
  const row = {
    id: newId(),
    workspaceId: actor.workspaceId,
    title: input.title ?? '',
    hypothesis: input.hypothesis,
    type: input.type,
    metric: input.metric ?? '',
    successCriterion: input.successCriterion ?? '',
    startsOn: input.startsOn ?? null,
    endsOn: input.endsOn ?? null,
    status: input.status ?? 'planned',
    ownerId: input.ownerId === undefined ? actor.memberId : input.ownerId,
  };
  checkRules({ ...row, result: null });
  return db.transaction(async (tx) => {
    await checkRefs(tx, actor.workspaceId, input);
    await insertExperiment(tx, row);
    if (input.opportunityIds?.length) await setExperimentOpportunities(tx, actor.workspaceId, row.id, input.opportunityIds);
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'experiment.create',
      entityType: 'experiment',
      entityId: row.id,
      summary: `Planned experiment “${(row.title || row.hypothesis).slice(0, 80)}”`,
    });
    return presentExperiment((await findExperimentRow(tx, actor.workspaceId, row.id))!);
  });
}

/** Edits an experiment, records its result, learning and decision. */
export async function updateExperiment({ db, actor, experimentId, input }: Ctx & { experimentId: string; input: UpdateExperiment }): Promise<Experiment> {
  authorize(actor, 'experiment.update');
  const version = requireVersion(input.version);
  return db.transaction(async (tx) => {
    const before = await findExperimentRow(tx, actor.workspaceId, experimentId);
    if (!before) throw notFound('Experiment');
    const { version: _v, opportunityIds, ...fields } = input;
    const patch = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as ExperimentPatch;
    checkRules({ ...before, ...patch } as { startsOn: string | null; endsOn: string | null; status: string; result: string | null });
    await checkRefs(tx, actor.workspaceId, input);
    if (!(await updateExperimentRow(tx, { workspaceId: actor.workspaceId, id: experimentId, version }, patch))) throw versionConflict('Experiment');
    if (opportunityIds) await setExperimentOpportunities(tx, actor.workspaceId, experimentId, opportunityIds);
    await recordUpdate(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'experiment.update',
      entityType: 'experiment',
      entityId: experimentId,
      label: `Updated experiment “${(before.title || before.hypothesis).slice(0, 80)}”`,
      before: { ...before, opportunityIds: before.opportunities.map((o) => o.id).sort() },
      patch: { ...patch, opportunityIds: opportunityIds ? [...new Set(opportunityIds)].sort() : undefined },
    });
    return presentExperiment((await findExperimentRow(tx, actor.workspaceId, experimentId))!);
  });
}

/** Deletes an experiment. */
export async function deleteExperiment({ db, actor, experimentId }: Ctx & { experimentId: string }): Promise<void> {
  authorize(actor, 'experiment.delete');
  await db.transaction(async (tx) => {
    const before = await findExperimentRow(tx, actor.workspaceId, experimentId);
    if (!before) throw notFound('Experiment');
    await deleteExperimentRow(tx, actor.workspaceId, experimentId);
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'experiment.delete',
      entityType: 'experiment',
      entityId: experimentId,
      summary: `Deleted experiment “${(before.title || before.hypothesis).slice(0, 80)}”`,
    });
  });
}
