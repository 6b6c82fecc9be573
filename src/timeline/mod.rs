//! Dated events (stub until the timeline issue).

use crate::answer::Item;
use crate::corpus::Corpus;
use crate::engine::Library;
use crate::error::Result;
use crate::index::SearchIndex;
use crate::quotes::Extraction;

#[derive(Debug, Clone, Default)]
pub struct Timeline {}

impl Timeline {
    pub fn build(_corpus: &Corpus, _ex: &Extraction) -> Timeline {
        Timeline {}
    }
}

pub fn when(_lib: &Library, _index: &SearchIndex, _topic: &str, _max: usize) -> Result<Vec<Item>> {
    Ok(Vec::new())
}

#[derive(Debug, Clone, Default)]
pub struct Filter {}

impl Filter {
    pub fn parse(_topic: Option<&str>, _from: Option<&str>, _to: Option<&str>) -> Result<Filter> {
        Ok(Filter {})
    }
}

#[derive(Debug, Clone)]
pub struct Event {}

impl Timeline {
    pub fn select(&self, _f: &Filter) -> Vec<&Event> {
        Vec::new()
    }
}

pub fn render_json(_lib: &Library, _events: &[&Event]) -> String {
    "{\"events\": []}".into()
}

pub fn render_text(_lib: &Library, _events: &[&Event]) -> String {
    String::new()
}
