//! The A–Z plan, `plan/index.html`: every page under the letter people look it up by.

use crate::model::{Page, Site};
use crate::render::context::{initial, sort_title};
use crate::urls::relative;
use serde::Serialize;

pub const PLAN: &str = "plan/index.html";

#[derive(Serialize)]
pub struct Letter<'a> {
    letter: String,
    pages: Vec<Entry<'a>>,
}

#[derive(Serialize)]
struct Entry<'a> {
    /// `common_name`, shown before the title.
    name: Option<&'a str>,
    title: &'a str,
    url: String,
    description: Option<&'a str>,
}

/// Every page but the home page by the name people use for it (`common_name`: "FIR" files the
/// FIR lever under F), or else by its title without a leading article; the full title is
/// always shown.
pub fn letters(site: &Site) -> Vec<Letter<'_>> {
    let key = |p: &Page| match &p.meta.common_name {
        Some(name) => sort_title(name),
        None => sort_title(strip_article(&p.meta.title)),
    };
    let mut pages: Vec<&Page> = site
        .pages
        .iter()
        .filter(|p| p.output != "index.html")
        .collect();
    pages.sort_by_key(|p| (key(p), sort_title(&p.meta.title)));
    let mut letters: Vec<Letter<'_>> = Vec::new();
    for p in pages {
        let letter = initial(&key(p));
        let entry = Entry {
            name: p.meta.common_name.as_deref(),
            title: &p.meta.title,
            url: relative(PLAN, &p.output),
            description: p.meta.description.as_deref(),
        };
        match letters.last_mut() {
            Some(l) if l.letter == letter => l.pages.push(entry),
            _ => letters.push(Letter {
                letter,
                pages: vec![entry],
            }),
        }
    }
    letters
}

/// "Les trois champs…" files under T, "L'innovation…" under I.
fn strip_article(title: &str) -> &str {
    for article in ["Les ", "Le ", "La ", "L'", "L’", "Un ", "Une ", "Des "] {
        if let Some(rest) = title.strip_prefix(article) {
            return rest;
        }
    }
    title
}
