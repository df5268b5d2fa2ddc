//! The French text pipeline: tokenize → fold → drop stop words → stem.
//!
//! `static/search-pipeline.js` runs the very same steps on what the visitor types, under the
//! names written into the index manifest (`portail-fr-fold`, `portail-fr-stop`,
//! `portail-fr-stem`); a client expecting another pipeline refuses the index rather than match
//! nothing. `tests/fixtures/french_tokens.json` goes through both and must give the same tokens.

use std::cell::RefCell;
use std::collections::HashMap;

use rust_stemmers::{Algorithm, Stemmer};

use super::stopwords::is_stop_word;
use super::tokenize::tokenize;
use crate::fold::fold;

/// The pipeline's steps, in order, as the manifest names them for the browser.
pub const PIPELINE: [&str; 3] = ["portail-fr-fold", "portail-fr-stop", "portail-fr-stem"];

/// FNV-1a: the keys are short words from the site, hashed millions of times; no untrusted
/// party chooses them to collide (and a collision only costs time).
#[derive(Default, Clone, Copy)]
pub struct Fnv;

impl std::hash::BuildHasher for Fnv {
    type Hasher = FnvHasher;
    fn build_hasher(&self) -> FnvHasher {
        FnvHasher(0xcbf2_9ce4_8422_2325)
    }
}

pub struct FnvHasher(u64);

impl std::hash::Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// Past this many distinct words a thread's stem memory is cleared rather than grown.
const STEM_CACHE_LIMIT: usize = 200_000;

/// Raw word → its term, or `None` for a stop word.
type StemCache = HashMap<String, Option<String>, Fnv>;

thread_local! {
    static STEMS: RefCell<(Stemmer, StemCache)> =
        RefCell::new((Stemmer::create(Algorithm::French), HashMap::default()));
}

/// One raw word through fold, stop words and stem: its index term, or `None` for a stop word.
pub fn analyze_word(word: &str) -> Option<String> {
    with_term(word, |term| term.map(str::to_owned))
}

/// Calls `f` with the term of one raw word (`None` for a stop word), without copying it.
///
/// Remembers its answers per thread: the words of a site repeat (a few tens of thousands of
/// distinct words for millions of occurrences on a large site), and stemming costs several
/// times a hash lookup.
pub fn with_term<R>(word: &str, f: impl FnOnce(Option<&str>) -> R) -> R {
    STEMS.with(|cell| {
        let (stemmer, known) = &mut *cell.borrow_mut();
        if !known.contains_key(word) {
            let folded = fold(word);
            let term = if folded.is_empty() || is_stop_word(&folded) {
                None
            } else {
                let stem = stemmer.stem(&folded).into_owned();
                (!stem.is_empty()).then_some(stem)
            };
            if known.len() >= STEM_CACHE_LIMIT {
                known.clear();
            }
            known.insert(word.to_owned(), term);
        }
        f(known.get(word).and_then(Option::as_deref))
    })
}

/// Runs the whole pipeline on `text`: the terms the index stores for it, or the terms a query
/// for it looks up.
pub fn analyze(text: &str) -> Vec<String> {
    tokenize(text)
        .iter()
        .filter_map(|w| analyze_word(w))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::analyze;

    #[test]
    fn accents_and_case_do_not_matter() {
        assert_eq!(analyze("évaluation"), analyze("EVALUATION"));
        assert_eq!(analyze("ÉTABLISSEMENT"), analyze("etablissement"));
    }

    #[test]
    fn elided_articles_disappear() {
        assert_eq!(analyze("l'innovation"), analyze("innovation"));
        assert_eq!(analyze("d’intérêt"), analyze("interet"));
    }

    #[test]
    fn numbers_and_acronyms_survive() {
        assert_eq!(analyze("Article 51"), ["articl", "51"]);
        assert_eq!(analyze("LFSS 2018"), ["lfss", "2018"]);
        assert_eq!(analyze("FIR MIG AAC"), ["fir", "mig", "aac"]);
    }

    #[test]
    fn plurals_share_the_singular_stem() {
        assert_eq!(analyze("établissements"), analyze("établissement"));
        assert_eq!(analyze("financeurs"), analyze("financeur"));
    }

    #[test]
    fn remembered_stems_equal_fresh_ones() {
        let first = analyze("évaluations évaluation ÉVALUATION projets");
        assert_eq!(first, ["evalu", "evalu", "evalu", "projet"]);
        assert_eq!(analyze("évaluations évaluation ÉVALUATION projets"), first);
    }

    #[test]
    fn stop_words_only_give_nothing() {
        assert!(analyze("de la et les à l'").is_empty());
    }
}
