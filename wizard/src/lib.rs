//! Eligibility wizard (« assistant d'éligibilité ») of `portail`.
//!
//! The questions, their answers and each lever's eligibility rules are TOML
//! content (`content/data/assistant.toml`) that ARS staff edit. This crate
//! validates them ([`Rules::parse`], errors at line:column in French),
//! evaluates a visitor's answers ([`evaluate`]) natively and, compiled to
//! `wasm32-unknown-unknown`, in the browser, enumerates every path
//! ([`enumerate`]) and derives the no-JavaScript table ([`static_table`]).
//!
//! The browser receives the rules already compiled ([`Rules::to_browser_json`]):
//! the WebAssembly build has no TOML parser and no serde (feature `native` off).

mod answers;
mod engine;
mod enumerate;
mod facts;
mod model;
mod outcome;
pub mod text;

#[cfg(feature = "native")]
mod browser;
#[cfg(feature = "native")]
mod source;
#[cfg(feature = "native")]
mod table;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use answers::Answers;
pub use facts::{CallFact, Facts, LeverFact, RegionFact, ThresholdFact};
pub use model::{ArsContact, Kind, Model, RuleSource, Seed, Status};
pub use outcome::*;

#[cfg(feature = "native")]
pub use browser::browser_scripts;
#[cfg(feature = "native")]
pub use source::RuleError;
#[cfg(feature = "native")]
pub use table::{static_table, Table, TableCell, TableGroup, TableLever, TableRow, TableRule};

/// Validated rules, ready to evaluate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rules {
    pub(crate) model: Model,
}

impl Rules {
    /// The compiled model (what the browser receives).
    pub fn model(&self) -> &Model {
        &self.model
    }
}

/// Evaluates a visitor's answers on the build date (`facts.today`).
pub fn evaluate(rules: &Rules, facts: &Facts, answers: &Answers) -> Outcome {
    engine::evaluate_model(&rules.model, facts, answers, &facts.today)
}

/// Same, on another date (a browser opening the site after the build).
pub fn evaluate_on(rules: &Rules, facts: &Facts, answers: &Answers, today: &str) -> Outcome {
    engine::evaluate_model(&rules.model, facts, answers, today)
}

/// Every complete path through the questions with its outcome, in question
/// order. Amounts are enumerated one per bracket between thresholds.
pub fn enumerate(rules: &Rules, facts: &Facts) -> Vec<(Answers, Outcome)> {
    let mut out = Vec::new();
    // Parsed rules passed the check, so they have at most MAX_PATHS paths: all are visited.
    enumerate::paths(&rules.model, |known, path| {
        let answers = enumerate::answers_of(&rules.model, known, path);
        let outcome = evaluate(rules, facts, &answers);
        out.push((answers, outcome));
    });
    out
}
