import { defineConfig } from "drizzle-kit";

// `pnpm exec drizzle-kit generate --config drizzle.pg.config.ts` writes a migration for the PostgreSQL tree.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/schema/pg/index.ts",
  out: "./drizzle/pg",
});
