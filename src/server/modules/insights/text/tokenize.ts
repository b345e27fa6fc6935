import { porterStem } from './stem.js';

/** English stop words plus the filler of product feedback ("please", "customer", "thanks"). */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all almost also am an and any are aren't as at be because been before being below between both but by
  can can't cannot could couldn't did didn't do does doesn't doing don't down during each either else even ever every few for from further get gets
  getting got had hadn't has hasn't have haven't having he her here hers herself him himself his how i i'd i'll i'm i've if in into is isn't it it's
  its itself just let's like me more most much must mustn't my myself no nor not now of off on once only or other ought our ours ourselves out over own
  per please really same shall she should shouldn't so some still such than that that's the their theirs them themselves then there there's these they
  they'd they'll they're they've this those through to too under until up upon us very was wasn't we we'd we'll we're we've were weren't what what's
  when where which while who whom why will with won't would wouldn't yet you you'd you'll you're you've your yours yourself yourselves
  hi hello hey thanks thank thx pls plz ok okay lot lots bit one two thing things something anything way ways day days time times week weeks
  want wants wanted need needs needed able use using used make makes made go going see seems seem seemed know think feel
  customer customers client clients user users team teams someone people guy guys account our we'd us also already again still yes`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Product-feedback synonyms folded onto one word before stemming, so "sluggish" meets "slow".
 * Kept small and generic (no dataset-specific words); it is what a word database would give for this domain.
 */
export const SYNONYMS: Readonly<Record<string, string>> = {
  sluggish: 'slow', laggy: 'slow', lag: 'slow', lags: 'slow', lagging: 'slow', slower: 'slow', slowly: 'slow', slowness: 'slow', crawl: 'slow', crawling: 'slow',
  crashes: 'crash', crashed: 'crash', crashing: 'crash', freeze: 'crash', freezes: 'crash', freezing: 'crash', froze: 'crash', frozen: 'crash',
  pricing: 'price', prices: 'price', priced: 'price', cost: 'price', costs: 'price', costly: 'price', expensive: 'price', pricey: 'price', overpriced: 'price',
  signin: 'login', 'sign-in': 'login', logon: 'login', 'log-in': 'login',
  'e-mail': 'email', emails: 'email', mail: 'email',
  broken: 'broke', breaks: 'broke', break: 'broke', breaking: 'broke',
  invoicing: 'invoice', invoices: 'invoice', bills: 'invoice', billing: 'invoice',
  notifs: 'notification', alerts: 'notification', alert: 'notification', pings: 'notification',
  dashboards: 'dashboard', reports: 'report', reporting: 'report', analytics: 'report',
  perms: 'permission', rbac: 'role', roles: 'role',
  apps: 'app', ios: 'mobile', android: 'mobile', iphone: 'mobile', phone: 'mobile',
  xlsx: 'csv', excel: 'csv', spreadsheet: 'csv',
  stock: 'inventory', 'stock-levels': 'inventory',
  night: 'dark',
  okta: 'sso', saml: 'sso', 'azure-ad': 'sso', 'single-sign-on': 'sso',
  throttled: 'throttle', throttling: 'throttle', '429': 'throttle', '429s': 'throttle',
};

/** One analysed token: the stem that is compared and the word it came from (for readable labels). */
export interface Token {
  stem: string;
  surface: string;
}

const WORD = /[a-z0-9]+(?:['-][a-z0-9]+)*/g;

/** Lower-cases, splits into words, drops stop words and numbers, folds synonyms and stems. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const words = text.toLowerCase().replace(/[’‘]/g, "'").match(WORD) ?? [];
  for (const raw of words) {
    if (STOP_WORDS.has(raw)) continue;
    const word = SYNONYMS[raw] ?? raw.replace(/'s$/, '');
    if (STOP_WORDS.has(word) || word.length < 2 || /^\d+$/.test(word)) continue;
    // Hyphenated words are compared by their parts ("log-in" was folded above; "auto-renew" is two words).
    for (const part of word.split(/[-']/)) {
      if (part.length < 2 || STOP_WORDS.has(part)) continue;
      const stem = porterStem(SYNONYMS[part] ?? part);
      if (stem.length >= 2) out.push({ stem, surface: part });
    }
  }
  return out;
}

/** Just the stems of a text. */
export function stems(text: string): string[] {
  return tokenize(text).map((t) => t.stem);
}
