//! Hashes the sources of everything that decides what an index holds (reading articles,
//! extraction, the timeline, the store and the index schema) into
//! `SUMMITBOT_EXTRACTION_DIGEST`: an index written by other such code is rebuilt, not trusted.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

const DIRS: &[&str] = &["src/corpus", "src/quotes", "src/timeline", "src/store", "src/index"];

/// Files under those that only read an index, never decide what it holds.
const READ_ONLY: &[&str] = &["src/index/search.rs", "src/index/tests.rs"];

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") && !READ_ONLY.iter().any(|r| p == Path::new(r)) {
            out.push(p);
        }
    }
}

fn main() {
    let mut all = Vec::new();
    for d in DIRS {
        println!("cargo:rerun-if-changed={d}");
        files(Path::new(d), &mut all);
    }
    all.sort();
    let mut h = Sha256::new();
    for f in &all {
        h.update(f.to_string_lossy().as_bytes());
        h.update(std::fs::read(f).unwrap_or_default());
    }
    let digest: String = h.finalize().iter().take(12).map(|b| format!("{b:02x}")).collect();
    println!("cargo:rustc-env=SUMMITBOT_EXTRACTION_DIGEST={digest}");
}
