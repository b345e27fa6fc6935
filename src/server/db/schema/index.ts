/** The one Drizzle schema: every table of Sextant. */
export * from './auth.js';
export * from './workspace.js';
export * from './product.js';
export * from './platform.js';
export * from './discovery.js';
export * from './pillars.js';
export * from './roadmap.js';
export * from './strategy.js';
export * from './requests.js';
export * from './coaching.js';
