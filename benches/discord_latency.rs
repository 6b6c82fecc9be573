//! Latency of the real bot on the fake Discord: from dispatching an interaction to the bot's
//! first REST call (the defer) and to its final reply, p50/p95 over 100 questions.
//! Run with `cargo bench --bench discord_latency`.

#[path = "../tests/support/fake_discord.rs"]
mod fake_discord;

use std::time::{Duration, Instant};

use fake_discord::FakeDiscord;
use serde_json::json;
use summitbot::settings::Settings;

const QUESTIONS: &[&str] = &[
    "what did Gabuev say about the iceberg?",
    "What did Charap say about the primary threat?",
    "How much was China-Russia trade worth in 2023?",
    "What did Biden say about Taiwan?",
    "who said China can only have one ally?",
];

fn pct(v: &mut [Duration], p: f64) -> Duration {
    v.sort();
    v[((v.len() - 1) as f64 * p) as usize]
}

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    rt.block_on(async {
        let fake = FakeDiscord::start().await;
        let dir = tempfile::tempdir().unwrap();
        let env = vec![
            ("SUMMITBOT__DISCORD__TOKEN".to_string(), fake_discord::TOKEN.to_string()),
            ("SUMMITBOT__DISCORD__API_BASE".to_string(), fake.api_base()),
            ("SUMMITBOT__DISCORD__GUILD_ID".to_string(), fake_discord::GUILD_ID.to_string()),
            ("SUMMITBOT__CORPUS__DIR".to_string(), concat!(env!("CARGO_MANIFEST_DIR"), "/corpus").to_string()),
            ("SUMMITBOT__INDEX__DIR".to_string(), dir.path().display().to_string()),
            ("SUMMITBOT__LIMITS__QUESTIONS_PER_MINUTE".to_string(), "100000".to_string()),
        ];
        let settings = Settings::load_with_env(None, env).unwrap();
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let bot = tokio::spawn(summitbot::discord::run(settings, async move {
            let _ = rx.await;
        }));
        assert!(fake.wait_ready(Duration::from_secs(30)).await);
        fake.wait_for(|r| r.method == "PUT", Duration::from_secs(30)).await.unwrap();
        tokio::time::sleep(Duration::from_millis(300)).await;
        let (mut to_defer, mut to_reply) = (Vec::new(), Vec::new());
        for n in 0..100 {
            let q = QUESTIONS[n % QUESTIONS.len()];
            let i =
                fake_discord::slash_command("ask", json!([{"name": "question", "type": 3, "value": q}]), 42, 0, &[]);
            let id = i["id"].as_str().unwrap().to_string();
            let token = i["token"].as_str().unwrap().to_string();
            let sent = Instant::now();
            fake.dispatch("INTERACTION_CREATE", i);
            let d = fake
                .wait_for(|r| r.path.contains(&format!("/interactions/{id}/")), Duration::from_secs(10))
                .await
                .unwrap();
            let f = fake
                .wait_for(|r| r.method == "PATCH" && r.path.contains(&token), Duration::from_secs(10))
                .await
                .unwrap();
            to_defer.push(d.at.duration_since(sent));
            to_reply.push(f.at.duration_since(sent));
        }
        println!(
            "interaction → defer: p50 {:?}, p95 {:?}; interaction → final reply: p50 {:?}, p95 {:?} (n = 100)",
            pct(&mut to_defer, 0.5),
            pct(&mut to_defer, 0.95),
            pct(&mut to_reply, 0.5),
            pct(&mut to_reply, 0.95)
        );
        let _ = tx.send(());
        let _ = tokio::time::timeout(Duration::from_secs(10), bot).await;
    });
}
