//! The engine: walks the questions in order, skipping those that can no
//! longer change the result, then judges every lever against the answers.
//!
//! Skipping is decided from the rules themselves: a question is asked only if
//! some rule that can still apply tests it (a lever already ruled out by a
//! definite « ne correspond pas » no longer counts), if the purchase procedure
//! needs it, or if a later question depends on it. The region is always asked,
//! since it decides who to contact.

use crate::answers::Answers;
use crate::facts::Facts;
use crate::model::{Clause, Kind, LeverRules, Model, Rule, Status};
use crate::outcome::*;
use crate::text;

/// A given answer, resolved against the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Value {
    /// Index into the question's answers.
    Choice(usize),
    Amount(u64),
}

/// Answers known so far, indexed like `Model::questions`.
pub(crate) type Known = Vec<Option<Value>>;

/// `Some(true/false)` once the question is answered, `None` before.
fn clause_holds(clause: &Clause, known: &Known) -> Option<bool> {
    let value = known.get(clause.question).copied().flatten()?;
    Some(match value {
        Value::Choice(answer) => clause.any.contains(&answer) != clause.negate,
        Value::Amount(amount) => {
            clause.from.is_none_or(|f| amount >= f) && clause.below.is_none_or(|b| amount < b)
        }
    })
}

/// Every clause holds. An unanswered question never satisfies a clause.
pub(crate) fn holds(clauses: &[Clause], known: &Known) -> bool {
    clauses.iter().all(|c| clause_holds(c, known) == Some(true))
}

/// Every clause holds or may still hold: its question is unanswered and comes
/// at or after `position` (earlier unanswered questions were skipped for good).
fn may_hold(clauses: &[Clause], known: &Known, position: usize) -> bool {
    clauses.iter().all(|c| match clause_holds(c, known) {
        Some(result) => result,
        None => c.question >= position,
    })
}

/// A definite « ne correspond pas » already applies: nothing else can change it.
fn ruled_out(lever: &LeverRules, known: &Known) -> bool {
    lever
        .rules
        .iter()
        .any(|r| r.result == Status::NeCorrespondPas && holds(&r.when, known))
}

/// The clause tells answers of question `q` apart (it is not true of all of them).
fn discriminates(model: &Model, clause: &Clause, q: usize) -> bool {
    clause.question == q
        && (model.questions[q].kind == Kind::Amount
            || clause.negate
            || clause.any.len() < model.questions[q].answers.len())
}

fn mentions(clauses: &[Clause], q: usize) -> bool {
    clauses.iter().any(|c| c.question == q)
}

/// Can the answer to question `q` still change anything, given earlier answers?
fn relevant(model: &Model, known: &Known, q: usize) -> bool {
    if model.questions[q].kind == Kind::Region {
        return true;
    }
    let later = &model.questions[q + 1..];
    if later
        .iter()
        .any(|l| mentions(&l.ask_if, q) || l.answers.iter().any(|a| mentions(&a.only_if, q)))
    {
        return true;
    }
    if let Some(purchase) = &model.purchase {
        if purchase.question == q && may_hold(&purchase.when, known, q) {
            return true;
        }
    }
    model.levers.iter().any(|lever| {
        !ruled_out(lever, known)
            && lever.rules.iter().any(|rule| {
                rule.when.iter().any(|c| discriminates(model, c, q))
                    && may_hold(&rule.when, known, q)
            })
    })
}

/// Indexes of the answers offered for question `q` given earlier answers.
pub(crate) fn offered(model: &Model, known: &Known, q: usize) -> Vec<usize> {
    model.questions[q]
        .answers
        .iter()
        .enumerate()
        .filter(|(_, a)| holds(&a.only_if, known))
        .map(|(i, _)| i)
        .collect()
}

/// Is question `q` asked, given the answers to the questions before it?
pub(crate) fn asked(model: &Model, known: &Known, q: usize) -> bool {
    let question = &model.questions[q];
    holds(&question.ask_if, known)
        && (question.kind == Kind::Amount || !offered(model, known, q).is_empty())
        && relevant(model, known, q)
}

/// Reads the raw answer to question `q`, if valid and offered.
fn resolve(model: &Model, known: &Known, q: usize, raw: &str) -> Option<Value> {
    let question = &model.questions[q];
    match question.kind {
        Kind::Amount => {
            // Digits only: no sign, no decimals, no overflow.
            if raw.is_empty() || raw.len() > 15 || !raw.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            raw.parse().ok().map(Value::Amount)
        }
        Kind::Choice | Kind::Region => {
            let index = question.answer_index(raw)?;
            offered(model, known, q)
                .contains(&index)
                .then_some(Value::Choice(index))
        }
    }
}

/// The path through the questions for these answers.
pub(crate) struct Walk {
    pub known: Known,
    /// Questions answered, in order.
    pub path: Vec<usize>,
    /// The first question asked and not (validly) answered.
    pub next: Option<usize>,
}

pub(crate) fn walk(model: &Model, answers: &Answers) -> Walk {
    let mut known: Known = vec![None; model.questions.len()];
    let mut path = Vec::new();
    let mut next = None;
    for q in 0..model.questions.len() {
        if !asked(model, &known, q) {
            continue;
        }
        let value = answers
            .get(&model.questions[q].id)
            .and_then(|raw| resolve(model, &known, q, raw));
        match value {
            Some(value) => {
                known[q] = Some(value);
                path.push(q);
            }
            None => {
                next = Some(q);
                break;
            }
        }
    }
    Walk { known, path, next }
}

/// A lever's status and the rules that explain it.
pub(crate) struct Judgement<'m> {
    pub status: Status,
    pub reasons: Vec<&'m Rule>,
    pub conditions: Vec<&'m Rule>,
}

impl Judgement<'_> {
    /// One of the rules that decided the result leaves the case to the ARS.
    fn to_confirm(&self) -> bool {
        self.reasons
            .iter()
            .chain(&self.conditions)
            .any(|r| r.confirm)
    }
}

/// Exclusions win; then conditions make it « peut correspondre »; then
/// positive rules make it « correspond »; with no rule at all, the lever's
/// `otherwise` sentence says why it does not fit.
pub(crate) fn judge<'m>(lever: &'m LeverRules, known: &Known) -> Judgement<'m> {
    let matching = |status: Status| -> Vec<&'m Rule> {
        lever
            .rules
            .iter()
            .filter(|r| r.result == status && holds(&r.when, known))
            .collect()
    };
    let excluded = matching(Status::NeCorrespondPas);
    if !excluded.is_empty() {
        return Judgement {
            status: Status::NeCorrespondPas,
            reasons: excluded,
            conditions: Vec::new(),
        };
    }
    let fits = matching(Status::Correspond);
    let conditions = matching(Status::PeutCorrespondre);
    if !conditions.is_empty() {
        return Judgement {
            status: Status::PeutCorrespondre,
            reasons: fits,
            conditions,
        };
    }
    if !fits.is_empty() {
        return Judgement {
            status: Status::Correspond,
            reasons: fits,
            conditions: Vec::new(),
        };
    }
    Judgement {
        status: Status::NeCorrespondPas,
        reasons: vec![&lever.otherwise],
        conditions: Vec::new(),
    }
}

/// Evaluates `answers` with `today` as the date (build date natively, the
/// later of build and browser dates in the browser).
pub(crate) fn evaluate_model(
    model: &Model,
    facts: &Facts,
    answers: &Answers,
    today: &str,
) -> Outcome {
    let walk = walk(model, answers);
    let mut kept = Answers::new();
    let mut steps = Vec::new();
    let mut partial: Known = vec![None; model.questions.len()];
    for &q in &walk.path {
        let value = walk.known[q];
        let mut step = step(model, &partial, q);
        if let Some(value) = value {
            let (raw, label) = match value {
                Value::Choice(i) => {
                    let answer = &model.questions[q].answers[i];
                    (answer.id.clone(), answer.label.clone())
                }
                Value::Amount(amount) => {
                    let mut label = text::euros(amount);
                    label.push_str(" HT");
                    (amount.to_string(), label)
                }
            };
            kept.set(&model.questions[q].id, &raw);
            step.answer = Some(raw);
            step.answer_label = Some(label);
        }
        partial[q] = value;
        steps.push(step);
    }
    let next = walk.next.map(|q| step(model, &walk.known, q));
    let complete = walk.next.is_none();
    let contact = region_contact(model, facts, &walk.known);
    let position = walk.path.len() + usize::from(!complete);
    let total = match walk.next {
        Some(q) => walk.path.len() + crate::enumerate::longest(model, &mut walk.known.clone(), q),
        None => walk.path.len(),
    };
    let region = contact.as_ref().map(|c| c.region.as_str()).unwrap_or("");
    let (levers, purchase) = if complete {
        (
            levers(model, facts, &walk.known, today, region),
            purchase(model, facts, &walk.known, today),
        )
    } else {
        (Vec::new(), None)
    };
    Outcome {
        fragment: kept.to_fragment(),
        complete,
        steps,
        next,
        position,
        total,
        levers,
        purchase,
        contact,
    }
}

fn step(model: &Model, known: &Known, q: usize) -> Step {
    let question = &model.questions[q];
    Step {
        question: question.id.clone(),
        kind: question.kind,
        text: question.text.clone(),
        help: question.help.clone(),
        options: offered(model, known, q)
            .into_iter()
            .map(|i| Choice {
                id: question.answers[i].id.clone(),
                label: question.answers[i].label.clone(),
            })
            .collect(),
        answer: None,
        answer_label: None,
    }
}

fn region_contact(model: &Model, facts: &Facts, known: &Known) -> Option<Contact> {
    let q = model
        .questions
        .iter()
        .position(|q| q.kind == Kind::Region)?;
    let Some(Value::Choice(i)) = known[q] else {
        return None;
    };
    let region = facts.region(&model.questions[q].answers[i].id)?;
    Some(Contact {
        region: region.id.clone(),
        name: region.name.clone(),
        article51_email: region.article51_email.clone(),
        url: region.contacts_url.clone(),
    })
}

fn reasons(rules: &[&Rule]) -> Vec<Reason> {
    rules
        .iter()
        .map(|r| Reason {
            rule: r.id.clone(),
            text: r.text.clone(),
            source: r.source.display.clone(),
        })
        .collect()
}

fn levers(
    model: &Model,
    facts: &Facts,
    known: &Known,
    today: &str,
    region: &str,
) -> Vec<LeverOutcome> {
    let mut out: Vec<LeverOutcome> = model
        .levers
        .iter()
        .map(|lever| {
            let judgement = judge(lever, known);
            let fact = facts.lever(&lever.slug);
            let fits = judgement.status != Status::NeCorrespondPas;
            let mut next_steps = Vec::new();
            if fits {
                next_steps.extend(lever.next_steps.iter().cloned());
                for rule in judgement.reasons.iter().chain(&judgement.conditions) {
                    next_steps.extend(rule.next_step.iter().cloned());
                }
            }
            let calls = if fits {
                open_calls(facts, &lever.slug, today, region)
            } else {
                Vec::new()
            };
            let to_confirm = judgement.to_confirm();
            LeverOutcome {
                slug: lever.slug.clone(),
                title: fact.map(|f| f.title.clone()).unwrap_or_default(),
                short_title: fact.map(|f| f.short_title.clone()).unwrap_or_default(),
                url: fact.map(|f| f.url.clone()).unwrap_or_default(),
                status: judgement.status,
                status_label: judgement.status.label().to_string(),
                reasons: reasons(&judgement.reasons),
                conditions: reasons(&judgement.conditions),
                next_steps,
                contact_note: lever.contact.clone(),
                ars_contact: lever.ars_contact,
                to_confirm,
                calls,
            }
        })
        .collect();
    // Stable: within a status, specific levers before generic ones, then the
    // rules file's order.
    let generic = |slug: &str| model.levers.iter().any(|l| l.slug == slug && l.generic);
    out.sort_by_key(|l| (l.status, generic(&l.slug)));
    out
}

fn open_calls(facts: &Facts, slug: &str, today: &str, region: &str) -> Vec<CallRef> {
    facts
        .calls
        .iter()
        .filter(|c| c.levers.iter().any(|l| l == slug) && c.is_open_on(today) && c.concerns(region))
        .map(|c| CallRef {
            slug: c.slug.clone(),
            title: c.title.clone(),
            url: c.url.clone(),
            deadline: c.deadline.clone(),
            deadline_text: c.deadline.as_deref().map(text::date),
        })
        .collect()
}

fn purchase(model: &Model, facts: &Facts, known: &Known, today: &str) -> Option<PurchaseOutcome> {
    let purchase = model.purchase.as_ref()?;
    let Some(Value::Amount(amount)) = known[purchase.question] else {
        return None;
    };
    if !holds(&purchase.when, known) {
        return None;
    }
    let lines = model
        .procedures
        .iter()
        .filter(|p| p.covers(amount))
        .map(|p| ProcedureLine {
            rule: p.id.clone(),
            range: p.range.clone(),
            text: p.text.clone(),
            source: p.source.display.clone(),
            thresholds: p
                .thresholds
                .iter()
                .filter_map(|&a| facts.threshold(a))
                .map(|t| ThresholdNote {
                    amount: t.amount,
                    amount_text: text::euros(t.amount),
                    label: t.label.clone(),
                    period: period(
                        &t.as_of,
                        t.applies_from.as_deref(),
                        t.applies_until.as_deref(),
                    ),
                    in_force: t.applies_from.as_deref().is_none_or(|f| f <= today)
                        && t.applies_until
                            .as_deref()
                            .is_none_or(|u| today <= last_day(u).as_str())
                        && today <= last_day(&t.review).as_str(),
                })
                .collect(),
        })
        .collect();
    Some(PurchaseOutcome {
        amount,
        amount_text: text::euros(amount),
        to_confirm: facts.threshold(amount).is_some(),
        lines,
    })
}

/// When a threshold applied, as precisely as its source says: « du 1er janvier 2019 au
/// 31 décembre 2021 », « de 2019 à 2021 », « depuis avril 2019 », or only « valeur de juillet
/// 2020 » when the source gives no period.
fn period(as_of: &str, from: Option<&str>, until: Option<&str>) -> String {
    let day = |d: &str| d.len() == 10;
    match (from, until) {
        (Some(f), Some(u)) if day(f) => format!("du {} au {}", text::date(f), text::date(u)),
        (Some(f), Some(u)) => format!("de {} à {}", text::date(f), text::date(u)),
        (Some(f), None) if day(f) => format!("depuis le {}", text::date(f)),
        (Some(f), None) => format!("depuis {}", text::date(f)),
        (None, Some(u)) if day(u) => format!("jusqu'au {}", text::date(u)),
        (None, Some(u)) => format!("jusqu'en {}", text::date(u)),
        (None, None) => format!("valeur de {}", text::date(as_of)),
    }
}

/// The last day a date of the given precision covers, as `YYYY-MM-DD`-comparable text:
/// `2021` → `2021-12-31`, `2021-07` → `2021-07-31` (every month compares as if 31 days).
fn last_day(date: &str) -> String {
    match date.len() {
        4 => format!("{date}-12-31"),
        7 => format!("{date}-31"),
        _ => date.to_owned(),
    }
}
