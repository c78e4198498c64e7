// JWTs as the server verifies them (src/http/access/curators/jwt.ts), with keys made here by jose: the subject is the
// actor, the roles claim gives curator or admin, and every refusal says why without repeating the token. No network.
import { exportSPKI, generateKeyPair, SignJWT, type JWTPayload, type KeyLike } from "jose";
import { jwtVerifier, looksLikeJwt, rolesIn, type JwtSettings } from "../../../../../src/http/access/curators/jwt";
import { jwtSettings } from "../../../../../src/settings/jwtSettings";

const ISSUER = "https://id.example.org/";
const AUDIENCE = "who-said-what";
let signing: { publicKey: KeyLike; privateKey: KeyLike };
let stranger: { publicKey: KeyLike; privateKey: KeyLike };
let settings: JwtSettings;

beforeAll(async () => {
  signing = await generateKeyPair("ES256");
  stranger = await generateKeyPair("ES256");
  const publicKey = await exportSPKI(signing.publicKey);
  settings = jwtSettings(
    { JWT_PUBLIC_KEY: publicKey, JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE },
    (m) => new Error(m),
  )!;
});

/** A token as the identity provider would issue it; each test changes one thing. */
function token(
  claims: JWTPayload = { roles: ["curator"] },
  options: { key?: KeyLike; sub?: string | null; aud?: string; iss?: string; expires?: string | number } = {},
): Promise<string> {
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: "ES256" })
    .setIssuedAt()
    .setIssuer(options.iss ?? ISSUER)
    .setAudience(options.aud ?? AUDIENCE)
    .setExpirationTime(options.expires ?? "5m");
  if (options.sub !== null) jwt.setSubject(options.sub ?? "maria.k");
  return jwt.sign(options.key ?? signing.privateKey);
}

describe("verifying a JWT against a public key", () => {
  it("names the subject as the actor with the roles of the roles claim", async () => {
    const verify = jwtVerifier(settings);
    expect(await verify(await token())).toEqual({ identity: { actor: "maria.k", roles: ["curator"] } });
    expect(await verify(await token({ roles: ["admin", "reader"] }))).toEqual({
      identity: { actor: "maria.k", roles: ["admin"] },
    });
  });

  it("accepts a valid token without a known role, with no role (plain edits only)", async () => {
    expect(await jwtVerifier(settings)(await token({ roles: ["reader"] }))).toEqual({
      identity: { actor: "maria.k", roles: [] },
    });
    expect(await jwtVerifier(settings)(await token({}))).toEqual({ identity: { actor: "maria.k", roles: [] } });
  });

  it("refuses an expired token, saying when it expired", async () => {
    const expired = await token(undefined, { expires: Math.floor(Date.UTC(2026, 0, 2, 3, 4, 5) / 1000) });
    const result = await jwtVerifier(settings)(expired);
    expect(result).toEqual({ refused: "the JWT expired at 2026-01-02T03:04:05.000Z" });
    expect(JSON.stringify(result)).not.toContain(expired);
  });

  it("refuses another audience and another issuer, naming the one expected", async () => {
    const verify = jwtVerifier(settings);
    expect(await verify(await token(undefined, { aud: "another-app" }))).toEqual({
      refused: `the JWT's audience (aud) is not "who-said-what"`,
    });
    expect(await verify(await token(undefined, { iss: "https://evil.example/" }))).toEqual({
      refused: `the JWT's issuer (iss) is not "https://id.example.org/"`,
    });
  });

  it("refuses a token signed with another key, and one whose payload was changed after signing", async () => {
    const verify = jwtVerifier(settings);
    expect(await verify(await token(undefined, { key: stranger.privateKey }))).toEqual({
      refused: "the JWT's signature does not verify against the server's key",
    });
    const [header, , signature] = (await token()).split(".");
    const forged = Buffer.from(JSON.stringify({ sub: "x", roles: ["admin"], aud: AUDIENCE, iss: ISSUER })).toString(
      "base64url",
    );
    expect(await verify(`${header}.${forged}.${signature}`)).toEqual({
      refused: "the JWT's signature does not verify against the server's key",
    });
  });

  it("refuses an unsigned token (alg none), one without a subject, and text that is no JWT", async () => {
    const verify = jwtVerifier(settings);
    const unsigned = `${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from(
      JSON.stringify({ sub: "x", aud: AUDIENCE, iss: ISSUER }),
    ).toString("base64url")}.`;
    expect(await verify(unsigned)).toEqual({
      refused: "the JWT is signed with an algorithm the server does not accept",
    });
    expect(await verify(await token(undefined, { sub: null }))).toEqual({ refused: "the JWT has no subject (sub)" });
    const brokenHeader = Buffer.from('{"alg":').toString("base64url");
    expect(await verify(`${brokenHeader}.e30.c2ln`)).toEqual({ refused: "the JWT is malformed" });
    expect(looksLikeJwt("cur_0123456789ab_secret")).toBe(false);
    expect(looksLikeJwt(await token())).toBe(true);
  });
});

describe("a shared secret (HS256)", () => {
  it("verifies tokens signed with it and refuses those signed with another", async () => {
    const secret = "s".repeat(40);
    const hs = jwtSettings(
      { JWT_SECRET: secret, JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE, JWT_ROLES_CLAIM: "realm_access.roles" },
      (m) => new Error(m),
    )!;
    const sign = (key: string) =>
      new SignJWT({ realm_access: { roles: ["admin"] } })
        .setProtectedHeader({ alg: "HS256" })
        .setSubject("ops")
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setExpirationTime("1m")
        .sign(new TextEncoder().encode(key));
    expect(await jwtVerifier(hs)(await sign(secret))).toEqual({ identity: { actor: "ops", roles: ["admin"] } });
    expect(await jwtVerifier(hs)(await sign("t".repeat(40)))).toEqual({
      refused: "the JWT's signature does not verify against the server's key",
    });
  });
});

describe("the roles claim", () => {
  it("reads a list, a space-separated string, a namespaced claim name and a dotted path", () => {
    expect(rolesIn({ roles: ["curator", "x"] }, "roles")).toEqual(["curator"]);
    expect(rolesIn({ scope: "read admin curator" }, "scope")).toEqual(["curator", "admin"]);
    expect(rolesIn({ "https://wsw.example/roles": ["admin"] }, "https://wsw.example/roles")).toEqual(["admin"]);
    expect(rolesIn({ realm_access: { roles: ["curator"] } }, "realm_access.roles")).toEqual(["curator"]);
    expect(rolesIn({ roles: 3 }, "roles")).toEqual([]);
    expect(rolesIn({}, "roles")).toEqual([]);
  });
});

describe("JWT settings", () => {
  const fail = (message: string) => new Error(message);
  const base = { JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE };

  it("are off without a key, and refuse two keys, a missing issuer or audience, a short secret", () => {
    expect(jwtSettings({}, fail)).toBeUndefined();
    expect(() => jwtSettings({ ...base, JWT_SECRET: "s".repeat(40), JWT_JWKS_URL: "https://x/" }, fail)).toThrow(
      "JWT_SECRET and JWT_JWKS_URL are both set: JWTs are verified with exactly one of them",
    );
    expect(() => jwtSettings({ JWT_SECRET: "s".repeat(40), JWT_ISSUER: ISSUER }, fail)).toThrow(
      "JWT_SECRET is set: set JWT_ISSUER and JWT_AUDIENCE too",
    );
    expect(() => jwtSettings({ ...base, JWT_SECRET: "short" }, fail)).toThrow("JWT_SECRET is shorter than 32 bytes");
  });

  it("refuse a JWKS over plain http except on localhost, a key that is no public key, and alg none", () => {
    expect(() => jwtSettings({ ...base, JWT_JWKS_URL: "http://id.example.org/jwks" }, fail)).toThrow(
      "must be https:// (http:// only for localhost)",
    );
    expect(jwtSettings({ ...base, JWT_JWKS_URL: "http://127.0.0.1:9/jwks" }, fail)?.jwksUrl).toBe(
      "http://127.0.0.1:9/jwks",
    );
    expect(() => jwtSettings({ ...base, JWT_PUBLIC_KEY: "not a key" }, fail)).toThrow(
      "JWT_PUBLIC_KEY is not a PEM public key",
    );
    expect(() => jwtSettings({ ...base, JWT_SECRET: "s".repeat(40), JWT_ALGORITHMS: "HS256,none" }, fail)).toThrow(
      'JWT_ALGORITHMS must not include "none"',
    );
  });
});
