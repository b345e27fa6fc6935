import type { FrameworkKey, SignalKey } from '../../../shared/coaching.js';
import { levelsOfTrack, type LevelKey } from '../ladders/ladders.catalog.js';
import { COMPETENCY_TOOLKIT } from './catalog/competency-toolkit.js';
import { PM_ASSESSMENT } from './catalog/pm-assessment.js';
import { PM_WHEEL } from './catalog/pm-wheel.js';
import { PRODUCT_LEAD } from './catalog/product-lead.js';

/** An open question of the Socratic bank, with the coaching signals it probes. */
export interface CatalogQuestion {
  text: string;
  signals?: readonly SignalKey[];
}

/**
 * The rating each default level expects on a competency, on the framework's scale: the shared trunk
 * (Associate PM, Junior PM, PM, Senior PM), then the IC branch (Product Lead, Group PM, Principal PM)
 * and the management branch (Product Director, VP / Head of Product, CPO), each from its first level up.
 */
export interface TrackExpectations {
  shared: readonly [number, number, number, number];
  ic: readonly [number, number, number];
  management: readonly [number, number, number];
}

export interface CatalogCompetency {
  key: string;
  area: string;
  name: string;
  description: string;
  /** What the competency looks like from the bottom of the scale to the top, one descriptor per band. */
  descriptors: readonly string[];
  expected: TrackExpectations;
  questions: readonly CatalogQuestion[];
}

export interface CatalogFramework {
  key: FrameworkKey;
  name: string;
  description: string;
  source: string;
  scaleMin: number;
  scaleMax: number;
  /** One label per scale point, from scaleMin up. */
  scaleLabels: readonly string[];
  ratesImportance: boolean;
  competencies: readonly CatalogCompetency[];
}

/** The four built-in frameworks, the default ("Product lead role") first. */
export const FRAMEWORK_CATALOG: readonly CatalogFramework[] = [PRODUCT_LEAD, PM_ASSESSMENT, COMPETENCY_TOOLKIT, PM_WHEEL];

/** A competency's expectations keyed by default level. */
export function expectationsByLevel(c: CatalogCompetency): Map<LevelKey, number> {
  const out = new Map<LevelKey, number>();
  for (const track of ['shared', 'ic', 'management'] as const) {
    levelsOfTrack(track).forEach((level, i) => out.set(level.key, c.expected[track][i]!));
  }
  return out;
}
