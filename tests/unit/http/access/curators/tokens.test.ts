// Named curators' tokens (src/http/curators/): scrypt hashes checked in constant time, the tokens file's checks,
// `npm run curators` adding and removing curators, and the one authenticator every transport uses, which turns an
// Authorization header into {actor, roles} or the reason it cannot. No database.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runCuratorsCommand } from "../../../../../src/cli/curators";
import { ConfigError, loadConfig } from "../../../../../src/config";
import { CuratorTokens } from "../../../../../src/http/access/curators/curatorTokens";
import { hashToken, newToken, tokenMatches } from "../../../../../src/settings/tokenHash";
import { parseCurators, readCurators, type Curators } from "../../../../../src/settings/tokensFile";
import { createAuthenticator } from "../../../../../src/http/access/auth";

/** A cheap scrypt for tests (2^10); the file accepts it, `npm run curators` uses 2^15. */
const CHEAP = { ln: 10, r: 8, p: 1 };
const API_TOKEN = "static-token-0123456789";

let folder: string;
beforeEach(() => (folder = fs.mkdtempSync(path.join(os.tmpdir(), "curators-"))));
afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

describe("token hashes", () => {
  it("match the token hashed and no other, with a fresh salt each time", async () => {
    const { token, tokenHash } = await newToken(CHEAP);
    expect(token).toMatch(/^cur_[0-9a-f]{12}_[\w-]{43}$/);
    expect(tokenHash).toMatch(/^scrypt\$ln=10,r=8,p=1\$[\w-]+\$[\w-]{43}$/);
    expect(tokenHash).not.toContain(token.slice(17));
    expect(await tokenMatches(token, tokenHash)).toBe(true);
    expect(await tokenMatches(`${token.slice(0, -1)}x`, tokenHash)).toBe(false);
    expect(await hashToken(token, CHEAP)).not.toBe(tokenHash);
  });
});

describe("the tokens file", () => {
  async function entry(role: "curator" | "admin" = "curator") {
    const made = await newToken(CHEAP);
    return { made, entry: { role, tokenId: made.tokenId, tokenHash: made.tokenHash } };
  }

  it("is refused with the file and the entry named: a bad role, a bad hash, a reserved name, a shared id", async () => {
    const { entry: anna } = await entry();
    const text = (curators: object) => JSON.stringify({ curators });
    expect(() => parseCurators(text({ anna: { ...anna, role: "owner" } }), "c.json")).toThrow(
      /^c\.json: curators\.anna\.role: /,
    );
    expect(() => parseCurators(text({ anna: { ...anna, tokenHash: "plain-token" } }), "c.json")).toThrow(
      "c.json: curators.anna.tokenHash: must be a scrypt hash made by npm run curators",
    );
    expect(() => parseCurators(text({ "api-token": anna }), "c.json")).toThrow(
      "c.json: curators.api-token: the name is the API_TOKEN's holder; choose another",
    );
    expect(() => parseCurators(text({ anna, bob: anna }), "c.json")).toThrow(
      "c.json: curators anna and bob have the same tokenId",
    );
    expect(() => parseCurators("{", "c.json")).toThrow(/^c\.json is not JSON: /);
    expect(() => readCurators(path.join(folder, "none.json"))).toThrow(/^cannot read .*none\.json: ENOENT$/);
  });

  it("lets a curator's token, and only it, prove the curator's name and role", async () => {
    const { made: anna, entry: annaEntry } = await entry("curator");
    const { made: bob, entry: bobEntry } = await entry("admin");
    const tokens = new CuratorTokens({ anna: annaEntry, bob: bobEntry });
    expect(await tokens.identify(anna.token)).toEqual({ actor: "anna", roles: ["curator"] });
    expect(await tokens.identify(bob.token)).toEqual({ actor: "bob", roles: ["admin"] });
    // Checked once, then remembered by digest: the same answer, and a wrong secret for a known id still refused.
    expect(await tokens.identify(anna.token)).toEqual({ actor: "anna", roles: ["curator"] });
    expect(await tokens.identify(`${anna.token.slice(0, -1)}x`)).toBeUndefined();
    expect(await tokens.identify(`cur_${bob.tokenId}_${anna.token.slice(-43)}`)).toBeUndefined();
    expect(await tokens.identify("cur_000000000000_" + "a".repeat(43))).toBeUndefined();
  });
});

describe("CURATORS_FILE", () => {
  it("is read with the configuration; a wrong file stops the start, naming the file and the entry", async () => {
    const file = path.join(folder, "curators.json");
    const made = await newToken(CHEAP);
    fs.writeFileSync(
      file,
      JSON.stringify({ curators: { anna: { role: "curator", tokenId: made.tokenId, tokenHash: made.tokenHash } } }),
    );
    expect(loadConfig({ CURATORS_FILE: file }).curators).toEqual({
      file,
      curators: { anna: { role: "curator", tokenId: made.tokenId, tokenHash: made.tokenHash } },
    });
    fs.writeFileSync(
      file,
      JSON.stringify({ curators: { anna: { role: "editor", tokenId: made.tokenId, tokenHash: made.tokenHash } } }),
    );
    expect(() => loadConfig({ CURATORS_FILE: file })).toThrow(ConfigError);
    expect(() => loadConfig({ CURATORS_FILE: file })).toThrow(`CURATORS_FILE: ${file}: curators.anna.role: `);
    expect(loadConfig({}).curators).toBeUndefined();
  });
});

describe("npm run curators", () => {
  function io() {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
  }

  it("adds a curator with a token shown once, lists and removes; the server's authenticator accepts it", async () => {
    const file = path.join(folder, "nested", "curators.json");
    const added = io();
    expect(await runCuratorsCommand(["add", "anna", "--file", file], added.io)).toBe(0);
    const [token] = added.out;
    expect(token).toMatch(/^cur_[0-9a-f]{12}_[\w-]{43}$/);
    expect(fs.readFileSync(file, "utf8")).not.toContain(token!.slice(17));
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(added.err.join("\n")).toContain("restart it to apply this");

    const again = io();
    expect(await runCuratorsCommand(["add", "anna", "--file", file], again.io)).toBe(1);
    expect(again.err).toEqual([`anna is already a curator in ${file}: add --replace to give them a new token`]);
    expect(await runCuratorsCommand(["add", "bob", "--role", "owner", "--file", file], io().io)).toBe(1);
    expect(await runCuratorsCommand(["add", "bob", "--role", "admin"], io().io, { CURATORS_FILE: file })).toBe(0);
    const listed = io();
    expect(await runCuratorsCommand(["list", "--file", file], listed.io)).toBe(0);
    expect(listed.out).toEqual(["anna\tcurator", "bob\tadmin"]);

    const authenticate = createAuthenticator({ curators: readCurators(file) });
    expect(await authenticate(`Bearer ${token}`)).toEqual({ identity: { actor: "anna", roles: ["curator"] } });

    expect(await runCuratorsCommand(["remove", "anna", "--file", file], io().io)).toBe(0);
    expect(Object.keys(readCurators(file))).toEqual(["bob"]);
    expect(await runCuratorsCommand(["rename", "anna"], io().io)).toBe(2);
  });
});

describe("the authenticator", () => {
  let curators: Curators;
  let annaToken: string;
  beforeAll(async () => {
    const made = await newToken(CHEAP);
    annaToken = made.token;
    curators = { anna: { role: "curator", tokenId: made.tokenId, tokenHash: made.tokenHash } };
  });

  it("names the static token's holder api-token, an admin, and a curator by name", async () => {
    const authenticate = createAuthenticator({ apiToken: API_TOKEN, curators });
    expect(await authenticate(`Bearer ${API_TOKEN}`)).toEqual({ identity: { actor: "api-token", roles: ["admin"] } });
    expect(await authenticate(`bearer  ${annaToken} `)).toEqual({ identity: { actor: "anna", roles: ["curator"] } });
  });

  it("says why a header proves nobody, never repeating the token", async () => {
    const staticOnly = createAuthenticator({ apiToken: API_TOKEN });
    expect(await staticOnly(undefined)).toEqual({ reason: 'send the header "Authorization: Bearer <API_TOKEN>"' });
    expect(await staticOnly("Basic abc")).toEqual({ reason: 'the Authorization header must be "Bearer <API_TOKEN>"' });
    expect(await staticOnly("Bearer wrong-token-123")).toEqual({
      reason: "the bearer token is not the server's API_TOKEN",
    });

    const both = createAuthenticator({ apiToken: API_TOKEN, curators });
    expect(await both(undefined)).toEqual({
      reason:
        'send the header "Authorization: Bearer <token>" ' +
        "(the server's API_TOKEN, a curator's token from CURATORS_FILE)",
    });
    const unknown = await both(`Bearer ${annaToken.slice(0, -2)}zz`);
    expect(unknown).toEqual({
      reason: "the bearer token is not the server's API_TOKEN nor a curator's token from CURATORS_FILE",
    });
    expect(await createAuthenticator({})("Bearer x")).toEqual({
      reason: "the server has no API_TOKEN, CURATORS_FILE or JWT key configured, so mutations are disabled",
    });
  });
});
