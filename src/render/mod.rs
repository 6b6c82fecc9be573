//! Rendering: an [`Answer`] (or timeline) to terminal text, to JSON, and to pieces that fit
//! Discord's limits. Quoted text is copied as it stands in the article; where a medium needs
//! escaping (Discord Markdown), the escaping is reversible and adds no words.

pub mod chunks;
pub mod discord;
mod quotes;
pub mod timeline;

pub use quotes::{quotes_json, quotes_text};

use serde::Serialize;

use crate::answer::{Answer, Attribution, Citation, Item, ItemKind};

/// The JSON shape of `summitbot ask --json`.
#[derive(Debug, Serialize)]
struct JsonAnswer<'a> {
    question: &'a str,
    answers: Vec<JsonItem<'a>>,
    note: Option<&'a str>,
}

#[derive(Debug, Serialize)]
struct JsonItem<'a> {
    kind: ItemKind,
    text: &'a str,
    speaker: Option<&'a str>,
    attribution: Attribution,
    document: &'a Citation,
    paragraph: usize,
    span: [usize; 2],
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    /// The quoted words alone (spans of the article), when a cue breaks the quote.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pieces: Vec<[usize; 2]>,
    /// Only the words in quotation marks are the speaker's; the rest of the text is the writer's.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    fragment: bool,
}

/// Between the pieces of a quote broken by its cue: the mark of words left out.
pub const ELISION: &str = " … ";

/// What an answer shows of an item: its quoted words, joined by [`ELISION`] where its cue was
/// left out, or its whole text.
pub fn shown(item: &Item) -> String {
    item.shown().join(ELISION)
}

pub fn json(answer: &Answer) -> String {
    let out = JsonAnswer {
        question: &answer.question,
        answers: answer
            .items
            .iter()
            .map(|i| JsonItem {
                kind: i.kind,
                text: &i.text,
                speaker: i.speaker.as_deref(),
                attribution: i.attribution,
                document: &i.document,
                paragraph: i.paragraph,
                span: [i.span.start, i.span.end],
                date: i.date.as_deref(),
                pieces: i.pieces.iter().map(|p| [p.start, p.end]).collect(),
                fragment: i.fragment,
            })
            .collect(),
        note: answer.note.as_deref(),
    };
    serde_json::to_string_pretty(&out).expect("answers serialize")
}

/// After the speaker of a few quoted words in the writer's sentence: whose the rest is.
pub const FRAGMENT: &str = "in the words in quotation marks (the rest is the article's)";

/// "Alexander Gabuev said" / "reported speech of …" / "from the article".
pub fn who_line(item: &Item) -> String {
    match (&item.speaker, item.attribution) {
        (Some(s), Attribution::Direct) if item.fragment => format!("— {s}, {FRAGMENT}"),
        (Some(s), Attribution::Direct) => format!("— {s}"),
        (Some(s), Attribution::Reported) => format!("— {s} (reported speech, not a direct quote)"),
        (Some(s), Attribution::Authored) => format!("— {s} (author of this section)"),
        (_, _) => "— from the article (no speaker)".to_string(),
    }
}

/// "Headline — Outlet, 2024-05-17 <url>".
pub fn citation_line(c: &Citation) -> String {
    match &c.url {
        Some(u) => format!("“{}” — {}, {} <{}>", c.title, c.outlet, c.published, u),
        None => format!("“{}” — {}, {}", c.title, c.outlet, c.published),
    }
}

/// A readable answer for a terminal.
pub fn text(answer: &Answer) -> String {
    let mut out = String::new();
    if let Some(n) = &answer.note {
        out.push_str(n);
        out.push_str("\n\n");
    }
    for (n, item) in answer.items.iter().enumerate() {
        if let Some(d) = &item.date {
            out.push_str(&format!("[{}] {}\n", n + 1, d));
        } else {
            out.push_str(&format!("[{}]\n", n + 1));
        }
        for line in shown(item).lines() {
            out.push_str("  > ");
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out.push_str("  ");
        out.push_str(&who_line(item));
        out.push('\n');
        out.push_str("  ");
        out.push_str(&citation_line(&item.document));
        out.push_str("\n\n");
    }
    out.trim_end().to_string() + "\n"
}
