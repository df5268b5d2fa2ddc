//! A content page's context: the base, and what the page's kind and template add to it.

use super::home::HomeView;
use super::section::SectionView;
use super::update::UpdateView;
use super::{ContactsView, Context, GlossaryView, LeverView, PageView, Shared};
use crate::markdown::Heading;
use crate::model::{Page, PageKind};
use serde::Serialize;

/// Each field is there only for the pages it concerns (absent, not `null`, elsewhere), so that
/// a template tells a lever from another page with `{% if lever %}`.
#[derive(Serialize, Default)]
pub struct PageExtras<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    lever: Option<LeverView<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    update: Option<UpdateView<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    section: Option<SectionView<'a>>,
    /// The home page (`content/_index.md`).
    #[serde(skip_serializing_if = "Option::is_none")]
    home: Option<HomeView<'a>>,
    /// Pages using `glossary.html`, `contacts.html` or `assistant.html`.
    #[serde(skip_serializing_if = "Option::is_none")]
    glossary: Option<GlossaryView<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    contacts: Option<ContactsView<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    wizard_table: Option<wizard::Table>,
    #[serde(skip_serializing_if = "Option::is_none")]
    wizard_interactive: Option<bool>,
}

impl<'a> Shared<'a> {
    /// The context of `page`, rendered with `template`, its Markdown already turned into
    /// `content` and its table of contents `toc`.
    pub fn page_context(
        &self,
        page: &'a Page,
        template: &str,
        content: &'a str,
        toc: &'a [Heading],
    ) -> Context<'a, PageExtras<'a>> {
        let from = page.output.as_str();
        let view = PageView {
            title: &page.meta.title,
            description: page.meta.description.as_deref(),
            date: page.meta.date.map(|d| d.french()),
            content,
            toc,
            sources: super::source_views(&page.meta.sources),
            source_file: Some(&page.display),
            url: from,
        };
        let mut extra = PageExtras::default();
        match &page.kind {
            PageKind::Lever(l) => extra.lever = Some(self.lever(page, from, l)),
            PageKind::Update(u) => extra.update = Some(self.update(from, page, u)),
            PageKind::Folder => extra.section = Some(self.section(page)),
            PageKind::Plain => {}
        }
        if page.folder.is_empty() && page.slug == "_index" {
            extra.home = Some(self.home(from));
        }
        match template {
            "glossary.html" => extra.glossary = Some(self.glossary(from)),
            "contacts.html" => extra.contacts = Some(self.contacts(&page.source, from)),
            "assistant.html" => {
                extra.wizard_table = self.wizard.map(crate::site_wizard::table);
                extra.wizard_interactive = Some(crate::site_wizard::interactive());
            }
            _ => {}
        }
        Context {
            base: self.base(view, self.breadcrumb(page)),
            extra,
        }
    }
}

/// Whether a page with this template shows other pages' bodies: the glossary lists the levers
/// whose text uses each acronym (see [`Shared::page_context`]).
pub fn reads_bodies(template: &str) -> bool {
    template == "glossary.html"
}
