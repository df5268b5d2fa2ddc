//! Checks on the glossary and contacts data: unique keys, valid e-mails, known levers.

use super::locate;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::links::is_valid_email;
use crate::model::{DataFile, Site};
use std::collections::BTreeSet;

pub fn check(site: &Site, diags: &mut Diagnostics) {
    let levers = site.lever_slugs();
    let g = &site.glossary;
    let mut seen = BTreeSet::new();
    let mut cursor = 0;
    for term in &g.data.terms {
        let pos = g.text[cursor..]
            .find(&format!("\"{}\"", term.acronym))
            .map_or(cursor, |i| cursor + i);
        cursor = pos;
        if !seen.insert(term.anchor()) {
            diags.push(
                Diagnostic::new(
                    &g.display,
                    format!("sigle « {} » défini deux fois", term.acronym),
                )
                .at(&g.text, pos)
                .hint("fusionnez les deux définitions"),
            );
        }
        if term.expansion.trim().is_empty() {
            diags.push(
                Diagnostic::new(
                    &g.display,
                    format!("sigle « {} » sans développé", term.acronym),
                )
                .at(&g.text, pos),
            );
        }
        for slug in &term.see {
            if !levers.contains(&slug.as_str()) {
                diags.push(
                    locate(
                        Diagnostic::new(&g.display, format!("levier inconnu « {slug} »")),
                        &g.text,
                        pos,
                        &format!("\"{slug}\""),
                        pos,
                    )
                    .hint(format!("leviers existants : {}", levers.join(", "))),
                );
            }
        }
    }
    contacts(&site.contacts, diags);
}

fn contacts(c: &DataFile<crate::model::Contacts>, diags: &mut Diagnostics) {
    let mut ids = BTreeSet::new();
    for ars in &c.data.ars {
        if !ids.insert(ars.id.as_str()) {
            diags.push(locate(
                Diagnostic::new(
                    &c.display,
                    format!("identifiant d'ARS « {} » en double", ars.id),
                ),
                &c.text,
                0,
                &format!("\"{}\"", ars.id),
                0,
            ));
        }
    }
    // Every e-mail field of the file, where it is written (the model has lost the positions).
    let fields = crate::load::locate::string_fields(&c.text, &|k| k.ends_with("email"));
    for (email, at) in fields {
        if !is_valid_email(&email) {
            diags.push(
                Diagnostic::new(&c.display, format!("adresse e-mail invalide « {email} »"))
                    .at(&c.text, at)
                    .hint("une adresse s'écrit nom@domaine.fr ; vérifiez la fin du domaine"),
            );
        }
    }
}
