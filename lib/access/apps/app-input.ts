// The shapes of API app administration requests, shared by the routes and the console forms
// (browser-safe: zod only). App codes follow BlueKing's: lower case, starting with a letter.
import { z } from "zod";

export const APP_CODE_PATTERN = /^[a-z][a-z0-9_-]{2,31}$/;
export const APP_DESCRIPTION_MAX_LENGTH = 200;

export const ZAppCode = z.string().trim().regex(APP_CODE_PATTERN, "3–32 characters: a lower-case letter, then lower-case letters, digits, _ or -");
export const ZAppDescription = z.string().trim().max(APP_DESCRIPTION_MAX_LENGTH);

export const ZCreateApp = z.strictObject({ code: ZAppCode, description: ZAppDescription.default("") });
export type TCreateApp = z.infer<typeof ZCreateApp>;

export const ZUpdateApp = z.strictObject({ description: ZAppDescription });
export type TUpdateApp = z.infer<typeof ZUpdateApp>;
