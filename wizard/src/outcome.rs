//! What the engine answers: the next question, or the levers ranked with
//! their reasons. Serialized as JSON for the browser, rendered as text for
//! the golden file.

use crate::model::{ArsContact, Kind, Status};
use miniserde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "native", derive(serde::Serialize))]
pub struct Outcome {
    /// The answers the engine kept, as a URL fragment (without `#`): answers to
    /// questions that are no longer asked, or no longer valid, are dropped.
    pub fragment: String,
    /// True when every question that can still change the result is answered.
    pub complete: bool,
    /// Questions answered so far, in order, each with its current answer.
    pub steps: Vec<Step>,
    /// The question to ask now; `None` when complete.
    pub next: Option<Step>,
    /// Number of the question asked now (1-based), and how many questions the
    /// visitor will have answered at most by the end: « Question 2 sur 5 ».
    pub position: usize,
    pub total: usize,
    /// Every lever, best first; empty until complete.
    pub levers: Vec<LeverOutcome>,
    /// The procurement procedure the amount implies, when a purchase is described.
    pub purchase: Option<PurchaseOutcome>,
    /// The ARS of the chosen region.
    pub contact: Option<Contact>,
}

/// A question as asked at this point of the path, with the options offered then.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "native", derive(serde::Serialize))]
pub struct Step {
    pub question: String,
    pub kind: Kind,
    pub text: String,
    pub help: Option<String>,
    pub options: Vec<Choice>,
    /// The answer id (or amount) given, if any.
    pub answer: Option<String>,
    /// How the answer reads (`60 000 € HT`, the label of the choice).
    pub answer_label: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "native", derive(serde::Serialize))]
pub struct Choice {
    pub id: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "native", derive(serde::Serialize))]
pub struct LeverOutcome {
    pub slug: String,
    pub title: String,
    pub short_title: String,
    /// Relative to the site root.
    pub url: String,
    pub status: Status,
    pub status_label: String,
    /// Why it fits (or why not, when it does not): each sentence comes from one rule.
    pub reasons: Vec<Reason>,
    /// For « peut correspondre si… »: what must also hold.
    pub conditions: Vec<Reason>,
    /// What to do now (empty when the lever does not fit).
    pub next_steps: Vec<String>,
    /// Who to contact for this lever, as its text gives it.
    pub contact_note: Option<String>,
    /// Which contact of the chosen region's ARS applies to this lever.
    pub ars_contact: ArsContact,
    /// The guide does not settle this case: to confirm with the ARS.
    pub to_confirm: bool,
    /// Calls linked to this lever that are open today (never a closed one).
    pub calls: Vec<CallRef>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "native", derive(serde::Serialize))]
pub struct Reason {
    /// The rule id in the rules file (for tests and editors; never shown).
    pub rule: String,
    pub text: String,
    /// « Source : Guide pratique APIST, juillet 2020, p. 7 : « … » ».
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "native", derive(serde::Serialize))]
pub struct CallRef {
    pub slug: String,
    pub title: String,
    pub url: String,
    pub deadline: Option<String>,
    pub deadline_text: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "native", derive(serde::Serialize))]
pub struct PurchaseOutcome {
    pub amount: u64,
    pub amount_text: String,
    /// The amount is exactly a threshold: the guide's words and the legal
    /// boundary may differ there, to confirm with the buyer or the ARS.
    pub to_confirm: bool,
    pub lines: Vec<ProcedureLine>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "native", derive(serde::Serialize))]
pub struct ProcedureLine {
    pub rule: String,
    /// The amounts it covers, in words.
    pub range: String,
    pub text: String,
    pub source: String,
    pub thresholds: Vec<ThresholdNote>,
}

/// A threshold a procedure relies on, with the dates the guide gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "native", derive(serde::Serialize))]
pub struct ThresholdNote {
    pub amount: u64,
    pub amount_text: String,
    pub label: String,
    /// « depuis le 1er janvier 2020 », « du 1er janvier 2019 au 31 décembre 2021 ».
    pub period: String,
    /// False when the build (or browser) date is outside the period.
    pub in_force: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "native", derive(serde::Serialize))]
pub struct Contact {
    pub region: String,
    pub name: String,
    pub article51_email: String,
    /// Relative to the site root: `contacts/index.html#ara`.
    pub url: String,
}
