// The first run of a Cypher text goes alone, so that Neo4j plans it once: the same text waits for it (whatever its
// outcome), other texts do not, and texts already run go at once; the texts remembered are bounded.
import { FirstRuns } from "../../../../src/graph/runtime/firstRuns";

const settle = () => new Promise((r) => setTimeout(r, 0));

/** Work that runs until the test lets it finish, counting how often it started. */
function held() {
  let finish: (value: string) => void = () => {};
  let fail: (e: Error) => void = () => {};
  let started = 0;
  const done = new Promise<string>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  return {
    work: () => {
      started += 1;
      return done;
    },
    finish,
    fail,
    started: () => started,
  };
}

describe("FirstRuns", () => {
  it("lets the first run of a text go alone and the same text follow once it finished", async () => {
    const runs = new FirstRuns();
    const first = held();
    const later = held();
    const a = runs.run("MATCH (n) RETURN n", first.work);
    const b = runs.run("MATCH (n) RETURN n", later.work);
    const c = runs.run("MATCH (n) RETURN n", later.work);
    await settle();
    expect([first.started(), later.started()]).toEqual([1, 0]);
    first.finish("first");
    await settle();
    expect(later.started()).toBe(2);
    later.finish("later");
    expect(await Promise.all([a, b, c])).toEqual(["first", "later", "later"]);
    expect(runs.size).toBe(1);
  });

  it("does not hold back other texts, nor a text that ran before", async () => {
    const runs = new FirstRuns();
    await runs.run("RETURN 1", async () => 1);
    const one = held();
    const two = held();
    const again = runs.run("RETURN 1", one.work);
    const other = runs.run("RETURN 2", two.work);
    await settle();
    expect([one.started(), two.started()]).toEqual([1, 1]);
    one.finish("1");
    two.finish("2");
    expect([await again, await other]).toEqual(["1", "2"]);
  });

  it("lets the waiting runs go when the first one fails, and remembers nothing of it", async () => {
    const runs = new FirstRuns();
    const first = held();
    const failing = runs.run("RETURN x", first.work);
    const waiting = runs.run("RETURN x", async () => "second");
    first.fail(new Error("Neo4j refused it"));
    await expect(failing).rejects.toThrow("Neo4j refused it");
    await expect(waiting).resolves.toBe("second");
    expect(runs.size).toBe(1);
  });

  it("forgets the oldest text past its capacity, which then goes alone again", async () => {
    const runs = new FirstRuns(2);
    for (const text of ["RETURN 1", "RETURN 2", "RETURN 3"]) await runs.run(text, async () => text);
    expect(runs.size).toBe(2);
    const first = held();
    const later = held();
    void runs.run("RETURN 1", first.work);
    void runs.run("RETURN 1", later.work);
    await settle();
    expect([first.started(), later.started()]).toEqual([1, 0]);
    first.finish("done");
    await settle();
    expect(later.started()).toBe(1);
  });
});
