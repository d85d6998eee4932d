// The shapes of user administration requests, shared by the routes and the console forms
// (browser-safe: zod only).
import { z } from "zod";
import { ZRole } from "@/lib/access/role-schema";

export const USERNAME_PATTERN = /^[A-Za-z0-9_.@-]{1,64}$/;
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;
export const DISPLAY_NAME_MAX_LENGTH = 100;

export const ZUsername = z.string().trim().regex(USERNAME_PATTERN, "letters, digits and _.@- only, at most 64 characters");
export const ZNewPassword = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH);
export const ZDisplayName = z.string().trim().max(DISPLAY_NAME_MAX_LENGTH);

/** A new user; without `password` one is generated and shown once. Either way it must be changed at first sign-in. */
export const ZCreateUser = z.strictObject({
  username: ZUsername,
  displayName: ZDisplayName.default(""),
  password: ZNewPassword.optional(),
  isGlobalAdmin: z.boolean().default(false),
});
export type TCreateUser = z.infer<typeof ZCreateUser>;

export const ZUpdateUser = z
  .strictObject({ displayName: ZDisplayName.optional(), isGlobalAdmin: z.boolean().optional(), isDisabled: z.boolean().optional() })
  .refine((body) => Object.values(body).some((value) => value !== undefined), "give at least one of displayName, isGlobalAdmin, isDisabled");
export type TUpdateUser = z.infer<typeof ZUpdateUser>;

/** the user list shows at most this many users; a filter narrows it */
export const USER_LIST_LIMIT = 500;

export const USER_STATUSES = ["all", "active", "disabled"] as const;
export type TUserStatus = (typeof USER_STATUSES)[number];

export const ZUserListQuery = z.strictObject({
  q: z.string().trim().max(64).default(""),
  status: z.enum(USER_STATUSES).default("all"),
});
export type TUserListQuery = z.infer<typeof ZUserListQuery>;

export const ZGrantRole = z.strictObject({ role: ZRole });

export const ZChangeOwnPassword = z.strictObject({ currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH), newPassword: ZNewPassword });
export type TChangeOwnPassword = z.infer<typeof ZChangeOwnPassword>;
