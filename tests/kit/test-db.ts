import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import postgres from 'postgres';
import { connect, type Database } from '@shop/kit';
import { withDatabase } from '@shop/kit/embedded-postgres';

export interface TestDatabase extends Database {
  url: string;
}

/** A fresh database with every domain migrated, cloned from the run's template. */
export async function createTestDatabase(options: { max?: number } = {}): Promise<TestDatabase> {
  const serverUrl = inject('pgServerUrl');
  const prefix = inject('testDbPrefix');
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}" template "${prefix}_template"`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(serverUrl, name);
  const database = connect(url, options);
  return {
    ...database,
    url,
    close: async () => {
      await database.close();
      const dropper = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`drop database if exists "${name}" with (force)`);
      await dropper.end();
    },
  };
}
