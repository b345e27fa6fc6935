/**
 * The discovery API's shapes as the web uses them: inferred from the shared zod contracts where the
 * backend has written them (src/shared/contracts/discovery-*.ts), local for the rest.
 */
import type { z } from 'zod';
import type {
  Contact as ContactC,
  Customer as CustomerC,
  CustomerImportResult,
  DiscoverySettings as DiscoverySettingsC,
  Feedback as FeedbackC,
  FeedbackImportResult,
  FeedbackListItem,
  FeedbackPage as FeedbackPageC,
  FeedbackSource as FeedbackSourceC,
  FeedbackStatus as FeedbackStatusC,
  CustomerStatus as CustomerStatusC,
  LinkedFeedback as LinkedFeedbackC,
  Opportunity as OpportunityC,
  OpportunityDetail as OpportunityDetailC,
  OpportunityStatus as OpportunityStatusC,
  SimilarFeedback as SimilarFeedbackC,
  FeedbackSuggestions as FeedbackSuggestionsC,
  ThemesResult,
  InterviewSummary as InterviewSummaryC,
  Interview as InterviewC,
  Experiment as ExperimentC,
  ExperimentType as ExperimentTypeC,
  ExperimentStatus as ExperimentStatusC,
  ExperimentResult as ExperimentResultC,
} from '../../../shared/contracts.js';

export { CUSTOMER_STATUSES, FEEDBACK_SOURCES, FEEDBACK_STATUSES, OPPORTUNITY_STATUSES } from '../../../shared/contracts.js';
export type FeedbackSource = FeedbackSourceC;
export type FeedbackStatus = FeedbackStatusC;
export type CustomerStatus = CustomerStatusC;
export type OpportunityStatus = OpportunityStatusC;
export type Customer = CustomerC;
export type Contact = ContactC;
/** An inbox row. */
export type FeedbackItem = FeedbackListItem;
/** One feedback item with its components, evidence links and requesters. */
export type Feedback = FeedbackC;
export type FeedbackPage = z.infer<typeof FeedbackPageC>;
export type Opportunity = OpportunityC;
export type OpportunityDetail = OpportunityDetailC;
export type LinkedFeedback = z.infer<typeof LinkedFeedbackC>;
export type DiscoverySettings = DiscoverySettingsC;
export type ImportResult = Partial<FeedbackImportResult> & Partial<CustomerImportResult> & Pick<FeedbackImportResult, 'rejected'>;

export type SimilarItem = SimilarFeedbackC;
export type Suggestions = FeedbackSuggestionsC;
export type Theme = ThemesResult['themes'][number];
export type InterviewSummary = InterviewSummaryC;
export type Interview = InterviewC;
export type Experiment = ExperimentC;
export type ExperimentType = ExperimentTypeC;
export type ExperimentStatus = ExperimentStatusC;
export type ExperimentResult = ExperimentResultC;
export { EXPERIMENT_RESULTS, EXPERIMENT_STATUSES, EXPERIMENT_TYPES } from '../../../shared/contracts.js';

export interface ListOf<T> {
  items: T[];
  total: number;
}
