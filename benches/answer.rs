//! In-process latency of answering on a loaded index (the bot's hot path): criterion's
//! estimates per question kind, then p50 / p95 / p99 over every eval-style question.

use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use summitbot::engine::Engine;
use summitbot::settings::Settings;

const QUESTIONS: &[&str] = &[
    "what did Gabuev say about the iceberg?",
    "What did Repnikova say about who got more out of the summit?",
    "What did the Rand expert say about the primary threat?",
    "what did gabuyev say about guns and money?",
    "How long did Putin and Xi talk in Moscow?",
    "How much was China-Russia trade worth in 2023?",
    "What did Biden say about Taiwan?",
    "Which song was played at the welcome ceremony in Beijing?",
    "Who said China can only have one ally?",
    "What did Maynes say about Putin being the junior partner?",
];

fn engine() -> (Engine, tempfile::TempDir) {
    let idx = tempfile::tempdir().unwrap();
    let mut s = Settings::load_with_env(None, Vec::new()).unwrap();
    s.corpus.dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    s.index.dir = idx.path().to_path_buf();
    // The model where the tests and the command line keep it (fetched once if missing).
    s.embed.dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(&s.embed.dir);
    let (e, _) = Engine::open(&s).unwrap();
    println!("sentence meanings: {}", e.meaning_status);
    (e, idx)
}

fn bench(c: &mut Criterion) {
    let (e, _idx) = engine();
    let mut g = c.benchmark_group("ask");
    g.measurement_time(Duration::from_secs(3)).warm_up_time(Duration::from_secs(1));
    g.bench_function("speaker_topic", |b| b.iter(|| e.ask(QUESTIONS[0]).unwrap()));
    g.bench_function("plain_fact", |b| b.iter(|| e.ask(QUESTIONS[4]).unwrap()));
    g.bench_function("unknown_person", |b| b.iter(|| e.ask(QUESTIONS[6]).unwrap()));
    g.finish();

    let mut samples = Vec::new();
    for _ in 0..200 {
        for q in QUESTIONS {
            let t = Instant::now();
            std::hint::black_box(e.ask(q).unwrap());
            samples.push(t.elapsed());
        }
    }
    samples.sort();
    let pct = |p: f64| samples[((samples.len() as f64 - 1.0) * p) as usize];
    println!(
        "ask latency over {} answers: p50 {:?}, p95 {:?}, p99 {:?}, max {:?}",
        samples.len(),
        pct(0.50),
        pct(0.95),
        pct(0.99),
        samples[samples.len() - 1]
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
