//! Checks on pages: unique output paths, lever and update fields, references, templates.

use super::locate;
use crate::diagnostic::{did_you_mean, Diagnostic, Diagnostics};
use crate::model::{Page, Site};
use std::collections::BTreeMap;

pub fn check(site: &Site, templates: &[String], diags: &mut Diagnostics) {
    duplicates(site, diags);
    if site.page_by_source("_index.md").is_none() && !site.unloaded.iter().any(|u| u == "_index.md")
    {
        diags.push(
            Diagnostic::new("content/_index.md", "la page d'accueil est introuvable")
                .hint("créez content/_index.md : toutes les pages renvoient vers elle"),
        );
    }
    for item in &site.config.menu {
        if site.page_by_source(&item.page).is_none() && !site.unloaded.contains(&item.page) {
            diags.push(
                Diagnostic::new(
                    "portail.toml",
                    format!(
                        "le menu « {} » pointe vers une page inexistante « {} »",
                        item.title, item.page
                    ),
                )
                .hint("indiquez le chemin du fichier sous content/, par exemple leviers/_index.md"),
            );
        }
    }
    let lever_slugs = site.lever_slugs();
    for page in &site.pages {
        if let Some(name) = &page.meta.template {
            if !templates.iter().any(|t| t == name) {
                let hint = match did_you_mean(name, templates.iter().map(String::as_str)) {
                    Some(s) => format!("vouliez-vous dire « {s} » ?"),
                    None => format!("gabarits disponibles : {}", templates.join(", ")),
                };
                diags.push(
                    locate(
                        Diagnostic::new(&page.display, format!("gabarit « {name} » introuvable")),
                        &page.text,
                        0,
                        name,
                        0,
                    )
                    .hint(hint),
                );
            }
        }
        if let Some(lever) = page.lever() {
            if lever.audiences.is_empty() {
                diags.push(
                    locate(
                        Diagnostic::new(&page.display, "la liste « audiences » est vide"),
                        &page.text,
                        0,
                        "audiences",
                        0,
                    )
                    .hint(
                        "indiquez au moins un public : \"operateur\", \"industrie\" ou \"autres\"",
                    ),
                );
            }
            if lever.applicants.is_empty() {
                diags.push(
                    locate(
                        Diagnostic::new(&page.display, "la liste « applicants » est vide"),
                        &page.text,
                        0,
                        "applicants",
                        0,
                    )
                    .hint("indiquez qui peut bénéficier du levier"),
                );
            }
        }
        if let Some(update) = page.update() {
            if update.levers.is_empty() {
                diags.push(
                    locate(
                        Diagnostic::new(&page.display, "la liste « levers » est vide"),
                        &page.text,
                        0,
                        "levers",
                        0,
                    )
                    .hint(format!(
                        "indiquez les leviers que l'actualité illustre, parmi : {}",
                        lever_slugs.join(", ")
                    )),
                );
            }
            for slug in &update.levers {
                if !lever_slugs.contains(&slug.as_str()) {
                    diags.push(unknown_lever(page, slug, &lever_slugs));
                }
            }
            regions(site, page, &update.regions, diags);
        }
    }
}

/// An update's `regions`: ARS ids of `content/data/contacts.toml`, or `national`; not empty.
fn regions(site: &Site, page: &Page, regions: &[String], diags: &mut Diagnostics) {
    let mut known: Vec<&str> = vec!["national"];
    known.extend(site.contacts.data.ars.iter().map(|a| a.id.as_str()));
    if regions.is_empty() {
        diags.push(
            locate(
                Diagnostic::new(&page.display, "la liste « regions » est vide"),
                &page.text,
                0,
                "regions",
                0,
            )
            .hint(format!(
                "indiquez où l'actualité s'applique : \"national\" ou l'identifiant d'une ARS ({})",
                known[1..].join(", ")
            )),
        );
    }
    for region in regions {
        if !known.contains(&region.as_str()) {
            let hint = match did_you_mean(region, known.iter().copied()) {
                Some(s) => format!(
                    "vouliez-vous dire « {s} » ? Valeurs possibles : {}",
                    known.join(", ")
                ),
                None => format!("valeurs possibles : {}", known.join(", ")),
            };
            diags.push(
                locate(
                    Diagnostic::new(&page.display, format!("région inconnue « {region} »")),
                    &page.text,
                    0,
                    &format!("\"{region}\""),
                    0,
                )
                .hint(hint),
            );
        }
    }
}

pub(crate) fn unknown_lever(page: &Page, slug: &str, known: &[&str]) -> Diagnostic {
    let hint = match did_you_mean(slug, known.iter().copied()) {
        Some(s) => format!("vouliez-vous dire « {s} » ? Leviers : {}", known.join(", ")),
        None => format!("leviers existants : {}", known.join(", ")),
    };
    locate(
        Diagnostic::new(&page.display, format!("levier inconnu « {slug} »")),
        &page.text,
        0,
        &format!("\"{slug}\""),
        0,
    )
    .hint(hint)
}

/// Two sources writing the same output file (`a.md` and `a/_index.md`) would overwrite each other.
fn duplicates(site: &Site, diags: &mut Diagnostics) {
    let mut by_output: BTreeMap<&str, Vec<&Page>> = BTreeMap::new();
    for page in &site.pages {
        by_output.entry(&page.output).or_default().push(page);
    }
    for (output, pages) in by_output {
        if let [first, rest @ ..] = pages.as_slice() {
            for other in rest {
                diags.push(
                    Diagnostic::new(&other.display, format!("cette page produit le même fichier « {output} » que {}", first.display))
                        .hint("renommez l'un des deux fichiers : chaque page doit avoir une adresse unique"),
                );
            }
        }
    }
    for asset in &site.assets {
        if let Some(page) = site.pages.iter().find(|p| p.output == asset.path) {
            diags.push(Diagnostic::new(
                &page.display,
                format!(
                    "cette page produit le même fichier que content/{}",
                    asset.path
                ),
            ));
        }
    }
}
