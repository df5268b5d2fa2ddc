//! The shared fixture through the Rust pipeline. `tests/js/french_pipeline.test.mjs` runs the
//! same file through the browser pipeline: together they prove both sides index and query alike.

use portail::search::analyze;
use serde_json::Value;

fn fixture_cases() -> Vec<(String, String, Vec<String>)> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/french_tokens.json"
    );
    let text = std::fs::read_to_string(path).expect("fixture is readable");
    let fixture: Value = serde_json::from_str(&text).expect("fixture is JSON");
    let cases = fixture["cases"]
        .as_array()
        .expect("fixture has a cases array");
    cases
        .iter()
        .map(|case| {
            let field = |name: &str| case[name].as_str().expect("case fields are strings");
            let tokens = case["tokens"]
                .as_array()
                .expect("tokens is an array")
                .iter()
                .map(|t| t.as_str().expect("tokens are strings").to_string())
                .collect();
            (
                field("group").to_string(),
                field("input").to_string(),
                tokens,
            )
        })
        .collect()
}

#[test]
fn every_fixture_case_gives_its_tokens() {
    let failures: Vec<String> = fixture_cases()
        .into_iter()
        .filter_map(|(group, input, expected)| {
            let actual = analyze(&input);
            (actual != expected)
                .then(|| format!("[{group}] {input:?}: expected {expected:?}, got {actual:?}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn fixture_covers_what_the_issue_lists() {
    let cases = fixture_cases();
    let hand_written = cases.iter().filter(|c| c.0 != "stemmer-sample").count();
    assert!(hand_written >= 40, "only {hand_written} hand-written cases");
    for group in [
        "accents",
        "case",
        "elision",
        "numbers",
        "acronyms",
        "stopwords",
        "hyphens",
        "plurals",
    ] {
        assert!(cases.iter().any(|c| c.0 == group), "no {group} case");
    }
    for input in [
        "Article 51",
        "LFSS 2018",
        "l'évaluation",
        "d'intérêt",
        "d’intérêt",
        "ÉTABLISSEMENT",
        "CPOM",
        "e-santé",
        "médico-social",
    ] {
        assert!(cases.iter().any(|c| c.1 == input), "no case for {input:?}");
    }
}

#[test]
fn queries_without_accents_or_in_capitals_match_the_text() {
    for (query, text) in [
        ("evaluation", "évaluation"),
        ("ETABLISSEMENT", "établissement"),
        ("innovation", "l'innovation"),
        ("interet", "d’intérêt"),
        ("51", "Article 51"),
        ("2018", "LFSS 2018"),
        ("40000", "40 000 €"),
    ] {
        let wanted = analyze(query);
        let indexed = analyze(text);
        assert!(!wanted.is_empty(), "{query:?} lost all its tokens");
        assert!(
            wanted.iter().all(|t| indexed.contains(t)),
            "{query:?} {wanted:?} does not find {text:?} {indexed:?}"
        );
    }
}
