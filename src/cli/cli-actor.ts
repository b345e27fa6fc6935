import type { Db } from '../server/db/client.js';
import type { UserActor, WorkspaceActor } from '../server/lib/actor.js';
import { isUuid } from '../server/lib/ids.js';
import { resolveWorkspaceActor } from '../server/modules/members/members.service.js';
import { findUserByEmail, firstInstanceAdmin } from '../server/modules/accounts/accounts.repository.js';
import { createUserAccount } from '../server/modules/accounts/accounts.service.js';
import { DEMO_DOMAIN, DEMO_PASSWORD } from '../server/modules/demo/demo.data.js';

/** Who the demo belongs to: --admin, else the instance admin, else a new demo admin account. */
export async function demoActor(db: Db, email?: string): Promise<{ actor: UserActor; created: boolean }> {
  const asActor = (u: { id: string; name: string; email: string; instanceAdmin: boolean }): UserActor => ({
    userId: u.id,
    name: u.name,
    email: u.email,
    instanceAdmin: u.instanceAdmin,
    via: 'session',
  });
  if (email) {
    const found = await findUserByEmail(db, email);
    if (!found) throw new Error(`No account ${email}; create it with \`sextant user create\``);
    return { actor: asActor(found), created: false };
  }
  const admin = await firstInstanceAdmin(db);
  if (admin) return { actor: asActor(admin), created: false };
  const adminEmail = `admin@${DEMO_DOMAIN}`;
  const existing = await findUserByEmail(db, adminEmail);
  if (existing) return { actor: asActor(existing), created: false };
  await createUserAccount({ db, input: { name: 'Demo Admin', email: adminEmail, password: DEMO_PASSWORD, instanceAdmin: true } });
  return { actor: asActor((await findUserByEmail(db, adminEmail))!), created: true };
}

/** The member a CLI command acts as in a workspace, by account email. */
export async function memberActor(db: Db, workspaceId: string, email: string): Promise<WorkspaceActor> {
  if (!isUuid(workspaceId)) throw new Error(`${workspaceId} is not a workspace id`);
  const found = await findUserByEmail(db, email);
  if (!found) throw new Error(`No account ${email}`);
  const actor = await resolveWorkspaceActor({
    db,
    user: { userId: found.id, name: found.name, email: found.email, instanceAdmin: found.instanceAdmin, via: 'session' },
    workspaceId,
  });
  if (!actor) throw new Error(`${email} is not a member of workspace ${workspaceId}`);
  return actor;
}
