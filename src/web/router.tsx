import {
  Outlet,
  createRootRouteWithContext,
  createRoute,
  createRouter,
  notFound,
  redirect,
} from '@tanstack/react-router';
import type { QueryClient } from '@tanstack/react-query';
import { queryClient } from './lib/api/query-client';
import { meQuery, setupQuery } from './lib/api/use-session';
import { AppLayout } from './components/AppLayout';
import { NotFoundPage, RootErrorPage, WorkspaceNotFoundPage } from './components/ErrorPages';
import { AuditPage } from './features/audit/AuditPage';
import { InvitePage } from './features/auth/InvitePage';
import { SetupPage } from './features/auth/SetupPage';
import { SignInPage } from './features/auth/SignInPage';
import { SignUpPage } from './features/auth/SignUpPage';
import { MembersSettingsPage } from './features/members/MembersSettingsPage';
import { PeoplePage } from './features/members/PeoplePage';
import { ProfilePage } from './features/members/ProfilePage';
import { ProductPage } from './features/products/ProductPage';
import { ProductsPage } from './features/products/ProductsPage';
import { ProductsSettingsPage } from './features/products/ProductsSettingsPage';
import { TokensPage } from './features/tokens/TokensPage';
import { FirstWorkspacePage } from './features/workspaces/FirstWorkspacePage';
import { HomePage } from './features/workspaces/HomePage';
import { WorkspaceSettingsPage } from './features/workspaces/WorkspaceSettingsPage';
import { safeRedirect } from './lib/redirect';
import { CustomerPage } from './features/discovery/customers/CustomerPage';
import { CustomersPage } from './features/discovery/customers/CustomersPage';
import { FeedbackInboxPage } from './features/discovery/inbox/FeedbackInboxPage';
import { OpportunitiesPage } from './features/discovery/opportunities/OpportunitiesPage';
import { OpportunityPage } from './features/discovery/opportunities/OpportunityPage';
import { ExperimentPage } from './features/discovery/research/ExperimentPage';
import { InterviewPage } from './features/discovery/research/InterviewPage';
import { ResearchPage } from './features/discovery/research/ResearchPage';
import { FeaturePage } from './features/features/FeaturePage';
import { FeaturesPage } from './features/features/FeaturesPage';
import { PrioritizationPage } from './features/prioritization/PrioritizationPage';
import { FrameworksSettingsPage } from './features/prioritization/FrameworksSettingsPage';
import { DependenciesPage } from './features/dependencies/DependenciesPage';
import { RoadmapPage } from './features/roadmap/RoadmapPage';
import { RoadmapSettingsPage } from './features/roadmap/RoadmapSettingsPage';
import { ReleasesPage } from './features/releases/ReleasesPage';
import { ReleasePage } from './features/releases/ReleasePage';
import { CapacityPage } from './features/releases/CapacityPage';
import { LadderPage } from './features/coaching/career/LadderPage';
import { FrameworksPage } from './features/coaching/career/FrameworksPage';
import { FrameworkPage } from './features/coaching/career/FrameworkPage';
import { AssessmentsPage } from './features/coaching/assessments/AssessmentsPage';
import { AssessmentPage } from './features/coaching/assessments/AssessmentPage';
import { CoachingTeamPage } from './features/coaching/team/TeamPage';
import { SessionsPage } from './features/coaching/sessions/SessionsPage';
import { SessionPage } from './features/coaching/sessions/SessionPage';
import { JournalPage } from './features/coaching/sessions/JournalPage';
import { GrowthPlansPage } from './features/coaching/growth/GrowthPlansPage';
import { GrowthPlanPage } from './features/coaching/growth/GrowthPlanPage';
import { LearningPage } from './features/coaching/growth/LearningPage';
import { CoachingPersonPage } from './features/coaching/people/CoachingPersonPage';
import { MyCoachingPage } from './features/coaching/people/MyCoachingPage';
import { StrategyPage } from './features/strategy/doc/StrategyPage';
import { PillarsPage } from './features/strategy/pillars/PillarsPage';
import { OkrsPage } from './features/strategy/okrs/OkrsPage';
import { ObjectivePage } from './features/strategy/okrs/ObjectivePage';
import { MetricsPage } from './features/strategy/metrics/MetricsPage';
import { MetricPage } from './features/strategy/metrics/MetricPage';
import { DriftPage } from './features/strategy/drift/DriftPage';
import { RequestsPage } from './features/represent/requests/RequestsPage';
import { RequestPage } from './features/represent/requests/RequestPage';
import { DecisionLogPage } from './features/represent/decisions/DecisionLogPage';
import { WontDoPage } from './features/represent/decisions/WontDoPage';
import { RationalesPage } from './features/represent/decisions/RationalesPage';
import { StatusUpdatesPage } from './features/represent/updates/StatusUpdatesPage';
import { ReportsPage } from './features/represent/reports/ReportsPage';
import { ReportPage } from './features/represent/reports/ReportPage';
import { SharedReportPage } from './features/represent/reports/SharedReportPage';

interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  // First run: until an account exists, every page leads to /setup.
  beforeLoad: async ({ context, location }) => {
    const { needsSetup } = await context.queryClient.ensureQueryData(setupQuery);
    if (needsSetup && location.pathname !== '/setup') throw redirect({ to: '/setup' });
    if (!needsSetup && location.pathname === '/setup') throw redirect({ to: '/' });
  },
  component: Outlet,
  errorComponent: RootErrorPage,
  notFoundComponent: NotFoundPage,
});

const redirectSearch = (search: Record<string, unknown>): { redirect?: string } => {
  const r = safeRedirect(search.redirect);
  return r ? { redirect: r } : {};
};

const setupRoute = createRoute({ getParentRoute: () => rootRoute, path: '/setup', component: SetupPage });
const signInRoute = createRoute({ getParentRoute: () => rootRoute, path: '/sign-in', validateSearch: redirectSearch, component: SignInPage });
const signUpRoute = createRoute({ getParentRoute: () => rootRoute, path: '/sign-up', validateSearch: redirectSearch, component: SignUpPage });
const inviteRoute = createRoute({ getParentRoute: () => rootRoute, path: '/invite/$token', component: InvitePage });
// A report opened through its share link: no sign-in.
const sharedReportRoute = createRoute({ getParentRoute: () => rootRoute, path: '/shared/$token', component: SharedReportPage });

/** Everything below needs a session; signed-out visitors go to sign-in and come back. */
const authedRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'authed',
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
    return { me };
  },
  component: Outlet,
});

const indexRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/',
  beforeLoad: ({ context }) => {
    const first = context.me.workspaces[0];
    if (first) throw redirect({ to: '/w/$workspaceId', params: { workspaceId: first.id } });
  },
  component: FirstWorkspacePage,
});

const workspaceRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: '/w/$workspaceId',
  beforeLoad: async ({ context, params }) => {
    let me = context.me;
    // A workspace just created or joined may not be in the cached list yet.
    if (!me.workspaces.some((w) => w.id === params.workspaceId)) {
      me = (await context.queryClient.fetchQuery({ ...meQuery, staleTime: 0 })) ?? me;
    }
    if (!me.workspaces.some((w) => w.id === params.workspaceId)) throw notFound();
  },
  component: AppLayout,
  notFoundComponent: WorkspaceNotFoundPage,
});

const homeRoute = createRoute({ getParentRoute: () => workspaceRoute, path: '/', component: HomePage });
const productsRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'products', component: ProductsPage });
const productRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'products/$productId', component: ProductPage });
const peopleRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'people', component: PeoplePage });
// Discovery (issue 3).
const feedbackRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'feedback', component: FeedbackInboxPage });
const opportunitiesRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'opportunities', component: OpportunitiesPage });
const opportunityRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'opportunities/$opportunityId', component: OpportunityPage });
const customersRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'customers', component: CustomersPage });
const customerRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'customers/$customerId', component: CustomerPage });
const researchRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'research',
  validateSearch: (search: Record<string, unknown>): { tab?: 'interviews' | 'experiments' } =>
    search.tab === 'experiments' || search.tab === 'interviews' ? { tab: search.tab } : {},
  component: ResearchPage,
});
const interviewRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'research/interviews/$interviewId', component: InterviewPage });
const experimentRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'research/experiments/$experimentId', component: ExperimentPage });
// Decide and coordinate (issue 4).
const roadmapSearch = (search: Record<string, unknown>): { productId?: string; pillarIds?: string[] } => {
  const raw = search.pillarIds;
  const list = (Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : []).filter((x): x is string => typeof x === 'string' && /^[0-9a-f-]{36}$/.test(x));
  return { ...(typeof search.productId === 'string' && /^[0-9a-f-]{36}$/.test(search.productId) ? { productId: search.productId } : {}), ...(list.length ? { pillarIds: list } : {}) };
};
const roadmapRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'roadmap', validateSearch: roadmapSearch, component: RoadmapPage });
const featuresRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'features', component: FeaturesPage });
const featureRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'features/$featureId', component: FeaturePage });
const prioritizationRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'prioritization', component: PrioritizationPage });
const dependenciesRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'dependencies', component: DependenciesPage });
const releasesRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'releases', component: ReleasesPage });
const releaseRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'releases/$releaseId', component: ReleasePage });
const capacityRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'capacity', component: CapacityPage });
// Coach PMs (issue 5). Lists of one person's records take `?personId=` (the person page links to them).
const personSearch = (search: Record<string, unknown>): { personId?: string } =>
  typeof search.personId === 'string' && /^[0-9a-f-]{36}$/.test(search.personId) ? { personId: search.personId } : {};
const ladderPageRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'coaching/ladder', component: LadderPage });
const frameworksPageRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'coaching/frameworks', component: FrameworksPage });
const frameworkPageRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'coaching/frameworks/$frameworkId', component: FrameworkPage });
const assessmentsPageRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'coaching/assessments', component: AssessmentsPage });
const assessmentPageRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'coaching/assessments/$assessmentId', component: AssessmentPage });
const coachingTeamPageRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'coaching/team', component: CoachingTeamPage });
const sessionsPageRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'coaching/sessions', component: SessionsPage });
const sessionPageRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'coaching/sessions/$sessionId', component: SessionPage });
const journalPageRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'coaching/journal', validateSearch: personSearch, component: JournalPage });
const growthPlansPageRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'coaching/growth', validateSearch: personSearch, component: GrowthPlansPage });
const growthPlanPageRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'coaching/growth/$planId', component: GrowthPlanPage });
const learningPageRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'coaching/learning', validateSearch: personSearch, component: LearningPage });
const coachingPersonPageRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'coaching/people/$personId', component: CoachingPersonPage });
const myCoachingPageRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'coaching/me', component: MyCoachingPage });
// Strategy and goals (issue 6): pages that show one product take ?productId= (the first product when absent).
const uuidParam = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-f-]{36}$/.test(v);
const productSearch = (search: Record<string, unknown>): { productId?: string } => (uuidParam(search.productId) ? { productId: search.productId } : {});
const okrSearch = (search: Record<string, unknown>): { productId?: string; periodId?: string } => ({
  ...productSearch(search),
  ...(uuidParam(search.periodId) ? { periodId: search.periodId } : {}),
});
const STRATEGY_TABS = ['document', 'storytelling', 'proposals', 'history'] as const;
const strategySearch = (search: Record<string, unknown>): { productId?: string; tab?: (typeof STRATEGY_TABS)[number] } => ({
  ...productSearch(search),
  ...(STRATEGY_TABS.includes(search.tab as (typeof STRATEGY_TABS)[number]) ? { tab: search.tab as (typeof STRATEGY_TABS)[number] } : {}),
});
const strategyPageRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'strategy', validateSearch: strategySearch, component: StrategyPage });
const pillarsPageRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'strategy/pillars', validateSearch: productSearch, component: PillarsPage });
const driftPageRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'strategy/drift', validateSearch: productSearch, component: DriftPage });
const okrsPageRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'okrs', validateSearch: okrSearch, component: OkrsPage });
const objectivePageRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'okrs/$objectiveId', component: ObjectivePage });
const metricsPageRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'metrics', component: MetricsPage });
const metricPageRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'metrics/$metricId', component: MetricPage });
// Say no and represent the product (issue 7).
const requestsPageRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'requests', component: RequestsPage });
const requestPageRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'requests/$requestId', component: RequestPage });
const decisionsPageRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'decisions', component: DecisionLogPage });
const wontDoPageRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'wont-do', component: WontDoPage });
const rationalesPageRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'settings/rationales', component: RationalesPage });
const updatesPageRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'updates',
  validateSearch: (search: Record<string, unknown>): { componentId?: string; period?: string } => ({
    ...(uuidParam(search.componentId) ? { componentId: search.componentId } : {}),
    ...(typeof search.period === 'string' && search.period.length <= 40 ? { period: search.period } : {}),
  }),
  component: StatusUpdatesPage,
});
const reportsPageRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'reports', component: ReportsPage });
const reportPageRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'reports/$reportId', component: ReportPage });
const settingsPrioritizationRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'settings/prioritization', component: FrameworksSettingsPage });
const settingsRoadmapRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'settings/roadmap', component: RoadmapSettingsPage });
const settingsIndexRoute = createRoute({
  getParentRoute: () => workspaceRoute, path: 'settings',
  beforeLoad: ({ params }) => {
    throw redirect({ to: '/w/$workspaceId/settings/profile', params });
  },
});
const settingsWorkspaceRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'settings/workspace', component: WorkspaceSettingsPage });
const settingsMembersRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'settings/members', component: MembersSettingsPage });
const settingsProductsRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'settings/products', component: ProductsSettingsPage });
const settingsAuditRoute = createRoute({
  getParentRoute: () => workspaceRoute, path: 'settings/audit',
  validateSearch: (search: Record<string, unknown>): { page?: number; type?: string } => {
    const page = Number(search.page);
    return {
      ...(Number.isInteger(page) && page > 1 ? { page } : {}),
      ...(typeof search.type === 'string' && search.type ? { type: search.type } : {}),
    };
  },
  component: AuditPage,
});
const settingsTokensRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'settings/tokens', component: TokensPage });
const settingsProfileRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'settings/profile', component: ProfilePage });

const routeTree = rootRoute.addChildren([
  setupRoute,
  signInRoute,
  signUpRoute,
  inviteRoute,
  sharedReportRoute,
  authedRoute.addChildren([
    indexRoute,
    workspaceRoute.addChildren([
      homeRoute,
      productsRoute,
      productRoute,
      peopleRoute,
      feedbackRoute,
      opportunitiesRoute,
      opportunityRoute,
      customersRoute,
      customerRoute,
      researchRoute,
      interviewRoute,
      experimentRoute,
      roadmapRoute,
      featuresRoute,
      featureRoute,
      prioritizationRoute,
      dependenciesRoute,
      releasesRoute,
      releaseRoute,
      capacityRoute,
      strategyPageRoute,
      pillarsPageRoute,
      driftPageRoute,
      okrsPageRoute,
      objectivePageRoute,
      metricsPageRoute,
      metricPageRoute,
      requestsPageRoute,
      requestPageRoute,
      decisionsPageRoute,
      wontDoPageRoute,
      rationalesPageRoute,
      updatesPageRoute,
      reportsPageRoute,
      reportPageRoute,
      ladderPageRoute,
      frameworksPageRoute,
      frameworkPageRoute,
      assessmentsPageRoute,
      assessmentPageRoute,
      coachingTeamPageRoute,
      sessionsPageRoute,
      sessionPageRoute,
      journalPageRoute,
      growthPlansPageRoute,
      growthPlanPageRoute,
      learningPageRoute,
      coachingPersonPageRoute,
      myCoachingPageRoute,
      settingsPrioritizationRoute,
      settingsRoadmapRoute,
      settingsIndexRoute,
      settingsWorkspaceRoute,
      settingsMembersRoute,
      settingsProductsRoute,
      settingsAuditRoute,
      settingsTokensRoute,
      settingsProfileRoute,
    ]),
  ]),
]);

export const router = createRouter({
  routeTree,
  context: { queryClient },
  defaultPreload: 'intent',
  // Queries own the caching; the router only sequences guards.
  defaultPreloadStaleTime: 0,
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
