//! Full-text search: the index stage of the pipeline.
//!
//! The generator hands over one [`SearchDoc`] per page section; [`build_index`] returns the
//! content of `search-index.js`: an index made with elasticlunr-rs and a French pipeline of our
//! own (`language`), encoded compactly (`compact`), plus the few fields result snippets need. The
//! browser loads that file as a classic script (so search works from `file://`), only once the
//! visitor starts to search, and queries it with elasticlunr.js and `static/search-core.js`,
//! which run the same French pipeline on the query.

mod compact;
mod entries;
mod excerpt;
mod fold;
mod language;
mod stopwords;
mod tokenize;

use elasticlunr::IndexBuilder;
use serde_json::{json, Value};

pub use fold::fold;
pub use language::{analyze, PortailFrench};

/// Name of the file [`build_index`] produces, at the root of the output folder.
pub const INDEX_FILE: &str = "search-index.js";

/// Global variable `search-index.js` assigns, read by `static/search-core.js`.
pub const INDEX_GLOBAL: &str = "PORTAIL_SEARCH_INDEX";

/// Version of the payload layout, checked by the client.
const FORMAT: u32 = 1;

/// Indexed fields and their query-time boosts: a word in a title weighs more than the same word
/// in a lever's structured fields or an acronym expansion, which weigh more than body text.
const FIELDS: [(&str, u32); 3] = [("title", 6), ("keywords", 3), ("body", 1)];

/// One searchable entry: a page, or one section of a page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchDoc {
    /// Relative to the site root, to a file, with `#anchor` for a section:
    /// `leviers/fir/index.html#calendrier`.
    pub url: String,
    /// Shown as the result's title: the page title, or "Page — Section".
    pub title: String,
    /// The lever or site section the entry belongs to: "Levier · Subvention FIR", "Glossaire".
    pub section: String,
    /// Plain text, markup already stripped.
    pub body: String,
    /// Extra weighted text: lever structured fields, acronyms, glossary expansions.
    pub keywords: String,
}

/// Builds the content of `search-index.js` for `docs`.
///
/// The output is deterministic: the same documents in the same order give the same bytes.
pub fn build_index(docs: &[SearchDoc]) -> String {
    let mut index = IndexBuilder::with_language(Box::new(PortailFrench))
        .save_docs(false)
        .add_fields(FIELDS.iter().map(|(name, _)| name))
        .set_ref("id")
        .build();
    for (position, doc) in docs.iter().enumerate() {
        // Short numeric references: each is repeated in every posting of the doc.
        index.add_doc(
            &position.to_string(),
            [&doc.title, &doc.keywords, &doc.body],
        );
    }

    // Both steps work on a structure this function just built, never on content: an
    // elasticlunr index has only string keys, and its serialization has the shape the encoder
    // reads (the unit tests of `compact` pin it).
    let index = serde_json::to_value(&index).expect("elasticlunr index serializes to JSON");
    let index = compact::encode_index(&index).expect("elasticlunr-rs 3 serialization shape");

    let boosts: serde_json::Map<String, Value> = FIELDS
        .iter()
        .map(|(name, boost)| ((*name).to_string(), Value::from(*boost)))
        .collect();
    let payload = json!({
        "format": FORMAT,
        "boosts": boosts,
        "docs": entries::entries(docs),
        "index": index,
    });
    format!(
        "/* Index de recherche du portail, généré par `portail build` : ne pas modifier. */\n\
         window.{INDEX_GLOBAL} = {payload};\n"
    )
}

#[cfg(test)]
mod tests {
    use super::{build_index, SearchDoc};

    fn doc(url: &str, title: &str, body: &str) -> SearchDoc {
        SearchDoc {
            url: url.into(),
            title: title.into(),
            section: "Leviers".into(),
            body: body.into(),
            keywords: String::new(),
        }
    }

    #[test]
    fn output_is_a_script_assigning_the_global() {
        let js = build_index(&[doc("leviers/fir/index.html", "FIR", "Le fonds")]);
        assert!(js.contains("window.PORTAIL_SEARCH_INDEX = {"));
        assert!(js.ends_with("};\n"));
    }

    #[test]
    fn same_docs_give_same_bytes() {
        let docs = [
            doc("a/index.html", "Évaluation", "l'évaluation des projets"),
            doc(
                "b/index.html#x",
                "CPOM",
                "contrat pluriannuel d'objectifs et de moyens",
            ),
        ];
        assert_eq!(build_index(&docs), build_index(&docs));
    }

    #[test]
    fn empty_site_gives_a_loadable_index() {
        let js = build_index(&[]);
        assert!(js.contains(r#""url":[]"#));
    }

    #[test]
    fn stores_folded_stems_and_the_pipeline_names() {
        let js = build_index(&[doc("a/index.html", "Évaluation", "d’intérêt")]);
        assert!(
            js.contains(r#""pipeline":["portail-fr-fold","portail-fr-stop","portail-fr-stem"]"#)
        );
        // Stems, folded: no accent, no elided article.
        assert!(js.contains(r#""title":{"postings":"0","words":"evalu"}"#));
        assert!(js.contains(r#""body":{"postings":"0","words":"interet"}"#));
    }

    #[test]
    fn markup_in_text_stays_inside_json_strings() {
        let js = build_index(&[doc("a/index.html", "</script><b>\"", "x")]);
        assert!(js.contains(r#""title":["</script><b>\""]"#));
    }
}
