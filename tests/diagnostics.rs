//! One fixture site per class of content error: `portail check` must exit 1 and print exactly
//! the reviewed diagnostics of `expected.txt` (file:line:column, message, excerpt, hint).

use std::path::Path;
use std::process::Command;

fn check(root: &Path) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_portail"))
        .current_dir(root)
        .args(["check", "--date", "2026-01-01"])
        .output()
        .expect("run portail");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn every_error_fixture_gives_its_reviewed_diagnostics() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/errors");
    let mut cases: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .collect();
    cases.sort();
    assert!(
        cases.len() >= 15,
        "expected one fixture per error class, found {}",
        cases.len()
    );
    let mut failures = Vec::new();
    for case in &cases {
        let expected = std::fs::read_to_string(case.join("expected.txt")).expect("expected.txt");
        let (code, stderr) = check(case);
        if code != 1 || stderr != expected {
            failures.push(format!(
                "== {} (exit {code})\n--- attendu\n{expected}--- obtenu\n{stderr}",
                case.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn all_errors_of_a_run_are_listed_not_only_the_first() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let content = tmp.path().join("content");
    std::fs::create_dir_all(content.join("actualites")).expect("mkdir");
    std::fs::write(
        content.join("_index.md"),
        "+++\ntitle = \"A\"\n[[sources]]\ndocument = \"Source de test\"\ndate = \"2021\"\n+++\n[x](absent.md)\n",
    )
    .expect("write");
    std::fs::write(content.join("page.md"), "+++\ntitel = \"B\"\n+++\n").expect("write");
    std::fs::write(content.join("actualites/x.md"), "+++\ntitle = \"C\"\n").expect("write");
    let (code, stderr) = check(tmp.path());
    assert_eq!(code, 1);
    assert!(stderr.contains("content/_index.md:7:1: erreur : lien vers une page ou un fichier inexistant « absent.md »"), "{stderr}");
    assert!(
        stderr.contains("content/page.md:2:1: erreur : champ inconnu « titel »"),
        "{stderr}"
    );
    assert!(
        stderr
            .contains("content/actualites/x.md:1:1: erreur : l'en-tête de la page n'est pas fermé"),
        "{stderr}"
    );
    assert!(stderr.contains("3 erreurs"), "{stderr}");
}

#[test]
fn usage_errors_exit_2() {
    let out = Command::new(env!("CARGO_BIN_EXE_portail"))
        .args(["build", "--date", "2021-13-01"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let out = Command::new(env!("CARGO_BIN_EXE_portail"))
        .args(["frobnicate"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
}
