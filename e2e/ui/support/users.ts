// Users with chosen roles, made straight in the database (the way an admin's grant ends up), for the
// browser tests of what each role is offered. The test runner points DATABASE_URL at its database.
import pg from "pg";
import { hashPassword } from "@/lib/access/secret-hash";
import type { TRole } from "@/lib/access/permissions";
import { uniqueName } from "./console";

export type TTestUser = { id: number; username: string; password: string };

const PASSWORD = "role-ui-test-password-123";
let pool: pg.Pool | null = null;

export async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  pool ??= new pg.Pool({ connectionString: required("DATABASE_URL"), max: 2 });
  return (await pool.query<T>(text, values)).rows;
}

export async function createUser(prefix: string, roles: { bizId: number; role: TRole }[]): Promise<TTestUser> {
  const username = uniqueName(prefix);
  const [user] = await sql<{ id: number }>(`INSERT INTO "user" (username, password_hash) VALUES ($1, $2) RETURNING id`, [username, await hashPassword(PASSWORD)]);
  for (const grant of roles) {
    await sql(`INSERT INTO user_role (user_id, bk_biz_id, role, granted_by) VALUES ($1, $2, $3, 'ui-test')`, [user.id, grant.bizId, grant.role]);
  }
  return { id: user.id, username, password: PASSWORD };
}

/** A business with nothing in it, for isolation tests. */
export async function createBusiness(prefix: string): Promise<{ id: number; name: string }> {
  const name = uniqueName(prefix);
  const [row] = await sql<{ bk_biz_id: number }>(`INSERT INTO business (bk_biz_name, bk_supplier_account) VALUES ($1, '0') RETURNING bk_biz_id`, [name]);
  return { id: row.bk_biz_id, name };
}

/** Removes the users (their roles and sessions go with them) and empty businesses; closes the pool. */
export async function removeTestData(userIds: number[], bizIds: number[]) {
  if (userIds.length) await sql(`DELETE FROM "user" WHERE id = ANY($1::int[])`, [userIds]);
  if (bizIds.length) await sql(`DELETE FROM business WHERE bk_biz_id = ANY($1::int[])`, [bizIds]);
  await pool?.end();
  pool = null;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the browser tests through \`npm test\``);
  return value;
}
