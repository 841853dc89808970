import { defineConfig } from "drizzle-kit";

// `pnpm exec drizzle-kit generate --config drizzle.sqlite.config.ts` writes a migration for the SQLite tree.
export default defineConfig({
  dialect: "sqlite",
  schema: "./src/schema/sqlite/index.ts",
  out: "./drizzle/sqlite",
});
