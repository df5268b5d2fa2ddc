//! Every path a visitor can take through the questions. Amounts are
//! represented by one value per bracket between the thresholds the rules
//! use (each threshold itself, and 0), so the enumeration is finite and
//! still covers every distinct result.

use crate::answers::Answers;
use crate::engine::{asked, offered, Known, Value};
use crate::model::{Kind, Model};

/// The most paths the checks walk. The number of paths grows as the product of the answers
/// of the questions asked; past this, checking every one would take minutes (and stall
/// `portail serve`), so the rules are refused instead: see `source::check`.
pub const MAX_PATHS: usize = 200_000;

/// Calls `visit` with the answers and the answered questions of each complete path; false
/// when there are more than [`MAX_PATHS`] paths (the rest are not visited). The depth of the
/// walk is the number of questions, which the rules file fixes.
pub(crate) fn paths(model: &Model, mut visit: impl FnMut(&Known, &[usize])) -> bool {
    let mut known: Known = vec![None; model.questions.len()];
    let mut path = Vec::new();
    let mut left = MAX_PATHS;
    explore(model, &mut known, &mut path, 0, &mut left, &mut visit)
}

fn explore(
    model: &Model,
    known: &mut Known,
    path: &mut Vec<usize>,
    from: usize,
    left: &mut usize,
    visit: &mut impl FnMut(&Known, &[usize]),
) -> bool {
    let Some(q) = (from..model.questions.len()).find(|&q| asked(model, known, q)) else {
        if *left == 0 {
            return false;
        }
        *left -= 1;
        visit(known, path);
        return true;
    };
    for value in candidates(model, known, q) {
        known[q] = Some(value);
        path.push(q);
        let complete = explore(model, known, path, q + 1, left, visit);
        path.pop();
        known[q] = None;
        if !complete {
            return false;
        }
    }
    true
}

/// The most questions still to answer from question `from` on, whatever the
/// answers: « Question 2 sur 5 » counts the longest path.
pub(crate) fn longest(model: &Model, known: &mut Known, from: usize) -> usize {
    let Some(q) = (from..model.questions.len()).find(|&q| asked(model, known, q)) else {
        return 0;
    };
    let mut best = 0;
    for value in candidates(model, known, q) {
        known[q] = Some(value);
        best = best.max(longest(model, known, q + 1));
        known[q] = None;
        // Nothing is asked after the last question: one answer tells it all.
        if best + 1 + q >= model.questions.len() {
            break;
        }
    }
    1 + best
}

fn candidates(model: &Model, known: &Known, q: usize) -> Vec<Value> {
    match model.questions[q].kind {
        Kind::Choice | Kind::Region => offered(model, known, q)
            .into_iter()
            .map(Value::Choice)
            .collect(),
        Kind::Amount => amount_brackets(model, q)
            .into_iter()
            .map(Value::Amount)
            .collect(),
    }
}

/// 0 and every bound that a rule or a procedure compares question `q` with.
pub(crate) fn amount_brackets(model: &Model, q: usize) -> Vec<u64> {
    let mut bounds = vec![0];
    let clauses = model
        .levers
        .iter()
        .flat_map(|l| l.rules.iter().flat_map(|r| r.when.iter()))
        .chain(model.questions.iter().flat_map(|q| q.ask_if.iter()))
        .filter(|c| c.question == q);
    for clause in clauses {
        bounds.extend(clause.from);
        bounds.extend(clause.below);
    }
    if model.purchase.as_ref().is_some_and(|p| p.question == q) {
        for procedure in &model.procedures {
            bounds.extend(procedure.from);
            bounds.extend(procedure.below);
        }
    }
    bounds.sort_unstable();
    bounds.dedup();
    bounds
}

/// The fragment answers of a path.
pub(crate) fn answers_of(model: &Model, known: &Known, path: &[usize]) -> Answers {
    let mut answers = Answers::new();
    for &q in path {
        let question = &model.questions[q];
        match known[q] {
            Some(Value::Choice(a)) => answers.set(&question.id, &question.answers[a].id),
            Some(Value::Amount(n)) => answers.set(&question.id, &n.to_string()),
            None => {}
        }
    }
    answers
}
