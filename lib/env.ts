// Environment, validated once at start-up with a message that names the bad variable.
import { z } from "zod";

const ZName = z.string().regex(/^[A-Za-z0-9_.@-]{1,64}$/, "letters, digits and _.@- only, at most 64 characters");

const ZPostgresUrl = z
  .string()
  .refine((value) => /^postgres(ql)?:\/\/.+/.test(value), "must be a postgresql:// connection URL");

export const ZStartEnv = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: ZPostgresUrl.optional(),
  PROCDECK_ADMIN_USER: ZName.default("admin"),
  PROCDECK_ADMIN_PASSWORD: z.string().min(8, "at least 8 characters").max(200).optional(),
  PROCDECK_API_APP_CODE: ZName.default("procdeck"),
  PROCDECK_API_APP_SECRET: z.string().min(16, "at least 16 characters").max(200).optional(),
  /** where the embedded PostgreSQL keeps its files when DATABASE_URL is unset */
  PROCDECK_DATA_DIR: z.string().min(1).default(".data"),
  PROCDECK_DEMO: z.enum(["0", "1"], { message: "must be 0 or 1" }).default("1"),
});
export type TStartEnv = z.infer<typeof ZStartEnv>;

export class EnvError extends Error {}

export function readStartEnv(source: NodeJS.ProcessEnv = process.env): TStartEnv {
  const emptyAsUnset = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const parsed = ZStartEnv.safeParse(emptyAsUnset);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new EnvError(`Invalid environment:\n${lines.join("\n")}`);
}

export function readDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  const parsed = ZPostgresUrl.safeParse(url);
  if (!parsed.success) throw new EnvError("DATABASE_URL is not set to a postgresql:// URL");
  return parsed.data;
}
