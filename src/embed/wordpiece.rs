//! The tokenizer of the embedding model: BERT's uncased basic tokenizer (clean, lower case,
//! accents off, CJK characters apart, punctuation apart) followed by greedy longest-match
//! WordPiece over the model's vocabulary, as its `tokenizer.json` describes.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::error::{Error, Result};

/// Words longer than this (in characters) become the unknown token, as in BERT.
const MAX_WORD_CHARS: usize = 100;

/// FNV-1a: the vocabulary's keys are short and not chosen by an adversary, and loading 30,000
/// of them for every one-off CLI question should cost little.
#[derive(Debug, Default, Clone, Copy)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type Ids = HashMap<String, u32, BuildHasherDefault<Fnv>>;

/// A WordPiece vocabulary: token → id.
#[derive(Debug, Clone)]
pub struct WordPiece {
    ids: Ids,
    unk: u32,
    size: usize,
}

impl WordPiece {
    /// Reads the vocabulary from a Hugging Face `tokenizer.json` of a WordPiece model.
    pub fn from_tokenizer_json(text: &str) -> Result<WordPiece> {
        let bad = |why: &str| Error::Embed(format!("tokenizer.json: {why}"));
        let json: serde_json::Value = serde_json::from_str(text).map_err(|e| bad(&e.to_string()))?;
        let model = &json["model"];
        if model["type"].as_str() != Some("WordPiece") {
            return Err(bad("not a WordPiece model"));
        }
        let vocab = model["vocab"].as_object().ok_or_else(|| bad("no vocabulary"))?;
        let mut ids = Ids::with_capacity_and_hasher(vocab.len(), Default::default());
        for (token, id) in vocab {
            let id = id.as_u64().and_then(|i| u32::try_from(i).ok()).ok_or_else(|| bad("an id is not a number"))?;
            ids.insert(token.clone(), id);
        }
        let unk = *ids.get("[UNK]").ok_or_else(|| bad("no [UNK] token"))?;
        let size = ids.values().map(|&i| i as usize + 1).max().unwrap_or(0);
        Ok(WordPiece { ids, unk, size })
    }

    /// A vocabulary from its tokens in id order (as [`WordPiece::tokens`] lists them).
    pub fn from_tokens<'a>(tokens: impl Iterator<Item = &'a str>) -> Result<WordPiece> {
        let mut ids = Ids::with_capacity_and_hasher(32_768, Default::default());
        for (i, t) in tokens.enumerate() {
            ids.insert(t.to_string(), i as u32);
        }
        let unk = *ids.get("[UNK]").ok_or_else(|| Error::Embed("vocabulary: no [UNK] token".into()))?;
        let size = ids.values().map(|&i| i as usize + 1).max().unwrap_or(0);
        Ok(WordPiece { ids, unk, size })
    }

    /// The tokens in id order (an id no token has is an empty line).
    pub fn tokens(&self) -> Vec<&str> {
        let mut out = vec![""; self.size];
        for (t, &i) in &self.ids {
            out[i as usize] = t.as_str();
        }
        out
    }

    /// One more than the largest id.
    pub fn size(&self) -> usize {
        self.size
    }

    /// The id of a token as written in the vocabulary (`[CLS]`, `##ing`).
    pub fn id(&self, token: &str) -> Option<u32> {
        self.ids.get(token).copied()
    }

    /// The ids of a text's word pieces, without `[CLS]`/`[SEP]`.
    pub fn encode(&self, text: &str) -> Vec<u32> {
        let mut out = Vec::new();
        for word in basic_tokens(text) {
            self.pieces(&word, &mut out);
        }
        out
    }

    /// Greedy longest-match-first split of one word; a word with an unmatchable rest is one
    /// unknown token, as in BERT.
    fn pieces(&self, word: &str, out: &mut Vec<u32>) {
        let chars: Vec<(usize, char)> = word.char_indices().collect();
        if chars.len() > MAX_WORD_CHARS {
            out.push(self.unk);
            return;
        }
        let mut found = Vec::new();
        let mut start = 0;
        let mut piece = String::new();
        while start < chars.len() {
            let mut end = chars.len();
            let mut hit = None;
            while end > start {
                piece.clear();
                if start > 0 {
                    piece.push_str("##");
                }
                let from = chars[start].0;
                let to = chars.get(end).map_or(word.len(), |c| c.0);
                piece.push_str(&word[from..to]);
                if let Some(&id) = self.ids.get(piece.as_str()) {
                    hit = Some(id);
                    break;
                }
                end -= 1;
            }
            match hit {
                Some(id) => found.push(id),
                None => {
                    out.push(self.unk);
                    return;
                }
            }
            start = end;
        }
        out.extend(found);
    }
}

/// BERT's basic tokenizer, uncased: control characters dropped, lower case, accents off,
/// each CJK ideograph and each punctuation mark a word of its own, split on white space.
pub fn basic_tokens(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let flush = |word: &mut String, words: &mut Vec<String>| {
        if !word.is_empty() {
            words.push(std::mem::take(word));
        }
    };
    for c in text.chars() {
        if c == '\0' || c == '\u{fffd}' || (c.is_control() && !c.is_whitespace()) {
            continue;
        }
        if c.is_whitespace() {
            flush(&mut word, &mut words);
            continue;
        }
        if is_cjk(c) || is_punctuation(c) {
            flush(&mut word, &mut words);
            words.push(c.to_lowercase().collect());
            continue;
        }
        for l in c.to_lowercase() {
            match unaccented(l) {
                Some(base) => word.push(base),
                None if is_combining_mark(l) => {}
                None => word.push(l),
            }
        }
    }
    flush(&mut word, &mut words);
    words
}

/// BERT's punctuation: every ASCII non-alphanumeric, non-space printable character, and the
/// Unicode punctuation that news text uses (dashes, curly quotes, ellipsis …).
fn is_punctuation(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_punctuation();
    }
    matches!(c as u32, 0x2010..=0x2027 | 0x2030..=0x205E | 0x3000..=0x303F | 0xFF01..=0xFF0F)
        || matches!(c, '¡' | '§' | '«' | '¶' | '·' | '»' | '¿')
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0x20000..=0x2A6DF | 0x2A700..=0x2B73F
        | 0x2B740..=0x2B81F | 0x2B820..=0x2CEAF | 0xF900..=0xFAFF | 0x2F800..=0x2FA1F)
}

fn is_combining_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F)
}

/// The base letter of an accented Latin letter (what NFD and dropping marks would leave),
/// for the letters of European names in news; `None` for anything else.
fn unaccented(c: char) -> Option<char> {
    const TABLE: [(&str, char); 16] = [
        ("àáâãäåāăą", 'a'),
        ("çćĉċč", 'c'),
        ("ďđ", 'd'),
        ("èéêëēĕėęě", 'e'),
        ("ĝğġģ", 'g'),
        ("ìíîïĩīĭįı", 'i'),
        ("ķ", 'k'),
        ("ĺļľŀł", 'l'),
        ("ñńņňŉ", 'n'),
        ("òóôõöøōŏő", 'o'),
        ("ŕŗř", 'r'),
        ("śŝşšș", 's'),
        ("ùúûüũūŭůűų", 'u'),
        ("ţťț", 't'),
        ("ýÿŷ", 'y'),
        ("žźż", 'z'),
    ];
    if c.is_ascii() {
        return None;
    }
    TABLE.iter().find(|(set, _)| set.contains(c)).map(|&(_, base)| base)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab(tokens: &[&str]) -> WordPiece {
        let entries: Vec<String> = tokens.iter().enumerate().map(|(i, t)| format!("{t:?}: {i}")).collect();
        let json = format!(r#"{{"model": {{"type": "WordPiece", "vocab": {{{}}}}}}}"#, entries.join(", "));
        WordPiece::from_tokenizer_json(&json).unwrap()
    }

    #[test]
    fn words_are_lowered_unaccented_and_punctuation_stands_apart() {
        assert_eq!(
            basic_tokens("Xi's  visit—Moscow, Peña!"),
            ["xi", "'", "s", "visit", "—", "moscow", ",", "pena", "!"]
        );
        assert_eq!(basic_tokens("习近平 met"), ["习", "近", "平", "met"]);
    }

    #[test]
    fn a_word_splits_into_the_longest_pieces_the_vocabulary_has() {
        let v = vocab(&["[UNK]", "un", "##aff", "##able", "affable", "run", "##ning"]);
        assert_eq!(v.encode("unaffable running"), [1, 2, 3, 5, 6]);
        assert_eq!(v.encode("affable"), [4]);
    }

    #[test]
    fn a_word_with_an_unmatchable_rest_is_one_unknown_token() {
        let v = vocab(&["[UNK]", "un", "##aff"]);
        assert_eq!(v.encode("unaffz un"), [0, 1]);
    }
}
