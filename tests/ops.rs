//! Operations: the `summitbot` binary's logs written to a file (plain text without escape
//! codes, or JSON lines; one line per question), `summitbot health`, the container's
//! entrypoint on the container's file layout, the Prometheus endpoint, and sharding.

mod support;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use serde_json::{json, Value};
use support::bot::*;
use support::fake_discord::{self as fake, FakeDiscord, MANAGE_GUILD};

const BIN: &str = env!("CARGO_BIN_EXE_summitbot");

/// `summitbot serve` as a child process against `fake`, stderr to `log`; `env` is added.
fn spawn_serve(fake: &FakeDiscord, dir: &Path, log: &Path, env: &[(&str, &str)]) -> std::process::Child {
    let mut cmd = Command::new(BIN);
    cmd.arg("serve")
        .current_dir(dir)
        .env_remove("RUST_LOG")
        .env("SUMMITBOT__EMBED__ENABLED", "false")
        .env("SUMMITBOT__DISCORD__TOKEN", fake::TOKEN)
        .env("SUMMITBOT__DISCORD__API_BASE", fake.api_base())
        .env("SUMMITBOT__DISCORD__GUILD_ID", fake::GUILD_ID.to_string())
        .env("SUMMITBOT__CORPUS__DIR", bundled_corpus())
        .env("SUMMITBOT__INDEX__DIR", dir.join("index"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(log).unwrap());
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.spawn().unwrap()
}

/// Stops the child as systemd or a container engine would (SIGTERM) and waits for it.
async fn terminate(mut child: std::process::Child) -> std::process::ExitStatus {
    let _ = Command::new("kill").arg("-TERM").arg(child.id().to_string()).status();
    let waited = tokio::task::spawn_blocking(move || {
        for _ in 0..200 {
            if let Some(status) = child.try_wait().unwrap() {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let _ = child.kill();
        None
    })
    .await
    .unwrap();
    waited.expect("summitbot serve exits on SIGTERM")
}

/// Runs the bot binary, asks one slash-command question and one by mention, stops it, and
/// returns its log file's text.
async fn serve_and_ask_twice(env: &[(&str, &str)]) -> String {
    let fake = FakeDiscord::start().await;
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("summitbot.log");
    let child = spawn_serve(&fake, dir.path(), &log, env);
    assert!(fake.wait_ready(Duration::from_secs(60)).await, "the bot never identified");
    assert!(fake.wait_for(|r| r.method == "PUT", WAIT).await.is_some());
    tokio::time::sleep(Duration::from_millis(300)).await;
    let i = ask("what did Gabuev say about the iceberg?", MEMBER);
    fake.dispatch("INTERACTION_CREATE", i.clone());
    let token = token_of(&i);
    assert!(fake.wait_for(|r| r.method == "PATCH" && r.path.contains(&token), WAIT).await.is_some());
    let m = fake::user_message("<@1000> what did Charap say about the primary threat?", MEMBER, true);
    fake.dispatch("MESSAGE_CREATE", m);
    assert!(fake.wait_for(|r| r.method == "POST" && r.path.ends_with("/messages"), WAIT).await.is_some());
    // The log line follows the reply; give the process a moment to write it.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let status = terminate(child).await;
    assert!(status.success(), "serve exits 0 on SIGTERM: {status}");
    std::fs::read_to_string(&log).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn logs_written_to_a_file_are_plain_one_line_per_question_and_free_of_spurious_warnings() {
    let log = serve_and_ask_twice(&[]).await;
    assert!(!log.contains('\u{1b}'), "escape codes in a log file:\n{log}");
    let questions: Vec<&str> = log.lines().filter(|l| l.contains(" question ") || l.ends_with(" question")).collect();
    assert_eq!(questions.len(), 2, "one line per question:\n{log}");
    for q in &questions {
        assert!(q.contains("INFO") && q.contains("outcome=\"answered\"") && q.contains("latency_ms="), "{q}");
    }
    assert!(questions.iter().any(|q| q.contains("ask{")) && questions.iter().any(|q| q.contains("mention{")));
    let noisy: Vec<&str> = log.lines().filter(|l| l.contains("WARN") || l.contains("ERROR")).collect();
    assert!(noisy.is_empty(), "warnings in a normal run:\n{}", noisy.join("\n"));
    assert!(!log.contains(fake::TOKEN) && !log.contains("fake-token-for-tests"), "the token is never logged");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn json_log_format_writes_one_json_object_per_line_with_the_question_outcome_and_latency() {
    let log = serve_and_ask_twice(&[("SUMMITBOT__LOG__FORMAT", "json")]).await;
    let lines: Vec<Value> = log
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect();
    let questions: Vec<&Value> = lines.iter().filter(|v| v["fields"]["message"] == "question").collect();
    assert_eq!(questions.len(), 2, "{log}");
    for q in questions {
        assert_eq!(q["level"], "INFO");
        assert_eq!(q["fields"]["outcome"], "answered");
        assert!(q["fields"]["latency_ms"].is_u64(), "{q}");
        assert!(q["span"]["user"].is_u64(), "the request span's fields come along: {q}");
    }
}

fn run(args: &[&str], cwd: &Path, env: &[(&str, &Path)]) -> std::process::Output {
    let mut cmd = Command::new(BIN);
    cmd.args(args).current_dir(cwd).env_remove("RUST_LOG").env("SUMMITBOT__EMBED__ENABLED", "false");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

#[test]
fn health_is_ok_only_when_the_index_opens_and_answers_and_never_builds_it() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let env = [("SUMMITBOT__CORPUS__DIR", bundled_corpus()), ("SUMMITBOT__INDEX__DIR", index.clone())];
    let env: Vec<(&str, &Path)> = env.iter().map(|(k, v)| (*k, v.as_path())).collect();

    let missing = run(&["health"], dir.path(), &env);
    assert_eq!(missing.status.code(), Some(4), "{}", String::from_utf8_lossy(&missing.stderr));
    assert!(!index.join("CURRENT").exists(), "health never builds the index");

    assert!(run(&["index"], dir.path(), &env).status.success());
    let ok = run(&["health"], dir.path(), &env);
    assert_eq!(ok.status.code(), Some(0), "{}", String::from_utf8_lossy(&ok.stderr));
    let out = String::from_utf8_lossy(&ok.stdout);
    assert!(out.starts_with("ok: ") && out.contains("answered the probe"), "{out}");

    // A damaged index fails the check. (Longer than tantivy's file footer: a shorter file
    // makes tantivy 0.27's checksum validation panic, which is the index module's to handle.)
    let current = std::fs::read_to_string(index.join("CURRENT")).unwrap();
    for f in std::fs::read_dir(index.join(current.trim())).unwrap() {
        let p = f.unwrap().path();
        if p.extension().is_some_and(|e| e == "store") {
            std::fs::write(&p, b"garbage ".repeat(512)).unwrap();
        }
    }
    let damaged = run(&["health"], dir.path(), &env);
    assert_eq!(damaged.status.code(), Some(4), "{}", String::from_utf8_lossy(&damaged.stdout));
}

fn files_under(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(files_under(&p));
        } else {
            out.push((p.display().to_string(), std::fs::read(&p).unwrap()));
        }
    }
    out.sort();
    out
}

/// The Dockerfile's runtime stage, reproduced without a container engine: the same entrypoint
/// script, the same layout (`/app` with config/ and corpus/, the index on the data/ volume,
/// the binary on PATH), the same environment, and the same commands (`serve` by default, the
/// HEALTHCHECK's `summitbot health`).
#[test]
fn the_container_entrypoint_builds_the_index_on_the_volume_at_first_start_then_reuses_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let app = tempfile::tempdir().unwrap();
    copy_dir(&root.join("config"), &app.path().join("config"));
    copy_dir(&root.join("corpus"), &app.path().join("corpus"));
    std::fs::create_dir(app.path().join("data")).unwrap();
    let dockerfile = std::fs::read_to_string(root.join("Dockerfile")).unwrap();
    for line in [
        "COPY docker/entrypoint.sh /usr/local/bin/summitbot-entrypoint",
        "ENTRYPOINT [\"/usr/local/bin/summitbot-entrypoint\"]",
        "CMD [\"serve\"]",
        "SUMMITBOT__INDEX__DIR=/app/data/index",
        "CMD [\"summitbot\", \"health\"]",
        "USER summitbot",
        "VOLUME [\"/app/data\"]",
    ] {
        assert!(dockerfile.contains(line), "the Dockerfile no longer has {line:?}: update this test");
    }
    let bin_dir = Path::new(BIN).parent().unwrap();
    let path = format!("{}:{}", bin_dir.display(), std::env::var("PATH").unwrap_or_default());
    let entry = |args: &[&str]| {
        Command::new("sh")
            .arg(root.join("docker/entrypoint.sh"))
            .args(args)
            .current_dir(app.path())
            .env_remove("RUST_LOG")
            .env("SUMMITBOT__EMBED__ENABLED", "false")
            .env("PATH", &path)
            .env("SUMMITBOT__INDEX__DIR", app.path().join("data/index"))
            .env("SUMMITBOT__CORPUS__DIR", app.path().join("corpus"))
            .output()
            .unwrap()
    };
    let outside_volume = |app: &Path| {
        files_under(app)
            .into_iter()
            .filter(|(p, _)| !p.starts_with(&app.join("data").display().to_string()))
            .collect::<Vec<_>>()
    };
    let before = outside_volume(app.path());

    let first = entry(&["health"]);
    let err = String::from_utf8_lossy(&first.stderr);
    assert!(first.status.success(), "{err}");
    assert!(err.contains("building it (first start)"), "{err}");
    assert!(String::from_utf8_lossy(&first.stdout).starts_with("ok: "));
    assert!(app.path().join("data/index/CURRENT").is_file(), "the index is on the volume");

    let again = entry(&["health"]);
    assert!(again.status.success());
    assert!(!String::from_utf8_lossy(&again.stderr).contains("building"), "a second start reuses the index");
    assert_eq!(outside_volume(app.path()), before, "nothing outside the data volume was written");

    // `serve` (the CMD) fails fast and clearly without a token, after the index is there.
    let serve = entry(&["serve"]);
    assert!(!serve.status.success());
    assert!(String::from_utf8_lossy(&serve.stderr).contains("no Discord token"));
}

async fn metrics_text(addr: &str, path: &str) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
    s.write_all(format!("GET {path} HTTP/1.1\r\nHost: x\r\n\r\n").as_bytes()).await.unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).await.unwrap();
    out
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_metrics_endpoint_counts_questions_latency_feedback_and_reindexes() {
    let addr = format!("127.0.0.1:{}", free_port());
    let bot = start_with(&bundled_corpus(), &[("SUMMITBOT__METRICS__LISTEN", &addr)]).await;
    let i = ask("what did Gabuev say about the iceberg?", MEMBER);
    bot.fake.dispatch("INTERACTION_CREATE", i.clone());
    let r = reply_to(&bot, &i, |b| b["embeds"].as_array().is_some_and(|e| !e.is_empty())).await;
    let j = ask("what did Biden say about Taiwan?", MEMBER);
    bot.fake.dispatch("INTERACTION_CREATE", j.clone());
    reply_to(&bot, &j, |b| b["content"].as_str().is_some_and(|c| !c.is_empty())).await;
    let up = r.body["components"][0]["components"][2]["custom_id"].as_str().unwrap().to_string();
    let vote = fake::button_click(&up, fake::message(1, fake::BOT_USER_ID, ""), MEMBER);
    bot.fake.dispatch("INTERACTION_CREATE", vote.clone());
    let re = fake::slash_command("reindex", json!([]), ADMIN, MANAGE_GUILD, &[]);
    bot.fake.dispatch("INTERACTION_CREATE", re.clone());
    reply_to(&bot, &re, |b| b["content"].as_str().is_some_and(|c| c.contains("Re-index done"))).await;
    callback_of(&bot, &vote).await;

    let want = [
        "summitbot_questions_total{outcome=\"answered\"} 1\n",
        "summitbot_questions_total{outcome=\"no_answer\"} 1\n",
        "summitbot_answer_latency_seconds_count 2\n",
        "summitbot_answer_latency_seconds_bucket{le=\"+Inf\"} 2\n",
        "summitbot_feedback_total{vote=\"helpful\"} 1\n",
        "summitbot_reindex_duration_seconds_count 1\n",
        "# TYPE summitbot_answer_latency_seconds histogram\n",
    ];
    // The counters are updated right after Discord accepts each reply; poll briefly.
    let mut text = String::new();
    for _ in 0..50 {
        text = metrics_text(&addr, "/metrics").await;
        if want.iter().all(|w| text.contains(w)) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(text.starts_with("HTTP/1.1 200 OK") && text.contains("text/plain; version=0.0.4"), "{text}");
    for w in want {
        assert!(text.contains(w), "missing {w:?} in\n{text}");
    }
    assert!(metrics_text(&addr, "/other").await.starts_with("HTTP/1.1 404"));
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shards_are_auto_by_default_and_a_process_can_run_a_range_of_a_total() {
    let bot = start().await;
    assert!(bot.fake.requests().iter().any(|r| r.path == "/api/v10/gateway/bot"), "auto asks Discord for the count");
    assert_eq!(bot.fake.identify().unwrap()["shard"], json!([0, 1]));
    bot.stop().await;

    let bot = start_with(
        &bundled_corpus(),
        &[("SUMMITBOT__DISCORD__SHARD_TOTAL", "4"), ("SUMMITBOT__DISCORD__SHARD_RANGE", "2,2")],
    )
    .await;
    assert_eq!(bot.fake.identify().unwrap()["shard"], json!([2, 4]), "this process runs shard 2 of 4");
    let i = ask("what did Gabuev say about the iceberg?", MEMBER);
    bot.fake.dispatch("INTERACTION_CREATE", i.clone());
    let r = reply_to(&bot, &i, |b| b["embeds"].as_array().is_some_and(|e| !e.is_empty())).await;
    assert!(all_text(&r.body).contains("underwater part of the iceberg"));
    bot.stop().await;
}

/// The built image itself: `serve` (the default command) in the container, as its non-root
/// user, against the fake Discord on the host's loopback. Needs podman and an image, so it
/// runs only when asked: `SUMMITBOT_TEST_IMAGE=summitbot cargo test --release --test ops --
/// --ignored` (`.ci/container` builds the image and does this).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs podman and SUMMITBOT_TEST_IMAGE (see .ci/container)"]
async fn the_container_image_serves_questions_as_a_non_root_user() {
    let image = std::env::var("SUMMITBOT_TEST_IMAGE").expect("SUMMITBOT_TEST_IMAGE names the image to test");
    let engine_flags: Vec<String> =
        std::env::var("SUMMITBOT_TEST_PODMAN_FLAGS").unwrap_or_default().split_whitespace().map(String::from).collect();
    let fake = FakeDiscord::start().await;
    let name = format!("summitbot-test-{}", std::process::id());
    let mut child = Command::new("podman")
        .arg("run")
        .arg("--rm")
        .args(["--name", &name, "--network=host"])
        .args(&engine_flags)
        .args(["-e", &format!("SUMMITBOT__DISCORD__TOKEN={}", fake::TOKEN)])
        .args(["-e", &format!("SUMMITBOT__DISCORD__API_BASE={}", fake.api_base())])
        .args(["-e", &format!("SUMMITBOT__DISCORD__GUILD_ID={}", fake::GUILD_ID)])
        .args(["-e", "SUMMITBOT__EMBED__ENABLED=false"])
        .arg(&image)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let ready = fake.wait_ready(Duration::from_secs(120)).await
        && fake.wait_for(|r| r.method == "PUT", Duration::from_secs(60)).await.is_some();
    let answered = if ready {
        tokio::time::sleep(Duration::from_millis(300)).await;
        let i = ask("what did Gabuev say about the iceberg?", MEMBER);
        fake.dispatch("INTERACTION_CREATE", i.clone());
        let token = token_of(&i);
        fake.wait_for(|r| r.method == "PATCH" && r.status == 200 && r.path.contains(&token), Duration::from_secs(60))
            .await
            .map(|r| all_text(&r.body))
    } else {
        None
    };
    let user = Command::new("podman").args(["exec", &name, "id", "-u"]).output().ok();
    let _ = Command::new("podman").args(["stop", "--time", "10", &name]).status();
    let _ = child.wait();
    let mut log = String::new();
    if let Some(mut e) = child.stderr.take() {
        use std::io::Read;
        let _ = e.read_to_string(&mut log);
    }
    assert!(ready, "the containerised bot never connected:\n{log}");
    let answered = answered.unwrap_or_else(|| panic!("no answer from the container:\n{log}"));
    assert!(answered.contains("underwater part of the iceberg"), "{answered}");
    let uid = user.map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string()).unwrap_or_default();
    assert!(!uid.is_empty() && uid != "0", "the bot runs as a non-root user (uid {uid:?})");
    assert!(log.contains("question") && !log.contains('\u{1b}'), "{log}");
}
