//! One fixture site per class of content error: `portail check` must exit 1 and print exactly
//! the reviewed diagnostics of `expected.txt` (file:line:column, message, excerpt, hint).

mod common;

use common::{copy_dir, portail, repo};
use std::path::{Path, PathBuf};
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
        cases.len() >= 50,
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

/// Words of clap's English output that must never reach the editor.
const ENGLISH: [&str; 12] = [
    "Usage",
    "error:",
    "tip:",
    "Print",
    "For more information",
    "[default",
    "Possible values",
    "possible values",
    "Commands",
    "unexpected",
    "invalid ",
    "found",
];

fn run_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let o = portail(dir, args);
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn assert_french(text: &str) {
    for word in ENGLISH {
        assert!(!text.contains(word), "« {word} » en anglais dans :\n{text}");
    }
}

#[test]
fn help_is_french_for_the_program_every_command_and_the_help_word() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (code, out, _) = run_in(tmp.path(), &["--help"]);
    assert_eq!(code, 0);
    assert_french(&out);
    assert!(
        out.contains("Utilisation : portail COMMANDE [OPTIONS]"),
        "{out}"
    );
    for line in [
        "  build  Construit le site",
        "  check  Vérifie tout le contenu",
        "  serve  Construit et sert le site en local",
        "  new    Crée un nouveau fichier",
        "  -h, --help            Affiche cette aide",
    ] {
        assert!(out.contains(line), "{line} :\n{out}");
    }
    assert!(
        !out.contains("  help "),
        "no English help subcommand listed:\n{out}"
    );
    for (args, usage) in [
        (
            vec!["build", "--help"],
            "portail build [--output DOSSIER] [--date AAAA-MM-JJ]",
        ),
        (vec!["check", "-h"], "portail check [--date AAAA-MM-JJ]"),
        (
            vec!["help", "serve"],
            "portail serve [--port N] [--bind ADRESSE] [--date AAAA-MM-JJ]",
        ),
        (
            vec!["aide", "new"],
            "portail new update NOM | portail new lever NOM",
        ),
    ] {
        let (code, out, err) = run_in(tmp.path(), &args);
        assert_eq!(code, 0, "{args:?}: {err}");
        assert_french(&out);
        assert!(
            out.contains(&format!("Utilisation : {usage}\n")),
            "{args:?}:\n{out}"
        );
    }
    let (_, out, _) = run_in(tmp.path(), &["serve", "--help"]);
    assert!(
        out.contains("par défaut 1111") && out.contains("par défaut 127.0.0.1"),
        "{out}"
    );
    let (code, out, _) = run_in(tmp.path(), &["--version"]);
    assert_eq!(
        (code, out.trim()),
        (0, concat!("portail ", env!("CARGO_PKG_VERSION")))
    );
}

#[test]
fn usage_errors_are_french_with_the_fix_and_exit_2() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let cases: [(&[&str], &str); 9] = [
        (
            &["build", "--frob"],
            "erreur : option inconnue « --frob »\n\nUtilisation : portail build [--output DOSSIER] [--date AAAA-MM-JJ]\nPour en savoir plus : portail build --help\n",
        ),
        (
            &["biuld"],
            "erreur : commande inconnue « biuld »\n  aide : vouliez-vous dire « build » ?\n\nUtilisation : portail COMMANDE [OPTIONS]\nPour en savoir plus : portail --help\n",
        ),
        (
            &["build", "--date", "2021-13-01"],
            "erreur : valeur « 2021-13-01 » refusée pour --date <AAAA-MM-JJ> : date impossible « 2021-13-01 » : ce mois n'existe pas\n",
        ),
        (
            &["check", "--date", "20/11/2026"],
            "erreur : valeur « 20/11/2026 » refusée pour --date <AAAA-MM-JJ> : date invalide « 20/11/2026 »",
        ),
        (
            &["serve", "--port", "abc"],
            "erreur : valeur « abc » refusée pour --port <N> : un port est un nombre entre 0 et 65535, par exemple 1111\n",
        ),
        (
            &["serve", "--bind", "localhost"],
            "erreur : valeur « localhost » refusée pour --bind <ADRESSE> : une adresse IP est attendue",
        ),
        (
            &["new", "truc", "x"],
            "erreur : valeur « truc » impossible pour <TYPE>\n  aide : valeurs possibles : lever, update\n",
        ),
        (
            &["new", "update"],
            "erreur : il manque : NOM\n\nUtilisation : portail new update NOM | portail new lever NOM\n",
        ),
        (
            &["check", "en-trop"],
            "erreur : argument en trop « en-trop »\n\nUtilisation : portail check [--date AAAA-MM-JJ]\n",
        ),
    ];
    for (args, expected) in cases {
        let (code, out, err) = run_in(tmp.path(), args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(out.is_empty(), "{args:?}: {out}");
        assert!(
            err.starts_with(expected),
            "{args:?}:\n--- attendu\n{expected}\n--- obtenu\n{err}"
        );
        assert_french(&err);
    }
    // No command at all: the French help, on standard error, exit 2.
    let (code, _, err) = run_in(tmp.path(), &[]);
    assert_eq!(code, 2);
    assert!(
        err.contains("Utilisation : portail COMMANDE [OPTIONS]"),
        "{err}"
    );
    assert_french(&err);
    // French names of the kinds are accepted too.
    let root = tmp.path().join("site");
    std::fs::create_dir_all(root.join("content")).expect("mkdir");
    let (code, _, err) = run_in(&root, &["new", "actualite", "mon-appel"]);
    assert_eq!(code, 0, "{err}");
    assert!(root.join("content/actualites/mon-appel.md").exists());
}

/// A copy of the portal's own site, to add files to.
fn real_site(tmp: &Path) -> PathBuf {
    let root = tmp.join("site");
    for dir in ["content", "templates", "static"] {
        copy_dir(&repo().join(dir), &root.join(dir));
    }
    std::fs::copy(repo().join("portail.toml"), root.join("portail.toml")).expect("copy config");
    root
}

/// Replaces the header lines of `path` that start with each prefix (`title =`) by the given
/// line, and the body's placeholder paragraph by a real one.
fn fill(path: &Path, lines: &[(&str, &str)]) {
    let text = std::fs::read_to_string(path).expect("read");
    let mut out = String::new();
    let mut body = false;
    let mut fences = 0;
    for line in text.lines() {
        if line == "+++" {
            fences += 1;
            body = fences == 2;
            out.push_str(line);
            out.push('\n');
            continue;
        }
        if body {
            // The body's placeholder paragraph becomes a real one.
            if !line.starts_with("À compléter") && !line.starts_with("avec quelles") {
                out.push_str(line);
                out.push('\n');
            }
            continue;
        }
        let replaced = lines
            .iter()
            .find(|(start, _)| line.starts_with(start))
            .map(|(_, new)| *new);
        out.push_str(replaced.unwrap_or(line));
        out.push('\n');
    }
    out.push_str("Texte rédigé par l'ARS.\n");
    std::fs::write(path, out).expect("write");
}

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn an_untouched_update_scaffold_is_refused_field_by_field_then_passes_once_filled() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = real_site(tmp.path());
    let o = portail(&root, &["new", "update", "mon-appel"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = portail(&root, &["check", "--date", "2026-11-22"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    let file = "content/actualites/mon-appel.md";
    for field in [
        "champ « title » à compléter",
        "champ « description » à compléter",
        "champ « deadline » à compléter",
        "champ « levers » à compléter",
        "champ « regions » à compléter",
        "champ « organiser » à compléter",
        "champ « document » du bloc [[sources]] à compléter",
        "champ « date » du bloc [[sources]] à compléter",
        "texte de la page à compléter",
    ] {
        assert!(
            err.contains(&format!(": erreur : {field}\n")),
            "{field} absent :\n{err}"
        );
    }
    // Each error points at its own line of the new file, and nothing else is reported.
    assert_eq!(err.matches(&format!("{file}:")).count(), 9, "{err}");
    assert!(err.contains("portail : 9 erreurs"), "{err}");
    assert!(!err.contains("date invalide"), "{err}");

    fill(
        &root.join(file),
        &[
            ("title =", "title = \"Appel à projets santé mentale\""),
            (
                "description =",
                "description = \"L'ARS Bretagne finance des projets.\"",
            ),
            ("deadline =", "deadline = 2027-01-15"),
            ("levers =", "levers = [\"fir\"]"),
            ("regions =", "regions = [\"bretagne\"]"),
            ("organiser =", "organiser = \"ARS Bretagne\""),
            ("document =", "document = \"Cahier des charges de l'appel\""),
            ("date = \"À", "date = \"novembre 2026\""),
        ],
    );
    let o = portail(&root, &["check", "--date", "2026-11-22"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn an_untouched_lever_scaffold_is_refused_field_by_field() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = real_site(tmp.path());
    let o = portail(&root, &["new", "lever", "mon-levier"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = portail(&root, &["check", "--date", "2026-11-22"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    for field in [
        "title",
        "description",
        "audiences",
        "objective",
        "duration",
        "contact",
        "applicants",
        "funds",
    ] {
        assert!(
            err.contains(&format!(": erreur : champ « {field} » à compléter\n")),
            "{field} absent :\n{err}"
        );
    }
    for field in ["document", "date", "pages"] {
        assert!(
            err.contains(&format!(
                "champ « {field} » du bloc [[sources]] à compléter"
            )),
            "{err}"
        );
    }
    assert!(err.contains("texte de la page à compléter"), "{err}");
    // The wizard rules do not echo a lever that is not written yet.
    assert!(!err.contains("assistant.toml"), "{err}");

    fill(
        &root.join("content/leviers/mon-levier.md"),
        &[
            ("title =", "title = \"Mon levier\""),
            ("description =", "description = \"Un levier.\""),
            ("audiences =", "audiences = [\"operateur\"]"),
            ("objective =", "objective = \"Financer.\""),
            ("duration =", "duration = \"Un an.\""),
            ("contact =", "contact = \"L'ARS.\""),
            ("applicants =", "applicants = [\"Établissements\"]"),
            ("funds =", "funds = [\"Des projets\"]"),
            ("document =", "document = \"Guide pratique APIST\""),
            ("date = \"À", "date = \"juillet 2020\""),
            ("pages =", "pages = \"6\""),
        ],
    );
    // Filled, the only thing left is to give the lever its wizard rules, and check says where.
    let o = portail(&root, &["check", "--date", "2026-11-22"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert_eq!(err.matches(": erreur : ").count(), 1, "{err}");
    assert!(
        err.contains("content/data/assistant.toml:") && err.contains("mon-levier"),
        "{err}"
    );
    let again = portail(&root, &["new", "update", "mon-appel"]);
    assert_eq!(again.status.code(), Some(0));
    let again = portail(&root, &["new", "update", "mon-appel"]);
    assert_eq!(
        again.status.code(),
        Some(2),
        "must not overwrite an existing file"
    );
    let bad = portail(&root, &["new", "update", "Mon Appel"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn a_byte_order_mark_is_accepted_silently_in_pages_data_and_config() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = real_site(tmp.path());
    for rel in [
        "content/leviers/fir.md",
        "content/data/glossaire.toml",
        "content/data/contacts.toml",
        "portail.toml",
    ] {
        let path = root.join(rel);
        let text = std::fs::read_to_string(&path).expect("read");
        std::fs::write(&path, format!("\u{feff}{text}")).expect("write");
    }
    let o = portail(&root, &["check", "--date", "2026-11-22"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(!stderr(&o).contains(": erreur"), "{}", stderr(&o));
}

#[test]
fn the_editors_guide_table_quotes_real_messages_and_the_readme_links_it() {
    let guide = std::fs::read_to_string(repo().join("docs/guide-redacteur.md"))
        .expect("guide du rédacteur");
    let expected: Vec<String> = std::fs::read_dir(repo().join("tests/fixtures/errors"))
        .expect("fixtures")
        .map(|e| {
            std::fs::read_to_string(e.expect("entry").path().join("expected.txt"))
                .expect("expected.txt")
        })
        .collect();
    let rows: Vec<&str> = guide
        .lines()
        .filter(|l| {
            l.starts_with("| ")
                && l.split('|')
                    .nth(1)
                    .is_some_and(|n| n.trim().parse::<u32>().is_ok())
        })
        .collect();
    assert!(
        rows.len() >= 20,
        "au moins 20 erreurs fréquentes : {}",
        rows.len()
    );
    for row in rows {
        let message = row
            .split(" | ")
            .nth(2)
            .expect("message column")
            .replace("\\|", "|");
        assert!(
            expected
                .iter()
                .any(|e| e.contains(&format!(": erreur : {message}\n"))),
            "message du guide absent des fixtures : {message}"
        );
    }
    let readme = std::fs::read_to_string(repo().join("README.md")).expect("README");
    assert!(readme.contains("(docs/guide-redacteur.md)"));
    assert!(!readme.contains("opened by `portail serve`"));
}

/// Anchors are checked on the pages as built: a lever block the template leaves out (FIR has
/// no thresholds) is refused, one it adds (dated values) is accepted, and a site's own template
/// decides what exists.
#[test]
fn anchors_are_those_of_the_built_page_whatever_the_templates() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = real_site(tmp.path());
    let home = root.join("content/_index.md");
    let text = std::fs::read_to_string(&home).expect("read");
    let line = text.lines().count() + 2;
    std::fs::write(
        &home,
        format!("{text}\nVoir [les seuils du FIR](leviers/fir.md#fiche-seuils).\n"),
    )
    .expect("write");
    let (code, _, err) = run_in(&root, &["check", "--date", common::DATE]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(&format!(
            "content/_index.md:{line}:6: erreur : lien vers une ancre inexistante « #fiche-seuils »"
        )),
        "{err}"
    );

    std::fs::write(
        &home,
        format!("{text}\nVoir [les valeurs datées](leviers/fir.md#fiche-valeurs-datees).\n"),
    )
    .expect("write");
    let (code, _, err) = run_in(&root, &["check", "--date", common::DATE]);
    assert_eq!(code, 0, "{err}");

    // The site's own lever template without that block: the same link is now broken.
    let fiche = root.join("templates/lever-fiche.html");
    let template = std::fs::read_to_string(&fiche).expect("template");
    std::fs::write(&fiche, template.replace("fiche-valeurs-datees", "valeurs")).expect("write");
    let (code, _, err) = run_in(&root, &["check", "--date", common::DATE]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("« #fiche-valeurs-datees »"), "{err}");
}

/// An invalid address is reported at its field, even when the same text stands earlier in a
/// comment (positions come from the TOML parser, not from searching the text).
#[test]
fn an_invalid_email_points_at_its_field_not_at_a_comment() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = real_site(tmp.path());
    let path = root.join("content/data/contacts.toml");
    let text = std::fs::read_to_string(&path).expect("read");
    let bad = "ipep@sante.gouv.f";
    let text = format!(
        "# À corriger plus tard : {bad}\n{}",
        text.replacen(
            "email = \"ipep@sante.gouv.fr\"",
            &format!("email = \"{bad}\""),
            1
        )
    );
    let line = text
        .lines()
        .position(|l| l.starts_with("email = ") && l.contains(bad))
        .expect("field")
        + 1;
    std::fs::write(&path, text).expect("write");
    let (code, _, err) = run_in(&root, &["check", "--date", common::DATE]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(&format!(
            "content/data/contacts.toml:{line}:10: erreur : adresse e-mail invalide « {bad} »"
        )),
        "{err}"
    );
}

/// The message and hint of the first diagnostic of `file` whose message contains `needle`, in
/// what `portail check` printed.
fn reported<'a>(stderr: &'a str, file: &str, needle: &str) -> (&'a str, String) {
    let block = stderr
        .split("\n\n")
        .find(|b| {
            b.starts_with(&format!("{file}:"))
                && b.lines().next().is_some_and(|l| l.contains(needle))
        })
        .unwrap_or_else(|| panic!("{file} : « {needle} » absent de :\n{stderr}"));
    let message = block
        .lines()
        .next()
        .and_then(|l| l.split_once(": erreur : "))
        .map_or("", |(_, m)| m);
    let hint = block
        .split_once("  aide : ")
        .map_or(String::new(), |(_, h)| h.to_owned());
    (message, hint)
}

/// A page and the wizard's rules are read with the same words: the same misspelt field gets the
/// same suggestion, and a value of the wrong sort the same message and corrected line.
#[test]
fn the_wizard_rules_and_a_page_report_the_same_mistake_the_same_way() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = real_site(tmp.path());
    let edit = |rel: &str, edits: &[(&str, &str)]| {
        let path = root.join(rel);
        let mut text = std::fs::read_to_string(&path).expect("read");
        for (from, to) in edits {
            let start = text
                .find(from)
                .unwrap_or_else(|| panic!("« {from} » absent de {rel}"));
            let end = start + text[start..].find('\n').expect("line end");
            text.replace_range(start..end, to);
        }
        std::fs::write(&path, text).expect("write");
    };
    edit(
        "content/a-propos.md",
        &[
            ("title = ", "titel = \"À propos\""),
            ("description = ", "description = 3"),
        ],
    );
    edit(
        "content/data/assistant.toml",
        &[
            (
                "title = \"Guide pratique APIST",
                "titel = \"Guide pratique APIST\"",
            ),
            ("  text = \"Les établissements", "  text = 3"),
        ],
    );
    let (code, _, err) = run_in(&root, &["check", "--date", common::DATE]);
    assert_eq!(code, 1, "{err}");
    let page = "content/a-propos.md";
    let rules = "content/data/assistant.toml";

    let (_, page_hint) = reported(&err, page, "champ inconnu « titel »");
    let (_, rules_hint) = reported(&err, rules, "champ inconnu « titel »");
    assert!(
        page_hint.starts_with("vouliez-vous dire « title » ? Champs acceptés : title, description"),
        "{page_hint}"
    );
    assert!(
        rules_hint.starts_with("vouliez-vous dire « title » ? Champs acceptés : id, file, title"),
        "{rules_hint}"
    );

    let (page_message, page_hint) = reported(&err, page, "« description »");
    let (rules_message, rules_hint) = reported(&err, rules, "« text »");
    assert_eq!(
        page_message,
        "champ « description » : il faut un texte, pas un nombre entier"
    );
    assert_eq!(
        rules_message,
        "champ « text » de la règle : il faut un texte, pas un nombre entier"
    );
    let fix = "un texte s'écrit entre guillemets droits ; corrigez ainsi :\n         ";
    assert_eq!(page_hint.trim_end(), format!("{fix}description = \"3\""));
    assert_eq!(rules_hint.trim_end(), format!("{fix}text = \"3\""));
}
