import { defineConfig } from 'drizzle-kit';

/** drizzle-kit reads this to generate SQL migrations from `src/db/schema.ts` (`npm run db:generate`). */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './src/db/migrations',
});
