import { useQuery } from '@tanstack/react-query';
import type { ChallengeType, CompetencyFrameworkList, CompetencyList, Experiment, FeatureList } from '../../../../shared/contracts.js';
import { api, wsPath } from '../../../lib/api/client';
import type { ListOf, ProductT } from '../../../lib/api/types';
import { useMembers } from '../../members/use-members';

export interface Option {
  value: string;
  label: string;
}
export interface OptionGroup {
  group: string;
  items: Option[];
}

/** Competencies of every framework of the workspace, grouped by framework, the default framework first. */
export function useCompetencyOptions(workspaceId: string, enabled = true) {
  return useQuery({
    queryKey: ['frameworks', workspaceId, 'competency-options'],
    enabled,
    staleTime: 5 * 60_000,
    queryFn: async (): Promise<OptionGroup[]> => {
      const frameworks = (await api<CompetencyFrameworkList>(wsPath(workspaceId, '/frameworks'))).items;
      const ordered = [...frameworks].sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
      const groups = await Promise.all(
        ordered.map(async (f) => ({
          group: f.isDefault ? `${f.name} (default)` : f.name,
          items: (await api<CompetencyList>(wsPath(workspaceId, `/frameworks/${f.id}/competencies`))).items.map((c) => ({ value: c.id, label: c.name })),
        })),
      );
      return groups.filter((g) => g.items.length);
    },
  });
}

/** The workspace's members as options, optionally only some roles. */
export function usePeopleOptions(workspaceId: string, roles?: readonly string[]) {
  const members = useMembers(workspaceId);
  const options: Option[] = (members.data?.items ?? []).filter((m) => !roles || roles.includes(m.role)).map((m) => ({ value: m.id, label: m.name }));
  return { options, members };
}

/**
 * What a goal's next bigger challenge can point at, for the picker: features matching the search
 * (the server searches titles), the latest experiments, and every component with its product.
 */
export function useChallengeOptions(workspaceId: string, type: ChallengeType | null, search: string) {
  return useQuery({
    queryKey: ['growth-challenge-options', workspaceId, type, type === 'feature' ? search : ''],
    enabled: Boolean(type),
    staleTime: 30_000,
    queryFn: async (): Promise<Option[]> => {
      if (type === 'feature') {
        const q = search.trim() ? `&q=${encodeURIComponent(search.trim())}` : '';
        const list = await api<FeatureList>(wsPath(workspaceId, `/features?limit=50${q}`));
        return list.items.map((f) => ({ value: f.id, label: `${f.title} · ${f.componentName}` }));
      }
      if (type === 'experiment') {
        const list = await api<ListOf<Experiment>>(wsPath(workspaceId, '/experiments?limit=200'));
        return list.items.map((x) => ({ value: x.id, label: x.title || x.hypothesis.slice(0, 120) }));
      }
      const products = await api<ListOf<ProductT>>(wsPath(workspaceId, '/products'));
      return products.items.flatMap((p) => p.components.map((c) => ({ value: c.id, label: `${c.name} · ${p.name}` })));
    },
  });
}
