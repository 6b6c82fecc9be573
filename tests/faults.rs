//! Discord misbehaving the way it does in production, on the fake Discord: 429s with
//! `retry_after` (per route and global) and 5xx on acknowledgements, edits and channel
//! replies; gateway closes (4000, 1000, 1001), a dropped socket, a rejected token (4004); and
//! questions asked while an admin re-indexes again and again. Each test prints what it
//! counted (`cargo test --release --test faults -- --nocapture`).

mod support;

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use serde_json::{json, Value};
use summitbot::settings::Settings;
use support::bot::*;
use support::fake_discord::{self as fake, FakeDiscord, Recorded, MANAGE_GUILD};

fn has_embeds(b: &Value) -> bool {
    b["embeds"].as_array().is_some_and(|e| !e.is_empty())
}

/// The requests for one interaction's original reply (the deferred placeholder's edits).
fn edits_of(bot: &Bot, token: &str) -> Vec<Recorded> {
    bot.fake.requests().into_iter().filter(|r| r.method == "PATCH" && r.path.contains(token)).collect()
}

fn statuses(rs: &[Recorded]) -> Vec<u16> {
    rs.iter().map(|r| r.status).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rate_limited_edit_waits_retry_after_then_the_answer_arrives() {
    let bot = start().await;
    let i = ask("what did Gabuev say about the iceberg?", MEMBER);
    let token = token_of(&i);
    bot.fake.rate_limit("PATCH", &token, 0.6, false, 2);
    bot.fake.dispatch("INTERACTION_CREATE", i.clone());
    let r = reply_to(&bot, &i, has_embeds).await;
    assert!(all_text(&r.body).contains("underwater part of the iceberg"));
    let edits = edits_of(&bot, &token);
    assert_eq!(statuses(&edits), [429, 429, 200]);
    for pair in edits.windows(2) {
        assert!(pair[1].at - pair[0].at >= Duration::from_millis(600), "sent again before retry_after");
    }
    println!("per-route 429: {} retries, answer delivered", edits.len() - 1);
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_global_rate_limit_on_a_mention_reply_is_waited_out_and_the_reply_arrives() {
    let bot = start().await;
    let path = format!("/channels/{}/messages", fake::CHANNEL_ID);
    bot.fake.rate_limit("POST", &path, 0.5, true, 1);
    let m = fake::user_message("<@1000> what did Charap say about the primary threat?", MEMBER, true);
    bot.fake.dispatch("MESSAGE_CREATE", m.clone());
    let r = bot
        .fake
        .wait_for(|r| r.method == "POST" && r.path == format!("/api/v10{path}") && r.status == 200, WAIT)
        .await
        .expect("the reply after the global limit");
    assert_eq!(r.body["message_reference"]["message_id"], m["id"]);
    assert!(all_text(&r.body).contains("primary threat"));
    let posts: Vec<Recorded> =
        bot.fake.requests().into_iter().filter(|r| r.method == "POST" && r.path.ends_with(&path)).collect();
    assert_eq!(statuses(&posts), [429, 200]);
    assert!(posts[1].at - posts[0].at >= Duration::from_millis(500));
    println!("global 429 on a channel reply: 1 retry, reply delivered");
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn server_errors_on_the_acknowledgement_the_edit_and_a_channel_reply_are_retried() {
    let bot = start().await;
    let i = ask("what did Hass predict?", MEMBER);
    let token = token_of(&i);
    let id = i["id"].as_str().unwrap().to_string();
    bot.fake.fail_times("POST", &format!("/interactions/{id}/"), 502, 1);
    bot.fake.fail_times("PATCH", &token, 500, 1);
    bot.fake.fail_times("PATCH", &token, 502, 2);
    bot.fake.dispatch("INTERACTION_CREATE", i.clone());
    let r = reply_to(&bot, &i, has_embeds).await;
    assert!(all_text(&r.body).contains("Ryan Hass"));
    assert_eq!(statuses(&edits_of(&bot, &token)), [500, 502, 502, 200]);
    let acks: Vec<u16> = bot
        .fake
        .requests()
        .iter()
        .filter(|r| r.path.contains(&format!("/interactions/{id}/")))
        .map(|r| r.status)
        .collect();
    assert_eq!(acks, [502, 204]);

    let path = format!("/channels/{}/messages", fake::CHANNEL_ID);
    bot.fake.fail_times("POST", &path, 503, 2);
    let m = fake::user_message("<@1000> what did Gabuev say about the iceberg?", MEMBER + 1, true);
    bot.fake.dispatch("MESSAGE_CREATE", m.clone());
    let r = bot
        .fake
        .wait_for(|r| r.method == "POST" && r.path.ends_with(&path) && r.status == 200, WAIT)
        .await
        .expect("the channel reply after two 503s");
    assert!(all_text(&r.body).contains("underwater part of the iceberg"));
    let n5xx = bot.fake.count_status(500) + bot.fake.count_status(502) + bot.fake.count_status(503);
    assert_eq!(n5xx, 6);
    println!("5xx: {n5xx} failures (502 ack, 500+502+502 edit, 503+503 channel reply) retried, all answers delivered");
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn when_edits_keep_failing_the_bot_gives_up_after_five_tries_and_says_so_in_a_follow_up() {
    let bot = start().await;
    let i = ask("what did Gabuev say about the iceberg?", MEMBER);
    let token = token_of(&i);
    bot.fake.fail_times("PATCH", &token, 503, 1000);
    bot.fake.dispatch("INTERACTION_CREATE", i.clone());
    let follow = bot
        .fake
        .wait_for(
            |r| r.method == "POST" && r.path.ends_with(&format!("/webhooks/{}/{token}", fake::APPLICATION_ID)),
            WAIT,
        )
        .await
        .expect("a follow-up telling the user");
    let text = follow.body["content"].as_str().unwrap_or("");
    assert!(text.contains("did not accept my answer") && text.contains("ask again"), "{text}");
    assert_eq!(statuses(&edits_of(&bot, &token)), [503; 5], "five tries, then no more");
    println!("persistent 503: 5 attempts, then a follow-up apology");
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_retry_after_longer_than_a_reply_may_take_is_not_waited_for_and_the_user_is_told() {
    let bot = start().await;
    let i = ask("what did Gabuev say about the iceberg?", MEMBER);
    let token = token_of(&i);
    bot.fake.rate_limit("PATCH", &token, 3600.0, false, 1000);
    bot.fake.dispatch("INTERACTION_CREATE", i.clone());
    let follow = bot
        .fake
        .wait_for(
            |r| r.method == "POST" && r.path.ends_with(&format!("/webhooks/{}/{token}", fake::APPLICATION_ID)),
            WAIT,
        )
        .await
        .expect("a follow-up telling the user");
    let text = follow.body["content"].as_str().unwrap_or("");
    assert!(text.contains("rate limiting me"), "{text}");
    assert_eq!(statuses(&edits_of(&bot, &token)), [429], "one try: an hour's wait is past the reply budget");
    bot.stop().await;
}

/// Sends a question and waits for its answer (the bot is usable).
async fn answered(bot: &Bot, user: u64) {
    let i = ask("what did Wan say about comparing notes?", user);
    bot.fake.dispatch("INTERACTION_CREATE", i.clone());
    let r = reply_to(bot, &i, has_embeds).await;
    assert!(all_text(&r.body).contains("compare notes"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_gateway_closes_and_a_dropped_socket_the_bot_resumes_and_answers_the_next_question() {
    let bot = start().await;
    let mut sessions = 1;
    for (n, fault) in ["close 4000", "close 1000", "close 1001", "drop"].into_iter().enumerate() {
        let connections = bot.fake.connections();
        match fault {
            "drop" => bot.fake.drop_gateway(),
            close => bot.fake.close_gateway(close[6..].parse().unwrap()),
        }
        sessions += 1;
        assert!(bot.fake.wait_sessions(sessions, WAIT).await, "no new session after {fault}");
        assert!(bot.fake.connections() > connections, "{fault}: no new connection");
        answered(&bot, MEMBER + n as u64).await;
    }
    let (identifies, resumes) = (bot.fake.identifies(), bot.fake.resumes());
    assert_eq!(identifies + resumes, 5, "one session at start and one after each of the four faults");
    assert!(resumes >= 1, "a resumable session is resumed, not re-identified");
    println!(
        "gateway: 4 faults (4000, 1000, 1001, dropped socket) -> {resumes} resumes, {} re-identifies, 4 questions answered after them",
        identifies - 1
    );
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rejected_token_4004_stops_the_bot_with_a_clear_error_and_no_retry_loop() {
    let fake = FakeDiscord::start().await;
    fake.reject_identify(4004);
    let dir = tempfile::tempdir().unwrap();
    let env: Vec<(String, String)> = vec![
        ("SUMMITBOT__DISCORD__TOKEN".into(), fake::TOKEN.into()),
        ("SUMMITBOT__DISCORD__API_BASE".into(), fake.api_base()),
        ("SUMMITBOT__CORPUS__DIR".into(), bundled_corpus().display().to_string()),
        ("SUMMITBOT__INDEX__DIR".into(), dir.path().join("index").display().to_string()),
        ("SUMMITBOT__EMBED__ENABLED".into(), "false".into()),
    ];
    let settings = Settings::load_with_env(None, env).unwrap();
    let run = summitbot::discord::run(settings, std::future::pending());
    let ended = tokio::time::timeout(Duration::from_secs(60), run).await.expect("the bot stops by itself");
    let err = format!("{:#}", ended.expect_err("a rejected token is an error"));
    assert!(err.contains("rejected the bot token") && err.contains("4004"), "{err}");
    assert!(!err.contains(fake::TOKEN), "the token is never shown");
    // Nothing tries again behind our back.
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(fake.identifies(), 1);
    assert_eq!(fake.connections(), 1);
    println!("4004: 1 identify, 1 connection, stopped with: {err}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_hundred_questions_during_ten_reindexes_are_all_answered_from_complete_indexes() {
    let bot = start_with(&bundled_corpus(), &[("SUMMITBOT__LIMITS__QUESTIONS_PER_MINUTE", "100000")]).await;
    // Questions with the words their answer must hold: a half-built or empty index would
    // answer with nothing, or with something else.
    let cases = [
        ("what did Gabuev say about the iceberg?", "underwater part of the iceberg"),
        ("what did Charap say about the primary threat?", "primary threat"),
        ("what did Wan say about comparing notes?", "compare notes"),
        ("what did Hass predict?", "Ryan Hass"),
    ];
    let reindexing = AtomicBool::new(false);
    let reindexer = async {
        let mut done = 0;
        for _ in 0..10 {
            let re = fake::slash_command("reindex", json!([]), ADMIN, MANAGE_GUILD, &[]);
            reindexing.store(true, Ordering::SeqCst);
            bot.fake.dispatch("INTERACTION_CREATE", re.clone());
            let r = reply_to(&bot, &re, |b| {
                b["content"].as_str().is_some_and(|c| c.contains("Re-index done") || c.contains("already running"))
            })
            .await;
            reindexing.store(false, Ordering::SeqCst);
            if r.body["content"].as_str().unwrap().contains("Re-index done") {
                done += 1;
            }
        }
        done
    };
    let asker = async {
        let mut sent = Vec::new();
        let mut during = 0;
        for n in 0..200 {
            if reindexing.load(Ordering::SeqCst) {
                during += 1;
            }
            let (q, want) = cases[n % cases.len()];
            let i = ask(q, 10_000 + n as u64);
            bot.fake.dispatch("INTERACTION_CREATE", i.clone());
            sent.push((i, want));
            // Spread the questions over the re-indexes rather than all before the first.
            tokio::time::sleep(Duration::from_millis(15)).await;
        }
        (sent, during)
    };
    let (reindexes, (sent, during)) = tokio::join!(reindexer, asker);
    assert!(during > 0, "no question was asked while a re-index ran");
    let mut right = 0;
    for (i, want) in &sent {
        let r = reply_to(&bot, i, |b| has_embeds(b) || b["content"].as_str().is_some_and(|c| !c.is_empty())).await;
        let text = all_text(&r.body);
        assert!(text.contains(want), "{} was answered with {text}", i["data"]["options"][0]["value"]);
        right += 1;
    }
    assert_eq!(reindexes, 10, "each re-index finished before the next began");
    assert_eq!(right, 200);
    println!(
        "load: {right}/200 questions answered with the expected quote; {during} of them sent while one of the {reindexes} re-indexes was running"
    );
    bot.stop().await;
}
