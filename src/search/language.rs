//! The French text pipeline, as an elasticlunr-rs [`Language`].
//!
//! tokenize → `portail-fr-fold` → `portail-fr-stop` → `portail-fr-stem`. The three function names
//! are written into the serialized index; `static/search-pipeline.js` registers functions of the
//! same names in elasticlunr.js, so the browser runs the very same steps on what the visitor
//! types. The names differ from the stock `trimmer-fr`/`stemmer-fr` on purpose: the stock
//! pipeline neither folds accents nor splits elisions, and loading an index made with ours into a
//! client expecting theirs must fail loudly rather than match nothing.

use std::cell::RefCell;
use std::collections::HashMap;

use elasticlunr::pipeline::{Pipeline, PipelineFn};
use elasticlunr::Language;
use rust_stemmers::{Algorithm, Stemmer};

use super::fold::fold;
use super::stopwords::is_stop_word;
use super::tokenize::tokenize;

pub const FOLD_FN: &str = "portail-fr-fold";
pub const STOP_FN: &str = "portail-fr-stop";
pub const STEM_FN: &str = "portail-fr-stem";

/// French as the portal reads it: accents and case folded, elisions split, numbers and acronyms
/// kept, stop words dropped, Snowball stemming.
pub struct PortailFrench;

impl Language for PortailFrench {
    fn name(&self) -> String {
        "French".into()
    }

    fn code(&self) -> String {
        "fr".into()
    }

    fn tokenize(&self, text: &str) -> Vec<String> {
        tokenize(text)
    }

    fn make_pipeline(&self) -> Pipeline {
        Pipeline {
            queue: vec![Box::new(Fold), Box::new(StopWords), Box::new(Stem::new())],
        }
    }
}

/// Runs the whole pipeline on `text`: the tokens the index stores for it, or the tokens a query
/// for it looks up.
pub fn analyze(text: &str) -> Vec<String> {
    let language = PortailFrench;
    language.make_pipeline().run(language.tokenize(text))
}

struct Fold;

impl PipelineFn for Fold {
    fn name(&self) -> String {
        FOLD_FN.into()
    }

    fn filter(&self, token: String) -> Option<String> {
        let folded = fold(&token);
        (!folded.is_empty()).then_some(folded)
    }
}

struct StopWords;

impl PipelineFn for StopWords {
    fn name(&self) -> String {
        STOP_FN.into()
    }

    fn filter(&self, token: String) -> Option<String> {
        (!is_stop_word(&token)).then_some(token)
    }
}

/// Snowball stemming, remembering its answers: the words of a site repeat (a few thousand
/// distinct words for millions of occurrences on a large site), and stemming costs several times
/// a hash lookup.
struct Stem {
    stemmer: Stemmer,
    known: RefCell<HashMap<String, String>>,
}

/// Past this many distinct words the memory is cleared rather than grown without bound.
const STEM_CACHE_LIMIT: usize = 200_000;

impl Stem {
    fn new() -> Self {
        Stem {
            stemmer: Stemmer::create(Algorithm::French),
            known: RefCell::new(HashMap::new()),
        }
    }
}

impl PipelineFn for Stem {
    fn name(&self) -> String {
        STEM_FN.into()
    }

    fn filter(&self, token: String) -> Option<String> {
        let mut known = self.known.borrow_mut();
        let stem = match known.get(&token) {
            Some(stem) => stem.clone(),
            None => {
                let stem = self.stemmer.stem(&token).into_owned();
                if known.len() >= STEM_CACHE_LIMIT {
                    known.clear();
                }
                known.insert(token, stem.clone());
                stem
            }
        };
        (!stem.is_empty()).then_some(stem)
    }
}

#[cfg(test)]
mod tests {
    use super::{analyze, PortailFrench};
    use elasticlunr::Language;

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
        let pipeline = PortailFrench.make_pipeline();
        let tokens = PortailFrench.tokenize("évaluations évaluation ÉVALUATION projets");
        let first = pipeline.run(tokens.clone());
        assert_eq!(first, ["evalu", "evalu", "evalu", "projet"]);
        assert_eq!(pipeline.run(tokens), first);
    }

    #[test]
    fn stop_words_only_give_nothing() {
        assert!(analyze("de la et les à l'").is_empty());
    }
}
