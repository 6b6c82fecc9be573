//! Splitting text to fit a size limit at paragraph, then sentence, then word boundaries.

/// Splits `text` into pieces of at most `limit` characters (chars, not bytes, as Discord
/// counts), preferring paragraph breaks, then sentence ends, then spaces. Nothing is dropped:
/// the pieces joined with the separators they were split at give back the text.
pub fn split(text: &str, limit: usize) -> Vec<String> {
    assert!(limit > 0, "a limit of zero cannot hold any text");
    let mut out = Vec::new();
    let mut rest = text.trim_end();
    while rest.chars().count() > limit {
        let cut_byte = rest.char_indices().nth(limit).map_or(rest.len(), |(b, _)| b);
        let window = &rest[..cut_byte];
        let at = window
            .rfind("\n\n")
            .filter(|&i| i > 0)
            .or_else(|| window.rfind('\n').filter(|&i| i > 0))
            .or_else(|| sentence_end(window))
            .or_else(|| window.rfind(' ').filter(|&i| i > 0))
            .unwrap_or(cut_byte);
        let (head, tail) = rest.split_at(at);
        out.push(head.trim_end().to_string());
        rest = tail.trim_start_matches([' ', '\n']);
    }
    if !rest.is_empty() {
        out.push(rest.to_string());
    }
    out
}

fn sentence_end(window: &str) -> Option<usize> {
    let mut best = None;
    for (i, c) in window.char_indices() {
        if matches!(c, '.' | '?' | '!') && window[i + c.len_utf8()..].starts_with(' ') {
            best = Some(i + c.len_utf8());
        }
    }
    best.filter(|&i| i > window.len() / 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_fit_the_limit_and_lose_no_words() {
        let text = "One sentence here. Another one follows!\n\nA new paragraph with several words in it.";
        for limit in [10, 25, 40, 200] {
            let pieces = split(text, limit);
            assert!(pieces.iter().all(|p| p.chars().count() <= limit), "{limit}: {pieces:?}");
            let words: Vec<&str> = pieces.iter().flat_map(|p| p.split_whitespace()).collect();
            assert_eq!(words, text.split_whitespace().collect::<Vec<_>>());
        }
    }

    #[test]
    fn paragraph_breaks_are_preferred_to_sentence_ends() {
        let pieces = split("Aaaa aaaa. Bbbb bbbb.\n\nCccc cccc.", 25);
        assert_eq!(pieces, ["Aaaa aaaa. Bbbb bbbb.", "Cccc cccc."]);
    }

    #[test]
    fn multibyte_text_is_split_on_character_boundaries() {
        let text = "“Ünïcödé” ".repeat(50);
        for p in split(&text, 33) {
            assert!(p.chars().count() <= 33);
        }
    }
}
