//! Gateway events outside slash commands: questions in messages that mention the bot, and
//! button presses (◀ ▶ paging, 👍 👎 feedback). Also the framework's error hook.

use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::{Duration, Instant};

use ::serenity::http::{LightMethod, Route};

use poise::serenity_prelude as serenity;
use serenity::{
    ComponentInteraction, CreateInteractionResponse, CreateInteractionResponseMessage, CreateMessage, FullEvent,
};
use tracing::Instrument;

use super::commands::{answer_reply, notice, question_done, undelivered, Outgoing};
use super::metrics::Outcome;
use super::reply::{self, no_mentions, parse_button, Button};
use super::rest::{Call, SendError, ACK_BUDGET, REPLY_BUDGET};
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

/// A question without the mentions chat puts in it (`@everyone what did xi say`, `<@42> asked
/// me …`, a role or a channel): Discord's markup, not words of the question, and searched as
/// words they found "Enter Xi Jinping." for `@everyone what did xi say`.
pub fn without_mentions(question: &str) -> String {
    static MENTION: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"<(?:@[!&]?|#)\d+>|(?:^|\s)@(?:everyone|here)\b").unwrap());
    MENTION.replace_all(question, " ").split_whitespace().collect::<Vec<_>>().join(" ")
}

async fn on_message(ctx: &serenity::Context, data: &Data, msg: &serenity::Message) -> Result<(), Error> {
    let bot_id = data.bot_id.load(Ordering::Relaxed);
    if msg.author.bot || bot_id == 0 || !msg.mentions.iter().any(|u| u.id.get() == bot_id) {
        return Ok(());
    }
    let started = Instant::now();
    let question = question_in(&msg.content, bot_id);
    let (out, outcome) = if question.is_empty() {
        let hint = "Ask me a question after the mention, e.g. `@summitbot what did Gabuev say about the iceberg?` — or use `/ask`.";
        (Outgoing::Text(hint.into()), Outcome::Refused)
    } else {
        answer_reply(data, msg.author.id.get(), &question)
    };
    let base = CreateMessage::new().reference_message(msg).allowed_mentions(no_mentions());
    let messages: Vec<CreateMessage> = match out {
        Outgoing::Text(text) => crate::render::discord::text_messages(&text)
            .into_iter()
            .enumerate()
            .map(|(n, part)| {
                if n == 0 {
                    base.clone().content(part)
                } else {
                    CreateMessage::new().content(part).allowed_mentions(no_mentions())
                }
            })
            .collect(),
        Outgoing::Pages { id, pages, feedback, kind } => vec![base
            .clone()
            .embeds(reply::embeds(&pages[0]))
            .components(reply::buttons(id, 0, pages.len(), feedback, kind))],
    };
    let mut sent = Ok(());
    for m in &messages {
        sent = send_to_channel(ctx, data, msg.channel_id, m, REPLY_BUDGET).await;
        if sent.is_err() {
            break;
        }
    }
    if let Err(e) = &sent {
        data.metrics.send_failed();
        tracing::error!(error = %e, "could not reply to a mention");
        // A different message may still get through (a 400 on the answer, or a limit that has
        // just lifted); if not, there is no other way to reach the user.
        let apology = base.content(undelivered(e));
        if let Err(e2) = send_to_channel(ctx, data, msg.channel_id, &apology, Duration::from_secs(5)).await {
            tracing::error!(error = %e2, "could not tell the user that the reply failed");
        }
    }
    question_done(data, started, outcome, sent.is_ok());
    Ok(())
}

async fn send_to_channel(
    ctx: &serenity::Context,
    data: &Data,
    channel_id: serenity::ChannelId,
    m: &CreateMessage,
    budget: Duration,
) -> Result<(), SendError> {
    let route = Route::ChannelMessages { channel_id };
    let call = Call { what: "channel reply", route, method: LightMethod::Post };
    data.sender.send(&ctx.http, &data.metrics, call, m, budget).await
}

async fn respond(ctx: &serenity::Context, data: &Data, c: &ComponentInteraction, r: CreateInteractionResponse) {
    let route = Route::InteractionResponse { interaction_id: c.id, token: &c.token };
    let call = Call { what: "button response", route, method: LightMethod::Post };
    let sent = data.sender.send(&ctx.http, &data.metrics, call, &r, ACK_BUDGET).await;
    if let Err(e) = sent {
        data.metrics.send_failed();
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
                respond(ctx, data, c, ephemeral("This reply has expired; please ask again.")).await;
                return Ok(());
            };
            let page = page.min(stored.pages.len().saturating_sub(1));
            let update = CreateInteractionResponseMessage::new()
                .embeds(reply::embeds(&stored.pages[page]))
                .components(reply::buttons(id, page, stored.pages.len(), stored.feedback, kind))
                .allowed_mentions(no_mentions());
            respond(ctx, data, c, CreateInteractionResponse::UpdateMessage(update)).await;
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
            respond(ctx, data, c, ephemeral(text)).await;
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
        // Messages that mention the bot are questions, not prefix commands; poise may still
        // see a would-be prefix, which is no reason to warn.
        poise::FrameworkError::UnknownCommand { .. } => tracing::debug!("a message that is not a command"),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_of_people_roles_channels_and_everyone_are_no_words_of_the_question() {
        assert_eq!(without_mentions("@everyone what did xi say"), "what did xi say");
        assert_eq!(
            without_mentions("hey @here <@123> <@!45> <@&6> what did xi say in <#789>?"),
            "hey what did xi say in ?"
        );
        // An address is no mention, and neither is the word alone.
        assert_eq!(
            without_mentions("what did everyone say at putin@kremlin.ru"),
            "what did everyone say at putin@kremlin.ru"
        );
    }

    #[test]
    fn the_bot_mention_is_taken_out_of_the_message() {
        assert_eq!(question_in("<@42> what did xi say", 42), "what did xi say");
        assert_eq!(question_in("<@!42>", 42), "");
    }
}
