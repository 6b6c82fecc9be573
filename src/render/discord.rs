//! Discord-shaped replies without Discord types: embeds as plain [`EmbedSpec`]s that the
//! adapter turns into serenity builders. Knows Discord's limits (content 2000, embed
//! description 4096, title 256, footer 2048, 10 embeds and 6000 characters per message) and
//! splits to fit them — at line, sentence or word boundaries, never silently truncating.

use crate::answer::{Answer, Attribution, Item};
use crate::render::chunks;

pub const CONTENT_MAX: usize = 2000;
pub const DESCRIPTION_MAX: usize = 4096;
pub const TITLE_MAX: usize = 256;
pub const FOOTER_MAX: usize = 2048;
pub const EMBEDS_PER_MESSAGE: usize = 10;
pub const MESSAGE_EMBED_CHARS: usize = 6000;

/// One embed's text parts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EmbedSpec {
    pub title: Option<String>,
    pub url: Option<String>,
    pub description: String,
    pub footer: Option<String>,
}

impl EmbedSpec {
    /// Characters Discord counts towards the 6000 per message.
    pub fn chars(&self) -> usize {
        self.title.as_deref().map_or(0, |t| t.chars().count())
            + self.description.chars().count()
            + self.footer.as_deref().map_or(0, |f| f.chars().count())
    }
}

/// Escapes Discord Markdown so quoted text shows as written (`*`, `_`, `~`, `` ` ``, `|`, `>`,
/// `#`, `[`, `]`, `\`). Each escape is one backslash: the words are untouched.
pub fn escape_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut line_start = true;
    for c in s.chars() {
        // `-`, `#` and `>` make lists, headings and quotes only at a line's start; `<` and
        // `@` would show mentions and links (they never ping: replies allow no mentions).
        let special = matches!(c, '\\' | '*' | '_' | '~' | '`' | '|' | '[' | ']' | '<' | '@')
            || (line_start && matches!(c, '>' | '#' | '-'));
        if special {
            out.push('\\');
        }
        out.push(c);
        if c == '\n' {
            line_start = true;
        } else if !c.is_whitespace() {
            line_start = false;
        }
    }
    out
}

/// Removes the escapes [`escape_markdown`] added (for tests and for checking verbatim-ness).
pub fn unescape_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(n) = chars.next() {
                out.push(n);
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn truncate_chars(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut t: String = s.chars().take(max - 1).collect();
    t.push('…');
    t
}

/// `— Alexander Gabuev` / `— Putin (reported speech, not a direct quote)`.
pub fn speaker_line(item: &Item) -> String {
    match (&item.speaker, item.attribution) {
        (Some(s), Attribution::Direct) if item.fragment => {
            format!("— **{}**, {}", escape_markdown(s), super::FRAGMENT)
        }
        (Some(s), Attribution::Direct) => format!("— **{}**", escape_markdown(s)),
        (Some(s), Attribution::Reported) => {
            format!("— **{}** (reported speech, not a direct quote)", escape_markdown(s))
        }
        (Some(s), Attribution::Authored) => format!("— **{}** (author of this section)", escape_markdown(s)),
        _ => "— from the article (no speaker)".to_string(),
    }
}

/// `[Headline](<url>) · Outlet · 2024-05-17` (the headline plain when there is no link).
pub fn citation_line(item: &Item) -> String {
    let d = &item.document;
    let title = escape_markdown(&d.title);
    let head = match &d.url {
        Some(u) => format!("[{title}]({u})"),
        None => title,
    };
    format!("{head} · {} · {}", escape_markdown(&d.outlet), d.published)
}

/// The embeds of answer page `index` (0-based): the verbatim quote as a block quote, the
/// speaker, the citation, and a footer `n of N`. A quote too long for one embed continues in
/// further embeds of the same page.
pub fn answer_page(answer: &Answer, index: usize) -> Vec<EmbedSpec> {
    let item = &answer.items[index];
    let total = answer.items.len();
    let mut tail = String::new();
    if let Some(d) = &item.date {
        tail.push_str(&format!("\n**Date:** {d}"));
    }
    tail.push_str(&format!("\n{}\n{}", speaker_line(item), citation_line(item)));
    // Split the escaped text into pieces that fit, then quote each line.
    let budget = DESCRIPTION_MAX - tail.chars().count() - 64;
    let escaped = escape_markdown(&super::shown(item));
    let pieces = chunks::split(&escaped, budget / 2);
    let mut embeds: Vec<EmbedSpec> = Vec::new();
    let mut current = String::new();
    for piece in pieces {
        let block: String = piece.lines().map(|l| format!("> {l}\n")).collect();
        if current.chars().count() + block.chars().count() > budget && !current.is_empty() {
            embeds.push(EmbedSpec { description: std::mem::take(&mut current), ..Default::default() });
        }
        current.push_str(&block);
    }
    current.push_str(tail.trim_start_matches('\n'));
    embeds.push(EmbedSpec { description: current, ..Default::default() });
    let title = match &item.speaker {
        Some(s) if item.attribution == Attribution::Direct && item.fragment => format!("Quoting {s}"),
        Some(s) if item.attribution == Attribution::Direct => format!("{s} said"),
        Some(s) => s.clone(),
        None => "From the corpus".to_string(),
    };
    embeds[0].title = Some(truncate_chars(&title, TITLE_MAX));
    embeds[0].url = item.document.url.clone();
    let last = embeds.len() - 1;
    let mut footer = format!("{} of {total}", index + 1);
    if let Some(n) = &answer.note {
        footer.push_str(" · ");
        footer.push_str(n);
    }
    embeds[last].footer = Some(truncate_chars(&footer, FOOTER_MAX));
    embeds
}

/// Lines of a timeline page before it turns: enough to read, few enough to scan.
const TIMELINE_LINES_PER_PAGE: usize = 12;

/// Timeline embeds, one per page: a line per event (date in bold, verbatim excerpt, linked
/// citation numbers) and, below, the sources those numbers stand for.
pub fn timeline_pages(view: &crate::render::timeline::TimelineView, title: &str) -> Vec<EmbedSpec> {
    let link = |n: usize| -> String {
        let c = &view.sources[n - 1];
        match &c.url {
            Some(u) => format!("[\\[{n}\\]]({u})"),
            None => format!("\\[{n}\\]"),
        }
    };
    let mut pages: Vec<EmbedSpec> = Vec::new();
    let mut current: Vec<String> = Vec::new();
    let mut used: Vec<usize> = Vec::new();
    let flush = |current: &mut Vec<String>, used: &mut Vec<usize>, pages: &mut Vec<EmbedSpec>| {
        if current.is_empty() {
            return;
        }
        used.sort_unstable();
        let sources: Vec<String> = used
            .iter()
            .map(|&n| {
                let c = &view.sources[n - 1];
                format!("{n}. {} · {} · {}", escape_markdown(&c.title), escape_markdown(&c.outlet), c.published)
            })
            .collect();
        let description = format!("{}\n\n**Sources**\n{}", current.join("\n"), sources.join("\n"));
        pages.push(EmbedSpec { title: Some(truncate_chars(title, TITLE_MAX)), description, ..Default::default() });
        current.clear();
        used.clear();
    };
    for line in &view.lines {
        let plan = if line.planned { " *(planned)*" } else { "" };
        let cut = if line.cut { " …" } else { "" };
        let cites: String = line.citations.iter().map(|&n| link(n)).collect();
        let text = format!("**{}**{plan} {}{cut} {cites}", line.date, escape_markdown(&line.excerpt));
        let projected: usize =
            current.iter().map(|l| l.chars().count() + 1).sum::<usize>() + text.chars().count() + 600;
        if current.len() >= TIMELINE_LINES_PER_PAGE || projected > DESCRIPTION_MAX {
            flush(&mut current, &mut used, &mut pages);
        }
        current.push(text);
        for &n in &line.citations {
            if !used.contains(&n) {
                used.push(n);
            }
        }
    }
    flush(&mut current, &mut used, &mut pages);
    let total = pages.len();
    for (i, p) in pages.iter_mut().enumerate() {
        p.footer = Some(format!("{} of {total}", i + 1));
    }
    pages
}

/// Groups embeds into messages within Discord's per-message limits.
pub fn pack(embeds: Vec<EmbedSpec>) -> Vec<Vec<EmbedSpec>> {
    let mut out: Vec<Vec<EmbedSpec>> = Vec::new();
    let mut chars = 0;
    for e in embeds {
        let n = e.chars();
        match out.last_mut() {
            Some(m) if m.len() < EMBEDS_PER_MESSAGE && chars + n <= MESSAGE_EMBED_CHARS => {
                chars += n;
                m.push(e);
            }
            _ => {
                chars = n;
                out.push(vec![e]);
            }
        }
    }
    out
}

/// Plain-text replies (no answer, errors, lists) split into messages of at most 2000 chars.
pub fn text_messages(text: &str) -> Vec<String> {
    chunks::split(text, CONTENT_MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::{Citation, ItemKind};
    use crate::text::Span;

    fn answer_with(text: &str) -> Answer {
        Answer {
            question: "q".into(),
            items: vec![Item {
                pieces: Vec::new(),
                fragment: false,
                kind: ItemKind::Quote,
                text: text.into(),
                speaker: Some("Alexander Gabuev".into()),
                attribution: Attribution::Direct,
                document: Citation {
                    id: "a".into(),
                    title: "Putin and Xi [further] their embrace".into(),
                    outlet: "NPR".into(),
                    published: "2024-05-17".into(),
                    url: Some("https://example.org/a".into()),
                },
                paragraph: 1,
                span: Span::new(0, text.len()),
                date: None,
                score: 1.0,
            }],
            note: None,
        }
    }

    #[test]
    fn markdown_and_mentions_in_quotes_are_escaped_reversibly() {
        let raw = "@everyone *look* at <@123> and __this__ > that";
        let e = escape_markdown(raw);
        assert!(!e.contains("@everyone") || e.contains("\\@everyone"));
        assert_eq!(unescape_markdown(&e), raw);
    }

    #[test]
    fn a_short_answer_is_one_embed_with_quote_speaker_citation_and_footer() {
        let page = answer_page(&answer_with("The underwater part of the iceberg"), 0);
        assert_eq!(page.len(), 1);
        let d = &page[0].description;
        assert!(d.starts_with("> The underwater part of the iceberg\n"));
        assert!(d.contains("— **Alexander Gabuev**"));
        assert!(
            d.contains("[Putin and Xi \\[further\\] their embrace](https://example.org/a) · NPR · 2024-05-17"),
            "{d}"
        );
        assert_eq!(page[0].footer.as_deref(), Some("1 of 1"));
    }

    #[test]
    fn a_few_quoted_words_in_the_writers_sentence_are_titled_as_quoting_the_speaker() {
        let mut answer = answer_with("Putin called it a “benchmark of cooperation” and left.");
        answer.items[0].fragment = true;
        answer.items[0].speaker = Some("Vladimir Putin".into());
        let page = answer_page(&answer, 0);
        assert_eq!(page[0].title.as_deref(), Some("Quoting Vladimir Putin"));
        assert!(page[0].description.contains("— **Vladimir Putin**, in the words in quotation marks"));
    }

    #[test]
    fn a_long_quote_is_split_across_embeds_and_messages_within_limits_losing_nothing() {
        let sentence = "China can only have one ally, and that ally is China itself. ";
        let text = sentence.repeat(150); // ~9000 characters
        let answer = answer_with(text.trim_end());
        let page = answer_page(&answer, 0);
        assert!(page.len() >= 3);
        for e in &page {
            assert!(e.description.chars().count() <= DESCRIPTION_MAX);
        }
        let messages = pack(page.clone());
        for m in &messages {
            assert!(m.len() <= EMBEDS_PER_MESSAGE);
            assert!(m.iter().map(EmbedSpec::chars).sum::<usize>() <= MESSAGE_EMBED_CHARS);
        }
        let quoted: String = page
            .iter()
            .flat_map(|e| e.description.lines())
            .filter_map(|l| l.strip_prefix("> "))
            .collect::<Vec<_>>()
            .join(" ");
        let words: Vec<String> = unescape_markdown(&quoted).split_whitespace().map(String::from).collect();
        assert_eq!(words, text.split_whitespace().map(String::from).collect::<Vec<_>>());
    }

    #[test]
    fn long_plain_text_is_split_into_messages_of_at_most_2000_characters() {
        let text = "A sentence of some length. ".repeat(120);
        let msgs = text_messages(&text);
        assert!(msgs.len() >= 2);
        assert!(msgs.iter().all(|m| m.chars().count() <= CONTENT_MAX));
    }
}
