//! A section's listing: its pages, in the order it asks for, and its subsections.

use super::update::{date_phrase, status, Status};
use super::{order_key, sort_title, Shared};
use crate::model::{Page, SortBy};
use crate::urls::relative;
use serde::Serialize;

#[derive(Serialize)]
pub struct SectionView<'a> {
    pages: Vec<Entry<'a>>,
    subsections: Vec<Entry<'a>>,
}

/// A page as a card of the listing; an update's and a lever's cards say more.
#[derive(Serialize)]
struct Entry<'a> {
    title: &'a str,
    description: Option<&'a str>,
    url: String,
    date: Option<String>,
    #[serde(flatten)]
    update: Option<UpdateCard>,
    #[serde(flatten)]
    lever: Option<LeverCard<'a>>,
}

#[derive(Serialize)]
struct UpdateCard {
    status: Option<Status>,
    deadline: Option<String>,
    kind: &'static str,
    kind_label: &'static str,
    date_phrase: String,
}

#[derive(Serialize)]
struct LeverCard<'a> {
    short_title: &'a str,
    /// Labels only: « Industrie de santé ».
    audiences: Vec<&'static str>,
}

impl<'a> Shared<'a> {
    pub(super) fn section(&self, section: &'a Page) -> SectionView<'a> {
        let site = self.site;
        let folder = section.folder.as_str();
        let mut children: Vec<&Page> = site
            .pages
            .iter()
            .filter(|p| !p.is_folder() && p.folder == folder && p.source != section.source)
            .collect();
        match section.meta.sort_by.unwrap_or(SortBy::Weight) {
            SortBy::Weight => children.sort_by_key(|p| order_key(p)),
            SortBy::Title => children.sort_by_key(|p| sort_title(&p.meta.title)),
            SortBy::Date => children
                .sort_by(|a, b| (b.meta.date, &a.meta.title).cmp(&(a.meta.date, &b.meta.title))),
        }
        let mut subsections: Vec<&Page> = site
            .pages
            .iter()
            .filter(|p| {
                p.is_folder()
                    && p.folder.rsplit_once('/').map_or("", |(d, _)| d) == folder
                    && p.source != section.source
                    && !p.folder.is_empty()
            })
            .collect();
        subsections.sort_by_key(|p| order_key(p));
        let entry = |p: &'a Page| Entry {
            title: &p.meta.title,
            description: p.meta.description.as_deref(),
            url: relative(&section.output, &p.output),
            date: p.meta.date.map(|d| d.french()),
            update: p.update().map(|u| UpdateCard {
                status: status(u, site.today),
                deadline: u.deadline.map(|d| d.french()),
                kind: u.kind.slug(),
                kind_label: u.kind.label(),
                date_phrase: date_phrase(u),
            }),
            lever: p.lever().map(|l| LeverCard {
                short_title: &l.short_title,
                audiences: l.audiences.iter().map(|a| a.label()).collect(),
            }),
        };
        SectionView {
            pages: children.into_iter().map(entry).collect(),
            subsections: subsections.into_iter().map(entry).collect(),
        }
    }
}
