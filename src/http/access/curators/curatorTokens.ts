// Checks a curator's token against the tokens file: its id finds the entry, scrypt checks the secret. A token once
// checked is remembered by its SHA-256 (one per entry), so later requests cost a hash, not a scrypt.
import crypto from "node:crypto";
import type { Identity } from "../../../graphql/roles";
import { curatorTokenId, tokenMatches } from "../../../settings/tokenHash";
import type { Curators } from "../../../settings/tokensFile";

export class CuratorTokens {
  private readonly byTokenId = new Map<string, { tokenHash: string; identity: Identity }>();
  /** The SHA-256 of each entry's token, once a request has shown it. */
  private readonly checked = new Map<string, Buffer>();

  constructor(curators: Curators) {
    for (const [name, entry] of Object.entries(curators)) {
      const identity = { actor: name, roles: [entry.role] };
      this.byTokenId.set(entry.tokenId, { tokenHash: entry.tokenHash, identity });
    }
  }

  get size(): number {
    return this.byTokenId.size;
  }

  /** The curator the token belongs to, or undefined for any other text. */
  async identify(token: string): Promise<Identity | undefined> {
    const tokenId = curatorTokenId(token);
    const entry = tokenId === undefined ? undefined : this.byTokenId.get(tokenId);
    if (!tokenId || !entry) return undefined;
    const digest = crypto.createHash("sha256").update(token).digest();
    const known = this.checked.get(tokenId);
    if (known) return crypto.timingSafeEqual(known, digest) ? entry.identity : undefined;
    if (!(await tokenMatches(token, entry.tokenHash))) return undefined;
    this.checked.set(tokenId, digest);
    return entry.identity;
  }
}
