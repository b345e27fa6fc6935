import type { NormalizeMethod, RankedFeature, RankedFeatureList, ScoreCalibration } from '../../../shared/contracts.js';
import type { Db } from '../../db/client.js';
import type { WorkspaceActor } from '../../lib/actor.js';
import { invalid, notFound } from '../../lib/app-error.js';
import { authorize } from '../../lib/authorize.js';
import { featureRollups } from '../features/features.rollups.js';
import type { LoadedFramework } from './prioritization.frameworks.js';
import { distribution, normalizeByGroup, outlierFences, outlierOf, OUTLIER_K, rankItems, type ScoredItem } from './prioritization.normalize.js';
import { findComponentBase, loadBacklog, loadScoringFacts, productExists, type BacklogRow } from './prioritization.repository.js';
import { toNumbers } from './prioritization.rescore.js';
import { computeScore, roundScore, usesRollups } from './prioritization.scoring.js';
import { readyFrameworks } from './prioritization.service.js';

type Ctx = { db: Db; actor: WorkspaceActor };

interface Scope {
  productId?: string;
  componentId?: string;
  frameworkId?: string;
  closed: 'exclude' | 'include';
}

/** The framework asked for (which must be enabled), else the default. */
function pickFramework(frameworks: LoadedFramework[], frameworkId: string | undefined): LoadedFramework {
  if (!frameworkId) return frameworks.find((f) => f.row.isDefault) ?? frameworks.find((f) => f.row.enabled) ?? frameworks[0]!;
  const f = frameworks.find((x) => x.row.id === frameworkId);
  if (!f) throw notFound('Framework');
  if (!f.row.enabled) throw invalid('frameworkId', `"${f.row.name}" is disabled; enable it in the prioritization settings first`);
  return f;
}

/**
 * The backlog a ranking or calibration is about: the whole product (a component's product when only the
 * component is named), so normalisation and the spread always see every PM's features of the product.
 */
async function loadScope(db: Db, actor: WorkspaceActor, q: Scope): Promise<{ framework: LoadedFramework; rows: BacklogRow[] }> {
  const ws = actor.workspaceId;
  let productId = q.productId;
  if (productId && !(await productExists(db, ws, productId))) throw notFound('Product');
  if (q.componentId) {
    const component = await findComponentBase(db, ws, q.componentId);
    if (!component) throw notFound('Component');
    if (productId && component.productId !== productId) throw invalid('componentId', 'the component belongs to another product');
    productId = component.productId;
  }
  const framework = pickFramework(await readyFrameworks(db, ws), q.frameworkId);
  const rows = await loadBacklog(db, ws, { productId, frameworkId: framework.row.id, includeClosed: q.closed === 'include' });
  return { framework, rows };
}

const toItems = (rows: BacklogRow[]): ScoredItem[] => rows.map((r) => ({ id: r.id, group: r.ownerId, score: r.score, tiebreak: r.title.toLowerCase() }));
const scoresOf = (rows: BacklogRow[]) => rows.flatMap((r) => (r.score === null ? [] : [r.score]));
const frameworkRef = (f: LoadedFramework) => ({ id: f.row.id, name: f.row.name, kind: f.input.kind });

/** The formula with its values for each feature of a page, computed from the same inputs as the stored score. */
async function explain(db: Db, workspaceId: string, framework: LoadedFramework, ids: string[]) {
  const facts = await loadScoringFacts(db, workspaceId, ids);
  const rollups = usesRollups(framework.scoring) && ids.length ? await featureRollups(db, workspaceId, ids) : null;
  return new Map(facts.map((f) => [f.id, computeScore(framework.scoring, { effort: f.effort, inputs: f.scoreInputs, rollup: toNumbers(rollups?.get(f.id)) })]));
}

/**
 * A ranked backlog of a product (or one of its components): by the raw score, or by the score normalised
 * among each PM's own features so that one PM's generous scoring does not crowd out the others. Scores
 * far outside the product's spread are flagged; unscored features come last.
 */
export async function listRankedFeatures({
  db,
  actor,
  query,
}: Ctx & { query: Scope & { normalize: 'none' | 'pm'; method: NormalizeMethod; limit: number; offset: number } }): Promise<RankedFeatureList> {
  authorize(actor, 'prioritization.read');
  const { framework, rows } = await loadScope(db, actor, query);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items = toItems(rows);
  const fences = outlierFences(scoresOf(rows));
  const normalized = query.normalize === 'pm' ? normalizeByGroup(items, query.method) : null;
  let ranked = rankItems(items, normalized ?? undefined);
  if (query.componentId) ranked = ranked.filter((r) => byId.get(r.id)!.componentId === query.componentId);
  const page = ranked.slice(query.offset, query.offset + query.limit);
  const explained = await explain(
    db,
    actor.workspaceId,
    framework,
    page.map((r) => r.id),
  );
  // Ranks count within what is listed: a component's backlog starts at 1.
  const firstRank = query.offset + 1;
  const out: RankedFeature[] = page.map((r, i) => {
    const row = byId.get(r.id)!;
    const result = explained.get(r.id);
    const flag = outlierOf(row.score, fences);
    return {
      featureId: row.id,
      title: row.title,
      componentId: row.componentId,
      componentName: row.componentName,
      ownerId: row.ownerId,
      ownerName: row.ownerName,
      status: row.status,
      score: row.score,
      normalizedScore: normalized ? (normalized.get(row.id) ?? null) : null,
      rank: r.rank === null ? null : firstRank + i,
      explanation: result?.explanation ?? '',
      outlier: flag !== null,
      outlierReason: flag?.reason ?? null,
      missing: row.score === null ? (result?.missing ?? []) : [],
    };
  });
  return {
    framework: frameworkRef(framework),
    normalize: query.normalize,
    method: query.method,
    total: ranked.length,
    scored: ranked.filter((r) => r.key !== null).length,
    items: out,
  };
}

/** Each PM's score distribution next to the product's, and the scores far outside the product's spread. */
export async function getCalibration({ db, actor, query }: Ctx & { query: Scope }): Promise<ScoreCalibration> {
  authorize(actor, 'prioritization.read');
  const { framework, rows } = await loadScope(db, actor, { ...query, componentId: undefined });
  const all = scoresOf(rows);
  const fences = outlierFences(all);
  const groups = new Map<string | null, BacklogRow[]>();
  for (const r of rows) {
    const list = groups.get(r.ownerId);
    if (list) list.push(r);
    else groups.set(r.ownerId, [r]);
  }

  const pms = [...groups.entries()].map(([memberId, list]) => {
    const components = new Map(list.map((r) => [r.componentId, r.componentName]));
    return {
      memberId,
      name: memberId ? (list[0]!.ownerName ?? 'Former member') : 'Nobody (unowned components)',
      components: [...components].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)),
      ...distribution(scoresOf(list)),
      unscored: list.filter((r) => r.score === null).length,
    };
  });
  // PMs by name; the features nobody owns last.
  pms.sort((a, b) => Number(a.memberId === null) - Number(b.memberId === null) || a.name.localeCompare(b.name) || (a.memberId ?? '').localeCompare(b.memberId ?? ''));

  const outliers = rows
    .flatMap((r) => {
      const flag = outlierOf(r.score, fences);
      return flag ? [{ featureId: r.id, title: r.title, componentName: r.componentName, ownerId: r.ownerId, ownerName: r.ownerName, score: r.score!, ...flag }] : [];
    })
    .sort((a, b) => b.score - a.score || a.featureId.localeCompare(b.featureId));

  return {
    framework: frameworkRef(framework),
    product: { ...distribution(all), unscored: rows.length - all.length, lowerFence: fences ? roundScore(fences.lower) : null, upperFence: fences ? roundScore(fences.upper) : null, k: OUTLIER_K },
    pms,
    outliers,
  };
}
