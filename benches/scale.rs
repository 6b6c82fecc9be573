//! In-process answer latency on an already-built index of any size (the number the scale
//! benchmark compares with tantivy-py and bm25s): opens the index once, then answers a fixed
//! set of questions many times and prints p50 / p99.
//!
//!   SCALE_CORPUS=/tmp/bench/bbc SCALE_INDEX=/tmp/bench/bbc-idx cargo bench --bench scale
//!
//! Without the two variables it measures the bundled corpus. `scripts/bench_scale.py` runs
//! it for each corpus it builds. `SCALE_ONLY=oil` measures only the questions holding `oil`.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use summitbot::engine::Engine;
use summitbot::settings::Settings;

/// The binary's allocator, so the numbers are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Questions of the kinds users ask, worded for general news (the BBC-based corpora) and
/// answerable or not: a speaker and topic, a plain fact, a who-said, a when.
const QUESTIONS: &[&str] = &[
    "what did Blair say about the election?",
    "what did Brown say about the economy?",
    "who said the company would cut jobs?",
    "how much did oil prices rise?",
    "what did the chancellor say about taxes?",
    "when did the merger happen?",
    "what did Gabuev say about the iceberg?",
    "who said the film was a hit?",
    "what did the minister say about the war in Iraq?",
    "how many people lost their jobs?",
];

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let corpus = std::env::var_os("SCALE_CORPUS").map_or(root.join("corpus"), PathBuf::from);
    let (index, _tmp) = match std::env::var_os("SCALE_INDEX") {
        Some(p) => (PathBuf::from(p), None),
        None => {
            let t = tempfile::tempdir().unwrap();
            (t.path().to_path_buf(), Some(t))
        }
    };
    // `RUST_LOG=summitbot=debug` shows each step's timings (stderr), for whoever profiles.
    if std::env::var_os("RUST_LOG").is_some() {
        tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
            .with_writer(std::io::stderr)
            .init();
    }
    // `SCALE_ONLY=<words>` measures only the questions holding them (for profiling one).
    let only = std::env::var("SCALE_ONLY").unwrap_or_default();
    let questions: Vec<&str> = QUESTIONS.iter().copied().filter(|q| q.contains(only.as_str())).collect();
    let mut s = Settings::load_with_env(None, Vec::new()).unwrap();
    s.corpus.dir = corpus;
    s.index.dir = index;
    let started = Instant::now();
    let (engine, _) = Engine::open(&s).unwrap();
    let opened = started.elapsed();
    // Warm-up: the first answers page the index in.
    for q in &questions {
        std::hint::black_box(engine.ask(q).unwrap());
    }
    let rounds = std::env::var("SCALE_ROUNDS").ok().and_then(|r| r.parse().ok()).unwrap_or(100);
    let mut samples: Vec<Duration> = Vec::with_capacity(rounds * questions.len());
    let mut per_question: Vec<Vec<Duration>> = vec![Vec::with_capacity(rounds); questions.len()];
    for _ in 0..rounds {
        for (i, q) in questions.iter().enumerate() {
            let t = Instant::now();
            std::hint::black_box(engine.ask(q).unwrap());
            samples.push(t.elapsed());
            per_question[i].push(t.elapsed());
        }
    }
    // Which question is slow, for whoever profiles next (stderr: the script reads stdout).
    for (q, mut s) in questions.iter().zip(per_question) {
        s.sort();
        eprintln!("  p50 {:>8} us  {q}", s[s.len() / 2].as_micros());
    }
    samples.sort();
    let pct = |p: f64| samples[((samples.len() as f64 - 1.0) * p) as usize];
    println!(
        "scale: articles {} | open {} ms | answer p50 {} us | p99 {} us | over {} answers",
        engine.store.article_count(),
        opened.as_millis(),
        pct(0.50).as_micros(),
        pct(0.99).as_micros(),
        samples.len()
    );
}
