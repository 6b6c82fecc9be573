//! The corpus: one file per article under `corpus/`, a TOML front-matter header between `+++`
//! lines followed by the article text exactly as scraped. Loading parses the header into
//! [`Meta`], classifies paragraphs (body, heading, chrome …, see [`clean`]) and splits sentences,
//! all as byte spans into [`Article::text`], so every quoted byte can be traced back.

pub mod clean;
pub mod sentences;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Deserialize;

use crate::error::{Error, Result};
use crate::text::Span;

pub use clean::{Chrome, ParaKind, Paragraph};

/// Article files larger than this are refused at load time (and at `/ingest`).
pub const MAX_ARTICLE_BYTES: usize = 512 * 1024;

/// The front-matter header of an article.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Meta {
    pub title: String,
    pub outlet: String,
    pub published: NaiveDate,
    pub url: Option<String>,
    pub authors: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMeta {
    title: String,
    outlet: String,
    published: toml::Value,
    url: Option<String>,
    #[serde(default)]
    authors: Vec<String>,
}

/// One loaded article.
#[derive(Debug, Clone)]
pub struct Article {
    /// The file stem, e.g. `002_5ce7b6f050da88d9`.
    pub id: String,
    pub path: PathBuf,
    pub meta: Meta,
    /// The article text after the header, byte for byte as in the file.
    pub text: String,
    /// Byte offset of `text` inside the file (the header's length).
    pub body_offset: usize,
    pub paragraphs: Vec<Paragraph>,
}

impl Article {
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text)
    }

    /// Paragraphs that are article text (not chrome, headings, credits or markers).
    pub fn body(&self) -> impl Iterator<Item = &Paragraph> {
        self.paragraphs.iter().filter(|p| p.kind == ParaKind::Body)
    }

    /// The paragraph that contains `span`, if any.
    pub fn paragraph_of(&self, span: Span) -> Option<&Paragraph> {
        self.paragraphs.iter().find(|p| p.span.contains(span))
    }
}

/// A file that could not be loaded, and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    pub path: PathBuf,
    pub reason: String,
}

/// All articles of a corpus folder, in file-name order.
#[derive(Debug, Clone)]
pub struct Corpus {
    pub dir: PathBuf,
    pub articles: Vec<Article>,
    pub problems: Vec<Problem>,
}

impl Corpus {
    /// Loads every `*.txt` / `*.md` file in `dir`. A bad file is recorded in `problems` and
    /// skipped; the rest still load. A missing folder, or one with no loadable article, is an error.
    #[tracing::instrument(skip_all, fields(dir = %dir.display()))]
    pub fn load(dir: &Path) -> Result<Corpus> {
        let files = article_files(dir)?;
        let mut articles = Vec::new();
        let mut problems = Vec::new();
        for path in files {
            let bytes = match std::fs::read(&path) {
                Ok(b) => b,
                Err(e) => {
                    problems.push(Problem { path, reason: format!("cannot be read: {e}") });
                    continue;
                }
            };
            match parse_article(&path, &bytes) {
                Ok(a) => articles.push(a),
                Err(Error::BadArticle { path, reason }) => {
                    tracing::warn!(path = %path.display(), %reason, "skipping article");
                    problems.push(Problem { path, reason });
                }
                Err(e) => return Err(e),
            }
        }
        if articles.is_empty() {
            return Err(Error::CorpusEmpty(dir.to_path_buf()));
        }
        Ok(Corpus { dir: dir.to_path_buf(), articles, problems })
    }

    pub fn article(&self, id: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.id == id)
    }
}

/// The article files of a corpus folder, sorted by name.
pub fn article_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let rd = std::fs::read_dir(dir).map_err(|source| Error::CorpusMissing { path: dir.to_path_buf(), source })?;
    let mut files: Vec<PathBuf> = rd
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.is_file() && matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "md")))
        .collect();
    files.sort();
    Ok(files)
}

fn bad(path: &Path, reason: impl Into<String>) -> Error {
    Error::BadArticle { path: path.to_path_buf(), reason: reason.into() }
}

/// Parses one article file: header, then text, then paragraphs and sentences.
pub fn parse_article(path: &Path, bytes: &[u8]) -> Result<Article> {
    if bytes.len() > MAX_ARTICLE_BYTES {
        return Err(bad(path, format!("file is {} bytes; the limit is {MAX_ARTICLE_BYTES}", bytes.len())));
    }
    let raw = std::str::from_utf8(bytes).map_err(|e| bad(path, format!("not UTF-8 text ({e})")))?;
    let (meta, body_offset) = split_front_matter(raw).map_err(|r| bad(path, r))?;
    let meta = parse_meta(meta).map_err(|r| bad(path, r))?;
    let text = raw[body_offset..].to_string();
    let paragraphs = clean::paragraphs(&text, &meta);
    if !paragraphs.iter().any(|p| p.kind == ParaKind::Body) {
        return Err(bad(path, "no article text after the header"));
    }
    let id = path.file_stem().and_then(|s| s.to_str()).unwrap_or("article").to_string();
    Ok(Article { id, path: path.to_path_buf(), meta, text, body_offset, paragraphs })
}

/// Returns the header text and the byte offset where the article text starts.
fn split_front_matter(raw: &str) -> std::result::Result<(&str, usize), String> {
    let start = if raw.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &raw[start..];
    let first_line_end = rest.find('\n').ok_or("missing front matter: the file must start with a `+++` line")?;
    if rest[..first_line_end].trim_end() != "+++" {
        return Err("missing front matter: the file must start with a `+++` line".into());
    }
    let header_start = start + first_line_end + 1;
    let mut pos = header_start;
    for line in raw[header_start..].split_inclusive('\n') {
        if line.trim_end() == "+++" {
            return Ok((&raw[header_start..pos], pos + line.len()));
        }
        pos += line.len();
    }
    Err("front matter is not closed: no second `+++` line".into())
}

fn parse_meta(header: &str) -> std::result::Result<Meta, String> {
    let raw: RawMeta = toml::from_str(header).map_err(|e| format!("bad front matter: {}", one_line(&e.to_string())))?;
    let published = match &raw.published {
        toml::Value::String(s) => NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
            .map_err(|_| format!("`published` must be an ISO date like 2024-05-17, not {s:?}"))?,
        toml::Value::Datetime(d) => {
            let date = d.date.ok_or("`published` must be a date")?;
            NaiveDate::from_ymd_opt(date.year as i32, date.month as u32, date.day as u32)
                .ok_or("`published` is not a valid date")?
        }
        other => return Err(format!("`published` must be an ISO date, not {}", other.type_str())),
    };
    let title = raw.title.trim().to_string();
    let outlet = raw.outlet.trim().to_string();
    if title.is_empty() {
        return Err("`title` is empty".into());
    }
    if outlet.is_empty() {
        return Err("`outlet` is empty".into());
    }
    let url = match raw.url.map(|u| u.trim().to_string()).filter(|u| !u.is_empty()) {
        Some(u) if !(u.starts_with("https://") || u.starts_with("http://")) || u.contains(char::is_whitespace) => {
            return Err(format!("`url` must be an http(s) link, not {u:?}"))
        }
        u => u,
    };
    let authors = raw.authors.into_iter().map(|a| a.trim().to_string()).filter(|a| !a.is_empty()).collect();
    Ok(Meta { title, outlet, published, url, authors })
}

fn one_line(s: &str) -> String {
    crate::text::squash(s)
}

/// Renders a header and text as an article file, the inverse of [`parse_article`].
pub fn to_file(meta: &Meta, text: &str) -> String {
    #[derive(serde::Serialize)]
    struct Out<'a> {
        title: &'a str,
        outlet: &'a str,
        published: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        url: Option<&'a str>,
        #[serde(skip_serializing_if = "<[_]>::is_empty")]
        authors: &'a [String],
    }
    let header = toml::to_string(&Out {
        title: &meta.title,
        outlet: &meta.outlet,
        published: meta.published.format("%Y-%m-%d").to_string(),
        url: meta.url.as_deref(),
        authors: &meta.authors,
    })
    .expect("a header of strings always serializes");
    format!("+++\n{header}+++\n{text}")
}

/// A file-name-safe slug of a title: lower-case ASCII words joined by `-`, at most 60 chars.
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    for w in title.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()) {
        if out.len() + w.len() + 1 > 60 {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&w.to_ascii_lowercase());
    }
    if out.is_empty() {
        out.push_str("article");
    }
    out
}

/// Adds a new article file to `dir`: header plus text, checked by the same parser that loads
/// the corpus, written atomically and never over an existing file. Returns the new path.
/// `known` tells whether the corpus already has an article of this headline and date (and
/// names its file): the caller asks its index, so adding one article never reads the others.
pub fn write_new_article(
    dir: &Path,
    meta: &Meta,
    text: &str,
    known: &dyn Fn(&Meta) -> Option<String>,
) -> Result<PathBuf> {
    let name = format!("{}_{}.txt", meta.published.format("%Y-%m-%d"), slug(&meta.title));
    let path = dir.join(&name);
    let content = to_file(meta, text);
    // The file must load exactly as the corpus will load it.
    parse_article(&path, content.as_bytes())?;
    if let Some(file) = known(meta) {
        return Err(bad(&path, format!("the corpus already has this article ({file})")));
    }
    if path.exists() {
        return Err(bad(&path, "a file with this name already exists; nothing was overwritten"));
    }
    let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default().as_nanos();
    let tmp = dir.join(format!(".ingest-{}-{stamp}.tmp", std::process::id()));
    let io = |e| Error::io(format!("writing {}", path.display()), e);
    {
        use std::io::Write;
        let mut f = std::fs::OpenOptions::new().write(true).create_new(true).open(&tmp).map_err(io)?;
        f.write_all(content.as_bytes()).map_err(io)?;
        f.sync_all().map_err(io)?;
    }
    // A hard link fails if the name exists, unlike rename: no race can overwrite a file.
    let linked = std::fs::hard_link(&tmp, &path);
    let _ = std::fs::remove_file(&tmp);
    match linked {
        Ok(()) => Ok(path),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            Err(bad(&path, "a file with this name already exists; nothing was overwritten"))
        }
        Err(e) => Err(io(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_article_is_written_once_and_never_over_an_existing_file() {
        let dir = tempfile::tempdir().unwrap();
        let meta = Meta {
            title: "Xi visits Moscow".into(),
            outlet: "Example News".into(),
            published: NaiveDate::from_ymd_opt(2023, 3, 20).unwrap(),
            url: None,
            authors: vec![],
        };
        let p = write_new_article(dir.path(), &meta, "Xi Visits Moscow\n\nXi arrived on Monday.\n", &|_| None).unwrap();
        assert!(p.ends_with("2023-03-20_xi-visits-moscow.txt"));
        let before = std::fs::read(&p).unwrap();
        let again = write_new_article(dir.path(), &meta, "Other text.\n", &|_| None).unwrap_err();
        assert!(again.to_string().contains("already"), "{again}");
        // The same headline and date under another file name is the same article.
        let other = Meta { title: "XI VISITS MOSCOW!".into(), ..meta.clone() };
        let known = |m: &Meta| (m.published == meta.published).then(|| "001_moscow.txt".to_string());
        let dup = write_new_article(dir.path(), &other, "Xi arrived.\n", &known).unwrap_err();
        assert!(dup.to_string().contains("001_moscow.txt"), "{dup}");
        assert_eq!(std::fs::read(&p).unwrap(), before);
        // No temporary files are left behind.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn an_article_with_no_text_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let meta = Meta {
            title: "Empty".into(),
            outlet: "O".into(),
            published: NaiveDate::from_ymd_opt(2023, 3, 20).unwrap(),
            url: None,
            authors: vec![],
        };
        assert!(write_new_article(dir.path(), &meta, "   \n", &|_| None).is_err());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn a_header_round_trips_through_to_file() {
        let meta = Meta {
            title: "A \"quoted\" title".into(),
            outlet: "NPR".into(),
            published: NaiveDate::from_ymd_opt(2024, 5, 17).unwrap(),
            url: Some("https://example.org/a".into()),
            authors: vec!["Charles Maynes".into()],
        };
        let file = to_file(&meta, "Headline\n\nBody text that says something.\n");
        let a = parse_article(Path::new("x.txt"), file.as_bytes()).unwrap();
        assert_eq!(a.meta, meta);
        assert_eq!(a.text, "Headline\n\nBody text that says something.\n");
    }

    #[test]
    fn unknown_header_keys_are_rejected_with_the_key_named() {
        let file = "+++\ntitle = \"T\"\noutlet = \"O\"\npublished = \"2024-01-01\"\ncolour = \"red\"\n+++\nText.\n";
        let err = parse_article(Path::new("x.txt"), file.as_bytes()).unwrap_err();
        assert!(err.to_string().contains("colour"), "{err}");
    }
}
