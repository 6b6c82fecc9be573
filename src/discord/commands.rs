//! Slash commands. Each one defers first (Discord allows 3 s), then does its work and edits
//! the deferred reply; any failure edits it into a short apology.

use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::{Duration, Instant};

use ::serenity::http::{LightMethod, Route};
use poise::serenity_prelude as serenity;
use serenity::{
    CommandInteraction, CreateInteractionResponse, CreateInteractionResponseFollowup, CreateInteractionResponseMessage,
    EditInteractionResponse,
};
use tracing::Instrument;

use super::metrics::Outcome;
use super::reply::{self, answer_pages, no_mentions};
use super::rest::{Call, SendError, ACK_BUDGET, REPLY_BUDGET};
use super::state::{Data, ReindexGuard, ReindexReport, Stored};
use super::{Context, Error};
use crate::answer::question::resolve_people;
use crate::answer::{quoted_list, Question};
use crate::corpus::{Meta, MAX_ARTICLE_BYTES};
use crate::engine::Engine;
use crate::render::discord::{escape_markdown, text_messages, CONTENT_MAX};
use crate::store::Progress;
use crate::text::{close_enough, fold};

pub fn all() -> Vec<poise::Command<Arc<Data>, Error>> {
    vec![ask(), quote(), timeline(), sources(), status(), help(), reindex(), ingest()]
}

/// What a handler sends: plain text, or pages of embeds stored for the buttons.
#[derive(Debug)]
pub enum Outgoing {
    Text(String),
    Pages { id: u64, pages: Vec<Vec<crate::render::discord::EmbedSpec>>, feedback: bool, kind: char },
}

fn interaction<'a>(ctx: &Context<'a>) -> &'a CommandInteraction {
    match ctx {
        poise::Context::Application(a) => a.interaction,
        poise::Context::Prefix(_) => unreachable!("summitbot registers slash commands only"),
    }
}

/// Answers the interaction itself (defer, or a direct message), within Discord's 3 s.
async fn respond(ctx: Context<'_>, what: &'static str, r: CreateInteractionResponse) -> Result<(), SendError> {
    let i = interaction(&ctx);
    let route = Route::InteractionResponse { interaction_id: i.id, token: &i.token };
    let data = ctx.data();
    let call = Call { what, route, method: LightMethod::Post };
    data.sender.send(ctx.http(), &data.metrics, call, &r, ACK_BUDGET).await
}

/// Replaces the deferred placeholder.
async fn edit_original(ctx: Context<'_>, edit: &EditInteractionResponse, budget: Duration) -> Result<(), SendError> {
    let i = interaction(&ctx);
    let route = Route::WebhookOriginalInteractionResponse { application_id: i.application_id, token: &i.token };
    let data = ctx.data();
    let call = Call { what: "edit reply", route, method: LightMethod::Patch };
    data.sender.send(ctx.http(), &data.metrics, call, edit, budget).await
}

/// A further message under the interaction (long texts, or an apology when edits fail).
async fn follow_up(
    ctx: Context<'_>,
    msg: &CreateInteractionResponseFollowup,
    budget: Duration,
) -> Result<(), SendError> {
    let i = interaction(&ctx);
    let route = Route::WebhookFollowupMessages { application_id: i.application_id, token: &i.token };
    let data = ctx.data();
    let call = Call { what: "follow-up", route, method: LightMethod::Post };
    data.sender.send(ctx.http(), &data.metrics, call, msg, budget).await
}

async fn defer(ctx: Context<'_>, ephemeral: bool) -> Result<(), SendError> {
    let r = CreateInteractionResponse::Defer(CreateInteractionResponseMessage::new().ephemeral(ephemeral));
    respond(ctx, "defer", r).await
}

/// Replaces the deferred placeholder with `out` (and sends the rest of a long text as
/// follow-ups).
pub async fn finish(ctx: Context<'_>, out: Outgoing, ephemeral: bool) -> Result<(), SendError> {
    match out {
        Outgoing::Text(text) => {
            let mut parts = text_messages(&text).into_iter();
            let first = parts.next().unwrap_or_else(|| "(no reply)".into());
            let edit = EditInteractionResponse::new().content(first).allowed_mentions(no_mentions());
            edit_original(ctx, &edit, REPLY_BUDGET).await?;
            for p in parts {
                let more = CreateInteractionResponseFollowup::new()
                    .content(p)
                    .ephemeral(ephemeral)
                    .allowed_mentions(no_mentions());
                follow_up(ctx, &more, REPLY_BUDGET).await?;
            }
        }
        Outgoing::Pages { id, pages, feedback, kind } => {
            let edit = EditInteractionResponse::new()
                .content("")
                .embeds(reply::embeds(&pages[0]))
                .components(reply::buttons(id, 0, pages.len(), feedback, kind))
                .allowed_mentions(no_mentions());
            edit_original(ctx, &edit, REPLY_BUDGET).await?;
        }
    }
    Ok(())
}

/// What the user reads when Discord would not take the reply.
pub fn undelivered(e: &SendError) -> String {
    match e {
        SendError::GaveUp { status: 429, .. } => {
            "Sorry — Discord is rate limiting me right now, so my answer could not be sent. Please ask again in a minute.".into()
        }
        SendError::GaveUp { .. } | SendError::Transport(_) => {
            "Sorry — Discord did not accept my answer after several tries. Please ask again in a minute.".into()
        }
        SendError::Refused { .. } | SendError::Build(_) => "Sorry — I could not send that reply.".into(),
    }
}

/// Tells the user a reply did not get through: in the placeholder if Discord takes that
/// edit, else as a follow-up (a different route, so a limit on edits does not block it).
async fn apologise(ctx: Context<'_>, ephemeral: bool, e: &SendError) {
    let text = undelivered(e);
    let edit = EditInteractionResponse::new()
        .content(text.clone())
        .embeds(vec![])
        .components(vec![])
        .allowed_mentions(no_mentions());
    let short = Duration::from_secs(5);
    let retried_edit = match e {
        // The same edit route just gave up: go straight to a follow-up.
        SendError::GaveUp { .. } | SendError::Transport(_) => false,
        _ => edit_original(ctx, &edit, short).await.is_ok(),
    };
    if retried_edit {
        return;
    }
    let msg =
        CreateInteractionResponseFollowup::new().content(text).ephemeral(ephemeral).allowed_mentions(no_mentions());
    if let Err(e2) = follow_up(ctx, &msg, REPLY_BUDGET).await {
        tracing::error!(error = %e2, "could not tell the user that the reply failed");
    }
}

/// Runs `work` after deferring; on error, the placeholder becomes an apology. Returns whether
/// the reply reached Discord.
async fn deferred_delivery<F, Fut>(ctx: Context<'_>, ephemeral: bool, work: F) -> Result<bool, Error>
where
    F: FnOnce() -> Fut,
    Fut: std::future::Future<Output = Result<Outgoing, Error>>,
{
    if let Err(e) = defer(ctx, ephemeral).await {
        // Without an acknowledgement the interaction is dead: nothing more can be sent to it.
        ctx.data().metrics.send_failed();
        tracing::error!(error = %e, "could not acknowledge the interaction");
        return Ok(false);
    }
    let out = match work().await {
        Ok(o) => o,
        Err(e) => {
            tracing::error!(error = %format!("{e:#}"), "command failed");
            Outgoing::Text(
                "Sorry — something went wrong on my side while answering that. Nothing was changed; please try again."
                    .into(),
            )
        }
    };
    match finish(ctx, out, ephemeral).await {
        Ok(()) => Ok(true),
        Err(e) => {
            ctx.data().metrics.send_failed();
            tracing::error!(error = %e, "could not send the reply");
            apologise(ctx, ephemeral, &e).await;
            Ok(false)
        }
    }
}

async fn deferred<F, Fut>(ctx: Context<'_>, ephemeral: bool, work: F) -> Result<(), Error>
where
    F: FnOnce() -> Fut,
    Fut: std::future::Future<Output = Result<Outgoing, Error>>,
{
    deferred_delivery(ctx, ephemeral, work).await.map(|_| ())
}

/// A question asked by slash command: deferred, answered, and logged as one line with its
/// latency and outcome.
async fn deferred_question<F, Fut>(ctx: Context<'_>, ephemeral: bool, work: F) -> Result<(), Error>
where
    F: FnOnce() -> Fut,
    Fut: std::future::Future<Output = Result<(Outgoing, Outcome), Error>>,
{
    let started = Instant::now();
    let outcome = std::sync::Mutex::new(Outcome::Failed);
    let delivered = deferred_delivery(ctx, ephemeral, || async {
        let (out, o) = work().await?;
        *outcome.lock().unwrap_or_else(|e| e.into_inner()) = o;
        Ok(out)
    })
    .await?;
    let outcome = *outcome.lock().unwrap_or_else(|e| e.into_inner());
    question_done(ctx.data(), started, outcome, delivered);
    Ok(())
}

/// The one log line per question, and its metrics.
pub fn question_done(data: &Data, started: Instant, outcome: Outcome, delivered: bool) {
    let latency = started.elapsed();
    data.metrics.question(outcome, latency);
    tracing::info!(outcome = outcome.as_str(), delivered, latency_ms = latency.as_millis() as u64, "question");
}

/// The core of `/ask`, `/quote` and mentions: rate limit, parse, answer, render, store.
pub fn answer_reply(data: &Data, user: u64, raw: &str) -> (Outgoing, Outcome) {
    if let Err(wait) = data.check_rate(user) {
        let text = format!(
            "You have asked {} questions in the last minute — please try again in {} s.",
            data.settings.limits.questions_per_minute,
            wait.as_secs().max(1)
        );
        return (Outgoing::Text(text), Outcome::RateLimited);
    }
    let engine = data.engine();
    let q = match Question::parse(&super::handler::without_mentions(raw), engine.max_question_chars) {
        Ok(q) => q,
        Err(e) => return (Outgoing::Text(e.user_message()), Outcome::Refused),
    };
    let answer = match engine.answer(&q) {
        Ok(a) => a,
        Err(e) => {
            tracing::error!(error = %e, "answering failed");
            return (Outgoing::Text(e.user_message()), Outcome::Failed);
        }
    };
    data.stats.questions.fetch_add(1, Ordering::Relaxed);
    if answer.items.is_empty() {
        let note = answer.note.clone().unwrap_or_default();
        let text =
            format!("{}\n(I searched the corpus for: “{}”.)", escape_markdown(&note), escape_markdown(q.as_str()));
        return (Outgoing::Text(text), Outcome::NoAnswer);
    }
    let pages = answer_pages(&answer);
    let id = data.store(Stored { pages: pages.clone(), question: q.as_str().to_string(), feedback: true });
    (Outgoing::Pages { id, pages, feedback: true, kind: 'p' }, Outcome::Answered)
}

/// Ask a question about the Putin–Xi summits; answers are verbatim quotes with sources.
#[poise::command(slash_command)]
async fn ask(
    ctx: Context<'_>,
    #[description = "Your question, e.g. what did Gabuev say about the iceberg?"] question: String,
    #[description = "Only you see the answer"] private: Option<bool>,
) -> Result<(), Error> {
    let user = ctx.author().id.get();
    let span = tracing::info_span!("ask", user, len = question.chars().count());
    let data = ctx.data().clone();
    deferred_question(ctx, private.unwrap_or(false), || async move { Ok(answer_reply(&data, user, &question)) })
        .instrument(span)
        .await
}

async fn complete_speaker(ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    let names = speaker_choices(ctx.data(), partial);
    serenity::CreateAutocompleteResponse::new()
        .set_choices(names.into_iter().map(serenity::AutocompleteChoice::from).collect())
}

/// At most 25 quoted people matching what was typed: prefix first, then part, then typos.
pub fn speaker_choices(data: &Data, partial: &str) -> Vec<String> {
    // Autocomplete input is untrusted: bounded and compared, never interpreted.
    let typed: String = fold(partial).chars().take(64).collect();
    let engine = data.engine();
    // The serving process reads the whole registry once, on the first completion.
    let Ok(everyone) = engine.store.everyone() else { return Vec::new() };
    let people = &everyone.people;
    let mut names: Vec<(usize, String)> = everyone
        .quoted_people()
        .into_iter()
        .filter_map(|(id, _)| {
            let p = people.get(id);
            let name = fold(&p.name);
            let rank = if typed.is_empty() || name.starts_with(&typed) {
                0
            } else if p.words.iter().any(|w| w.starts_with(&typed)) || name.contains(&typed) {
                1
            } else if typed.split_whitespace().any(|t| {
                // A typo in a partly typed name: compare with the name's start of equal length.
                p.words.iter().any(|w| {
                    let head: String = w.chars().take(t.chars().count()).collect();
                    close_enough(t, w) || (t.chars().count() >= 4 && close_enough(t, &head))
                })
            }) {
                2
            } else {
                return None;
            };
            Some((rank, p.name.clone()))
        })
        .collect();
    names.sort();
    names.into_iter().take(25).map(|(_, n)| n).collect()
}

/// Quotes from one person, optionally about a topic.
#[poise::command(slash_command)]
async fn quote(
    ctx: Context<'_>,
    #[description = "Who (start typing a name)"]
    #[autocomplete = "complete_speaker"]
    speaker: String,
    #[description = "About what (optional)"] about: Option<String>,
) -> Result<(), Error> {
    let user = ctx.author().id.get();
    let data = ctx.data().clone();
    let span = tracing::info_span!("quote", user);
    deferred_question(ctx, false, || async move {
        let engine = data.engine();
        let speaker: String = speaker.chars().take(100).collect();
        if resolve_people(&speaker, &engine.store).is_empty() {
            let text = format!(
                "No quotes from {} in the corpus. {}",
                escape_markdown(&speaker),
                escape_markdown(&quoted_list(&engine.store))
            );
            return Ok((Outgoing::Text(text), Outcome::NoAnswer));
        }
        let q = match about.as_deref().map(str::trim).filter(|a| !a.is_empty()) {
            Some(a) => format!("what did {speaker} say about {a}"),
            None => format!("what did {speaker} say"),
        };
        Ok(answer_reply(&data, user, &q))
    })
    .instrument(span)
    .await
}

/// Dated events the articles report, in order, with sources.
#[poise::command(slash_command)]
async fn timeline(
    ctx: Context<'_>,
    #[description = "Only events about these words, e.g. Harbin"] topic: Option<String>,
    #[description = "From (YYYY, YYYY-MM or YYYY-MM-DD)"] from: Option<String>,
    #[description = "To (YYYY, YYYY-MM or YYYY-MM-DD)"] to: Option<String>,
) -> Result<(), Error> {
    let data = ctx.data().clone();
    let span = tracing::info_span!("timeline", user = ctx.author().id.get());
    deferred(ctx, false, || async move {
        let filter = match crate::timeline::Filter::parse(topic.as_deref(), from.as_deref(), to.as_deref()) {
            Ok(f) => f,
            Err(e) => return Ok(Outgoing::Text(e.user_message())),
        };
        let engine = data.engine();
        let events = match engine.store.timeline(&filter) {
            Ok(ev) => ev,
            Err(e) => return Ok(Outgoing::Text(e.user_message())),
        };
        if events.is_empty() {
            return Ok(Outgoing::Text(
                "No dated events in the corpus match that. Try fewer words or a wider period.".into(),
            ));
        }
        let view = crate::render::timeline::lines(&engine.store, &events);
        let title = match topic.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            Some(t) => format!("Timeline: {}", t.chars().take(80).collect::<String>()),
            None => "Timeline of the Putin–Xi relationship".to_string(),
        };
        let pages: Vec<Vec<_>> =
            crate::render::discord::timeline_pages(&view, &title).into_iter().map(|p| vec![p]).collect();
        let id = data.store(Stored { pages: pages.clone(), question: title, feedback: false });
        Ok(Outgoing::Pages { id, pages, feedback: false, kind: 't' })
    })
    .instrument(span)
    .await
}

/// The articles the bot answers from.
#[poise::command(slash_command)]
async fn sources(ctx: Context<'_>) -> Result<(), Error> {
    let data = ctx.data().clone();
    deferred(ctx, false, || async move {
        let engine = data.engine();
        let articles = match engine.store.articles() {
            Ok(a) => a,
            Err(e) => return Ok(Outgoing::Text(e.user_message())),
        };
        let mut text = format!("**{} articles in the corpus**\n", articles.len());
        for a in &articles {
            let c = a.citation();
            let quotes = a.quotes;
            let head = match &c.url {
                Some(u) => format!("[{}](<{u}>)", escape_markdown(&c.title)),
                None => escape_markdown(&c.title),
            };
            text.push_str(&format!("• {head} — {} · {} · {quotes} quotes\n", escape_markdown(&c.outlet), c.published));
        }
        Ok(Outgoing::Text(text))
    })
    .await
}

fn human_duration(d: std::time::Duration) -> String {
    let s = d.as_secs();
    match s {
        0..=59 => format!("{s} s"),
        60..=3599 => format!("{} min {} s", s / 60, s % 60),
        _ => format!("{} h {} min", s / 3600, (s % 3600) / 60),
    }
}

/// Index size, articles, quotes, people, uptime and feedback counts.
#[poise::command(slash_command)]
async fn status(ctx: Context<'_>) -> Result<(), Error> {
    let data = ctx.data().clone();
    deferred(ctx, true, || async move {
        let engine = data.engine();
        let m = &engine.index().manifest;
        let st = &engine.store;
        let last = data.last_reindex.lock().unwrap_or_else(|e| e.into_inner()).clone();
        let built = chrono::DateTime::<chrono::Utc>::from_timestamp(m.built_at as i64, 0)
            .map_or("unknown".to_string(), |t| t.format("%Y-%m-%d %H:%M UTC").to_string());
        let mut text = format!(
            "**summitbot status**\nArticles: {}\nAttributed quotes: {}\nPeople quoted: {}\nIndex: {} documents, {} KiB, built {}\nSentence meanings: {}\nUptime: {}\nQuestions answered: {}\nFeedback: 👍 {} · 👎 {}",
            st.article_count(),
            st.attributed_quotes(),
            st.quoted_total(),
            m.docs,
            engine.index().size_bytes() / 1024,
            built,
            engine.meaning_status,
            human_duration(data.started_at.elapsed()),
            data.stats.questions.load(Ordering::Relaxed),
            data.stats.helpful.load(Ordering::Relaxed),
            data.stats.unhelpful.load(Ordering::Relaxed),
        );
        match last {
            Some(r) => text.push_str(&format!("\nLast re-index: {} — {}", r.finished_at.format("%Y-%m-%d %H:%M:%S UTC"), r.summary)),
            None => text.push_str("\nLast re-index: none since start"),
        }
        if data.reindexing.load(Ordering::Acquire) {
            text.push_str("\nA re-index is running now.");
        }
        Ok(Outgoing::Text(text))
    })
    .await
}

const HELP: &str = "**summitbot** answers questions about the Putin–Xi summits (Moscow 2023, Beijing and Harbin 2024) with the exact words people said and where they were printed.

• `/ask question:` — e.g. `what did Gabuev say about the iceberg?`, `who said China can only have one ally?`, `how much was China-Russia trade worth in 2023?`, `what did the Rand expert say about the primary threat?`
• `/quote speaker: about:` — quotes from one person (names autocomplete)
• `/sources` — the articles I answer from · `/status` — index and usage
• Mention me: `@summitbot what did Xi say about core interests?`
• Admins (Manage Server): `/reindex` rebuilds the index from the corpus; `/ingest` adds an article (.txt/.md attachment) and re-indexes.

Quotes are copied verbatim from the articles; reported speech is marked as such. If the corpus has no answer, I say so.";

/// How to use summitbot.
#[poise::command(slash_command)]
async fn help(ctx: Context<'_>) -> Result<(), Error> {
    deferred(ctx, true, || async { Ok(Outgoing::Text(HELP.to_string())) }).await
}

/// Whether the caller may change the corpus: Manage Server (or Administrator) in this
/// guild, or listed in `discord.admin_user_ids` / `discord.admin_role_ids`. Checked in code
/// because server admins can grant the commands to anyone.
fn is_admin(data: &Data, i: &CommandInteraction) -> bool {
    let d = &data.settings.discord;
    if d.admin_user_ids.contains(&i.user.id.get()) {
        return true;
    }
    let Some(m) = &i.member else { return false };
    m.roles.iter().any(|r| d.admin_role_ids.contains(&r.get()))
        || m.permissions.is_some_and(|p| p.manage_guild() || p.administrator())
}

async fn refuse(ctx: Context<'_>, text: &str) -> Result<(), Error> {
    let r = CreateInteractionResponse::Message(
        CreateInteractionResponseMessage::new().content(text).ephemeral(true).allowed_mentions(no_mentions()),
    );
    if let Err(e) = respond(ctx, "refusal", r).await {
        tracing::error!(error = %e, "could not send a refusal");
    }
    Ok(())
}

const NOT_ADMIN: &str =
    "Only members with **Manage Server** (or listed bot admins) can change the corpus. Nothing was changed.";

/// Rebuilds the index from the corpus, then swaps it in; questions keep being answered.
async fn run_reindex(
    ctx: Context<'_>,
    data: Arc<Data>,
    intro: String,
    added: Option<String>,
) -> Result<Outgoing, Error> {
    let Some(_guard) = ReindexGuard::acquire(&data.reindexing) else {
        return Ok(Outgoing::Text("A re-index is already running; wait for it to finish.".into()));
    };
    let started = Instant::now();
    let settings = data.settings.clone();
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<Progress>();
    // Only what changed in the corpus folder is read again (an added article alone).
    let job = tokio::task::spawn_blocking(move || {
        Engine::open_with(&settings, crate::store::Check::Thorough, &mut |s| {
            let _ = tx.send(s);
        })
        .map(|(engine, _)| engine)
    });
    while let Some(stage) = rx.recv().await {
        let line = match stage {
            Progress::Planned { changed, full: true, .. } => format!("rebuilding from {changed} files…"),
            Progress::Planned { changed, removed, full: false } => {
                format!("{changed} new or changed file(s), {removed} removed…")
            }
            Progress::Registering { done, total } => format!("reading names: {done}/{total} files…"),
            Progress::Extracting { done, total } => format!("extracting quotes: {done}/{total} articles…"),
            Progress::Finishing => "merging the timeline and committing…".to_string(),
        };
        // Progress is a courtesy: one quick try, never holding the re-index up.
        let progress = EditInteractionResponse::new()
            .content(format!("{intro}Re-indexing: {line}"))
            .allowed_mentions(no_mentions());
        let _ = edit_original(ctx, &progress, Duration::ZERO).await;
    }
    let engine = match job.await? {
        Ok(e) => e,
        Err(e) => {
            data.metrics.reindexed(started.elapsed(), false);
            tracing::warn!(error = %e, "re-index failed; the old index stays live");
            return Ok(Outgoing::Text(format!(
                "{intro}Re-index failed: {}. The previous index is still answering questions.",
                escape_markdown(&e.to_string())
            )));
        }
    };
    let problems: Vec<String> = engine
        .store
        .problems()
        .iter()
        .map(|p| {
            format!("{}: {}", p.path.file_name().map_or("?".into(), |n| n.to_string_lossy().into_owned()), p.reason)
        })
        .collect();
    // After `/ingest`: who the new article quotes, as the admin's first check of attribution.
    let audit = added.map(|id| {
        let rows = engine.store.audit(&id).unwrap_or_default();
        ingest_audit(&id, &rows)
    });
    let engine_summary = (engine.store.article_count(), engine.store.attributed_quotes(), engine.store.quoted_total());
    data.swap_engine(engine);
    let took = started.elapsed();
    data.metrics.reindexed(took, true);
    let summary = format!(
        "{} articles, {} attributed quotes from {} people, in {} ms",
        engine_summary.0,
        engine_summary.1,
        engine_summary.2,
        took.as_millis()
    );
    *data.last_reindex.lock().unwrap_or_else(|e| e.into_inner()) =
        Some(ReindexReport { finished_at: chrono::Utc::now(), summary: summary.clone() });
    tracing::info!(%summary, problems = problems.len(), "re-indexed");
    let mut text = format!("{intro}Re-index done: {summary}.");
    if let Some(a) = audit {
        text.push('\n');
        text.push_str(&a);
    }
    if problems.is_empty() {
        text.push_str(" No problems found in the files.");
    } else {
        text.push_str(&format!("\nSkipped {} file(s):\n", problems.len()));
        for p in problems {
            text.push_str(&format!("• {}\n", escape_markdown(&p)));
        }
    }
    Ok(Outgoing::Text(text))
}

/// One line on the quotes a newly added article holds: who got how many, how many went to
/// nobody, and where to read the full audit.
fn ingest_audit(id: &str, rows: &[crate::quotes::report::QuoteRow]) -> String {
    let (counts, nobody) = crate::quotes::report::summary(rows);
    let who: Vec<String> = counts.iter().take(10).map(|(s, n)| format!("{} ({n})", escape_markdown(s))).collect();
    let more = counts.len().saturating_sub(10);
    format!(
        "Quotes found in it: {}. Attributed: {}{}; unattributed: {nobody}. Full audit: `summitbot quotes --article {}`.",
        rows.len(),
        if who.is_empty() { "none".to_string() } else { who.join(", ") },
        if more > 0 { format!(" and {more} more") } else { String::new() },
        id.replace('`', "'")
    )
}

/// Admins: rebuild the index from the corpus folder.
#[poise::command(slash_command, default_member_permissions = "MANAGE_GUILD")]
async fn reindex(ctx: Context<'_>) -> Result<(), Error> {
    let data = ctx.data().clone();
    let span = tracing::info_span!("reindex", user = ctx.author().id.get());
    if !is_admin(&data, interaction(&ctx)) {
        tracing::warn!(parent: &span, "refused: not an admin");
        return refuse(ctx, NOT_ADMIN).await;
    }
    deferred(ctx, true, || run_reindex(ctx, data, String::new(), None)).instrument(span).await
}

/// Admins: add an article (a .txt or .md attachment) to the corpus and re-index.
#[poise::command(slash_command, default_member_permissions = "MANAGE_GUILD")]
#[allow(clippy::too_many_arguments)]
async fn ingest(
    ctx: Context<'_>,
    #[description = "The article text (.txt or .md, UTF-8)"] file: serenity::Attachment,
    #[description = "Headline"] title: String,
    #[description = "Outlet, e.g. Reuters"] outlet: String,
    #[description = "Publication date, YYYY-MM-DD"] published: String,
    #[description = "Link to the article"] url: Option<String>,
) -> Result<(), Error> {
    let data = ctx.data().clone();
    let span = tracing::info_span!("ingest", user = ctx.author().id.get(), file = %file.filename);
    if !is_admin(&data, interaction(&ctx)) {
        tracing::warn!(parent: &span, "refused: not an admin");
        return refuse(ctx, NOT_ADMIN).await;
    }
    deferred(ctx, true, || async move {
        match prepare_ingest(&data, &file, &title, &outlet, &published, url.as_deref()).await {
            Ok((meta, text)) => {
                let dir = data.settings.corpus.dir.clone();
                let engine = data.engine();
                // The index knows every article's headline and date: no other file is read.
                let known = move |m: &Meta| engine.store.article_titled(m).ok().flatten().map(|a| a.file.name);
                let written =
                    tokio::task::spawn_blocking(move || crate::corpus::write_new_article(&dir, &meta, &text, &known))
                        .await?;
                match written {
                    Ok(path) => {
                        let name = path.file_name().map_or(String::new(), |n| n.to_string_lossy().into_owned());
                        let id = path.file_stem().map(|n| n.to_string_lossy().into_owned());
                        run_reindex(ctx, data, format!("Added `{}` to the corpus.\n", name.replace('`', "'")), id).await
                    }
                    Err(e) => Ok(Outgoing::Text(format!("Not added: {}", escape_markdown(&e.to_string())))),
                }
            }
            Err(why) => Ok(Outgoing::Text(format!("Not added: {why}. Nothing was changed."))),
        }
    })
    .instrument(span)
    .await
}

/// Checks an `/ingest` request and downloads its file; the error is the user's words.
async fn prepare_ingest(
    data: &Data,
    file: &serenity::Attachment,
    title: &str,
    outlet: &str,
    published: &str,
    url: Option<&str>,
) -> Result<(Meta, String), String> {
    let limit = data.settings.limits.max_ingest_bytes.min(MAX_ARTICLE_BYTES);
    let lower = file.filename.to_lowercase();
    if !(lower.ends_with(".txt") || lower.ends_with(".md")) {
        return Err("the attachment must be a .txt or .md file".into());
    }
    if file.size as usize > limit {
        return Err(format!("the file is {} bytes; the limit is {limit}", file.size));
    }
    let published = chrono::NaiveDate::parse_from_str(published.trim(), "%Y-%m-%d")
        .map_err(|_| format!("`published` must be a date like 2024-05-17, not “{}”", escape_markdown(published)))?;
    let title = title.trim();
    let outlet = outlet.trim();
    if title.is_empty() || outlet.is_empty() || title.chars().count() > 300 || outlet.chars().count() > 100 {
        return Err("`title` and `outlet` must be given (at most 300 and 100 characters)".into());
    }
    let url = url.map(str::trim).filter(|u| !u.is_empty());
    if let Some(u) = url {
        if !(u.starts_with("https://") || u.starts_with("http://")) || u.contains(char::is_whitespace) {
            return Err("`url` must be an http(s) link".into());
        }
    }
    let bytes = file.download().await.map_err(|e| format!("the attachment could not be downloaded ({e})"))?;
    if bytes.len() > limit {
        return Err(format!("the file is {} bytes; the limit is {limit}", bytes.len()));
    }
    let text = String::from_utf8(bytes).map_err(|_| "the file is not UTF-8 text".to_string())?;
    if text.trim().is_empty() {
        return Err("the file is empty".into());
    }
    if text.contains("\n+++") || text.starts_with("+++") {
        return Err("the file already has a front-matter header; attach the article text only".into());
    }
    Ok((
        Meta { title: title.into(), outlet: outlet.into(), published, url: url.map(String::from), authors: vec![] },
        text,
    ))
}

/// Bounds a text to Discord's content limit (used for short notices).
pub fn notice(text: &str) -> String {
    text.chars().take(CONTENT_MAX).collect()
}
