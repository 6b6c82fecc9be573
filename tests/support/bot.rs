//! Running the real bot (`summitbot::discord::run`, what `summitbot serve` runs) in-process
//! against the fake Discord, and reading what it sent back.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_json::{json, Value};
use summitbot::settings::Settings;

use super::fake_discord::{self as fake, FakeDiscord, Recorded};

pub const WAIT: Duration = Duration::from_secs(20);
pub const MEMBER: u64 = 42;
pub const ADMIN: u64 = 43;

pub struct Bot {
    pub fake: FakeDiscord,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<anyhow::Result<()>>>,
    pub corpus: PathBuf,
    _dir: tempfile::TempDir,
}

impl Bot {
    pub async fn stop(mut self) {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
        let task = self.task.take().unwrap();
        let ended = tokio::time::timeout(WAIT, task).await;
        assert!(ended.is_ok(), "the bot did not shut down");
    }
}

pub fn bundled_corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, to.join(p.file_name().unwrap())).unwrap();
    }
}

pub async fn start_with(corpus_from: &Path, extra: &[(&str, &str)]) -> Bot {
    let fake = FakeDiscord::start().await;
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    copy_dir(corpus_from, &corpus);
    let mut env: Vec<(String, String)> = vec![
        ("SUMMITBOT__DISCORD__TOKEN".into(), fake::TOKEN.into()),
        ("SUMMITBOT__DISCORD__API_BASE".into(), fake.api_base()),
        ("SUMMITBOT__DISCORD__GUILD_ID".into(), fake::GUILD_ID.to_string()),
        ("SUMMITBOT__CORPUS__DIR".into(), corpus.display().to_string()),
        ("SUMMITBOT__INDEX__DIR".into(), dir.path().join("index").display().to_string()),
        // The transport, not retrieval: no model download in the background (tests/embed.rs).
        ("SUMMITBOT__EMBED__ENABLED".into(), "false".into()),
    ];
    env.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    let settings = Settings::load_with_env(None, env).unwrap();
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let task = tokio::spawn(summitbot::discord::run(settings, async move {
        let _ = rx.await;
    }));
    assert!(fake.wait_ready(WAIT).await, "the bot never identified");
    let registered = fake.wait_for(|r| r.method == "PUT" && r.path.ends_with("/commands"), WAIT).await;
    assert!(registered.is_some(), "the bot never registered its commands");
    // Setup finishes right after registration; give poise a moment to store its data.
    tokio::time::sleep(Duration::from_millis(200)).await;
    Bot { fake, stop: Some(tx), task: Some(task), corpus, _dir: dir }
}

pub async fn start() -> Bot {
    start_with(&bundled_corpus(), &[]).await
}

pub fn token_of(interaction: &Value) -> String {
    interaction["token"].as_str().unwrap().to_string()
}

/// The first edit of the deferred reply of `interaction` that Discord accepted (the fake's
/// injected failures do not count) and that satisfies `pred`.
pub async fn reply_to(bot: &Bot, interaction: &Value, pred: impl Fn(&Value) -> bool) -> Recorded {
    let token = token_of(interaction);
    bot.fake
        .wait_for(
            |r| {
                r.method == "PATCH"
                    && r.status < 300
                    && r.path.contains(&token)
                    && r.path.ends_with("/@original")
                    && pred(&r.body)
            },
            WAIT,
        )
        .await
        .unwrap_or_else(|| panic!("no reply for {token}; requests: {:#?}", bot.fake.requests()))
}

pub async fn callback_of(bot: &Bot, interaction: &Value) -> Recorded {
    let id = interaction["id"].as_str().unwrap().to_string();
    bot.fake
        .wait_for(|r| r.method == "POST" && r.status < 300 && r.path.contains(&format!("/interactions/{id}/")), WAIT)
        .await
        .unwrap_or_else(|| panic!("no callback for interaction {id}"))
}

pub fn ask(question: &str, user: u64) -> Value {
    fake::slash_command("ask", json!([{"name": "question", "type": 3, "value": question}]), user, 0, &[])
}

pub fn all_text(body: &Value) -> String {
    let mut s = body["content"].as_str().unwrap_or("").to_string();
    for e in body["embeds"].as_array().into_iter().flatten() {
        for k in ["title", "description"] {
            s.push_str(e[k].as_str().unwrap_or(""));
            s.push('\n');
        }
        s.push_str(e["footer"]["text"].as_str().unwrap_or(""));
    }
    s
}

pub fn no_mentions(body: &Value) -> bool {
    body["allowed_mentions"]["parse"].as_array().is_some_and(|a| a.is_empty())
        && body["allowed_mentions"]["users"].as_array().is_none_or(|a| a.is_empty())
        && body["allowed_mentions"]["roles"].as_array().is_none_or(|a| a.is_empty())
}
