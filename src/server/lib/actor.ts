import type { Role } from '../../shared/roles.js';

/** A signed-in account, through a session cookie or an API token. */
export interface UserActor {
  userId: string;
  name: string;
  email: string;
  instanceAdmin: boolean;
  via: 'session' | 'token';
}

/** A signed-in account acting inside one workspace, with its membership. */
export interface WorkspaceActor extends UserActor {
  workspaceId: string;
  memberId: string;
  role: Role;
}
