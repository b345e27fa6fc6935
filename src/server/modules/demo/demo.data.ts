/** The people and product of the demo workspace: a commerce platform with five components. */
export const DEMO_PASSWORD = 'sextant-demo-2026';
export const DEMO_DOMAIN = 'demo.sextant.test';

export interface DemoPerson {
  key: string;
  name: string;
  title: string;
  role: 'lead' | 'pm' | 'contributor' | 'viewer';
}

export const DEMO_PEOPLE: DemoPerson[] = [
  { key: 'maya', name: 'Maya Chen', title: 'Group Product Manager, Commerce', role: 'lead' },
  { key: 'diego', name: 'Diego Alvarez', title: 'Senior Product Manager, Checkout', role: 'pm' },
  { key: 'priya', name: 'Priya Raman', title: 'Product Manager, Catalog & Search', role: 'pm' },
  { key: 'tom', name: 'Tom Becker', title: 'Product Manager, Merchant Dashboard', role: 'pm' },
  { key: 'aiko', name: 'Aiko Tanaka', title: 'Associate Product Manager, Mobile', role: 'pm' },
  { key: 'sarah', name: 'Sarah Okafor', title: 'VP Sales', role: 'contributor' },
  { key: 'liam', name: 'Liam Murphy', title: 'Head of Customer Success', role: 'contributor' },
  { key: 'noah', name: 'Noah Kim', title: 'Product Marketing Manager', role: 'contributor' },
  { key: 'elena', name: 'Elena Rossi', title: 'Chief Executive Officer', role: 'viewer' },
  { key: 'ben', name: 'Ben Schulz', title: 'Engineering Manager, Checkout', role: 'contributor' },
  { key: 'fatima', name: 'Fatima Zahra', title: 'Product Designer', role: 'contributor' },
  { key: 'oscar', name: 'Oscar Lindqvist', title: 'Staff Engineer, Platform', role: 'contributor' },
  { key: 'grace', name: 'Grace Park', title: 'Engineering Manager, Mobile', role: 'contributor' },
];

export const DEMO_PRODUCT = {
  name: 'Atlas Commerce Cloud',
  description:
    'The commerce platform mid-market merchants run their online stores on: storefront checkout, catalog and search, the merchant back office, a shopper mobile app and public APIs.',
  components: [
    { name: 'Checkout & Payments', owner: 'diego', team: ['ben', 'fatima'], description: 'Cart, checkout flow, payment methods, fraud screening and tax.' },
    { name: 'Catalog & Search', owner: 'priya', team: ['oscar'], description: 'Product catalog, variants, inventory sync and storefront search.' },
    { name: 'Merchant Dashboard', owner: 'tom', team: ['fatima'], description: 'The back office: orders, analytics, settings and staff accounts.' },
    { name: 'Shopper Mobile App', owner: 'aiko', team: ['grace'], description: 'iOS and Android apps for shoppers, with wish lists and push offers.' },
    { name: 'Platform APIs', owner: 'maya', team: ['oscar'], description: 'Public REST and webhook APIs that partners and agencies build on.' },
  ],
};

const FIRST = ['Ana', 'Ben', 'Chloe', 'Dev', 'Eva', 'Farid', 'Gita', 'Hugo', 'Ines', 'Jon', 'Kira', 'Leo', 'Mia', 'Nils', 'Olu', 'Pia', 'Quinn', 'Rosa', 'Sam', 'Tara'];
const LAST = ['Abe', 'Brandt', 'Costa', 'Dube', 'Eriksen', 'Fischer', 'Garcia', 'Haddad', 'Ito', 'Jansen', 'Kowalski', 'Lopez', 'Moreau', 'Nakamura', 'Okoye', 'Patel'];
const AREAS = ['Billing', 'Identity', 'Search', 'Onboarding', 'Analytics', 'Messaging', 'Payments', 'Reporting', 'Integrations', 'Mobile', 'Admin', 'Growth', 'Pricing', 'Catalog'];

/** A plausible person name for generated data, stable for an index. */
export function generatedName(i: number): string {
  return `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}${i >= FIRST.length * LAST.length ? ` ${i}` : ''}`;
}

/** A plausible component name for generated data. */
export function generatedComponentName(i: number): string {
  return `${AREAS[i % AREAS.length]} ${Math.floor(i / AREAS.length) + 1}`;
}
