//! An engine over the bundled corpus for the integration tests that ask it questions, its
//! index in a temporary directory that lives as long as the returned guard.
#![allow(dead_code)]

use std::path::Path;

use summitbot::engine::Engine;
use summitbot::settings::Settings;

/// Settings for the bundled corpus with the index in a fresh temporary directory.
pub fn bundled_settings() -> (Settings, tempfile::TempDir) {
    let idx = tempfile::tempdir().unwrap();
    let mut s = Settings::load_with_env(None, Vec::new()).unwrap();
    s.corpus.dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    s.index.dir = idx.path().to_path_buf();
    // The product's default: meanings on, the model fetched once into the crate's data/models
    // (shared by every test and by the command line run from the crate).
    s.embed.dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(&s.embed.dir);
    (s, idx)
}

/// An engine over the bundled corpus (its index built on open).
pub fn bundled_engine() -> (Engine, tempfile::TempDir) {
    let (s, idx) = bundled_settings();
    (Engine::open(&s).unwrap().0, idx)
}
