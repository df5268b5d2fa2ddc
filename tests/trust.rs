//! Content a reader can trust (issue 11): every fact sourced, dates as precise as their source,
//! status badges only on calls, time-bound values reported when past review, French typography
//! on the built pages, and no sentence copied from the seed documents.

mod common;
use common::*;
use portail::date::{Date, Precision};
use portail::model::{Site, UpdateKind};
use std::path::{Path, PathBuf};

fn site_at(date: &str) -> Site {
    let today = Date::parse_day(date).expect("date");
    let (site, diags) =
        portail::load::load(&repo(), today).unwrap_or_else(|d| panic!("{:?}", d.into_sorted()));
    assert!(diags.is_empty(), "{:?}", diags.into_sorted());
    site
}

/// The seeds live beside the clone (`../shared/seeds`); CI provides them. Missing seeds fail
/// the test: it must never pass by having nothing to compare.
fn seeds() -> Vec<(String, String)> {
    let dir = repo().join("../shared/seeds");
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("seeds missing at {}: {e}", dir.display()))
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            let name = p.file_name().expect("name").to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).expect("seed text"))
        })
        .collect();
    out.sort();
    assert_eq!(
        out.len(),
        5,
        "expected the five seed documents in {}",
        dir.display()
    );
    out
}

#[test]
fn every_page_glossary_term_and_contact_names_a_usable_source() {
    let site = site_at(DATE);
    for p in &site.pages {
        assert!(!p.meta.sources.is_empty(), "{}: no source", p.display);
        for s in &p.meta.sources {
            assert!(s.incomplete().is_none(), "{}: {:?}", p.display, s);
        }
    }
    for t in &site.glossary.data.terms {
        let s = t
            .source
            .as_ref()
            .unwrap_or_else(|| panic!("{}: no source", t.acronym));
        assert!(s.incomplete().is_none(), "{}", t.acronym);
    }
    for a in &site.contacts.data.ars {
        assert!(a.source.is_some(), "{}: no source", a.name);
    }
    for n in &site.contacts.data.national {
        assert!(n.source.is_some(), "{}: no source", n.name);
    }
}

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, text).expect("write");
}

#[test]
fn check_refuses_a_page_or_a_data_entry_without_source_at_file_line_column() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path();
    write(
        root,
        "content/_index.md",
        "+++\ntitle = \"Accueil\"\n+++\nTexte.\n",
    );
    write(
        root,
        "content/data/glossaire.toml",
        "[[terms]]\nacronym = \"FIR\"\nexpansion = \"Fonds d'intervention régional\"\n",
    );
    let o = portail(root, &["check", "--date", DATE]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("content/_index.md:2:1: erreur : page sans source"),
        "{stderr}"
    );
    assert!(
        stderr.contains("content/data/glossaire.toml:2:11: erreur : sigle « FIR » sans source"),
        "{stderr}"
    );
}

use wizard::text::MONTHS;

/// The ways the seeds write a given day: `30 septembre 2019`, `1er janvier 2020`,
/// `05 JUILLET 2019`, `30/09/2019`, `31 12  2021`.
fn day_in_seeds(d: Date, seeds: &str) -> bool {
    let month = MONTHS[d.month as usize - 1];
    let forms = [
        format!("{} {month} {}", d.day, d.year),
        format!("{:02} {month} {}", d.day, d.year),
        format!("{}er {month} {}", d.day, d.year),
        format!("{:02}/{:02}/{}", d.day, d.month, d.year),
        format!("{:02} {:02} {}", d.day, d.month, d.year),
    ];
    forms.iter().any(|f| seeds.contains(f.as_str()))
}

#[test]
fn no_day_is_given_that_the_sources_do_not_give() {
    let site = site_at(DATE);
    let seeds: String = seeds()
        .into_iter()
        .map(|(_, t)| t.to_lowercase())
        .collect::<Vec<_>>()
        .join("\n")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let mut dated: Vec<(String, Date)> = Vec::new();
    for (p, u) in site.updates() {
        dated.push((format!("{} date", p.display), u.date));
        dated.extend(u.deadline.map(|d| (format!("{} deadline", p.display), d)));
    }
    for (p, l) in site.levers() {
        for t in &l.thresholds {
            for d in [Some(t.as_of), t.applies_from, t.applies_until]
                .into_iter()
                .flatten()
            {
                dated.push((format!("{} threshold {}", p.display, t.amount), d));
            }
        }
        for f in &l.facts {
            for d in [Some(f.as_of), f.applies_from, f.applies_until]
                .into_iter()
                .flatten()
            {
                dated.push((format!("{} fact « {} »", p.display, f.text), d));
            }
        }
    }
    for a in &site.contacts.data.ars {
        for r in &a.referents {
            dated.push((format!("referent {}", r.name), r.date));
        }
    }
    let days: Vec<_> = dated
        .iter()
        .filter(|(_, d)| d.precision == Precision::Day)
        .collect();
    assert!(days.len() >= 5, "the seeds do give some days: {days:?}");
    let invented: Vec<String> = days
        .iter()
        .filter(|(_, d)| !day_in_seeds(*d, &seeds))
        .map(|(who, d)| format!("{who}: {d}"))
        .collect();
    assert!(
        invented.is_empty(),
        "days no seed gives:\n{}",
        invented.join("\n")
    );
    // Where the source gives only a month, the content says only the month.
    let participatifs = site
        .updates()
        .find(|(p, _)| p.slug == "centres-sante-participatifs")
        .expect("participatifs");
    assert_eq!(participatifs.1.date.to_string(), "2021-07");
}

fn built(date: &str) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("public");
    let o = portail(
        &repo(),
        &[
            "build",
            "--date",
            date,
            "--output",
            out.to_str().expect("utf-8 path"),
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    (tmp, out)
}

fn read(out: &Path, rel: &str) -> String {
    std::fs::read_to_string(out.join(rel))
        .unwrap_or_else(|e| panic!("{rel}: {e}"))
        .replace("&#39;", "'")
}

#[test]
fn only_calls_carry_a_status_and_closed_calls_read_in_the_past() {
    let site = site_at(DATE);
    let (_tmp, out) = built(DATE);
    let kinds: Vec<UpdateKind> = site.updates().map(|(_, u)| u.kind).collect();
    assert!(kinds.contains(&UpdateKind::Appel) && kinds.iter().any(|k| *k != UpdateKind::Appel));
    for (p, u) in site.updates() {
        let html = read(&out, &p.output);
        let badge = html.contains("class=\"status status-");
        assert_eq!(badge, u.kind == UpdateKind::Appel, "{}: badge", p.display);
        if u.kind != UpdateKind::Appel {
            assert!(
                !html.to_lowercase().contains("sans date limite"),
                "{}",
                p.display
            );
            assert!(!html.contains("Appel ouvert") && !html.contains("Appel clos"));
        } else if let Some(d) = u.deadline {
            assert!(
                d.last_day() < site.today,
                "all the seeds' calls are closed by {DATE}"
            );
            assert!(
                html.contains("il était ouvert"),
                "{}: past tense",
                p.display
            );
        }
    }
    let list = read(&out, "actualites/index.html");
    assert_eq!(
        list.matches("class=\"status status-").count(),
        kinds.iter().filter(|k| **k == UpdateKind::Appel).count()
    );
    let home = read(&out, "index.html");
    assert!(home.contains("Aucun appel n"), "home says no call is open");
    assert!(
        home.contains("id=\"archives\""),
        "home shows the archive as such"
    );
}

#[test]
fn a_month_deadline_is_open_until_the_last_day_of_that_month() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path();
    let src = "[[sources]]\ndocument = \"Source de test\"\ndate = \"2021\"\n";
    write(
        root,
        "content/_index.md",
        &format!("+++\ntitle = \"Accueil\"\n{src}+++\n"),
    );
    write(
        root,
        "content/leviers/fir.md",
        &format!(
            "+++\ntitle = \"FIR\"\nshort_title = \"FIR\"\ndescription = \"d\"\naudiences = [\"operateur\"]\nobjective = \"o\"\nduration = \"d\"\ncontact = \"c\"\napplicants = [\"a\"]\ncriteria = []\nfunds = [\"f\"]\n{src}+++\n"
        ),
    );
    write(
        root,
        "content/actualites/appel.md",
        &format!(
            "+++\ntitle = \"Un appel\"\ndescription = \"d\"\nkind = \"appel\"\ndate = \"2021-07\"\ndeadline = \"2021-10\"\nlevers = [\"fir\"]\nregions = [\"national\"]\n{src}+++\n"
        ),
    );
    for (date, state) in [("2021-10-31", "ouvert"), ("2021-11-01", "clos")] {
        let out = root.join(format!("out-{date}"));
        let o = portail(
            root,
            &[
                "build",
                "--date",
                date,
                "--output",
                out.to_str().expect("path"),
            ],
        );
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let html = read(&out, "actualites/appel/index.html");
        assert!(html.contains(&format!("status-{state}")), "{date}: {html}");
        assert!(html.contains("fin\u{A0}octobre 2021") || html.contains("fin octobre 2021"));
        assert!(html.contains("Document de juillet 2021"), "{html}");
    }
}

#[test]
fn check_lists_values_past_their_review_date_as_warnings_and_exits_0() {
    let site = site_at(DATE);
    let due: usize = site
        .levers()
        .map(|(_, l)| {
            l.thresholds
                .iter()
                .filter(|t| t.review.last_day() < site.today)
                .count()
                + l.facts
                    .iter()
                    .filter(|f| f.review.last_day() < site.today)
                    .count()
        })
        .sum();
    assert!(
        due >= 4,
        "the guide's 2020 thresholds are past review in {DATE}"
    );
    let o = portail(&repo(), &["check", "--date", DATE]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{stderr}");
    assert_eq!(
        stderr.matches(": avertissement : ").count(),
        due,
        "{stderr}"
    );
    assert!(
        stderr.contains("content/leviers/achats-innovants.md:")
            && stderr.contains("seuil de 139000 € : valeur de juillet 2020"),
        "{stderr}"
    );
    // Before any review date, nothing to report.
    let o = portail(&repo(), &["check", "--date", "2020-08-01"]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("avertissement"), "{stderr}");
    // The page says it too.
    let (_tmp, out) = built(DATE);
    let page = read(&out, "leviers/achats-innovants/index.html");
    assert!(
        page.contains("Valeur de juillet 2020, à vérifier"),
        "page flags the value"
    );
}

#[test]
fn built_pages_are_set_in_french_typography() {
    let (_tmp, out) = built(DATE);
    let achats = read(&out, "leviers/achats-innovants/index.html");
    // Thresholds of the guide: narrow space in the number, no-break space before €.
    assert!(achats.contains("139\u{202F}000\u{A0}€"), "139 000 €");
    assert!(
        achats.contains("«\u{202F}achats innovants\u{202F}»"),
        "guillemets"
    );
    let conditions = read(&out, "conditions-de-succes/index.html");
    assert!(conditions.contains("Quel est le bon interlocuteur à l'ARS\u{202F}?"));
    // Never inside attributes, URLs or addresses.
    assert!(!achats.contains("https\u{202F}:") && !achats.contains("http\u{202F}:"));
    let contacts = read(&out, "contacts/index.html");
    assert!(contacts.contains("href=\"mailto:ARS-OI-ART51@ars.sante.fr\""));
    let body = &contacts[contacts.find("<main").expect("main")..];
    for line in body.lines() {
        let text_only = !line.contains('<');
        if text_only {
            assert!(!line.contains(" :"), "plain space before a colon: {line}");
        }
    }
}

#[test]
fn glossary_has_a_letter_index_and_the_plan_files_levers_by_common_name() {
    let (_tmp, out) = built(DATE);
    let glossary = read(&out, "glossaire/index.html");
    for letter in ["a", "c", "f", "u"] {
        assert!(
            glossary.contains(&format!("href=\"#lettre-{letter}\"")),
            "{letter}"
        );
        assert!(
            glossary.contains(&format!("id=\"lettre-{letter}\"")),
            "{letter}"
        );
    }
    let plan = read(&out, "plan/index.html");
    let section = |letter: &str| {
        let start = plan
            .find(&format!("id=\"lettre-{letter}\""))
            .expect("letter");
        let end = plan[start..]
            .find("</section>")
            .map_or(plan.len(), |e| start + e);
        plan[start..end].to_owned()
    };
    assert!(section("f").contains("Subvention du Fonds d'intervention régional (FIR)"));
    assert!(section("a").contains("<strong>Article\u{A0}51</strong>"));
    assert!(
        !section("s").contains("leviers/fir/"),
        "FIR is not filed under S"
    );
}

#[test]
fn contacts_say_where_la_reunion_and_mayotte_fit() {
    let site = site_at(DATE);
    let oi = site
        .contacts
        .data
        .ars
        .iter()
        .find(|a| a.id == "ocean-indien")
        .expect("ARS Océan Indien, as the seeds list it");
    let note = oi.note.as_deref().expect("note");
    assert!(note.contains("La Réunion") && note.contains("Mayotte") && note.contains("2021"));
    let (_tmp, out) = built(DATE);
    let page = read(&out, "contacts/index.html");
    assert!(
        page.contains("décret n°\u{A0}2020-18"),
        "dated outside source on the page"
    );
}

/// Normalised words: lower case, apostrophes unified, everything else a separator.
fn words(text: &str) -> Vec<String> {
    let text = text.to_lowercase().replace(['’', '`'], "'");
    text.split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .flat_map(|w| w.split('\''))
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Official names and titles that the content quotes verbatim, each with its reason.
const QUOTED_NAMES: &[(&str, &str)] = &[
    ("Ateliers de partage sur l'innovation en santé dans les territoires", "name of the APIST collective"),
    ("Favoriser les collaborations ARS & acteurs économiques au service de l'innovation en santé", "title of the guide"),
    ("Expérimentation nationale d'une incitation à une prise en charge partagée", "title of the IPEP call"),
    ("incitation à une prise en charge partagée", "name of the IPEP experiment"),
    ("paiement forfaitaire en équipe de professionnels de santé en ville", "name of the PEPS experiment"),
    ("paiement à l'épisode de soins pour des prises en charge chirurgicales", "name of the EDS experiment"),
    ("cahier des clauses techniques particulières relatif à l'évaluation du dispositif", "title of the ESP-CLIP tender"),
    ("équipe de soins primaire de coordination libérale interprofessionnelle", "name of the ESP-CLIP scheme"),
    ("Le numérique au service de la réduction des inégalités d'accès aux soins pour les personnes en situation de handicap et/ou les personnes âgées en perte d'autonomie", "title of the ARS Occitanie call"),
    ("Des solutions innovantes pour faire face au défi du grand âge", "title of the ARS Île-de-France call"),
    ("Bureau International, Europe et Outre-mer", "name of the DGOS office"),
    ("article 51 de la loi de financement de la sécurité sociale", "name of the law article"),
    ("loi n° 2016-41 du 26 janvier 2016 de modernisation de notre système de santé", "title of the law"),
    ("Stratégie nationale de santé 2018-2022", "title of the strategy"),
    ("Feuille de route stratégique du numérique en santé", "title of the roadmap"),
    ("boîte à outils des initiatives public-privé", "title of the DGOS toolbox"),
    ("Ateliers de partage sur l'innovation en santé", "name of the APIST collective"),
    ("Guide pratique APIST", "document title in source citations"),
];

/// The wizard's rules cite the guide word for word on purpose (`quote = "…"`, shown to the
/// reader as a quotation under « Source »): those citations are not the portal's prose.
fn without_citations(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("quote = \"") {
        out.push_str(&rest[..i]);
        let after = &rest[i + "quote = \"".len()..];
        rest = after.find('"').map_or("", |end| &after[end + 1..]);
        out.push_str(" | ");
    }
    out.push_str(rest);
    out
}

/// Content text with URLs, e-mail addresses, citations and quoted official names cut out: what
/// is left is the portal's own prose.
fn own_prose(text: &str) -> Vec<Vec<String>> {
    let text = without_citations(text);
    let cleaned: String = text
        .split_whitespace()
        .map(|w| {
            if w.contains("://") || w.contains('@') || w.contains("www.") || w.contains("bit.ly") {
                " | "
            } else {
                w
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    let mut lower = cleaned.to_lowercase().replace('’', "'");
    for (name, _) in QUOTED_NAMES {
        let name = name.to_lowercase();
        while let Some(i) = lower.find(&name) {
            lower.replace_range(i..i + name.len(), " | ");
        }
    }
    lower.split('|').map(words).collect()
}

#[test]
fn no_run_of_twelve_words_is_copied_from_a_seed() {
    const RUN: usize = 12;
    let mut seed_runs = std::collections::HashMap::new();
    for (name, text) in seeds() {
        let w = words(&text);
        for run in w.windows(RUN) {
            seed_runs
                .entry(run.join(" "))
                .or_insert_with(|| name.clone());
        }
    }
    let mut files: Vec<PathBuf> = walkdir(&repo().join("content"));
    files.sort();
    assert!(files.len() > 30);
    let mut copied = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).expect("content");
        for chunk in own_prose(&text) {
            for run in chunk.windows(RUN) {
                if let Some(seed) = seed_runs.get(&run.join(" ")) {
                    copied.push(format!(
                        "{} ← {seed}: {}",
                        f.strip_prefix(repo()).unwrap_or(&f).display(),
                        run.join(" ")
                    ));
                }
            }
        }
    }
    copied.dedup();
    assert!(
        copied.is_empty(),
        "copied from the seeds:\n{}",
        copied.join("\n")
    );
}

#[test]
fn the_overlap_measure_does_catch_a_copied_sentence() {
    // The measure itself, on a sentence of the guide (FIR card): it must not be blind.
    let guide = seeds()
        .into_iter()
        .find(|(n, _)| n.starts_with("001_"))
        .expect("guide")
        .1;
    let copied = "La subvention doit concourir à la satisfaction d'un intérêt général ou local et correspondre à un objectif.";
    let seed_words = words(&guide).join(" ");
    let prose = own_prose(copied);
    assert!(prose[0]
        .windows(12)
        .any(|r| seed_words.contains(&r.join(" "))));
}

fn walkdir(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            out.extend(walkdir(&path));
        } else if path.extension().is_some_and(|x| x == "md" || x == "toml") {
            out.push(path);
        }
    }
    out
}
