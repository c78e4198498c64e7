import { loadNews } from "./news-corpus";
import { extract } from "../src/ingest/extract";
import { covers, goldItems, sameSpeaker } from "./eval-news";
const arts = loadNews().filter(
  (a) => a.set === "tune" && (process.argv[2] === "all" || a.collection === process.argv[2]),
);
let n = 0;
const skip = Number(process.argv[3] ?? 0);
for (const a of arts) {
  const items = goldItems(a.annotation.quotes).filter((g) => g.speakers.some((s) => s.speakerType !== "unnamed"));
  const r = extract(a.text, { publishedOn: a.publishedOn });
  for (const g of items) {
    const st = r.statements.find((s) => s.kind === "DIRECT_QUOTE" && covers(s.evidence, g));
    if (st && g.speakers.some((s) => sameSpeaker([st.speaker.name, ...st.speaker.aliases], s))) continue;
    const un = r.unattributed.find((u) => covers(u.parts, g));
    n++;
    if (n <= skip || n > skip + 30) continue;
    const p = a.text.lastIndexOf("\n", g.start - 2);
    const before = a.text.slice(Math.max(0, p - 140), g.start).replace(/\n/g, " ⏎ ");
    const what = st
      ? `WRONG ${st.speaker.name} ${st.confidence}`
      : un
        ? `UNATTR ${un.suggested?.entity.name ?? "-"} ${un.suggested?.confidence ?? ""} (${un.reason.slice(0, 40)})`
        : "NOTFOUND";
    console.log(
      `${g.speakers[0]!.speaker} | ${what} | …${before.slice(-150)}⟦` +
        a.text.slice(g.start, g.start + 30).replace(/\n/g, " "),
    );
  }
}
console.log("total", n);
