//! Discord adapter (placeholder until the Discord issue).

pub fn serve(_settings: crate::settings::Settings) -> anyhow::Result<()> {
    anyhow::bail!("the Discord bot is not built yet")
}
