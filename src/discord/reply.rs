//! Turning rendered replies into serenity builders, and the one place that sends them — so
//! every message goes out with no mentions allowed and within Discord's limits.

use poise::serenity_prelude as serenity;
use serenity::{ButtonStyle, CreateActionRow, CreateAllowedMentions, CreateButton, CreateEmbed, CreateEmbedFooter};

use crate::answer::Answer;
use crate::render::discord::{answer_page, pack, EmbedSpec};

/// Embed colour of answers.
const COLOUR: u32 = 0x2b6cb0;

/// No pings, ever: quoted text may contain `@everyone` or `<@id>`.
pub fn no_mentions() -> CreateAllowedMentions {
    CreateAllowedMentions::new().replied_user(false)
}

pub fn embed(spec: &EmbedSpec) -> CreateEmbed {
    let mut e = CreateEmbed::new().description(&spec.description).colour(COLOUR);
    if let Some(t) = &spec.title {
        e = e.title(t);
    }
    if let Some(u) = &spec.url {
        e = e.url(u);
    }
    if let Some(f) = &spec.footer {
        e = e.footer(CreateEmbedFooter::new(f));
    }
    e
}

pub fn embeds(specs: &[EmbedSpec]) -> Vec<CreateEmbed> {
    specs.iter().map(embed).collect()
}

/// Each answer item as one or more pages (a page is what one message can hold).
pub fn answer_pages(answer: &Answer) -> Vec<Vec<EmbedSpec>> {
    (0..answer.items.len()).flat_map(|i| pack(answer_page(answer, i))).collect()
}

/// ◀ ▶ for paging and 👍 👎 for feedback. `id` names the stored reply.
pub fn buttons(id: u64, page: usize, pages: usize, feedback: bool, kind: char) -> Vec<CreateActionRow> {
    let mut row = Vec::new();
    if pages > 1 {
        row.push(
            CreateButton::new(format!("sb:{kind}:{id}:{}", page.saturating_sub(1)))
                .label("◀")
                .style(ButtonStyle::Secondary)
                .disabled(page == 0),
        );
        row.push(
            CreateButton::new(format!("sb:{kind}:{id}:{}", page + 1))
                .label("▶")
                .style(ButtonStyle::Secondary)
                .disabled(page + 1 >= pages),
        );
    }
    if feedback {
        row.push(CreateButton::new(format!("sb:f:{id}:{page}:u")).label("👍").style(ButtonStyle::Secondary));
        row.push(CreateButton::new(format!("sb:f:{id}:{page}:d")).label("👎").style(ButtonStyle::Secondary));
    }
    if row.is_empty() {
        Vec::new()
    } else {
        vec![CreateActionRow::Buttons(row)]
    }
}

/// A parsed button id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Button {
    Page { kind: char, id: u64, page: usize },
    Feedback { id: u64, page: usize, helpful: bool },
}

/// Reads a `custom_id`; anything not ours (or malformed, since input is untrusted) is `None`.
pub fn parse_button(custom_id: &str) -> Option<Button> {
    let mut parts = custom_id.split(':');
    if parts.next()? != "sb" {
        return None;
    }
    let kind = parts.next()?;
    let id: u64 = parts.next()?.parse().ok()?;
    let page: usize = parts.next()?.parse().ok()?;
    match (kind, parts.next(), parts.next()) {
        ("p" | "t", None, None) => Some(Button::Page { kind: kind.chars().next()?, id, page }),
        ("f", Some("u"), None) => Some(Button::Feedback { id, page, helpful: true }),
        ("f", Some("d"), None) => Some(Button::Feedback { id, page, helpful: false }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn button_ids_round_trip_and_junk_is_rejected() {
        assert_eq!(parse_button("sb:p:7:2"), Some(Button::Page { kind: 'p', id: 7, page: 2 }));
        assert_eq!(parse_button("sb:f:7:0:u"), Some(Button::Feedback { id: 7, page: 0, helpful: true }));
        for junk in
            ["", "sb", "sb:p", "sb:p:x:1", "sb:p:1:-1", "sb:x:1:1", "other:p:1:1", "sb:f:1:1:maybe", "sb:p:1:1:extra"]
        {
            assert_eq!(parse_button(junk), None, "{junk}");
        }
    }
}
