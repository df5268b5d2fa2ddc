//! Link check, after render: every link of every page resolves, against the files and the ids
//! render really produced (whatever the templates make of each page, conditional blocks and a
//! site's own templates included), with raw HTML the sanitiser would strip reported too.

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::links::{is_valid_email, unsafe_link, LinkTable, Target};
use crate::model::{Page, Site};
use crate::render::Produced;
use rayon::prelude::*;
use std::collections::BTreeMap;

pub fn check(site: &Site, produced: &[Produced]) -> Diagnostics {
    let table = LinkTable::new(site);
    let ids: BTreeMap<&str, &Produced> = produced.iter().map(|p| (p.source.as_str(), p)).collect();
    let found: Vec<Vec<Diagnostic>> = produced
        .par_iter()
        .filter_map(|o| Some((site.page_by_source(&o.source)?, o)))
        .map(|(page, o)| {
            let mut out = Vec::new();
            for html in &o.raw_html {
                for what in crate::html::removed_by_sanitizer(&html.dest) {
                    out.push(
                        Diagnostic::new(
                            &page.display,
                            format!("HTML refusé : {what} pourrait exécuter du code chez les lecteurs"),
                        )
                        .hint("écrivez en Markdown ; le HTML brut ne garde que la mise en forme (titres, tableaux, listes, liens http, https, mailto ou tel)")
                        .at(&page.text, page.body_offset + html.range.start),
                    );
                }
            }
            for link in &o.links {
                let at = page.body_offset + link.range.start;
                if let Some(d) = check_link(&table, &ids, page, &link.dest) {
                    out.push(d.at(&page.text, at));
                }
            }
            for text in lever_strings(page) {
                for link in crate::markdown::links(text) {
                    if let Some(d) = check_link(&table, &ids, page, &link.dest) {
                        out.push(crate::validate::locate(d, &page.text, 0, &link.dest, 0));
                    }
                }
            }
            out
        })
        .collect();
    let mut diags = Diagnostics::default();
    diags.extend(found.into_iter().flatten());
    diags
}

/// Front-matter strings of a lever that accept inline Markdown, links included.
fn lever_strings(page: &Page) -> Vec<&str> {
    let Some(l) = page.lever() else {
        return Vec::new();
    };
    let mut v = l.markdown_fields();
    v.push(&l.contact);
    v
}

fn check_link(
    table: &LinkTable,
    ids: &BTreeMap<&str, &Produced>,
    page: &Page,
    dest: &str,
) -> Option<Diagnostic> {
    if let Some(scheme) = crate::urls::forbidden_scheme(dest) {
        return Some(unsafe_link(&page.display, &scheme));
    }
    let missing_anchor = |fragment: &str, source: &str| {
        // Any id of the built page will do; a misspelling is compared with those of its main
        // content (headings, lever blocks, glossary terms, regions), not the page's frame.
        let target = ids.get(source);
        let ok =
            fragment.is_empty() || target.is_some_and(|t| t.ids.split('\n').any(|a| a == fragment));
        let known: Vec<String> = target.map_or_else(Vec::new, |t| {
            t.ids[t.content_ids.clone()]
                .split('\n')
                .filter(|a| !a.is_empty())
                .map(str::to_owned)
                .collect()
        });
        (!ok).then(|| {
            let plain = crate::slug::slugify(fragment);
            let hint = if known.contains(&plain) {
                format!("les ancres s'écrivent en minuscules, sans accents ni espaces : « #{plain} »")
            } else {
                match reader::words::did_you_mean(fragment, known.iter().map(String::as_str)) {
                    Some(s) => format!("vouliez-vous dire « #{s} » ?"),
                    None if known.is_empty() => {
                        "cette page n'a pas de titre de section : liez la page sans # ou ajoutez un titre « ## … » à la page visée".to_owned()
                    }
                    None => format!(
                        "ancres de cette page : {}",
                        known
                            .iter()
                            .map(|a| format!("#{a}"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                }
            };
            Diagnostic::new(
                &page.display,
                format!("lien vers une ancre inexistante « #{fragment} »"),
            )
            .hint(hint)
        })
    };
    match table.target(&page.source, dest) {
        Target::Page { source, fragment, .. } => missing_anchor(fragment.as_deref().unwrap_or(""), &source),
        Target::SamePage { fragment } => missing_anchor(&fragment, &page.source),
        Target::Mail { address } => (!is_valid_email(&address)).then(|| {
            Diagnostic::new(&page.display, format!("adresse e-mail invalide « {address} »")).hint("une adresse s'écrit nom@domaine.fr")
        }),
        Target::RootRelative => Some(
            Diagnostic::new(&page.display, format!("lien absolu « {dest} »"))
                .hint("écrivez un chemin relatif vers le fichier Markdown, par exemple ../leviers/fir.md, pour que le site fonctionne sous n'importe quelle adresse"),
        ),
        Target::Missing { resolved } => Some(
            Diagnostic::new(&page.display, format!("lien vers une page ou un fichier inexistant « {dest} »"))
                .hint(format!("aucun fichier content/{resolved} ; vérifiez le nom (les pages se lient par leur fichier .md)")),
        ),
        Target::Asset { .. } | Target::External => None,
    }
}
