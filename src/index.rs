//! Index: turns rendered page texts into search entries, one per section, and the index script.

use crate::render::{OutputFile, PageText};
use crate::search::{build_index, SearchDoc};

/// Output path of the search index, loaded as a classic script so it works from `file://`.
pub const INDEX_PATH: &str = "search-index.js";

pub fn index_file(texts: &[PageText]) -> OutputFile {
    let docs = documents(texts);
    OutputFile {
        path: INDEX_PATH.to_owned(),
        bytes: build_index(&docs).into_bytes(),
    }
}

/// One entry per section of each page; the part above the first heading carries the page's
/// keywords (lever fields), so a lever ranks first for its own name.
pub fn documents(texts: &[PageText]) -> Vec<SearchDoc> {
    let mut docs = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for t in texts {
        // Data-driven entries (glossary terms, ARS) share their page's output: one page entry.
        let first_of_page = seen.insert(t.output.as_str());
        let mut has_intro = false;
        for s in &t.sections {
            let (url, title) = match (&s.anchor, &s.heading) {
                (Some(a), Some(h)) => (format!("{}#{a}", t.output), format!("{} — {h}", t.title)),
                _ => (t.output.clone(), t.title.clone()),
            };
            let intro = s.anchor.is_none();
            has_intro |= intro;
            docs.push(SearchDoc {
                url,
                title,
                section: t.section.clone(),
                body: s.text.clone(),
                keywords: if intro {
                    t.keywords.clone()
                } else {
                    String::new()
                },
            });
        }
        if !has_intro && first_of_page {
            docs.push(SearchDoc {
                url: t.output.clone(),
                title: t.title.clone(),
                section: t.section.clone(),
                body: String::new(),
                keywords: t.keywords.clone(),
            });
        }
    }
    docs
}
