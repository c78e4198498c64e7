// Curators' tokens as the tokens file keeps them: made here, from 32 random bytes, and stored only as a salted scrypt
// hash, so that a copy of the file lets nobody write. A token names its file entry by a public id, so checking one
// costs one scrypt whatever the number of curators.
import crypto from "node:crypto";
import { promisify } from "node:util";

const scrypt = promisify(crypto.scrypt) as (
  secret: crypto.BinaryLike,
  salt: crypto.BinaryLike,
  keylen: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>;

/** scrypt with N = 2^15, r = 8, p = 1: 32 MiB and about 0.1 s per check, once per token and process. */
export const DEFAULT_COST = { ln: 15, r: 8, p: 1 };
const KEY_BYTES = 32;

/** cur_<12 hex digits: the entry's id>_<43 base64url characters: the secret>. */
const TOKEN = /^cur_([0-9a-f]{12})_[\w-]{43}$/;
/** scrypt$ln=<log2 N>,r=<r>,p=<p>$<salt>$<key>, salt and key in base64url (PHC string format). */
const HASH = /^scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([\w-]{16,})\$([\w-]{43})$/;

export interface NewToken {
  /** Given to the curator once; never stored. */
  token: string;
  /** The public id in the token, the file entry's tokenId. */
  tokenId: string;
  /** What the file keeps. */
  tokenHash: string;
}

/** The id a curator's token names, or undefined when the text does not have a curator token's shape. */
export function curatorTokenId(token: string): string | undefined {
  return TOKEN.exec(token)?.[1];
}

export function isTokenHash(text: string): boolean {
  return HASH.test(text);
}

function costOf(ln: number, r: number, p: number): crypto.ScryptOptions {
  const N = 2 ** ln;
  // Node refuses scrypt past maxmem (32 MiB by default); allow what these parameters need, with room.
  return { N, r, p, maxmem: 2 * 128 * N * r * p + 1024 * 1024 };
}

export async function hashToken(token: string, cost = DEFAULT_COST): Promise<string> {
  const salt = crypto.randomBytes(16);
  const key = await scrypt(token, salt, KEY_BYTES, costOf(cost.ln, cost.r, cost.p));
  return `scrypt$ln=${cost.ln},r=${cost.r},p=${cost.p}$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

/** Whether the token is the one hashed, comparing keys in constant time. */
export async function tokenMatches(token: string, tokenHash: string): Promise<boolean> {
  const parts = HASH.exec(tokenHash);
  if (!parts) throw new Error("not a scrypt token hash");
  const [, ln, r, p, salt, key] = parts as unknown as [string, string, string, string, string, string];
  const expected = Buffer.from(key, "base64url");
  const actual = await scrypt(token, Buffer.from(salt, "base64url"), expected.length, costOf(+ln, +r, +p));
  return crypto.timingSafeEqual(actual, expected);
}

export async function newToken(cost = DEFAULT_COST): Promise<NewToken> {
  const tokenId = crypto.randomBytes(6).toString("hex");
  const token = `cur_${tokenId}_${crypto.randomBytes(32).toString("base64url")}`;
  return { token, tokenId, tokenHash: await hashToken(token, cost) };
}
