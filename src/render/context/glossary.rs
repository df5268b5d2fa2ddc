//! The glossary as its page and the printable guide show it: terms by letter, each with the
//! levers that use it.

use super::{initial, order_key, sort_title, source_text, Link, Shared};
use crate::markdown::find_word;
use crate::model::Page;
use crate::urls::relative;
use serde::Serialize;

#[derive(Serialize)]
pub struct GlossaryView<'a> {
    /// Every term, in alphabetical order.
    terms: Vec<TermView<'a>>,
    /// The same terms, grouped by initial.
    letters: Vec<Letter<'a>>,
}

#[derive(Serialize)]
struct Letter<'a> {
    letter: String,
    terms: Vec<TermView<'a>>,
}

#[derive(Serialize, Clone)]
struct TermView<'a> {
    acronym: &'a str,
    letter: String,
    anchor: String,
    expansion: &'a str,
    definition: Option<&'a str>,
    source: Option<String>,
    levers: Vec<Link<'a>>,
}

impl<'a> Shared<'a> {
    /// The glossary, its links relative to the output `from`.
    pub fn glossary(&self, from: &str) -> GlossaryView<'a> {
        let site = self.site;
        let mut terms: Vec<_> = site.glossary.data.terms.iter().collect();
        terms.sort_by_key(|t| sort_title(&t.acronym));
        let terms: Vec<TermView<'a>> = terms
            .into_iter()
            .map(|t| {
                // Linked levers: those named by hand, then those whose text uses the acronym.
                let mut levers: Vec<(&Page, &str)> = Vec::new();
                for (p, l) in site.levers() {
                    let named = t.see.contains(&p.slug);
                    if named
                        || find_word(p.body(), &t.acronym).is_some()
                        || find_word(&l.objective, &t.acronym).is_some()
                    {
                        levers.push((p, &l.short_title));
                    }
                }
                levers.sort_by_key(|l| order_key(l.0));
                TermView {
                    acronym: &t.acronym,
                    letter: initial(&t.acronym),
                    anchor: t.anchor(),
                    expansion: &t.expansion,
                    definition: t.definition.as_deref(),
                    source: t.source.as_ref().map(source_text),
                    levers: levers
                        .into_iter()
                        .map(|(p, title)| Link {
                            title,
                            url: relative(from, &p.output),
                        })
                        .collect(),
                }
            })
            .collect();
        let mut letters: Vec<Letter<'a>> = Vec::new();
        for term in &terms {
            match letters.last_mut() {
                Some(l) if l.letter == term.letter => l.terms.push(term.clone()),
                _ => letters.push(Letter {
                    letter: term.letter.clone(),
                    terms: vec![term.clone()],
                }),
            }
        }
        GlossaryView { terms, letters }
    }
}
