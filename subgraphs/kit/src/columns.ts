import { timestamp } from 'drizzle-orm/pg-core';

/**
 * created_at / updated_at for every table. Millisecond precision: keyset
 * cursors carry a JS Date, which would lose the microseconds of now().
 */
export const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull().defaultNow(),
};
