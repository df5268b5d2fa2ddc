//! The no-JavaScript view: who carries the project × levers, computed from
//! every path, and each lever's rules written out in plain French.

use crate::engine::{judge, Value};
use crate::enumerate::paths;
use crate::facts::Facts;
use crate::model::{Clause, Kind, Model, Status};
use crate::Rules;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Table {
    /// The rows question (« Qui porte le projet ? »).
    pub rows_title: String,
    /// The detail question (« Que cherchez-vous ? »), named in cells.
    pub detail_title: Option<String>,
    pub levers: Vec<TableLever>,
    pub groups: Vec<TableGroup>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TableLever {
    pub slug: String,
    pub title: String,
    pub short_title: String,
    /// Relative to the site root.
    pub url: String,
    pub rules: Vec<TableRule>,
    /// Why not, when no rule applies.
    pub otherwise: String,
    pub otherwise_source: String,
}

/// A rule as a sentence: « Quand … : … ».
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TableRule {
    pub rule: String,
    pub result: Status,
    pub result_label: String,
    /// The conditions in words; empty when the rule always applies.
    pub when: String,
    pub text: String,
    /// « Source : Guide pratique APIST, juillet 2020, p. 7 : « … » ».
    pub source: String,
    /// The guide does not settle the case: to confirm with the ARS.
    pub confirm: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TableGroup {
    pub label: Option<String>,
    pub rows: Vec<TableRow>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TableRow {
    pub id: String,
    pub label: String,
    /// One per lever, in `Table::levers` order.
    pub cells: Vec<TableCell>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TableCell {
    pub lever: String,
    /// The best result any path gives this row.
    pub status: Status,
    /// « Oui », « Sous conditions », « Non ».
    pub word: String,
    /// Needs (short labels of the detail question's answers) for which it fits.
    pub fits: Vec<String>,
    /// Needs for which it may fit, under a condition.
    pub fits_if: Vec<String>,
}

pub fn static_table(rules: &Rules, facts: &Facts) -> Table {
    let model = &rules.model;
    let rows_q = &model.questions[model.table_rows];
    let lever_count = model.levers.len();
    let row_count = rows_q.answers.len();
    let detail_count = model
        .table_detail
        .map_or(0, |d| model.questions[d].answers.len());
    // best[row][lever], and for each (row, lever, detail answer) the best status.
    let mut best = vec![vec![Status::NeCorrespondPas; lever_count]; row_count];
    let mut needs = vec![vec![vec![Status::NeCorrespondPas; detail_count]; lever_count]; row_count];
    // Parsed rules passed the check, so they have at most MAX_PATHS paths: all are visited.
    paths(model, |known, _| {
        let Some(Value::Choice(row)) = known[model.table_rows] else {
            return;
        };
        let detail = model.table_detail.and_then(|d| match known[d] {
            Some(Value::Choice(a)) => Some(a),
            _ => None,
        });
        for (l, lever) in model.levers.iter().enumerate() {
            let status = judge(lever, known).status;
            best[row][l] = best[row][l].min(status);
            if let Some(d) = detail {
                needs[row][l][d] = needs[row][l][d].min(status);
            }
        }
    });

    let mut groups: Vec<TableGroup> = Vec::new();
    for (r, answer) in rows_q.answers.iter().enumerate() {
        let cells = model
            .levers
            .iter()
            .enumerate()
            .map(|(l, lever)| TableCell {
                lever: lever.slug.clone(),
                status: best[r][l],
                word: word(best[r][l]).to_string(),
                fits: needs_with(model, &needs[r][l], Status::Correspond),
                fits_if: needs_with(model, &needs[r][l], Status::PeutCorrespondre),
            })
            .collect();
        let row = TableRow {
            id: answer.id.clone(),
            label: answer.short_label().to_string(),
            cells,
        };
        match groups.last_mut() {
            Some(group) if group.label == answer.group => group.rows.push(row),
            _ => groups.push(TableGroup {
                label: answer.group.clone(),
                rows: vec![row],
            }),
        }
    }

    let levers = model
        .levers
        .iter()
        .map(|lever| {
            let fact = facts.lever(&lever.slug);
            TableLever {
                slug: lever.slug.clone(),
                title: fact.map(|f| f.title.clone()).unwrap_or_default(),
                short_title: fact.map(|f| f.short_title.clone()).unwrap_or_default(),
                url: fact.map(|f| f.url.clone()).unwrap_or_default(),
                rules: lever
                    .rules
                    .iter()
                    .map(|r| TableRule {
                        rule: r.id.clone(),
                        result: r.result,
                        result_label: r.result.label().to_string(),
                        when: when_text(model, &r.when),
                        text: r.text.clone(),
                        source: r.source.display.clone(),
                        confirm: r.confirm,
                    })
                    .collect(),
                otherwise: lever.otherwise.text.clone(),
                otherwise_source: lever.otherwise.source.display.clone(),
            }
        })
        .collect();

    Table {
        rows_title: rows_q.text.clone(),
        detail_title: model.table_detail.map(|d| model.questions[d].text.clone()),
        levers,
        groups,
    }
}

/// Short labels of the detail answers whose best status is `status`.
fn needs_with(model: &Model, statuses: &[Status], status: Status) -> Vec<String> {
    let Some(d) = model.table_detail else {
        return Vec::new();
    };
    statuses
        .iter()
        .enumerate()
        .filter(|(_, s)| **s == status)
        .map(|(a, _)| model.questions[d].answers[a].short_label().to_string())
        .collect()
}

fn word(status: Status) -> &'static str {
    match status {
        Status::Correspond => "Oui",
        Status::PeutCorrespondre => "Sous conditions",
        Status::NeCorrespondPas => "Non",
    }
}

/// « Qui porte le projet ? start-up, PME ; Où ? sauf Île-de-France ; montant à partir de 40 000 € ».
pub(crate) fn when_text(model: &Model, clauses: &[Clause]) -> String {
    let parts: Vec<String> = clauses
        .iter()
        .map(|c| {
            let q = &model.questions[c.question];
            let values = match q.kind {
                Kind::Amount => {
                    let mut s = String::new();
                    if let Some(f) = c.from {
                        s.push_str("à partir de ");
                        s.push_str(&crate::text::euros(f));
                    }
                    if let Some(b) = c.below {
                        if !s.is_empty() {
                            s.push(' ');
                        }
                        s.push_str("en dessous de ");
                        s.push_str(&crate::text::euros(b));
                    }
                    s
                }
                Kind::Choice | Kind::Region => {
                    let names: Vec<&str> =
                        c.any.iter().map(|&a| q.answers[a].short_label()).collect();
                    let list = names.join(", ");
                    if c.negate {
                        format!("sauf {list}")
                    } else {
                        list
                    }
                }
            };
            format!("« {} » {}", q.text, values)
        })
        .collect();
    parts.join(" ; ")
}
