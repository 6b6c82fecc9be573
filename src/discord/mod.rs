//! The Discord adapter: the only module that knows serenity and poise. Each handler parses
//! its input, defers, calls the core, renders, and sends with no mentions allowed. Errors
//! become a short apology in place of the "thinking…" placeholder, never silence.

mod commands;
mod handler;
pub mod metrics;
pub mod reply;
pub mod rest;
pub mod state;

use std::future::Future;
use std::sync::Arc;

use anyhow::Context as _;
use poise::serenity_prelude as serenity;

use crate::embed::Fetch;
use crate::engine::Engine;
use crate::settings::{Settings, Sharding};
use crate::store::{Check, Synced};
pub use state::Data;

pub type Error = anyhow::Error;
pub type Context<'a> = poise::Context<'a, Arc<Data>, Error>;

const DISCORD: &str = "https://discord.com";

/// Checks a token's shape before any connection: three dot-separated base64url parts. The
/// message never contains the token.
pub fn validate_token(token: &str) -> Result<(), String> {
    let t = token.trim();
    if t.is_empty() {
        return Err("no Discord token: set SUMMITBOT__DISCORD__TOKEN (or DISCORD_TOKEN)".into());
    }
    let t = t.strip_prefix("Bot ").unwrap_or(t);
    let parts: Vec<&str> = t.split('.').collect();
    let b64 = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if parts.len() != 3 || !parts.iter().all(|p| b64(p)) || parts[0].len() < 16 || parts[2].len() < 16 {
        return Err(format!(
            "the Discord token is malformed ({} characters; expected three dot-separated parts from the Developer Portal's Bot page)",
            t.chars().count()
        ));
    }
    Ok(())
}

/// `summitbot serve`: runs the bot until SIGINT or SIGTERM.
pub fn serve(settings: Settings) -> anyhow::Result<()> {
    validate_token(settings.discord.token.expose()).map_err(anyhow::Error::msg)?;
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().context("starting the runtime")?;
    rt.block_on(async move {
        let shutdown = async {
            #[cfg(unix)]
            {
                let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
                    .expect("SIGTERM handler installs");
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            #[cfg(not(unix))]
            let _ = tokio::signal::ctrl_c().await;
            tracing::info!("shutting down");
        };
        run(settings, shutdown).await
    })
}

/// Fetches the sentence-embedding model, then re-indexes with it and swaps the engine; until
/// then (and if it fails) questions are answered with BM25 alone.
async fn fetch_model_then_reindex(data: Arc<Data>) {
    let Some(_guard) = state::ReindexGuard::acquire(&data.reindexing) else { return };
    let settings = data.settings.clone();
    tracing::info!(dir = %settings.embed.dir.display(), "fetching the sentence-embedding model in the background");
    let job = tokio::task::spawn_blocking(move || Engine::open_with(&settings, Check::Thorough, &mut |_| {}));
    match job.await {
        Ok(Ok((engine, _))) => {
            tracing::info!(meanings = %engine.meaning_status, "re-indexed with sentence meanings");
            data.swap_engine(engine);
        }
        Ok(Err(e)) => tracing::warn!(error = %e, "re-indexing with sentence meanings failed; BM25 alone answers"),
        Err(e) => tracing::warn!(error = %e, "fetching the sentence-embedding model stopped"),
    }
}

/// Loads the engine, connects, and serves until `shutdown` completes. Tests call this with
/// `discord.api_base` pointing at a fake Discord.
pub async fn run(settings: Settings, shutdown: impl Future<Output = ()> + Send + 'static) -> anyhow::Result<()> {
    validate_token(settings.discord.token.expose()).map_err(anyhow::Error::msg)?;
    let token = settings.discord.token.expose().trim().to_string();
    let open_settings = settings.clone();
    let opening = std::time::Instant::now();
    // Start-up never waits for the embedding model: it is fetched in the background below.
    let (engine, status) = tokio::task::spawn_blocking(move || {
        Engine::open_fetching(&open_settings, Check::Thorough, Fetch::Never, &mut |_| {})
    })
    .await??;
    tracing::info!(articles = engine.store.article_count(), ms = opening.elapsed().as_millis() as u64, "engine ready");
    match status {
        Synced::Rebuilt { reason } => tracing::info!(%reason, "built the index"),
        Synced::Updated { changed, removed } => tracing::info!(changed, removed, "re-indexed changed articles"),
        Synced::Fresh => {}
    }
    for p in &engine.store.problems() {
        tracing::warn!(path = %p.path.display(), reason = %p.reason, "skipped an article");
    }
    let data = Arc::new(Data::new(settings.clone(), engine));
    let embed = &settings.embed;
    if embed.enabled && embed.fetch && !crate::embed::fetch::installed(&embed.dir) {
        tokio::spawn(fetch_model_then_reindex(data.clone()));
    }
    let sharding = settings.discord.sharding()?;
    let metrics_task = match settings.metrics.listen.trim() {
        "" => None,
        addr => {
            let listener =
                tokio::net::TcpListener::bind(addr).await.with_context(|| format!("metrics.listen: binding {addr}"))?;
            tracing::info!(addr = %listener.local_addr()?, "serving metrics at /metrics");
            Some(tokio::spawn(metrics::serve(listener, data.clone())))
        }
    };
    let guild = settings.discord.guild_id;
    let setup_data = data.clone();
    let framework = poise::Framework::builder()
        .options(poise::FrameworkOptions {
            commands: commands::all(),
            event_handler: |framework, event| Box::pin(handler::on_event(framework, event)),
            on_error: |err| Box::pin(handler::on_error(err)),
            // Owners are not used for anything; skipping the lookup keeps start-up to the
            // gateway and command registration.
            initialize_owners: false,
            // Mentions are questions (handled in `handler`), never prefix commands: without
            // this, poise reads "@bot what did…" as an unknown command `what`.
            prefix_options: poise::PrefixFrameworkOptions { mention_as_prefix: false, ..Default::default() },
            ..Default::default()
        })
        .setup(move |ctx, ready, framework| {
            Box::pin(async move {
                setup_data.bot_id.store(ready.user.id.get(), std::sync::atomic::Ordering::Relaxed);
                let cmds = &framework.options().commands;
                if guild != 0 {
                    poise::builtins::register_in_guild(ctx, cmds, serenity::GuildId::new(guild)).await?;
                } else {
                    poise::builtins::register_globally(ctx, cmds).await?;
                }
                tracing::info!(user = %ready.user.name, guild, "connected and registered commands");
                Ok(setup_data)
            })
        })
        .build();

    let intents = serenity::GatewayIntents::GUILDS
        | serenity::GatewayIntents::GUILD_MESSAGES
        | serenity::GatewayIntents::DIRECT_MESSAGES;
    let api_base = settings.discord.api_base.trim_end_matches('/').to_string();
    let builder = if api_base == DISCORD {
        serenity::ClientBuilder::new(&token, intents)
    } else {
        // serenity's proxy replaces the Discord origin in every REST URL; its rate limiter
        // would bypass the proxy, so it is off (the fake does not rate limit).
        let http = serenity::HttpBuilder::new(&token).proxy(api_base).ratelimiter_disabled(true).build();
        serenity::ClientBuilder::new_with_http(http, intents)
    };
    let mut client = builder.framework(framework).await.context("building the Discord client")?;
    let shards = client.shard_manager.clone();
    tokio::spawn(async move {
        shutdown.await;
        shards.shutdown_all().await;
    });
    tracing::info!(?sharding, "connecting to Discord");
    let result = match sharding {
        Sharding::Auto => client.start_autosharded().await,
        Sharding::All { count } => client.start_shards(count).await,
        Sharding::Range { first, last, total } => client.start_shard_range(first..last + 1, total).await,
    };
    if let Some(t) = metrics_task {
        t.abort();
    }
    result.map_err(connection_error)
}

/// Words for the gateway errors serenity stops on (it does not retry them: a bad token stays
/// bad), so an operator sees what to fix rather than a debug dump.
fn connection_error(e: serenity::Error) -> anyhow::Error {
    use serenity::GatewayError as G;
    match &e {
        serenity::Error::Gateway(G::InvalidAuthentication) => anyhow::anyhow!(
            "Discord rejected the bot token (gateway close 4004): reset it on the Developer Portal's Bot page and set SUMMITBOT__DISCORD__TOKEN"
        ),
        serenity::Error::Gateway(G::DisallowedGatewayIntents | G::InvalidGatewayIntents) => anyhow::anyhow!(
            "Discord refused the gateway intents (close 4013/4014): summitbot needs only GUILDS, GUILD_MESSAGES and DIRECT_MESSAGES"
        ),
        serenity::Error::Gateway(G::InvalidShardData | G::OverloadedShard) => anyhow::anyhow!(
            "Discord refused the sharding (close 4010/4011): check discord.shards, discord.shard_range and discord.shard_total"
        ),
        _ => anyhow::Error::new(e).context("the Discord connection failed"),
    }
}
