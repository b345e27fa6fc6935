import type { CustomerStatus, OpportunityStatus, ExperimentResult, ExperimentStatus, ExperimentType, FeedbackSource, FeedbackStatus } from './types';

/** Human labels for the discovery enums, shared by filters, badges and forms. */
export const SOURCE_LABELS: Record<FeedbackSource, string> = {
  customer_success: 'Customer success',
  sales: 'Sales',
  product_marketing: 'Product marketing',
  support: 'Support',
  interview: 'Interview',
  survey: 'Survey',
  other: 'Other',
};

export const FEEDBACK_STATUS_LABELS: Record<FeedbackStatus, string> = { new: 'New', triaged: 'Triaged', linked: 'Linked', archived: 'Archived' };
export const FEEDBACK_STATUS_COLORS: Record<FeedbackStatus, string> = { new: 'blue', triaged: 'grape', linked: 'teal', archived: 'gray' };

export const CUSTOMER_STATUS_LABELS: Record<CustomerStatus, string> = { active: 'Active', trial: 'Trial', churned: 'Churned', prospect: 'Prospect' };
export const CUSTOMER_STATUS_COLORS: Record<CustomerStatus, string> = { active: 'teal', trial: 'blue', churned: 'red', prospect: 'gray' };

export const IMPORTANCE_LABELS: Record<number, string> = { 1: 'Nice to have', 2: 'Normal', 3: 'Important', 4: 'Critical' };

export const EXPERIMENT_TYPE_LABELS: Record<ExperimentType, string> = {
  interview: 'Interview',
  survey: 'Survey',
  prototype_test: 'Prototype test',
  ab_test: 'A/B test',
  fake_door: 'Fake door',
  pricing_test: 'Pricing test',
  concierge: 'Concierge',
};
export const EXPERIMENT_STATUS_LABELS: Record<ExperimentStatus, string> = { planned: 'Planned', running: 'Running', completed: 'Completed', cancelled: 'Cancelled' };
export const EXPERIMENT_RESULT_LABELS: Record<ExperimentResult, string> = { validated: 'Validated', invalidated: 'Invalidated', inconclusive: 'Inconclusive' };
export const EXPERIMENT_RESULT_COLORS: Record<ExperimentResult, string> = { validated: 'teal', invalidated: 'red', inconclusive: 'yellow' };

/** A label for any enum value, falling back to the value with spaces. */
export function humanize(value: string | null | undefined): string {
  if (!value) return '—';
  return value.charAt(0).toUpperCase() + value.slice(1).replace(/_/g, ' ');
}

/** Select options from a label map. */
export function optionsOf<K extends string>(labels: Record<K, string>): { value: K; label: string }[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** An ARR (whole currency units as a digit string) in its currency, e.g. "€120,000". */
export function formatMoney(amount: string | number | null | undefined, currency: string | null | undefined = 'USD'): string {
  if (amount === null || amount === undefined || amount === '') return '—';
  const code = (currency || 'USD').toUpperCase();
  let fmt = moneyFormats.get(code);
  if (!fmt) {
    try {
      fmt = new Intl.NumberFormat('en', { style: 'currency', currency: code, maximumFractionDigits: 0 });
    } catch {
      fmt = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
    }
    moneyFormats.set(code, fmt);
  }
  // Digit strings go through BigInt so amounts past 2^53 stay exact.
  if (typeof amount === 'string' && /^\d+$/.test(amount)) return fmt.format(BigInt(amount));
  const n = Number(amount);
  return Number.isFinite(n) ? fmt.format(n) : String(amount);
}

/** A short compact amount for chart axes ("$1.2M"). */
export function formatMoneyCompact(amount: number, currency = 'USD'): string {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }).format(amount);
  } catch {
    return String(amount);
  }
}

export const OPPORTUNITY_STATUS_LABELS: Record<OpportunityStatus, string> = { open: 'Open', exploring: 'Exploring', validated: 'Validated', parked: 'Parked', solved: 'Solved' };
export const OPPORTUNITY_STATUS_COLORS: Record<OpportunityStatus, string> = { open: 'blue', exploring: 'grape', validated: 'teal', parked: 'gray', solved: 'green' };
