import type { Db } from '../server/db/client.js';
import type { UserActor } from '../server/lib/actor.js';
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
