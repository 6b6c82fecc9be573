//! Gateway events outside slash commands: questions in messages that mention the bot, and
//! button presses (◀ ▶ paging, 👍 👎 feedback). Also the framework's error hook.

use std::sync::atomic::Ordering;
use std::sync::Arc;

use poise::serenity_prelude as serenity;
use serenity::{
    ComponentInteraction, CreateInteractionResponse, CreateInteractionResponseMessage, CreateMessage, FullEvent,
};
use tracing::Instrument;

use super::commands::{answer_reply, notice, Outgoing};
use super::reply::{self, no_mentions, parse_button, Button};
use super::{Data, Error};

pub async fn on_event(
    framework: poise::FrameworkContext<'_, Arc<Data>, Error>,
    event: &FullEvent,
) -> Result<(), Error> {
    let ctx = framework.serenity_context;
    let data = framework.user_data.clone();
    match event {
        FullEvent::Message { new_message } => {
            let span = tracing::info_span!(
                "mention",
                user = new_message.author.id.get(),
                channel = new_message.channel_id.get()
            );
            on_message(ctx, &data, new_message).instrument(span).await
        }
        FullEvent::InteractionCreate { interaction: serenity::Interaction::Component(c) } => {
            let span = tracing::info_span!("button", user = c.user.id.get());
            on_button(ctx, &data, c).instrument(span).await
        }
        _ => Ok(()),
    }
}

/// The question in a message that mentions the bot, without the mention.
pub fn question_in(content: &str, bot_id: u64) -> String {
    content.replace(&format!("<@{bot_id}>"), " ").replace(&format!("<@!{bot_id}>"), " ").trim().to_string()
}

async fn on_message(ctx: &serenity::Context, data: &Data, msg: &serenity::Message) -> Result<(), Error> {
    let bot_id = data.bot_id.load(Ordering::Relaxed);
    if msg.author.bot || bot_id == 0 || !msg.mentions.iter().any(|u| u.id.get() == bot_id) {
        return Ok(());
    }
    let question = question_in(&msg.content, bot_id);
    let out = if question.is_empty() {
        Outgoing::Text("Ask me a question after the mention, e.g. `@summitbot what did Gabuev say about the iceberg?` — or use `/ask`.".into())
    } else {
        answer_reply(data, msg.author.id.get(), &question)
    };
    let base = CreateMessage::new().reference_message(msg).allowed_mentions(no_mentions());
    let sent = match out {
        Outgoing::Text(text) => {
            let mut first = true;
            let mut res = Ok(());
            for part in crate::render::discord::text_messages(&text) {
                let m = if first {
                    base.clone().content(part)
                } else {
                    CreateMessage::new().content(part).allowed_mentions(no_mentions())
                };
                first = false;
                if let Err(e) = msg.channel_id.send_message(&ctx.http, m).await {
                    res = Err(e);
                    break;
                }
            }
            res
        }
        Outgoing::Pages { id, pages, feedback, kind } => msg
            .channel_id
            .send_message(
                &ctx.http,
                base.embeds(reply::embeds(&pages[0])).components(reply::buttons(id, 0, pages.len(), feedback, kind)),
            )
            .await
            .map(|_| ()),
    };
    if let Err(e) = sent {
        tracing::error!(error = %e, "could not reply to a mention");
    }
    Ok(())
}

async fn respond(ctx: &serenity::Context, c: &ComponentInteraction, r: CreateInteractionResponse) {
    if let Err(e) = c.create_response(&ctx.http, r).await {
        tracing::error!(error = %e, "could not answer a button press");
    }
}

fn ephemeral(text: &str) -> CreateInteractionResponse {
    CreateInteractionResponse::Message(
        CreateInteractionResponseMessage::new().content(notice(text)).ephemeral(true).allowed_mentions(no_mentions()),
    )
}

async fn on_button(ctx: &serenity::Context, data: &Data, c: &ComponentInteraction) -> Result<(), Error> {
    let Some(button) = parse_button(&c.data.custom_id) else {
        tracing::debug!(custom_id = %c.data.custom_id, "ignoring a component that is not ours");
        return Ok(());
    };
    match button {
        Button::Page { kind, id, page } => {
            let Some(stored) = data.stored(id) else {
                respond(ctx, c, ephemeral("This reply has expired; please ask again.")).await;
                return Ok(());
            };
            let page = page.min(stored.pages.len().saturating_sub(1));
            let update = CreateInteractionResponseMessage::new()
                .embeds(reply::embeds(&stored.pages[page]))
                .components(reply::buttons(id, page, stored.pages.len(), stored.feedback, kind))
                .allowed_mentions(no_mentions());
            respond(ctx, c, CreateInteractionResponse::UpdateMessage(update)).await;
        }
        Button::Feedback { id, page, helpful } => {
            let question = data.stored(id).map(|s| s.question).unwrap_or_default();
            let counted = data.vote(id, c.user.id.get(), helpful);
            tracing::info!(reply = id, page, helpful, counted, %question, "feedback");
            let text = if !counted {
                "You already rated this answer."
            } else if helpful {
                "Thanks — glad it helped."
            } else {
                "Thanks — noted. Try rephrasing, or `/quote` a person directly."
            };
            respond(ctx, c, ephemeral(text)).await;
        }
    }
    Ok(())
}

/// Framework errors (bad options, a failing setup): logged, and the user told briefly.
pub async fn on_error(err: poise::FrameworkError<'_, Arc<Data>, Error>) {
    match err {
        poise::FrameworkError::Setup { error, .. } => tracing::error!(error = %format!("{error:#}"), "setup failed"),
        poise::FrameworkError::EventHandler { error, .. } => {
            tracing::error!(error = %format!("{error:#}"), "event handler failed")
        }
        other => {
            let ctx = other.ctx();
            tracing::warn!(error = %other, "command error");
            if let Some(ctx) = ctx {
                let reply = poise::CreateReply::default()
                    .content("Sorry — I could not read that command. Try `/help`.")
                    .ephemeral(true)
                    .allowed_mentions(no_mentions());
                if let Err(e) = ctx.send(reply).await {
                    tracing::error!(error = %e, "could not report a command error");
                }
            }
        }
    }
}
