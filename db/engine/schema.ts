// The tables of the engine this process uses (DATABASE_URL at module load), typed as the
// PostgreSQL tables. The next step re-exports this as "@/db/schema" for the domain.
// Tests that run both engines in one process use tablesFor(kind) instead.
import { engineKindFromEnv } from "./config";
import { tablesFor } from "./tables";

const t = tablesFor(engineKindFromEnv());

export const {
  users,
  userSessions,
  emailTokens,
  accounts,
  sessions,
  verificationTokens,
  devices,
  services,
  shares,
  shareItems,
  shareEvents,
  emails,
  rateLimits,
  shareReminders,
  sharingPolicies,
  apiTokens,
  apiIdempotencyKeys,
  webhookEndpoints,
  webhookDeliveries,
  groups,
  groupMembers,
  groupShareLeaves,
} = t;
export type {
  ApiToken,
  Device,
  Email,
  EmailToken,
  Group,
  GroupMember,
  Service,
  Share,
  ShareEvent,
  ShareItem,
  SharingPolicyRow,
  User,
  UserSession,
  WebhookDelivery,
  WebhookEndpoint,
} from "../schema-pg";
