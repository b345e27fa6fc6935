import {
  STRATEGY_SECTIONS,
  STRATEGY_STORIES,
  type PublishStrategy,
  type StrategyDiff,
  type StrategyDoc,
  type StrategyVersion,
  type StrategyVersionList,
  type UpdateStrategy,
} from '../../../shared/contracts.js';
import { can } from '../../../shared/policy.js';
import type { Db } from '../../db/client.js';
import type { StrategySections, StrategyStories } from '../../db/schema/strategy.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { AppError, invalid, notFound, versionConflict } from '../../lib/app-error.js';
import { authorize } from '../../lib/authorize.js';
import { newId } from '../../lib/ids.js';
import { recordAudit, recordUpdate } from '../audit/audit.service.js';
import { notify } from '../notifications/notifications.service.js';
import { requireVersion } from '../workspaces/workspaces.service.js';
import { diffSnapshots, sameTexts, type StrategySnapshot } from './strategy.diff.js';
import { presentPillar, presentSections, presentStories, presentVersion, presentVersionSummary } from './strategy.presenter.js';
import {
  countPendingProposals,
  ensureStrategy,
  findProduct,
  findStrategy,
  findVersionRow,
  insertVersion,
  listProductPillars,
  listVersionRows,
  markPublished,
  productMemberUserIds,
  updateStrategyRow,
  type Named,
  type StrategyFull,
  type VersionFull,
} from './strategy.repository.js';

/*
 * The strategy document of a product: one draft (created on first write) and immutable published
 * versions. A viewer reads the published text only: the draft, the proposals and a diff against the
 * draft are not theirs. Another workspace's product answers 404.
 */

export type Ctx = { db: Db; actor: WorkspaceActor; productId: string };

/** The product, or 404 when it is not one of this workspace's. */
export async function productOf(db: Db, actor: WorkspaceActor, productId: string): Promise<Named> {
  const product = await findProduct(db, actor.workspaceId, productId);
  if (!product) throw notFound('Product');
  return product;
}

/** Whether the caller reads the draft (everyone but viewers). */
export const seesDraft = (actor: WorkspaceActor) => actor.role !== 'viewer';

/** The strategy row of a product, created empty when it has none (proposals and the first write need one). */
export async function strategyRowOf(db: Db, actor: WorkspaceActor, productId: string): Promise<StrategyFull> {
  const existing = await findStrategy(db, actor.workspaceId, productId);
  if (existing) return existing;
  await ensureStrategy(db, { id: newId(), workspaceId: actor.workspaceId, productId, sections: {}, stories: {} });
  return (await findStrategy(db, actor.workspaceId, productId))!;
}

const latestOf = (db: Db, actor: WorkspaceActor, s: StrategyFull | undefined) =>
  s && s.publishedNumber > 0 ? findVersionRow(db, actor.workspaceId, s.id, { number: s.publishedNumber }) : Promise.resolve(undefined);

const hasText = (s: { sections: StrategySections; stories: StrategyStories }) =>
  STRATEGY_SECTIONS.some((k) => (s.sections[k] ?? '').trim() !== '') || STRATEGY_STORIES.some((k) => (s.stories[k] ?? '').trim() !== '');

/** Whether a draft differs from the latest published version (or, before the first publish, has any text). */
function isDirty(draft: { sections: StrategySections; stories: StrategyStories }, latest: VersionFull | undefined): boolean {
  return latest ? !sameTexts(draft, latest) : hasText(draft);
}

/** The strategy of a product as the caller may see it. */
export async function getStrategy({ db, actor, productId }: Ctx): Promise<StrategyDoc> {
  authorize(actor, 'strategy.read');
  const product = await productOf(db, actor, productId);
  const s = await findStrategy(db, actor.workspaceId, productId);
  const draft = seesDraft(actor);
  const [latest, pillarRows, pending] = await Promise.all([
    latestOf(db, actor, s),
    listProductPillars(db, actor.workspaceId, productId),
    s && can(actor, 'strategy.propose') ? countPendingProposals(db, actor.workspaceId, s.id) : Promise.resolve(0),
  ]);
  return {
    productId,
    productName: product.name,
    sections: draft ? presentSections(s?.sections) : null,
    stories: draft ? presentStories(s?.stories) : null,
    version: s?.version ?? 0,
    publishedNumber: s?.publishedNumber ?? 0,
    dirty: draft ? (s?.dirty ?? false) : false,
    updatedAt: draft ? (s?.updatedAt.toISOString() ?? null) : (latest?.publishedAt.toISOString() ?? null),
    updatedBy: draft ? (s?.updatedBy ?? null) : (latest?.publishedBy ?? null),
    published: latest ? presentVersion(latest) : null,
    pillars: pillarRows.map(presentPillar),
    pendingProposals: pending,
  };
}

/** Sets some sections and stories of the draft, the others untouched; creates the strategy on first write. */
export async function updateStrategy({ db, actor, productId, input }: Ctx & { input: UpdateStrategy }): Promise<StrategyDoc> {
  authorize(actor, 'strategy.write');
  await db.transaction(async (tx) => {
    const product = await productOf(tx, actor, productId);
    const existing = await findStrategy(tx, actor.workspaceId, productId);
    // Before the first write GET shows version 0: a PUT with 0 (or none) creates the row; anything else is stale.
    let version: number;
    if (!existing) {
      if (input.version !== undefined && input.version !== 0) throw versionConflict('The strategy');
      version = 1;
    } else version = requireVersion(input.version);
    const s = existing ?? (await strategyRowOf(tx, actor, productId));
    const sections = { ...s.sections, ...definedOnly(input.sections ?? {}) };
    const stories = { ...s.stories, ...definedOnly(input.stories ?? {}) };
    const latest = await latestOf(tx, actor, s);
    const dirty = isDirty({ sections, stories }, latest);
    if (!(await updateStrategyRow(tx, { workspaceId: actor.workspaceId, id: s.id, version }, { sections, stories, dirty, updatedById: actor.memberId }))) {
      throw versionConflict('The strategy');
    }
    await recordUpdate(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'strategy.update',
      entityType: 'strategy',
      entityId: s.id,
      label: `Edited the strategy draft of ${product.name}`,
      before: flatten(s.sections, s.stories),
      patch: flatten(sections, stories),
    });
  });
  return getStrategy({ db, actor, productId });
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** One flat record for the audit's field diff: `vision`, …, `story.short`, …. */
function flatten(sections: StrategySections, stories: StrategyStories): Record<string, string> {
  return {
    ...Object.fromEntries(STRATEGY_SECTIONS.map((k) => [k, sections[k] ?? ''])),
    ...Object.fromEntries(STRATEGY_STORIES.map((k) => [`story.${k}`, stories[k] ?? ''])),
  };
}

/** Publishes the draft as the next version, with the product's pillars, and tells the product's members. */
export async function publishStrategy({ db, actor, productId, input }: Ctx & { input: PublishStrategy }): Promise<StrategyDoc> {
  authorize(actor, 'strategy.publish');
  await db.transaction(async (tx) => {
    const product = await productOf(tx, actor, productId);
    const s = await findStrategy(tx, actor.workspaceId, productId);
    if (!s || !hasText(s)) throw invalid('sections', 'the draft is empty; write the strategy before publishing it');
    const pillars = (await listProductPillars(tx, actor.workspaceId, productId)).map(presentPillar);
    const latest = await latestOf(tx, actor, s);
    if (latest && !diffSnapshots(snapshotOf(latest), { sections: s.sections, stories: s.stories, pillars }).changed) {
      throw invalid('sections', `nothing changed since v${latest.number}`);
    }
    const number = s.publishedNumber + 1;
    // The unique (strategy, number) index refuses a concurrent publish of the same number.
    const id = newId();
    try {
      await insertVersion(tx, { id, workspaceId: actor.workspaceId, strategyId: s.id, number, sections: s.sections, stories: s.stories, pillars, note: input.note ?? '', publishedById: actor.memberId });
    } catch {
      throw new AppError('conflict', 'Someone published this strategy at the same moment; reload and try again');
    }
    await markPublished(tx, actor.workspaceId, s.id, number);
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'strategy.publish',
      entityType: 'strategy',
      entityId: s.id,
      summary: `Published v${number} of the strategy of ${product.name}${input.note ? `: ${input.note.slice(0, 120)}` : ''}`,
      changes: { publishedNumber: [s.publishedNumber, number], versionId: [null, id] },
    });
    const recipients = (await productMemberUserIds(tx, actor.workspaceId, productId)).filter((u) => u !== actor.userId);
    await notify(tx, {
      workspaceId: actor.workspaceId,
      userIds: recipients,
      kind: 'strategy.published',
      title: `${actor.name} published v${number} of the ${product.name} strategy`,
      body: input.note ?? '',
      link: `/w/${actor.workspaceId}/strategy?productId=${productId}`,
    });
  });
  return getStrategy({ db, actor, productId });
}

const snapshotOf = (v: VersionFull): StrategySnapshot => ({ sections: v.sections, stories: v.stories, pillars: (v.pillars ?? []).map(presentPillar) });

/** The published versions, newest first. */
export async function listVersions({ db, actor, productId }: Ctx): Promise<StrategyVersionList> {
  authorize(actor, 'strategy.read');
  await productOf(db, actor, productId);
  const s = await findStrategy(db, actor.workspaceId, productId);
  return { items: s ? (await listVersionRows(db, actor.workspaceId, s.id)).map(presentVersionSummary) : [] };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A version named by id or number; 404 otherwise. */
async function versionByRef(db: Db, actor: WorkspaceActor, s: StrategyFull | undefined, ref: string): Promise<VersionFull> {
  const key = UUID.test(ref) ? { id: ref.toLowerCase() } : /^\d{1,9}$/.test(ref) ? { number: Number(ref) } : null;
  const v = s && key ? await findVersionRow(db, actor.workspaceId, s.id, key) : undefined;
  if (!v) throw notFound('Version');
  return v;
}

/** One published version, whole. */
export async function getVersion({ db, actor, productId, versionRef }: Ctx & { versionRef: string }): Promise<StrategyVersion> {
  authorize(actor, 'strategy.read');
  await productOf(db, actor, productId);
  const s = await findStrategy(db, actor.workspaceId, productId);
  return presentVersion(await versionByRef(db, actor, s, versionRef));
}

/** What changed from `a` to `b`: versions by id or number, or the draft (not for viewers). */
export async function diffVersions({ db, actor, productId, a, b }: Ctx & { a: string; b: string }): Promise<StrategyDiff> {
  authorize(actor, 'strategy.read');
  await productOf(db, actor, productId);
  const s = await findStrategy(db, actor.workspaceId, productId);
  const side = async (ref: string) => {
    if (ref.toLowerCase() === 'draft') {
      // A viewer has no draft to compare with.
      if (!seesDraft(actor)) throw notFound('Version');
      const pillars = (await listProductPillars(db, actor.workspaceId, productId)).map(presentPillar);
      return {
        side: { ref: 'draft', number: null, label: 'Draft', at: s?.updatedAt.toISOString() ?? null },
        snap: { sections: s?.sections ?? {}, stories: s?.stories ?? {}, pillars } satisfies StrategySnapshot,
      };
    }
    const v = await versionByRef(db, actor, s, ref);
    return { side: { ref: String(v.number), number: v.number, label: `v${v.number}`, at: v.publishedAt.toISOString() }, snap: snapshotOf(v) };
  };
  const [from, to] = await Promise.all([side(a), side(b)]);
  return { from: from.side, to: to.side, ...diffSnapshots(from.snap, to.snap) };
}
