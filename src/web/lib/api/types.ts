import type { z } from 'zod';
import type {
  AcceptedInvitation,
  ApiToken,
  AuditEntry,
  Component,
  CreatedApiToken,
  CreatedInvitation,
  Health,
  Invitation,
  InvitationPreview,
  Me,
  Member,
  Notification,
  Product,
  SetupResult,
  Workspace,
} from '../../../shared/contracts.js';

/** The API's response types, inferred from the shared zod contracts. */
export type MeT = z.infer<typeof Me>;
export type HealthT = z.infer<typeof Health>;
export type SetupResultT = z.infer<typeof SetupResult>;
export type WorkspaceT = Workspace;
export type MemberT = Member;
export type InvitationT = Invitation;
export type CreatedInvitationT = z.infer<typeof CreatedInvitation>;
export type InvitationPreviewT = z.infer<typeof InvitationPreview>;
export type AcceptedInvitationT = z.infer<typeof AcceptedInvitation>;
export type ProductT = Product;
export type ComponentT = Component;
export type AuditEntryT = AuditEntry;
export type NotificationT = Notification;
export type ApiTokenT = z.infer<typeof ApiToken>;
export type CreatedApiTokenT = z.infer<typeof CreatedApiToken>;

export interface ListOf<T> {
  items: T[];
  total: number;
}
