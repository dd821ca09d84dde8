// Tables of the access schema: staff, roles, sessions, step-ups, API keys and login attempts.
import { sql } from 'drizzle-orm';
import { boolean, check, index, pgSchema, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '@shop/kit/columns';

export const access = pgSchema('access');

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });
const createdAt = () => at('created_at').notNull().defaultNow();

/** People who operate the shop. */
export const staff = access.table(
  'staff',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Stored lower-cased (the check below), so sign-in and uniqueness ignore case.
    email: text('email').notNull().unique(),
    displayName: text('display_name').notNull(),
    // BCP 47 tag for the console's language, e.g. 'th' or 'zh-TW'.
    locale: text('locale').notNull().default('en'),
    // Disabled rather than deleted: the audit log keeps naming the person.
    disabled: boolean('disabled').notNull().default(false),
    // Argon2id PHC string. Null only for rows written before passwords existed: they cannot sign in.
    passwordHash: text('password_hash'),
    lastLoginAt: at('last_login_at'),
    ...timestamps,
  },
  (t) => [
    check('staff_email_lower', sql`${t.email} = lower(${t.email})`),
    index('staff_created_idx').on(t.createdAt, t.id),
  ],
);

/** A named set of scopes. Built-in rows come from a migration; custom rows from roleCreate. */
export const role = access.table('role', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  title: text('title').notNull(),
  builtIn: boolean('built_in').notNull().default(false),
  // A custom role's scopes. A built-in role's scopes are read from schema/scopes.ts instead, so a
  // scope added to the catalog reaches owner and admin without a data migration; its column stays empty.
  scopes: text('scopes').array().notNull().default(sql`'{}'::text[]`),
  ...timestamps,
});

export const staffRole = access.table(
  'staff_role',
  {
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    roleId: uuid('role_id')
      .notNull()
      .references(() => role.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.staffId, t.roleId] }), index('staff_role_role_idx').on(t.roleId)],
);

/**
 * A console sign-in. The token is 32 random bytes: its sha256 is enough to look it
 * up without storing it (a slow hash guards low-entropy passwords, not random tokens).
 */
export const session = access.table(
  'session',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: at('expires_at').notNull(),
    revokedAt: at('revoked_at'),
    createdAt: createdAt(),
    // Touched at most once a minute by authenticate, to show recent activity without a write per request.
    lastSeenAt: at('last_seen_at').notNull().defaultNow(),
  },
  (t) => [index('session_staff_idx').on(t.staffId)],
);

/** A password re-confirmation, valid only together with the session it was made in. */
export const stepUp = access.table(
  'step_up',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => session.id),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: at('expires_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('step_up_session_idx').on(t.sessionId)],
);

/** A partner's credential. Only the secret's sha256 is kept; the secret is shown once. */
export const apiKey = access.table(
  'api_key',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    // The secret's first characters, to tell keys apart in a list without revealing them.
    prefix: text('prefix').notNull(),
    secretHash: text('secret_hash').notNull().unique(),
    scopes: text('scopes').array().notNull(),
    expiresAt: at('expires_at'),
    // Touched at most once a minute by authenticate.
    lastUsedAt: at('last_used_at'),
    revokedAt: at('revoked_at'),
    // Null for keys written by the demo seed, which no staff member created.
    createdBy: uuid('created_by').references(() => staff.id),
    ...timestamps,
  },
  (t) => [index('api_key_created_idx').on(t.createdAt, t.id)],
);

/**
 * Every password check (sign-in and step-up), for the throttle windows. The
 * email is lower-cased and need not belong to an account.
 */
export const loginAttempt = access.table(
  'login_attempt',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    // Null when the gateway could not tell (then only the per-account window applies).
    clientAddress: text('client_address'),
    succeeded: boolean('succeeded').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('login_attempt_email_idx').on(t.email, t.createdAt),
    index('login_attempt_address_idx').on(t.clientAddress, t.createdAt),
  ],
);

export type StaffRow = typeof staff.$inferSelect;
export type RoleRow = typeof role.$inferSelect;
export type ApiKeyRow = typeof apiKey.$inferSelect;
