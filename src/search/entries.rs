//! What each result shows: the document table of `search-index.js`.
//!
//! Stored by column (all URLs, then all titles…) because similar strings side by side compress
//! better, with each distinct section label stored once. Row `n` is the document elasticlunr
//! knows as reference `n`.

use serde_json::{json, Value};

use super::excerpt::{excerpt, EXCERPT_CHARS};
use super::SearchDoc;

pub fn entries(docs: &[SearchDoc]) -> Value {
    let mut sections: Vec<&str> = Vec::new();
    let section_of: Vec<usize> = docs
        .iter()
        .map(
            |doc| match sections.iter().position(|s| *s == doc.section) {
                Some(position) => position,
                None => {
                    sections.push(&doc.section);
                    sections.len() - 1
                }
            },
        )
        .collect();
    json!({
        "url": docs.iter().map(|d| d.url.as_str()).collect::<Vec<_>>(),
        "title": docs.iter().map(|d| d.title.as_str()).collect::<Vec<_>>(),
        "sections": sections,
        "sectionOf": section_of,
        "excerpt": docs.iter().map(|d| excerpt(snippet_source(d), EXCERPT_CHARS)).collect::<Vec<_>>(),
    })
}

/// The body, or for an entry without one (a lever's own entry carries its fields as keywords)
/// the keywords, which start with the lever's short title and description.
fn snippet_source(doc: &SearchDoc) -> &str {
    if doc.body.trim().is_empty() {
        &doc.keywords
    } else {
        &doc.body
    }
}

#[cfg(test)]
mod tests {
    use super::entries;
    use crate::search::SearchDoc;
    use serde_json::json;

    #[test]
    fn columns_in_document_order_with_sections_once() {
        let doc = |url: &str, section: &str| SearchDoc {
            url: url.into(),
            title: url.to_uppercase(),
            section: section.into(),
            body: format!("Texte de {url}"),
            keywords: String::new(),
        };
        let table = entries(&[
            doc("a", "Glossaire"),
            doc("b", "Levier"),
            doc("c", "Glossaire"),
        ]);
        assert_eq!(
            table,
            json!({
                "url": ["a", "b", "c"],
                "title": ["A", "B", "C"],
                "sections": ["Glossaire", "Levier"],
                "sectionOf": [0, 1, 0],
                "excerpt": ["Texte de a", "Texte de b", "Texte de c"],
            })
        );
    }

    #[test]
    fn entries_without_body_show_their_keywords() {
        let doc = SearchDoc {
            keywords: "Subvention FIR Une aide financière".into(),
            ..SearchDoc::default()
        };
        assert_eq!(
            entries(&[doc])["excerpt"][0],
            "Subvention FIR Une aide financière"
        );
    }
}
