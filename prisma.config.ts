// Prisma CLI configuration. Migrations run through the wasm schema engine over adapter-pg, so no
// engine binary is ever downloaded (the machines this ships to may have no route to Prisma's CDN).
// The two patches below work around upstream gaps of Prisma 6.19 + adapter-pg; delete each one
// when its upstream issue is fixed. They only affect the Prisma CLI process, never the app.
import path from "node:path";
import { createRequire } from "node:module";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

const require = createRequire(import.meta.url);

// 1. The schema engine reads catalog columns of Postgres' internal types "char" (OID 18) and name
//    (OID 19), which adapter-pg cannot map ("Column type 'name' could not be deserialized").
//    Their values are plain text, so report them as text (OID 25). https://github.com/prisma/prisma/issues/27403
const PG_TEXT_OIDS = new Set([18, 19]);
const PgResult = require("pg/lib/result.js");
const addFields = PgResult.prototype.addFields;
PgResult.prototype.addFields = function (fields: { dataTypeID: number }[]) {
  for (const field of fields) if (PG_TEXT_OIDS.has(field.dataTypeID)) field.dataTypeID = 25;
  return addFields.call(this, fields);
};

// 2. Discrete connection fields instead of a connectionString: adapter-pg builds a shadow database
//    config as {...config, database}, which a connectionString would silently override.
function toDiscretePgConfig(url: string) {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 5432),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.slice(1)),
    // idle pooled connections would otherwise hold the CLI open for the 10 s idle timeout
    allowExitOnIdle: true,
  };
}

// `prisma generate` (run by our postinstall) needs the schema's env("DATABASE_URL") to resolve, or it
// falls back to downloading a query engine; it never connects, so a placeholder will do.
process.env.DATABASE_URL ??= "postgresql://unused@127.0.0.1:1/unused";
const databaseUrl = process.env.DATABASE_URL;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: async () => new PrismaPg(toDiscretePgConfig(databaseUrl)),
});
