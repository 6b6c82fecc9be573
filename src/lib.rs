//! summitbot: answers questions about the Putin–Xi summits with verbatim, cited quotes.
//!
//! The crate is a transport-neutral core (corpus → quotes → index → answer / timeline → render)
//! with two faces: the command line in `main.rs` and the Discord adapter in [`discord`].
//! Only [`discord`] knows about serenity or poise; only [`index`] knows about tantivy.

#![forbid(unsafe_code)]
#![warn(missing_debug_implementations, rust_2018_idioms)]

pub mod answer;
pub mod corpus;
pub mod discord;
pub mod embed;
pub mod engine;
pub mod error;
pub mod index;
pub mod quotes;
pub mod render;
pub mod settings;
pub mod store;
pub mod text;
pub mod timeline;

pub use engine::Engine;
pub use error::{Error, Result};
