//! Every link of every page resolves: pages, anchors, files, e-mail addresses.

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::links::{is_valid_email, LinkTable, Target};
use crate::markdown::{outline, Outline};
use crate::model::{Page, Site};
use rayon::prelude::*;
use std::collections::BTreeMap;

pub fn check(site: &Site, diags: &mut Diagnostics) {
    let table = LinkTable::new(site);
    let outlines: Vec<(&Page, Outline)> = site
        .pages
        .par_iter()
        .map(|p| (p, outline(p.body())))
        .collect();
    let anchors: BTreeMap<&str, &[String]> = outlines
        .iter()
        .map(|(p, o)| (p.source.as_str(), o.anchors.as_slice()))
        .collect();
    let found: Vec<Vec<Diagnostic>> = outlines
        .par_iter()
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
                if let Some(d) = check_link(&table, &anchors, page, &link.dest, site) {
                    out.push(d.at(&page.text, at));
                }
            }
            for text in lever_strings(page) {
                for link in outline(text).links {
                    if let Some(d) = check_link(&table, &anchors, page, &link.dest, site) {
                        out.push(super::locate(d, &page.text, 0, &link.dest, 0));
                    }
                }
            }
            out
        })
        .collect();
    diags.extend(found.into_iter().flatten());
}

/// Front-matter strings of a lever that accept inline Markdown, links included.
fn lever_strings(page: &Page) -> Vec<&str> {
    let Some(l) = page.lever() else {
        return Vec::new();
    };
    let mut v: Vec<&str> = vec![&l.objective, &l.duration, &l.contact];
    for list in [
        &l.applicants,
        &l.criteria,
        &l.funds,
        &l.amounts,
        &l.examples,
    ] {
        v.extend(list.iter().map(String::as_str));
    }
    v.extend(l.audience_notes.iter().map(|n| n.text.as_str()));
    v
}

fn check_link(
    table: &LinkTable,
    anchors: &BTreeMap<&str, &[String]>,
    page: &Page,
    dest: &str,
    site: &Site,
) -> Option<Diagnostic> {
    if let Some(scheme) = crate::urls::forbidden_scheme(dest) {
        return Some(unsafe_link(&page.display, &scheme));
    }
    let missing_anchor = |fragment: &str, source: &str| {
        // Headings of the Markdown, then the anchors the templates add (lever blocks, glossary
        // terms, regions): a misspelling is compared with all of them.
        let mut known: Vec<String> = anchors.get(source).copied().unwrap_or(&[]).to_vec();
        known.extend(generated_anchors(site, source));
        let ok = fragment.is_empty() || known.iter().any(|a| a == fragment);
        (!ok).then(|| {
            let plain = crate::slug::slugify(fragment);
            let hint = if known.contains(&plain) {
                format!("les ancres s'écrivent en minuscules, sans accents ni espaces : « #{plain} »")
            } else {
                match crate::diagnostic::did_you_mean(fragment, known.iter().map(String::as_str)) {
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

/// Anchors the templates add beyond the Markdown headings: glossary terms, ARS regions, and the
/// structured blocks of lever pages.
fn generated_anchors(site: &Site, source: &str) -> Vec<String> {
    let Some(page) = site.page_by_source(source) else {
        return Vec::new();
    };
    match page.meta.template.as_deref().unwrap_or("") {
        "glossary.html" => site
            .glossary
            .data
            .terms
            .iter()
            .map(|t| t.anchor())
            .collect(),
        "contacts.html" => site
            .contacts
            .data
            .ars
            .iter()
            .map(|a| a.id.clone())
            .chain(["national".to_owned()])
            .collect(),
        _ if page.lever().is_some() => crate::render::LEVER_ANCHORS
            .iter()
            .map(|a| (*a).to_owned())
            .collect(),
        _ => Vec::new(),
    }
}

/// A link whose scheme could run code in readers' browsers.
pub(crate) fn unsafe_link(file: &str, scheme: &str) -> Diagnostic {
    Diagnostic::new(
        file,
        format!("lien refusé : l'adresse commence par « {scheme}: », qui pourrait exécuter du code chez les lecteurs"),
    )
    .hint("un lien commence par https://, http://, mailto: ou tel:, ou c'est le chemin d'un fichier du site (../leviers/fir.md)")
}
