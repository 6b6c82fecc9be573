//! The `summitbot` command line: serve | ask | timeline | index | sources | quotes | health.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use summitbot::engine::Engine;
use summitbot::settings::{LogFormat, Settings};
use summitbot::store::{Check, Progress, Store, Synced};
use summitbot::{render, Error};

/// A question allocates and frees many small strings and vectors on two threads; mimalloc
/// spends less of an answer on that than glibc's malloc (measured in `benches/scale.rs`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    /// Bring the search index in line with the corpus: only new, changed and removed article
    /// files are read (all of them the first time, or with --full).
    Index {
        /// Rebuild from every file.
        #[arg(long)]
        full: bool,
    },
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
    let mut meter = Meter::new();
    let (engine, status) = Engine::open_with(settings, Check::Quick, &mut |p| meter.show(p))?;
    meter.done();
    match status {
        Synced::Rebuilt { reason } => {
            eprintln!("summitbot: built the index at {} ({reason})", settings.index.dir.display())
        }
        Synced::Updated { changed, removed } => eprintln!(
            "summitbot: updated the index at {}: {changed} new or changed article file(s), {removed} removed",
            settings.index.dir.display()
        ),
        Synced::Fresh => {}
    }
    report_problems(&engine);
    Ok(engine)
}

fn report_problems(engine: &Engine) {
    for p in engine.store.problems() {
        eprintln!("summitbot: skipped {}: {}", p.path.display(), p.reason);
    }
}

/// Index progress on stderr: a line rewritten in place on a terminal (files/s and time left),
/// a plain line every ten seconds otherwise.
struct Meter {
    tty: bool,
    started: std::time::Instant,
    stage_started: std::time::Instant,
    last_line: std::time::Instant,
    stage: &'static str,
    shown: bool,
}

impl Meter {
    fn new() -> Meter {
        let now = std::time::Instant::now();
        Meter {
            tty: std::io::stderr().is_terminal(),
            started: now,
            stage_started: now,
            last_line: now,
            stage: "",
            shown: false,
        }
    }

    fn show(&mut self, p: Progress) {
        let (stage, done, total) = match p {
            Progress::Planned { changed, removed, full } => {
                if changed + removed > 0 {
                    let what = if full { "building the index from" } else { "updating the index:" };
                    eprintln!(
                        "summitbot: {what} {changed} article file(s){}",
                        if removed > 0 { format!(", {removed} removed") } else { String::new() }
                    );
                }
                return;
            }
            Progress::Registering { done, total } => ("reading names", done, total),
            Progress::Extracting { done, total } => ("extracting", done, total),
            Progress::Finishing => {
                self.finish_line();
                eprintln!("summitbot: merging the timeline and committing");
                return;
            }
        };
        if stage != self.stage {
            self.finish_line();
            self.stage = stage;
            self.stage_started = std::time::Instant::now();
        }
        let secs = self.stage_started.elapsed().as_secs_f64().max(1e-3);
        let rate = done as f64 / secs;
        let left = if rate > 0.0 { (total - done) as f64 / rate } else { 0.0 };
        let line = format!("{stage}: {done}/{total} articles, {rate:.0}/s, about {left:.0} s left");
        if self.tty {
            eprint!("\r\x1b[2K{line}");
            self.shown = true;
        } else if self.last_line.elapsed().as_secs() >= 10 || done == total {
            eprintln!("summitbot: {line}");
            self.last_line = std::time::Instant::now();
        }
    }

    fn finish_line(&mut self) {
        if self.shown {
            eprintln!();
            self.shown = false;
        }
    }

    fn done(&mut self) {
        self.finish_line();
        tracing::debug!(ms = self.started.elapsed().as_millis() as u64, "index ready");
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
            let events = engine.store.timeline(&filter)?;
            let out = if json {
                render::timeline::render_json(&engine.store, &events)
            } else {
                render::timeline::render_text(&engine.store, &events)
            };
            writeln!(stdout, "{}", out.trim_end())?;
            Ok(())
        }
        Command::Index { full } => {
            let started = std::time::Instant::now();
            let mut meter = Meter::new();
            let (engine, status) = if full {
                (Engine::rebuild_with(&settings, &mut |p| meter.show(p))?, Synced::Rebuilt { reason: "--full".into() })
            } else {
                Engine::open_with(&settings, Check::Thorough, &mut |p| meter.show(p))?
            };
            meter.done();
            report_problems(&engine);
            let st = &engine.store;
            let what = match status {
                Synced::Fresh => "already up to date".to_string(),
                Synced::Rebuilt { .. } => "built".to_string(),
                Synced::Updated { changed, removed } => format!("updated ({changed} changed, {removed} removed)"),
            };
            writeln!(
                stdout,
                "indexed {} articles: {} attributed quotes from {} people, {} documents, {what} in {} ms ({})",
                st.article_count(),
                st.attributed_quotes(),
                st.quoted_total(),
                engine.index().manifest.docs,
                started.elapsed().as_millis(),
                engine.index().dir().display()
            )?;
            writeln!(stdout, "sentence meanings: {}", engine.meaning_status)?;
            Ok(())
        }
        Command::Quotes { article, json } => {
            let engine = open(&settings)?;
            let st = &engine.store;
            let rows = match &article {
                Some(id) => {
                    if st.article(id)?.is_none() {
                        return Err(Error::UnknownArticle { id: id.clone() }.into());
                    }
                    st.audit(id)?
                }
                None => {
                    let mut rows = Vec::new();
                    for a in st.articles()? {
                        rows.extend(st.audit(&a.id)?);
                    }
                    rows
                }
            };
            let out = if json { render::quotes_json(&rows) } else { render::quotes_text(&rows) };
            writeln!(stdout, "{}", out.trim_end())?;
            Ok(())
        }
        Command::Sources { json } => {
            let engine = open(&settings)?;
            let rows: Vec<serde_json::Value> = engine
                .store
                .articles()?
                .iter()
                .map(|a| {
                    let c = a.citation();
                    serde_json::json!({"id": c.id, "title": c.title, "outlet": c.outlet, "published": c.published, "url": c.url, "quotes": a.quotes})
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
                writeln!(stdout, "sentence meanings: {}", engine.meaning_status)?;
            }
            Ok(())
        }
        Command::Health { question } => {
            let started = std::time::Instant::now();
            let q = summitbot::answer::Question::parse(&question, settings.limits.max_question_chars)?;
            let store = Store::open(&settings.corpus.dir, &settings.index.dir)?;
            store.index.validate()?;
            if !store.is_current() {
                return Err(Error::Index {
                    path: store.index.dir().to_path_buf(),
                    reason: "built by a version that extracts differently; `summitbot index` rebuilds it".into(),
                }
                .into());
            }
            let answer = summitbot::answer::answer(&store, &q, settings.limits.max_answers)?;
            let stale = if store.is_stale()? { " (the corpus changed since this index was built)" } else { "" };
            writeln!(
                stdout,
                "ok: {} ({} documents) answered the probe with {} answer(s) in {} ms{stale}",
                store.index.dir().display(),
                store.index.manifest.docs,
                answer.items.len(),
                started.elapsed().as_millis()
            )?;
            Ok(())
        }
    }
}
