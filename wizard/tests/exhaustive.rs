//! Every reachable combination of answers, evaluated: none panics, each
//! completes, each keeps at least one lever that fits, every lever explains
//! itself with rule ids, and closed calls never show as open.

mod common;

use std::collections::HashSet;
use wizard::{evaluate, evaluate_on, Answers, Status};

#[test]
fn every_path_yields_a_lever_with_reasons() {
    let (rules, facts) = common::rules();
    let paths = wizard::enumerate(&rules, &facts);
    assert!(paths.len() > 1000, "only {} paths", paths.len());
    let rule_ids: HashSet<String> = rules
        .model()
        .levers
        .iter()
        .flat_map(|l| l.rules.iter().chain([&l.otherwise]).map(|r| r.id.clone()))
        .collect();
    for (answers, outcome) in &paths {
        let f = answers.to_fragment();
        assert!(outcome.complete, "{f}: not complete");
        assert!(outcome.next.is_none(), "{f}: still asks");
        assert_eq!(outcome.fragment, f, "answers were not kept as given");
        assert_eq!(outcome.levers.len(), facts.levers.len(), "{f}");
        assert!(
            outcome
                .levers
                .iter()
                .any(|l| l.status != Status::NeCorrespondPas),
            "{f}: no lever fits"
        );
        assert!(outcome.contact.is_some(), "{f}: no regional contact");
        for lever in &outcome.levers {
            assert!(
                !lever.reasons.is_empty() || !lever.conditions.is_empty(),
                "{f}: {} has no reason",
                lever.slug
            );
            if lever.status == Status::PeutCorrespondre {
                assert!(
                    !lever.conditions.is_empty(),
                    "{f}: {} « si » without condition",
                    lever.slug
                );
            }
            for reason in lever.reasons.iter().chain(&lever.conditions) {
                assert!(
                    rule_ids.contains(&reason.rule),
                    "{f}: unknown rule {}",
                    reason.rule
                );
                assert!(!reason.text.is_empty());
                assert!(
                    reason.source.starts_with("Source : ")
                        || reason.source.starts_with("Lecture du portail"),
                    "{f}: {} without a source",
                    reason.rule
                );
            }
            assert!(
                lever.url.ends_with(".html"),
                "{f}: {} url {}",
                lever.slug,
                lever.url
            );
        }
        // Ranked: best first.
        assert!(
            outcome
                .levers
                .windows(2)
                .all(|w| w[0].status <= w[1].status),
            "{f}: not ranked"
        );
        if matches!(answers.get("besoin"), Some("vendre" | "acheter")) {
            let purchase = outcome
                .purchase
                .as_ref()
                .expect("a purchase gets a procedure");
            assert!(!purchase.lines.is_empty(), "{f}: no procedure");
        } else {
            assert!(
                outcome.purchase.is_none(),
                "{f}: procedure without a purchase"
            );
        }
        // « Question n sur N » never promised fewer questions than were asked.
        assert_eq!(outcome.position, outcome.steps.len(), "{f}");
        assert_eq!(outcome.total, outcome.steps.len(), "{f}");
    }
}

#[test]
fn every_prefix_of_a_path_asks_the_next_question_of_that_path() {
    let (rules, facts) = common::rules();
    for (answers, _) in wizard::enumerate(&rules, &facts).iter().step_by(97) {
        let pairs: Vec<(&str, &str)> = answers.iter().collect();
        for cut in 0..pairs.len() {
            let mut prefix = Answers::new();
            for (k, v) in &pairs[..cut] {
                prefix.set(k, v);
            }
            let outcome = evaluate(&rules, &facts, &prefix);
            assert!(!outcome.complete);
            let next = outcome.next.expect("a question is asked");
            assert_eq!(
                next.question,
                pairs[cut].0,
                "after {}",
                prefix.to_fragment()
            );
            assert!(outcome.levers.is_empty(), "results shown before the end");
            // « Question 2 sur 5 »: the count is where the visitor is, out of
            // at least as many questions as this path will ask.
            assert_eq!(outcome.position, cut + 1);
            assert!(
                outcome.total >= pairs.len() && outcome.total <= rules.model().questions.len(),
                "after {}: total {} for a path of {}",
                prefix.to_fragment(),
                outcome.total,
                pairs.len()
            );
        }
    }
}

#[test]
fn closed_calls_are_never_offered_even_after_the_build_date() {
    let (rules, facts) = common::rules();
    let answers = Answers::from_fragment("porteur=ville&besoin=deroger&public=patients&region=idf");
    let on_build = evaluate(&rules, &facts, &answers);
    let art51 = on_build
        .levers
        .iter()
        .find(|l| l.slug == "article-51")
        .unwrap();
    let offered: Vec<&str> = art51.calls.iter().map(|c| c.slug.as_str()).collect();
    // 2021-09-01: the 2021 call is open, the 2019 IPEP call is closed.
    assert_eq!(offered, ["centres-sante-participatifs"]);
    // The same site opened in 2022: its deadline (2021-10-15) has passed.
    let later = evaluate_on(&rules, &facts, &answers, "2022-01-10");
    let art51 = later
        .levers
        .iter()
        .find(|l| l.slug == "article-51")
        .unwrap();
    assert!(art51.calls.is_empty());
}

#[test]
fn only_calls_open_in_the_chosen_region_or_nationally_are_offered() {
    let (rules, facts) = common::rules();
    let calls = |region: &str| -> Vec<String> {
        let fragment =
            format!("porteur=association&besoin=subvention&public=patients&region={region}");
        let outcome = evaluate(&rules, &facts, &Answers::from_fragment(&fragment));
        assert!(outcome.complete, "{fragment}");
        let appels = outcome
            .levers
            .iter()
            .find(|l| l.slug == "appels-a-projets")
            .unwrap();
        appels.calls.iter().map(|c| c.slug.clone()).collect()
    };
    // The national call is offered everywhere; the Bourgogne-Franche-Comté
    // call only there.
    assert_eq!(
        calls("bfc"),
        ["centres-sante-participatifs", "appel-test-bfc"]
    );
    assert_eq!(calls("idf"), ["centres-sante-participatifs"]);
    assert_eq!(calls("ocean-indien"), ["centres-sante-participatifs"]);
}

#[test]
fn changing_an_earlier_answer_drops_answers_that_no_longer_apply() {
    let (rules, facts) = common::rules();
    let sale = Answers::from_fragment(
        "porteur=startup&besoin=vendre&montant=60000&maturite=pret&region=bretagne",
    );
    assert!(evaluate(&rules, &facts, &sale).complete);
    let mut changed = sale.clone();
    changed.set("besoin", "subvention");
    let outcome = evaluate(&rules, &facts, &changed);
    assert!(
        !outcome.fragment.contains("montant"),
        "{}",
        outcome.fragment
    );
    assert!(outcome.purchase.is_none());
    // Later answers still valid are kept: only the new question is asked.
    assert_eq!(outcome.next.map(|q| q.question).as_deref(), Some("public"));
}

#[test]
fn malformed_answers_are_asked_again() {
    let (rules, facts) = common::rules();
    for bad in [
        "porteur=hopital",
        "porteur=startup&besoin=vendre&montant=-5",
        "porteur=startup&besoin=vendre&montant=6e4",
        "porteur=ville&besoin=financer",
    ] {
        let outcome = evaluate(&rules, &facts, &Answers::from_fragment(bad));
        assert!(!outcome.complete, "{bad}");
        assert!(outcome.next.is_some(), "{bad}");
    }
}
