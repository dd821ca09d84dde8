import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/tables.ts', './src/*/tables.ts'],
  out: './migrations',
  schemaFilter: ['reports'],
  migrations: { schema: 'reports', table: '__drizzle_migrations' },
  strict: true,
});
