import { checkPassword } from '../../../shared/limits.js';
import type { Db } from '../../db/client.js';
import type { UserActor } from '../../lib/actor.js';
import { AppError } from '../../lib/app-error.js';
import { claimFirstRun, markInstanceAdmin, needsSetup, releaseFirstRun } from '../accounts/accounts.service.js';
import { createDemoWorkspace } from '../demo/demo.service.js';
import { createWorkspace } from '../workspaces/workspaces.service.js';

export interface SetupInput {
  name: string;
  email: string;
  password: string;
  workspaceName: string;
  loadDemo: boolean;
}

/** Creates the account through the auth library and returns it; the caller forwards the session cookie. */
export type SignUp = (input: { name: string; email: string; password: string }) => Promise<{ userId: string }>;

export async function getSetupStatus({ db }: { db: Db }) {
  return { needsSetup: await needsSetup(db) };
}

/**
 * First run: the first account becomes the instance admin and gets the first workspace (and the demo
 * one on request). Works once; afterwards it answers 409.
 */
export async function runSetup({ db, input, signUp }: { db: Db; input: SetupInput; signUp: SignUp }) {
  const problem = checkPassword(input.password);
  if (problem) throw new AppError('validation_failed', `password: ${problem}`, 'password');
  await claimFirstRun(db);
  let userId: string;
  try {
    ({ userId } = await signUp({ name: input.name, email: input.email, password: input.password }));
  } catch (error) {
    await releaseFirstRun(db); // the account was not made: let setup be tried again
    throw error;
  }
  await markInstanceAdmin(db, userId);
  const actor: UserActor = { userId, name: input.name, email: input.email, instanceAdmin: true, via: 'session' };
  const workspace = await createWorkspace({ db, actor, input: { name: input.workspaceName } });
  const demo = input.loadDemo ? await createDemoWorkspace({ db, actor }) : null;
  return { workspaceId: workspace.id, demoWorkspaceId: demo?.workspaceId ?? null };
}

/** Loads another demo workspace for the caller, who becomes its admin. */
export async function loadDemo({ db, actor, name }: { db: Db; actor: UserActor; name?: string }) {
  return createDemoWorkspace({ db, actor, name });
}
