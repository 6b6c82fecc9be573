//! The core's errors, and the one place that turns them into words a user sees.

use std::path::PathBuf;

/// Everything the core can fail with. Adapters (`main.rs`, `discord`) wrap these in `anyhow`.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("the corpus folder {path} does not exist or cannot be read: {source}")]
    CorpusMissing {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("the corpus folder {0} holds no article that could be loaded")]
    CorpusEmpty(PathBuf),
    #[error("{path}: {reason}")]
    BadArticle { path: PathBuf, reason: String },
    #[error("the question is empty")]
    EmptyQuestion,
    #[error("the question is {len} characters long; the limit is {max}")]
    QuestionTooLong { len: usize, max: usize },
    #[error("bad date {0:?}: expected YYYY, YYYY-MM or YYYY-MM-DD")]
    BadDate(String),
    #[error("no article {id:?} in the corpus")]
    UnknownArticle { id: String },
    #[error("index at {path}: {reason}")]
    Index { path: PathBuf, reason: String },
    #[error("sentence embeddings: {0}")]
    Embed(String),
    #[error("a re-index is already running")]
    ReindexBusy,
    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        Error::Io { context: context.into(), source }
    }

    /// The words a user sees for this error: one line, no internal paths for input errors.
    pub fn user_message(&self) -> String {
        match self {
            Error::EmptyQuestion => "Please ask a question, for example: what did Gabuev say about the iceberg?".into(),
            Error::QuestionTooLong { len, max } => {
                format!("That question is {len} characters long; please keep it under {max}.")
            }
            Error::ReindexBusy => "A re-index is already running; wait for it to finish.".into(),
            Error::BadDate(d) => format!("I could not read the date {d:?}; use YYYY, YYYY-MM or YYYY-MM-DD."),
            other => format!("Something went wrong on my side ({other}). Nothing was changed."),
        }
    }

    /// Process exit code for the command line: 2 for bad input, 3 for a bad corpus,
    /// 4 for index trouble, 1 otherwise.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::EmptyQuestion | Error::QuestionTooLong { .. } | Error::BadDate(_) | Error::UnknownArticle { .. } => {
                2
            }
            Error::CorpusMissing { .. } | Error::CorpusEmpty(_) | Error::BadArticle { .. } => 3,
            Error::Index { .. } | Error::ReindexBusy => 4,
            Error::Io { .. } | Error::Embed(_) => 1,
        }
    }
}
