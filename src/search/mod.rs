//! Full-text search: the index stage of the pipeline.
//!
//! The generator hands over one [`SearchPage`] per page, with its sections; [`build`] returns
//! the files of `search/`, all classic scripts so that search works from `file://`:
//!
//! - `search/index.js`, the manifest: page and section counts, the first term of each shard,
//!   the glossary's acronyms and expansions, the pipeline's name;
//! - `search/t/N.js`, shard `N` of the inverted index: a sorted run of terms with their
//!   postings (page, section within the page, weight), cut by size so that a query loads only
//!   the shards of its words;
//! - `search/p/N.js`, page `N`'s title, URL, label and section texts, loaded only for the
//!   results shown, to cut snippets from the passage that matched and to weigh how close the
//!   query's words stand.
//!
//! Each file calls `PortailSearch.add(kind, number, data)` (defined by `static/search-core.js`):
//! no `fetch`, no inline script, so a strict `script-src 'self'` works. The format replaces
//! elasticlunr's (see the README, « Recherche »): its one-object-per-character trie is several
//! times the size of the words, cannot be split, and elasticlunr-rs serialises it recursively.

mod language;
mod shards;
mod stopwords;
mod tokenize;

pub use crate::fold::fold;
pub use language::{analyze, analyze_word};
#[cfg(test)]
pub use shards::build;
pub use shards::{Indexer, Memo, SearchFile, FORMAT};
pub use tokenize::{for_each_word, tokenize};

/// Where the search files go, at the root of the output folder.
pub const SEARCH_DIR: &str = "search";

/// A page as search knows it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchPage {
    /// Relative to the site root, to a file: `leviers/fir/index.html`.
    pub url: String,
    pub title: String,
    /// The lever or site section the page belongs to: "Levier · Subvention FIR", "Glossaire".
    pub label: String,
    /// Extra weighted text of the page's first section: a lever's structured fields.
    pub keywords: String,
    /// The first has no anchor when the page has text before its first heading.
    pub sections: Vec<SearchSection>,
}

/// A part of a page: the text before the first heading, or a heading and what follows it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchSection {
    pub anchor: Option<String>,
    pub heading: Option<String>,
    pub text: String,
}

/// A glossary entry, as search uses it: the acronym finds the expansion and the reverse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Synonym {
    pub acronym: String,
    pub expansion: String,
}
