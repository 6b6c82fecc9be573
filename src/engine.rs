//! The engine: the stored extraction and the open index, bundled so that a front end (CLI or
//! Discord) holds one `Arc<Engine>` and swaps it whole on re-index.

use std::time::Instant;

use crate::answer::{self, Answer, Question};
use crate::embed::{self, Availability, Fetch};
use crate::error::Result;
use crate::index::SearchIndex;
use crate::settings::Settings;
use crate::store::{Check, Progress, Store, Synced};

/// A ready-to-answer engine.
#[derive(Debug)]
pub struct Engine {
    pub store: Store,
    pub max_answers: usize,
    pub max_question_chars: usize,
    pub loaded_at: Instant,
    /// Whether questions are matched by meaning too, and why not if not (`/status`).
    pub meaning_status: String,
}

impl Engine {
    /// Opens the index, first bringing it in line with the corpus folder (every file's name,
    /// size and modification time): an unchanged corpus is not read at all, changed files
    /// are re-indexed alone, and a missing, damaged or differently-extracted index is rebuilt.
    #[tracing::instrument(skip_all)]
    pub fn open(settings: &Settings) -> Result<(Engine, Synced)> {
        Engine::open_with(settings, Check::Thorough, &mut |_| {})
    }

    /// As [`Engine::open`], checking the corpus as `check` says and telling `progress` how
    /// indexing goes.
    ///
    /// The sentence-embedding model is fetched first if it is missing (and the settings allow
    /// it), except for a quick check: a one-off question never waits for a download.
    pub fn open_with(
        settings: &Settings,
        check: Check,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<(Engine, Synced)> {
        let fetch = if check == Check::Quick { Fetch::Never } else { Fetch::IfAllowed };
        Engine::open_fetching(settings, check, fetch, progress)
    }

    /// As [`Engine::open_with`], fetching the model only as `fetch` says (`serve` starts
    /// without waiting for a download and fetches in the background).
    pub fn open_fetching(
        settings: &Settings,
        check: Check,
        fetch: Fetch,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<(Engine, Synced)> {
        let meaning = embed::ensure(&settings.embed, fetch, embed::fetch::Progress::Auto);
        let (store, synced) =
            Store::sync(&settings.corpus.dir, &settings.index.dir, check, meaning.model.clone(), progress)?;
        Ok((Engine::assemble(settings, store, meaning), synced))
    }

    /// Rebuilds the whole index from every article file.
    pub fn rebuild(settings: &Settings) -> Result<Engine> {
        Engine::rebuild_with(settings, &mut |_| {})
    }

    /// As [`Engine::rebuild`], telling `progress` how it goes.
    #[tracing::instrument(skip_all)]
    pub fn rebuild_with(settings: &Settings, progress: &mut dyn FnMut(Progress)) -> Result<Engine> {
        Ok(Engine::open_fetching(settings, Check::Rebuild, Fetch::IfAllowed, progress)?.0)
    }

    fn assemble(settings: &Settings, store: Store, meaning: Availability) -> Engine {
        // A model is of use only with an index whose units carry its meanings (a one-off
        // question never rebuilds the index to add them).
        let meaning_status = if meaning.model.is_some() && store.model.is_none() {
            "off: the index holds no meanings from this model (`summitbot index` adds them)".to_string()
        } else {
            meaning.status
        };
        Engine {
            meaning_status,
            store,
            max_answers: settings.limits.max_answers,
            max_question_chars: settings.limits.max_question_chars,
            loaded_at: Instant::now(),
        }
    }

    /// The open index.
    pub fn index(&self) -> &SearchIndex {
        &self.store.index
    }

    /// Parses and answers a raw question.
    pub fn ask(&self, raw: &str) -> Result<Answer> {
        let q = Question::parse(raw, self.max_question_chars)?;
        self.answer(&q)
    }

    pub fn answer(&self, q: &Question) -> Result<Answer> {
        answer::answer(&self.store, q, self.max_answers)
    }
}
