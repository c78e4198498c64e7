// Who a request's bearer token names, and with which roles: the static API_TOKEN (the simple default: "api-token",
// admin), a named curator's token from the tokens file (CURATORS_FILE), or a JWT from an identity provider. What
// each may do is src/graphql/roles.ts's business. createAuthenticator's function is the one entry: HTTP requests use
// it, and so can any other transport that receives the same header value (a WebSocket's connectionParams).
import crypto from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import type { Auth } from "../../graphql/context";
import type { Identity } from "../../graphql/roles";
import { CuratorTokens } from "./curators/curatorTokens";
import { jwtVerifier, looksLikeJwt, type JwtSettings } from "./curators/jwt";
import { API_TOKEN_HOLDER, type Curators } from "../../settings/tokensFile";

export { API_TOKEN_HOLDER };

export interface AuthSettings {
  /** The static token (API_TOKEN): its holder is "api-token", an admin. */
  apiToken?: string;
  /** The tokens file's curators (CURATORS_FILE). */
  curators?: Curators;
  /** How JWTs are verified (JWT_SECRET, JWT_PUBLIC_KEY or JWT_JWKS_URL, with JWT_ISSUER and JWT_AUDIENCE). */
  jwt?: JwtSettings;
}

/** Turns an Authorization header's value into the identity it proves, or the reason it proves none. */
export type Authenticator = (authorization: string | undefined) => Promise<Auth>;

const STATIC_HOLDER: Identity = { actor: API_TOKEN_HOLDER, roles: ["admin"] };

function sameSecret(a: string, b: string): boolean {
  const x = crypto.createHash("sha256").update(a).digest();
  const y = crypto.createHash("sha256").update(b).digest();
  return crypto.timingSafeEqual(x, y);
}

/** What this server accepts, for the messages: "the server's API_TOKEN", "a curator's token", "a JWT". */
function accepted(settings: AuthSettings): string[] {
  return [
    ...(settings.apiToken ? ["the server's API_TOKEN"] : []),
    ...(settings.curators && Object.keys(settings.curators).length ? ["a curator's token from CURATORS_FILE"] : []),
    ...(settings.jwt ? ["a JWT the server can verify"] : []),
  ];
}

export function createAuthenticator(settings: AuthSettings): Authenticator {
  const kinds = accepted(settings);
  const curators = new CuratorTokens(settings.curators ?? {});
  const verifyJwt = settings.jwt ? jwtVerifier(settings.jwt) : undefined;
  const onlyStatic = kinds.length === 1 && settings.apiToken !== undefined;
  const placeholder = onlyStatic ? "<API_TOKEN>" : "<token>";
  const sendIt = `send the header "Authorization: Bearer ${placeholder}"${onlyStatic ? "" : ` (${kinds.join(", ")})`}`;

  return async (authorization) => {
    if (kinds.length === 0) {
      return { reason: "the server has no API_TOKEN, CURATORS_FILE or JWT key configured, so mutations are disabled" };
    }
    if (!authorization) return { reason: sendIt };
    const value = authorization.trim();
    const token = /^Bearer\s/i.test(value) ? value.slice(7).trim() : "";
    if (!token) return { reason: `the Authorization header must be "Bearer ${placeholder}"` };
    if (settings.apiToken && sameSecret(token, settings.apiToken)) return { identity: STATIC_HOLDER };
    const curator = await curators.identify(token);
    if (curator) return { identity: curator };
    if (verifyJwt && looksLikeJwt(token)) {
      const checked = await verifyJwt(token);
      return "identity" in checked ? { identity: checked.identity } : { reason: checked.refused };
    }
    return { reason: `the bearer token is not ${kinds.join(" nor ")}` };
  };
}

/** The request's Auth from its headers. */
export function authenticate(headers: IncomingHttpHeaders, authenticator: Authenticator): Promise<Auth> {
  return authenticator(headers.authorization);
}
