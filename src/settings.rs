//! Settings, read with the `config` crate from (later wins) the built-in defaults
//! (`config/default.toml`, compiled in), `config/default.toml` and `config/local.toml` in the
//! working directory if present, an explicit `--config PATH`, and environment variables
//! `SUMMITBOT__SECTION__KEY`. Unknown keys and bad values are errors that name the key.

use std::fmt;
use std::path::{Path, PathBuf};

use config::{Config, Environment, File, FileFormat};
use serde::Deserialize;

const DEFAULTS: &str = include_str!("../config/default.toml");

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    pub corpus: CorpusSettings,
    pub index: IndexSettings,
    pub limits: Limits,
    pub discord: DiscordSettings,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CorpusSettings {
    pub dir: PathBuf,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndexSettings {
    pub dir: PathBuf,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    pub max_question_chars: usize,
    pub max_answers: usize,
    pub questions_per_minute: u32,
    pub max_ingest_bytes: usize,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DiscordSettings {
    pub token: Secret,
    pub api_base: String,
    pub guild_id: u64,
    pub admin_user_ids: Vec<u64>,
    pub admin_role_ids: Vec<u64>,
}

/// A secret string whose `Debug` and `Display` never show it.
#[derive(Clone, Default, Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    pub fn new(s: impl Into<String>) -> Self {
        Secret(s.into())
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
    pub fn is_empty(&self) -> bool {
        self.0.trim().is_empty()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.0.is_empty() { "Secret(<empty>)" } else { "Secret(<redacted>)" })
    }
}

/// A settings error: which source or key is wrong, and how.
#[derive(Debug, thiserror::Error)]
#[error("configuration: {0}")]
pub struct SettingsError(String);

impl Settings {
    /// Loads settings; `explicit` is the `--config` file, which must exist if given.
    pub fn load(explicit: Option<&Path>) -> Result<Settings, SettingsError> {
        Self::load_with_env(explicit, std::env::vars())
    }

    /// As [`Settings::load`], with the environment given (tests pass their own).
    pub fn load_with_env(
        explicit: Option<&Path>,
        env: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Settings, SettingsError> {
        let env: std::collections::HashMap<String, String> =
            env.into_iter().filter(|(k, _)| k.starts_with("SUMMITBOT__") || k == "DISCORD_TOKEN").collect();
        let mut b = Config::builder()
            .add_source(File::from_str(DEFAULTS, FileFormat::Toml))
            .add_source(File::new("config/default.toml", FileFormat::Toml).required(false))
            .add_source(File::new("config/local.toml", FileFormat::Toml).required(false));
        if let Some(p) = explicit {
            if !p.is_file() {
                return Err(SettingsError(format!("config file {} does not exist", p.display())));
            }
            b = b.add_source(File::from(p).format(FileFormat::Toml).required(true));
        }
        // DISCORD_TOKEN is accepted as a shorter name; SUMMITBOT__DISCORD__TOKEN wins.
        if let Some(t) = env.get("DISCORD_TOKEN").filter(|t| !t.trim().is_empty()) {
            b = b.set_override("discord.token", t.clone()).map_err(|e| SettingsError(e.to_string()))?;
        }
        let source: config::Map<String, String> =
            env.iter().filter(|(k, _)| k.starts_with("SUMMITBOT__")).map(|(k, v)| (k.clone(), v.clone())).collect();
        b = b.add_source(
            Environment::with_prefix("SUMMITBOT")
                .prefix_separator("__")
                .separator("__")
                .try_parsing(true)
                .list_separator(",")
                .with_list_parse_key("discord.admin_user_ids")
                .with_list_parse_key("discord.admin_role_ids")
                .source(Some(source)),
        );
        let cfg = b.build().map_err(|e| SettingsError(e.to_string()))?;
        let s: Settings = cfg.try_deserialize().map_err(|e| SettingsError(e.to_string()))?;
        s.validate()?;
        Ok(s)
    }

    fn validate(&self) -> Result<(), SettingsError> {
        let bad = |k: &str, why: &str| Err(SettingsError(format!("{k}: {why}")));
        if !(1..=4000).contains(&self.limits.max_question_chars) {
            return bad("limits.max_question_chars", "must be between 1 and 4000");
        }
        if !(1..=25).contains(&self.limits.max_answers) {
            return bad("limits.max_answers", "must be between 1 and 25");
        }
        if self.limits.questions_per_minute == 0 {
            return bad("limits.questions_per_minute", "must be at least 1");
        }
        if !(1..=8 * 1024 * 1024).contains(&self.limits.max_ingest_bytes) {
            return bad("limits.max_ingest_bytes", "must be between 1 and 8388608");
        }
        if !(self.discord.api_base.starts_with("http://") || self.discord.api_base.starts_with("https://")) {
            return bad("discord.api_base", "must start with http:// or https://");
        }
        if self.corpus.dir.as_os_str().is_empty() || self.index.dir.as_os_str().is_empty() {
            return bad("corpus.dir / index.dir", "must not be empty");
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn defaults_load_without_any_file_or_variable() {
        let s = Settings::load_with_env(None, env(&[])).unwrap();
        assert_eq!(s.index.dir, PathBuf::from("data/index"));
        assert_eq!(s.limits.questions_per_minute, 6);
        assert!(s.discord.token.is_empty());
    }

    #[test]
    fn environment_variables_override_nested_keys_and_lists() {
        let s = Settings::load_with_env(
            None,
            env(&[
                ("SUMMITBOT__INDEX__DIR", "/tmp/x"),
                ("SUMMITBOT__DISCORD__ADMIN_USER_IDS", "1,2"),
                ("DISCORD_TOKEN", "abc"),
            ]),
        )
        .unwrap();
        assert_eq!(s.index.dir, PathBuf::from("/tmp/x"));
        assert_eq!(s.discord.admin_user_ids, vec![1, 2]);
        assert_eq!(s.discord.token.expose(), "abc");
    }

    #[test]
    fn unknown_keys_are_errors_that_name_the_key() {
        let err = Settings::load_with_env(None, env(&[("SUMMITBOT__LIMITS__COLOUR", "red")])).unwrap_err();
        assert!(err.to_string().contains("colour"), "{err}");
    }

    #[test]
    fn bad_values_are_errors_that_name_the_key() {
        let err =
            Settings::load_with_env(None, env(&[("SUMMITBOT__LIMITS__QUESTIONS_PER_MINUTE", "lots")])).unwrap_err();
        assert!(err.to_string().contains("questions_per_minute"), "{err}");
        let err = Settings::load_with_env(None, env(&[("SUMMITBOT__LIMITS__QUESTIONS_PER_MINUTE", "0")])).unwrap_err();
        assert!(err.to_string().contains("questions_per_minute"), "{err}");
    }

    #[test]
    fn the_token_never_shows_in_debug_output() {
        let s = Settings::load_with_env(None, env(&[("DISCORD_TOKEN", "super-secret-token")])).unwrap();
        assert!(!format!("{s:?}").contains("super-secret-token"));
    }
}
