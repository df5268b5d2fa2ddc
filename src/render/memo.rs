//! What `serve` remembers between two builds, so that an edit re-renders only what reads it.
//!
//! A page's HTML is a function of its own file and of the site's *shape*: every page's path and
//! front matter, the data files, the templates, the configuration and the date. A few pages also
//! show other pages' bodies: the generated ones (plan, guide, search, 404, feeds, exports,
//! wizard) and the glossary, which read the levers and the guide's chapters. Both are hashed
//! once per build ([`Fingerprint`]); a page is re-rendered when its own text or its fingerprint
//! changed. Editing the body of an ordinary page therefore re-renders that page alone, a lever's
//! body that page, the glossary and the generated files; renaming a page or changing a title
//! re-renders everything, which is always correct.

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
    pub fingerprint: Fingerprint,
    pub files: Vec<OutputFile>,
}

/// The hash of what a page's rendering may read besides its own file: `shape` for every page
/// (paths, front matter, data files, templates, configuration, date), `full` for the generated
/// files and the pages whose template shows other pages' bodies (see
/// [`super::context::reads_bodies`]); `full` adds the bodies those show. Editing a lever's body
/// thus renders again the lever, the glossary page and the generated files, not every page.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) struct Fingerprint {
    pub shape: u64,
    pub full: u64,
}

pub(super) fn fingerprint(
    site: &Site,
    templates: &BTreeMap<String, String>,
    livereload: bool,
) -> Fingerprint {
    let mut h = DefaultHasher::new();
    let mut bodies = DefaultHasher::new();
    livereload.hash(&mut h);
    format!("{:?}{:?}", site.today, site.config).hash(&mut h);
    for p in &site.pages {
        p.source.hash(&mut h);
        p.output.hash(&mut h);
        p.text[..p.body_offset].hash(&mut h);
        if super::generated::body_shown_elsewhere(p) {
            p.source.hash(&mut bodies);
            p.text[p.body_offset..].hash(&mut bodies);
        }
    }
    site.glossary.text.hash(&mut h);
    site.contacts.text.hash(&mut h);
    site.wizard.as_ref().map(|w| &w.text).hash(&mut h);
    for a in &site.assets {
        a.path.hash(&mut h);
    }
    site.unloaded.hash(&mut h);
    templates.hash(&mut h);
    let shape = h.finish();
    shape.hash(&mut bodies);
    Fingerprint {
        shape,
        full: bodies.finish(),
    }
}

/// The key of one page: its whole file under a given fingerprint.
pub(super) fn page_key(fingerprint: u64, source: &str, text: &str) -> u64 {
    let mut h = DefaultHasher::new();
    fingerprint.hash(&mut h);
    source.hash(&mut h);
    text.hash(&mut h);
    h.finish()
}
