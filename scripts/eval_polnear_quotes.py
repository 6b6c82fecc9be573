#!/usr/bin/env python3
"""Quote-level precision and recall of (quote span, speaker) on PolNeAR, read from `summitbot quotes --json`.

    cargo build --release
    python3 scripts/eval_polnear_quotes.py [--split dev] [--bin target/release/summitbot] [--failures 20]

Gold (../shared/data/polnear/<split>, first annotator of each article, as ../shared/eval/polnear/run.py):
every attribution whose Content holds a direct quotation, i.e. text inside double quote marks of at
least three words. Each such quotation is one gold quote; its speaker is the attribution's Source:
  - a name ("Mr. Obama", "Hillary Clinton", "Secretary of State John F. Kerry") is matched by the
    head of the source's noun phrase, or of an apposition ("Scott's niece, Del. Marcia Price" -> Price);
  - a phrase headed by a common noun ("a spokesman", "Clinton's campaign", "Other leaders") is nominal
    and cannot be matched by name (the quote is not scored);
  - a pronoun takes the key of the nearest Source labelled before it in the text (see
    resolve_sources; the annotators resolve no coreference, so this is an approximation: it is
    right when the article speaks of one person at a time, which news mostly does, and wrong when
    the antecedent is named only in narrative that carries no Source label).
A predicted quote is a quoted part (`parts`) from `summitbot quotes --json`. It matches a gold quote
when their spans overlap. Precision counts predicted parts that carry a speaker and overlap a gold
quote with a named speaker: right when the predicted speaker holds the gold key as a word. Recall
counts gold quotes with a named speaker that some predicted part overlaps with the right speaker.
Predicted parts with a speaker that overlap no gold quote at all are listed as "unmatched" (scare
quotes or titles given a speaker, or gold the annotators missed).

The texts are written only under --work; never commit them.
"""
import argparse
import csv
import json
import os
import re
import shutil
import subprocess
import sys

PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "his", "its", "their",
            "who", "which", "that", "whom"}
SKIP_CAPS = {"The", "A", "An", "This", "That", "These", "Those", "Mr.", "Mrs.", "Ms.", "Dr.", "Sen.",
             "Rep.", "Gov.", "President", "Mr", "Mrs", "Ms", "Dr", "Senator", "Secretary", "Gen."}
TITLES = {"Secretary", "Director", "Minister", "Chairman", "Chairwoman", "Chair", "Governor", "Mayor", "Attorney",
          "General", "Speaker", "Leader", "President", "Vice", "Press", "Chief", "Head", "Commissioner"}
QUOTE = re.compile(r"[\"\u201c]([^\"\u201c\u201d]+)[\"\u201d]")


def parse_ann(text):
    spans, events = {}, []
    for line in text.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 3:
            kind, *offs = parts[1].replace(";", " ").split()
            spans[parts[0]] = (kind, int(offs[0]), int(offs[-1]), parts[2])
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(x.split(":", 1) for x in parts[1].split()))
    return spans, events


DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
SUFFIXES = {"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"}
# Words that end a source's head phrase: prepositions, relative pronouns, conjunctions.
CUT = {"of", "at", "from", "with", "for", "in", "on", "to", "by", "who", "whose", "which", "that", "and",
       "or", "&", "as", "during", "after", "before", "about", "over", "under", "than", "like", "under"}
SINGULAR = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
PLURAL = {"they", "them", "their", "we", "us", "our"}
LOWER_WORDS = set()  # words the split's texts write mostly in lower case (filled in main)


def _head(tokens, first):
    """The head word of a phrase (its last word, past a Jr./III and a possessive), or None if there is none."""
    toks = [t for t in tokens if t not in SUFFIXES]
    if not toks:
        return None
    t = re.sub(r"(?:['’]s|['’])$", "", toks[-1])
    return t or None


def source_key(src, midcaps=frozenset()):
    """source_key1 of each conjunct of a coordinated source ("Zeliff and Tom Giancola, a veteran,"
    -> Zeliff|Giancola: either speaker is right), else of the whole source."""
    first, _, rest = src.partition(",")
    conjuncts = re.split(r" (?:and|&) ", first)
    if len(conjuncts) > 1:
        keys = [source_key1(c + ("," + rest if i == len(conjuncts) - 1 and rest else ""), midcaps)
                for i, c in enumerate(conjuncts)]
        names = [k for kind, k in keys if kind == "name"]
        if names:
            return "name", "|".join(dict.fromkeys(names))
    return source_key1(src, midcaps)


def source_key1(src, midcaps=frozenset()):
    """('name', key) | ('pronoun', None) | ('nominal', None).

    The key is the head of the source's noun phrase when that head is a capitalised name
    ("Secretary of State John F. Kerry" -> Kerry), or of an apposition after a common-noun head
    ("Scott's niece, state Del. Marcia Price" -> Price). A phrase headed by a common noun
    ("a Twitter spokesman", "Clinton's campaign", "Law enforcement sources") is nominal, and so is a
    lone sentence-initial capital on a word the texts otherwise write in lower case ("Some", "Critics")
    unless the article also capitalises it after a lower-case word (`midcaps`: "said John Sharp")."""
    text = re.sub(r"\(.*?\)", "", src)
    text = re.sub(r"[\"\u201c][^\"\u201c\u201d]*[\"\u201d]", " ", text)  # a nickname or a quoted title
    if text.strip(" ,.;:").lower() in PRONOUNS:
        return "pronoun", None
    segments = [seg for seg in text.split(",") if seg.strip()]
    for i, seg in enumerate(segments[:3]):
        if i and seg.split()[0].lower() in CUT:
            break  # "…, who praised George W. Bush": a clause, not an apposition
        toks = [t.strip(".;:") if t not in SUFFIXES and not re.match(r"^[A-Z][a-z]?\.$", t) else t for t in seg.split()]
        toks = [t for t in toks if t]
        parts, cur = [], []
        for t in toks:
            if t.lower() in CUT and cur:
                parts.append(cur)
                cur = []
            elif t.lower() not in CUT:
                cur.append(t)
        if cur:
            parts.append(cur)
        for j, part in enumerate(parts):
            # "Secretary of State John F. Kerry": a title alone before "of" goes on to the name after
            # it; "The leader of the Anti-Defamation League" names an organisation after it.
            if all(t in SKIP_CAPS or t.title() in TITLES or t.lower() in ("former", "then", "acting") for t in part) \
                    and j + 1 < len(parts) and parts[j + 1][0].lower() != "the":
                continue
            head = _head(part, i == 0)
            if not head or not head[:1].isupper() or head in SKIP_CAPS or head in DAYS or head.lower() in PRONOUNS:
                break
            if head == part[0] and i == 0 and j == 0 and head.lower() in LOWER_WORDS and head not in midcaps:
                break
            return "name", head
        # an apposition may name the head: "Scott's niece, state Del. Marcia Price"
    return "nominal", None


def resolve_sources(spans, extra=(), midcaps=frozenset()):
    """{(start, end): (kind, key)} for every Source of an article, a pronoun resolved from the labels.

    A pronoun takes the key of the nearest Source labelled before it in the text (not before its
    Content: "…," he said follows its quote): he/she/his/her pass over plural common nouns
    ("analysts") and plural or neuter pronouns, and stay unresolved (not scored) when that nearest
    Source is a singular common noun ("a senior official") the pronoun may well refer to. A relative
    pronoun (who, which, that) resolves only when it directly follows a Source (", who said")."""
    sources = sorted({(s[1], s[2], s[3]) for s in spans.values() if s[0] == "Source"} | {(s[1], s[2], s[3]) for s in extra})
    out, seen = {}, []  # seen: (end, kind, key, word) in text order
    for start, end, src in sources:
        kind, key = source_key(src, midcaps)
        word = src.strip(" ,.;:").lower()
        if kind == "pronoun":
            key = None
            if word in ("who", "whom", "which", "that"):
                if seen and start - seen[-1][0] <= 3:
                    key = seen[-1][2]
            else:
                for _, k2, key2, w2 in reversed(seen):
                    if word in SINGULAR and (w2 in PLURAL or w2 in ("it", "its") or (k2 == "nominal" and plural(w2))):
                        continue
                    key = key2
                    break
        out[start, end] = (kind, key)
        seen.append((end, kind, key, word))
    return out


def plural(phrase):
    """Whether a common-noun source's head is plural ("analysts", "some of his supporters")."""
    words = [w for w in re.split(r"[ ,]+", phrase) if w]
    for i, w in enumerate(words):
        if i and w in CUT:
            words = words[:i]
            break
    return bool(words) and words[-1].endswith("s") and not words[-1].endswith("ss")


def speaker_ok(predicted, key):
    """Whether the predicted speaker holds the key (or one of a coordinated source's keys, `A|B`)."""
    p = (predicted or "").lower().replace("\u2019", "'")
    return bool(p) and any(
        re.search(r"(?<![a-z0-9])" + re.escape(k.lower().replace("\u2019", "'")) + r"(?![a-z0-9])", p)
        for k in key.split("|"))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.path.join(here, "..", "..", "shared", "data", "polnear"))
    ap.add_argument("--split", default="dev")
    ap.add_argument("--bin", default="target/release/summitbot")
    ap.add_argument("--work", default=os.path.join(os.environ.get("TMPDIR", "/tmp"), "summitbot-polnear-quotes"))
    ap.add_argument("--failures", type=int, default=0)
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    args = ap.parse_args()
    binary = os.path.abspath(args.bin)

    meta = {r["filename"]: r for r in csv.DictReader(open(os.path.join(args.data, "metadata.tsv")), delimiter="\t")}
    tdir, adir = (os.path.join(args.data, args.split, d) for d in ("text", "attributions"))
    work = os.path.join(args.work, args.split)
    corpus = os.path.join(work, "corpus")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(corpus)
    os.makedirs(os.path.join(work, "cwd"))
    anns = {}
    for f in sorted(os.listdir(adir)):
        anns.setdefault(f.rsplit("_", 1)[0], f)
    names = sorted(n for n in anns if os.path.exists(os.path.join(tdir, n + ".txt")))
    if args.limit:
        names = names[: args.limit]

    vocab = {}
    for name in names:
        for w in re.findall(r"(?<![.!?\u201c\"] )(?<!^)\b[A-Za-z]+\b", open(os.path.join(tdir, name + ".txt"), encoding="utf-8").read()):
            low = w.lower()
            c = vocab.setdefault(low, [0, 0])
            c[0 if w == low else 1] += 1
    LOWER_WORDS.update(w for w, (lower, upper) in vocab.items() if lower > upper)

    gold = []  # dicts: article, start, end, text, kind, key, source
    for name in names:
        text = open(os.path.join(tdir, name + ".txt"), encoding="utf-8").read()
        m = meta.get(name, {})
        title = (m.get("title") or text.split("\n", 1)[0]).strip()
        date = (m.get("publication_date") or "2016-01-01")[:10]
        with open(os.path.join(corpus, name + ".txt"), "w", encoding="utf-8") as out:
            out.write("+++\n" + f"title = {json.dumps(title, ensure_ascii=False)}\n"
                      f"outlet = {json.dumps(m.get('publisher') or 'unknown')}\npublished = \"{date}\"\n+++\n" + text)
        spans, events = parse_ann(open(os.path.join(adir, anns[name]), encoding="utf-8").read())
        rows = []
        for e in events:
            c, s = spans.get(e.get("Content", "")), spans.get(e.get("Source", ""))
            if not c or not s:
                continue
            rows.append((c, s))
        midcaps = set(re.findall(r"(?<=[a-z,] )[A-Z][a-z]+", text))
        resolved_of = resolve_sources(spans, [s for _, s in rows], midcaps)
        for c, s in rows:
            kind, resolved = resolved_of[s[1], s[2]]
            body = text[c[1]:c[2]]
            for mq in QUOTE.finditer(body):
                if len(mq.group(1).split()) < 3:
                    continue
                gold.append({"article": name, "start": c[1] + mq.start(1), "end": c[1] + mq.end(1),
                             "text": mq.group(1), "kind": kind, "key": resolved, "source": s[3]})

    env = dict(os.environ, SUMMITBOT__CORPUS__DIR=corpus, SUMMITBOT__INDEX__DIR=os.path.join(work, "index"))
    p = subprocess.run([binary, "quotes", "--json"], cwd=os.path.join(work, "cwd"), env=env,
                       capture_output=True, text=True, timeout=1200)
    if p.returncode != 0:
        sys.exit(f"summitbot quotes failed: rc={p.returncode}: {p.stderr[-800:]}")
    predicted = json.loads(p.stdout)["quotes"]
    # summitbot's spans are byte offsets into the article text (the file after its header);
    # the gold offsets are Python character offsets: each part is read back in characters.
    char_at = {}

    def chars(article, b):
        if article not in char_at:
            text = open(os.path.join(tdir, article + ".txt"), encoding="utf-8").read()
            table = []
            for k, ch in enumerate(text):
                table.extend([k] * len(ch.encode("utf-8")))
            table.append(len(text))
            char_at[article] = table
        table = char_at[article]
        return table[min(b, len(table) - 1)]

    by_article = {}
    for q in predicted:
        for part in q["parts"]:
            by_article.setdefault(q["article"], []).append((chars(q["article"], part[0]), chars(q["article"], part[1]), q))

    def overlapping(g):
        return [(s, e, q) for s, e, q in by_article.get(g["article"], []) if s < g["end"] and g["start"] < e]

    # Precision: each predicted part with a speaker that overlaps a gold quote with a key.
    gold_by_article = {}
    for g in gold:
        gold_by_article.setdefault(g["article"], []).append(g)
    prec_ok = prec_n = unmatched = unkeyed = 0
    wrong = []
    unmatched_list = []
    unkeyed_list = []
    for art, parts in by_article.items():
        for s, e, q in parts:
            if not q.get("speaker"):
                continue
            hits = [g for g in gold_by_article.get(art, []) if s < g["end"] and g["start"] < e]
            keyed = [g for g in hits if g["key"]]
            if not hits:
                unmatched += 1
                unmatched_list.append((art, q))
                continue
            if not keyed:
                # Its labelled source has no name to match ("a spokesman", an unresolved "he"):
                # not scored, but counted, since a name given there may well be wrong.
                unkeyed += 1
                unkeyed_list.append((art, q, hits[0]))
                continue
            prec_n += 1
            if any(speaker_ok(q["speaker"], g["key"]) for g in keyed):
                prec_ok += 1
            else:
                wrong.append((art, q, keyed[0]))

    rec = {"name": [0, 0], "pronoun": [0, 0]}
    missed = []
    nominal_total = nominal_wrong_name = 0
    for g in gold:
        ov = overlapping(g)
        if g["kind"] == "nominal" or not g["key"]:
            nominal_total += 1
            continue
        r = rec[g["kind"]]
        r[1] += 1
        if any(q.get("speaker") and speaker_ok(q["speaker"], g["key"]) for _, _, q in ov):
            r[0] += 1
        else:
            missed.append((g, [q.get("speaker") for _, _, q in ov]))

    found = rec["name"][0] + rec["pronoun"][0]
    total = rec["name"][1] + rec["pronoun"][1]
    for art, q, g in wrong[: args.failures]:
        print(f"WRONG {art}: {q['text'][:90]!r} -> {q['speaker']!r} [{q.get('rule')}] (gold {g['source']!r} = {g['key']!r} @{g['start']})")
    for g, got in missed[: args.failures]:
        print(f"MISS  {g['article']}: {g['text'][:90]!r} gold {g['source']!r} ({g['kind']}) got {got}")
    for art, q in unmatched_list[: args.failures]:
        print(f"UNMATCHED {art}: {q['text'][:90]!r} -> {q['speaker']!r} [{q.get('rule')}]")
    for art, q, g in unkeyed_list[: args.failures]:
        print(f"UNKEYED {art}: {q['text'][:90]!r} -> {q['speaker']!r} [{q.get('rule')}] (gold {g['source']!r} ({g['kind']}) @{g['start']})")
    precision = prec_ok / prec_n if prec_n else 0.0
    recall = found / total if total else 0.0
    print(f"polnear-{args.split} quotes ({len(names)} articles, {len(gold)} gold quotations): "
          f"precision {prec_ok}/{prec_n} = {precision:.1%} | recall {found}/{total} = {recall:.1%} "
          f"(named {rec['name'][0]}/{rec['name'][1]}, pronoun-resolved {rec['pronoun'][0]}/{rec['pronoun'][1]}) | "
          f"nominal sources not scored {nominal_total} | speaker given to a non-gold quotation {unmatched}")
    # The strict bound: every speaker given to a quotation whose source is unnamed counted wrong.
    strict_n = prec_n + unkeyed
    print(f"strict precision (a speaker given to a quotation with an unnamed source counts wrong): "
          f"{prec_ok}/{strict_n} = {prec_ok / strict_n if strict_n else 0.0:.1%}")


if __name__ == "__main__":
    main()
