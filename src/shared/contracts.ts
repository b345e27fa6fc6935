/** The API's request and response shapes, shared by the server's routes and the web's client. */
export * from './contracts/common.js';
export * from './contracts/workspace.js';
export * from './contracts/member.js';
export * from './contracts/invitation.js';
export * from './contracts/product.js';
export * from './contracts/misc.js';
export * from './contracts/transfer.js';
export * from './contracts/discovery-customers.js';
export * from './contracts/discovery-feedback.js';
export * from './contracts/discovery-opportunities.js';
export * from './contracts/discovery-research.js';
export * from './contracts/discovery-insights.js';
export * from './contracts/roadmap-features.js';
export * from './contracts/roadmap-prioritization.js';
export * from './contracts/roadmap-dependencies.js';
export * from './contracts/roadmap-roadmap.js';
export * from './contracts/roadmap-releases.js';
