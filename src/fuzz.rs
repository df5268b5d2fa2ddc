//! Property tests that throw arbitrary and hostile text at every stage that reads content:
//! front matter, Markdown (with sanitising and typography), the search text pipeline and the
//! index writer. The property: nothing panics, overflows or runs away, and what comes out is
//! still safe. `PROPTEST_CASES=N cargo test --release --lib fuzz` runs them longer (see README).

use crate::markdown::{self, Abbr, TextSection};
use crate::render::PageText;
use proptest::prelude::*;

/// Pieces editors and attackers write, glued at random: the generator then explores their
/// combinations rather than only random bytes.
fn markdownish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("+++".to_owned()),
        Just("\n".to_owned()),
        Just("# ".to_owned()),
        Just("## Titre {#id .c onclick=x}".to_owned()),
        Just("> ".to_owned()),
        Just("- ".to_owned()),
        Just("1. ".to_owned()),
        Just("| a | b |\n|---|:-:|\n| c | d |".to_owned()),
        Just("[lien](../a.md#b)".to_owned()),
        Just("[x](javascript:alert(1))".to_owned()),
        Just("<javascript:alert(1)>".to_owned()),
        Just("![i](data:image/png,x)".to_owned()),
        Just("<script>alert(1)</script>".to_owned()),
        Just("<img src=x onerror=alert(1)>".to_owned()),
        Just("<div class=\"note\">".to_owned()),
        Just("</div>".to_owned()),
        Just("`code`".to_owned()),
        Just("```\nbloc\n```".to_owned()),
        Just("*".to_owned()),
        Just("_".to_owned()),
        Just("[^1]".to_owned()),
        Just("[^1]: note".to_owned()),
        Just("« cité »".to_owned()),
        Just(" : ; ! ? ".to_owned()),
        Just("139 000 €".to_owned()),
        Just("FIR".to_owned()),
        Just("l'innovation d’intérêt".to_owned()),
        Just("\u{0}\u{7}\u{202F}\u{FEFF}".to_owned()),
        "[a-zé ]{1,12}",
        "\\PC{0,20}",
        "[a]{35,45}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn front_matter() -> impl Strategy<Value = String> {
    let field = prop_oneof![
        Just("title = \"Titre\"\n".to_owned()),
        Just("title = 'l'ARS'\n".to_owned()),
        Just("title = “courbe”\n".to_owned()),
        Just("titre: \"x\"\n".to_owned()),
        Just("date = 2026-11-20\n".to_owned()),
        Just("date = 20/11/2026\n".to_owned()),
        Just("date = \"2021-07\"\n".to_owned()),
        Just("deadline = 2021\n".to_owned()),
        Just("levers = [fir, cpom]\n".to_owned()),
        Just("levers = [\"fir\"]\n".to_owned()),
        Just("kind = \"appel\"\n".to_owned()),
        Just("[[sources]]\n".to_owned()),
        Just("document = \"Guide\"\n".to_owned()),
        Just("url = \"javascript:x\"\n".to_owned()),
        Just("[[thresholds]]\namount = 40000\n".to_owned()),
        Just("\"\"\"\n".to_owned()),
        Just("= = =\n".to_owned()),
        "[a-z_]{1,8} = \"\\PC{0,10}\"\n",
        "\\PC{0,30}\n",
    ];
    (
        prop::collection::vec(field, 0..12),
        prop::bool::ANY,
        markdownish(),
    )
        .prop_map(|(fields, closed, body)| {
            let close = if closed { "+++\n" } else { "" };
            format!("+++\n{}{close}{body}", fields.concat())
        })
}

fn keep(_: &str) -> Option<String> {
    None
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    /// Any file under content/, in any section: a page or diagnostics, never a panic; every
    /// diagnostic points inside the file.
    #[test]
    fn front_matter_never_panics(text in front_matter(), section in prop_oneof![
        Just(""), Just("leviers/"), Just("actualites/")
    ]) {
        let rel = format!("{section}page.md");
        if let Err(diags) = crate::load::load_page(&rel, format!("content/{rel}"), text.clone()) {
            let lines = text.lines().count().max(1);
            for d in diags {
                prop_assert!(d.line <= lines + 1, "{d} for {text:?}");
                let _ = d.to_string();
            }
        }
    }

    /// Markdown renders, sanitised, typeset, with no script left and bounded output.
    #[test]
    fn markdown_is_inert(text in markdownish()) {
        let abbrs = [Abbr { acronym: "FIR", expansion: "Fonds d'intervention régional" }];
        let r = markdown::render(&text, &keep, &abbrs);
        let _ = markdown::links(&text);
        let html = crate::typography::html(&r.html).to_ascii_lowercase();
        // Inside tags only: escaped text may well say « onerror= ».
        for tag in html.split('<').skip(1).map(|t| t.split('>').next().unwrap_or("")) {
            // Attribute names only: quoted values are text (an aria-label may say « onclick=x »).
            let names: String = tag.split('"').step_by(2).collect();
            let handler = names
                .split_whitespace()
                .any(|a| a.starts_with("on") && a.contains('='));
            let bad = tag.starts_with("script")
                || handler
                || names.contains("style=")
                || ["href", "src", "action"].iter().any(|a| {
                    tag.contains(&format!(" {a}=\"javascript:")) || tag.contains(&format!(" {a}=\"data:"))
                });
            prop_assert!(!bad, "<{tag}> from {text:?}");
        }
        prop_assert!(r.html.len() < 64 * text.len() + 1024);
    }

    /// The search pipeline and the index writer take any text, including 40 000-letter
    /// words, and write an index.
    #[test]
    fn index_writer_takes_any_text(texts in prop::collection::vec(markdownish(), 1..6), long in 0usize..50_000) {
        let mut pages: Vec<PageText> = texts.iter().enumerate().map(|(i, t)| PageText {
            output: format!("p{i}/index.html"),
            title: t.chars().take(30).collect(),
            label: "Section".into(),
            sections: vec![TextSection { anchor: Some("a".into()), heading: Some(t.clone()), text: t.clone() }],
            keywords: t.clone(),
        }).collect();
        pages[0].sections[0].text.push_str(&"x".repeat(long));
        let synonyms = [crate::search::Synonym {
            acronym: "FIR".into(),
            expansion: "fonds d'intervention régional".into(),
        }];
        let files = crate::search::build(&crate::index::pages(pages.clone()), &synonyms, None);
        prop_assert!(files.iter().any(|f| !f.bytes.is_empty()));
    }
}
