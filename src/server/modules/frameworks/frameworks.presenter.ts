import type { CoachingQuestion, Competency, CompetencyFramework } from '../../../shared/contracts.js';
import type { CompetencyWithCount, FrameworkWithCount, QuestionRow } from './frameworks.repository.js';

/** A framework as the API shows it. */
export function presentFramework(f: FrameworkWithCount, defaultFrameworkId: string | null): CompetencyFramework {
  return {
    id: f.id,
    key: f.key,
    name: f.name,
    description: f.description,
    source: f.source,
    scale: { min: f.scaleMin, max: f.scaleMax, labels: f.scaleLabels },
    ratesImportance: f.ratesImportance,
    competencyCount: f.competencyCount,
    isDefault: f.id === defaultFrameworkId,
    builtIn: f.builtIn,
    version: f.version,
    createdAt: f.createdAt.toISOString(),
    updatedAt: f.updatedAt.toISOString(),
  };
}

export function presentCompetency(c: CompetencyWithCount): Competency {
  return {
    id: c.id,
    frameworkId: c.frameworkId,
    key: c.key,
    area: c.area,
    name: c.name,
    description: c.description,
    descriptors: c.descriptors,
    position: c.position,
    questionCount: c.questionCount,
    version: c.version,
  };
}

export function presentQuestion(q: QuestionRow): CoachingQuestion {
  return { id: q.id, competencyId: q.competencyId, text: q.text, signals: q.signals, builtIn: q.builtIn, position: q.position, createdAt: q.createdAt.toISOString() };
}
