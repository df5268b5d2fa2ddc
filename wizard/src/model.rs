//! The compiled rules: what `Rules::parse` produces from the TOML file and
//! what the browser receives as JSON. Questions and answers are referred to
//! by index, so the engine never compares strings while evaluating.

use miniserde::{Deserialize, Serialize};

/// Kind of a question. Serialized as its French name in the browser JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "native", derive(serde::Serialize))]
pub enum Kind {
    /// Pick one answer among those listed in the rules file.
    #[serde(rename = "choix")]
    Choice,
    /// A whole amount in euros (purchase); conditions compare it to thresholds.
    #[serde(rename = "montant")]
    Amount,
    /// Pick one of the ARS from the facts; always asked, since it decides the contact.
    #[serde(rename = "region")]
    Region,
}

/// The three outcomes a lever can have, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "native", derive(serde::Serialize))]
pub enum Status {
    #[serde(rename = "correspond")]
    Correspond,
    #[serde(rename = "peut-correspondre")]
    PeutCorrespondre,
    #[serde(rename = "ne-correspond-pas")]
    NeCorrespondPas,
}

impl Status {
    pub const ALL: [Status; 3] = [
        Status::Correspond,
        Status::PeutCorrespondre,
        Status::NeCorrespondPas,
    ];

    /// The value written in the rules file (`result = "…"`).
    pub fn id(self) -> &'static str {
        match self {
            Status::Correspond => "correspond",
            Status::PeutCorrespondre => "peut-correspondre",
            Status::NeCorrespondPas => "ne-correspond-pas",
        }
    }

    /// How a visitor reads it.
    pub fn label(self) -> &'static str {
        match self {
            Status::Correspond => "Correspond",
            Status::PeutCorrespondre => "Peut correspondre si…",
            Status::NeCorrespondPas => "Ne correspond pas, car…",
        }
    }
}

/// The whole compiled rule set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Model {
    pub questions: Vec<Question>,
    pub levers: Vec<LeverRules>,
    /// Procurement procedures, by amount; empty when the file has none.
    pub procedures: Vec<Procedure>,
    /// The amount question the procedures read, and when they apply.
    pub purchase: Option<Purchase>,
    /// Rows of the static table (a choice question, usually « porteur »).
    pub table_rows: usize,
    /// Detail shown in each cell (a choice question, usually « besoin »).
    pub table_detail: Option<usize>,
    /// Documents the rules cite (`[[seeds]]`).
    pub seeds: Vec<Seed>,
}

/// A source document the rules rest on: one of the seed files the portal is written from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seed {
    /// Short id cited by rules: `001`.
    pub id: String,
    /// File name in the seeds folder: `001_d99033c1927da53e.txt`.
    pub file: String,
    /// How a reader names it: « Guide pratique APIST, juillet 2020 ».
    pub title: String,
}

/// Where a rule comes from: a passage of a seed, or the portal's own reading.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RuleSource {
    /// Seed id (`001`), empty for a reading of the portal's own.
    pub seed: String,
    pub page: Option<u64>,
    /// A short passage copied exactly from the seed.
    pub quote: Option<String>,
    /// The portal's own reading, when the seed does not say it in so many words.
    pub reading: Option<String>,
    /// What the reader sees: « Source : Guide pratique APIST, juillet 2020, p. 7 : « … » ».
    pub display: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    pub id: String,
    pub kind: Kind,
    pub text: String,
    pub help: Option<String>,
    /// The question is only asked when this holds (on earlier answers).
    pub ask_if: Vec<Clause>,
    /// Empty for an amount question.
    pub answers: Vec<Answer>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub id: String,
    pub label: String,
    /// A few words for the static table (defaults to the label).
    pub short: Option<String>,
    /// Heading under which the static table groups this answer.
    pub group: Option<String>,
    /// The answer is only offered when this holds (on earlier answers).
    pub only_if: Vec<Clause>,
}

/// One test on one question. A condition is a list of clauses that must all hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clause {
    pub question: usize,
    /// Choice/region: the answer must be one of these (or none of them if `negate`).
    pub any: Vec<usize>,
    pub negate: bool,
    /// Amount: `from <= amount < below`.
    pub from: Option<u64>,
    pub below: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeverRules {
    pub slug: String,
    /// How to get in touch for this lever (besides the regional ARS contact).
    pub contact: Option<String>,
    /// Which contact of the chosen region's ARS the lever's text points to.
    pub ars_contact: ArsContact,
    /// A generic lever (calls for projects) is listed after the specific ones of the same status.
    pub generic: bool,
    pub next_steps: Vec<String>,
    pub rules: Vec<Rule>,
    /// Reason given when no rule of the lever applies.
    pub otherwise: Rule,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rule {
    pub id: String,
    pub result: Status,
    pub when: Vec<Clause>,
    pub text: String,
    pub next_step: Option<String>,
    pub source: RuleSource,
    /// The guide does not settle this case: the result says to confirm it with the ARS.
    pub confirm: bool,
}

/// The regional ARS contact a lever's card gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "native", derive(serde::Serialize))]
pub enum ArsContact {
    /// No ARS contact: the lever goes through someone else (conseil départemental, Région…).
    #[serde(rename = "aucun")]
    None,
    /// The ARS (its contacts page: thematic referents, departments).
    #[serde(rename = "ars")]
    Ars,
    /// The ARS's Article 51 referent and mailbox: for the Article 51 lever only.
    #[serde(rename = "article51")]
    Article51,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Purchase {
    pub question: usize,
    pub when: Vec<Clause>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Procedure {
    pub id: String,
    /// Amounts covered: `from <= amount < below`, derived from the thresholds it names.
    pub from: Option<u64>,
    pub below: Option<u64>,
    /// The amounts in words, boundary side as the lever page gives it: « Jusqu'à 139 000 € HT inclus ».
    pub range: String,
    pub text: String,
    pub source: RuleSource,
    /// Threshold amounts this line relies on; their dates come from the facts.
    pub thresholds: Vec<u64>,
}

impl Model {
    pub fn question_index(&self, id: &str) -> Option<usize> {
        self.questions.iter().position(|q| q.id == id)
    }
}

impl Answer {
    pub fn short_label(&self) -> &str {
        self.short.as_deref().unwrap_or(&self.label)
    }
}

impl Question {
    pub fn answer_index(&self, id: &str) -> Option<usize> {
        self.answers.iter().position(|a| a.id == id)
    }
}

impl Procedure {
    pub fn covers(&self, amount: u64) -> bool {
        self.from.is_none_or(|f| amount >= f) && self.below.is_none_or(|b| amount < b)
    }
}
