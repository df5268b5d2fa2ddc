//! Files made from the site's shape rather than from one Markdown file: the A–Z plan, the
//! search page, the printable guide, the 404 page, the Atom feed, the sitemap and the running
//! header of printed pages; and the data files' entries for the search index.

mod feeds;
mod guide;
mod guide_links;
mod not_found;
mod plan;
mod print;
mod search_texts;

pub use guide::{body_shown_elsewhere, GUIDE};
pub use search_texts::search_texts;

use super::context::{home_crumb, Base, Context, PageView, Shared};
use super::render_template;
use crate::diagnostic::Diagnostic;
use crate::output::OutputFile;
use crate::urls::relative;
use serde::Serialize;
use tera::Tera;

const SEARCH: &str = "recherche/index.html";
const NOT_FOUND: &str = "404.html";

/// What each generated page adds to the base context, under the names its template reads.
#[derive(Serialize)]
struct PlanPage<'a> {
    plan: Vec<plan::Letter<'a>>,
}

#[derive(Serialize)]
struct SearchPage {
    plan_url: String,
    glossary_url: Option<String>,
}

#[derive(Serialize)]
struct GuidePage<'a> {
    guide: guide::GuideView<'a>,
}

/// Every generated file; a page only if its template exists (a content page at the same
/// address is reported as a collision by the pipeline).
pub fn pages(shared: &Shared<'_>, tera: &Tera) -> Result<Vec<OutputFile>, Diagnostic> {
    let site = shared.site;
    let has = |name: &str| tera.get_template_names().any(|n| n == name);
    let base = |output: &'static str, title: &'static str| {
        shared.base(PageView::generated(title, output), vec![home_crumb(output)])
    };
    let mut out = Vec::new();
    if has("plan.html") {
        let extra = PlanPage {
            plan: plan::letters(site),
        };
        let html = page(
            shared,
            tera,
            "plan.html",
            base(plan::PLAN, "Plan du site de A à Z"),
            extra,
        )?;
        out.push(file(plan::PLAN, html));
    }
    if has("search.html") {
        let extra = SearchPage {
            plan_url: relative(SEARCH, plan::PLAN),
            glossary_url: site
                .page_by_source("glossaire.md")
                .map(|p| relative(SEARCH, &p.output)),
        };
        let html = page(
            shared,
            tera,
            "search.html",
            base(SEARCH, "Rechercher"),
            extra,
        )?;
        out.push(file(SEARCH, html));
    }
    if has("guide.html") && site.levers().next().is_some() {
        let targets = guide::targets(site);
        let extra = GuidePage {
            guide: guide::view(shared, &targets),
        };
        let title = "Le guide complet, à lire ou à imprimer";
        let html = page(shared, tera, "guide.html", base(GUIDE, title), extra)?;
        out.push(file(GUIDE, guide_links::in_main(&html, &targets)));
    }
    // The 404 page has the base alone, its links made absolute when they can be.
    let lost = base(NOT_FOUND, "Page introuvable");
    let (template, lost) = match site.config.base_url.as_deref() {
        Some(url) => ("404.html", not_found::absolute(lost, url)),
        None => ("404-sans-adresse.html", lost),
    };
    if has(template) {
        let html = page(shared, tera, template, lost, ())?;
        out.push(file(NOT_FOUND, html));
    }
    out.push(feeds::atom(shared, tera)?);
    out.push(print::css(site));
    if let Some(url) = &site.config.base_url {
        out.push(feeds::sitemap(shared, tera, url)?);
    }
    Ok(out)
}

/// A generated page's HTML: its template given the base context and `extra`.
fn page(
    shared: &Shared<'_>,
    tera: &Tera,
    template: &str,
    base: Base<'_>,
    extra: impl Serialize,
) -> Result<String, Diagnostic> {
    let output = base.page.url;
    let ctx = Context { base, extra };
    render_template(tera, template, &ctx, output, shared.template_sources)
}

fn file(path: &str, html: String) -> OutputFile {
    OutputFile {
        path: path.to_owned(),
        bytes: html.into_bytes().into(),
    }
}
