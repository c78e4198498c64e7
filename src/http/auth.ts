// Reads the bearer token of a request and decides whether it may write (mutations), and as whom.
import crypto from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import type { Auth } from "../graphql/context";

/** The actor the change log names for writes made with the static API_TOKEN (its one holder has no other name). */
export const API_TOKEN_HOLDER = "api-token";

function sameSecret(a: string, b: string): boolean {
  const x = crypto.createHash("sha256").update(a).digest();
  const y = crypto.createHash("sha256").update(b).digest();
  return crypto.timingSafeEqual(x, y);
}

export function authenticate(headers: IncomingHttpHeaders, apiToken: string | undefined): Auth {
  if (!apiToken)
    return { canWrite: false, reason: "the server has no API_TOKEN configured, so mutations are disabled" };
  const header = headers.authorization;
  if (!header) return { canWrite: false, reason: 'send the header "Authorization: Bearer <API_TOKEN>"' };
  const value = header.trim();
  const token = /^Bearer\s/i.test(value) ? value.slice(7).trim() : "";
  if (!token) return { canWrite: false, reason: 'the Authorization header must be "Bearer <API_TOKEN>"' };
  if (!sameSecret(token, apiToken))
    return { canWrite: false, reason: "the bearer token is not the server's API_TOKEN" };
  return { canWrite: true, actor: API_TOKEN_HOLDER };
}
