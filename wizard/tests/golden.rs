//! Golden file of personas drawn from the APIST guide's examples. Each block
//! of `tests/golden/personas.txt` starts with `## title` and a `#fragment`
//! line; the rest is the engine's result rendered as text, which was
//! reviewed by hand against the guide. The test re-renders every block and
//! fails on any difference. After a deliberate change of the rules, run
//! `UPDATE_GOLDEN=1 cargo test -p wizard --test golden` and review the diff.

mod common;

use wizard::{evaluate, Answers, Outcome, Status};

const GOLDEN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/personas.txt");

fn render(outcome: &Outcome) -> String {
    let mut out = String::new();
    out.push_str("Réponses :\n");
    for step in &outcome.steps {
        let answer = step.answer_label.as_deref().unwrap_or("?");
        out.push_str(&format!("  {} → {}\n", step.text, answer));
    }
    if let Some(next) = &outcome.next {
        out.push_str(&format!(
            "INCOMPLET, question suivante : {}\n",
            next.question
        ));
    }
    for status in Status::ALL {
        let levers: Vec<_> = outcome
            .levers
            .iter()
            .filter(|l| l.status == status)
            .collect();
        if levers.is_empty() {
            continue;
        }
        out.push_str(&format!("{}\n", status.label()));
        for lever in levers {
            out.push_str(&format!("  - {} ({})\n", lever.short_title, lever.url));
            for r in &lever.reasons {
                out.push_str(&format!("      car [{}] {}\n", r.rule, r.text));
            }
            for r in &lever.conditions {
                out.push_str(&format!("      si [{}] {}\n", r.rule, r.text));
            }
            for call in &lever.calls {
                let deadline = call.deadline_text.as_deref().unwrap_or("sans date limite");
                out.push_str(&format!(
                    "      appel ouvert : {} (jusqu'au {})\n",
                    call.title, deadline
                ));
            }
        }
    }
    if let Some(p) = &outcome.purchase {
        out.push_str(&format!("Procédure pour {} HT :\n", p.amount_text));
        for line in &p.lines {
            out.push_str(&format!("  [{}] {}\n", line.rule, line.text));
            for t in &line.thresholds {
                let state = if t.in_force {
                    "en vigueur"
                } else {
                    "PÉRIODE ÉCHUE"
                };
                out.push_str(&format!(
                    "      seuil {} : {} ({})\n",
                    t.amount_text, t.period, state
                ));
            }
        }
    }
    if let Some(c) = &outcome.contact {
        out.push_str(&format!(
            "Contact : {} — {} — {}\n",
            c.name, c.article51_email, c.url
        ));
    }
    // Narrow and ordinary no-break spaces read as spaces in the file.
    out.replace(['\u{202F}', '\u{A0}'], " ")
}

/// (title, fragment) of each block, in order.
fn personas(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        if let Some(title) = line.strip_prefix("## ") {
            let fragment = lines.next().and_then(|l| l.strip_prefix('#')).unwrap_or("");
            out.push((title.to_string(), fragment.to_string()));
        }
    }
    out
}

#[test]
fn personas_match_the_reviewed_golden_file() {
    let (rules, facts) = common::rules();
    let golden = std::fs::read_to_string(GOLDEN).expect("golden file");
    let personas = personas(&golden);
    assert!(personas.len() >= 12, "only {} personas", personas.len());
    let header: String = golden
        .lines()
        .take_while(|l| !l.starts_with("## "))
        .map(|l| format!("{l}\n"))
        .collect();
    let mut rendered = header;
    for (title, fragment) in &personas {
        let outcome = evaluate(&rules, &facts, &Answers::from_fragment(fragment));
        assert!(
            outcome.complete,
            "persona « {title} » is incomplete: {fragment}"
        );
        rendered.push_str(&format!("## {title}\n#{fragment}\n{}\n", render(&outcome)));
    }
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(GOLDEN, &rendered).expect("write golden");
        return;
    }
    if rendered != golden {
        let first = rendered
            .lines()
            .zip(golden.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(0);
        panic!(
            "results changed (first difference at line {}):\n  attendu : {}\n  obtenu  : {}\nrerun with UPDATE_GOLDEN=1 after checking the change",
            first + 1,
            golden.lines().nth(first).unwrap_or(""),
            rendered.lines().nth(first).unwrap_or("")
        );
    }
}
