// When the JVM dies anyway, the log says why in words: out of memory, a signal, or an exit code with its last output.
import { describeExit } from "../../../src/neo4j/embedded";

describe("the description of an unexpected Neo4j exit", () => {
  it("says the heap was too small when the JVM ran out of heap (exit code 3 of -XX:+ExitOnOutOfMemoryError)", () => {
    const stderr = ["some warning", "Terminating due to java.lang.OutOfMemoryError: Java heap space"];
    expect(describeExit(3, null, stderr, 1024)).toBe(
      "ran out of memory (java.lang.OutOfMemoryError: Java heap space; exit code 3): " +
        "the Java heap (NEO4J_HEAP_MB=1024) was too small for what it was asked",
    );
  });

  it("says memory outside the heap ran short for a Metaspace or direct-buffer OutOfMemoryError", () => {
    const stderr = ["Terminating due to java.lang.OutOfMemoryError: Direct buffer memory"];
    expect(describeExit(3, null, stderr, 512)).toBe(
      "ran out of memory (java.lang.OutOfMemoryError: Direct buffer memory; exit code 3): " +
        "memory outside the Java heap (NEO4J_HEAP_MB=512) ran short",
    );
  });

  it("reads exit code 3 as running out of memory even when stderr was lost", () => {
    expect(describeExit(3, null, [], 256)).toBe(
      "exited with code 3, the JVM's code for running out of memory: " +
        "the Java heap (NEO4J_HEAP_MB=256) was probably too small",
    );
  });

  it("names SIGKILL and who sends it", () => {
    expect(describeExit(null, "SIGKILL", ["whatever"], 1024)).toBe(
      "was killed by SIGKILL (by another process or the kernel's out-of-memory killer)",
    );
  });

  it("reads 128 + n as the signal the JVM handled itself", () => {
    expect(describeExit(143, null, [], 1024)).toBe("was stopped by SIGTERM from another process (exit code 143)");
    expect(describeExit(137, null, [], 1024)).toBe(
      "was killed by SIGKILL (by another process or the kernel's out-of-memory killer; exit code 137)",
    );
  });

  it("names other signals plainly", () => {
    expect(describeExit(null, "SIGSEGV", [], 1024)).toBe("was ended by SIGSEGV");
  });

  it("otherwise gives the exit code with the last lines on stderr", () => {
    const stderr = ["line 1", "line 2", "line 3", "line 4", "line 5", "java.io.IOException: No space left on device"];
    expect(describeExit(1, null, stderr, 1024)).toBe(
      "exited with code 1 " +
        "(last output: line 2 | line 3 | line 4 | line 5 | java.io.IOException: No space left on device)",
    );
    expect(describeExit(0, null, [], 1024)).toBe("exited with code 0 without output on stderr");
  });
});
