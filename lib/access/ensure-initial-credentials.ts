// First console admin and first API app. Values from the environment win (and are re-applied when
// they change); unset secrets are generated on first start and returned so start-up can print them once.
// A secret that came from the environment is never returned: its owner knows it, and a log must not.
import "server-only";
import { generateSecret, hashPassword, hashToken, verifyPassword, verifyToken } from "@/lib/access/secret-hash";
import { ALL_BUSINESSES } from "@/lib/access/permissions";
import { getDb } from "@/lib/core/db";

type TInitialCredentialsInput = { adminUser: string; adminPassword?: string; appCode: string; appSecret?: string };
export type TInitialCredentials = {
  adminUser: string;
  /** set only when it was generated now: the one moment it can be shown */
  adminPassword?: string;
  appCode: string;
  appSecret?: string;
  /** the environment's password / secret was applied now (created or changed); not shown */
  hasAppliedEnvPassword: boolean;
  hasAppliedEnvSecret: boolean;
};

export async function ensureInitialCredentials(input: TInitialCredentialsInput): Promise<TInitialCredentials> {
  const db = getDb();
  const result: TInitialCredentials = { adminUser: input.adminUser, appCode: input.appCode, hasAppliedEnvPassword: false, hasAppliedEnvSecret: false };

  const admin = await db.user.findUnique({ where: { username: input.adminUser } });
  if (!admin) {
    const password = input.adminPassword ?? generateSecret(12);
    await db.user.create({ data: { username: input.adminUser, displayName: "Administrator", isGlobalAdmin: true, passwordHash: await hashPassword(password) } });
    if (input.adminPassword) result.hasAppliedEnvPassword = true;
    else result.adminPassword = password;
  } else if (input.adminPassword && !(await verifyPassword(input.adminPassword, admin.passwordHash))) {
    await db.user.update({ where: { id: admin.id }, data: { passwordHash: await hashPassword(input.adminPassword), isGlobalAdmin: true } });
    result.hasAppliedEnvPassword = true;
  }

  const app = await db.apiApp.findUnique({ where: { code: input.appCode } });
  if (!app) {
    const secret = input.appSecret ?? generateSecret(24);
    // The first app is the one existing scripts use: it may act on every business until an admin narrows it.
    await db.apiApp.create({ data: { code: input.appCode, description: "created at first start", createdBy: "system", secretHash: hashToken(secret), roles: { create: { bizId: ALL_BUSINESSES, role: "admin", grantedBy: "system" } } } });
    if (input.appSecret) result.hasAppliedEnvSecret = true;
    else result.appSecret = secret;
  } else if (input.appSecret && !verifyToken(input.appSecret, app.secretHash)) {
    await db.apiApp.update({ where: { id: app.id }, data: { secretHash: hashToken(input.appSecret), revokedAt: null } });
    result.hasAppliedEnvSecret = true;
  }
  return result;
}
