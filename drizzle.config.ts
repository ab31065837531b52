import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  // Each capability owns its tables in its own schema.ts; the platform's are in src/db/schema/.
  schema: ['./src/*/schema.ts', './src/db/schema/platform.ts'],
  out: './src/db/migrations',
});
