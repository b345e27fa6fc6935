import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CreateProposal,
  CreateProposalComment,
  DecideProposal,
  ProposalComment,
  ProposalListQuery,
  PublishStrategy,
  StrategyDiff,
  StrategyDiffParams,
  StrategyDoc,
  StrategyParams,
  StrategyProposalDetail,
  StrategyProposalList,
  StrategyProposalParams,
  StrategyVersion,
  StrategyVersionList,
  StrategyVersionParams,
  UpdateStrategy,
} from '../../../shared/contracts.js';
import { withVersion, workspaceActor } from '../../lib/http.js';
import { UPDATE_ERRORS, WORKSPACE_ERRORS, errorResponses } from '../../lib/route-schema.js';
import { commentOnProposal, createProposal, decideProposal, getProposal, listProposals, withdrawProposal } from './strategy-proposals.service.js';
import { diffVersions, getStrategy, getVersion, listVersions, publishStrategy, updateStrategy } from './strategy.service.js';

const CLOSED_ERRORS = errorResponses(400, 401, 403, 404, 409);

/** Routes of the strategy module (strategy and goals, issue 6): the draft, published versions, diffs and proposals. */
export async function strategyRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Strategy: document'];
  const base = '/api/v1/workspaces/:workspaceId/products/:productId/strategy';
  const proposal = `${base}/proposals/:proposalId`;
  const ctx = (req: { params: { productId: string } } & Parameters<typeof workspaceActor>[0]) => ({ db: app.db, actor: workspaceActor(req), productId: req.params.productId });

  r.get(base, {
    config: { permission: 'strategy.read' },
    schema: {
      summary: 'Read the strategy of a product',
      description:
        'The draft sections and stories with their version, whether the draft has unpublished changes, the latest published version, the product’s live pillars and the count of pending proposals. A viewer gets the published text only (sections and stories are null). A product with no strategy yet reads as an empty draft with version 0.',
      tags,
      params: StrategyParams,
      response: { 200: StrategyDoc, ...WORKSPACE_ERRORS },
    },
    handler: (req) => getStrategy(ctx(req)),
  });
  r.put(base, {
    config: { permission: 'strategy.write' },
    schema: {
      summary: 'Edit the strategy draft',
      description:
        'Sections and stories given replace the draft’s; the others stay. The first write creates the strategy (send version 0 or none); after that send the version you read (or If-Match): a stale one answers 409.',
      tags,
      params: StrategyParams,
      body: UpdateStrategy,
      response: { 200: StrategyDoc, ...UPDATE_ERRORS },
    },
    handler: (req) => updateStrategy({ ...ctx(req), input: withVersion(req, req.body) }),
  });
  r.post(`${base}/publish`, {
    config: { permission: 'strategy.publish' },
    schema: {
      summary: 'Publish the strategy',
      description:
        'Snapshots the draft’s sections and stories and the product’s pillars as the next version, and notifies the product’s members (admins, leads and the PMs owning one of its components) in the app. An empty draft, or one identical to the latest version, answers 400.',
      tags,
      params: StrategyParams,
      body: PublishStrategy,
      response: { 200: StrategyDoc, ...CLOSED_ERRORS },
    },
    handler: (req) => publishStrategy({ ...ctx(req), input: req.body }),
  });
  r.get(`${base}/versions`, {
    config: { permission: 'strategy.read' },
    schema: { summary: 'List the published versions', description: 'Newest first.', tags, params: StrategyParams, response: { 200: StrategyVersionList, ...WORKSPACE_ERRORS } },
    handler: (req) => listVersions(ctx(req)),
  });
  r.get(`${base}/versions/:versionRef`, {
    config: { permission: 'strategy.read' },
    schema: {
      summary: 'Read a published version',
      description: 'By id or number: the sections, stories and pillars as published.',
      tags,
      params: StrategyVersionParams,
      response: { 200: StrategyVersion, ...WORKSPACE_ERRORS },
    },
    handler: (req) => getVersion({ ...ctx(req), versionRef: req.params.versionRef }),
  });
  r.get(`${base}/versions/:fromRef/diff/:toRef`, {
    config: { permission: 'strategy.read' },
    schema: {
      summary: 'Compare two versions',
      description:
        'Word-level differences from `fromRef` to `toRef` per section and per story, and the pillars added, removed and changed. Each side is a version id or number, or `draft` (not for viewers). An unknown version answers 404.',
      tags,
      params: StrategyDiffParams,
      response: { 200: StrategyDiff, ...WORKSPACE_ERRORS },
    },
    handler: (req) => diffVersions({ ...ctx(req), a: req.params.fromRef, b: req.params.toRef }),
  });

  r.post(`${base}/proposals`, {
    config: { permission: 'strategy.propose' },
    schema: {
      summary: 'Propose a change to a section',
      description: 'The suggested text of the whole section and a rationale; the draft’s current text is kept as the base of the diff.',
      tags,
      params: StrategyParams,
      body: CreateProposal,
      response: { 201: StrategyProposalDetail, ...WORKSPACE_ERRORS },
    },
    handler: async (req, reply) => reply.status(201).send(await createProposal({ ...ctx(req), input: req.body })),
  });
  r.get(`${base}/proposals`, {
    config: { permission: 'strategy.propose' },
    schema: {
      summary: 'List the proposals',
      description: 'Pending first, then newest first; each with its diff and comment count.',
      tags,
      params: StrategyParams,
      querystring: ProposalListQuery,
      response: { 200: StrategyProposalList, ...WORKSPACE_ERRORS },
    },
    handler: (req) => listProposals({ ...ctx(req), status: req.query.status }),
  });
  r.get(proposal, {
    config: { permission: 'strategy.propose' },
    schema: { summary: 'Read a proposal', description: 'With its diff and comment thread.', tags, params: StrategyProposalParams, response: { 200: StrategyProposalDetail, ...WORKSPACE_ERRORS } },
    handler: (req) => getProposal({ ...ctx(req), proposalId: req.params.proposalId }),
  });
  r.post(`${proposal}/comments`, {
    config: { permission: 'strategy.propose' },
    schema: {
      summary: 'Comment on a proposal',
      description: 'The author is notified when someone else comments.',
      tags,
      params: StrategyProposalParams,
      body: CreateProposalComment,
      response: { 201: ProposalComment, ...WORKSPACE_ERRORS },
    },
    handler: async (req, reply) => reply.status(201).send(await commentOnProposal({ ...ctx(req), proposalId: req.params.proposalId, input: req.body })),
  });
  r.post(`${proposal}/decision`, {
    config: { permission: 'strategy.decide' },
    schema: {
      summary: 'Accept or reject a proposal',
      description: 'Accepting merges the suggested text into the draft’s section (the draft’s version goes up). A proposal already decided or withdrawn answers 409. The author is notified.',
      tags,
      params: StrategyProposalParams,
      body: DecideProposal,
      response: { 200: StrategyProposalDetail, ...CLOSED_ERRORS },
    },
    handler: (req) => decideProposal({ ...ctx(req), proposalId: req.params.proposalId, input: req.body }),
  });
  r.post(`${proposal}/withdraw`, {
    config: { permission: 'strategy.propose' },
    schema: {
      summary: 'Withdraw a proposal',
      description: 'Only its author may, while it is pending; for anyone else the proposal does not exist (404).',
      tags,
      params: StrategyProposalParams,
      response: { 200: StrategyProposalDetail, ...CLOSED_ERRORS },
    },
    handler: (req) => withdrawProposal({ ...ctx(req), proposalId: req.params.proposalId }),
  });
}
