//! The Atom feed of the updates and the sitemap: XML from the templates `atom.xml` and
//! `sitemap.xml`, which a site may override like any other. Tera escapes what they print
//! (`.xml` templates are autoescaped, by `html::escape`, which also drops the control
//! characters XML forbids); no French typography, which is for HTML pages.

use crate::diagnostic::Diagnostic;
use crate::output::OutputFile;
use crate::render::context::{Shared, SiteView};
use crate::render::templates;
use crate::urls::relative;
use serde::Serialize;
use tera::Tera;

pub const ATOM: &str = "actualites/atom.xml";
pub const SITEMAP: &str = "sitemap.xml";

#[derive(Serialize)]
struct AtomContext<'a> {
    site: SiteView<'a>,
    /// The updates' page: the feed's id and link.
    updates_url: String,
    /// The newest update's first day, or the build date: `2021-07-01`.
    updated: String,
    /// Newest first.
    entries: Vec<Entry<'a>>,
}

#[derive(Serialize)]
struct Entry<'a> {
    title: &'a str,
    description: &'a str,
    url: String,
    /// The first day of the update's date: `2019-01-01` for `2019`.
    updated: String,
    /// The organiser, or the site's title.
    author: &'a str,
    kind: &'static str,
    /// In French: « 30 septembre 2019 ».
    deadline: Option<String>,
}

/// The feed; its links are absolute when `base_url` is set, relative to the feed otherwise.
pub fn atom(shared: &Shared<'_>, tera: &Tera) -> Result<OutputFile, Diagnostic> {
    let site = shared.site;
    let base = site
        .config
        .base_url
        .as_deref()
        .map(|b| format!("{}/", b.trim_end_matches('/')));
    let href = |output: &str| match &base {
        Some(b) => format!("{b}{output}"),
        None => relative(ATOM, output),
    };
    let mut updates: Vec<_> = site.updates().collect();
    updates.sort_by(|a, b| (b.1.date, &a.0.slug).cmp(&(a.1.date, &b.0.slug)));
    let ctx = AtomContext {
        site: SiteView::of(site),
        updates_url: href("actualites/index.html"),
        updated: updates
            .first()
            .map_or(site.today, |(_, u)| u.date.first_day())
            .to_string(),
        entries: updates
            .iter()
            .map(|(p, u)| Entry {
                title: &u.title,
                description: &u.description,
                url: href(&p.output),
                updated: u.date.first_day().to_string(),
                author: u.organiser.as_deref().unwrap_or(&site.config.title),
                kind: u.kind.slug(),
                deadline: u.deadline.map(|d| d.french()),
            })
            .collect(),
    };
    xml(shared, tera, "atom.xml", ATOM, &ctx)
}

#[derive(Serialize)]
struct SitemapContext<'a> {
    site: SiteView<'a>,
    /// Every page, by output path.
    pages: Vec<SitemapPage>,
}

#[derive(Serialize)]
struct SitemapPage {
    /// Absolute.
    url: String,
}

/// The sitemap, made only with `base_url` (it needs absolute addresses).
pub fn sitemap(shared: &Shared<'_>, tera: &Tera, base_url: &str) -> Result<OutputFile, Diagnostic> {
    let site = shared.site;
    let base = base_url.trim_end_matches('/');
    let mut outputs: Vec<&str> = site.pages.iter().map(|p| p.output.as_str()).collect();
    outputs.sort();
    let ctx = SitemapContext {
        site: SiteView::of(site),
        pages: outputs
            .into_iter()
            .map(|o| SitemapPage {
                url: format!("{base}/{o}"),
            })
            .collect(),
    };
    xml(shared, tera, "sitemap.xml", SITEMAP, &ctx)
}

fn xml(
    shared: &Shared<'_>,
    tera: &Tera,
    template: &str,
    path: &str,
    ctx: &impl Serialize,
) -> Result<OutputFile, Diagnostic> {
    let text = templates::render(tera, template, ctx, path, shared.template_sources)?;
    Ok(OutputFile {
        path: path.to_owned(),
        bytes: text.into_bytes().into(),
    })
}
