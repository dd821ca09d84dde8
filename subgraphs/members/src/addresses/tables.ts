// The address book: a member's saved addresses, one of them the default.
import { sql } from 'drizzle-orm';
import { boolean, char, index, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '@shop/kit/columns';
import { member, members } from '../tables.js';

export const customerAddress = members.table(
  'customer_address',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    memberId: uuid('member_id').notNull().references(() => member.id),
    name: text('name').notNull(),
    phone: text('phone'),
    line1: text('line1').notNull(),
    line2: text('line2'),
    city: text('city').notNull(),
    region: text('region'),
    postalCode: text('postal_code'),
    // ISO 3166-1 alpha-2.
    country: char('country', { length: 2 }).notNull(),
    isDefault: boolean('is_default').notNull().default(false),
    ...timestamps,
  },
  (t) => [
    index('customer_address_member_idx').on(t.memberId, t.createdAt, t.id),
    // At most one default per member, whatever the concurrency.
    uniqueIndex('customer_address_default_idx').on(t.memberId).where(sql`${t.isDefault}`),
  ],
);

export type CustomerAddressRow = typeof customerAddress.$inferSelect;
