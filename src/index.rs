//! Index: turns rendered page texts into the search files (`search/`, see [`crate::search`]),
//! a chunk of pages at a time as render hands them over.

use crate::diagnostic::Diagnostic;
use crate::model::Site;
use crate::output::{OutputFile, Sink};
use crate::render::PageText;
use crate::search::{SearchFile, SearchPage, SearchSection, Synonym};

pub use crate::search::Memo;

/// The search stage of one build: [`Indexer::add`] each chunk of page texts in order, then
/// [`Indexer::finish`].
pub struct Indexer<'m> {
    inner: crate::search::Indexer<'m>,
}

impl<'m> Indexer<'m> {
    /// With a `memo`, pages whose text did not change are not analysed again.
    pub fn new(site: &Site, memo: Option<&'m mut Memo>) -> Self {
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
        Indexer {
            inner: crate::search::Indexer::new(&synonyms, memo),
        }
    }

    /// Indexes the next pages' texts and writes their `search/p/N.js` into `sink`.
    pub fn add(&mut self, texts: Vec<PageText>, sink: &dyn Sink) {
        self.inner.add(pages(texts), &|f| put(sink, f));
    }

    /// Writes the index shards and the manifest into `sink`; a file that could not be made is
    /// an error naming it.
    pub fn finish(self, sink: &dyn Sink) -> Result<(), Diagnostic> {
        self.inner
            .finish(&|f| put(sink, f))
            .map_err(|e| Diagnostic::new("search/", e))
    }
}

fn put(sink: &dyn Sink, f: SearchFile) {
    sink.put(OutputFile {
        path: f.path,
        bytes: f.bytes,
    })
}

/// One search page per output page: a page's data-driven entries (glossary terms, ARS), which
/// render hands over right after it, join its sections.
pub fn pages(texts: Vec<PageText>) -> Vec<SearchPage> {
    let mut pages: Vec<SearchPage> = Vec::with_capacity(texts.len());
    for t in texts {
        let sections = t.sections.into_iter().map(|s| SearchSection {
            anchor: s.anchor,
            heading: s.heading,
            text: s.text,
        });
        match pages.last_mut().filter(|p| p.url == t.output) {
            Some(page) => {
                page.sections.extend(sections);
                if page.keywords.is_empty() {
                    page.keywords = t.keywords;
                }
            }
            None => {
                let mut sections: Vec<SearchSection> = sections.collect();
                // The first section stands for the page itself: its title and fields.
                if sections.first().is_none_or(|s| s.anchor.is_some()) {
                    sections.insert(0, SearchSection::default());
                }
                pages.push(SearchPage {
                    url: t.output,
                    title: t.title,
                    label: t.label,
                    keywords: t.keywords,
                    sections,
                });
            }
        }
    }
    pages
}
