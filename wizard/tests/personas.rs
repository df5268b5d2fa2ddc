//! The persona table (`tests/personas.toml`), written from the seeds by an
//! independent reviewer who did not read the rules: each persona's answers go
//! through the native engine, and every lever's verdict must be the one the
//! guide gives. Where the guide does not settle a case (`ambiguous = true`),
//! the result must say so (« à confirmer avec l'ARS »). Each quoted passage is
//! checked against its seed in `../shared/seeds`.

mod common;

use std::collections::BTreeMap;
use std::path::PathBuf;
use wizard::{evaluate, Answers, Status};

const TABLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/personas.toml");

fn table() -> Vec<toml::Table> {
    let text = std::fs::read_to_string(TABLE).expect("tests/personas.toml");
    let value: toml::Table = toml::from_str(&text).expect("valid persona table");
    value["persona"]
        .as_array()
        .expect("[[persona]]")
        .iter()
        .map(|p| p.as_table().expect("a persona is a table").clone())
        .collect()
}

fn status(verdict: &str) -> Status {
    match verdict {
        "correspond" => Status::Correspond,
        "peut-correspondre" => Status::PeutCorrespondre,
        "ne-correspond-pas" => Status::NeCorrespondPas,
        other => panic!("unknown verdict {other}"),
    }
}

/// The persona's answers as a URL fragment, in question order.
fn fragment(rules: &wizard::Rules, answers: &toml::Table) -> String {
    let mut out = Answers::new();
    for q in &rules.model().questions {
        match answers.get(&q.id) {
            Some(toml::Value::String(s)) => out.set(&q.id, s),
            Some(toml::Value::Integer(n)) => out.set(&q.id, &n.to_string()),
            Some(other) => panic!("answer {other} to {}", q.id),
            None => {}
        }
    }
    out.to_fragment()
}

#[test]
fn every_persona_gets_the_verdicts_the_guide_gives() {
    let (rules, facts) = common::rules();
    let personas = table();
    assert!(personas.len() >= 45, "only {} personas", personas.len());
    let mut wrong = Vec::new();
    let mut compared = 0;
    for p in &personas {
        let id = p["id"].as_str().unwrap();
        let fragment = fragment(&rules, p["answers"].as_table().unwrap());
        let outcome = evaluate(&rules, &facts, &Answers::from_fragment(&fragment));
        assert!(outcome.complete, "{id}: incomplete ({fragment})");
        let expected = p["expected"].as_table().unwrap();
        assert_eq!(
            expected.len(),
            facts.levers.len(),
            "{id}: a lever is missing"
        );
        for (slug, e) in expected {
            let lever = outcome
                .levers
                .iter()
                .find(|l| &l.slug == slug)
                .unwrap_or_else(|| panic!("{id}: unknown lever {slug}"));
            let want = status(e["verdict"].as_str().unwrap());
            compared += 1;
            if lever.status != want {
                wrong.push(format!(
                    "{id} [{fragment}] {slug}: attendu {}, obtenu {}",
                    want.id(),
                    lever.status.id()
                ));
            }
            let ambiguous = e.get("ambiguous").and_then(|a| a.as_bool()) == Some(true);
            if ambiguous && lever.status != Status::NeCorrespondPas && !lever.to_confirm {
                wrong.push(format!(
                    "{id} [{fragment}] {slug}: le guide ne tranche pas, le résultat doit dire « à confirmer avec l'ARS »"
                ));
            }
        }
        if let Some(list) = p.get("procedures").and_then(|v| v.as_array()) {
            let want: Vec<&str> = list.iter().map(|v| v.as_str().unwrap()).collect();
            let purchase = outcome.purchase.as_ref().expect("a purchase");
            let got: Vec<&str> = purchase.lines.iter().map(|l| l.rule.as_str()).collect();
            if got != want {
                wrong.push(format!(
                    "{id} [{fragment}] procédures : attendu {want:?}, obtenu {got:?}"
                ));
            }
            if p.get("procedure_ambiguous").and_then(|a| a.as_bool()) == Some(true)
                && !purchase.to_confirm
            {
                wrong.push(format!(
                    "{id}: le montant tombe sur un seuil que le guide et le code lisent différemment : « à confirmer »"
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} écart(s) sur {compared} verdicts :\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn the_table_covers_every_porteur_and_the_main_needs() {
    let (rules, _) = common::rules();
    let personas = table();
    let mut by_porteur: BTreeMap<String, usize> = BTreeMap::new();
    let mut besoins: BTreeMap<String, usize> = BTreeMap::new();
    for p in &personas {
        let a = p["answers"].as_table().unwrap();
        *by_porteur
            .entry(a["porteur"].as_str().unwrap().into())
            .or_default() += 1;
        *besoins
            .entry(a["besoin"].as_str().unwrap().into())
            .or_default() += 1;
    }
    let model = rules.model();
    for q in ["porteur", "besoin"] {
        let question = &model.questions[model.question_index(q).unwrap()];
        for answer in &question.answers {
            let seen = if q == "porteur" {
                &by_porteur
            } else {
                &besoins
            };
            assert!(
                seen.contains_key(&answer.id),
                "no persona answers {q} = {}",
                answer.id
            );
        }
    }
}

#[test]
fn every_persona_quote_is_in_its_seed() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/seeds");
    let norm = |t: &str| {
        t.replace("**", "")
            .replace('\\', "")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut seeds: BTreeMap<String, String> = BTreeMap::new();
    for entry in std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("seeds folder {} unreadable: {e}", dir.display()))
    {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        seeds.insert(name[..3].to_string(), norm(&text));
    }
    assert!(seeds.contains_key("001"), "the APIST guide is missing");
    let mut missing = Vec::new();
    for p in table() {
        let id = p["id"].as_str().unwrap().to_string();
        let mut quotes = Vec::new();
        for (slug, e) in p["expected"].as_table().unwrap() {
            quotes.push((slug.clone(), e.get("seed"), e.get("quote")));
        }
        quotes.push((
            "procedure".into(),
            p.get("procedure_seed"),
            p.get("procedure_quote"),
        ));
        for (what, seed, quote) in quotes {
            let (Some(seed), Some(quote)) = (seed, quote) else {
                continue;
            };
            let seed = seed.as_str().unwrap();
            let text = seeds
                .get(seed)
                .unwrap_or_else(|| panic!("{id} {what}: unknown seed {seed}"));
            if !text.contains(&norm(quote.as_str().unwrap())) {
                missing.push(format!("{id} {what}: {}", quote.as_str().unwrap()));
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}
