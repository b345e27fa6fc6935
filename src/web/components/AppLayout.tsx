import { AppShell, Burger, Divider, Group, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconBan,
  IconBox,
  IconFileReport,
  IconGavel,
  IconHandStop,
  IconMessageReport,
  IconSpeakerphone,
  IconChartDonut,
  IconChartLine,
  IconColumns3,
  IconCompass,
  IconFlag,
  IconBuilding,
  IconBuildingStore,
  IconFlask,
  IconInbox,
  IconTargetArrow,
  IconHistory,
  IconHome,
  IconKey,
  IconPackages,
  IconUser,
  IconUsers,
  IconUsersGroup,
  IconAdjustments,
  IconGauge,
  IconGitMerge,
  IconListDetails,
  IconRoad,
  IconRocket,
  IconScale,
  IconSettings,
  IconSchool,
  IconStairsUp,
  IconChartRadar,
  IconMessages,
  IconPlant2,
  IconBooks,
  IconLayoutGrid,
  IconListCheck,
} from '@tabler/icons-react';
import { Outlet, useRouterState } from '@tanstack/react-router';
import { useEffect, type ReactNode } from 'react';
import { roleAllows } from '../../shared/policy.js';
import { NotificationsBell } from '../features/notifications/NotificationsBell';
import { WorkspaceSwitcher } from '../features/workspaces/WorkspaceSwitcher';
import { useCurrentWorkspace } from '../lib/use-current-workspace';
import { AccountMenu } from './AccountMenu';
import { NavLinkLink } from './links';
import { Logo } from './Logo';
import { SearchButton } from './Search';

type WsPath =
  | '/w/$workspaceId'
  | '/w/$workspaceId/products'
  | '/w/$workspaceId/people'
  | '/w/$workspaceId/feedback'
  | '/w/$workspaceId/opportunities'
  | '/w/$workspaceId/customers'
  | '/w/$workspaceId/research'
  | '/w/$workspaceId/roadmap'
  | '/w/$workspaceId/features'
  | '/w/$workspaceId/prioritization'
  | '/w/$workspaceId/dependencies'
  | '/w/$workspaceId/releases'
  | '/w/$workspaceId/capacity'
  | '/w/$workspaceId/strategy'
  | '/w/$workspaceId/strategy/pillars'
  | '/w/$workspaceId/okrs'
  | '/w/$workspaceId/metrics'
  | '/w/$workspaceId/strategy/drift'
  | '/w/$workspaceId/requests'
  | '/w/$workspaceId/decisions'
  | '/w/$workspaceId/wont-do'
  | '/w/$workspaceId/updates'
  | '/w/$workspaceId/reports'
  | '/w/$workspaceId/settings/rationales'
  | '/w/$workspaceId/coaching/team'
  | '/w/$workspaceId/coaching/me'
  | '/w/$workspaceId/coaching/assessments'
  | '/w/$workspaceId/coaching/sessions'
  | '/w/$workspaceId/coaching/growth'
  | '/w/$workspaceId/coaching/learning'
  | '/w/$workspaceId/coaching/ladder'
  | '/w/$workspaceId/coaching/frameworks'
  | '/w/$workspaceId/settings/prioritization'
  | '/w/$workspaceId/settings/roadmap'
  | '/w/$workspaceId/settings/workspace'
  | '/w/$workspaceId/settings/members'
  | '/w/$workspaceId/settings/products'
  | '/w/$workspaceId/settings/audit'
  | '/w/$workspaceId/settings/tokens'
  | '/w/$workspaceId/settings/profile';

interface Item {
  to: WsPath;
  label: string;
  icon: ReactNode;
  exact?: boolean;
  show?: boolean;
}

/** The workspace shell: top bar, sidebar of modules, the page in <main>. */
export function AppLayout() {
  const [opened, { toggle, close }] = useDisclosure(false);
  const { workspaceId, role } = useCurrentWorkspace();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  useEffect(() => close(), [pathname, close]);

  const base = `/w/${workspaceId}`;
  const isActive = (item: Item) => {
    const href = item.to.replace('/w/$workspaceId', base);
    return item.exact ? pathname === href || pathname === `${href}/` : pathname === href || pathname.startsWith(`${href}/`);
  };

  const modules: Item[] = [
    { to: '/w/$workspaceId', label: 'Home', icon: <IconHome size={18} aria-hidden />, exact: true },
    { to: '/w/$workspaceId/products', label: 'Products', icon: <IconBox size={18} aria-hidden /> },
    { to: '/w/$workspaceId/people', label: 'People', icon: <IconUsers size={18} aria-hidden /> },
  ];
  const discovery: Item[] = [
    { to: '/w/$workspaceId/feedback', label: 'Feedback', icon: <IconInbox size={18} aria-hidden />, show: roleAllows(role, 'feedback.read') },
    { to: '/w/$workspaceId/opportunities', label: 'Opportunities', icon: <IconTargetArrow size={18} aria-hidden />, show: roleAllows(role, 'opportunity.read') },
    { to: '/w/$workspaceId/customers', label: 'Customers', icon: <IconBuildingStore size={18} aria-hidden />, show: roleAllows(role, 'customer.read') },
    // Research holds interviews and experiments; viewers read experiments only.
    { to: '/w/$workspaceId/research', label: 'Research', icon: <IconFlask size={18} aria-hidden />, show: roleAllows(role, 'interview.read') || roleAllows(role, 'experiment.read') },
  ];
  const decide: Item[] = [
    { to: '/w/$workspaceId/roadmap', label: 'Roadmap', icon: <IconRoad size={18} aria-hidden />, show: roleAllows(role, 'feature.read') },
    { to: '/w/$workspaceId/features', label: 'Features', icon: <IconListDetails size={18} aria-hidden />, show: roleAllows(role, 'feature.read') },
    { to: '/w/$workspaceId/prioritization', label: 'Prioritization', icon: <IconScale size={18} aria-hidden />, show: roleAllows(role, 'prioritization.read') },
    { to: '/w/$workspaceId/dependencies', label: 'Dependencies', icon: <IconGitMerge size={18} aria-hidden />, show: roleAllows(role, 'feature.read') },
    { to: '/w/$workspaceId/releases', label: 'Releases', icon: <IconRocket size={18} aria-hidden />, show: roleAllows(role, 'release.read') },
    { to: '/w/$workspaceId/capacity', label: 'Capacity', icon: <IconGauge size={18} aria-hidden />, show: roleAllows(role, 'capacity.read') },
  ];
  const settings: Item[] = [
    { to: '/w/$workspaceId/settings/workspace', label: 'Workspace', icon: <IconBuilding size={18} aria-hidden /> },
    { to: '/w/$workspaceId/settings/members', label: 'Members', icon: <IconUsersGroup size={18} aria-hidden />, show: roleAllows(role, 'invitation.read') },
    { to: '/w/$workspaceId/settings/products', label: 'Products & components', icon: <IconPackages size={18} aria-hidden />, show: roleAllows(role, 'product.update') },
    { to: '/w/$workspaceId/settings/prioritization', label: 'Prioritization frameworks', icon: <IconAdjustments size={18} aria-hidden />, show: roleAllows(role, 'prioritization.manage') },
    { to: '/w/$workspaceId/settings/roadmap', label: 'Roadmap settings', icon: <IconSettings size={18} aria-hidden />, show: roleAllows(role, 'roadmap-settings.update') },
    { to: '/w/$workspaceId/settings/rationales', label: 'Rationale templates', icon: <IconHandStop size={18} aria-hidden />, show: roleAllows(role, 'rationale.manage') },
    { to: '/w/$workspaceId/settings/audit', label: 'Audit log', icon: <IconHistory size={18} aria-hidden />, show: roleAllows(role, 'audit.read') },
    { to: '/w/$workspaceId/settings/profile', label: 'Your profile', icon: <IconUser size={18} aria-hidden /> },
    { to: '/w/$workspaceId/settings/tokens', label: 'API tokens', icon: <IconKey size={18} aria-hidden /> },
  ];

  const strategy: Item[] = [
    { to: '/w/$workspaceId/strategy', label: 'Strategy', icon: <IconCompass size={18} aria-hidden />, exact: true, show: roleAllows(role, 'strategy.read') },
    { to: '/w/$workspaceId/strategy/pillars', label: 'Pillars', icon: <IconColumns3 size={18} aria-hidden />, show: roleAllows(role, 'strategy.read') },
    { to: '/w/$workspaceId/okrs', label: 'OKRs', icon: <IconFlag size={18} aria-hidden />, show: roleAllows(role, 'okr.read') },
    { to: '/w/$workspaceId/metrics', label: 'Metrics', icon: <IconChartLine size={18} aria-hidden />, show: roleAllows(role, 'metric.read') },
    { to: '/w/$workspaceId/strategy/drift', label: 'Coverage & drift', icon: <IconChartDonut size={18} aria-hidden />, show: roleAllows(role, 'drift.read') },
  ];
  const represent: Item[] = [
    { to: '/w/$workspaceId/requests', label: 'Requests', icon: <IconMessageReport size={18} aria-hidden />, show: roleAllows(role, 'request.read') },
    { to: '/w/$workspaceId/decisions', label: 'Decision log', icon: <IconGavel size={18} aria-hidden />, show: roleAllows(role, 'decision.read') },
    { to: '/w/$workspaceId/wont-do', label: 'Won’t do', icon: <IconBan size={18} aria-hidden />, show: roleAllows(role, 'decision.read') },
    { to: '/w/$workspaceId/updates', label: 'Status updates', icon: <IconSpeakerphone size={18} aria-hidden />, show: roleAllows(role, 'update.read') },
    { to: '/w/$workspaceId/reports', label: 'Reports', icon: <IconFileReport size={18} aria-hidden />, show: roleAllows(role, 'report.read') },
  ];
  const coach: Item[] = [
    { to: '/w/$workspaceId/coaching/team', label: 'Team', icon: <IconLayoutGrid size={18} aria-hidden />, show: roleAllows(role, 'coaching.team') },
    { to: '/w/$workspaceId/coaching/me', label: 'My coaching', icon: <IconSchool size={18} aria-hidden />, show: roleAllows(role, 'coaching.read') },
    { to: '/w/$workspaceId/coaching/assessments', label: 'Assessments', icon: <IconChartRadar size={18} aria-hidden />, show: roleAllows(role, 'coaching.read') },
    { to: '/w/$workspaceId/coaching/sessions', label: 'Sessions', icon: <IconMessages size={18} aria-hidden />, show: roleAllows(role, 'coaching.read') },
    { to: '/w/$workspaceId/coaching/growth', label: 'Growth plans', icon: <IconPlant2 size={18} aria-hidden />, show: roleAllows(role, 'coaching.read') },
    { to: '/w/$workspaceId/coaching/learning', label: 'Learning log', icon: <IconBooks size={18} aria-hidden />, show: roleAllows(role, 'coaching.read') },
    { to: '/w/$workspaceId/coaching/ladder', label: 'Career ladder', icon: <IconStairsUp size={18} aria-hidden />, show: roleAllows(role, 'ladder.read') },
    { to: '/w/$workspaceId/coaching/frameworks', label: 'Competencies', icon: <IconListCheck size={18} aria-hidden />, show: roleAllows(role, 'framework.read') },
  ];

  const renderItem = (item: Item) =>
    item.show === false ? null : (
      <NavLinkLink
        key={item.to}
        to={item.to}
        params={{ workspaceId }}
        label={item.label}
        leftSection={item.icon}
        active={isActive(item)}
        activeOptions={{ exact: Boolean(item.exact), includeSearch: false }}
        variant="light"
      />
    );

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={opened ? 'Close navigation' : 'Open navigation'} />
            <Group visibleFrom="xs" gap={0}>
              <Logo />
            </Group>
            <Divider orientation="vertical" visibleFrom="xs" />
            <WorkspaceSwitcher workspaceId={workspaceId} />
          </Group>
          <Group gap="xs" wrap="nowrap">
            <SearchButton />
            <NotificationsBell workspaceId={workspaceId} />
            <AccountMenu workspaceId={workspaceId} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Workspace">
        <AppShell.Section grow component={ScrollArea}>
          {modules.map(renderItem)}
          {strategy.some((item) => item.show !== false) ? (
            <Text size="xs" fw={600} c="dimmed" tt="uppercase" mt="lg" mb={4} px="sm">
              Strategy & goals
            </Text>
          ) : null}
          {strategy.map(renderItem)}
          {discovery.some((item) => item.show !== false) ? (
            <Text size="xs" fw={600} c="dimmed" tt="uppercase" mt="lg" mb={4} px="sm">
              Discovery
            </Text>
          ) : null}
          {discovery.map(renderItem)}
          {decide.some((item) => item.show !== false) ? (
            <Text size="xs" fw={600} c="dimmed" tt="uppercase" mt="lg" mb={4} px="sm">
              Decide & plan
            </Text>
          ) : null}
          {decide.map(renderItem)}
          {represent.some((item) => item.show !== false) ? (
            <Text size="xs" fw={600} c="dimmed" tt="uppercase" mt="lg" mb={4} px="sm">
              Say no & report
            </Text>
          ) : null}
          {represent.map(renderItem)}
          {coach.some((item) => item.show !== false) ? (
            <Text size="xs" fw={600} c="dimmed" tt="uppercase" mt="lg" mb={4} px="sm">
              Coach
            </Text>
          ) : null}
          {coach.map(renderItem)}
          <Text size="xs" fw={600} c="dimmed" tt="uppercase" mt="lg" mb={4} px="sm">
            Settings
          </Text>
          {settings.map(renderItem)}
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main className="sextant-main">
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
