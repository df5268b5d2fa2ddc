//! Checks that need every path: an answer no path reaches, a rule that never
//! applies, a combination of answers that leaves no lever, an amount no
//! procedure covers.

use super::compile::Spans;
use super::read::Ctx;
use crate::engine::{holds, judge, Value};
use crate::enumerate::{answers_of, paths};
use crate::model::{Kind, Model, Status};
use std::collections::HashSet;

/// Beyond this many combinations with no lever, the rest are summed up.
const MAX_LISTED: usize = 5;

pub fn check(ctx: &mut Ctx<'_>, model: &Model, spans: &Spans) {
    let mut reached: HashSet<(usize, usize)> = HashSet::new();
    let mut asked: HashSet<usize> = HashSet::new();
    let mut matched: HashSet<&str> = HashSet::new();
    let mut empty: Vec<(String, usize)> = Vec::new();
    let mut empty_count = 0;
    let mut uncovered: Vec<u64> = Vec::new();

    let complete = paths(model, |known, path| {
        for &q in path {
            asked.insert(q);
            if let Some(Value::Choice(a)) = known[q] {
                reached.insert((q, a));
            }
        }
        let mut any_fits = false;
        for lever in &model.levers {
            for rule in &lever.rules {
                if holds(&rule.when, known) {
                    matched.insert(rule.id.as_str());
                }
            }
            any_fits |= judge(lever, known).status != Status::NeCorrespondPas;
        }
        if !any_fits {
            empty_count += 1;
            if empty.len() < MAX_LISTED {
                let last = path.last().copied().unwrap_or(0);
                empty.push((answers_of(model, known, path).to_fragment(), last));
            }
        }
        if let Some(purchase) = &model.purchase {
            if let Some(Value::Amount(amount)) = known[purchase.question] {
                if holds(&purchase.when, known)
                    && !model.procedures.iter().any(|p| p.covers(amount))
                    && !uncovered.contains(&amount)
                {
                    uncovered.push(amount);
                }
            }
        }
    });
    if !complete {
        let span = spans.questions.first().cloned().unwrap_or(0..0);
        ctx.error(
            &span,
            format!(
                "les questions forment plus de {} parcours différents : portail ne peut pas les vérifier tous",
                crate::enumerate::MAX_PATHS
            ),
            Some("chaque question posée multiplie les parcours par son nombre de réponses ; regroupez des réponses, ou ne posez une question que lorsqu'elle compte (ask_if)".into()),
        );
        return;
    }

    for (q, question) in model.questions.iter().enumerate() {
        if !asked.contains(&q) {
            ctx.error(
                &spans.questions[q],
                format!("la question « {} » n'est jamais posée", question.id),
                Some("une question n'est posée que si une règle encore possible l'utilise ; vérifiez aussi son ask_if".into()),
            );
            continue;
        }
        if question.kind == Kind::Amount {
            continue;
        }
        for (a, answer) in question.answers.iter().enumerate() {
            if !reached.contains(&(q, a)) {
                ctx.error(
                    &spans.answers[q][a],
                    format!("la réponse « {} » de la question « {} » n'est proposée dans aucun parcours", answer.id, question.id),
                    Some("vérifiez son only_if : il doit pouvoir être vrai après les réponses précédentes".into()),
                );
            }
        }
    }

    for rule in model.levers.iter().flat_map(|l| l.rules.iter()) {
        if !matched.contains(rule.id.as_str()) {
            if let Some(span) = spans.rules.get(&rule.id) {
                ctx.error(
                    span,
                    format!("la règle « {} » ne s'applique dans aucun parcours", rule.id),
                    Some("ses conditions (when) se contredisent, ou portent sur une question qui n'est jamais posée avec ces réponses".into()),
                );
            }
        }
    }

    for (fragment, last) in &empty {
        ctx.error(
            &spans.questions[*last],
            format!("aucun levier ne correspond pour les réponses {fragment}"),
            Some("chaque combinaison de réponses doit mener à au moins un levier « correspond » ou « peut-correspondre » : ajoutez une règle".into()),
        );
    }
    if empty_count > empty.len() {
        let span = spans.questions.first().cloned().unwrap_or(0..0);
        ctx.error(
            &span,
            format!(
                "… et {} autres combinaisons de réponses sans aucun levier",
                empty_count - empty.len()
            ),
            None,
        );
    }

    for amount in uncovered {
        let span = spans.procedures.first().cloned().unwrap_or(0..0);
        ctx.error(
            &span,
            format!("aucune procédure [[procedures]] ne couvre un achat de {amount} €"),
            Some("les procédures, de from (inclus) à below (exclu), doivent couvrir tous les montants à partir de 0".into()),
        );
    }
}
