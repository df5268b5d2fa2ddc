//! What each template receives: typed views borrowing the site model, serialised into Tera's
//! context once, when the page is rendered. Every URL in them is relative to the page being
//! rendered. Their field names are a public interface, since a site's own templates read them:
//! `docs/gabarits.md` lists them.

mod contacts;
mod glossary;
mod home;
mod lever;
mod page;
mod section;
mod sources;
mod update;

pub use contacts::ContactsView;
pub use glossary::GlossaryView;
pub use lever::LeverView;
pub use page::reads_bodies;
pub use sources::{source_text, source_views, SourceView};

use crate::markdown::{render_inline, Heading};
use crate::model::{Page, Site};
use crate::urls::{relative, root_prefix};
use serde::Serialize;

/// What every page's context shares, computed once per build.
pub struct Shared<'a> {
    pub site: &'a Site,
    pub links: crate::links::LinkTable,
    pub livereload: bool,
    /// The wizard's validated rules, when the site has a wizard.
    pub wizard: Option<&'a crate::site_wizard::Compiled>,
    /// Template texts by name, to point template errors at their line.
    pub template_sources: &'a std::collections::BTreeMap<String, String>,
}

/// A page's whole context: the base every page has, and what its kind or template adds.
#[derive(Serialize)]
pub struct Context<'a, T> {
    #[serde(flatten)]
    pub base: Base<'a>,
    #[serde(flatten)]
    pub extra: T,
}

/// What every page's template receives, generated pages included.
#[derive(Serialize)]
pub struct Base<'a> {
    pub site: SiteView<'a>,
    /// `../` back to the output root.
    pub root: String,
    pub home_url: String,
    pub menu: Vec<NavItem<'a>>,
    pub livereload: bool,
    pub today: String,
    pub page: PageView<'a>,
    pub breadcrumb: Vec<Link<'a>>,
    /// The page's absolute address, when `base_url` is set.
    pub canonical_url: Option<String>,
    /// The footer's links: the printable guide (when the site has levers) and the accessibility
    /// statement (when it has one).
    pub guide_url: Option<String>,
    pub accessibility_url: Option<String>,
}

#[derive(Serialize)]
pub struct SiteView<'a> {
    pub title: &'a str,
    pub description: &'a str,
}

impl<'a> SiteView<'a> {
    pub fn of(site: &'a Site) -> Self {
        SiteView {
            title: &site.config.title,
            description: &site.config.description,
        }
    }
}

/// An entry of the main navigation.
#[derive(Serialize)]
pub struct NavItem<'a> {
    pub title: &'a str,
    pub url: String,
    /// The page shown is this entry's, or inside its section.
    pub current: bool,
}

/// A titled link: breadcrumb, a lever named by an update or a glossary term.
#[derive(Serialize, Clone)]
pub struct Link<'a> {
    pub title: &'a str,
    pub url: String,
}

/// The page itself. A generated page (plan, search, guide, 404) has no content, date, sources
/// or source file.
#[derive(Serialize)]
pub struct PageView<'a> {
    pub title: &'a str,
    pub description: Option<&'a str>,
    pub date: Option<String>,
    /// Its Markdown as HTML.
    pub content: &'a str,
    pub toc: &'a [Heading],
    pub sources: Vec<SourceView<'a>>,
    /// `content/leviers/fir.md`.
    pub source_file: Option<&'a str>,
    /// Its output file, from the root: `leviers/fir/index.html`.
    pub url: &'a str,
}

impl<'a> PageView<'a> {
    /// A page made by portail, with a title only.
    pub fn generated(title: &'a str, url: &'a str) -> Self {
        PageView {
            title,
            description: None,
            date: None,
            content: "",
            toc: &[],
            sources: Vec::new(),
            source_file: None,
            url,
        }
    }
}

impl<'a> Shared<'a> {
    /// Inline Markdown of a field of `source`, its links made relative to the output `from`.
    pub fn inline(&self, source: &str, from: &str, text: &str) -> String {
        render_inline(text, &|d| self.links.rewrite(source, from, d))
    }

    /// The output of a content file, relative to `from`, when the site has it.
    fn url_of(&self, from: &str, source: &str) -> Option<String> {
        self.site
            .page_by_source(source)
            .map(|p| relative(from, &p.output))
    }

    /// The base context of `page`, with links relative to its `url`.
    pub fn base(&self, page: PageView<'a>, breadcrumb: Vec<Link<'a>>) -> Base<'a> {
        let from = page.url;
        let site = self.site;
        Base {
            site: SiteView::of(site),
            root: root_prefix(from),
            home_url: relative(from, "index.html"),
            menu: self.menu(from),
            livereload: self.livereload,
            today: site.today.french(),
            canonical_url: site
                .config
                .base_url
                .as_deref()
                .map(|b| format!("{}/{from}", b.trim_end_matches('/'))),
            guide_url: site
                .levers()
                .next()
                .map(|_| relative(from, super::generated::GUIDE)),
            accessibility_url: self.url_of(from, "accessibilite.md"),
            page,
            breadcrumb,
        }
    }

    /// The main navigation: the configured menu, or the top-level sections.
    fn menu(&self, from: &str) -> Vec<NavItem<'a>> {
        let site = self.site;
        let items: Vec<(&'a str, &'a str)> = if site.config.menu.is_empty() {
            let mut sections: Vec<&Page> = site
                .pages
                .iter()
                .filter(|p| p.is_folder() && !p.folder.is_empty() && !p.folder.contains('/'))
                .collect();
            sections.sort_by_key(|p| order_key(p));
            sections
                .iter()
                .map(|p| (p.meta.title.as_str(), p.output.as_str()))
                .collect()
        } else {
            site.config
                .menu
                .iter()
                .filter_map(|m| {
                    let page = site.page_by_source(&m.page)?;
                    Some((m.title.as_str(), page.output.as_str()))
                })
                .collect()
        };
        items
            .into_iter()
            .map(|(title, output)| NavItem {
                title,
                url: relative(from, output),
                current: from == output
                    || (output.ends_with("/index.html")
                        && from.starts_with(output.trim_end_matches("index.html"))),
            })
            .collect()
    }

    /// Home, then the page's section unless it is one; nothing on the home page.
    fn breadcrumb(&self, page: &'a Page) -> Vec<Link<'a>> {
        if page.output == "index.html" {
            return Vec::new();
        }
        let mut crumbs = vec![home_crumb(&page.output)];
        if !page.is_folder() && !page.folder.is_empty() {
            let index = format!("{}/_index.md", page.folder);
            if let Some(sec) = self.site.page_by_source(&index) {
                crumbs.push(Link {
                    title: &sec.meta.title,
                    url: relative(&page.output, &sec.output),
                });
            }
        }
        crumbs
    }
}

/// The breadcrumb's first link, from the page at `from`.
pub fn home_crumb(from: &str) -> Link<'static> {
    Link {
        title: "Accueil",
        url: relative(from, "index.html"),
    }
}

/// A section's order: `weight`, then the title.
pub fn order_key(p: &Page) -> (i64, String) {
    (p.meta.weight.unwrap_or(i64::MAX), sort_title(&p.meta.title))
}

/// Titles sort as French readers expect: accents and case ignored.
pub fn sort_title(title: &str) -> String {
    crate::fold::fold(title)
}

/// The letter a name is filed under: its first letter or digit, accents folded, upper case.
pub fn initial(name: &str) -> String {
    sort_title(name)
        .chars()
        .find(|c| c.is_alphanumeric())
        .map_or("#".to_owned(), |c| c.to_uppercase().to_string())
}
