// The words extraction relies on: speech verbs (cues), pronouns, titles, and the nouns of descriptions
// ("the minister", "the company") that stand for a speaker named earlier.

/** Speech verbs in every form a wire report uses, mapped to their tense. */
const CUE_STEMS: Record<string, [past: string, present: string, perfect?: string]> = {
  say: ["said", "says"],
  tell: ["told", "tells"],
  add: ["added", "adds"],
  stress: ["stressed", "stresses"],
  note: ["noted", "notes"],
  write: ["wrote", "writes", "written"],
  insist: ["insisted", "insists"],
  argue: ["argued", "argues"],
  warn: ["warned", "warns"],
  claim: ["claimed", "claims"],
  deny: ["denied", "denies"],
  announce: ["announced", "announces"],
  confirm: ["confirmed", "confirms"],
  explain: ["explained", "explains"],
  declare: ["declared", "declares"],
  state: ["stated", "states"],
  reply: ["replied", "replies"],
  respond: ["responded", "responds"],
  acknowledge: ["acknowledged", "acknowledges"],
  admit: ["admitted", "admits"],
  assert: ["asserted", "asserts"],
  maintain: ["maintained", "maintains"],
  continue: ["continued", "continues"],
  recall: ["recalled", "recalls"],
  urge: ["urged", "urges"],
  predict: ["predicted", "predicts"],
  promise: ["promised", "promises"],
  pledge: ["pledged", "pledges"],
  vow: ["vowed", "vows"],
  suggest: ["suggested", "suggests"],
  tweet: ["tweeted", "tweets"],
  comment: ["commented", "comments"],
  blog: ["blogged", "blogs"],
  reiterate: ["reiterated", "reiterates"],
  testify: ["testified", "testifies"],
  exclaim: ["exclaimed", "exclaims"],
  proclaim: ["proclaimed", "proclaims"],
  lament: ["lamented", "laments"],
  boast: ["boasted", "boasts"],
  plead: ["pleaded", "pleads"],
  reveal: ["revealed", "reveals"],
  post: ["posted", "posts"],
  ask: ["asked", "asks"],
  concede: ["conceded", "concedes"],
  complain: ["complained", "complains"],
  agree: ["agreed", "agrees"],
  accuse: ["accused", "accuses"],
  demand: ["demanded", "demands"],
  reject: ["rejected", "rejects"],
  emphasise: ["emphasised", "emphasises"],
  emphasize: ["emphasized", "emphasizes"],
  indicate: ["indicated", "indicates"],
  report: ["reported", "reports"],
  repeat: ["repeated", "repeats"],
  describe: ["described", "describes"],
  call: ["called", "calls"],
  quip: ["quipped", "quips"],
  joke: ["joked", "jokes"],
  recount: ["recounted", "recounts"],
  remark: ["remarked", "remarks"],
  observe: ["observed", "observes"],
  conclude: ["concluded", "concludes"],
  caution: ["cautioned", "cautions"],
  counter: ["countered", "counters"],
  believe: ["believed", "believes"],
  estimate: ["estimated", "estimates"],
  forecast: ["forecast", "forecasts"],
  // '"…," read a banner': words a sign, a statement or a placard carries.
  read: ["read", "reads"],
};

export type CueTense = "past" | "present" | "participle";

export const CUES = new Map<string, { stem: string; tense: CueTense }>();
for (const [stem, [past, present, perfect]] of Object.entries(CUE_STEMS)) {
  CUES.set(past, { stem, tense: "past" });
  CUES.set(present, { stem, tense: "present" });
  if (perfect) CUES.set(perfect, { stem, tense: "past" });
  CUES.set(stem.endsWith("e") ? `${stem.slice(0, -1)}ing` : `${stem}ing`, { stem, tense: "participle" });
}
CUES.set("saying", { stem: "say", tense: "participle" });
CUES.set("telling", { stem: "tell", tense: "participle" });
CUES.set("writing", { stem: "write", tense: "participle" });

/** Verbs that introduce reported speech on their own ("X said that …"): the narrower, safer set. */
export const REPORTING_STEMS = new Set([
  "say",
  "tell",
  "add",
  "stress",
  "note",
  "write",
  "insist",
  "argue",
  "warn",
  "claim",
  "deny",
  "announce",
  "confirm",
  "explain",
  "declare",
  "state",
  "acknowledge",
  "admit",
  "assert",
  "maintain",
  "predict",
  "promise",
  "pledge",
  "vow",
  "suggest",
  "concede",
  "complain",
  "accuse",
  "urge",
  "emphasise",
  "emphasize",
  "indicate",
  "report",
  "believe",
  "estimate",
  "forecast",
  "caution",
  "reject",
  "demand",
  "repeat",
]);

/**
 * Verbs that report what someone said with an object rather than a clause ("X urged Y to …", "X described A as B",
 * "X blamed Y for …"), read only for reported speech. Each maps to its stem; the stems among CUES are listed too.
 */
const OBJECT_VERB_STEMS: Record<string, [past: string, present: string]> = {
  blame: ["blamed", "blames"],
  praise: ["praised", "praises"],
  criticise: ["criticised", "criticises"],
  criticize: ["criticized", "criticizes"],
  condemn: ["condemned", "condemns"],
  request: ["requested", "requests"],
  recommend: ["recommended", "recommends"],
  express: ["expressed", "expresses"],
  question: ["questioned", "questions"],
  applaud: ["applauded", "applauds"],
  laud: ["lauded", "lauds"],
  propose: ["proposed", "proposes"],
  dismiss: ["dismissed", "dismisses"],
  highlight: ["highlighted", "highlights"],
  "point out": ["pointed out", "points out"],
  remind: ["reminded", "reminds"],
  allege: ["alleged", "alleges"],
  imply: ["implied", "implies"],
  mention: ["mentioned", "mentions"],
  regret: ["regretted", "regrets"],
  outline: ["outlined", "outlines"],
  advise: ["advised", "advises"],
  "call for": ["called for", "calls for"],
  "refer to": ["referred to", "refers to"],
  "disagree with": ["disagreed with", "disagrees with"],
  chastise: ["chastised", "chastises"],
  reveal: ["revealed", "reveals"],
  confess: ["confessed", "confesses"],
  "point to": ["pointed to", "points to"],
  threaten: ["threatened", "threatens"],
  congratulate: ["congratulated", "congratulates"],
};
export const OBJECT_VERBS = new Map<string, { stem: string; tense: CueTense }>();
for (const [stem, [past, present]] of Object.entries(OBJECT_VERB_STEMS)) {
  OBJECT_VERBS.set(past, { stem, tense: "past" });
  OBJECT_VERBS.set(present, { stem, tense: "present" });
}
/** Stems whose object is what was said, with or without "that": the verbs above and these cues. */
export const OBJECT_STEMS = new Set([
  ...Object.keys(OBJECT_VERB_STEMS),
  "describe",
  "urge",
  "accuse",
  "demand",
  "deny",
  "reject",
  "announce",
  "suggest",
  "warn",
]);

/** What a writer of posts is called ("the blogger", "commenter X"): an introduction's subject, a writer named again. */
export const WRITER_NOUNS = [
  "blogger",
  "user",
  "twitterer",
  "tweeter",
  "netizen",
  "writer",
  "journalist",
  "activist",
  "author",
  "poet",
  "columnist",
  "commentator",
  "commenter",
];

/**
 * The ones of those that, said again with "the" ("According to the blogger:"), mean the writer of the post before: not
 * "the journalist" or "the activist", who is as often someone the post's writer speaks of.
 */
export const WRITER_AGAIN = [
  "blogger",
  "writer",
  "author",
  "columnist",
  "commenter",
  "commentator",
  "poet",
  "tweeter",
  "user",
];

export const PRONOUNS: Record<string, "male" | "female" | "plural"> = {
  he: "male",
  she: "female",
  they: "plural",
  we: "plural",
};

/** Titles written before a name ("Foreign Minister Anna Kovacs", "Mr Novak"); lower-case, word by word. */
export const TITLE_WORDS = new Set(
  (
    "president vice prime minister deputy foreign defence defense finance interior justice health economy " +
    "economic trade energy secretary general spokesman spokeswoman spokesperson chancellor premier " +
    "ambassador envoy senator governor mayor judge justice chief executive officer chairman chairwoman chair " +
    "director head leader commander coach manager captain professor dr mr mrs ms sir dame lord lady king queen " +
    "prince princess pope cardinal bishop rabbi imam sheikh general colonel major lieutenant admiral sergeant " +
    "representative rep sen gov state national central bank treasury commissioner chief economist analyst " +
    "lawyer attorney prosecutor detective inspector officer striker midfielder defender goalkeeper forward " +
    "president-elect ceo cfo coo founder co-founder opposition party lawmaker mp mep official councillor " +
    "councilor speaker minister-president crown high representative blogger commenter activist journalist " +
    "columnist writer author poet rapper novelist photographer editor reporter"
  ).split(" "),
);

/** A title word, abbreviated or plural too: "Sen.", "Sens.", "Senators" (before two names: "Senators A and B"). */
export function isTitleWord(word: string): boolean {
  const w = word.replace(/\.$/, "").toLowerCase();
  return TITLE_WORDS.has(w) || (w.length > 3 && w.endsWith("s") && TITLE_WORDS.has(w.slice(0, -1)));
}

export const HONORIFIC_GENDER: Record<string, "male" | "female"> = {
  mr: "male",
  "mr.": "male",
  mrs: "female",
  "mrs.": "female",
  ms: "female",
  "ms.": "female",
  sir: "male",
  dame: "female",
  lord: "male",
  lady: "female",
  king: "male",
  queen: "female",
  prince: "male",
  princess: "female",
  spokesman: "male",
  spokeswoman: "female",
  chairman: "male",
  chairwoman: "female",
};

/** Nouns an organization is referred back to with ("the company said"). */
export const ORGANIZATION_NOUNS = new Set(
  (
    "company firm group ministry government bank court commission council agency party club union committee church " +
    "organisation organization department office authority authorities regulator board alliance federation " +
    "league association institute university hospital police army military navy parliament assembly " +
    "tribunal cabinet administration kremlin presidency embassy secretariat fund airline carrier operator " +
    "utility producer manufacturer maker insurer lender exchange coalition campaign movement network " +
    "broadcaster newspaper team side"
  ).split(" "),
);

/** Last words that make a capitalised name an organization's ("Helion Systems", "Finance Ministry"). */
export const ORGANIZATION_HEADS = new Set(
  (
    "ministry commission council bank agency party court union committee group inc ltd plc corp corporation church " +
    "company co systems industries holdings airlines airways motors energy foundation institute university " +
    "association federation league fund authority office service services department organisation " +
    "organization parliament assembly tribunal administration board alliance front movement club fc united " +
    "city network partners capital media times post news press reuters labs technologies pharma " +
    "pharmaceuticals bancorp trust police army navy guard forces secretariat senate congress duma rada " +
    "government cabinet presidency kremlin embassy mission delegation exchange observatory hospital clinic chamber"
  ).split(" "),
);

/** Last words of a venue's name ("Ciragan Palace", "Palais des Nations"). */
export const VENUE_HEADS = new Set(
  (
    "palace hotel hall centre center stadium arena square building house castle airport port harbour " +
    "harbor station park court courthouse parliament cathedral church mosque temple museum theatre theater " +
    "university campus base island bridge street avenue summit resort"
  ).split(" "),
);

/** Capitalised words that start sentences or name days and months, never names of speakers. */
export const NOT_NAMES = new Set(
  (
    "the a an this that these those it its he she they we i you his her their our my your in on at by for of to " +
    "from with and but or if as after before while whilst when where since despite although though unless " +
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august " +
    "september october november december today yesterday tomorrow asked speaking earlier later last next meanwhile " +
    "however still also now then there here one two three some many most several quote update editing " +
    "reporting writing additional i'm i’m i've i’ve i'd i’d i'll i’ll"
  ).split(" "),
);
