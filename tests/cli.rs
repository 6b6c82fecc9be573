//! The command line, end to end: the real binary on the bundled corpus and on small
//! hand-written corpora, including the bad inputs a user will eventually give it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bundled_corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

fn run(corpus: &Path, index: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_summitbot"))
        .args(args)
        .env("SUMMITBOT__CORPUS__DIR", corpus)
        .env("SUMMITBOT__INDEX__DIR", index)
        // The command line's own behaviour, not retrieval: no model download (tests/embed.rs).
        .env("SUMMITBOT__EMBED__ENABLED", "false")
        .env_remove("RUST_LOG")
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("stdout is one JSON object ({e}): {}", stdout(o)))
}

fn article_body(corpus: &Path, id: &str) -> String {
    let raw = std::fs::read_to_string(corpus.join(format!("{id}.txt"))).unwrap();
    let after_open = raw.strip_prefix("+++\n").unwrap();
    let close = after_open.find("\n+++\n").unwrap();
    after_open[close + 5..].to_string()
}

#[test]
fn ask_json_answers_the_iceberg_question_with_gabuevs_verbatim_words() {
    let idx = tempfile::tempdir().unwrap();
    let o = run(&bundled_corpus(), idx.path(), &["ask", "--json", "what did Gabuev say about the iceberg?"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v = json(&o);
    let answers = v["answers"].as_array().unwrap();
    assert!(!answers.is_empty() && answers.len() <= 5);
    assert_eq!(answers[0]["speaker"], "Alexander Gabuev");
    assert_eq!(answers[0]["kind"], "quote");
    assert!(answers[0]["text"].as_str().unwrap().contains("underwater part of the iceberg"));
    // Every answer's text is exactly the article's bytes at its span.
    for a in answers {
        let body = article_body(&bundled_corpus(), a["document"]["id"].as_str().unwrap());
        let (s, e) = (a["span"][0].as_u64().unwrap() as usize, a["span"][1].as_u64().unwrap() as usize);
        assert_eq!(&body[s..e], a["text"].as_str().unwrap());
        assert!(a["document"]["published"].as_str().unwrap().len() == 10);
    }
}

#[test]
fn ask_builds_a_missing_index_once_and_says_so_on_stderr() {
    let idx = tempfile::tempdir().unwrap();
    let first = run(&bundled_corpus(), idx.path(), &["ask", "--json", "what did Charap say about the threat?"]);
    assert!(first.status.success());
    assert!(stderr(&first).contains("built the index"), "{}", stderr(&first));
    let second = run(&bundled_corpus(), idx.path(), &["ask", "--json", "what did Charap say about the threat?"]);
    assert!(second.status.success());
    assert!(!stderr(&second).contains("built the index"), "{}", stderr(&second));
    assert_eq!(json(&first)["answers"], json(&second)["answers"]);
}

#[test]
fn a_person_the_corpus_does_not_quote_gets_a_plain_no_and_nobody_elses_words() {
    let idx = tempfile::tempdir().unwrap();
    let o = run(&bundled_corpus(), idx.path(), &["ask", "--json", "What did Biden say about Taiwan?"]);
    assert!(o.status.success());
    let v = json(&o);
    assert!(v["note"].as_str().unwrap().starts_with("No quotes from Biden in the corpus"), "{v}");
    for a in v["answers"].as_array().unwrap() {
        assert_ne!(a["kind"], "quote", "no quote may stand in for Biden's words: {a}");
        assert!(!a["speaker"].as_str().unwrap_or("").contains("Biden"));
    }
}

#[test]
fn an_empty_question_is_a_one_line_error_with_exit_code_2() {
    let idx = tempfile::tempdir().unwrap();
    let o = run(&bundled_corpus(), idx.path(), &["ask", "   "]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stderr(&o).trim().lines().count(), 1, "{}", stderr(&o));
    assert!(stderr(&o).contains("empty"));
    assert!(stdout(&o).is_empty());
}

#[test]
fn a_ten_thousand_character_question_is_refused_in_one_line_without_loading_anything() {
    let idx = tempfile::tempdir().unwrap();
    let q = "why ".repeat(2500);
    let o = run(&bundled_corpus(), idx.path(), &["ask", "--json", &q]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("10000 characters") || err.contains("9999 characters"), "{err}");
    assert!(!idx.path().join("CURRENT").exists(), "nothing was built for a refused question");
}

#[test]
fn a_missing_corpus_folder_is_a_one_line_error_with_exit_code_3() {
    let idx = tempfile::tempdir().unwrap();
    let o = run(Path::new("/nonexistent/corpus"), idx.path(), &["ask", "what did Xi say?"]);
    assert_eq!(o.status.code(), Some(3));
    assert_eq!(stderr(&o).trim().lines().count(), 1, "{}", stderr(&o));
    assert!(stderr(&o).contains("/nonexistent/corpus"));
}

#[test]
fn a_file_with_a_broken_header_is_reported_and_skipped_while_the_rest_still_answers() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::copy(bundled_corpus().join("002_5ce7b6f050da88d9.txt"), corpus.join("002_5ce7b6f050da88d9.txt")).unwrap();
    std::fs::write(corpus.join("bad.txt"), "+++\ntitle = \"No outlet\"\npublished = \"2024-13-45\"\n+++\nText.\n")
        .unwrap();
    std::fs::write(corpus.join("noheader.md"), "Just text with no header.\n").unwrap();
    let o =
        run(&corpus, &dir.path().join("index"), &["ask", "--json", "what did Charap say about the primary threat?"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("bad.txt") && err.contains("outlet"), "{err}");
    assert!(err.contains("noheader.md") && err.contains("front matter"), "{err}");
    assert_eq!(json(&o)["answers"][0]["speaker"], "Samuel Charap");
    // Nothing was lost: the bad files are still there, untouched.
    assert!(corpus.join("bad.txt").exists() && corpus.join("noheader.md").exists());
}

/// The files of the index generation that `CURRENT` names (and of its `records/` part).
fn live_generation_files(index: &Path) -> impl Iterator<Item = PathBuf> {
    let live = index.join(std::fs::read_to_string(index.join("CURRENT")).unwrap().trim());
    [live.clone(), live.join("records")]
        .into_iter()
        .flat_map(|d| std::fs::read_dir(d).unwrap().map(|e| e.unwrap().path()))
        .filter(|p| p.is_file())
}

#[test]
fn a_corrupted_index_is_rebuilt_and_the_question_still_answered() {
    let idx = tempfile::tempdir().unwrap();
    assert!(run(&bundled_corpus(), idx.path(), &["index"]).status.success());
    // Damage every file of the live generation.
    for p in live_generation_files(idx.path()) {
        let mut bytes = std::fs::read(&p).unwrap();
        for b in bytes.iter_mut().step_by(7) {
            *b ^= 0x5a;
        }
        std::fs::write(&p, bytes).unwrap();
    }
    let o = run(&bundled_corpus(), idx.path(), &["ask", "--json", "what did Hass predict?"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("built the index"), "{}", stderr(&o));
    assert_eq!(json(&o)["answers"][0]["speaker"], "Ryan Hass");
}

#[test]
fn a_truncated_index_is_rebuilt_not_a_crash() {
    let idx = tempfile::tempdir().unwrap();
    assert!(run(&bundled_corpus(), idx.path(), &["index"]).status.success());
    // Cut every file of the live generation to a few bytes (shorter than tantivy's footer).
    for p in live_generation_files(idx.path()).filter(|p| p.extension().is_some_and(|x| x != "json")) {
        std::fs::write(&p, b"gar").unwrap();
    }
    let o = run(&bundled_corpus(), idx.path(), &["ask", "--json", "what did Hass predict?"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("built the index"), "{}", stderr(&o));
    assert_eq!(json(&o)["answers"][0]["speaker"], "Ryan Hass");
}

#[test]
fn an_index_whose_current_pointer_is_garbage_is_rebuilt() {
    let idx = tempfile::tempdir().unwrap();
    std::fs::write(idx.path().join("CURRENT"), "../../etc").unwrap();
    let o = run(&bundled_corpus(), idx.path(), &["ask", "--json", "what did Hass predict?"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("built the index"));
}

#[test]
fn a_changed_corpus_makes_ask_reindex_only_the_changed_article() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::copy(bundled_corpus().join("004_cb1a4ce9872c9508.txt"), corpus.join("004.txt")).unwrap();
    let index = dir.path().join("index");
    assert!(run(&corpus, &index, &["index"]).status.success());
    std::fs::copy(bundled_corpus().join("002_5ce7b6f050da88d9.txt"), corpus.join("002.txt")).unwrap();
    let o = run(&corpus, &index, &["ask", "--json", "what did Charap say about the primary threat?"]);
    assert!(stderr(&o).contains("updated the index") && stderr(&o).contains("1 new or changed"), "{}", stderr(&o));
    assert_eq!(json(&o)["answers"][0]["speaker"], "Samuel Charap");
    // Unchanged since: nothing is read or rebuilt.
    let again = run(&corpus, &index, &["ask", "--json", "what did Charap say about the primary threat?"]);
    assert!(!stderr(&again).contains("index"), "{}", stderr(&again));
    assert_eq!(json(&again)["answers"][0]["speaker"], "Samuel Charap");
    // A removed article's words are gone after the next start.
    std::fs::remove_file(corpus.join("002.txt")).unwrap();
    let o = run(&corpus, &index, &["ask", "--json", "what did Charap say about the primary threat?"]);
    assert!(stderr(&o).contains("1 removed"), "{}", stderr(&o));
    assert_ne!(json(&o)["answers"][0]["speaker"], "Samuel Charap");
}

#[test]
fn sources_lists_the_four_articles_with_their_quote_counts() {
    let idx = tempfile::tempdir().unwrap();
    let o = run(&bundled_corpus(), idx.path(), &["sources", "--json"]);
    assert!(o.status.success());
    let v = json(&o);
    let rows = v.as_array().unwrap();
    assert_eq!(rows.len(), 4);
    assert!(rows.iter().any(|r| r["outlet"] == "The Washington Post" && r["published"] == "2024-05-16"));
    assert!(rows.iter().all(|r| r["quotes"].as_u64().unwrap() > 0));
    // As text it also says whether questions are matched by meaning, and why not.
    let text = stdout(&run(&bundled_corpus(), idx.path(), &["sources"]));
    assert!(text.lines().last().unwrap().starts_with("sentence meanings: off: disabled in the settings"), "{text}");
}

#[test]
fn the_text_answer_shows_the_quote_speaker_headline_outlet_date_and_link() {
    let idx = tempfile::tempdir().unwrap();
    let o = run(&bundled_corpus(), idx.path(), &["ask", "what did Putin say about planting seeds?"]);
    let out = stdout(&o);
    assert!(out.contains("> \"Just look how if you plant seeds"), "{out}");
    assert!(out.contains("— Vladimir Putin"));
    assert!(out.contains(
        "“Putin and Xi further their embrace to defy U.S.-led pressure” — NPR, carried by WKNO, 2024-05-17 <https://"
    ));
}

#[test]
fn an_unknown_configuration_key_is_a_clear_error() {
    let idx = tempfile::tempdir().unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_summitbot"))
        .args(["ask", "what did Xi say?"])
        .env("SUMMITBOT__INDEX__DIRR", idx.path())
        .output()
        .unwrap();
    assert!(!o.status.success());
    assert!(stderr(&o).contains("dirr"), "{}", stderr(&o));
}

#[test]
fn an_index_built_by_a_program_that_extracted_differently_is_rebuilt() {
    let idx = tempfile::tempdir().unwrap();
    assert!(run(&bundled_corpus(), idx.path(), &["index"]).status.success());
    let live = std::fs::read_to_string(idx.path().join("CURRENT")).unwrap();
    let manifest = idx.path().join(live.trim()).join("store.json");
    let mut m: serde_json::Value = serde_json::from_slice(&std::fs::read(&manifest).unwrap()).unwrap();
    m["digest"] = "from-another-version".into();
    std::fs::write(&manifest, serde_json::to_vec(&m).unwrap()).unwrap();
    let o = run(&bundled_corpus(), idx.path(), &["ask", "--json", "what did Hass predict?"]);
    assert!(stderr(&o).contains("extracts differently"), "{}", stderr(&o));
    assert_eq!(json(&o)["answers"][0]["speaker"], "Ryan Hass");
}

#[test]
fn serve_without_a_token_is_a_one_line_error_before_any_connection() {
    let idx = tempfile::tempdir().unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_summitbot"))
        .arg("serve")
        .env("SUMMITBOT__INDEX__DIR", idx.path())
        .env("SUMMITBOT__DISCORD__API_BASE", "http://127.0.0.1:9")
        .env_remove("DISCORD_TOKEN")
        .env_remove("SUMMITBOT__DISCORD__TOKEN")
        .output()
        .unwrap();
    assert!(!o.status.success());
    assert_eq!(stderr(&o).trim().lines().count(), 1, "{}", stderr(&o));
    assert!(stderr(&o).contains("no Discord token"));
}

#[test]
fn a_malformed_token_is_refused_without_echoing_it() {
    let idx = tempfile::tempdir().unwrap();
    let secret = "not-a-real-token-but-secret-looking";
    let o = Command::new(env!("CARGO_BIN_EXE_summitbot"))
        .arg("serve")
        .env("SUMMITBOT__INDEX__DIR", idx.path())
        .env("DISCORD_TOKEN", secret)
        .output()
        .unwrap();
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(err.contains("malformed"), "{err}");
    assert!(!err.contains(secret));
    assert_eq!(err.trim().lines().count(), 1, "{err}");
}

#[test]
fn timeline_json_lists_dated_events_with_citations_and_bad_dates_exit_2() {
    let idx = tempfile::tempdir().unwrap();
    let o = run(&bundled_corpus(), idx.path(), &["timeline", "--json", "--topic", "Uzbekistan"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v = json(&o);
    let events = v["events"].as_array().unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["date"], "2022-09");
    assert_eq!(events[0]["precision"], "month");
    assert_eq!(events[0]["document"]["outlet"], "BBC News");
    assert!(events[0]["citations"][0]["text"].as_str().unwrap().contains("Uzbekistan"));
    // `text` is the event's clause, at `clause`, inside the sentence at `sentence`.
    let text = events[0]["text"].as_str().unwrap();
    let span = |k: &str| -> (usize, usize) {
        (events[0][k][0].as_u64().unwrap() as usize, events[0][k][1].as_u64().unwrap() as usize)
    };
    let (clause, sentence) = (span("clause"), span("sentence"));
    assert_eq!(clause.1 - clause.0, text.len());
    assert!(sentence.0 <= clause.0 && clause.1 <= sentence.1);
    assert!(events[0]["sentence_text"].as_str().unwrap().contains(text));
    let o = run(&bundled_corpus(), idx.path(), &["timeline", "--from", "last spring"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("YYYY-MM-DD"));
}

#[test]
fn who_is_answers_with_the_descriptors_the_articles_give() {
    let idx = tempfile::tempdir().unwrap();
    let o = run(&bundled_corpus(), idx.path(), &["ask", "--json", "who is the Brookings analyst?"]);
    let v = json(&o);
    let note = v["note"].as_str().unwrap();
    assert!(note.starts_with("Ryan Hass: ") && note.contains("Brookings Institution"), "{note}");
    assert!(v["answers"].as_array().unwrap().iter().all(|a| a["kind"] == "passage"));
}

fn attribution_fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/attribution")
}

#[test]
fn quotes_json_audits_every_quote_with_speaker_rule_cue_and_verbatim_spans() {
    let idx = tempfile::tempdir().unwrap();
    let corpus = attribution_fixtures();
    let o = run(&corpus, idx.path(), &["quotes", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v = json(&o);
    let quotes = v["quotes"].as_array().unwrap();
    assert!(quotes.len() >= 20, "{} quotes", quotes.len());
    for q in quotes {
        let body = article_body(&corpus, q["article"].as_str().unwrap());
        let (s, e) = (q["span"][0].as_u64().unwrap() as usize, q["span"][1].as_u64().unwrap() as usize);
        assert_eq!(&body[s..e], q["text"].as_str().unwrap(), "text is the article's bytes at span");
        assert!(!q["rule"].as_str().unwrap().is_empty());
        if q["speaker"].is_string() {
            let (cs, ce) = (q["cue_span"][0].as_u64(), q["cue_span"][1].as_u64());
            if let (Some(cs), Some(ce)) = (cs, ce) {
                assert_eq!(&body[cs as usize..ce as usize], q["cue_text"].as_str().unwrap());
            }
        }
    }
    let bank = quotes.iter().find(|q| q["text"].as_str().unwrap().contains("Tighter credit")).unwrap();
    assert_eq!(bank["speaker"], "World Bank");
    assert_eq!(bank["speaker_kind"], "organisation");
    assert_eq!(bank["rule"], "cue_after_quote");
    assert_eq!(bank["cue_text"], "the bank said");
    let sand = quotes.iter().find(|q| q["text"].as_str().unwrap().contains("built on sand")).unwrap();
    assert!(sand["speaker"].is_null(), "{sand}");
    assert!(v["unattributed"].as_u64().unwrap() >= 1);
}

#[test]
fn quotes_text_lists_one_article_and_an_unknown_article_is_a_clear_error() {
    let idx = tempfile::tempdir().unwrap();
    let corpus = attribution_fixtures();
    let o = run(&corpus, idx.path(), &["quotes", "--article", "2025-05-20_studio-sequel"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("== 2025-05-20_studio-sequel\n"), "{out}");
    assert!(!out.contains("2025-03-04_tram-vote"));
    assert!(out.contains("Pieter van der Berg · "), "{out}");
    assert!(out.contains("Harbor Pictures"), "{out}");
    let bad = run(&corpus, idx.path(), &["quotes", "--article", "no-such-article"]);
    assert_eq!(bad.status.code(), Some(2));
    assert_eq!(stderr(&bad).trim(), "error: no article \"no-such-article\" in the corpus");
}

#[test]
fn adding_an_article_to_an_index_gives_what_a_full_build_of_the_same_files_gives() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(bundled_corpus()).unwrap().map(|e| e.unwrap().path()).filter(|p| p.is_file()).collect();
    files.sort();
    let (last, first) = files.split_last().unwrap();
    for f in first {
        std::fs::copy(f, corpus.join(f.file_name().unwrap())).unwrap();
    }
    let incremental = dir.path().join("incremental");
    assert!(run(&corpus, &incremental, &["index"]).status.success());
    std::fs::copy(last, corpus.join(last.file_name().unwrap())).unwrap();
    let o = run(&corpus, &incremental, &["index"]);
    assert!(stdout(&o).contains("updated (1 changed, 0 removed)"), "{}", stdout(&o));
    let full = dir.path().join("full");
    assert!(run(&corpus, &full, &["index", "--full"]).status.success());
    for args in [
        &["timeline", "--json"][..],
        &["sources", "--json"],
        &["quotes", "--json"],
        &["ask", "--json", "what did Gabuev say about the iceberg?"],
        &["ask", "--json", "when did Putin visit Harbin?"],
    ] {
        assert_eq!(stdout(&run(&corpus, &incremental, args)), stdout(&run(&corpus, &full, args)), "{args:?}");
    }
}
