//! An update as its page and the lists of updates show it, with its call's status.

use super::{Link, Shared};
use crate::date::Date;
use crate::model::{Page, UpdateKind, UpdateMeta};
use crate::urls::relative;
use serde::Serialize;

/// An update in a list (home page, a lever's related updates).
#[derive(Serialize)]
pub struct UpdateSummary<'a> {
    title: &'a str,
    description: &'a str,
    url: String,
    date: String,
    date_iso: String,
    kind: &'static str,
    kind_label: &'static str,
    date_phrase: String,
    deadline: Option<String>,
    status: Option<Status>,
}

/// An update on its own page: its summary, and who organises it, its official page and the
/// levers it illustrates.
#[derive(Serialize)]
pub struct UpdateView<'a> {
    #[serde(flatten)]
    summary: UpdateSummary<'a>,
    levers: Vec<Link<'a>>,
    organiser: Option<&'a str>,
    link: Option<&'a str>,
}

/// Open, closed or without deadline, as of the build date: for calls only (any other kind of
/// update has no status, `null`, so no badge).
#[derive(Serialize)]
pub struct Status {
    state: &'static str,
    label: String,
}

impl<'a> Shared<'a> {
    pub fn update_summary(&self, from: &str, page: &Page, u: &'a UpdateMeta) -> UpdateSummary<'a> {
        UpdateSummary {
            title: &u.title,
            description: &u.description,
            url: relative(from, &page.output),
            date: u.date.french(),
            date_iso: u.date.to_string(),
            kind: u.kind.slug(),
            kind_label: u.kind.label(),
            date_phrase: date_phrase(u),
            deadline: u.deadline.map(|d| d.french()),
            status: status(u, self.site.today),
        }
    }

    pub(super) fn update(&self, from: &str, page: &Page, u: &'a UpdateMeta) -> UpdateView<'a> {
        UpdateView {
            summary: self.update_summary(from, page, u),
            levers: u
                .levers
                .iter()
                .filter_map(|slug| self.site.levers().find(|(p, _)| p.slug == *slug))
                .map(|(p, l)| Link {
                    title: &l.short_title,
                    url: relative(from, &p.output),
                })
                .collect(),
            organiser: u.organiser.as_deref(),
            link: u.link.as_deref(),
        }
    }
}

/// "Document du 12 mars 2021".
pub fn date_phrase(u: &UpdateMeta) -> String {
    format!("Document {}", u.date.of_french())
}

pub fn status(u: &UpdateMeta, today: Date) -> Option<Status> {
    if u.kind != UpdateKind::Appel {
        return None;
    }
    Some(match u.deadline {
        Some(d) if u.is_open_call(today) => Status {
            state: "ouvert",
            label: format!("Appel ouvert {}", d.until_french()),
        },
        Some(d) => Status {
            state: "clos",
            label: format!("Appel clos : il était ouvert {}", d.until_french()),
        },
        None => Status {
            state: "sans-date",
            label: "Appel sans date limite connue".to_owned(),
        },
    })
}
