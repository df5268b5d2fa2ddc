//! Trust: every page and data entry names its source, and time-bound values past their review
//! date are listed to the editor (as warnings: the site still builds).

use super::locate;
use crate::date::Date;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::{Page, Site, Source};

const SOURCE_HINT: &str = "ajoutez dans l'en-tête un bloc [[sources]] avec au moins document = \"…\" et date = \"…\" (par exemple document = \"Guide pratique APIST\", date = \"juillet 2020\", pages = \"6\") : chaque fait publié doit pouvoir être vérifié";

const ENTRY_HINT: &str = "ajoutez à cette entrée une ligne source = { document = \"…\", date = \"…\" } (par exemple source = { document = \"Guide pratique APIST\", date = \"juillet 2020\", section = \"glossaire\" })";

/// Errors: a page, glossary term or contact without a usable source.
pub fn check(site: &Site, diags: &mut Diagnostics) {
    for page in &site.pages {
        if page.meta.sources.is_empty() {
            diags.push(
                locate(
                    Diagnostic::new(&page.display, "page sans source : aucun bloc [[sources]]"),
                    &page.text,
                    0,
                    "title",
                    0,
                )
                .hint(SOURCE_HINT),
            );
        }
        let mut cursor = 0;
        for source in &page.meta.sources {
            let at = page.text[cursor..]
                .find("[[sources]]")
                .map_or(cursor, |i| cursor + i);
            cursor = at + 1;
            if let Some(problem) = source.incomplete() {
                diags.push(
                    Diagnostic::new(&page.display, format!("source incomplète : {problem}"))
                        .at(&page.text, at)
                        .hint(SOURCE_HINT),
                );
            }
        }
    }
    let g = &site.glossary;
    let mut cursor = 0;
    for term in &g.data.terms {
        let pos = find_from(&g.text, cursor, &format!("\"{}\"", term.acronym));
        cursor = pos;
        entry_source(
            &g.display,
            &g.text,
            pos,
            term.source.as_ref(),
            &format!("sigle « {} »", term.acronym),
            diags,
        );
    }
    let c = &site.contacts;
    let mut cursor = 0;
    for n in &c.data.national {
        let pos = find_from(&c.text, cursor, &format!("\"{}\"", n.name));
        cursor = pos;
        entry_source(
            &c.display,
            &c.text,
            pos,
            n.source.as_ref(),
            &format!("contact national « {} »", n.name),
            diags,
        );
    }
    let mut cursor = 0;
    for a in &c.data.ars {
        let pos = find_from(&c.text, cursor, &format!("\"{}\"", a.id));
        cursor = pos;
        entry_source(&c.display, &c.text, pos, a.source.as_ref(), &a.name, diags);
    }
}

fn find_from(text: &str, from: usize, needle: &str) -> usize {
    text.get(from..)
        .and_then(|t| t.find(needle))
        .map_or(from, |i| from + i)
}

fn entry_source(
    display: &str,
    text: &str,
    pos: usize,
    source: Option<&Source>,
    what: &str,
    diags: &mut Diagnostics,
) {
    let problem = match source {
        None => format!("{what} sans source"),
        Some(s) => match s.incomplete() {
            Some(p) => format!("{what} : source incomplète, {p}"),
            None => return,
        },
    };
    diags.push(
        Diagnostic::new(display, problem)
            .at(text, pos)
            .hint(ENTRY_HINT),
    );
}

/// Warnings: every threshold or dated fact whose `review` date has passed at the build date.
pub fn warnings(site: &Site) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (page, lever) in site.levers() {
        let thresholds = lever
            .thresholds
            .iter()
            .map(|t| (format!("seuil de {} €", t.amount), t.as_of, t.review));
        review_due(page, "[[thresholds]]", thresholds, site.today, &mut out);
        let facts = lever.facts.iter().map(|f| {
            let short: String = f.text.chars().take(60).collect();
            let more = if f.text.chars().count() > 60 {
                "…"
            } else {
                ""
            };
            (format!("« {short}{more} »"), f.as_of, f.review)
        });
        review_due(page, "[[facts]]", facts, site.today, &mut out);
    }
    out.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    out
}

/// The k-th item of a table array is the k-th `header` of the file; its `review` line follows.
fn review_due(
    page: &Page,
    header: &str,
    items: impl Iterator<Item = (String, Date, Date)>,
    today: Date,
    out: &mut Vec<Diagnostic>,
) {
    let mut cursor = 0;
    for (what, as_of, review) in items {
        let table = find_from(&page.text, cursor, header);
        cursor = table + 1;
        if review.last_day() >= today {
            continue;
        }
        out.push(
            locate(
                Diagnostic::new(
                    &page.display,
                    format!(
                        "{what} : valeur de {}, date de révision ({}) dépassée, à vérifier",
                        as_of.french(),
                        review.french()
                    ),
                ),
                &page.text,
                table,
                "review",
                table,
            )
            .hint("vérifiez la valeur auprès de la source en vigueur, mettez-la à jour avec sa nouvelle source, puis repoussez la date « review » ; en attendant, la page affiche « à vérifier »")
            .as_warning(),
        );
    }
}
