//! Every rule rests on a passage of the documents the portal is written from:
//! each quote is found, word for word, in the seed it cites. The seeds are not
//! in the repository: they are read from `../shared/seeds` next to it, and this
//! test fails (it does not skip) when they cannot be read.

mod common;

use std::path::PathBuf;
use wizard::{RuleSource, Rules, Status};

fn seeds_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/seeds")
}

/// Whitespace collapsed, Markdown emphasis and escapes dropped: the quote is
/// what a reader sees in the document.
fn normalise(text: &str) -> String {
    let text = text.replace("**", "").replace('\\', "");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn cited(rules: &Rules) -> Vec<(String, RuleSource)> {
    let model = rules.model();
    let mut out = Vec::new();
    for lever in &model.levers {
        for rule in lever.rules.iter().chain([&lever.otherwise]) {
            out.push((rule.id.clone(), rule.source.clone()));
        }
    }
    for p in &model.procedures {
        out.push((p.id.clone(), p.source.clone()));
    }
    out
}

#[test]
fn every_quote_is_found_in_the_seed_it_cites() {
    let (rules, _) = common::rules();
    let dir = seeds_dir();
    let mut checked = 0;
    let mut missing = Vec::new();
    for (id, source) in cited(&rules) {
        assert!(
            !source.seed.is_empty() || source.reading.is_some(),
            "{id}: neither a seed nor the portal's own reading"
        );
        let Some(quote) = &source.quote else {
            continue;
        };
        let seed = rules
            .model()
            .seeds
            .iter()
            .find(|s| s.id == source.seed)
            .unwrap_or_else(|| panic!("{id}: unknown seed {}", source.seed));
        let path = dir.join(&seed.file);
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "{id}: the seed {} cannot be read ({e}); the seeds are expected in ../shared/seeds next to the repository",
                path.display()
            )
        });
        if !normalise(&text).contains(&normalise(quote)) {
            missing.push(format!("{id}: « {quote} » is not in {}", seed.file));
        }
        checked += 1;
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
    assert!(checked >= 40, "only {checked} quotes checked");
}

#[test]
fn the_reader_sees_the_source_of_each_reason() {
    let (rules, facts) = common::rules();
    let outcome = wizard::evaluate(
        &rules,
        &facts,
        &wizard::Answers::from_fragment(
            "porteur=startup&besoin=subvention&public=patients&region=bretagne",
        ),
    );
    let fir = outcome.levers.iter().find(|l| l.slug == "fir").unwrap();
    assert_eq!(fir.status, Status::PeutCorrespondre);
    assert_eq!(
        fir.conditions[0].source,
        "Source : Guide pratique APIST, juillet 2020, p.\u{A0}13 : «\u{A0}Via l'acteur à même de recevoir le FIR ou contacts ARS\u{A0}»"
    );
}

fn errors_of(source: &str) -> Vec<wizard::RuleError> {
    match Rules::parse(source, &common::facts()) {
        Ok(_) => panic!("the broken rules were accepted"),
        Err(errors) => errors,
    }
}

#[test]
fn a_quote_from_an_unknown_seed_or_without_a_source_is_an_error() {
    let source = common::rules_source();
    // The rule's line, not the example in the file's header comment.
    let cited = "\n  source = { seed = \"001\", page = 13, quote = \"Via l'acteur";
    let broken = source.replacen(cited, &cited.replace("001", "011"), 1);
    let errors = errors_of(&broken);
    let e = errors
        .iter()
        .find(|e| e.message == "document source inconnu « 011 »")
        .unwrap_or_else(|| panic!("{errors:#?}"));
    let line = broken[..broken.find("seed = \"011\"").unwrap()]
        .lines()
        .count();
    assert_eq!(e.line, line);
    assert!(e.hint.as_deref().unwrap().contains("« 001 »"));

    let start = source.find(cited).unwrap() + 1;
    let end = start + source[start..].find('\n').unwrap() + 1;
    let unsourced = format!("{}{}", &source[..start], &source[end..]);
    let errors = errors_of(&unsourced);
    assert!(
        errors
            .iter()
            .any(|e| e.message == "« fir-entreprise » n'indique pas sa source"),
        "{errors:#?}"
    );
}
