import { hashPassword } from 'better-auth/crypto';
import type { Db } from '../../db/client.js';
import type { UserActor } from '../../lib/actor.js';
import { newId } from '../../lib/ids.js';
import { ensureUsersByEmail, findUsersByEmails } from '../accounts/accounts.repository.js';
import { recordAudit } from '../audit/audit.service.js';
import { insertMember } from '../members/members.repository.js';
import { insertComponent, insertProduct, setComponentTeam } from '../products/products.repository.js';
import { insertWorkspace } from '../workspaces/workspaces.repository.js';
import { seedDemoDiscovery } from './demo-discovery.js';
import { seedDemoRoadmap } from './demo-roadmap.js';
import { seedDemoCoaching } from './demo-coaching.js';
import { seedDemoStrategy } from './demo-strategy.js';
import { seedDemoRepresent } from './demo-represent.js';
import { rescoreFeatures } from '../prioritization/prioritization.rescore.js';
import { DEMO_DOMAIN, DEMO_PASSWORD, DEMO_PEOPLE, DEMO_PRODUCT, generatedComponentName, generatedName } from './demo.data.js';

/** Accounts by email, created when missing (without a password when `passwordHash` is null). */
async function ensureUsers(db: Db, people: { name: string; email: string }[], passwordHash: string | null): Promise<Map<string, string>> {
  const existing = await findUsersByEmails(db, people.map((p) => p.email));
  const byEmail = new Map(existing.map((u) => [u.email, u.id]));
  const missing = people.filter((p) => !byEmail.has(p.email.toLowerCase()));
  const rows = missing.map((p) => ({ id: newId(), name: p.name, email: p.email.toLowerCase(), passwordHash }));
  // Another demo created at the same moment may insert the same accounts: theirs are kept.
  for (let i = 0; i < rows.length; i += 500) for (const [email, id] of await ensureUsersByEmail(db, rows.slice(i, i + 500))) byEmail.set(email, id);
  return byEmail;
}

/**
 * Creates the demo workspace: one product with five components, a lead, four PMs, stakeholders and
 * engineers, their discovery (customers, feedback, opportunities with evidence, interviews, experiments),
 * their roadmap (features with scores and requirements, dependencies, releases, capacities), strategy, OKRs and
 * coaching, and their requests with the decision log, status updates and reports. The caller is its admin.
 * Demo accounts sign in with DEMO_PASSWORD (README).
 */
export async function createDemoWorkspace({ db, actor, name }: { db: Db; actor: UserActor; name?: string }): Promise<{ workspaceId: string }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    const workspaceId = newId();
    const wsName = name ?? 'Atlas (demo)';
    await insertWorkspace(tx, { id: workspaceId, name: wsName, createdBy: actor.userId });
    await insertMember(tx, { id: newId(), workspaceId, userId: actor.userId, role: 'admin', title: '' });
    const people = DEMO_PEOPLE.map((p) => ({ ...p, email: `${p.key}@${DEMO_DOMAIN}` }));
    const users = await ensureUsers(tx, people, passwordHash);
    const memberIds = new Map<string, string>();
    for (const p of people) {
      const userId = users.get(p.email)!;
      if (userId === actor.userId) continue;
      const id = newId();
      await insertMember(tx, { id, workspaceId, userId, role: p.role, title: p.title });
      memberIds.set(p.key, id);
    }
    const productId = newId();
    await insertProduct(tx, { id: productId, workspaceId, name: DEMO_PRODUCT.name, description: DEMO_PRODUCT.description });
    const componentIds = new Map<string, string>();
    for (const c of DEMO_PRODUCT.components) {
      const componentId = newId();
      componentIds.set(c.name, componentId);
      await insertComponent(tx, { id: componentId, workspaceId, productId, name: c.name, description: c.description, ownerId: memberIds.get(c.owner) ?? null });
      await setComponentTeam(tx, workspaceId, componentId, c.team.map((k) => memberIds.get(k)).filter((x): x is string => Boolean(x)));
    }
    const discovery = await seedDemoDiscovery(tx, { workspaceId, memberIds, componentIds });
    const componentOwners = new Map(DEMO_PRODUCT.components.map((c) => [c.name, memberIds.get(c.owner) ?? '']));
    const roadmap = await seedDemoRoadmap(tx, { workspaceId, productId, memberIds, componentIds, componentOwners });
    await rescoreFeatures(tx, workspaceId);
    await seedDemoCoaching(tx, { workspaceId, memberIds });
    await seedDemoStrategy(tx, { workspaceId, productId, memberIds });
    const represent = await seedDemoRepresent(tx, { workspaceId, productId, memberIds, componentIds });
    await recordAudit(tx, actor, {
      workspaceId,
      action: 'workspace.demo',
      entityType: 'workspace',
      entityId: workspaceId,
      summary: `Created the demo workspace “${wsName}”: ${DEMO_PRODUCT.components.length} components, ${memberIds.size} people, ${discovery.customers} customers, ${discovery.feedback} feedback items, ${discovery.opportunities} opportunities, ${roadmap.features} features, ${roadmap.dependencies} dependencies, ${roadmap.releases} releases, ${represent.requests} requests, ${represent.updates} status updates and ${represent.reports} reports`,
    });
    return { workspaceId };
  });
}

/**
 * The benchmark's data generator: at factor 1, 3 products, 40 components and 60 PMs (plus a lead and
 * stakeholders), scaled linearly. Generated accounts have no password.
 */
export async function generateWorkspace({ db, actor, factor, name }: { db: Db; actor: UserActor; factor: number; name?: string }) {
  const products = Math.max(1, Math.round(3 * factor));
  const componentsCount = Math.max(1, Math.round(40 * factor));
  const pms = Math.max(1, Math.round(60 * factor));
  const stakeholders = Math.max(1, Math.round(10 * factor));
  return db.transaction(async (tx) => {
    const workspaceId = newId();
    await insertWorkspace(tx, { id: workspaceId, name: name ?? `Generated ×${factor}`, createdBy: actor.userId });
    await insertMember(tx, { id: newId(), workspaceId, userId: actor.userId, role: 'admin', title: 'Product Lead' });
    const tag = workspaceId.slice(0, 8);
    const people = [
      ...Array.from({ length: pms }, (_, i) => ({ name: generatedName(i), email: `pm${i}.${tag}@gen.sextant.test`, role: 'pm', title: 'Product Manager' })),
      ...Array.from({ length: stakeholders }, (_, i) => ({ name: generatedName(pms + i), email: `sh${i}.${tag}@gen.sextant.test`, role: 'contributor', title: 'Stakeholder' })),
    ];
    const users = await ensureUsers(tx, people, null);
    const pmMembers: string[] = [];
    for (const p of people) {
      const id = newId();
      await insertMember(tx, { id, workspaceId, userId: users.get(p.email)!, role: p.role, title: p.title });
      if (p.role === 'pm') pmMembers.push(id);
    }
    const productIds: string[] = [];
    for (let i = 0; i < products; i++) {
      const id = newId();
      productIds.push(id);
      await insertProduct(tx, { id, workspaceId, name: `Product ${i + 1}`, description: 'Generated for the benchmark' });
    }
    const componentIds: string[] = [];
    const productOfComponent = new Map<string, string>();
    const ownerOfComponent = new Map<string, string>();
    for (let i = 0; i < componentsCount; i++) {
      const id = newId();
      componentIds.push(id);
      productOfComponent.set(id, productIds[i % products]!);
      ownerOfComponent.set(id, pmMembers[i % pmMembers.length]!);
      await insertComponent(tx, { id, workspaceId, productId: productIds[i % products]!, name: generatedComponentName(i), description: '', ownerId: pmMembers[i % pmMembers.length]! });
      await setComponentTeam(tx, workspaceId, id, [pmMembers[(i + 1) % pmMembers.length]!]);
    }
    await recordAudit(tx, actor, { workspaceId, action: 'workspace.generate', entityType: 'workspace', entityId: workspaceId, summary: `Generated a workspace at factor ${factor}` });
    return { workspaceId, products, components: componentsCount, pms, memberIds: pmMembers, componentIds, productIds, productOfComponent, ownerOfComponent };
  });
}
