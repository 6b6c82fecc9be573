//! The `summitbot` command line: serve | ask | timeline | index | sources | quotes | health.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use summitbot::engine::{Engine, IndexStatus, Library};
use summitbot::index::SearchIndex;
use summitbot::settings::{LogFormat, Settings};
use summitbot::{render, Error};

#[derive(Parser, Debug)]
#[command(
    name = "summitbot",
    version,
    about = "Answers questions about the Putin–Xi summits with verbatim, cited quotes"
)]
struct Cli {
    /// A settings file (TOML) read after config/default.toml and config/local.toml.
    #[arg(long, global = true, value_name = "PATH")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Run the Discord bot.
    Serve,
    /// Answer a question from the corpus.
    Ask {
        /// The question, e.g. "what did Gabuev say about the iceberg?"
        question: String,
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Show dated events reported by the articles.
    Timeline {
        /// Only events whose text mentions these words.
        #[arg(long)]
        topic: Option<String>,
        /// From this date (YYYY, YYYY-MM or YYYY-MM-DD).
        #[arg(long)]
        from: Option<String>,
        /// Up to this date (YYYY, YYYY-MM or YYYY-MM-DD).
        #[arg(long)]
        to: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Build the search index from the corpus.
    Index,
    /// List the articles in the corpus.
    Sources {
        #[arg(long)]
        json: bool,
    },
    /// Every extracted quote with its speaker (or none), the cue and the rule that decided it.
    Quotes {
        /// Only this article (its file name without extension).
        #[arg(long, value_name = "ID")]
        article: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Exit 0 when the index opens and answers a probe question (never builds the index; for
    /// container health checks and monitoring).
    Health {
        /// The probe question.
        #[arg(long, default_value = "what did Xi say about the partnership?")]
        question: String,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = Settings::load(cli.config.as_deref()).map_err(anyhow::Error::from).and_then(|settings| {
        init_logs(&settings, matches!(cli.command, Command::Serve));
        run(cli, settings)
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let code = e.downcast_ref::<Error>().map_or(1, Error::exit_code);
            let msg = match e.downcast_ref::<Error>() {
                Some(core) => core.to_string(),
                None => format!("{e:#}"),
            };
            eprintln!("error: {msg}");
            ExitCode::from(code as u8)
        }
    }
}

/// Logs go to stderr: coloured only when it is a terminal (a file or a pipe gets plain
/// text), or JSON lines with `log.format = "json"`. `RUST_LOG` picks what is logged; by
/// default warnings, and for `serve` also summitbot's own info lines (one per question).
fn init_logs(settings: &Settings, serving: bool) {
    let default = if serving { "warn,summitbot=info" } else { "warn" };
    let filter = tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| default.into());
    let fmt = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
    match settings.log.format {
        LogFormat::Text => fmt.with_ansi(std::io::stderr().is_terminal()).init(),
        LogFormat::Json => fmt.json().with_ansi(false).with_current_span(true).with_span_list(false).init(),
    }
}

fn open(settings: &Settings) -> anyhow::Result<Engine> {
    let (engine, status) = Engine::open(settings)?;
    if let IndexStatus::Built { reason } = status {
        eprintln!("summitbot: built the index at {} ({reason})", settings.index.dir.display());
    }
    report_problems(&engine);
    Ok(engine)
}

fn report_problems(engine: &Engine) {
    for p in &engine.library.corpus.problems {
        eprintln!("summitbot: skipped {}: {}", p.path.display(), p.reason);
    }
}

fn run(cli: Cli, settings: Settings) -> anyhow::Result<()> {
    let mut stdout = std::io::stdout().lock();
    match cli.command {
        Command::Serve => summitbot::discord::serve(settings),
        Command::Ask { question, json } => {
            // Check the question before any loading: a bad one costs nothing.
            summitbot::answer::Question::parse(&question, settings.limits.max_question_chars)?;
            let engine = open(&settings)?;
            let answer = engine.ask(&question)?;
            let out = if json { render::json(&answer) } else { render::text(&answer) };
            writeln!(stdout, "{}", out.trim_end())?;
            Ok(())
        }
        Command::Timeline { topic, from, to, json } => {
            let filter = summitbot::timeline::Filter::parse(topic.as_deref(), from.as_deref(), to.as_deref())?;
            let engine = open(&settings)?;
            let events = engine.library.timeline.select(&filter);
            let out = if json {
                summitbot::timeline::render_json(&engine.library, &events)
            } else {
                summitbot::timeline::render_text(&engine.library, &events)
            };
            writeln!(stdout, "{}", out.trim_end())?;
            Ok(())
        }
        Command::Index => {
            let started = std::time::Instant::now();
            let engine = Engine::rebuild(&settings)?;
            report_problems(&engine);
            let m = &engine.index.manifest;
            writeln!(
                stdout,
                "indexed {} articles: {} attributed quotes from {} people, {} searchable units, in {} ms ({})",
                m.articles,
                m.quotes,
                m.people,
                m.units,
                started.elapsed().as_millis(),
                engine.index.dir().display()
            )?;
            Ok(())
        }
        Command::Quotes { article, json } => {
            let lib = summitbot::engine::Library::load(&settings.corpus.dir)?;
            for p in &lib.corpus.problems {
                eprintln!("summitbot: skipped {}: {}", p.path.display(), p.reason);
            }
            if let Some(id) = &article {
                if lib.corpus.article(id).is_none() {
                    return Err(Error::UnknownArticle { id: id.clone() }.into());
                }
            }
            let rows = summitbot::quotes::report::rows(&lib.corpus, &lib.ex, article.as_deref());
            let out = if json { render::quotes_json(&rows) } else { render::quotes_text(&rows) };
            writeln!(stdout, "{}", out.trim_end())?;
            Ok(())
        }
        Command::Sources { json } => {
            let engine = open(&settings)?;
            let lib = &engine.library;
            let rows: Vec<serde_json::Value> = lib
                .corpus
                .articles
                .iter()
                .enumerate()
                .map(|(i, a)| {
                    let quotes = lib.ex.quotes.iter().filter(|q| q.article == a.id && q.speaker.is_some()).count();
                    let c = lib.citation(i);
                    serde_json::json!({"id": c.id, "title": c.title, "outlet": c.outlet, "published": c.published, "url": c.url, "quotes": quotes})
                })
                .collect();
            if json {
                writeln!(stdout, "{}", serde_json::to_string_pretty(&rows)?)?;
            } else {
                for r in rows {
                    writeln!(
                        stdout,
                        "{}  {} — {} ({} quotes){}",
                        r["published"].as_str().unwrap_or(""),
                        r["title"].as_str().unwrap_or(""),
                        r["outlet"].as_str().unwrap_or(""),
                        r["quotes"],
                        r["url"].as_str().map(|u| format!("\n            <{u}>")).unwrap_or_default()
                    )?;
                }
            }
            Ok(())
        }
        Command::Health { question } => {
            let started = std::time::Instant::now();
            let q = summitbot::answer::Question::parse(&question, settings.limits.max_question_chars)?;
            let library = Library::load(&settings.corpus.dir)?;
            let index = SearchIndex::open(&settings.index.dir)?;
            if index.manifest.units_digest != library.units_digest() {
                return Err(Error::Index {
                    path: index.dir().to_path_buf(),
                    reason: "built by a version that extracts differently; `summitbot index` rebuilds it".into(),
                }
                .into());
            }
            let answer = summitbot::answer::answer(&library, &index, &q, settings.limits.max_answers)?;
            let stale = if index.manifest.fingerprint == library.corpus.fingerprint {
                ""
            } else {
                " (the corpus changed since this index was built)"
            };
            writeln!(
                stdout,
                "ok: {} ({} units) answered the probe with {} answer(s) in {} ms{stale}",
                index.dir().display(),
                index.manifest.units,
                answer.items.len(),
                started.elapsed().as_millis()
            )?;
            Ok(())
        }
    }
}
