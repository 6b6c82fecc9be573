//! Word classes for attribution: reporting verbs, titles, function words, and reading a run
//! of capitalised name words forwards or backwards from a position in a token stream.

use super::lexer::Token;
use crate::text::fold;

/// Reporting verbs in the forms news text uses them.
const CUE_VERBS: &[&str] = &[
    "say",
    "says",
    "said",
    "saying",
    "tell",
    "tells",
    "told",
    "telling",
    "add",
    "adds",
    "added",
    "note",
    "notes",
    "noted",
    "noting",
    "conclude",
    "concludes",
    "concluded",
    "believe",
    "believes",
    "believed",
    "warn",
    "warns",
    "warned",
    "warning",
    "insist",
    "insists",
    "insisted",
    "insisting",
    "argue",
    "argues",
    "argued",
    "arguing",
    "explain",
    "explains",
    "explained",
    "state",
    "states",
    "stated",
    "write",
    "writes",
    "wrote",
    "call",
    "calls",
    "called",
    "calling",
    "liken",
    "likens",
    "likened",
    "ask",
    "asks",
    "asked",
    "predict",
    "predicts",
    "predicted",
    "pledge",
    "pledges",
    "pledged",
    "vow",
    "vows",
    "vowed",
    "tout",
    "touts",
    "touted",
    "declare",
    "declares",
    "declared",
    "describe",
    "describes",
    "described",
    "recall",
    "recalls",
    "recalled",
    "acknowledge",
    "acknowledges",
    "acknowledged",
    "admit",
    "admits",
    "admitted",
    "claim",
    "claims",
    "claimed",
    "suggest",
    "suggests",
    "suggested",
    "stress",
    "stresses",
    "stressed",
    "emphasize",
    "emphasizes",
    "emphasized",
    "observe",
    "observes",
    "observed",
    "remark",
    "remarks",
    "remarked",
    "reply",
    "replies",
    "replied",
    "answer",
    "answered",
    "urge",
    "urges",
    "urged",
    "quip",
    "quipped",
    "continue",
    "continued",
    "continues",
    "agree",
    "agreed",
    "agrees",
    "announce",
    "announced",
    "announces",
    "thank",
    "thanked",
    "mused",
    "put",
    "tweeted",
    "reported",
    "shout",
    "shouted",
    "joked",
    "boasted",
    "complained",
    "conceded",
    "countered",
    "demanded",
    "demands",
    "report",
    "reports",
    "sing",
    "sings",
    "sang",
    "tweets",
    "assert",
    "asserts",
    "asserted",
    "reiterate",
    "reiterates",
    "reiterated",
    "respond",
    "responds",
    "responded",
    "caution",
    "cautions",
    "cautioned",
    "lament",
    "laments",
    "lamented",
    "exclaimed",
    "testified",
    "recounted",
    "confirm",
    "confirms",
    "confirmed",
    "yelled",
    "shouts",
    "jokes",
    "boasts",
    "complains",
    "concedes",
    "counters",
    "proclaim",
    "proclaims",
    "proclaimed",
    "interject",
    "interjects",
    "interjected",
    "retort",
    "retorts",
    "retorted",
    "snapped",
    "scoffed",
    "whispered",
    "wondered",
    "puts",
    "spoke",
    "speaks",
    "talked",
    "contend",
    "contends",
    "contended",
    "elaborated",
    "reacted",
    "promised",
    "promises",
    "assured",
    "assures",
    // Verbs of manner and attitude news uses for speech (`Toomey fumed`, `opined the paper`).
    "fumed",
    "barked",
    "opined",
    "surmised",
    "sniped",
    "blogged",
    "demurred",
    "exhorted",
    "commented",
    "affirmed",
    "mocked",
    "scolded",
    "chided",
    "gushed",
    "echoed",
    "indicated",
    "declares",
    "agrees",
    "boomed",
    "thundered",
    "bellowed",
    "pressed",
    "questioned",
    "remembered",
    // A crowd's chant is its words, not those of the speaker the paragraph is about.
    "chant",
    "chants",
    "chanted",
];

/// Participles that report what the subject of their clause said: `Trump attacked Clinton,
/// saying, "…"`.
const PARTICIPLES: &[&str] = &[
    "saying",
    "adding",
    "noting",
    "telling",
    "writing",
    "arguing",
    "insisting",
    "warning",
    "explaining",
    "declaring",
    "asking",
    "tweeting",
    "calling",
    "advising",
    "urging",
    "vowing",
    "promising",
    "predicting",
    "recalling",
    "stating",
    "claiming",
    "pledging",
    "contending",
    "suggesting",
    "asserting",
    "stressing",
    "lamenting",
    "conceding",
    "acknowledging",
    "admitting",
    "quipping",
    "remarking",
    "responding",
    "replying",
    "proclaiming",
    "joking",
    "boasting",
    "complaining",
    "chiding",
    "describing",
    "touting",
];

/// Verbs that may come before their subject right after a quote: `"…," said Xi`.
const INVERTIBLE: &[&str] = &[
    "say",
    "says",
    "said",
    "add",
    "adds",
    "added",
    "note",
    "notes",
    "noted",
    "conclude",
    "concludes",
    "concluded",
    "believe",
    "believes",
    "explain",
    "explains",
    "explained",
    "write",
    "writes",
    "wrote",
    "continue",
    "continued",
    "continues",
    "insist",
    "insisted",
    "insists",
    "argue",
    "argued",
    "argues",
    "warn",
    "warned",
    "warns",
    "recall",
    "recalled",
    "recalls",
    "observe",
    "observed",
    "remark",
    "remarked",
    "reply",
    "replied",
    "answer",
    "answered",
    "state",
    "stated",
    "quipped",
    "mused",
    "asked",
    "asks",
    "reported",
    "tweeted",
    "reacted",
    "contended",
    "elaborated",
    "declared",
    "declares",
    "agreed",
    "agrees",
    "opined",
    "admitted",
    "acknowledged",
    "conceded",
    "countered",
    "predicted",
    "recounted",
    "exclaimed",
    "joked",
    "complained",
    "boasted",
    "cautioned",
    "wondered",
    "remembered",
    "pressed",
];

/// Words that may stand between a subject and its verb: `Blinken just yesterday said`.
const ADVERBS: &[&str] = &[
    "has",
    "had",
    "have",
    "will",
    "would",
    "also",
    "once",
    "just",
    "then",
    "now",
    "yesterday",
    "today",
    "later",
    "earlier",
    "again",
    "still",
    "often",
    "has",
    "never",
    "always",
    "previously",
    "recently",
    "repeatedly",
    "openly",
    "publicly",
    "privately",
    "warmly",
    "firmly",
    "further",
    "even",
    // `Carter however said`: a connective set between the subject and its verb.
    "however",
    "reportedly",
    "later",
    "not",
    "subsequently",
    "bluntly",
    "flatly",
    // `Sanders himself acknowledged`: the reflexive only stresses the subject.
    "himself",
    "herself",
    "almost",
    "already",
];

/// Capitalised words that are never part of a person's name.
const FUNCTION: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "but",
    "and",
    "so",
    "yet",
    "as",
    "it",
    "its",
    "they",
    "this",
    "that",
    "these",
    "those",
    "he",
    "she",
    "we",
    "i",
    "you",
    "our",
    "his",
    "her",
    "their",
    "if",
    "when",
    "while",
    "after",
    "before",
    "since",
    "still",
    "indeed",
    "instead",
    "formally",
    "publicly",
    "officially",
    "well",
    "earlier",
    "meanwhile",
    "however",
    "also",
    "nor",
    "whether",
    "amid",
    "among",
    "beyond",
    "under",
    "over",
    "for",
    "from",
    "with",
    "without",
    "to",
    "by",
    "of",
    "enter",
    "imagine",
    "every",
    "each",
    "some",
    "many",
    "others",
    "analysts",
    "expect",
    "there",
    "here",
    "what",
    "who",
    "why",
    "how",
    "where",
    "which",
    "yes",
    "no",
    "okay",
    "ok",
    "thanks",
    "welcome",
    "stakes",
    "badly",
    "fundamentally",
    "more",
    "most",
    "both",
    "all",
    "one",
    "two",
    "three",
    "is",
    "was",
    "are",
    "were",
    "be",
    "do",
    "did",
    "does",
    "not",
    "would",
    "can",
    "could",
    "should",
    "said",
    "says",
    "like",
    "just",
    "even",
    "only",
    "then",
    "now",
    "today",
    "officially",
    "so",
    "together",
    "inside",
    "outside",
    "during",
    "through",
    "against",
    "because",
    "though",
    "although",
    "unlike",
    "despite",
    "according",
    "addressing",
    "until",
    "near",
    "into",
    "upon",
];

/// Titles, ranks and demonyms that precede a name and are not part of it.
const TITLES: &[&str] = &[
    "president",
    "speaker",
    "premier",
    "prime",
    "minister",
    "secretary",
    "state",
    "foreign",
    "defense",
    "defence",
    "deputy",
    "chancellor",
    "chairman",
    "chairwoman",
    "ambassador",
    "general",
    "gen.",
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sen.",
    "rep.",
    "gov.",
    "sens.",
    "reps.",
    "del.",
    "senator",
    "governor",
    "leader",
    "editor",
    "correspondent",
    "professor",
    "prof.",
    "king",
    "queen",
    "prince",
    "pope",
    "commander",
    "admiral",
    "colonel",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "russian",
    "chinese",
    "american",
    "ukrainian",
    "u.s.",
    "soviet",
    "kremlin",
    "chief",
    "vice",
    "senior",
    "former",
    "top",
    "our",
    "security",
    "council",
    "british",
    "french",
    "japanese",
    "taiwanese",
    "indian",
    "western",
    "german",
    "expert",
    "journalist",
    "analyst",
    "scholar",
    "adviser",
    "advisor",
    "host",
    "anchor",
    "reporter",
    "economist",
    "historian",
    "military",
    "political",
    "envoy",
    "official",
    "diplomat",
    "fellow",
    "director",
    "head",
    "founder",
    "author",
    "writer",
    "lord",
    "lady",
    "sir",
    "dame",
    "baroness",
    "baron",
    "miss",
    "mx",
    "rev",
    "rev.",
    "reverend",
    "mayor",
    "councillor",
    "councilman",
    "councilwoman",
    "lawyer",
    "solicitor",
    "barrister",
    "attorney",
    "campaigner",
    "activist",
    "detective",
    "inspector",
    "superintendent",
    "sergeant",
    "captain",
    "lieutenant",
    "coach",
    "manager",
    "singer",
    "actor",
    "actress",
    "producer",
    "presenter",
    "novelist",
    "mp",
    "mep",
    "msp",
    "labour",
    "conservative",
    "tory",
    "liberal",
    "democrat",
    "republican",
    "democratic",
    "shadow",
    "home",
    "chief",
    "executive",
    "ceo",
    "cfo",
    "coo",
    "u.k.",
    "u.n.",
    "gen",
    "lt.",
    "col.",
    "maj.",
    "capt.",
    "sgt.",
    "adm.",
    "ret.",
    "retired",
    "rep",
    "sen",
    "gov",
    "representative",
    "congressman",
    "congresswoman",
    "judge",
    "justice",
    "e.u.",
    "china",
    "russia",
    // Offices of American politics and religion written before a name (`Senate Majority Whip
    // John Cornyn`, `DNC Chair Debbie Wasserman Schultz`, `Archbishop Aris Shirvanian`): words
    // of description, so the name after them is read as the person.
    "whip",
    "chair",
    "commissioner",
    "comptroller",
    "treasurer",
    "assemblyman",
    "assemblywoman",
    "sheriff",
    "strategist",
    "pollster",
    "nominee",
    "archbishop",
    "bishop",
    "rabbi",
    "pastor",
    "imam",
];

/// Honorifics that tell a person's gender.
const MALE_HONORIFICS: &[&str] = &["mr", "mr.", "sir", "lord", "baron", "king", "prince", "father", "brother"];
const FEMALE_HONORIFICS: &[&str] =
    &["mrs", "mrs.", "ms", "ms.", "miss", "lady", "dame", "baroness", "queen", "princess", "sister"];

/// Common given names by gender: enough to tell `he` from `she` for most people news names.
const MALE_NAMES: &[&str] = &[
    "aaron",
    "adam",
    "adrian",
    "ahmed",
    "al",
    "alan",
    "alex",
    "alexander",
    "alexei",
    "ali",
    "andrei",
    "andrew",
    "angus",
    "anthony",
    "antony",
    "arthur",
    "barack",
    "ben",
    "benjamin",
    "bernard",
    "bernie",
    "bill",
    "billy",
    "bob",
    "bobby",
    "boris",
    "brad",
    "brian",
    "bruce",
    "carl",
    "carlos",
    "charles",
    "chris",
    "christopher",
    "chuck",
    "colin",
    "corey",
    "cory",
    "craig",
    "dan",
    "daniel",
    "danny",
    "darren",
    "dave",
    "david",
    "dennis",
    "derek",
    "dick",
    "dmitri",
    "dmitry",
    "don",
    "donald",
    "douglas",
    "duncan",
    "earl",
    "ed",
    "edward",
    "elijah",
    "eric",
    "evan",
    "francisco",
    "frank",
    "fred",
    "gabriel",
    "gary",
    "geoff",
    "geoffrey",
    "george",
    "gerald",
    "glenn",
    "gordon",
    "graham",
    "greg",
    "gregory",
    "guy",
    "hank",
    "harold",
    "harry",
    "henry",
    "howard",
    "hugh",
    "ian",
    "igor",
    "ivan",
    "jack",
    "jacob",
    "jake",
    "james",
    "jared",
    "jason",
    "jay",
    "jean-luc",
    "jeff",
    "jeffrey",
    "jeremy",
    "jerry",
    "jesse",
    "jim",
    "jimmy",
    "joe",
    "joel",
    "john",
    "johnny",
    "jon",
    "jonathan",
    "jorge",
    "jose",
    "joseph",
    "josh",
    "joshua",
    "juan",
    "justin",
    "karl",
    "keith",
    "ken",
    "kenneth",
    "kevin",
    "kurt",
    "kyle",
    "larry",
    "lee",
    "leo",
    "lewis",
    "luis",
    "luke",
    "malcolm",
    "marc",
    "marco",
    "mark",
    "martin",
    "marty",
    "matt",
    "matthew",
    "michael",
    "mike",
    "mikhail",
    "mitch",
    "mohammed",
    "muhammad",
    "nathan",
    "neil",
    "nicholas",
    "nick",
    "nigel",
    "oliver",
    "patrick",
    "paul",
    "peter",
    "phil",
    "philip",
    "pierre",
    "pieter",
    "raj",
    "ralph",
    "randy",
    "ray",
    "rex",
    "richard",
    "rick",
    "rob",
    "robby",
    "robert",
    "robin",
    "roger",
    "ron",
    "ronald",
    "roy",
    "rudy",
    "russell",
    "ryan",
    "sam",
    "samuel",
    "scott",
    "sean",
    "sergei",
    "sheldon",
    "simon",
    "stan",
    "stephen",
    "steve",
    "steven",
    "stuart",
    "ted",
    "terry",
    "thomas",
    "tim",
    "timothy",
    "todd",
    "tom",
    "tommy",
    "tony",
    "trevor",
    "tyler",
    "vladimir",
    "walter",
    "wayne",
    "william",
    "yuri",
];
const FEMALE_NAMES: &[&str] = &[
    "alice",
    "alison",
    "amanda",
    "amy",
    "ana",
    "angela",
    "ann",
    "anna",
    "anne",
    "anne-marie",
    "annie",
    "barbara",
    "betty",
    "carly",
    "carol",
    "caroline",
    "catherine",
    "cecile",
    "charlotte",
    "cherie",
    "christina",
    "christine",
    "claire",
    "clare",
    "debbie",
    "diana",
    "diane",
    "donna",
    "dorothy",
    "elaine",
    "eleanor",
    "elena",
    "elizabeth",
    "ellen",
    "emily",
    "emma",
    "erica",
    "eve",
    "fiona",
    "frances",
    "gillian",
    "gina",
    "gwen",
    "hannah",
    "harriet",
    "hazel",
    "heather",
    "helen",
    "hilary",
    "hillary",
    "irene",
    "jacqueline",
    "jane",
    "janet",
    "jean",
    "jeanne",
    "jennifer",
    "jenny",
    "jessica",
    "jill",
    "jo",
    "joan",
    "joni",
    "judith",
    "judy",
    "julia",
    "julie",
    "karen",
    "kate",
    "katherine",
    "kathleen",
    "kathy",
    "katie",
    "kelly",
    "kirsten",
    "kristen",
    "laura",
    "linda",
    "lisa",
    "loretta",
    "lorraine",
    "louise",
    "lucy",
    "lynn",
    "madeleine",
    "marcia",
    "margaret",
    "maria",
    "marie",
    "marsha",
    "mary",
    "maxine",
    "melanie",
    "michele",
    "michelle",
    "nancy",
    "natalia",
    "natasha",
    "nicola",
    "nikki",
    "nina",
    "olga",
    "patricia",
    "patsy",
    "pauline",
    "peggy",
    "rachel",
    "rebecca",
    "rose",
    "ruth",
    "sally",
    "samantha",
    "sandra",
    "sara",
    "sarah",
    "sharon",
    "sonia",
    "sophie",
    "stephanie",
    "sue",
    "susan",
    "tammy",
    "tessa",
    "theresa",
    "valerie",
    "victoria",
    "wendy",
    "yvonne",
    "zoe",
];

/// Words that make a capitalised run an institution (`Bank of England`, `Joint Committee on
/// Human Rights`): such a run speaks as an organisation, never as a person.
const INSTITUTION_WORDS: &[&str] = &[
    "academy",
    "administration",
    "agency",
    "association",
    "authority",
    "bank",
    "board",
    "bureau",
    "campaign",
    "center",
    "centre",
    "church",
    "club",
    "coalition",
    "college",
    "commission",
    "committee",
    "company",
    "congress",
    "corp",
    "corp.",
    "corporation",
    "council",
    "court",
    "department",
    "federation",
    "foundation",
    "fund",
    "government",
    "group",
    "inc",
    "inc.",
    "institute",
    "institution",
    "league",
    "ltd",
    "ministry",
    "network",
    "office",
    "organisation",
    "organization",
    "parliament",
    "party",
    "plc",
    "police",
    "reserve",
    "senate",
    "service",
    "society",
    "trust",
    "union",
    "university",
    "exchange",
    "tribunal",
    "panel",
    "forum",
    "alliance",
    "pictures",
    "studios",
    "airlines",
    "airways",
    "motors",
    // News outlets: `The New York Times reported`, `Fox News said`.
    "times",
    "post",
    "news",
    "journal",
    "herald",
    "tribune",
    "gazette",
    "telegraph",
    "chronicle",
    "ledger",
];

/// Common nouns by which news refers back to an organisation (`the bank said`, `the club said`).
const ORG_NOUNS: &[&str] = &[
    "agency",
    "association",
    "authority",
    "bank",
    "body",
    "campaign",
    "charity",
    "club",
    "commission",
    "committee",
    "company",
    "council",
    "department",
    "federation",
    "firm",
    "foundation",
    "fund",
    "government",
    "group",
    "institute",
    "league",
    "ministry",
    "network",
    "organisation",
    "organization",
    "party",
    "regulator",
    "retailer",
    "society",
    "studio",
    "team",
    "trust",
    "union",
    "university",
    "watchdog",
    "newspaper",
    "airline",
    "broadcaster",
    "carrier",
    "chain",
    "insurer",
    "lender",
    "manufacturer",
    "publisher",
    "operator",
    "maker",
    "giant",
    "board",
    "court",
    "office",
    "service",
    "store",
];

/// Words that make a capitalised run an organisation or a place, not a person.
const ORG_WORDS: &[&str] = &[
    "department",
    "ministry",
    "office",
    "council",
    "center",
    "centre",
    "institute",
    "institution",
    "university",
    "corp",
    "corp.",
    "party",
    "court",
    "house",
    "hall",
    "nations",
    "union",
    "times",
    "post",
    "news",
    "agency",
    "committee",
    "administration",
    "bank",
    "army",
    "forces",
    "government",
    "endowment",
    "foundation",
    "kremlin",
    "parliament",
    "duma",
    "network",
    "station",
    "radio",
    "television",
    "company",
    "group",
    "association",
    "organization",
    "organisation",
    "forum",
    "summit",
    "partnership",
    "road",
    "initiative",
    "street",
    "square",
    "palace",
    "airport",
    "sea",
    "river",
    "region",
    "province",
    "republic",
    "kingdom",
    "states",
    "federation",
    "nights",
    "siberia",
    "npr",
    "bbc",
    "cnn",
    "china",
    "russia",
    "beijing",
    "moscow",
    "ukraine",
    "taiwan",
    "washington",
    "harbin",
    "america",
    "europe",
    "africa",
    "asia",
    "india",
    "japan",
    "france",
    "iran",
    "arabia",
    "kong",
    "west",
    "east",
    "north",
    "south",
    "western",
    "eastern",
    "guard",
    "liberation",
    "criminal",
    "normal",
    "studies",
    "relations",
    "reliable",
    "celebration",
    "prize",
    "peace",
    "war",
    "award",
    "nobel",
    "games",
    "cup",
    "olympics",
    "amendment",
    "act",
    "state",
    "constitution",
    "hill",
    "city",
    "county",
    "avenue",
    "island",
    "energy",
    // Gatherings: `the Republican National Convention` is where people speak, never who.
    "convention",
    "conference",
    "caucus",
];

/// A reporting verb as news writes it: in lower case, or opening an inverted sentence (`Said
/// Ellis: "…"`). Capitalised, `States`, `Call` or `Note` is a name or a title.
pub fn is_cue_verb(word: &str) -> bool {
    let capital = word.chars().next().is_some_and(char::is_uppercase);
    let f = fold(word);
    (!capital || matches!(word, "Said" | "Says" | "Added" | "Adds" | "Continued" | "Stated"))
        && (CUE_VERBS.contains(&f.as_str()) || PARTICIPLES.contains(&f.as_str()))
}

/// `Clinton fired back`, `Hillary shot back`, `he pointed out`: a verb that reports speech
/// only with its particle; the cue is the verb at token `i`.
pub fn is_phrasal_cue(toks: &[Token<'_>], i: usize) -> bool {
    let (Some(v), Some(p)) = (toks.get(i), toks.get(i + 1)) else { return false };
    if !(v.is_word() && p.is_word()) || v.text.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    match p.text {
        "back" => matches!(
            fold(v.text).as_str(),
            "fired" | "fires" | "shot" | "shoots" | "hit" | "hits" | "struck" | "pushed"
        ),
        "out" => matches!(fold(v.text).as_str(), "pointed" | "points" | "lashed" | "lashes" | "spelled"),
        // `Trump issued the following statement:`: the statement that follows is the subject's.
        _ => {
            matches!(fold(v.text).as_str(), "issued" | "released" | "issues" | "releases")
                && toks[i + 1..].iter().take(4).position(|t| t.is_word() && fold(t.text) == "statement").is_some_and(
                    |k| {
                        toks[i + 1..i + 1 + k].iter().all(|t| {
                            t.is_word() && matches!(fold(t.text).as_str(), "a" | "the" | "this" | "following" | "brief")
                        }) && toks.get(i + 2 + k).is_some_and(|t| t.kind == super::lexer::Tok::Punct(':'))
                    },
                )
        }
    }
}

/// Verbs of manner that report speech only right after the quotation they report (`"…," Kelly
/// charged`, `"…!" beamed Hartley`, `"…," Trump went on`): elsewhere they mean something else
/// (`was charged with`, `went on television`).
const AFTER_QUOTE_VERBS: &[&str] = &[
    "charged",
    "charges",
    "beamed",
    "confessed",
    "confesses",
    "repeated",
    "repeats",
    "raved",
    "griped",
    "groused",
    "grumbled",
    "deadpanned",
    "marveled",
    "marvelled",
    "teased",
    "laughed",
    "sighed",
    "offered",
    "ventured",
    "chimed",
];

/// `"…," Kelly charged in her assault`, `"…!" beamed Donald Hartley`, `"…," Trump went on`: a
/// verb of [`AFTER_QUOTE_VERBS`] (or `went on`) at token `i`, right after a quotation that ends
/// on a comma, `?` or `!`, either before its subject or after a subject of a few name words.
/// After the verb (and its particle) only punctuation, a quote, an adverb or a preposition may
/// follow: `"…," Smith offered the court` gives no speech.
pub fn is_cue_after_quote(toks: &[Token<'_>], i: usize) -> bool {
    let Some(v) = toks.get(i).filter(|t| t.is_word() && t.text.chars().next().is_some_and(char::is_lowercase)) else {
        return false;
    };
    let went_on = matches!(v.text, "went" | "goes") && toks.get(i + 1).is_some_and(|t| t.text == "on");
    if !(AFTER_QUOTE_VERBS.contains(&v.text) || went_on) {
        return false;
    }
    let next = i + 1 + usize::from(went_on || v.text == "chimed" && toks.get(i + 1).is_some_and(|t| t.text == "in"));
    let free_after = toks.get(next).is_none_or(|t| match t.kind {
        super::lexer::Tok::Word => {
            is_adverb(t.text)
                || matches!(
                    t.text,
                    "in" | "at" | "on" | "to" | "during" | "after" | "before" | "as" | "with" | "from" | "while"
                )
        }
        _ => true,
    });
    // The quotation, and where the cue phrase starts after it.
    let quote_before = |k: usize| {
        let mut k = k;
        if k > 0 && toks[k - 1].kind == super::lexer::Tok::Punct(',') {
            k -= 1;
        }
        k > 0 && toks[k - 1].is_quote() && {
            let q = toks[k - 1];
            let inner = q.text.trim_end_matches(['"', '”', '’', ' ']);
            k < i && toks[k].kind == super::lexer::Tok::Punct(',') || inner.ends_with([',', '?', '!'])
        }
    };
    if quote_before(i) {
        // `"…!" beamed Hartley`: the subject follows, which the inverted reading resolves.
        return toks.get(next).is_some_and(|t| t.is_word() && is_name_word(t.text) || pronoun(t.text).is_some());
    }
    if !free_after {
        return false;
    }
    // `"…," Kelly charged`: a subject of one to three name words (or `he`, `she`) between.
    let mut k = i;
    while k > 0 && i - k < 3 && toks[k - 1].is_word() && is_name_word(toks[k - 1].text) {
        k -= 1;
    }
    if k == i && i > 0 && toks[i - 1].is_word() && matches!(pronoun(toks[i - 1].text), Some(Pronoun::He | Pronoun::She))
    {
        k -= 1;
    }
    k < i && quote_before(k)
}

/// Verbs by which news gives a subject's view in words that may be quoted (`Bolton thought the
/// buzz was "artificially nourished"`, `Cruz praised Bush as "a man who …"`), in lower case.
const VIEW_VERBS: &[&str] = &[
    "thought",
    "thinks",
    "worried",
    "worries",
    "criticized",
    "criticizes",
    "criticised",
    "praised",
    "praises",
    "slammed",
    "slams",
    "ripped",
    "rips",
    "attacked",
    "attacks",
    "accused",
    "accuses",
    "blasted",
    "blasts",
    "hailed",
    "hails",
    "dismissed",
    "dismisses",
    "derided",
    "derides",
    "estimated",
    "estimates",
    "pondered",
    "ponders",
    "lauded",
    "lauds",
    "defended",
    "defends",
    "blamed",
    "blames",
    "labeled",
    "labelled",
    "labels",
    "branded",
    "brands",
    "characterized",
    "characterizes",
    "denounced",
    "denounces",
    "condemned",
    "condemns",
    "dubbed",
    "dubs",
    "lambasted",
    "ridiculed",
    "rebuked",
    "feared",
    "fears",
    "hoped",
    "hopes",
    "expressed",
    "expresses",
    "supports",
    "opposes",
    "favors",
    "proposed",
    "proposes",
    "hinted",
    "hints",
    "welcomed",
    "welcomes",
    "credited",
    "credits",
    "mocked",
    "mocks",
    "touted",
    "touts",
];

pub fn is_view_verb(word: &str) -> bool {
    VIEW_VERBS.contains(&word)
}

/// The stem of a verb of view as its `-ing` form has it (`praising` → `prais`, `slamming` →
/// `slamm`): the stem with `ed` or `d` is the past form of a verb of view.
pub fn is_view_stem(stem: &str) -> bool {
    !stem.is_empty()
        && (VIEW_VERBS.contains(&format!("{stem}ed").as_str()) || VIEW_VERBS.contains(&format!("{stem}d").as_str()))
}

pub fn is_participle(word: &str) -> bool {
    PARTICIPLES.contains(&fold(word).as_str())
}

/// A dash that signs a quotation with its author's name: `"…" ― Ana Ruiz`.
pub fn is_dash(c: char) -> bool {
    matches!(c, '―' | '—' | '–')
}

pub fn is_invertible(word: &str) -> bool {
    INVERTIBLE.contains(&fold(word).as_str())
}

pub fn is_adverb(word: &str) -> bool {
    let w = fold(word);
    // `"…," Will wrote`: capitalised inside a sentence, the modal is a name (George Will).
    if w == "will" && word.starts_with('W') {
        return false;
    }
    // (An `-ly` word counts only as written in lower case: `Kelly said`, `Bradley wrote` are
    // names, not `quickly said`.)
    ADVERBS.contains(&w.as_str()) || (w.ends_with("ly") && w.len() > 4 && word.chars().all(|c| c.is_lowercase()))
}

/// Titles only a person bears, written right before a name (`President Obama`, `Sen. Cruz`,
/// `Secretary of State Kerry`): unlike `New` in `New York` or a demonym, they make the single
/// word after them a person's name.
const PERSON_TITLES: &[&str] = &[
    "president",
    "premier",
    "minister",
    "secretary",
    "chancellor",
    "chairman",
    "chairwoman",
    "ambassador",
    "gen.",
    "gen",
    "general",
    "sen.",
    "sen",
    "senator",
    "rep.",
    "rep",
    "sens.",
    "reps.",
    "del.",
    "representative",
    "congressman",
    "congresswoman",
    "gov.",
    "gov",
    "governor",
    "mayor",
    "judge",
    "justice",
    "professor",
    "prof.",
    "king",
    "queen",
    "prince",
    "pope",
    "admiral",
    "commander",
    "colonel",
    "lt.",
    "col.",
    "maj.",
    "capt.",
    "sgt.",
    "adm.",
    "rev.",
    "reverend",
    "speaker",
    "sheriff",
    "spokesman",
    "spokeswoman",
];

pub fn is_title(word: &str) -> bool {
    TITLES.contains(&fold(word).as_str())
}

/// A title only a person bears (see [`PERSON_TITLES`]).
pub fn is_person_title(word: &str) -> bool {
    PERSON_TITLES.contains(&fold(word).as_str())
}

/// A US party-and-state tag set after a politician's name: `R-Ky.`, `D-Md.`, `I-Vt.`.
pub fn is_party_tag(word: &str) -> bool {
    let mut parts = word.splitn(2, '-');
    let (Some(party), Some(state)) = (parts.next(), parts.next()) else { return false };
    matches!(party, "R" | "D" | "I") && state.chars().next().is_some_and(|c| c.is_ascii_uppercase()) && state.len() <= 6
}

/// The gender an honorific (`Mr`, `Mrs`, `Lord`) or a common given name tells, if any.
pub fn gender_of_word(word: &str) -> Option<super::people::Gender> {
    use super::people::Gender;
    let w = fold(word);
    if MALE_HONORIFICS.contains(&w.as_str()) || MALE_NAMES.contains(&w.as_str()) {
        Some(Gender::Male)
    } else if FEMALE_HONORIFICS.contains(&w.as_str()) || FEMALE_NAMES.contains(&w.as_str()) {
        Some(Gender::Female)
    } else {
        None
    }
}

/// Honorifics that may stand alone before a family name (`Mr Dein`, `Lord Falconer`).
pub fn is_honorific(word: &str) -> bool {
    let w = fold(word);
    MALE_HONORIFICS.contains(&w.as_str())
        || FEMALE_HONORIFICS.contains(&w.as_str())
        || matches!(w.as_str(), "dr" | "dr." | "prof" | "prof." | "professor" | "mx")
}

/// A title that is someone's role in an organisation (`CEO`, `president`), not the
/// organisation's own word (`council`): `CEO of Washington Restaurant Association`.
pub fn is_role(word: &str) -> bool {
    is_title(word) && !is_institution_word(word)
}

pub fn is_institution_word(word: &str) -> bool {
    INSTITUTION_WORDS.contains(&fold(strip_possessive(word)).as_str())
}

pub fn is_org_noun(word: &str) -> bool {
    ORG_NOUNS.contains(&fold(strip_possessive(word)).as_str())
}

/// An acronym such as `RAD`, `FBI`, `NATO` (two to six capitals).
pub fn is_acronym(word: &str) -> bool {
    let w = strip_possessive(word);
    (2..=6).contains(&w.len()) && w.chars().all(|c| c.is_ascii_uppercase())
}

/// The initials news abbreviates an organisation's name by (`International Criminal Court` →
/// `icc`, `Department of Homeland Security` → `dhs`): the first letters of its capitalised
/// words, connectors left out. Only for three to six such words (two initials are too
/// ambiguous to mean one body), and never for a name that already holds an acronym.
pub fn initials(words: &[String]) -> Option<String> {
    let capitals: Vec<&String> = words.iter().filter(|w| !is_name_connector(w)).collect();
    if !(3..=6).contains(&capitals.len())
        || capitals.iter().any(|w| !is_capitalised(w) || is_acronym(w) || !w.chars().any(char::is_lowercase))
    {
        return None;
    }
    Some(capitals.iter().filter_map(|w| w.chars().next()).flat_map(char::to_lowercase).collect())
}

/// A word that starts with a capital letter.
pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Lower-case words that join the capitalised words of one name (`Bank of England`, `Campaign
/// for Better Transport`, `Joint Committee on Human Rights`, `Marks & Spencer`).
pub fn is_name_connector(word: &str) -> bool {
    matches!(word, "of" | "for" | "on" | "and" | "&")
}

/// Lower-case particles inside names: `Pieter van der Berg`, `Charles de Gaulle`.
pub fn is_particle(word: &str) -> bool {
    matches!(
        word,
        "van"
            | "der"
            | "den"
            | "de"
            | "von"
            | "da"
            | "di"
            | "du"
            | "del"
            | "della"
            | "le"
            | "la"
            | "bin"
            | "ibn"
            | "al"
            | "dos"
            | "das"
            | "ter"
    )
}

/// Initials written with dots: `J.R.`, `J.`.
fn is_initials(word: &str) -> bool {
    let b = word.as_bytes();
    !b.is_empty() && b.len() <= 6 && b.chunks(2).all(|c| c.len() == 2 && c[0].is_ascii_uppercase() && c[1] == b'.')
}

pub fn is_org_word(word: &str) -> bool {
    ORG_WORDS.contains(&fold(strip_possessive(word)).as_str())
}

/// `Putin’s` → `Putin`.
pub fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("’s")
        .or_else(|| word.strip_suffix("'s"))
        .or_else(|| word.strip_suffix("s'").map(|w| &word[..w.len() + 1]))
        .or_else(|| word.strip_suffix("s’").map(|w| &word[..w.len() + 1]))
        .unwrap_or(word)
}

/// `Putin’s`, `Putin's`, and the plural-style `Eavis'`.
/// The first token of a description of someone that ends right before the comma at `comma`
/// (`his former partner at Lenox, …`, `Sanders's campaign manager, …`, `former aide, …`): at
/// most eight words of one sentence (`same_sentence`), from a determiner or possessive, or
/// from a common word, holding a common noun. `None` for anything else (`Clinton, …`).
pub fn description_before(toks: &[Token<'_>], comma: usize, same_sentence: impl Fn(usize) -> bool) -> Option<usize> {
    let mut back = comma;
    while back > 0 && comma - back < 8 && toks[back - 1].is_word() && same_sentence(back - 1) {
        back -= 1;
    }
    let lower = |k: usize| toks[k].text.chars().next().is_some_and(char::is_lowercase);
    let opens = |k: usize| {
        matches!(fold(toks[k].text).as_str(), "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our")
            || is_possessive(toks[k].text)
    };
    let from = (back..comma).find(|&k| opens(k)).or_else(|| (back < comma && lower(back)).then_some(back))?;
    (from..comma).any(|k| lower(k) && !opens(k) && !is_adverb(toks[k].text)).then_some(from)
}

pub fn is_possessive(word: &str) -> bool {
    word.ends_with("’s") || word.ends_with("'s") || word.ends_with("s'") || word.ends_with("s’")
}

/// A capitalised word that could be part of a name (not all capitals, not a function word).
pub fn is_name_word(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else { return false };
    if is_initials(word) && !is_title(word) {
        return true;
    }
    if !first.is_uppercase() || !word.chars().any(|c| c.is_lowercase()) {
        return false;
    }
    let base = strip_possessive(word);
    let f = fold(base);
    // `I’ve`, `I'm`: the first person, whose capital is no name's.
    let first_person = base.starts_with("I'") || base.starts_with("I’");
    !first_person
        && !FUNCTION.contains(&f.as_str())
        && !is_pronoun_form(&f)
        && !crate::text::is_calendar_word(&f)
        && base.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '\'' | '’'))
}

/// Object, reflexive and possessive forms of the pronouns (`Himself a former executive, Trump
/// …`, `Him`, `Theirs`): capitalised at the start of a sentence or in a headline, never a name.
/// (`Ben Carson Defends Himself` is no person called Himself.)
fn is_pronoun_form(folded: &str) -> bool {
    matches!(
        folded,
        "him"
            | "himself"
            | "herself"
            | "hers"
            | "itself"
            | "me"
            | "my"
            | "myself"
            | "mine"
            | "us"
            | "ourselves"
            | "your"
            | "yours"
            | "yourself"
            | "them"
            | "themselves"
            | "theirs"
    )
}

pub fn pronoun(word: &str) -> Option<Pronoun> {
    match fold(word).as_str() {
        "he" => Some(Pronoun::He),
        "she" => Some(Pronoun::She),
        "it" => Some(Pronoun::It),
        "they" | "we" | "you" | "i" => Some(Pronoun::Other),
        _ => None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pronoun {
    He,
    She,
    /// An organisation (`the bank … it said`).
    It,
    /// Plural or first/second person: never resolved to one speaker.
    Other,
}

/// A run of name words, titles stripped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameRun {
    /// The name words, in order (`["Vladimir", "Putin"]`).
    pub words: Vec<String>,
    /// Index range of the run in the token slice (titles included).
    pub first: usize,
    pub last: usize,
    /// Words before the name that describe the person (`military expert`, `Rand`).
    pub descriptor: Vec<String>,
    /// The run ends in a possessive (`Putin’s war`): a modifier, not a subject.
    pub possessive: bool,
    /// An honorific right before the name (`Mr`, `Mrs`, `Lord`, `Dr`), as written.
    pub honorific: Option<String>,
}

impl NameRun {
    /// The words a new person is registered under: the name, or for a bare family name after
    /// an honorific, `Lord Falconer` (news names peers and some officials only so).
    pub fn registrable(&self) -> Vec<String> {
        match (&self.honorific, self.words.len()) {
            (Some(h), 1) => vec![h.trim_end_matches('.').to_string(), self.words[0].clone()],
            _ => self.words.clone(),
        }
    }
}

/// Whether token `i` is a name particle that continues a name (`van der` in `Pieter van der Berg`).
fn particle_continues(toks: &[Token<'_>], i: usize) -> bool {
    let mut k = i;
    while k < toks.len() && toks[k].is_word() && is_particle(toks[k].text) && k < i + 3 {
        k += 1;
    }
    k > i && toks.get(k).is_some_and(|t| t.is_word() && is_name_word(t.text))
}

fn finish(mut run: Vec<(usize, &str)>) -> Option<NameRun> {
    if run.is_empty() {
        return None;
    }
    let first = run[0].0;
    let last = run[run.len() - 1].0;
    let possessive = is_possessive(run[run.len() - 1].1);
    // An organisation's possessive before a name is a descriptor: `Rand’s Charap`.
    let mut descriptor = Vec::new();
    if let Some(p) = run[..run.len() - 1].iter().rposition(|(_, w)| is_possessive(w)) {
        descriptor.push(run[..=p].iter().map(|(_, w)| strip_possessive(w)).collect::<Vec<_>>().join(" "));
        run.drain(..=p);
    }
    let mut titles = Vec::new();
    // `Transport Minister Anne-Marie Duval`: everything up to the last title word describes the
    // person, as long as a name remains after it.
    let is_t = |w: &str| is_title(w) || is_honorific(w);
    if let Some(k) = run[..run.len() - 1].iter().rposition(|(_, w)| is_t(w)) {
        if run[..k].iter().all(|(_, w)| !is_possessive(w)) {
            titles.extend(run.drain(..=k).map(|(_, w)| w));
        }
    }
    let honorific = titles.last().filter(|t| is_honorific(t)).map(|t| t.to_string());
    if !titles.is_empty() {
        descriptor.push(titles.join(" "));
    }
    let words: Vec<String> = run.iter().map(|(_, w)| strip_possessive(w).to_string()).collect();
    let name_words = words.iter().filter(|w| !is_particle(w)).count();
    // A title alone, or its plural (`Republicans`, `Senators`), names a group, not a person.
    let title_alone = |w: &String| {
        let f = fold(w);
        is_title(&f) || f.strip_suffix('s').is_some_and(is_title)
    };
    if words.is_empty()
        || name_words > 4
        || words.iter().any(|w| {
            is_org_word(w) && !family_name_of_place(&words, w)
                || is_institution_word(w)
                || title_alone(w) && words.len() == 1 && honorific.is_none()
        })
        || words.last().is_some_and(|w| is_particle(w))
    {
        return None;
    }
    Some(NameRun { words, first, last, descriptor, possessive, honorific })
}

/// Family names that are also words of places (`Marty West`, `Anita Hill`, `Tony Hall`): such a
/// word is a person's name when it ends a given name and a family name (`West Virginia`,
/// `Capitol Hill` and `City Hall` open with no given name), or stands alone, where only a
/// person the text names in full can be resolved from it.
fn family_name_of_place(words: &[String], w: &str) -> bool {
    const FAMILY: &[&str] = &["west", "north", "south", "hill", "hall", "court"];
    let given = |g: &str| {
        let f = fold(g);
        MALE_NAMES.contains(&f.as_str()) || FEMALE_NAMES.contains(&f.as_str())
    };
    FAMILY.contains(&fold(w).as_str())
        && words.last().is_some_and(|l| l == w)
        && (words.len() == 1 || words.len() == 2 && given(&words[0]))
}

/// The first token after `i`, within a few words of description, that opens a person's name by
/// a known given name followed by another name word: `Dick` in `Senate Minority Whip Dick
/// Durbin`, `Ryan` in `Republican strategist Ryan Williams`, `Terry` in `9/11 widow Terry
/// Strada`. Only words, dashes and slashes may stand between; a preposition (other than the
/// `of` of `Secretary of State`), a verb, a pronoun or a conjunction ends the search.
pub fn given_name_after(toks: &[Token<'_>], i: usize) -> Option<usize> {
    for k in i + 1..toks.len().min(i + 9) {
        let t = toks[k];
        let opens_name = t.is_word()
            && is_name_word(t.text)
            && !is_possessive(t.text)
            && gender_of_word(t.text).is_some()
            && !is_honorific(t.text)
            && toks.get(k + 1).is_some_and(|n| n.is_word() && is_name_word(n.text));
        if opens_name {
            return Some(k);
        }
        if !may_describe(t) {
            return None;
        }
    }
    None
}

/// `ranking Democrat`, `managing editor`, `acting director`, `outgoing chairman`: a form in
/// `-ing` that news sets before a role as part of its title, an adjective there and no verb.
fn is_role_participle(folded: &str) -> bool {
    matches!(
        folded,
        "ranking" | "managing" | "acting" | "outgoing" | "incoming" | "founding" | "visiting" | "presiding" | "leading"
    )
}

/// A token that may stand inside a description before a name (`Senate Minority Whip`, `9/11
/// widow`, `political scientist`, `ranking Democrat`): a word other than a preposition,
/// conjunction, verb or pronoun, or a dash or slash.
pub fn may_describe(t: Token<'_>) -> bool {
    const BREAKS: &[&str] = &["in", "on", "at", "for", "to", "by", "with", "from", "and", "or", "but", "that", "who"];
    match t.kind {
        super::lexer::Tok::Punct(c) => matches!(c, '/' | '-'),
        _ if !t.is_word() => false,
        _ => {
            let f = fold(t.text);
            let lower = t.text.chars().next().is_some_and(char::is_lowercase);
            let breaks = lower
                && (BREAKS.contains(&f.as_str())
                    || is_cue_verb(t.text)
                    || f.ends_with("ed")
                    || f.ends_with("ing") && !is_role_participle(&f));
            !breaks && pronoun(t.text).is_none()
        }
    }
}

/// Whether token `i` is the ordinal of a military rank (`1st` in `Air Force 1st Lt. Tyler
/// Livingston`): a number with its suffix before a capitalised title. It stands inside the
/// description, which [`finish`] strips with the title after it.
fn rank_ordinal(toks: &[Token<'_>], i: usize) -> bool {
    let w = fold(toks[i].text);
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let ordinal = !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit())
        && matches!(&w[digits.len()..], "st" | "nd" | "rd" | "th");
    ordinal
        && toks.get(i + 1).is_some_and(|t| t.is_word() && is_title(t.text) && is_capitalised(t.text))
        && toks.get(i + 2).is_some_and(|t| t.is_word() && is_name_word(t.text))
}

/// Reads a name forwards from `i`, skipping up to four lower-case descriptor or title words
/// (`noted military expert Mikhail Khodarenok`).
pub fn run_forward(toks: &[Token<'_>], mut i: usize) -> Option<NameRun> {
    let mut lead = Vec::new();
    let mut skipped = 0;
    while i < toks.len() && toks[i].is_word() && !is_name_word(toks[i].text) && skipped < 5 {
        let w = toks[i].text;
        let lower_desc = w.chars().next().is_some_and(|c| c.is_lowercase()) && !is_cue_verb(w) && pronoun(w).is_none();
        // `MSNBC host Chris Matthews`: an outlet's acronym before a lower-case role.
        let acronym_desc = is_acronym(w)
            && toks.get(i + 1).is_some_and(|n| n.is_word() && n.text.chars().next().is_some_and(char::is_lowercase));
        if !(lower_desc || acronym_desc || is_title(w) || rank_ordinal(toks, i)) {
            return None;
        }
        lead.push(w.to_string());
        i += 1;
        skipped += 1;
    }
    let mut run = Vec::new();
    while i < toks.len() {
        // `Marcia "Cia" Price`: a nickname between a given name and the family name is skipped.
        if !run.is_empty() && is_nickname(toks, i) {
            i += 1;
            continue;
        }
        if !(toks[i].is_word()
            && (is_name_word(toks[i].text)
                || (is_title(toks[i].text) || is_honorific(toks[i].text)) && is_capitalised(toks[i].text)
                || rank_ordinal(toks, i)
                || !run.is_empty() && particle_continues(toks, i)))
        {
            break;
        }
        run.push((i, toks[i].text));
        if is_possessive(toks[i].text) && !toks.get(i + 1).is_some_and(|t| t.is_word() && is_name_word(t.text)) {
            break;
        }
        i += 1;
    }
    let mut r = finish(run)?;
    let lead: Vec<String> = lead.into_iter().filter(|w| !matches!(w.as_str(), "a" | "an" | "the" | "of")).collect();
    if !lead.is_empty() {
        r.descriptor.insert(0, lead.join(" "));
    }
    Some(r)
}

/// A nickname in quote marks inside a name (`Marcia "Cia" Price`, `Juan "Chico" Manriquez`): one
/// capitalised word quoted right between two name words. It belongs to the name around it,
/// which would otherwise end before it.
fn is_nickname(toks: &[Token<'_>], i: usize) -> bool {
    let inner =
        toks[i].text.trim_matches(|c: char| matches!(c, '"' | '“' | '”' | '\'' | '‘' | '’') || c.is_whitespace());
    toks[i].is_quote()
        && !inner.contains(char::is_whitespace)
        && is_name_word(inner)
        && i > 0
        && toks[i - 1].is_word()
        && is_name_word(toks[i - 1].text)
        && !is_possessive(toks[i - 1].text)
        && toks.get(i + 1).is_some_and(|n| n.is_word() && is_name_word(n.text))
}

/// Reads a name backwards ending at `i` (inclusive): `U.S. Secretary of State Antony Blinken`.
pub fn run_backward(toks: &[Token<'_>], i: usize) -> Option<NameRun> {
    let mut run = Vec::new();
    let mut j = i as isize;
    while j >= 0 {
        let t = &toks[j as usize];
        let capital_title = (is_title(t.text) || is_honorific(t.text)) && is_capitalised(t.text);
        let particle = t.is_word()
            && is_particle(t.text)
            && !run.is_empty()
            && j > 0
            && toks[j as usize - 1].is_word()
            && (is_name_word(toks[j as usize - 1].text) || is_particle(toks[j as usize - 1].text));
        if t.is_word() && (is_name_word(t.text) || capital_title) || particle {
            run.push((j as usize, t.text));
            j -= 1;
        } else {
            break;
        }
    }
    run.reverse();
    // Leading titles that are real words of the sentence ("The") were stopped above;
    // `finish` strips titles and descriptors.
    finish(run)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_organisation_of_three_or_more_capitalised_words_is_abbreviated_by_their_initials() {
        let words = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
        assert_eq!(initials(&words("International Criminal Court")).as_deref(), Some("icc"));
        assert_eq!(initials(&words("Department of Homeland Security")).as_deref(), Some("dhs"));
        assert_eq!(initials(&words("Bank of England")), None, "two initials are too ambiguous");
        assert_eq!(initials(&words("NATO Parliamentary Assembly")), None, "already an acronym inside");
    }

    #[test]
    fn a_role_is_a_title_that_is_no_word_of_an_institution() {
        assert!(is_role("CEO"));
        assert!(is_role("president"));
        assert!(!is_role("Council"));
        assert!(!is_role("Washington"));
    }

    #[test]
    fn a_first_person_contraction_is_no_name_word() {
        assert!(!is_name_word("I’ve"));
        assert!(!is_name_word("I'm"));
        assert!(is_name_word("Ivan"));
    }

    #[test]
    fn an_object_or_reflexive_pronoun_is_no_name_word() {
        assert!(!is_name_word("Himself"));
        assert!(!is_name_word("Them"));
        assert!(is_name_word("Hims"), "only the pronoun itself");
        assert!(is_name_word("Myers"));
    }

    #[test]
    fn party_tags_are_a_party_letter_and_a_state() {
        assert!(is_party_tag("R-Ky."));
        assert!(is_party_tag("D-Vt"));
        assert!(!is_party_tag("Jean-Luc"));
        assert!(!is_party_tag("R-"));
    }

    #[test]
    fn capitalised_verb_forms_are_names_unless_they_open_an_inverted_cue() {
        assert!(is_cue_verb("states"));
        assert!(!is_cue_verb("States"));
        assert!(is_cue_verb("Said"));
    }

    #[test]
    fn a_plural_title_is_no_name() {
        let toks = crate::quotes::lexer::tokens("Republicans", crate::text::Span::new(0, 11), &[]);
        assert_eq!(run_forward(&toks, 0), None);
    }
}
