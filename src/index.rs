//! Index: turns rendered page texts into the search files (`search/`, see [`crate::search`]).

use crate::model::Site;
use crate::output::{OutputFile, Sink};
use crate::render::PageText;
use crate::search::{build_into, SearchPage, SearchSection, Synonym};

pub use crate::search::Memo;

/// Writes the files of `search/` into `sink`: manifest, index shards and page texts.
/// With a `memo`, pages whose text did not change are not analysed again.
pub fn index(site: &Site, texts: Vec<PageText>, sink: &dyn Sink, memo: Option<&mut Memo>) {
    let synonyms: Vec<Synonym> = site
        .glossary
        .data
        .terms
        .iter()
        .map(|t| Synonym {
            acronym: t.acronym.clone(),
            expansion: t.expansion.clone(),
        })
        .collect();
    build_into(pages(texts), &synonyms, memo, &|f| {
        sink.put(OutputFile {
            path: f.path,
            bytes: f.bytes,
        })
    });
}

/// One search page per output page: the data-driven entries of a page (glossary terms, ARS)
/// join the sections of the page they are shown on.
pub fn pages(texts: Vec<PageText>) -> Vec<SearchPage> {
    let mut pages: Vec<SearchPage> = Vec::with_capacity(texts.len());
    let mut position: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for t in texts {
        let sections = t.sections.into_iter().map(|s| SearchSection {
            anchor: s.anchor,
            heading: s.heading,
            text: s.text,
        });
        match position.get(t.output.as_str()) {
            Some(&n) => {
                let page: &mut SearchPage = &mut pages[n];
                page.sections.extend(sections);
                if page.keywords.is_empty() {
                    page.keywords = t.keywords;
                }
            }
            None => {
                position.insert(t.output.clone(), pages.len());
                let mut sections: Vec<SearchSection> = sections.collect();
                // The first section stands for the page itself: its title and fields.
                if sections.first().is_none_or(|s| s.anchor.is_some()) {
                    sections.insert(0, SearchSection::default());
                }
                pages.push(SearchPage {
                    url: t.output,
                    title: t.title,
                    label: t.section,
                    keywords: t.keywords,
                    sections,
                });
            }
        }
    }
    pages
}
