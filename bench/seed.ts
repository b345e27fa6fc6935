// Seeds the benchmark data through the project's own services: an instance admin, one generated
// workspace (generateWorkspace, the demo module's data generator) and an API token for the requests.
import { randomBytes } from 'node:crypto';
import { openDatabase } from '../src/server/db/client.js';
import type { UserActor } from '../src/server/lib/actor.js';
import { createUserAccount } from '../src/server/modules/accounts/accounts.service.js';
import { generateWorkspace } from '../src/server/modules/demo/demo.service.js';
import { generateDiscovery } from '../src/server/modules/demo/generate-discovery.js';
import { generateRoadmap } from '../src/server/modules/demo/generate-roadmap.js';
import { generateCoaching } from './generate-coaching.js';
import { generateRepresent } from './generate-represent.js';
import { generateStrategy } from './generate-strategy.js';
import { createApiToken } from '../src/server/modules/tokens/tokens.service.js';

export interface SeedOptions {
  factor: number;
  /** The embedded data directory (SEXTANT_DATA_DIR); ignored when databaseUrl is set. */
  dataDir: string;
  databaseUrl: string | null;
  /** Also generate discovery data (at factor 1: 20,000 customers, 200,000 feedback items). */
  discovery: boolean;
  /** Also generate roadmap data (at factor 1: 20,000 features, 5,000 dependencies). */
  roadmap: boolean;
  /** Also generate coaching data (8 assessments per PM, 2,000 sessions) and attribute the work to the PMs. */
  coaching?: boolean;
  /**
   * Also generate strategy data (issue 6) on the second product: its features topped up to 20,000,
   * 5 pillars, 500 objectives, 2,000 key results and 50,000 check-ins at factor 1.
   */
  strategy?: boolean;
  /**
   * Also generate the requests, decisions and reports data (issue 7) in a workspace of its own: one
   * product with 40 components and 20,000 features, 40,000 requests and 50,000 decisions at factor 1.
   */
  represent?: boolean;
  onProgress?: (message: string) => void;
}

export interface Seeded {
  workspaceId: string;
  token: string;
  /** What the generator created, to check the responses against. */
  products: number;
  components: number;
  pms: number;
  feedback: number;
  customers: number;
  /** The first generated product: the roadmap and conflict endpoints are measured on it. */
  productId: string;
  roadmapFeatures: number;
  dependencies: number;
  /** Coaching (issue 5): 0 without it. */
  coachingSessions: number;
  /** The PM and the quarter the signals endpoint is measured on (empty without coaching). */
  signalsPersonId: string;
  signalsFrom: string;
  signalsTo: string;
  /** Strategy (issue 6): the product the OKR tree and the drift report are measured on (empty without it). */
  strategyProductId: string;
  okrPeriodId: string;
  okrObjectives: number;
  okrKeyResults: number;
  okrCheckIns: number;
  /** The drift product's features (20,000 at factor 1). */
  driftFeatures: number;
  /** Issue 7, in its own workspace (empty and 0 without it): the report's product and the decision log. */
  representWorkspaceId: string;
  representProductId: string;
  representComponents: number;
  representFeatures: number;
  decisions: number;
  /** The decision log search the bench measures, and how many decisions it matches. */
  decisionSearch: string;
  decisionSearchHits: number;
  seedMs: number;
}

/** Creates the data and closes the database again (the embedded one is locked while open). */
export async function seed({ factor, dataDir, databaseUrl, discovery, roadmap, coaching, strategy, represent, onProgress }: SeedOptions): Promise<Seeded> {
  const started = performance.now();
  const database = await openDatabase({ databaseUrl, dataDir });
  try {
    const db = database.db;
    // A unique email, so the bench can also run against a PostgreSQL database that already has data.
    const email = `bench-${randomBytes(4).toString('hex')}@bench.sextant.test`;
    const account = await createUserAccount({ db, input: { name: 'Bench Admin', email, password: randomBytes(18).toString('base64url'), instanceAdmin: true } });
    const actor: UserActor = { userId: account.id, name: 'Bench Admin', email: account.email, instanceAdmin: true, via: 'session' };
    const generated = await generateWorkspace({ db, actor, factor, name: `Bench ×${factor}` });
    const found = discovery
      ? await generateDiscovery(db, {
          workspaceId: generated.workspaceId,
          factor,
          memberIds: generated.memberIds,
          componentIds: generated.componentIds,
          onProgress: (done, total) => {
            if (done % 50_000 === 0 || done === total) onProgress?.(`feedback ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`);
          },
        })
      : { customers: 0, feedback: 0 };
    const planned = roadmap
      ? await generateRoadmap(db, {
          workspaceId: generated.workspaceId,
          factor,
          componentIds: generated.componentIds,
          productOfComponent: generated.productOfComponent,
          ownerOfComponent: generated.ownerOfComponent,
        })
      : { features: 0, dependencies: 0 };
    if (roadmap) onProgress?.(`roadmap: ${planned.features.toLocaleString('en')} features, ${planned.dependencies.toLocaleString('en')} dependencies`);
    // After discovery and roadmap: it attributes their feedback, features and evidence to the PMs.
    const coached = coaching ? await generateCoaching(db, { workspaceId: generated.workspaceId, factor, pmIds: generated.memberIds }) : null;
    if (coached) onProgress?.(`coaching: ${coached.assessments.toLocaleString('en')} assessments, ${coached.sessions.toLocaleString('en')} sessions`);
    // Last, so the coaching data stays as it was. On the second product: the first one's roadmap
    // (~2,000 cards) and conflicts stay as they were measured before; the top-up adds features to the
    // workspace (about 13,500 at factor 1), so rescoring then covers about 33,500.
    const strategyProductId = generated.productIds[1] ?? generated.productIds[0]!;
    const planned6 = strategy ? await generateStrategy(db, { workspaceId: generated.workspaceId, productId: strategyProductId, factor }) : null;
    if (planned6) {
      onProgress?.(
        `strategy: ${planned6.objectives.toLocaleString('en')} objectives, ${planned6.keyResults.toLocaleString('en')} key results, ${planned6.checkIns.toLocaleString('en')} check-ins, ${planned6.features.toLocaleString('en')} features in the drift product (${planned6.addedFeatures.toLocaleString('en')} added)`,
      );
    }
    // In a workspace of its own, so nothing above changes (see generate-represent.ts).
    const represented = represent ? await generateRepresent(db, { mainWorkspaceId: generated.workspaceId, factor }) : null;
    if (represented) {
      const actions = Object.entries(represented.decisionsByAction)
        .map(([a, n]) => `${a} ${n.toLocaleString('en')}`)
        .join(', ');
      onProgress?.(
        `represent: ${represented.components} components, ${represented.features.toLocaleString('en')} features (${represented.publicFeatures.toLocaleString('en')} public), ${represented.requests.toLocaleString('en')} requests, ${represented.decisions.toLocaleString('en')} decisions (${actions}), ${represented.statusUpdates} status updates`,
      );
    }
    const { token } = await createApiToken({ db, actor, input: { name: 'bench' } });
    return {
      workspaceId: generated.workspaceId,
      token,
      products: generated.products,
      components: generated.components,
      pms: generated.pms,
      feedback: found.feedback,
      customers: found.customers,
      productId: generated.productIds[0]!,
      roadmapFeatures: planned.features,
      dependencies: planned.dependencies,
      coachingSessions: coached?.sessions ?? 0,
      signalsPersonId: coached?.signalsPersonId ?? '',
      signalsFrom: coached?.signalsFrom ?? '',
      signalsTo: coached?.signalsTo ?? '',
      strategyProductId: planned6?.productId ?? '',
      okrPeriodId: planned6?.periodId ?? '',
      okrObjectives: planned6?.objectives ?? 0,
      okrKeyResults: planned6?.keyResults ?? 0,
      okrCheckIns: planned6?.checkIns ?? 0,
      driftFeatures: planned6?.features ?? 0,
      representWorkspaceId: represented?.workspaceId ?? '',
      representProductId: represented?.productId ?? '',
      representComponents: represented?.components ?? 0,
      representFeatures: represented?.features ?? 0,
      decisions: represented?.decisions ?? 0,
      decisionSearch: represented?.searchQuery ?? '',
      decisionSearchHits: represented?.searchHits ?? 0,
      seedMs: performance.now() - started,
    };
  } finally {
    await database.close();
  }
}
