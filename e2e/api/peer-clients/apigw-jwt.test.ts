// Calls forwarded by the BlueKing API gateway: the gateway checks the app's secret and adds an
// X-Bkapi-JWT (RS512; claims app.app_code, app.verified, user.username, exp); the caller itself sends
// only BK_User and the supplier header. The claims and checks replayed here are bk-cmdb's own reader
// of that header: TencentBlueKing/bk-cmdb, src/common/resource/jwt/jwt.go (master), with the header
// name from src/common/http/header/header.go (BkJWTHeader = "X-Bkapi-JWT").
//
// The test makes its own key pair, starts a second instance of the built app with
// PROCDECK_APIGW_PUBLIC_KEY set (base64 of the PEM, as bk-cmdb's jwt.publicKey takes it) on the same
// database, and signs tokens with jose.
import { exportSPKI, generateKeyPair, SignJWT, UnsecuredJWT, type CryptoKey, type JWTPayload } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readStartEnv } from "@/lib/core/env";
import { createApp, type TAppCredentials } from "../support/principals";
import { startServerInstance, type TServerInstance } from "../support/server-instance";
import { auditRows, BASE_URL, createBusiness, expectCmdbError, expectSuccess, sql, uniqueName, type TCmdbReply } from "../support/cmdb-client";

type TSearchData = { count: number; info: unknown[] };
type TClaims = { app: { version: number; app_code: string; verified: boolean }; user: { version: number; username: string; verified: boolean } };

const claimsFor = (appCode: string, username = "gw-user", verified = true): TClaims => ({
  app: { version: 1, app_code: appCode, verified },
  user: { version: 1, username, verified: true },
});

/** A CMDB call to either server with exactly these headers (no credentials are added). */
async function call(baseUrl: string, method: string, apiPath: string, headers: Record<string, string>, body?: unknown): Promise<TCmdbReply> {
  const response = await fetch(`${baseUrl}${apiPath}`, {
    method,
    headers: { "content-type": "application/json", HTTP_BLUEKING_LANGUAGE: "en", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text), contentType: response.headers.get("content-type") ?? "", text, headers: response.headers };
}

async function sign(payload: JWTPayload, key: CryptoKey | Uint8Array, options: { alg?: string; expiresIn?: string | number } = {}): Promise<string> {
  return new SignJWT(payload)
    .setProtectedHeader({ alg: options.alg ?? "RS512", typ: "JWT" })
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? "5m")
    .sign(key);
}

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

describe("behind the BlueKing API gateway (X-Bkapi-JWT)", () => {
  let server: TServerInstance | undefined;
  let gatewayUrl = "";
  let keys: { publicKey: CryptoKey; privateKey: CryptoKey };
  let otherKeys: { publicKey: CryptoKey; privateKey: CryptoKey };
  let bizId = 0;
  let adminApp: TAppCredentials;
  let viewerApp: TAppCredentials;

  /** A CMDB call as the gateway forwards it: the JWT, BK_User and the supplier header, no secret. */
  const viaGateway = (method: string, apiPath: string, token: string | null, body?: unknown, baseUrl = gatewayUrl) =>
    call(baseUrl, method, apiPath, { ...(token === null ? {} : { "X-Bkapi-JWT": token }), BK_User: "gw-user", HTTP_BLUEKING_SUPPLIER_ID: "0" }, body);
  const searchPath = () => `/api/v3/proc/search/0/${bizId}`;

  beforeAll(async () => {
    keys = await generateKeyPair("RS512", { extractable: true });
    otherKeys = await generateKeyPair("RS512");
    bizId = await createBusiness("apigw");
    adminApp = await createApp([{ bizId, role: "admin" }]);
    viewerApp = await createApp([{ bizId, role: "viewer" }]);

    // a second server instance of the same build, with the gateway key
    const publicKey = Buffer.from(await exportSPKI(keys.publicKey)).toString("base64");
    server = await startServerInstance({ PROCDECK_APIGW_PUBLIC_KEY: publicKey });
    gatewayUrl = server.url;
  }, 120_000);

  afterAll(async () => {
    await server?.kill();
  });

  it("identifies the app and user of a valid token: BK_User and supplier header only", async () => {
    const token = await sign(claimsFor(adminApp.code), keys.privateKey);
    expectSuccess<TSearchData>(await viaGateway("POST", searchPath(), token, { page: { limit: 5 } }));

    const name = uniqueName("gw");
    const created = expectSuccess<{ bk_process_id: number }>(await viaGateway("POST", `/api/v3/proc/0/${bizId}`, token, { bk_process_name: name, bk_func_name: "nginx" }));
    const [audit] = await auditRows(created.bk_process_id, "create");
    // the operator is the token's user (as bk-cmdb sets it from the claims), the app its app_code
    expect(audit).toMatchObject({ actor_type: "app", actor: "gw-user", app_code: adminApp.code });
  });

  it("takes the user from the token even when BK_User names someone else", async () => {
    const token = await sign(claimsFor(adminApp.code, "alice"), keys.privateKey);
    const created = expectSuccess<{ bk_process_id: number }>(await viaGateway("POST", `/api/v3/proc/0/${bizId}`, token, { bk_process_name: uniqueName("gw"), bk_func_name: "x" }));
    expect((await auditRows(created.bk_process_id, "create"))[0]).toMatchObject({ actor: "alice" });
  });

  it("applies the app's roles: a viewer reads but is refused writes with the 403 envelope", async () => {
    const token = await sign(claimsFor(viewerApp.code), keys.privateKey);
    expectSuccess(await viaGateway("POST", searchPath(), token, {}));
    expectCmdbError(await viaGateway("POST", `/api/v3/proc/0/${bizId}`, token, { bk_process_name: uniqueName("gw"), bk_func_name: "x" }), 9900403, 403);
    // and an app without a role in another business sees nothing there
    const other = await createBusiness("apigw-other");
    expectCmdbError(await viaGateway("POST", `/api/v3/proc/search/0/${other}`, token, {}), 9900403, 403);
  });

  it("refuses expired, forged, wrongly signed, unsigned and tampered tokens with 401 1199027", async () => {
    const claims = claimsFor(adminApp.code);
    const valid = await sign(claims, keys.privateKey);
    const [header, , signature] = valid.split(".");
    const hmacKey = new TextEncoder().encode(await exportSPKI(keys.publicKey));
    const cases: [string, string, RegExp][] = [
      ["expired", await sign(claims, keys.privateKey, { expiresIn: Math.floor(Date.now() / 1000) - 60 }), /expired/],
      ["forged with another key", await sign(claims, otherKeys.privateKey), /signature/],
      ["alg none", new UnsecuredJWT(claims).setExpirationTime("5m").encode(), /RS512/],
      ["alg none, hand-made", `${base64url({ alg: "none", typ: "JWT" })}.${base64url({ ...claims, exp: Math.floor(Date.now() / 1000) + 300 })}.`, /RS512|valid/],
      ["HS512 keyed with the public key", await sign(claims, hmacKey, { alg: "HS512" }), /RS512/],
      ["tampered payload", `${header}.${base64url({ ...claims, app: { ...claims.app, app_code: viewerApp.code }, exp: Math.floor(Date.now() / 1000) + 300 })}.${signature}`, /signature/],
      ["malformed", "not-a-jwt", /valid/],
      ["two segments", `${header}.${signature}`, /valid/],
    ];
    for (const [label, token, reason] of cases) {
      const reply = await viaGateway("POST", searchPath(), token, {});
      expect(reply.status, label).toBe(401);
      expectCmdbError(reply, 1199027, 401, reason);
    }
    // nor can a refused token write
    const bad = await sign(claims, otherKeys.privateKey);
    expectCmdbError(await viaGateway("POST", `/api/v3/proc/0/${bizId}`, bad, { bk_process_name: "never", bk_func_name: "x" }), 1199027, 401);
    expect(await sql(`SELECT 1 FROM process WHERE bk_biz_id = $1 AND bk_process_name = 'never'`, [bizId])).toEqual([]);
  });

  it("refuses a token whose claims bk-cmdb would refuse: unverified app, no user, no expiry", async () => {
    const noExp = await new SignJWT({ ...claimsFor(adminApp.code) }).setProtectedHeader({ alg: "RS512" }).sign(keys.privateKey);
    const cases: [string, string, RegExp][] = [
      ["app not verified", await sign(claimsFor(adminApp.code, "gw-user", false), keys.privateKey), /verified/],
      ["no user", await sign({ app: claimsFor(adminApp.code).app }, keys.privateKey), /user/],
      ["empty username", await sign(claimsFor(adminApp.code, ""), keys.privateKey), /user.username/],
      ["no exp", noExp, /exp/],
    ];
    for (const [label, token, reason] of cases) {
      const reply = await viaGateway("POST", searchPath(), token, {});
      expect(reply.status, label).toBe(401);
      expectCmdbError(reply, 1199027, 401, reason);
    }
  });

  it("refuses an app Procdeck does not know, or has revoked", async () => {
    const unknown = await sign(claimsFor(uniqueName("nobody")), keys.privateKey);
    expectCmdbError(await viaGateway("POST", searchPath(), unknown, {}), 1199027, 401, /unknown or revoked/);

    const revoked = await createApp([{ bizId, role: "admin" }]);
    await sql(`UPDATE api_app SET revoked_at = now() WHERE id = $1`, [revoked.appId]);
    const token = await sign(claimsFor(revoked.code), keys.privateKey);
    expectCmdbError(await viaGateway("POST", searchPath(), token, {}), 1199027, 401, /unknown or revoked/);
  });

  it("does not fall back to a secret once a token is present", async () => {
    const reply = await call(gatewayUrl, "POST", searchPath(), {
      "X-Bkapi-JWT": "not-a-jwt",
      "X-Bkapi-Authorization": JSON.stringify({ bk_app_code: adminApp.code, bk_app_secret: adminApp.secret, bk_username: "x" }),
    }, {});
    expectCmdbError(reply, 1199027, 401);
  });

  it("still takes ordinary credentials without a token", async () => {
    const reply = await call(gatewayUrl, "POST", searchPath(), { "X-Bkapi-Authorization": JSON.stringify({ bk_app_code: adminApp.code, bk_app_secret: adminApp.secret, bk_username: "x" }) }, {});
    expectSuccess(reply);
    expectCmdbError(await viaGateway("POST", searchPath(), null, {}), 1199027, 401);
  });

  it("works on the ESB surface too, with the ESB envelope's 401 for a bad token", async () => {
    const esb = async (token: string) => {
      const response = await fetch(`${gatewayUrl}/api/c/compapi/v2/gse/get_proc_operate_result/`, {
        method: "POST",
        headers: { "content-type": "application/json", "X-Bkapi-JWT": token, BK_User: "gw-user" },
        body: JSON.stringify({ task_id: "GSETASK:20000101000000:999999999" }),
      });
      return { status: response.status, body: (await response.json()) as { result: boolean; code: number; message: string } };
    };
    // authenticated: the reply is about the (unknown) task, not about credentials
    const known = await esb(await sign(claimsFor(adminApp.code), keys.privateKey));
    expect(known.status).toBe(200);
    expect(known.body.code).not.toBe(1199027);
    const bad = await esb(await sign(claimsFor(adminApp.code), otherKeys.privateKey));
    expect(bad.status).toBe(401);
    expect(bad.body).toMatchObject({ result: false, code: 1199027 });
  });

  it("ignores the header entirely on a server without PROCDECK_APIGW_PUBLIC_KEY", async () => {
    const token = await sign(claimsFor(adminApp.code), keys.privateKey);
    expectCmdbError(await viaGateway("POST", searchPath(), token, {}, BASE_URL), 1199027, 401, /bk_app_code/);
  });

  const startEnv = (key: string) => readStartEnv({ NODE_ENV: "production", PROCDECK_APIGW_PUBLIC_KEY: key });

  it("validates the key at start, naming the variable", () => {
    expect(() => startEnv("not a key")).toThrow(/PROCDECK_APIGW_PUBLIC_KEY/);
    expect(() => startEnv(Buffer.from("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----").toString("base64"))).toThrow(/PROCDECK_APIGW_PUBLIC_KEY: is not a readable PEM/);
  });

  it("accepts the key as PEM or as the base64 of the PEM", async () => {
    const pem = await exportSPKI(keys.publicKey);
    expect(startEnv(pem).PROCDECK_APIGW_PUBLIC_KEY).toBe(pem);
    expect(() => startEnv(Buffer.from(pem).toString("base64"))).not.toThrow();
  });
});
