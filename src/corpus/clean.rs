//! Boilerplate cleaning by general rules. A scraped page carries more than the article: site
//! navigation, audio-player chrome, copyright lines, comment forms, photo credits, the second
//! copy of a caption printed twice (the first is kept: it may be the only text of a fact), the
//! date the page was scraped. Each paragraph gets a [`ParaKind`]; nothing is
//! deleted from the text, so offsets stay valid and a wrong rule can be seen and fixed.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::sentences;
use super::Meta;
use crate::text::{fold, squash, Span};

/// Why a paragraph is not article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Chrome {
    /// Lines before the headline: site name, navigation, player.
    BeforeHeadline,
    Navigation,
    Player,
    Copyright,
    CommentForm,
    /// A line that is only a date: the page's or the scrape's, not the article's.
    PageDate,
    PhotoCredit,
    /// A paragraph printed again (photo captions above and below a picture); its first copy stays.
    Repeated,
    /// Everything after the end-of-article copyright line (author bios, related links).
    AfterEnd,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ParaKind {
    Title,
    Heading,
    Body,
    /// "Analysis box by Steve Rosenberg, Russia Editor": opens a section written by `author`.
    SectionMarker {
        author: String,
        role: Option<String>,
    },
    /// "Lee and Wu reported from Taipei": who reported, not what happened.
    Credit,
    Chrome(Chrome),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// Position among all paragraphs of the article (chrome included), from 0.
    pub index: usize,
    pub span: Span,
    pub kind: ParaKind,
    /// Sentences of body paragraphs (empty for other kinds).
    pub sentences: Vec<Span>,
    /// The author of the section this paragraph stands in, if the article has authored sections.
    pub section_author: Option<String>,
}

static NAVIGATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:[•·|>\-\s]*)(?:play live radio|next up:?|available on air stations|log ?in|sign ?in|sign up|reset password|menu|show more|show less|leave a reply|back to top( button)?|skip to (main )?content|subscribe( now)?|share( this)?( article| story)?|advertisement|listen|listen live|donate|search|close|read more|related( stories)?|more from .{1,40})$",
    )
    .unwrap()
});
static PLAYER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\d{1,2}:\d{2}(\s+\d{1,2}:\d{2})*$").unwrap());
static COPYRIGHT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(©|\(c\)\s|copyright\b|transcript provided by|all rights reserved)").unwrap());
static COMMENT_FORM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)your email address will not be published|required fields are marked|comment threads are monitored|comments? (are|is) (now )?closed|post a comment|^leave a comment").unwrap()
});
static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^((mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?((jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{4}|\d{4}-\d{2}-\d{2})(\s*(at\s+)?\d{1,2}[:.]\d{2}\s*([ap]\.?m\.?)?(\s*[A-Z]{2,4})?)?\.?$").unwrap()
});
static PHOTO_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(getty images|ap|afp|reuters|epa|sputnik|xinhua|tass|pool|ap photo|afp via getty images)$|^(.{1,40}/)?(getty images|ap|afp|reuters|epa|sputnik|pool|xinhua)(\s+via\s+.{1,30})?$|^(photo|image|picture)( credit)?:").unwrap()
});
static SECTION_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:Analysis|Analysis box|Commentary|Opinion|Comment)\s+by|By)\s+(\p{Lu}[\p{L}'’\-]+(?:\s+\p{Lu}[\p{L}'’\-]+){1,2})(?:\s*,\s*(.{1,60}))?$").unwrap()
});
static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(reported from|contributed to this report|contributed reporting|additional reporting by|edited by)\b",
    )
    .unwrap()
});

/// Splits an article text into paragraphs and classifies each.
pub fn paragraphs(text: &str, meta: &Meta) -> Vec<Paragraph> {
    let spans = paragraph_spans(text);
    let title = squash(&fold(&meta.title));
    let title_at = spans.iter().position(|s| squash(&fold(s.slice(text))) == title);

    let mut counts: HashMap<String, usize> = HashMap::new();
    for s in &spans {
        *counts.entry(squash(&fold(s.slice(text)))).or_default() += 1;
    }
    let mut seen_body = false;
    let mut ended = false;
    let mut seen_marker: Vec<String> = Vec::new();
    let mut seen_repeat: Vec<String> = Vec::new();
    let mut author: Option<String> = None;
    let mut out = Vec::with_capacity(spans.len());
    for (index, span) in spans.into_iter().enumerate() {
        let raw = span.slice(text);
        let line = squash(raw);
        let key = squash(&fold(raw));
        let kind = if title_at.is_some_and(|t| index < t) {
            ParaKind::Chrome(Chrome::BeforeHeadline)
        } else if Some(index) == title_at {
            ParaKind::Title
        } else if ended {
            ParaKind::Chrome(Chrome::AfterEnd)
        } else if let Some(c) = SECTION_MARKER.captures(&line) {
            let author_name = c[1].to_string();
            if seen_marker.contains(&key) {
                ParaKind::Chrome(Chrome::Repeated)
            } else {
                seen_marker.push(key.clone());
                ParaKind::SectionMarker { author: author_name, role: c.get(2).map(|m| m.as_str().to_string()) }
            }
        } else if NAVIGATION.is_match(&line) {
            ParaKind::Chrome(Chrome::Navigation)
        } else if PLAYER.is_match(&line) {
            ParaKind::Chrome(Chrome::Player)
        } else if COMMENT_FORM.is_match(&line) {
            ParaKind::Chrome(Chrome::CommentForm)
        } else if DATE_LINE.is_match(&line) {
            ParaKind::Chrome(Chrome::PageDate)
        } else if PHOTO_CREDIT.is_match(&line) {
            ParaKind::Chrome(Chrome::PhotoCredit)
        } else if COPYRIGHT.is_match(&line) && line.len() < 80 {
            if seen_body {
                ended = true;
            }
            ParaKind::Chrome(Chrome::Copyright)
        } else if counts.get(&key).copied().unwrap_or(0) > 1 && line.len() > 20 && seen_repeat.contains(&key) {
            ParaKind::Chrome(Chrome::Repeated)
        } else if CREDIT.is_match(&line) && line.len() < 300 {
            ParaKind::Credit
        } else if is_heading(&line) {
            ParaKind::Heading
        } else {
            ParaKind::Body
        };
        if counts.get(&key).copied().unwrap_or(0) > 1 && !seen_repeat.contains(&key) {
            seen_repeat.push(key.clone());
        }
        let mut span = span;
        let mut sentences = Vec::new();
        if kind == ParaKind::Body {
            seen_body = true;
            sentences = sentences::split(text, span);
            // A copyright sentence at the end of a paragraph ("Transcript provided by NPR,
            // Copyright NPR.") ends the article; it is not part of anyone's words.
            while let Some(last) = sentences.last() {
                if COPYRIGHT.is_match(last.slice(text).trim_start()) && sentences.len() > 1 {
                    span.end = sentences[sentences.len() - 2].end;
                    sentences.pop();
                    ended = true;
                } else {
                    break;
                }
            }
        }
        if let ParaKind::SectionMarker { author: a, .. } = &kind {
            author = Some(a.clone());
        }
        let section_author = if kind == ParaKind::Body { author.clone() } else { None };
        out.push(Paragraph { index, span, kind, sentences, section_author });
    }
    out
}

/// A short line with no closing punctuation is a section heading ("A limitless partnership").
fn is_heading(line: &str) -> bool {
    let words = line.split_whitespace().count();
    let last = line.chars().last().unwrap_or('.');
    line.len() <= 70
        && words <= 10
        && !matches!(last, '.' | '!' | ':' | ';' | ',' | '"' | '”' | '’' | ')')
        && !line.starts_with(['"', '“'])
        && !line.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// Paragraph spans: blocks separated by blank lines; a block whose lines are not hard-wrapped
/// prose (scraped pages put each paragraph, caption and menu item on its own line) is split
/// into its lines. Spans exclude surrounding white space.
pub fn paragraph_spans(text: &str) -> Vec<Span> {
    let mut lines: Vec<Span> = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        lines.push(Span::new(pos, pos + line.len()));
        pos += line.len();
    }
    let mut blocks: Vec<Vec<Span>> = vec![Vec::new()];
    for l in lines {
        if l.slice(text).trim().is_empty() {
            if !blocks.last().is_some_and(|b| b.is_empty()) {
                blocks.push(Vec::new());
            }
        } else {
            blocks.last_mut().expect("never empty").push(l);
        }
    }
    let mut out = Vec::new();
    for block in blocks.into_iter().filter(|b| !b.is_empty()) {
        if is_hard_wrapped(text, &block) {
            out.push(trim(text, Span::new(block[0].start, block[block.len() - 1].end)));
        } else {
            out.extend(block.into_iter().map(|l| trim(text, l)));
        }
    }
    out
}

/// Editors and mail clients wrap at a fixed width well under 160 characters; a longer line is
/// a paragraph of its own even when it does not end in punctuation (a quote signed
/// `” ― Name`, a caption).
const WRAP_WIDTH_MAX: usize = 160;

fn is_hard_wrapped(text: &str, block: &[Span]) -> bool {
    if block.len() < 2 {
        return false;
    }
    let body = &block[..block.len() - 1];
    body.iter().all(|l| (40..=WRAP_WIDTH_MAX).contains(&l.slice(text).trim().chars().count()))
        && body.iter().any(|l| !ends_finished(l.slice(text)))
}

/// A line that ends a sentence, or ends in a signature (`” ― Ana Ruiz`: a dash and up to four
/// capitalised words), is a finished line, not one an editor broke.
fn ends_finished(line: &str) -> bool {
    let line = line.trim_end_matches(|c: char| c.is_whitespace() || c == '\u{a0}');
    if line.ends_with(['.', '?', '!', '"', '”', ':']) {
        return true;
    }
    let Some(dash) = line.rfind(['―', '—']) else { return false };
    let words: Vec<&str> = line[dash..].trim_start_matches(['―', '—']).split_whitespace().collect();
    (1..=4).contains(&words.len()) && words.iter().all(|w| w.starts_with(|c: char| c.is_uppercase()))
}

fn trim(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.end - (s.len() - s.trim_end().len());
    Span::new(start, end.max(start))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn meta(title: &str) -> Meta {
        Meta {
            title: title.into(),
            outlet: "O".into(),
            published: NaiveDate::from_ymd_opt(2024, 5, 16).unwrap(),
            url: None,
            authors: vec![],
        }
    }

    fn kinds(text: &str, title: &str) -> Vec<(String, ParaKind)> {
        paragraphs(text, &meta(title)).into_iter().map(|p| (p.span.slice(text).to_string(), p.kind)).collect()
    }

    #[test]
    fn lines_before_the_headline_are_page_chrome() {
        let k = kinds("Log In\n\nReset Password\n  • MENU\n    Wednesday, June 19, 2024\n\n    Big news\n\n    Putin arrived on Thursday.\n", "Big news");
        assert_eq!(k[0].1, ParaKind::Chrome(Chrome::BeforeHeadline));
        assert_eq!(k[3].1, ParaKind::Chrome(Chrome::BeforeHeadline));
        assert_eq!(k[4], ("Big news".into(), ParaKind::Title));
        assert_eq!(k[5].1, ParaKind::Body);
    }

    #[test]
    fn a_scrape_date_alone_on_a_line_is_chrome_even_without_a_headline_match() {
        let k = kinds("Wednesday, June 19, 2024\n\nPutin arrived on Thursday in Beijing.\n", "Other");
        assert_eq!(k[0].1, ParaKind::Chrome(Chrome::PageDate));
    }

    #[test]
    fn a_caption_printed_twice_keeps_its_first_copy_and_photo_credits_are_dropped() {
        let text = "T\n\nCaption of the photo, twice.\nGetty Images\nCaption of the photo, twice.\n\nReal text here.\n";
        let k = kinds(text, "T");
        assert_eq!(k[1].1, ParaKind::Body);
        assert_eq!(k[2].1, ParaKind::Chrome(Chrome::PhotoCredit));
        assert_eq!(k[3].1, ParaKind::Chrome(Chrome::Repeated));
        assert_eq!(k[4].1, ParaKind::Body);
    }

    #[test]
    fn a_copyright_line_after_the_text_ends_the_article() {
        let text = "© 2024 WEMU\nT\n\nText says things.\n\nCopyright 2024 NPR\n\nJohn is a correspondent.\n";
        let k = kinds(text, "T");
        assert_eq!(k[0].1, ParaKind::Chrome(Chrome::BeforeHeadline));
        assert_eq!(k[3].1, ParaKind::Chrome(Chrome::Copyright));
        assert_eq!(k[4].1, ParaKind::Chrome(Chrome::AfterEnd));
    }

    #[test]
    fn a_trailing_transcript_notice_is_cut_from_the_paragraph() {
        let text = "T\n\nRUWITCH: You're welcome. Transcript provided by NPR, Copyright NPR.\n\nBio line.\n";
        let ps = paragraphs(text, &meta("T"));
        assert_eq!(ps[1].span.slice(text), "RUWITCH: You're welcome.");
        assert_eq!(ps[2].kind, ParaKind::Chrome(Chrome::AfterEnd));
    }

    #[test]
    fn analysis_boxes_open_authored_sections_and_repeats_are_dropped() {
        let text = "T\n\nAnalysis box by Steve Rosenberg, Russia Editor\n\nAnalysis box by Steve Rosenberg, Russia Editor\n\nImagine you are Putin.\n";
        let ps = paragraphs(text, &meta("T"));
        assert_eq!(
            ps[1].kind,
            ParaKind::SectionMarker { author: "Steve Rosenberg".into(), role: Some("Russia Editor".into()) }
        );
        assert_eq!(ps[2].kind, ParaKind::Chrome(Chrome::Repeated));
        assert_eq!(ps[3].section_author.as_deref(), Some("Steve Rosenberg"));
    }

    #[test]
    fn comment_forms_players_and_headings_are_told_apart_from_text() {
        let text = "T\n\n0:00 0:00\n\nA limitless partnership\n\nThey met.\n\nYour email address will not be published. Required fields are marked *\n\nBack to top button";
        let k = kinds(text, "T");
        assert_eq!(k[1].1, ParaKind::Chrome(Chrome::Player));
        assert_eq!(k[2].1, ParaKind::Heading);
        assert_eq!(k[3].1, ParaKind::Body);
        assert_eq!(k[4].1, ParaKind::Chrome(Chrome::CommentForm));
        assert_eq!(k[5].1, ParaKind::Chrome(Chrome::Navigation));
    }

    #[test]
    fn hard_wrapped_prose_stays_one_paragraph() {
        let text = "The first line of a paragraph that was wrapped by an editor\nand continues here.\n\nNext.";
        let spans = paragraph_spans(text);
        assert_eq!(spans.len(), 2);
        assert!(spans[0].slice(text).ends_with("continues here."));
    }

    #[test]
    fn long_lines_are_paragraphs_even_without_final_punctuation() {
        let q = "“We came here for work and we stayed for the people, the schools and the weather we \
                 love, and for the neighbours who helped us through the first hard winter here.”";
        let text = format!("{q} Ana Ruiz\n{q} Luis Vega\n");
        let spans = paragraph_spans(&text);
        assert_eq!(spans.len(), 2);
        assert!(spans[0].slice(&text).ends_with("Ana Ruiz"));
    }

    #[test]
    fn a_line_signed_after_a_dash_ends_its_paragraph() {
        let q = "“We came here for work and we stayed for the people.”";
        let text = format!("{q} ― Ana Ruiz\n{q} — Luis M. Vega\nand wrapped text that goes on\n");
        let spans = paragraph_spans(&text);
        assert_eq!(spans.len(), 3, "{spans:?}");
        assert!(spans[1].slice(&text).ends_with("Luis M. Vega"));
    }
}
