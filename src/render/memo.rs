//! What `serve` remembers between two builds, so that an edit re-renders only what reads it.
//!
//! A page's HTML is a function of its own file and of the site's *shape*: every page's path and
//! front matter, the full text of the pages the generated ones show (levers, guide chapters), the
//! data files, the templates, the configuration and the date. The shape is hashed once per
//! build (the fingerprint); a page is re-rendered when its own text or the fingerprint changed,
//! and the generated pages (plan, guide, search, 404, feeds, exports, wizard) when the
//! fingerprint did. Editing the body of an ordinary page therefore re-renders that page alone;
//! renaming a page or changing a title re-renders everything, which is always correct.

use super::{PageText, Produced};
use crate::model::Site;
use crate::output::OutputFile;
use std::collections::hash_map::DefaultHasher;
use std::collections::{BTreeMap, HashMap};
use std::hash::{Hash, Hasher};

#[derive(Default)]
pub struct Memo {
    pub(super) pages: HashMap<String, Remembered>,
    pub(super) generated: Option<Generated>,
}

/// One page's result, valid while `key` matches.
pub(super) struct Remembered {
    pub key: u64,
    pub file: OutputFile,
    pub text: PageText,
    pub produced: Produced,
}

/// Everything produced from the site's shape alone.
pub(super) struct Generated {
    pub fingerprint: u64,
    pub files: Vec<OutputFile>,
}

/// The hash of everything a page's rendering may read besides its own file.
pub(super) fn fingerprint(
    site: &Site,
    templates: &BTreeMap<String, String>,
    livereload: bool,
) -> u64 {
    let mut h = DefaultHasher::new();
    livereload.hash(&mut h);
    format!("{:?}{:?}", site.today, site.config).hash(&mut h);
    for p in &site.pages {
        p.source.hash(&mut h);
        p.output.hash(&mut h);
        let read_by_others = if super::special::body_shown_elsewhere(p) {
            p.text.len()
        } else {
            p.body_offset
        };
        p.text[..read_by_others].hash(&mut h);
    }
    site.glossary.text.hash(&mut h);
    site.contacts.text.hash(&mut h);
    site.wizard.as_ref().map(|w| &w.text).hash(&mut h);
    for a in &site.assets {
        a.path.hash(&mut h);
    }
    site.unloaded.hash(&mut h);
    templates.hash(&mut h);
    h.finish()
}

/// The key of one page: its whole file under a given fingerprint.
pub(super) fn page_key(fingerprint: u64, source: &str, text: &str) -> u64 {
    let mut h = DefaultHasher::new();
    fingerprint.hash(&mut h);
    source.hash(&mut h);
    text.hash(&mut h);
    h.finish()
}
