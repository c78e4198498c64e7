// Checks for what the embedded Neo4j needs (Java 17+, Maven) and builds the launcher once, with errors a user can act
// on.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export class PrerequisiteError extends Error {}

export interface LauncherBuild {
  /** The java classpath: the launcher's classes and Neo4j's jars from ~/.m2. */
  classpath: string;
  javaBin: string;
}

function javaMajorVersion(javaBin: string): number | undefined {
  const run = spawnSync(javaBin, ["-version"], { encoding: "utf8" });
  if (run.error) return undefined;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${run.stderr}${run.stdout}`);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 ? Number(match[2]) : first;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

function findJava(): string {
  const fromHome = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, "bin", "java") : undefined;
  const javaBin = fromHome && fs.existsSync(fromHome) ? fromHome : "java";
  const major = javaMajorVersion(javaBin);
  if (major === undefined) {
    throw new PrerequisiteError(
      "Java was not found: the embedded Neo4j needs a JDK 17 or newer on the PATH " +
        "(Debian/Ubuntu: apt-get install openjdk-17-jdk-headless), or set NEO4J_URI to use an existing Neo4j.",
    );
  }
  if (major < 17) {
    throw new PrerequisiteError(
      `Java ${major} was found, but Neo4j 5.26 needs Java 17 or newer: install a JDK 17+ or set JAVA_HOME to one.`,
    );
  }
  return javaBin;
}

/**
 * Builds neo4j/ with Maven when its classes are missing or older than its sources; the first build downloads Neo4j's
 * jars.
 */
export function ensureLauncherBuilt(launcherDir: string, log: (line: string) => void): LauncherBuild {
  const javaBin = findJava();
  const classpathFile = path.join(launcherDir, "target", "classpath.txt");
  // Maven leaves classpath.txt untouched when it did not change; this stamp records the last successful build.
  const stamp = path.join(launcherDir, "target", "build.stamp");
  const classesDir = path.join(launcherDir, "target", "classes");
  const sourcesMtime = Math.max(
    newestMtime(path.join(launcherDir, "src")),
    fs.statSync(path.join(launcherDir, "pom.xml")).mtimeMs,
  );
  const built =
    fs.existsSync(stamp) &&
    fs.existsSync(classpathFile) &&
    fs.existsSync(path.join(classesDir, "kg", "launcher", "Launcher.class"));
  if (!built || fs.statSync(stamp).mtimeMs < sourcesMtime) {
    const mvnCheck = spawnSync("mvn", ["--version"], { encoding: "utf8" });
    if (mvnCheck.error) {
      throw new PrerequisiteError(
        "Maven (mvn) was not found: it fetches Neo4j from Maven Central on the first start " +
          "(Debian/Ubuntu: apt-get install maven), or set NEO4J_URI to use an existing Neo4j.",
      );
    }
    log(
      "Building the Neo4j launcher with Maven " +
        "(the first run downloads Neo4j 5.26 into ~/.m2, which takes a few minutes)…",
    );
    const build = spawnSync("mvn", ["-B", "-q", "-f", path.join(launcherDir, "pom.xml"), "package", "-DskipTests"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    if (build.status !== 0) {
      const output = `${build.stdout}\n${build.stderr}`.trim().split("\n").slice(-15).join("\n");
      throw new PrerequisiteError(`Building the Neo4j launcher failed (mvn -f neo4j/pom.xml package):\n${output}`);
    }
    fs.writeFileSync(stamp, new Date().toISOString());
  }
  const jars = fs.readFileSync(classpathFile, "utf8").trim();
  return { classpath: `${classesDir}${path.delimiter}${jars}`, javaBin };
}
