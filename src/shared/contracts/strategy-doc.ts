import { z } from 'zod';
import { Id, IsoDate } from './common.js';

/** The strategy document of a product (issue 6): draft, published versions, diffs, proposals and comments. */

export const STRATEGY_SECTIONS = ['vision', 'customers', 'problems', 'nonProblems', 'principles'] as const;
export type StrategySectionKey = (typeof STRATEGY_SECTIONS)[number];
/** The vision told at three lengths: 75 seconds, 6 minutes, 18 minutes. */
export const STRATEGY_STORIES = ['short', 'medium', 'long'] as const;
export type StrategyStoryKey = (typeof STRATEGY_STORIES)[number];
export const PROPOSAL_STATUSES = ['pending', 'accepted', 'rejected', 'withdrawn'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** Limit of one section or story (Markdown): an 18-minute talk is about 2,400 words. */
export const STRATEGY_TEXT_MAX = 40_000;
export const PROPOSAL_RATIONALE_MAX = 5_000;
export const PROPOSAL_COMMENT_MAX = 5_000;
export const PUBLISH_NOTE_MAX = 1_000;

const SectionText = z.string().max(STRATEGY_TEXT_MAX, `must be at most ${STRATEGY_TEXT_MAX} characters`);
const Person = z.object({ id: Id, name: z.string() }).describe('A member of the workspace');
export const StrategySectionKeySchema = z.enum(STRATEGY_SECTIONS).describe('vision, customers, problems, nonProblems or principles');
const ProposalStatusSchema = z.enum(PROPOSAL_STATUSES).describe('pending, accepted, rejected or withdrawn');

export const StrategySectionsText = z
  .object({
    vision: z.string().describe('Where the product is going and why (Markdown)'),
    customers: z.string().describe('The target customers (Markdown)'),
    problems: z.string().describe('The problems we solve (Markdown)'),
    nonProblems: z.string().describe('The problems we will not solve (Markdown)'),
    principles: z.string().describe('The principles that guide decisions (Markdown)'),
  })
  .describe('The Markdown sections of the document; an unwritten section is an empty string');
export type StrategySectionsText = z.infer<typeof StrategySectionsText>;

export const StrategyStoriesText = z
  .object({
    short: z.string().describe('The 75-second version of the vision'),
    medium: z.string().describe('The 6-minute version'),
    long: z.string().describe('The 18-minute version'),
  })
  .describe('The vision told at three lengths (Markdown)');
export type StrategyStoriesText = z.infer<typeof StrategyStoriesText>;

export const StrategyPillar = z
  .object({
    id: Id,
    name: z.string(),
    description: z.string(),
    targetShare: z.number().describe('Target share of the planned effort, in percent'),
    status: z.string().describe('active, paused or retired'),
  })
  .describe('A strategic pillar of the product');
export type StrategyPillar = z.infer<typeof StrategyPillar>;

export const StrategyVersionSummary = z
  .object({
    id: Id,
    number: z.number().int().describe('1 for the first published version, then 2, 3…'),
    publishedAt: IsoDate,
    publishedBy: Person.nullable(),
    note: z.string().describe('What changed, in the publisher’s words'),
  })
  .describe('A published version of the strategy');
export type StrategyVersionSummary = z.infer<typeof StrategyVersionSummary>;

export const StrategyVersion = StrategyVersionSummary.extend({
  sections: StrategySectionsText,
  stories: StrategyStoriesText,
  pillars: z.array(StrategyPillar).describe('The pillars as they stood when the version was published'),
}).describe('A published version: an immutable snapshot');
export type StrategyVersion = z.infer<typeof StrategyVersion>;

export const StrategyVersionList = z.object({ items: z.array(StrategyVersionSummary).describe('Newest first') }).describe('The published versions');
export type StrategyVersionList = z.infer<typeof StrategyVersionList>;

export const StrategyDoc = z
  .object({
    productId: Id,
    productName: z.string(),
    sections: StrategySectionsText.nullable().describe('The draft; null for a viewer, who reads the published text only'),
    stories: StrategyStoriesText.nullable().describe('The draft stories; null for a viewer'),
    version: z.number().int().min(0).describe('Version of the draft (0 until it is first written); send it back with PUT, a stale one answers 409'),
    publishedNumber: z.number().int().describe('Number of the latest published version; 0 before the first publish'),
    dirty: z.boolean().describe('The draft differs from the latest published version'),
    updatedAt: IsoDate.nullable(),
    updatedBy: Person.nullable(),
    published: StrategyVersion.nullable().describe('The latest published version, or null before the first publish'),
    pillars: z.array(StrategyPillar).describe('The product’s live pillars'),
    pendingProposals: z.number().int().describe('Proposals waiting for a decision (0 for those who may not see proposals)'),
  })
  .describe('The strategy of a product');
export type StrategyDoc = z.infer<typeof StrategyDoc>;

export const UpdateStrategy = z
  .object({
    sections: z
      .object({
        vision: SectionText.optional(),
        customers: SectionText.optional(),
        problems: SectionText.optional(),
        nonProblems: SectionText.optional(),
        principles: SectionText.optional(),
      })
      .strict()
      .default({})
      .describe('Sections given replace the draft’s; the others stay'),
    stories: z
      .object({ short: SectionText.optional(), medium: SectionText.optional(), long: SectionText.optional() })
      .strict()
      .optional()
      .describe('Stories given replace the draft’s; the others stay'),
    version: z.number().int().min(0).optional().describe('The draft version you read (0 before the first write); a stale one answers 409'),
  })
  .describe('Edit the draft');
export type UpdateStrategy = z.input<typeof UpdateStrategy>;

export const PublishStrategy = z
  .object({ note: z.string().trim().max(PUBLISH_NOTE_MAX, `must be at most ${PUBLISH_NOTE_MAX} characters`).optional().describe('What changed, shown in the history') })
  .describe('Publish the draft');
export type PublishStrategy = z.infer<typeof PublishStrategy>;

export const StrategyParams = z.object({ workspaceId: Id.describe('Workspace id'), productId: Id.describe('Product id') });
export const StrategyVersionParams = StrategyParams.extend({
  versionRef: z.string().min(1).max(64).describe('A version id or number'),
});
export const StrategyDiffParams = StrategyParams.extend({
  fromRef: z.string().min(1).max(64).describe('The older side: a version id, a version number or "draft"'),
  toRef: z.string().min(1).max(64).describe('The newer side: a version id, a version number or "draft"'),
});
export const StrategyProposalParams = StrategyParams.extend({ proposalId: Id.describe('Proposal id') });

// Diffs

export const DiffPart = z
  .object({
    value: z.string(),
    added: z.boolean().optional().describe('Text the newer side inserted'),
    removed: z.boolean().optional().describe('Text the newer side deleted'),
  })
  .describe('A run of words, unchanged, inserted or deleted');
export type DiffPart = z.infer<typeof DiffPart>;

export const TextDiff = z.object({ changed: z.boolean(), parts: z.array(DiffPart).describe('Word-level parts, in order') }).describe('A word-level diff of one text');
export type TextDiff = z.infer<typeof TextDiff>;

export const PillarChange = z
  .object({
    id: Id,
    name: z.string().describe('The pillar’s newer name'),
    fields: z.array(z.enum(['name', 'description', 'targetShare', 'status'])).describe('The fields that changed'),
    before: StrategyPillar,
    after: StrategyPillar,
    description: TextDiff.describe('Word-level diff of the description'),
  })
  .describe('A pillar present on both sides, changed');
export type PillarChange = z.infer<typeof PillarChange>;

export const PillarsDiff = z
  .object({ added: z.array(StrategyPillar), removed: z.array(StrategyPillar), changed: z.array(PillarChange) })
  .describe('How the pillars changed');
export type PillarsDiff = z.infer<typeof PillarsDiff>;

const DiffSide = z
  .object({
    ref: z.string().describe('"draft", or the version number'),
    number: z.number().int().nullable().describe('The version number; null for the draft'),
    label: z.string().describe('"Draft" or "v3"'),
    at: IsoDate.nullable().describe('When it was published, or last edited for the draft'),
  })
  .describe('One side of a diff');

export const StrategyDiff = z
  .object({
    from: DiffSide,
    to: DiffSide,
    changed: z.boolean().describe('Anything differs'),
    sections: z.object(Object.fromEntries(STRATEGY_SECTIONS.map((k) => [k, TextDiff])) as Record<StrategySectionKey, typeof TextDiff>),
    stories: z.object(Object.fromEntries(STRATEGY_STORIES.map((k) => [k, TextDiff])) as Record<StrategyStoryKey, typeof TextDiff>),
    pillars: PillarsDiff,
  })
  .describe('What changed between two versions (or a version and the draft)');
export type StrategyDiff = z.infer<typeof StrategyDiff>;

// Proposals

export const ProposalComment = z
  .object({ id: Id, proposalId: Id, author: Person.nullable(), body: z.string(), createdAt: IsoDate })
  .describe('A comment on a proposal');
export type ProposalComment = z.infer<typeof ProposalComment>;

export const StrategyProposal = z
  .object({
    id: Id,
    productId: Id,
    section: StrategySectionKeySchema,
    text: z.string().describe('The suggested text of the section (Markdown)'),
    rationale: z.string().describe('Why'),
    baseText: z.string().describe('The draft’s section when the proposal was made'),
    stale: z.boolean().describe('The draft’s section changed since the proposal was made'),
    diff: TextDiff.describe('Word-level diff from the base text to the suggested text'),
    status: ProposalStatusSchema,
    author: Person.nullable(),
    decidedBy: Person.nullable(),
    decidedAt: IsoDate.nullable(),
    decisionComment: z.string(),
    commentCount: z.number().int(),
    version: z.number().int(),
    createdAt: IsoDate,
    updatedAt: IsoDate,
  })
  .describe('A proposed change to one section of the strategy');
export type StrategyProposal = z.infer<typeof StrategyProposal>;

export const StrategyProposalDetail = StrategyProposal.extend({ comments: z.array(ProposalComment).describe('Oldest first') }).describe(
  'A proposal with its comment thread',
);
export type StrategyProposalDetail = z.infer<typeof StrategyProposalDetail>;

export const StrategyProposalList = z.object({ items: z.array(StrategyProposal).describe('Pending first, then newest first') }).describe('Proposals');
export type StrategyProposalList = z.infer<typeof StrategyProposalList>;

export const ProposalListQuery = z.object({ status: ProposalStatusSchema.optional().describe('Only proposals in this status') });

export const CreateProposal = z
  .object({
    section: StrategySectionKeySchema,
    text: SectionText.describe('The suggested text of the whole section (Markdown)'),
    rationale: z.string().trim().min(1, 'must not be empty').max(PROPOSAL_RATIONALE_MAX, `must be at most ${PROPOSAL_RATIONALE_MAX} characters`).describe('Why the change'),
  })
  .describe('Propose a change to a section');
export type CreateProposal = z.infer<typeof CreateProposal>;

export const CreateProposalComment = z
  .object({ body: z.string().trim().min(1, 'must not be empty').max(PROPOSAL_COMMENT_MAX, `must be at most ${PROPOSAL_COMMENT_MAX} characters`) })
  .describe('Comment on a proposal');
export type CreateProposalComment = z.infer<typeof CreateProposalComment>;

export const DecideProposal = z
  .object({
    accept: z.boolean().describe('True merges the suggested text into the draft'),
    comment: z.string().trim().max(PROPOSAL_COMMENT_MAX, `must be at most ${PROPOSAL_COMMENT_MAX} characters`).optional().describe('Told to the author'),
  })
  .describe('Accept or reject a proposal');
export type DecideProposal = z.infer<typeof DecideProposal>;
