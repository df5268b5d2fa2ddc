//! Public procurement: buyers and sellers get the procedure the amount implies,
//! with boundaries taken from the lever page's thresholds (one source), on the
//! side of each threshold the guide gives: MAPA up to 139 000 € included,
//! publicity above 90 000 €.

mod common;

use wizard::{evaluate, Answers, Facts};

/// The `[[thresholds]]` of the lever page, as the site gives them to the wizard.
/// A date as written in TOML, `2019` or `"2020-07"`, as the site passes it on.
fn date(v: &toml::Value) -> String {
    v.as_str().map_or_else(|| v.to_string(), str::to_owned)
}

/// Amount, boundary side, and the dates (as of, from, until, review) of each threshold.
type PageThreshold = (u64, bool, [Option<String>; 4]);

fn lever_page_thresholds() -> Vec<PageThreshold> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../content/leviers/achats-innovants.md"
    );
    let text = std::fs::read_to_string(path).expect("the achats-innovants lever page");
    let front = text
        .strip_prefix("+++\n")
        .and_then(|t| t.split_once("\n+++\n"))
        .expect("TOML front matter")
        .0;
    let value: toml::Table = toml::from_str(front).expect("valid front matter");
    value["thresholds"]
        .as_array()
        .expect("[[thresholds]]")
        .iter()
        .map(|t| {
            (
                t["amount"].as_integer().unwrap() as u64,
                t["boundary"].as_str().unwrap() == "inclus",
                ["as_of", "applies_from", "applies_until", "review"].map(|k| t.get(k).map(date)),
            )
        })
        .collect()
}

fn procedures(amount: u64, besoin: &str, porteur: &str) -> Vec<String> {
    let (rules, facts) = common::rules();
    let fragment = format!(
        "porteur={porteur}&besoin={besoin}&public=patients&montant={amount}&region=bretagne"
    );
    let outcome = evaluate(&rules, &facts, &Answers::from_fragment(&fragment));
    assert!(outcome.complete, "{fragment}");
    outcome
        .purchase
        .expect("a purchase gets a procedure")
        .lines
        .into_iter()
        .map(|l| l.rule)
        .collect()
}

#[test]
fn the_test_facts_hold_the_lever_page_thresholds() {
    let facts: Facts = common::facts();
    let page = lever_page_thresholds();
    assert_eq!(page.len(), facts.thresholds.len());
    for (amount, included, [as_of, from, until, review]) in page {
        let fact = facts.threshold(amount).expect("threshold in the facts");
        assert_eq!(fact.up_to_included, included, "{amount}");
        assert_eq!(Some(&fact.as_of), as_of.as_ref(), "{amount}");
        assert_eq!(fact.applies_from, from, "{amount}");
        assert_eq!(fact.applies_until, until, "{amount}");
        assert_eq!(Some(&fact.review), review.as_ref(), "{amount}");
    }
}

#[test]
fn each_threshold_amount_falls_on_the_side_the_lever_page_gives() {
    for (amount, included, _) in lever_page_thresholds() {
        let at = procedures(amount, "vendre", "startup");
        let below = procedures(amount - 1, "vendre", "startup");
        let above = procedures(amount + 1, "vendre", "startup");
        if included {
            assert_eq!(at, below, "{amount} € is in the bracket below it");
            assert_ne!(at, above, "{amount} € is a boundary");
        } else {
            assert_eq!(at, above, "{amount} € is in the bracket above it");
            assert_ne!(at, below, "{amount} € is a boundary");
        }
    }
}

#[test]
fn the_guide_boundaries_as_a_buyer_reads_them() {
    // « Procédure adaptée (MAPA) si montant ≤ 139 000 € ».
    assert!(procedures(139_000, "acheter", "etablissement-sante").contains(&"achat-mapa".into()));
    assert!(procedures(139_001, "acheter", "groupement").contains(&"achat-formalise".into()));
    // « Pour des procédures > à 90 000 €, un avis de marché doit être publié ».
    assert!(!procedures(90_000, "acheter", "collectivite").contains(&"achat-publicite".into()));
    assert!(procedures(90_001, "acheter", "collectivite").contains(&"achat-publicite".into()));
    assert_eq!(procedures(39_999, "acheter", "ehpad"), ["achat-gre-a-gre"]);
    // Buyer and seller read the same procedure for the same amount.
    for amount in [0, 40_000, 60_000, 95_000, 120_000, 500_000] {
        assert_eq!(
            procedures(amount, "acheter", "groupement"),
            procedures(amount, "vendre", "pme"),
            "{amount}"
        );
    }
}

#[test]
fn the_amounts_are_written_as_the_guide_writes_them() {
    let (rules, _) = common::rules();
    let ranges: Vec<String> = rules
        .model()
        .procedures
        .iter()
        .map(|p| p.range.replace(['\u{202F}', '\u{A0}'], " "))
        .collect();
    assert!(ranges.contains(&"De 40 000 € à 139 000 € HT inclus".to_string()));
    assert!(ranges.contains(&"Au-delà de 90 000 € HT".to_string()));
    assert!(ranges.contains(&"Au-delà de 139 000 € HT".to_string()));
    for r in &ranges {
        assert!(
            !r.contains("partir de 139") && !r.contains("partir de 90"),
            "{r}"
        );
    }
    // No procedure text states an amount of its own: the bounds are the page's.
    for p in &rules.model().procedures {
        assert!(!p.text.contains("000"), "{}: {}", p.id, p.text);
    }
}

#[test]
fn the_expired_experiment_is_told_as_history() {
    let (rules, facts) = common::rules();
    let outcome = wizard::evaluate_on(
        &rules,
        &facts,
        &Answers::from_fragment(
            "porteur=groupement&besoin=acheter&public=patients&montant=60000&region=bretagne",
        ),
        "2026-11-22",
    );
    let purchase = outcome.purchase.unwrap();
    let line = purchase
        .lines
        .iter()
        .find(|l| l.rule == "achat-innovant")
        .unwrap();
    assert!(line.text.starts_with("de 2019 à 2021"), "{}", line.text);
    assert!(line.text.contains("vérifiez"), "{}", line.text);
    let note = &line
        .thresholds
        .iter()
        .find(|t| t.amount == 100_000)
        .unwrap();
    assert!(!note.in_force);
    assert_eq!(note.period, "de 2019 à 2021");
    // A value the guide gives without a period is dated by the guide, and to be checked once
    // its review date has passed.
    let mapa = purchase
        .lines
        .iter()
        .flat_map(|l| &l.thresholds)
        .find(|t| t.amount == 40_000)
        .unwrap();
    assert_eq!(mapa.period, "valeur de juillet 2020");
    assert!(
        !mapa.in_force,
        "reviewed in July 2021, shown in 2026 as to be checked"
    );
}
