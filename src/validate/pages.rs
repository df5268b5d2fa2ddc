//! Checks on pages: unique output paths, lever and update fields, references, templates.

use super::locate;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::{Page, Site};
use reader::words::did_you_mean;
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
        empty_text(page, diags);
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
            if let Some(deadline) = update.deadline {
                if deadline.last_day() < update.date.first_day() {
                    diags.push(
                        locate(
                            Diagnostic::new(
                                &page.display,
                                format!(
                                    "date limite ({}) antérieure à la date de l'actualité ({})",
                                    deadline.french(),
                                    update.date.french()
                                ),
                            ),
                            &page.text,
                            0,
                            "deadline",
                            0,
                        )
                        .hint("vérifiez les deux dates dans la source (souvent une erreur d'année) : « date » est la date du document, « deadline » la date limite, qui vient après"),
                    );
                }
            }
            for slug in update.levers.iter().filter(|s| !s.trim().is_empty()) {
                if !lever_slugs.contains(&slug.as_str()) {
                    diags.push(unknown_lever(page, slug, &lever_slugs));
                }
            }
            regions(site, page, &update.regions, diags);
        }
    }
}

/// Text that would publish as nothing: a required field left empty or blank, or an empty item
/// of a list; an optional field written but left empty.
fn empty_text(page: &Page, diags: &mut Diagnostics) {
    let mut fields: Vec<(&str, &str)> = vec![("title", &page.meta.title)];
    let mut lists: Vec<(&str, &[String])> = Vec::new();
    if let Some(l) = page.lever() {
        fields.extend([
            ("short_title", l.short_title.as_str()),
            ("description", &l.description),
            ("objective", &l.objective),
            ("duration", &l.duration),
            ("contact", &l.contact),
        ]);
        lists.extend([
            ("applicants", l.applicants.as_slice()),
            ("criteria", &l.criteria),
            ("funds", &l.funds),
            ("amounts", &l.amounts),
            ("examples", &l.examples),
        ]);
    } else if let Some(u) = page.update() {
        fields.push(("description", &u.description));
        fields.extend(u.organiser.as_deref().map(|o| ("organiser", o)));
        fields.extend(u.link.as_deref().map(|o| ("link", o)));
        lists.extend([("levers", u.levers.as_slice()), ("regions", &u.regions)]);
    } else {
        fields.extend(page.meta.description.as_deref().map(|d| ("description", d)));
    }
    fields.extend(page.meta.common_name.as_deref().map(|c| ("common_name", c)));
    let at = |name: &str| {
        // The field's own line: `name` at the start of a line of the header.
        let needle = format!("\n{name}");
        page.text.find(&needle).map_or(0, |i| i + 1)
    };
    const OPTIONAL: [&str; 3] = ["organiser", "link", "common_name"];
    for (name, value) in fields {
        if value.trim().is_empty() {
            let hint = if OPTIONAL.contains(&name)
                || (name == "description" && page.lever().is_none() && page.update().is_none())
            {
                "écrivez le texte entre les guillemets, ou supprimez la ligne (champ facultatif)"
            } else {
                "écrivez le texte entre les guillemets : ce champ est obligatoire et s'affiche sur le site"
            };
            diags.push(
                Diagnostic::new(&page.display, format!("champ « {name} » vide"))
                    .at(&page.text, at(name))
                    .hint(hint),
            );
        }
    }
    for (name, items) in lists {
        if items.iter().any(|i| i.trim().is_empty()) {
            diags.push(
                Diagnostic::new(&page.display, format!("élément vide dans la liste « {name} »"))
                    .at(&page.text, at(name))
                    .hint("chaque élément de la liste doit avoir un texte : supprimez les \"\" vides et leur virgule"),
            );
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
    for region in regions.iter().filter(|s| !s.trim().is_empty()) {
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
