// The JWT_* settings, parsed and checked for src/config.ts: a key that cannot verify, or a verifier open to any
// issuer's or audience's tokens, stops the start with a message naming the setting.
import crypto from "node:crypto";

export interface JwtSettings {
  /** Exactly one of the three: HMAC secret (HS256/384/512), PEM public key, or the URL of a JWKS. */
  secret?: string;
  publicKey?: string;
  jwksUrl?: string;
  issuer: string;
  audience: string;
  /** The claim that lists roles: a top-level name (also one with dots, like a URL), else a dotted path. */
  rolesClaim: string;
  /** Signature algorithms accepted; default: those of the key's type. */
  algorithms?: string[];
  /** Seconds of clock difference allowed on exp and nbf. */
  clockToleranceS: number;
}

type Env = Record<string, string | undefined>;

const KEYS = ["JWT_SECRET", "JWT_PUBLIC_KEY", "JWT_JWKS_URL"] as const;

function jwksUrl(raw: string, fail: (message: string) => Error): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw fail(`JWT_JWKS_URL=${JSON.stringify(raw)} is not a URL`);
  }
  // Keys fetched in clear could be swapped on the way; plain http only for a provider on this machine.
  const local = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && local)) {
    throw fail(`JWT_JWKS_URL=${JSON.stringify(raw)} must be https:// (http:// only for localhost)`);
  }
  return url.href;
}

function publicKey(pem: string, fail: (message: string) => Error): string {
  // Environment files often keep a PEM on one line with \n escapes.
  const text = pem.replace(/\\n/g, "\n");
  try {
    const key = crypto.createPublicKey(text);
    if (key.type !== "public") throw new Error("not a public key");
  } catch (e) {
    throw fail(`JWT_PUBLIC_KEY is not a PEM public key (-----BEGIN PUBLIC KEY-----): ${(e as Error).message}`);
  }
  return text;
}

export function jwtSettings(env: Env, fail: (message: string) => Error): JwtSettings | undefined {
  const given = KEYS.filter((name) => env[name]?.trim());
  if (given.length === 0) return undefined;
  if (given.length > 1) throw fail(`${given.join(" and ")} are both set: JWTs are verified with exactly one of them`);
  const issuer = env.JWT_ISSUER?.trim();
  const audience = env.JWT_AUDIENCE?.trim();
  // Without both, a token the provider issued for another application would open this one.
  if (!issuer || !audience) throw fail(`${given[0]} is set: set JWT_ISSUER and JWT_AUDIENCE too`);
  const secret = env.JWT_SECRET?.trim();
  if (secret && Buffer.byteLength(secret) < 32) {
    throw fail("JWT_SECRET is shorter than 32 bytes: use a long random secret (e.g. openssl rand -hex 32)");
  }
  const algorithms = env.JWT_ALGORITHMS?.split(",")
    .map((a) => a.trim())
    .filter(Boolean);
  if (algorithms?.some((a) => a.toLowerCase() === "none")) throw fail('JWT_ALGORITHMS must not include "none"');
  const tolerance = env.JWT_CLOCK_TOLERANCE_S?.trim() || "30";
  const clockToleranceS = Number(tolerance);
  if (!Number.isInteger(clockToleranceS) || clockToleranceS < 0 || clockToleranceS > 600) {
    throw fail(`JWT_CLOCK_TOLERANCE_S=${JSON.stringify(tolerance)} is not an integer between 0 and 600`);
  }
  return {
    ...(secret ? { secret } : {}),
    ...(env.JWT_PUBLIC_KEY?.trim() ? { publicKey: publicKey(env.JWT_PUBLIC_KEY.trim(), fail) } : {}),
    ...(env.JWT_JWKS_URL?.trim() ? { jwksUrl: jwksUrl(env.JWT_JWKS_URL.trim(), fail) } : {}),
    issuer,
    audience,
    rolesClaim: env.JWT_ROLES_CLAIM?.trim() || "roles",
    ...(algorithms?.length ? { algorithms } : {}),
    clockToleranceS,
  };
}
