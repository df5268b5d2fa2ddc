//! The printable guide, `guide/index.html`: the APIST guide's chapters and the levers' fiches
//! gathered in one page, numbered, each page's Markdown rendered again for its place there.

use crate::model::{LeverMeta, Page, Site};
use crate::render::context::{
    order_key, source_views, ContactsView, GlossaryView, LeverView, Shared, SourceView,
};
use crate::urls::relative;
use serde::Serialize;

pub const GUIDE: &str = "guide/index.html";

/// The guide's chapters, in the order of the APIST guide: the three fields of innovation, the
/// levers (operators, industry, other levers: the levers' own order), the six conditions of
/// success, the glossary, the contacts, the useful references. A chapter whose page the site
/// lacks is left out. Each: content file, id on the guide.
const CHAPTERS: [(&str, &str); 6] = [
    ("champs-innovation.md", "champs"),
    ("leviers/_index.md", "leviers"),
    ("conditions-de-succes.md", "conditions"),
    ("glossaire.md", "glossaire"),
    ("contacts.md", "contacts"),
    ("references.md", "references"),
];

/// Whether a generated page shows this page's body (the printable guide gathers its chapters
/// and the levers; the glossary lists the levers whose text uses each acronym): an edit of such
/// a body changes more than its own page.
pub fn body_shown_elsewhere(page: &Page) -> bool {
    page.lever().is_some() || CHAPTERS.iter().any(|(source, _)| *source == page.source)
}

/// A page the guide gathers: its output file, its id on the guide, its section number.
pub struct Target {
    pub output: String,
    pub id: String,
    pub number: String,
}

/// Every page the guide gathers, in its order.
pub fn targets(site: &Site) -> Vec<Target> {
    let mut out = Vec::new();
    let mut number = 0;
    for (source, id) in CHAPTERS {
        let Some(p) = site.page_by_source(source) else {
            continue;
        };
        number += 1;
        out.push(Target {
            output: p.output.clone(),
            id: id.to_owned(),
            number: number.to_string(),
        });
        if id == "leviers" {
            for (i, (lp, _)) in sorted_levers(site).iter().enumerate() {
                out.push(Target {
                    output: lp.output.clone(),
                    id: format!("levier-{}", lp.slug),
                    number: format!("{number}.{}", i + 1),
                });
            }
        }
    }
    out
}

fn sorted_levers(site: &Site) -> Vec<(&Page, &LeverMeta)> {
    let mut levers: Vec<_> = site.levers().collect();
    levers.sort_by_key(|(p, _)| order_key(p));
    levers
}

#[derive(Serialize)]
pub struct GuideView<'a> {
    chapters: Vec<Chapter<'a>>,
}

/// A chapter: its page's Markdown, and for three of them what their page lists (the levers'
/// fiches, the glossary, the contacts), absent from the others.
#[derive(Serialize)]
struct Chapter<'a> {
    id: &'static str,
    number: String,
    title: &'a str,
    description: Option<&'a str>,
    content: String,
    sources: Vec<SourceView<'a>>,
    /// The chapter's own page on the site.
    url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    levers: Option<Vec<Fiche<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    glossary: Option<GlossaryView<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    contacts: Option<ContactsView<'a>>,
}

/// A lever's fiche in the guide; `idp` prefixes its ids (`levier-fir-`).
#[derive(Serialize)]
struct Fiche<'a> {
    id: String,
    idp: String,
    number: String,
    url: String,
    page: FichePage<'a>,
    lever: LeverView<'a>,
}

/// What `lever-fiche.html` reads of the lever's page.
#[derive(Serialize)]
struct FichePage<'a> {
    title: &'a str,
    description: Option<&'a str>,
    content: String,
    sources: Vec<SourceView<'a>>,
}

/// The guide's chapters, each with its Markdown rendered for the guide (headings one level
/// down, ids prefixed with the chapter's id so they stay unique on the page).
pub fn view<'a>(shared: &Shared<'a>, targets: &[Target]) -> GuideView<'a> {
    let site = shared.site;
    let abbrs = crate::render::abbreviations(site);
    let number_of = |output: &str| {
        targets
            .iter()
            .find(|t| t.output == output)
            .map(|t| t.number.clone())
            .unwrap_or_default()
    };
    // A page's Markdown as the guide shows it: links relative to the guide, ids prefixed.
    let as_guide = |p: &Page, id: &str, shift: u8| {
        let md = crate::markdown::render(
            p.body(),
            &|d| match d.strip_prefix('#') {
                Some(frag) => Some(format!("#{id}-{frag}")),
                None => shared.links.rewrite(&p.source, GUIDE, d),
            },
            &abbrs,
        );
        prefix_ids(&shift_headings(&md.html, shift), id)
    };
    let mut chapters = Vec::new();
    for (source, id) in CHAPTERS {
        let Some(p) = site.page_by_source(source) else {
            continue;
        };
        let mut chapter = Chapter {
            id,
            number: number_of(&p.output),
            title: &p.meta.title,
            description: p.meta.description.as_deref(),
            content: as_guide(p, id, 1),
            sources: source_views(&p.meta.sources),
            url: relative(GUIDE, &p.output),
            levers: None,
            glossary: None,
            contacts: None,
        };
        match id {
            "leviers" => {
                let fiches = sorted_levers(site).into_iter().map(|(lp, l)| {
                    let lid = format!("levier-{}", lp.slug);
                    Fiche {
                        idp: format!("{lid}-"),
                        number: number_of(&lp.output),
                        url: relative(GUIDE, &lp.output),
                        page: FichePage {
                            title: &lp.meta.title,
                            description: lp.meta.description.as_deref(),
                            content: as_guide(lp, &lid, 2),
                            sources: source_views(&lp.meta.sources),
                        },
                        lever: shared.lever(lp, GUIDE, l),
                        id: lid,
                    }
                });
                chapter.levers = Some(fiches.collect());
            }
            "glossaire" => chapter.glossary = Some(shared.glossary(GUIDE)),
            "contacts" => chapter.contacts = Some(shared.contacts(&p.source, GUIDE)),
            _ => {}
        }
        chapters.push(chapter);
    }
    GuideView { chapters }
}

/// `<h2>` → `<h3>`… for a page's Markdown placed under a heading of the guide.
fn shift_headings(html: &str, by: u8) -> String {
    let mut out = html.to_owned();
    for level in (1..=5u8).rev() {
        let to = (level + by).min(6);
        out = out
            .replace(&format!("<h{level}"), &format!("<h{to}"))
            .replace(&format!("</h{level}>"), &format!("</h{to}>"));
    }
    out
}

/// Every `id="x"` of a fragment becomes `id="prefix-x"`.
fn prefix_ids(html: &str, prefix: &str) -> String {
    html.replace(" id=\"", &format!(" id=\"{prefix}-"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guide_chapters_shift_headings_and_prefix_ids() {
        let html = "<h2 id=\"a\">A</h2><h3 id=\"b\">B</h3><p>x</p>";
        assert_eq!(
            prefix_ids(&shift_headings(html, 1), "champs"),
            "<h3 id=\"champs-a\">A</h3><h4 id=\"champs-b\">B</h4><p>x</p>"
        );
    }
}
