import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/tables.ts'],
  out: './migrations',
  schemaFilter: ['kit'],
  migrations: { schema: 'kit', table: '__drizzle_migrations' },
  strict: true,
});
