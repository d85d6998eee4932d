// Behind the BlueKing API gateway, the gateway authenticates the app and forwards the call with an
// X-Bkapi-JWT header: RS512, signed with the gateway's key, claims {app: {app_code, verified},
// user: {username}, exp} (bk-cmdb reads the same claims: src/common/resource/jwt/jwt.go). Callers
// then send only BK_User and the supplier header, no secret. With PROCDECK_APIGW_PUBLIC_KEY unset
// the header means nothing and is ignored.
import "server-only";
import type { KeyObject } from "node:crypto";
import { errors as joseErrors, jwtVerify } from "jose";
import { z } from "zod";
import { ApiError } from "@/lib/core/errors";
import { readApigwPublicKey } from "@/lib/core/env";
import { text, type TLocalText } from "@/lib/core/i18n";

export const APIGW_JWT_HEADER = "x-bkapi-jwt";
/** the gateway signs RS512 only; anything else (RS256, HS*, none) is refused outright */
const ALGORITHMS = ["RS512"];
const TOKEN_MAX_LENGTH = 16 * 1024;

export type TGatewayIdentity = { appCode: string; username: string };

// user.verified is false when the gateway skipped user authentication; bk-cmdb ignores it, and so
// does Procdeck: the app's own roles decide what the call may do.
const ZGatewayClaims = z.object({
  app: z.object({
    app_code: z.string().min(1).max(64),
    verified: z.boolean(),
  }),
  user: z.object({ username: z.string().trim().min(1).max(256) }),
});

// The key is parsed once per process: it only changes with a restart.
let cachedKey: { key: KeyObject | null } | undefined;

function gatewayKey(): KeyObject | null {
  cachedKey ??= { key: readApigwPublicKey() };
  return cachedKey.key;
}

/**
 * The app and user a valid gateway JWT names; null when gateway mode is off or the request has no
 * X-Bkapi-JWT (the ordinary credentials then apply). A token that is present but not valid is a 401:
 * it never falls back to other credentials.
 */
export async function readGatewayIdentity(req: Pick<Request, "headers">): Promise<TGatewayIdentity | null> {
  const key = gatewayKey();
  if (!key) return null;
  const token = req.headers.get(APIGW_JWT_HEADER)?.trim();
  if (!token) return null;
  if (token.length > TOKEN_MAX_LENGTH) throw refused(text("X-Bkapi-JWT is too long", "X-Bkapi-JWT 过长"));

  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, key, { algorithms: ALGORITHMS, requiredClaims: ["exp"] }));
  } catch (error) {
    throw refused(explainJoseError(error));
  }
  const claims = ZGatewayClaims.safeParse(payload);
  if (!claims.success) {
    const at = claims.error.issues[0].path.join(".") || "payload";
    throw refused(text(`X-Bkapi-JWT claim ${at} is missing or malformed`, `X-Bkapi-JWT 的声明 ${at} 缺失或格式错误`));
  }
  if (!claims.data.app.verified) throw refused(text("X-Bkapi-JWT: the gateway did not verify the app (app.verified is false)", "X-Bkapi-JWT：网关未认证该应用（app.verified 为 false）"));
  return { appCode: claims.data.app.app_code, username: claims.data.user.username };
}

function refused(detail: TLocalText): ApiError {
  return new ApiError("UNAUTHENTICATED", detail);
}

function explainJoseError(error: unknown): TLocalText {
  if (error instanceof joseErrors.JWTExpired) return text("X-Bkapi-JWT has expired", "X-Bkapi-JWT 已过期");
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    return text(`X-Bkapi-JWT claim ${error.claim} failed its check (${error.reason})`, `X-Bkapi-JWT 的声明 ${error.claim} 校验失败（${error.reason}）`);
  }
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return text("X-Bkapi-JWT must be signed with RS512", "X-Bkapi-JWT 必须使用 RS512 签名");
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) {
    return text("X-Bkapi-JWT signature does not match the gateway's public key", "X-Bkapi-JWT 签名与网关公钥不符");
  }
  if (error instanceof joseErrors.JOSEError) return text("X-Bkapi-JWT is not a valid signed JWT", "X-Bkapi-JWT 不是有效的签名 JWT");
  throw error;
}
