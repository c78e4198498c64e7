// Curators as JSON Web Tokens from an identity provider: verified with jose against a shared secret (JWT_SECRET), a
// public key (JWT_PUBLIC_KEY) or the provider's key set (JWT_JWKS_URL), with its issuer and audience. The subject is
// the actor; a roles claim (JWT_ROLES_CLAIM) gives curator or admin.
import crypto from "node:crypto";
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from "jose";
import { ROLES, type Identity, type Role } from "../../../domain/roles";
import type { JwtSettings } from "../../../settings/jwtSettings";

export type { JwtSettings };

/** What a check found: the identity, or why the token is refused. */
export type JwtResult = { identity: Identity } | { refused: string };

const ALGORITHMS: Record<string, string[]> = {
  rsa: ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512"],
  "rsa-pss": ["PS256", "PS384", "PS512"],
  ec: ["ES256", "ES384", "ES512"],
  ed25519: ["EdDSA"],
  ed448: ["EdDSA"],
};

/** A JWT is three base64url parts; only such tokens are offered to the verifier. */
export function looksLikeJwt(token: string): boolean {
  return /^[\w-]+\.[\w-]+\.[\w-]*$/.test(token) && token.startsWith("eyJ");
}

/** The key a token is checked with and the algorithms allowed; a clear error for a key that cannot serve. */
export function verificationKey(settings: JwtSettings): {
  key: crypto.KeyObject | JWTVerifyGetKey;
  algorithms?: string[];
} {
  if (settings.secret) {
    return { key: crypto.createSecretKey(Buffer.from(settings.secret)), algorithms: ["HS256", "HS384", "HS512"] };
  }
  if (settings.publicKey) {
    const key = crypto.createPublicKey(settings.publicKey);
    return { key, algorithms: ALGORITHMS[key.asymmetricKeyType ?? ""] };
  }
  if (settings.jwksUrl) return { key: createRemoteJWKSet(new URL(settings.jwksUrl), { timeoutDuration: 5000 }) };
  throw new Error("JWT settings need a secret, a public key or a JWKS URL");
}

function claimAt(payload: JWTPayload, name: string): unknown {
  if (name in payload) return payload[name];
  let value: unknown = payload;
  for (const part of name.split(".")) {
    value = value && typeof value === "object" ? (value as Record<string, unknown>)[part] : undefined;
  }
  return value;
}

/** curator and admin among the claim's values (a list, or one string of names separated by spaces). */
export function rolesIn(payload: JWTPayload, claim: string): Role[] {
  const value = claimAt(payload, claim);
  const names = Array.isArray(value) ? value : typeof value === "string" ? value.split(" ") : [];
  return ROLES.filter((role) => names.includes(role));
}

function when(seconds: unknown): string {
  return typeof seconds === "number" ? new Date(seconds * 1000).toISOString() : "an unknown time";
}

/** Why jose refused the token, in words a client can act on; never the token itself. */
export function refusalOf(e: unknown, settings: JwtSettings): string {
  if (e instanceof errors.JWTExpired) return `the JWT expired at ${when(e.payload.exp)}`;
  if (e instanceof errors.JWTClaimValidationFailed) {
    if (e.claim === "aud") return `the JWT's audience (aud) is not ${JSON.stringify(settings.audience)}`;
    if (e.claim === "iss") return `the JWT's issuer (iss) is not ${JSON.stringify(settings.issuer)}`;
    if (e.claim === "nbf") return `the JWT is not valid before ${when(e.payload.nbf)}`;
    return `the JWT's ${e.claim} claim is refused: ${e.reason}`;
  }
  if (e instanceof errors.JWSSignatureVerificationFailed) {
    return "the JWT's signature does not verify against the server's key";
  }
  if (e instanceof errors.JWKSNoMatchingKey) return "no key of JWT_JWKS_URL's key set matches the JWT (kid, alg)";
  if (e instanceof errors.JOSEAlgNotAllowed) return "the JWT is signed with an algorithm the server does not accept";
  if (e instanceof errors.JWKSTimeout) return "the key set at JWT_JWKS_URL did not answer in time; try again";
  if (e instanceof errors.JWKSInvalid) return "the key set at JWT_JWKS_URL is not a valid JWKS";
  if (e instanceof errors.JWSInvalid || e instanceof errors.JWTInvalid) return "the JWT is malformed";
  if (e instanceof errors.JOSEError) return `the JWT is refused (${e.code})`;
  return settings.jwksUrl
    ? "the key set at JWT_JWKS_URL could not be fetched; try again"
    : "the JWT could not be checked";
}

/** A verifier for the settings; the key (or the JWKS client, which caches the key set) is made once. */
export function jwtVerifier(settings: JwtSettings): (token: string) => Promise<JwtResult> {
  const { key, algorithms } = verificationKey(settings);
  const options = {
    issuer: settings.issuer,
    audience: settings.audience,
    algorithms: settings.algorithms ?? algorithms,
    clockTolerance: settings.clockToleranceS,
  };
  return async (token) => {
    let payload: JWTPayload;
    try {
      // jose's overloads separate a key from a key-set function; both take the same options.
      payload =
        typeof key === "function"
          ? (await jwtVerify(token, key, options)).payload
          : (await jwtVerify(token, key, options)).payload;
    } catch (e) {
      return { refused: refusalOf(e, settings) };
    }
    if (typeof payload.sub !== "string" || !payload.sub.trim()) return { refused: "the JWT has no subject (sub)" };
    return { identity: { actor: payload.sub, roles: rolesIn(payload, settings.rolesClaim) } };
  };
}
