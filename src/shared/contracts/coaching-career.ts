import { z } from 'zod';
import { SIGNAL_KEYS } from '../coaching.js';
import { LIMITS } from '../limits.js';
import { ROLES } from '../roles.js';
import { Description, Id, IsoDate, Name, RoleSchema, Version, VersionedUpdate, listOf } from './common.js';
import { CalendarDate } from './discovery-research.js';

/** Career ladders, levels, salary bands, placements, competency frameworks and the question bank (issue 5). */

export const LADDER_TRACKS = ['shared', 'ic', 'management'] as const;
export type LadderTrack = (typeof LADDER_TRACKS)[number];
export const LADDER_TRACK_LABELS: Record<LadderTrack, string> = { shared: 'Shared trunk', ic: 'Individual contributor', management: 'Management' };

export const CAREER_LIMITS = {
  rankMin: 1,
  rankMax: 20,
  salaryMax: 100_000_000,
  sourceMax: 1_000,
  noteMax: 1_000,
  scaleMinLowest: 0,
  scaleMaxHighest: 10,
  scaleLabelMax: 40,
  descriptorMax: 500,
  descriptorsMax: 11,
  keyMax: 60,
  questionMax: 500,
  cadenceMin: 1,
  cadenceMax: 180,
} as const;

const Title = z.string().trim().min(1, 'must not be empty').max(LIMITS.titleMax, `must be at most ${LIMITS.titleMax} characters`);
const LongText = Description;
const Track = z.enum(LADDER_TRACKS).describe('shared (both tracks), ic (individual contributor) or management');
const Rank = z.number().int().min(CAREER_LIMITS.rankMin, `must be at least ${CAREER_LIMITS.rankMin}`).max(CAREER_LIMITS.rankMax, `must be at most ${CAREER_LIMITS.rankMax}`);
const PersonRef = z.object({ id: Id.describe('Member id (personId)'), name: z.string() });
const Money = z.number().int('must be a whole amount').min(0, 'must not be negative').max(CAREER_LIMITS.salaryMax, 'is too large');
const Currency = z
  .string()
  .trim()
  .regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code such as USD')
  .describe('ISO 4217 currency code');
const CompetencyKey = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens')
  .max(CAREER_LIMITS.keyMax, `must be at most ${CAREER_LIMITS.keyMax} characters`);

// Ladders ---------------------------------------------------------------------------------------

export const LadderParams = z.object({ workspaceId: Id, ladderId: Id.describe('Ladder id') });
export const LadderLevelParams = z.object({ workspaceId: Id, ladderId: Id.describe('Ladder id'), levelId: Id.describe('Level id') });

export const Ladder = z
  .object({
    id: Id,
    name: z.string(),
    description: z.string(),
    isDefault: z.boolean().describe('The default ladder cannot be deleted'),
    levelCount: z.number().int(),
    peopleCount: z.number().int().describe('People placed on this ladder'),
    version: Version.describe('Moves on with every edit of the ladder or its levels; matches the latest entry of its version history'),
    createdAt: IsoDate,
    updatedAt: IsoDate,
  })
  .describe('A career ladder: levels on a shared trunk that splits into an IC and a management track');
export type Ladder = z.infer<typeof Ladder>;
export const LadderList = listOf(Ladder, 'Career ladders, the default first');
export type LadderList = z.infer<typeof LadderList>;

export const CreateLadder = z
  .object({
    name: Name.describe('Ladder name'),
    description: LongText.optional(),
    copyOf: Id.optional().describe('Copy the levels, bands and expectations of this ladder'),
  })
  .strict();
export type CreateLadder = z.infer<typeof CreateLadder>;
export const UpdateLadder = VersionedUpdate.extend({ name: Name.optional(), description: LongText.optional() }).strict();
export type UpdateLadder = z.infer<typeof UpdateLadder>;

// Levels ----------------------------------------------------------------------------------------

export const SalaryBand = z
  .object({
    min: z.number().nullable(),
    mid: z.number().nullable(),
    max: z.number().nullable(),
    currency: z.string(),
    source: z.string().describe('Where the figures come from'),
    effectiveOn: z.string().nullable().describe('YYYY-MM-DD the figures apply from'),
    sample: z.boolean().describe('True for the reference text’s quoted figures until someone edits the band'),
  })
  .describe('Salary band; present only for roles the coaching settings allow to see salaries');
export type SalaryBand = z.infer<typeof SalaryBand>;

export const SalaryBandInput = z
  .object({
    min: Money.nullable().optional(),
    mid: Money.nullable().optional(),
    max: Money.nullable().optional(),
    currency: Currency.optional(),
    source: z.string().trim().max(CAREER_LIMITS.sourceMax, `must be at most ${CAREER_LIMITS.sourceMax} characters`).optional(),
    effectiveOn: CalendarDate.nullable().optional(),
  })
  .strict()
  .describe('Band fields to change; min ≤ mid ≤ max. Editing a band clears its sample mark.');
export type SalaryBandInput = z.infer<typeof SalaryBandInput>;

export const LevelExpectation = z.object({
  competencyId: Id,
  expected: z.number().int().describe('Expected rating on the competency’s framework scale'),
});
export type LevelExpectation = z.infer<typeof LevelExpectation>;

export const LadderLevel = z
  .object({
    id: Id,
    ladderId: Id,
    key: z.string().nullable().describe('Stable key of a built-in level, e.g. senior-pm; null for levels the workspace adds'),
    title: z.string(),
    track: Track,
    rank: z.number().int().describe('Seniority, low to high; levels of the two tracks can share a rank'),
    description: z.string(),
    scope: z.string(),
    expectations: z.array(LevelExpectation).describe('Expected ratings on the competencies of the framework asked for (default framework otherwise)'),
    salary: SalaryBand.optional(),
    people: z.array(PersonRef).describe('People placed at this level'),
    version: Version,
    createdAt: IsoDate,
    updatedAt: IsoDate,
  })
  .describe('A level of a career ladder');
export type LadderLevel = z.infer<typeof LadderLevel>;

export const LadderLevelList = z
  .object({
    items: z.array(LadderLevel),
    total: z.number().int(),
    frameworkId: Id.describe('The framework whose expectations the levels carry'),
    salaryVisible: z.boolean().describe('Whether the caller’s role sees salary bands'),
  })
  .describe('Levels by rank, the shared trunk first');
export type LadderLevelList = z.infer<typeof LadderLevelList>;
export const LadderLevelListQuery = z.object({ frameworkId: Id.optional().describe('Carry this framework’s expectations instead of the default’s') });

const ExpectationsInput = z
  .array(z.object({ competencyId: Id, expected: z.number().int('must be a whole number') }).strict())
  .max(200, 'at most 200 at a time')
  .describe('Expected ratings to set, each within its framework’s scale');

export const CreateLadderLevel = z
  .object({
    title: Title,
    track: Track,
    rank: Rank,
    description: LongText.optional(),
    scope: LongText.optional(),
    salary: SalaryBandInput.optional(),
    expectations: ExpectationsInput.optional(),
  })
  .strict();
export type CreateLadderLevel = z.infer<typeof CreateLadderLevel>;
export const UpdateLadderLevel = VersionedUpdate.extend({
  title: Title.optional(),
  track: Track.optional(),
  rank: Rank.optional(),
  description: LongText.optional(),
  scope: LongText.optional(),
  salary: SalaryBandInput.nullable().optional().describe('Band fields to change; null clears the band'),
  expectations: ExpectationsInput.optional(),
}).strict();
export type UpdateLadderLevel = z.infer<typeof UpdateLadderLevel>;

// Versions --------------------------------------------------------------------------------------

export const LadderSnapshotLevel = z.object({
  id: Id,
  key: z.string().nullable(),
  title: z.string(),
  track: z.string(),
  rank: z.number().int(),
  description: z.string(),
  scope: z.string(),
  salary: SalaryBand.optional(),
  expectations: z.record(z.string(), z.number()).describe('Expected rating by competency id, every framework'),
});
export const LadderSnapshot = z
  .object({ name: z.string(), description: z.string(), levels: z.array(LadderSnapshotLevel) })
  .describe('The whole ladder as it stood after the edit');
export type LadderSnapshot = z.infer<typeof LadderSnapshot>;

export const LadderChange = z.object({
  levelId: Id.nullable().describe('The level changed; null for the ladder itself'),
  level: z.string().describe('Its title'),
  field: z.string().describe('title, description, scope, track, rank, salary.min… or expectation:<competency name>; or level for an added or removed level'),
  before: z.union([z.string(), z.number(), z.boolean(), z.null()]),
  after: z.union([z.string(), z.number(), z.boolean(), z.null()]),
});
export type LadderChange = z.infer<typeof LadderChange>;

export const LadderVersion = z
  .object({
    version: z.number().int(),
    summary: z.string(),
    createdBy: PersonRef.nullable().describe('Null for the version the system seeded'),
    createdAt: IsoDate,
    snapshot: LadderSnapshot.optional().describe('Only with ?version='),
    changes: z.array(LadderChange).optional().describe('Only with ?version=: what changed from the version before'),
  })
  .describe('One version of a ladder');
export type LadderVersion = z.infer<typeof LadderVersion>;
export const LadderVersionList = listOf(LadderVersion, 'Versions, newest first; with ?version=N, only that version with its snapshot and changes');
export type LadderVersionList = z.infer<typeof LadderVersionList>;
export const LadderVersionQuery = z.object({ version: z.coerce.number().int().min(1).optional().describe('Return this version with its snapshot and changes') });

// Placements ------------------------------------------------------------------------------------

export const PersonLevelParams = z.object({ workspaceId: Id, personId: Id.describe('The person (member id)') });
export const PersonLevel = z
  .object({
    personId: Id,
    level: z
      .object({ id: Id, ladderId: Id, title: z.string(), track: Track, rank: z.number().int() })
      .nullable()
      .describe('Null while the person is not placed'),
    since: z.string().nullable().describe('YYYY-MM-DD'),
    note: z.string(),
    updatedAt: IsoDate.nullable(),
  })
  .describe('Where a person stands on the ladder');
export type PersonLevel = z.infer<typeof PersonLevel>;
export const PlacePerson = z
  .object({
    levelId: Id.nullable().describe('The level; null removes the placement'),
    since: CalendarDate.nullable().optional(),
    note: z.string().trim().max(CAREER_LIMITS.noteMax, `must be at most ${CAREER_LIMITS.noteMax} characters`).optional(),
  })
  .strict();
export type PlacePerson = z.infer<typeof PlacePerson>;

// Coaching settings -----------------------------------------------------------------------------

export const CoachingSettings = z
  .object({
    salaryRoles: z.array(RoleSchema).describe('Roles that see salary bands'),
    defaultFrameworkId: Id,
    cadenceDays: z.number().int().describe('Days between coaching sessions a coach aims for'),
    version: Version,
    updatedAt: IsoDate,
  })
  .describe('Coaching settings of the workspace');
export type CoachingSettings = z.infer<typeof CoachingSettings>;
export const UpdateCoachingSettings = VersionedUpdate.extend({
  salaryRoles: z.array(z.enum(ROLES)).max(ROLES.length).optional(),
  defaultFrameworkId: Id.optional(),
  cadenceDays: z
    .number()
    .int()
    .min(CAREER_LIMITS.cadenceMin, `must be at least ${CAREER_LIMITS.cadenceMin}`)
    .max(CAREER_LIMITS.cadenceMax, `must be at most ${CAREER_LIMITS.cadenceMax}`)
    .optional(),
}).strict();
export type UpdateCoachingSettings = z.infer<typeof UpdateCoachingSettings>;

// Frameworks ------------------------------------------------------------------------------------

export const CompetencyFrameworkParams = z.object({ workspaceId: Id, frameworkId: Id.describe('Framework id') });

export const FrameworkScale = z.object({
  min: z.number().int(),
  max: z.number().int(),
  labels: z.array(z.string()).describe('One label per point, from min up (may be empty)'),
});
export type FrameworkScale = z.infer<typeof FrameworkScale>;

export const CompetencyFramework = z
  .object({
    id: Id,
    key: z.string().nullable().describe('product-lead, pm-assessment, competency-toolkit or pm-wheel for built-in ones; null for custom'),
    name: z.string(),
    description: z.string(),
    source: z.string().describe('Attribution of the framework this one follows'),
    scale: FrameworkScale,
    ratesImportance: z.boolean().describe('Each competency is also rated for its importance in the PM’s context'),
    competencyCount: z.number().int(),
    isDefault: z.boolean(),
    builtIn: z.boolean(),
    version: Version,
    createdAt: IsoDate,
    updatedAt: IsoDate,
  })
  .describe('A competency framework with its rating scale');
export type CompetencyFramework = z.infer<typeof CompetencyFramework>;
export const CompetencyFrameworkList = listOf(CompetencyFramework, 'Competency frameworks, built-in ones first');
export type CompetencyFrameworkList = z.infer<typeof CompetencyFrameworkList>;

const ScaleInput = z
  .object({
    min: z.number().int().min(CAREER_LIMITS.scaleMinLowest, `must be at least ${CAREER_LIMITS.scaleMinLowest}`).max(CAREER_LIMITS.scaleMaxHighest),
    max: z.number().int().min(1).max(CAREER_LIMITS.scaleMaxHighest, `must be at most ${CAREER_LIMITS.scaleMaxHighest}`),
    labels: z.array(z.string().trim().max(CAREER_LIMITS.scaleLabelMax, `must be at most ${CAREER_LIMITS.scaleLabelMax} characters`)).max(11).optional(),
  })
  .strict()
  .describe('Rating scale: min < max, and one label per point when labels are given');

export const CreateCompetencyFramework = z
  .object({
    copyOf: Id.optional().describe('Copy this framework (competencies, question bank, level expectations) to edit it'),
    name: Name.optional().describe('Required unless copying; a copy is called “… (copy)” by default'),
    description: LongText.optional(),
    source: z.string().trim().max(CAREER_LIMITS.sourceMax).optional(),
    scale: ScaleInput.optional().describe('Defaults to 1-5 (ignored when copying)'),
    ratesImportance: z.boolean().optional(),
  })
  .strict();
export type CreateCompetencyFramework = z.infer<typeof CreateCompetencyFramework>;
export const UpdateCompetencyFramework = VersionedUpdate.extend({
  name: Name.optional(),
  description: LongText.optional(),
  source: z.string().trim().max(CAREER_LIMITS.sourceMax).optional(),
  scale: ScaleInput.optional().describe('Only while no assessment uses the framework; expectations are clamped into the new range'),
  ratesImportance: z.boolean().optional(),
}).strict();
export type UpdateCompetencyFramework = z.infer<typeof UpdateCompetencyFramework>;

// Competencies ----------------------------------------------------------------------------------

export const CompetencyParams = z.object({ workspaceId: Id, competencyId: Id.describe('Competency id') });

export const Competency = z
  .object({
    id: Id,
    frameworkId: Id,
    key: z.string(),
    area: z.string(),
    name: z.string(),
    description: z.string(),
    descriptors: z.array(z.string()).describe('What the competency looks like from the bottom of the scale up, one per band'),
    position: z.number().int(),
    questionCount: z.number().int(),
    version: Version,
  })
  .describe('A competency of a framework');
export type Competency = z.infer<typeof Competency>;
export const CompetencyList = listOf(Competency, 'The framework’s competencies in order');
export type CompetencyList = z.infer<typeof CompetencyList>;

const Descriptors = z
  .array(z.string().trim().min(1, 'must not be empty').max(CAREER_LIMITS.descriptorMax, `must be at most ${CAREER_LIMITS.descriptorMax} characters`))
  .max(CAREER_LIMITS.descriptorsMax, `at most ${CAREER_LIMITS.descriptorsMax}`);
export const CreateCompetency = z
  .object({
    name: Name,
    key: CompetencyKey.optional().describe('Defaults to the name, hyphenated'),
    area: z.string().trim().max(LIMITS.nameMax).optional(),
    description: LongText.optional(),
    descriptors: Descriptors.optional(),
    position: z.number().int().min(0).optional().describe('Defaults to the end'),
  })
  .strict();
export type CreateCompetency = z.infer<typeof CreateCompetency>;
export const UpdateCompetency = VersionedUpdate.extend({
  name: Name.optional(),
  area: z.string().trim().max(LIMITS.nameMax).optional(),
  description: LongText.optional(),
  descriptors: Descriptors.optional(),
  position: z.number().int().min(0).optional(),
}).strict();
export type UpdateCompetency = z.infer<typeof UpdateCompetency>;

// Question bank ---------------------------------------------------------------------------------

export const CoachingQuestionParams = z.object({ workspaceId: Id, questionId: Id.describe('Question id') });

export const CoachingQuestion = z
  .object({
    id: Id,
    competencyId: Id,
    text: z.string(),
    signals: z.array(z.string()).describe('Coaching signals the question probes'),
    builtIn: z.boolean(),
    position: z.number().int(),
    createdAt: IsoDate,
  })
  .describe('An open, Socratic question of the bank');
export type CoachingQuestion = z.infer<typeof CoachingQuestion>;
export const CoachingQuestionList = listOf(CoachingQuestion, 'The competency’s question bank, in order');
export type CoachingQuestionList = z.infer<typeof CoachingQuestionList>;

export const CreateCoachingQuestion = z
  .object({
    text: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(CAREER_LIMITS.questionMax, `must be at most ${CAREER_LIMITS.questionMax} characters`)
      .refine((t) => t.endsWith('?'), 'must be a question (end with “?”): the bank holds questions, not answers'),
    signals: z.array(z.enum(SIGNAL_KEYS)).max(SIGNAL_KEYS.length).optional().describe('Coaching signals the question probes'),
  })
  .strict();
export type CreateCoachingQuestion = z.infer<typeof CreateCoachingQuestion>;
