//! Sources as readers cite them: "Guide pratique APIST, juillet 2020, p. 6".

use crate::model::Source;
use serde::Serialize;

#[derive(Serialize)]
pub struct SourceView<'a> {
    pub text: String,
    pub url: Option<&'a str>,
}

pub fn source_views(list: &[Source]) -> Vec<SourceView<'_>> {
    list.iter()
        .map(|s| SourceView {
            text: source_text(s),
            url: s.url.as_deref(),
        })
        .collect()
}

/// One source as a reader cites it: document, date, part, pages.
pub fn source_text(s: &Source) -> String {
    let mut text = format!("{}, {}", s.document, s.date);
    if let Some(section) = &s.section {
        text.push_str(&format!(", {section}"));
    }
    if let Some(p) = &s.pages {
        let prefix = if p.contains('-') || p.contains(',') {
            "pp."
        } else {
            "p."
        };
        text.push_str(&format!(", {prefix} {p}"));
    }
    text
}
