// Which requests a cross-site page could make a browser send without a preflight (a POST with a form's content
// type or none, unless it carries a header that forces the preflight. GETs are never refused here (queries only).
import { cachePolicy } from "../../../src/http/answers/cacheControl";
import { isSimplePost } from "../../../src/http/access/csrf";

describe("cross-site request forgery", () => {
  it("takes a POST with a form's content type, or none, for one a cross-site page could send", () => {
    for (const type of [
      undefined,
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
    ]) {
      expect(isSimplePost("POST", type ? { "content-type": type } : {})).toBe(true);
    }
  });

  it("lets through a JSON POST, a POST with a preflight header, and any GET", () => {
    expect(isSimplePost("POST", { "content-type": "application/json; charset=utf-8" })).toBe(false);
    expect(isSimplePost("POST", { "content-type": "text/plain", "apollo-require-preflight": "true" })).toBe(false);
    expect(isSimplePost("POST", { "x-apollo-operation-name": "Who" })).toBe(false);
    expect(isSimplePost("GET", {})).toBe(false);
  });
});

describe("cache policy", () => {
  const answer = { method: "GET", operation: "query", hasToken: false, hasErrors: false, maxAgeS: 30 };
  it("makes a public GET query cacheable and everything else no-store", () => {
    expect(cachePolicy(answer)).toBe('public, max-age=30, private="x-request-id"');
    expect(cachePolicy({ ...answer, maxAgeS: 0 })).toBe("no-store");
    expect(cachePolicy({ ...answer, method: "POST" })).toBe("no-store");
    expect(cachePolicy({ ...answer, operation: "mutation" })).toBe("no-store");
    expect(cachePolicy({ ...answer, hasToken: true })).toBe("no-store");
    expect(cachePolicy({ ...answer, hasErrors: true })).toBe("no-store");
  });
});
