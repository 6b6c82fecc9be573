//! The real bot (`summitbot::discord::run`, what `summitbot serve` runs) against the fake
//! Discord in `tests/support`: what it sends back for commands, mentions and buttons.

mod support;

use std::path::Path;
use std::time::Duration;

use serde_json::json;
use support::bot::*;
use support::fake_discord::{self as fake, MANAGE_GUILD};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ask_is_deferred_then_answered_with_the_iceberg_quote_speaker_and_citation() {
    let bot = start().await;
    let identify = bot.fake.identify().unwrap();
    let intents = identify["intents"].as_u64().unwrap();
    assert_eq!(intents & (1 << 15), 0, "no privileged Message Content intent");
    let i = ask("what did Gabuev say about the iceberg?", MEMBER);
    bot.fake.dispatch("INTERACTION_CREATE", i.clone());
    let cb = callback_of(&bot, &i).await;
    assert_eq!(cb.body["type"], 5, "deferred first");
    let r = reply_to(&bot, &i, |b| b["embeds"].as_array().is_some_and(|e| !e.is_empty())).await;
    let e = &r.body["embeds"][0];
    assert_eq!(e["title"], "Alexander Gabuev said");
    let d = e["description"].as_str().unwrap();
    assert!(d.starts_with("> There will be the underwater part of the iceberg"), "{d}");
    assert!(d.contains("— **Alexander Gabuev**"));
    assert!(
        d.contains("China and Russia’s leaders hail their opposition to U.S.\\-led world order")
            || d.contains("China and Russia’s leaders hail their opposition to U.S.-led world order"),
        "{d}"
    );
    assert!(d.contains("The Washington Post · 2024-05-16"), "{d}");
    assert!(e["footer"]["text"].as_str().unwrap().starts_with("1 of "));
    assert!(no_mentions(&r.body), "{}", r.body);
    let buttons: Vec<String> = r.body["components"][0]["components"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["label"].as_str().unwrap_or("").to_string())
        .collect();
    assert_eq!(buttons, ["◀", "▶", "👍", "👎"]);
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_mention_is_answered_in_the_channel_as_a_reply_that_pings_nobody() {
    let bot = start().await;
    let m = fake::user_message("<@1000> what did Gabuev say about the iceberg?", MEMBER, true);
    bot.fake.dispatch("MESSAGE_CREATE", m.clone());
    let r = bot
        .fake
        .wait_for(|r| r.method == "POST" && r.path.ends_with(&format!("/channels/{}/messages", fake::CHANNEL_ID)), WAIT)
        .await
        .expect("a reply in the channel");
    assert_eq!(r.body["message_reference"]["message_id"], m["id"]);
    assert!(all_text(&r.body).contains("underwater part of the iceberg"));
    assert!(no_mentions(&r.body), "{}", r.body);
    assert_eq!(r.body["allowed_mentions"]["replied_user"], false);
    // A message that does not mention the bot, and the bot's own messages, get no reply.
    let before = bot.fake.requests().len();
    bot.fake.dispatch("MESSAGE_CREATE", fake::user_message("what did Gabuev say?", MEMBER, false));
    bot.fake.dispatch("MESSAGE_CREATE", fake::message(77, fake::BOT_USER_ID, "<@1000> echo"));
    let extra = bot
        .fake
        .wait_for(
            |r| {
                r.path.ends_with("/messages")
                    && r.method == "POST"
                    && r.body["message_reference"]["message_id"] != m["id"]
            },
            Duration::from_secs(2),
        )
        .await;
    assert!(extra.is_none(), "unexpected reply: {extra:?}");
    assert_eq!(bot.fake.requests().len(), before);
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn quoted_everyone_and_user_mentions_are_escaped_and_never_ping() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("pings.txt"),
        "+++\ntitle = \"Pings\"\noutlet = \"Test\"\npublished = \"2024-05-01\"\n+++\nPings\n\n\"Hello @everyone and <@123>, this is *bold*,\" said Ivan Petrov, a spokesman for the test.\n",
    )
    .unwrap();
    let bot = start_with(dir.path(), &[]).await;
    let i = ask("what did Petrov say?", MEMBER);
    bot.fake.dispatch("INTERACTION_CREATE", i.clone());
    let r = reply_to(&bot, &i, |b| b["embeds"].as_array().is_some_and(|e| !e.is_empty())).await;
    let d = r.body["embeds"][0]["description"].as_str().unwrap();
    assert!(d.contains("\\@everyone") && d.contains("\\<\\@123>") && d.contains("\\*bold\\*"), "{d}");
    assert!(no_mentions(&r.body));
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_long_answer_is_split_within_discords_limits_without_losing_words() {
    let dir = tempfile::tempdir().unwrap();
    let long: String =
        (0..70).map(|n| format!("Point number {n} of the long statement is about trade and gas pipelines. ")).collect();
    assert!(long.len() > 4500);
    std::fs::write(
        dir.path().join("long.txt"),
        format!("+++\ntitle = \"Long\"\noutlet = \"Test\"\npublished = \"2024-05-01\"\n+++\nLong\n\n\"{}\" said Ivan Petrov, a spokesman for the test.\n", long.trim_end()),
    )
    .unwrap();
    let bot = start_with(dir.path(), &[]).await;
    let i = ask("what did Petrov say about pipelines?", MEMBER);
    bot.fake.dispatch("INTERACTION_CREATE", i.clone());
    let r = reply_to(&bot, &i, |b| b["embeds"].as_array().is_some_and(|e| !e.is_empty())).await;
    let embeds = r.body["embeds"].as_array().unwrap();
    assert!(embeds.len() >= 2, "a quote over 4096 characters needs more than one embed");
    let mut total = 0;
    for e in embeds {
        let d = e["description"].as_str().unwrap();
        assert!(d.chars().count() <= 4096);
        total += d.chars().count()
            + e["title"].as_str().map_or(0, |t| t.chars().count())
            + e["footer"]["text"].as_str().map_or(0, |t| t.chars().count());
    }
    assert!(total <= 6000 && embeds.len() <= 10);
    assert!(r.body["content"].as_str().unwrap_or("").chars().count() <= 2000);
    // Every word of the quote is there, in order, across the embeds (and pages, if any).
    let mut shown = String::new();
    for e in embeds {
        for line in e["description"].as_str().unwrap().lines().filter_map(|l| l.strip_prefix("> ")) {
            shown.push_str(line);
            shown.push(' ');
        }
    }
    let pages_note = r.body["components"][0]["components"].as_array().map_or(0, |c| c.len());
    let shown_words: Vec<&str> = shown.split_whitespace().collect();
    let want: Vec<&str> = long.split_whitespace().collect();
    if pages_note >= 4 && shown_words.len() < want.len() {
        // The rest is on the next page(s): the first page is a prefix of the quote.
        assert_eq!(&want[..shown_words.len()], &shown_words[..]);
    } else {
        assert_eq!(shown_words, want);
    }
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn quote_autocomplete_offers_matching_quoted_people_despite_typos() {
    let bot = start().await;
    for (typed, want) in
        [("gabu", "Alexander Gabuev"), ("Charap", "Samuel Charap"), ("khodarenk", "Mikhail Khodarenok")]
    {
        let i = fake::autocomplete(
            "quote",
            json!([{"name": "speaker", "type": 3, "value": typed, "focused": true}]),
            MEMBER,
        );
        bot.fake.dispatch("INTERACTION_CREATE", i.clone());
        let cb = callback_of(&bot, &i).await;
        assert_eq!(cb.body["type"], 8);
        let choices = cb.body["data"]["choices"].as_array().unwrap();
        assert!(choices.len() <= 25);
        assert_eq!(choices[0]["name"], want, "{typed}: {choices:?}");
    }
    let i = fake::autocomplete("quote", json!([{"name": "speaker", "type": 3, "value": "", "focused": true}]), MEMBER);
    bot.fake.dispatch("INTERACTION_CREATE", i.clone());
    let cb = callback_of(&bot, &i).await;
    let n = cb.body["data"]["choices"].as_array().unwrap().len();
    assert!((5..=25).contains(&n), "{n}");
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn quote_command_answers_with_the_named_persons_words_only() {
    let bot = start().await;
    let i = fake::slash_command(
        "quote",
        json!([{"name": "speaker", "type": 3, "value": "Samuel Charap"}, {"name": "about", "type": 3, "value": "primary threat"}]),
        MEMBER,
        0,
        &[],
    );
    bot.fake.dispatch("INTERACTION_CREATE", i.clone());
    let r = reply_to(&bot, &i, |b| b["embeds"].as_array().is_some_and(|e| !e.is_empty())).await;
    assert!(all_text(&r.body).contains("shared sense that the U.S. is the primary threat"));
    assert_eq!(r.body["embeds"][0]["title"], "Samuel Charap said");
    let i = fake::slash_command("quote", json!([{"name": "speaker", "type": 3, "value": "Biden"}]), MEMBER, 0, &[]);
    bot.fake.dispatch("INTERACTION_CREATE", i.clone());
    let r = reply_to(&bot, &i, |b| b["content"].as_str().is_some_and(|c| !c.is_empty())).await;
    assert!(r.body["content"].as_str().unwrap().starts_with("No quotes from Biden in the corpus"));
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reindex_by_an_admin_swaps_in_a_new_article_while_questions_are_still_answered() {
    let bot = start().await;
    let i = ask("what did Lindqvist say about the spring?", MEMBER);
    bot.fake.dispatch("INTERACTION_CREATE", i.clone());
    let r = reply_to(&bot, &i, |b| b["content"].as_str().is_some_and(|c| !c.is_empty())).await;
    assert!(r.body["content"].as_str().unwrap().contains("No quotes from Lindqvist"));

    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/patterns/2024-01-10_summit-wrap.txt"),
        bot.corpus.join("2024-01-10_summit-wrap.txt"),
    )
    .unwrap();
    let re = fake::slash_command("reindex", json!([]), ADMIN, MANAGE_GUILD, &[]);
    bot.fake.dispatch("INTERACTION_CREATE", re.clone());
    // A question sent while the re-index runs is answered (from the old or new index).
    let during = ask("what did Charap say about the primary threat?", MEMBER);
    bot.fake.dispatch("INTERACTION_CREATE", during.clone());
    let d = reply_to(&bot, &during, |b| b["embeds"].as_array().is_some_and(|e| !e.is_empty())).await;
    assert!(all_text(&d.body).contains("primary threat"));
    let cb = callback_of(&bot, &re).await;
    assert_eq!(cb.body["type"], 5);
    assert_eq!(cb.body["data"]["flags"], 64, "admin replies are ephemeral");
    let done = reply_to(&bot, &re, |b| b["content"].as_str().is_some_and(|c| c.contains("Re-index done"))).await;
    assert!(done.body["content"].as_str().unwrap().contains("5 articles"), "{}", done.body);

    let after = ask("what did Lindqvist say about the spring?", MEMBER);
    bot.fake.dispatch("INTERACTION_CREATE", after.clone());
    let r = reply_to(&bot, &after, |b| b["embeds"].as_array().is_some_and(|e| !e.is_empty())).await;
    assert!(all_text(&r.body).contains("We will meet again in the spring."));
    bot.stop().await;
}

fn listing(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap())
        })
        .collect();
    v.sort();
    v
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reindex_and_ingest_by_a_member_without_manage_server_are_refused_and_change_nothing() {
    let bot = start().await;
    let before = listing(&bot.corpus);
    let re = fake::slash_command("reindex", json!([]), MEMBER, 0, &[]);
    bot.fake.dispatch("INTERACTION_CREATE", re.clone());
    let cb = callback_of(&bot, &re).await;
    assert_eq!(cb.body["type"], 4);
    assert_eq!(cb.body["data"]["flags"], 64);
    assert!(cb.body["data"]["content"].as_str().unwrap().contains("Manage Server"));

    let url = bot.fake.add_attachment("new.txt", b"New article\n\nSomething happened.\n".to_vec());
    let ing = fake::slash_command_with_attachment(
        "ingest",
        json!([
            {"name": "file", "type": 11, "value": "555"},
            {"name": "title", "type": 3, "value": "New article"},
            {"name": "outlet", "type": 3, "value": "Test"},
            {"name": "published", "type": 3, "value": "2024-05-20"},
        ]),
        fake::attachment(555, "new.txt", 33, &url),
        MEMBER,
        0,
    );
    bot.fake.dispatch("INTERACTION_CREATE", ing.clone());
    let cb = callback_of(&bot, &ing).await;
    assert_eq!(cb.body["type"], 4);
    assert!(cb.body["data"]["content"].as_str().unwrap().contains("Nothing was changed"));
    assert!(bot.fake.requests().iter().all(|r| !r.path.starts_with("/attachments")), "nothing was downloaded");
    assert_eq!(listing(&bot.corpus), before);
    // The registered commands ask Discord to show them to Manage Server members only.
    let put = bot.fake.requests().into_iter().find(|r| r.method == "PUT").unwrap();
    for name in ["reindex", "ingest"] {
        let c = put.body.as_array().unwrap().iter().find(|c| c["name"] == name).unwrap();
        assert_eq!(c["default_member_permissions"], MANAGE_GUILD.to_string());
    }
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ingest_by_an_admin_adds_the_article_and_makes_it_answerable() {
    let bot = start().await;
    let text = "Ministers meet\n\n\"The pipeline deal is done,\" said Olga Smirnova, a deputy energy minister.\n";
    let url = bot.fake.add_attachment("deal.md", text.as_bytes().to_vec());
    let ing = fake::slash_command_with_attachment(
        "ingest",
        json!([
            {"name": "file", "type": 11, "value": "556"},
            {"name": "title", "type": 3, "value": "Ministers meet"},
            {"name": "outlet", "type": 3, "value": "Test Wire"},
            {"name": "published", "type": 3, "value": "2024-05-20"},
            {"name": "url", "type": 3, "value": "https://example.org/deal"},
        ]),
        fake::attachment(556, "deal.md", text.len(), &url),
        ADMIN,
        MANAGE_GUILD,
    );
    bot.fake.dispatch("INTERACTION_CREATE", ing.clone());
    let done = reply_to(&bot, &ing, |b| b["content"].as_str().is_some_and(|c| c.contains("Re-index done"))).await;
    let content = done.body["content"].as_str().unwrap();
    assert!(content.contains("Added `2024-05-20_ministers-meet.txt`"), "{}", done.body);
    // The admin sees who the new article quotes.
    assert!(content.contains("Quotes found in it: 1. Attributed: Olga Smirnova (1); unattributed: 0."), "{content}");
    let written = std::fs::read_to_string(bot.corpus.join("2024-05-20_ministers-meet.txt")).unwrap();
    assert!(written.starts_with("+++\ntitle = \"Ministers meet\""));
    assert!(written.ends_with(text));

    let i = ask("what did Smirnova say about the pipeline?", MEMBER);
    bot.fake.dispatch("INTERACTION_CREATE", i.clone());
    let r = reply_to(&bot, &i, |b| b["embeds"].as_array().is_some_and(|e| !e.is_empty())).await;
    assert!(all_text(&r.body).contains("The pipeline deal is done"));

    // The same article again is refused and the file is left as it was.
    let again = fake::slash_command_with_attachment(
        "ingest",
        json!([
            {"name": "file", "type": 11, "value": "557"},
            {"name": "title", "type": 3, "value": "Ministers meet"},
            {"name": "outlet", "type": 3, "value": "Test Wire"},
            {"name": "published", "type": 3, "value": "2024-05-20"},
        ]),
        fake::attachment(557, "deal.md", text.len(), &url),
        ADMIN,
        MANAGE_GUILD,
    );
    bot.fake.dispatch("INTERACTION_CREATE", again.clone());
    let r = reply_to(&bot, &again, |b| b["content"].as_str().is_some_and(|c| c.starts_with("Not added"))).await;
    // The index knows the headline and date: the existing article is named.
    let refused = r.body["content"].as_str().unwrap();
    assert!(refused.contains("already has this article (2024-05-20\\_ministers-meet.txt)"), "{refused}");
    assert_eq!(std::fs::read_to_string(bot.corpus.join("2024-05-20_ministers-meet.txt")).unwrap(), written);
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_user_over_the_rate_limit_is_told_when_to_try_again() {
    let bot = start_with(&bundled_corpus(), &[("SUMMITBOT__LIMITS__QUESTIONS_PER_MINUTE", "2")]).await;
    let mut last = None;
    for _ in 0..3 {
        let i = ask("what did Xi say about core interests?", MEMBER);
        bot.fake.dispatch("INTERACTION_CREATE", i.clone());
        last = Some(reply_to(&bot, &i, |_| true).await);
    }
    let text = last.unwrap().body["content"].as_str().unwrap_or("").to_string();
    assert!(text.contains("try again in") && text.contains(" s."), "{text}");
    // Another user is not affected.
    let i = ask("what did Xi say about core interests?", MEMBER + 1);
    bot.fake.dispatch("INTERACTION_CREATE", i.clone());
    let r = reply_to(&bot, &i, |_| true).await;
    assert!(r.body["embeds"].as_array().is_some_and(|e| !e.is_empty()));
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_overlong_question_is_refused_politely() {
    let bot = start().await;
    let i = ask(&"why ".repeat(200), MEMBER);
    bot.fake.dispatch("INTERACTION_CREATE", i.clone());
    let r = reply_to(&bot, &i, |_| true).await;
    assert!(r.body["content"].as_str().unwrap().contains("please keep it under 500"), "{}", r.body);
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_interactions_do_not_crash_the_bot() {
    let bot = start().await;
    bot.fake.send_raw("{not json");
    bot.fake.dispatch("INTERACTION_CREATE", json!({"id": "1", "type": 2}));
    bot.fake.dispatch("INTERACTION_CREATE", fake::slash_command("no_such_command", json!([]), MEMBER, 0, &[]));
    bot.fake.dispatch(
        "INTERACTION_CREATE",
        fake::slash_command("ask", json!([{"name": "question", "type": 4, "value": 12}]), MEMBER, 0, &[]),
    );
    bot.fake.dispatch(
        "INTERACTION_CREATE",
        fake::button_click("sb:p:999999:5", fake::message(5, fake::BOT_USER_ID, ""), MEMBER),
    );
    bot.fake.dispatch(
        "INTERACTION_CREATE",
        fake::button_click("garbage:::", fake::message(5, fake::BOT_USER_ID, ""), MEMBER),
    );
    let i = ask("what did Hass predict?", MEMBER);
    bot.fake.dispatch("INTERACTION_CREATE", i.clone());
    let r = reply_to(&bot, &i, |b| b["embeds"].as_array().is_some_and(|e| !e.is_empty())).await;
    assert!(all_text(&r.body).contains("Ryan Hass"));
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn buttons_page_through_answers_and_feedback_is_counted_once_in_status() {
    let bot = start().await;
    let i = ask("what did Gabuev say about the iceberg?", MEMBER);
    bot.fake.dispatch("INTERACTION_CREATE", i.clone());
    let r = reply_to(&bot, &i, |b| b["embeds"].as_array().is_some_and(|e| !e.is_empty())).await;
    let row = r.body["components"][0]["components"].as_array().unwrap().clone();
    let next = row[1]["custom_id"].as_str().unwrap().to_string();
    let up = row[2]["custom_id"].as_str().unwrap().to_string();
    let click = fake::button_click(&next, fake::message(1, fake::BOT_USER_ID, ""), MEMBER);
    bot.fake.dispatch("INTERACTION_CREATE", click.clone());
    let cb = callback_of(&bot, &click).await;
    assert_eq!(cb.body["type"], 7, "the message is updated in place");
    assert!(cb.body["data"]["embeds"][0]["footer"]["text"].as_str().unwrap().starts_with("2 of "));
    assert!(no_mentions(&cb.body["data"]));
    for _ in 0..2 {
        let vote = fake::button_click(&up, fake::message(1, fake::BOT_USER_ID, ""), MEMBER);
        bot.fake.dispatch("INTERACTION_CREATE", vote.clone());
        let cb = callback_of(&bot, &vote).await;
        assert_eq!(cb.body["data"]["flags"], 64);
    }
    let s = fake::slash_command("status", json!([]), MEMBER, 0, &[]);
    bot.fake.dispatch("INTERACTION_CREATE", s.clone());
    let r = reply_to(&bot, &s, |b| b["content"].as_str().is_some_and(|c| c.contains("Feedback"))).await;
    let text = r.body["content"].as_str().unwrap();
    assert!(text.contains("Feedback: 👍 1 · 👎 0"), "{text}");
    assert!(text.contains("Articles: 4") && text.contains("Questions answered: 1"), "{text}");
    assert!(text.contains("Sentence meanings: off: disabled in the settings"), "{text}");
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failing_discord_edit_does_not_leave_the_bot_broken() {
    let bot = start().await;
    let i = ask("what did Hass predict?", MEMBER);
    // Every edit and follow-up of this interaction fails (the acknowledgement goes through).
    bot.fake.fail(&format!("/webhooks/{}/{}", fake::APPLICATION_ID, token_of(&i)), 500);
    bot.fake.dispatch("INTERACTION_CREATE", i.clone());
    callback_of(&bot, &i).await;
    // The bot keeps serving others.
    let j = ask("what did Wan say about comparing notes?", MEMBER);
    bot.fake.dispatch("INTERACTION_CREATE", j.clone());
    let r = reply_to(&bot, &j, |b| b["embeds"].as_array().is_some_and(|e| !e.is_empty())).await;
    assert!(all_text(&r.body).contains("compare notes"));
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sources_and_help_fit_discord_and_link_without_previews() {
    let bot = start().await;
    let s = fake::slash_command("sources", json!([]), MEMBER, 0, &[]);
    bot.fake.dispatch("INTERACTION_CREATE", s.clone());
    let r = reply_to(&bot, &s, |b| b["content"].as_str().is_some_and(|c| !c.is_empty())).await;
    let t = r.body["content"].as_str().unwrap();
    assert!(t.contains("4 articles") && t.contains("(<https://www.wemu.org/"), "{t}");
    assert!(t.chars().count() <= 2000);
    let h = fake::slash_command("help", json!([]), MEMBER, 0, &[]);
    bot.fake.dispatch("INTERACTION_CREATE", h.clone());
    let r = reply_to(&bot, &h, |b| b["content"].as_str().is_some_and(|c| !c.is_empty())).await;
    assert!(r.body["content"].as_str().unwrap().contains("/ask"));
    bot.stop().await;
}

fn dates_in(description: &str) -> Vec<String> {
    description
        .lines()
        .filter_map(|l| l.strip_prefix("**"))
        .filter_map(|l| l.split("**").next())
        .filter(|d| d.chars().next().is_some_and(|c| c.is_ascii_digit()))
        .map(String::from)
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn timeline_is_ordered_cited_and_paged_within_discords_limits() {
    let bot = start().await;
    let t = fake::slash_command("timeline", json!([]), MEMBER, 0, &[]);
    bot.fake.dispatch("INTERACTION_CREATE", t.clone());
    let r = reply_to(&bot, &t, |b| b["embeds"].as_array().is_some_and(|e| !e.is_empty())).await;
    let first = r.body["embeds"][0]["description"].as_str().unwrap().to_string();
    assert!(first.chars().count() <= 4096);
    assert!(first.contains("**Sources**") && first.contains("](https://"), "{first}");
    assert!(no_mentions(&r.body));
    let mut dates = dates_in(&first);
    assert!(!dates.is_empty());
    // Page on with ▶ until the last page; dates never go backwards.
    let mut row = r.body["components"][0]["components"].as_array().unwrap().clone();
    assert_eq!(row.len(), 2, "paging buttons only, no feedback on a timeline");
    for _ in 0..10 {
        if row[1]["disabled"] == true {
            break;
        }
        let click =
            fake::button_click(row[1]["custom_id"].as_str().unwrap(), fake::message(1, fake::BOT_USER_ID, ""), MEMBER);
        bot.fake.dispatch("INTERACTION_CREATE", click.clone());
        let cb = callback_of(&bot, &click).await;
        let d = cb.body["data"]["embeds"][0]["description"].as_str().unwrap();
        assert!(d.chars().count() <= 4096);
        dates.extend(dates_in(d));
        row = cb.body["data"]["components"][0]["components"].as_array().unwrap().clone();
    }
    let mut sorted = dates.clone();
    // A year sorts before its months, a month before its days.
    sorted.sort_by_key(|d| format!("{d}{}", &"-00-00"[..10 - d.len()]));
    assert_eq!(dates, sorted);
    assert!(dates.contains(&"2022-09".to_string()) && dates.contains(&"2024-05-17".to_string()), "{dates:?}");

    let t = fake::slash_command(
        "timeline",
        json!([{"name": "topic", "type": 3, "value": "Harbin"}, {"name": "from", "type": 3, "value": "May 2024"}]),
        MEMBER,
        0,
        &[],
    );
    bot.fake.dispatch("INTERACTION_CREATE", t.clone());
    let r = reply_to(&bot, &t, |b| b["content"].as_str().is_some_and(|c| !c.is_empty())).await;
    assert!(r.body["content"].as_str().unwrap().contains("YYYY-MM-DD"), "{}", r.body);
    bot.stop().await;
}
