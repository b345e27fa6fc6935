import type { PersonLevel, PlacePerson } from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { invalid, notFound } from '../../lib/app-error.js';
import { authorize } from '../../lib/authorize.js';
import { recordAudit } from '../audit/audit.service.js';
import { findMemberRow } from '../members/members.repository.js';
import { presentPlacement } from './ladders.presenter.js';
import { deletePlacementRow, findLevelRow, findPlacementRow, upsertPlacementRow } from './ladders.repository.js';

type Ctx = { db: Db; actor: WorkspaceActor };

async function requirePerson(db: Db, workspaceId: string, personId: string) {
  const member = await findMemberRow(db, workspaceId, personId);
  if (!member) throw notFound('Person');
  return member;
}

async function readPlacement(db: Db, workspaceId: string, personId: string): Promise<PersonLevel> {
  const placement = await findPlacementRow(db, workspaceId, personId);
  const level = placement ? await findLevelRow(db, workspaceId, placement.levelId) : undefined;
  return presentPlacement(personId, placement && level ? { ...placement, level } : null);
}

/**
 * Where a person stands on the ladder (level null while unplaced). Levels are shown on the ladder page
 * to everyone who reads the ladder, so this is not private coaching data and writes no read entry.
 */
export async function getPersonLevel({ db, actor, personId }: Ctx & { personId: string }): Promise<PersonLevel> {
  authorize(actor, 'ladder.read');
  await requirePerson(db, actor.workspaceId, personId);
  return readPlacement(db, actor.workspaceId, personId);
}

/** Places a person at a level (any ladder of the workspace), or takes them off the ladder with levelId null. */
export async function placePerson({ db, actor, personId, input }: Ctx & { personId: string; input: PlacePerson }): Promise<PersonLevel> {
  authorize(actor, 'ladder.manage');
  return db.transaction(async (tx) => {
    const person = await requirePerson(tx, actor.workspaceId, personId);
    const before = await findPlacementRow(tx, actor.workspaceId, personId);
    const beforeLevel = before ? await findLevelRow(tx, actor.workspaceId, before.levelId) : undefined;
    if (input.levelId === null) {
      await deletePlacementRow(tx, actor.workspaceId, personId);
      if (beforeLevel) {
        await recordAudit(tx, actor, {
          workspaceId: actor.workspaceId,
          action: 'person-level.update',
          entityType: 'person-level',
          entityId: personId,
          summary: `Took ${person.name} off the ladder (was ${beforeLevel.title})`,
        });
      }
      return readPlacement(tx, actor.workspaceId, personId);
    }
    const level = await findLevelRow(tx, actor.workspaceId, input.levelId);
    if (!level) throw invalid('levelId', 'is not a level of this workspace');
    await upsertPlacementRow(tx, {
      workspaceId: actor.workspaceId,
      memberId: personId,
      levelId: level.id,
      since: input.since === undefined ? (before && before.levelId === level.id ? before.since : null) : input.since,
      note: input.note ?? (before && before.levelId === level.id ? before.note : ''),
      updatedById: actor.memberId,
    });
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'person-level.update',
      entityType: 'person-level',
      entityId: personId,
      summary: beforeLevel && beforeLevel.id !== level.id ? `Moved ${person.name} from ${beforeLevel.title} to ${level.title}` : `Placed ${person.name} at ${level.title}`,
      changes: { levelId: [before?.levelId ?? null, level.id] },
    });
    return readPlacement(tx, actor.workspaceId, personId);
  });
}
