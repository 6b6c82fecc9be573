//! The attribution audit (`summitbot quotes`) as text for a terminal and as JSON.

use serde::Serialize;

use crate::quotes::report::{summary, QuoteRow};

#[derive(Serialize)]
struct JsonQuotes<'a> {
    quotes: &'a [QuoteRow],
    speakers: Vec<JsonCount<'a>>,
    unattributed: usize,
}

#[derive(Serialize)]
struct JsonCount<'a> {
    speaker: &'a str,
    quotes: usize,
}

/// `{"quotes": [{article, paragraph, text, span, parts, speaker, speaker_kind, cue, cue_text,
/// cue_span, rule}], "speakers": [{speaker, quotes}], "unattributed": n}`.
pub fn quotes_json(rows: &[QuoteRow]) -> String {
    let (counts, nobody) = summary(rows);
    let out = JsonQuotes {
        quotes: rows,
        speakers: counts.iter().map(|(s, n)| JsonCount { speaker: s, quotes: *n }).collect(),
        unattributed: nobody,
    };
    serde_json::to_string_pretty(&out).unwrap_or_else(|_| "{}".into())
}

/// One block per quote: where it stands, who said it and why, then the words.
pub fn quotes_text(rows: &[QuoteRow]) -> String {
    let mut out = String::new();
    let mut article = "";
    for r in rows {
        if r.article != article {
            article = &r.article;
            out.push_str(&format!("== {article}\n"));
        }
        let who = r.speaker.as_deref().unwrap_or("(nobody: no cue names a speaker)");
        let cue = r.cue_text.as_deref().map(|c| format!(" — cue “{c}”")).unwrap_or_default();
        out.push_str(&format!(
            "¶{} [{}..{}] {who} · {}{cue}\n    {}\n",
            r.paragraph,
            r.span[0],
            r.span[1],
            r.rule,
            r.text.split_whitespace().collect::<Vec<_>>().join(" ")
        ));
    }
    let (counts, nobody) = summary(rows);
    let listed: Vec<String> = counts.iter().map(|(s, n)| format!("{s} {n}")).collect();
    out.push_str(&format!(
        "\n{} quotes: {}{}{} unattributed\n",
        rows.len(),
        listed.join(", "),
        if listed.is_empty() { "" } else { "; " },
        nobody
    ));
    out
}
