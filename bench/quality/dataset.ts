import { PART_A, type ThemeSet } from './dataset-a.js';
import { PART_B } from './dataset-b.js';

/** One labelled feedback item of the quality bench. */
export interface LabelledItem {
  id: string;
  theme: string;
  source: string;
  text: string;
  /** Items sharing a group restate the same request: the labelled duplicate pairs. */
  duplicateGroup: string | null;
  /** Tuning uses half "tune"; half "holdout" is only measured. */
  half: 'tune' | 'holdout';
}

const SOURCES = ['support', 'customer_success', 'sales', 'survey', 'interview', 'product_marketing', 'other'];

/** Every labelled item; the split alternates within each theme, and each duplicate group stays whole in one half. */
export function loadDataset(): LabelledItem[] {
  const out: LabelledItem[] = [];
  const themes: ThemeSet[] = [...PART_A, ...PART_B];
  let n = 0;
  themes.forEach((set, t) => {
    set.items.forEach((text, i) => {
      out.push({ id: `${set.theme}-${i + 1}`, theme: set.theme, source: SOURCES[n++ % SOURCES.length]!, text, duplicateGroup: null, half: i % 2 === 0 ? 'tune' : 'holdout' });
    });
    set.duplicates.forEach((group, g) => {
      group.forEach((text, i) => {
        out.push({
          id: `${set.theme}-dup${g + 1}-${i + 1}`,
          theme: set.theme,
          source: SOURCES[n++ % SOURCES.length]!,
          text,
          duplicateGroup: `${set.theme}-dup${g + 1}`,
          half: (g + t) % 2 === 0 ? 'tune' : 'holdout',
        });
      });
    });
  });
  return out;
}
