//! Shared by the integration tests: the real rules file and a snapshot of
//! the site's facts (tests/fixtures/facts.toml).

#![allow(dead_code)]

use wizard::{Facts, Rules};

pub const RULES_PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../content/data/assistant.toml"
);

pub fn rules_source() -> String {
    std::fs::read_to_string(RULES_PATH).expect("content/data/assistant.toml is readable")
}

pub fn facts() -> Facts {
    let text = include_str!("../fixtures/facts.toml");
    toml::from_str(text).expect("tests/fixtures/facts.toml is valid")
}

pub fn rules() -> (Rules, Facts) {
    let facts = facts();
    match Rules::parse(&rules_source(), &facts) {
        Ok(rules) => (rules, facts),
        Err(errors) => {
            for e in &errors {
                eprintln!("assistant.toml:{e}");
            }
            panic!("{} error(s) in the rules file", errors.len());
        }
    }
}
