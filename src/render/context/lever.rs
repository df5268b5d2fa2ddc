//! A lever's fields as its fiche shows them, on its page and in the printable guide.

use super::update::UpdateSummary;
use super::Shared;
use crate::date::Date;
use crate::model::{LeverMeta, Page};
use serde::Serialize;

/// Markdown fields are HTML, their links relative to the page the fiche is on.
#[derive(Serialize)]
pub struct LeverView<'a> {
    slug: &'a str,
    short_title: &'a str,
    audiences: Vec<AudienceView>,
    objective: String,
    duration: String,
    contact: String,
    contacts_url: Option<String>,
    applicants: Vec<String>,
    criteria: Vec<String>,
    funds: Vec<String>,
    amounts: Vec<String>,
    examples: Vec<String>,
    audience_notes: Vec<NoteView>,
    thresholds: Vec<ThresholdView>,
    facts: Vec<FactView>,
    /// The updates that name this lever.
    updates: Vec<UpdateSummary<'a>>,
}

#[derive(Serialize)]
struct AudienceView {
    slug: &'static str,
    label: &'static str,
}

#[derive(Serialize)]
struct NoteView {
    label: &'static str,
    text: String,
}

#[derive(Serialize)]
struct ThresholdView {
    #[serde(flatten)]
    dated: Dated,
    amount: u64,
    label: String,
}

#[derive(Serialize)]
struct FactView {
    #[serde(flatten)]
    dated: Dated,
    text: String,
}

/// A time-bound value as templates show it: when the source gave it, the period it applied
/// to, and whether its review date has passed ("valeur de juillet 2020, à vérifier").
#[derive(Serialize)]
struct Dated {
    as_of: String,
    period: Option<String>,
    review: String,
    review_due: bool,
    note: String,
}

impl<'a> Shared<'a> {
    /// The fiche of the lever `page`, shown on the output `from` (its own page, or the guide).
    pub fn lever(&self, page: &'a Page, from: &str, l: &'a LeverMeta) -> LeverView<'a> {
        let today = self.site.today;
        let inline = |t: &str| self.inline(&page.source, from, t);
        let list = |items: &[String]| items.iter().map(|t| inline(t)).collect::<Vec<_>>();
        LeverView {
            slug: &page.slug,
            short_title: &l.short_title,
            audiences: l
                .audiences
                .iter()
                .map(|a| AudienceView {
                    slug: a.slug(),
                    label: a.label(),
                })
                .collect(),
            objective: inline(&l.objective),
            duration: inline(&l.duration),
            contact: inline(&l.contact),
            contacts_url: self.url_of(from, "contacts.md"),
            applicants: list(&l.applicants),
            criteria: list(&l.criteria),
            funds: list(&l.funds),
            amounts: list(&l.amounts),
            examples: list(&l.examples),
            audience_notes: l
                .audience_notes
                .iter()
                .map(|n| NoteView {
                    label: n.audience.label(),
                    text: inline(&n.text),
                })
                .collect(),
            thresholds: l
                .thresholds
                .iter()
                .map(|t| ThresholdView {
                    dated: dated(t.as_of, t.applies_from, t.applies_until, t.review, today),
                    amount: t.amount,
                    label: inline(&t.label),
                })
                .collect(),
            facts: l
                .facts
                .iter()
                .map(|f| FactView {
                    dated: dated(f.as_of, f.applies_from, f.applies_until, f.review, today),
                    text: inline(&f.text),
                })
                .collect(),
            updates: self
                .site
                .updates()
                .filter(|(_, u)| u.levers.contains(&page.slug))
                .map(|(p, u)| self.update_summary(from, p, u))
                .collect(),
        }
    }
}

fn dated(as_of: Date, from: Option<Date>, until: Option<Date>, review: Date, today: Date) -> Dated {
    let review_due = review.last_day() < today;
    let note = if review_due {
        format!(
            "Valeur de {}, à vérifier : elle a pu changer depuis.",
            as_of.french()
        )
    } else {
        format!("Valeur de {}.", as_of.french())
    };
    Dated {
        as_of: as_of.french(),
        period: period(from, until),
        review: review.french(),
        review_due,
        note,
    }
}

/// "de 2019 à 2021", "du 1er janvier 2019 au 31 décembre 2021", "depuis juillet 2020".
fn period(from: Option<Date>, until: Option<Date>) -> Option<String> {
    use crate::date::Precision::Day;
    let start = |d: Date| match d.precision {
        Day => format!("du {}", d.french()),
        _ => format!("de {}", d.french()),
    };
    let end = |d: Date| match d.precision {
        Day => format!("au {}", d.french()),
        _ => format!("à {}", d.french()),
    };
    match (from, until) {
        (Some(f), Some(u)) => Some(format!("{} {}", start(f), end(u))),
        (Some(f), None) if f.precision == Day => Some(format!("depuis le {}", f.french())),
        (Some(f), None) => Some(format!("depuis {}", f.french())),
        (None, Some(u)) => Some(u.until_french()),
        (None, None) => None,
    }
}
