//! Property tests of the engine: any URL fragment (a shared link edited by hand, a truncated
//! copy, an attacker's) gives an outcome, and any edit of the rules file gives rules or
//! diagnostics, never a panic. `PROPTEST_CASES=N` runs them longer (see README).

mod common;

use proptest::prelude::*;
use wizard::{evaluate, Answers, Rules};

fn fragment() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        Just("porteur"),
        Just("besoin"),
        Just("public"),
        Just("montant"),
        Just("maturite"),
        Just("region"),
        Just("inconnu"),
        Just(""),
    ];
    let value = prop_oneof![
        Just("startup".to_owned()),
        Just("etablissement-sante".to_owned()),
        Just("financeur".to_owned()),
        Just("acheter".to_owned()),
        Just("vendre".to_owned()),
        Just("codevelopper".to_owned()),
        Just("deroger".to_owned()),
        Just("bfc".to_owned()),
        Just("ocean-indien".to_owned()),
        Just("99999999999999999999".to_owned()),
        Just("-1".to_owned()),
        Just("%00%ff%".to_owned()),
        "[0-9]{1,16}",
        "\\PC{0,12}",
    ];
    prop::collection::vec(
        (
            key,
            value,
            prop_oneof![Just("&"), Just("&&"), Just("#"), Just("=")],
        ),
        0..10,
    )
    .prop_map(|v| {
        v.into_iter()
            .map(|(k, v, sep)| format!("{k}={v}{sep}"))
            .collect()
    })
}

/// A random edit of the real rules file: a stretch deleted, repeated or replaced.
fn edit() -> impl Strategy<Value = (usize, usize, String)> {
    (
        0usize..100_000,
        0usize..400,
        prop_oneof![
            Just(String::new()),
            Just("\"".to_owned()),
            Just("[[levers.rules]]\n".to_owned()),
            Just("when = { porteur = [\"x\"] }\n".to_owned()),
            Just("montant = { from = 99999999999999999999 }".to_owned()),
            "\\PC{0,40}",
        ],
    )
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_fragment_gives_an_outcome(fragment in fragment()) {
        let (rules, facts) = common::rules();
        let answers = Answers::from_fragment(&fragment);
        let outcome = evaluate(&rules, &facts, &answers);
        let again = evaluate(&rules, &facts, &Answers::from_fragment(&answers.to_fragment()));
        prop_assert_eq!(outcome.complete, again.complete);
    }

    #[test]
    fn any_edit_of_the_rules_gives_rules_or_diagnostics((at, len, insert) in edit()) {
        let source = common::rules_source();
        let mut start = at % source.len();
        while !source.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = (start + len).min(source.len());
        while !source.is_char_boundary(end) {
            end -= 1;
        }
        let edited = format!("{}{insert}{}", &source[..start], &source[end..]);
        if let Err(errors) = Rules::parse(&edited, &common::facts()) {
            prop_assert!(!errors.is_empty());
            for e in errors {
                prop_assert!(e.line <= edited.lines().count() + 1, "{e:?}");
            }
        }
    }
}
