//! The portal's content, checked on the loaded model and on the built output: the nine levers
//! complete, the 17 ARS reachable, every acronym of the guide defined, every update dated.

mod common;
use common::*;
use portail::date::Date;
use portail::model::{Audience, Site};

fn site() -> Site {
    let today = Date::parse(DATE).expect("date");
    let (site, diags) =
        portail::load::load(&repo(), today).unwrap_or_else(|d| panic!("{:?}", d.into_sorted()));
    assert!(diags.is_empty(), "{:?}", diags.into_sorted());
    site
}

#[test]
fn the_nine_levers_have_every_structured_field() {
    let site = site();
    let mut slugs: Vec<&str> = site.levers().map(|(p, _)| p.slug.as_str()).collect();
    slugs.sort();
    assert_eq!(
        slugs,
        [
            "achats-innovants",
            "appels-a-projets",
            "article-51",
            "conference-des-financeurs",
            "cpom",
            "fir",
            "indemand",
            "mig-cooperation-internationale",
            "tiga"
        ]
    );
    for (page, l) in site.levers() {
        let who = &page.display;
        for (field, value) in [
            ("short_title", &l.short_title),
            ("description", &l.description),
            ("objective", &l.objective),
            ("duration", &l.duration),
            ("contact", &l.contact),
        ] {
            assert!(value.trim().len() > 3, "{who}: {field} is empty");
        }
        assert!(
            !l.applicants.is_empty() && !l.funds.is_empty(),
            "{who}: applicants/funds empty"
        );
        assert!(!l.audiences.is_empty(), "{who}: no audience");
        assert!(!l.sources.is_empty(), "{who}: no source cited");
        assert!(page.body().trim().len() > 200, "{who}: body too short");
    }
    // FIR and Article 51 appear once, for both audiences, with what differs per audience.
    for slug in ["fir", "article-51"] {
        let (_, l) = site.levers().find(|(p, _)| p.slug == slug).expect("lever");
        assert!(
            l.audiences.contains(&Audience::Operateur)
                && l.audiences.contains(&Audience::Industrie),
            "{slug}"
        );
        assert!(
            l.audience_notes.len() >= 2,
            "{slug}: notes per audience missing"
        );
    }
    // Every threshold the guide gives, with its date.
    let (_, achats) = site
        .levers()
        .find(|(p, _)| p.slug == "achats-innovants")
        .expect("achats-innovants");
    let mut amounts: Vec<u64> = achats.thresholds.iter().map(|t| t.amount).collect();
    amounts.sort();
    assert_eq!(amounts, [40_000, 90_000, 100_000, 139_000]);
    let indemand = site
        .levers()
        .find(|(p, _)| p.slug == "indemand")
        .expect("indemand")
        .0;
    for role in ["Challenger", "Solver", "Supporter", "Funder"] {
        assert!(
            indemand.body().contains(role),
            "Indemand role {role} missing"
        );
    }
}

#[test]
fn the_seventeen_ars_have_well_formed_article_51_mailboxes() {
    let site = site();
    let ars = &site.contacts.data.ars;
    assert_eq!(ars.len(), 17);
    for a in ars {
        assert!(
            portail::links::is_valid_email(&a.article51_email),
            "{}: {}",
            a.name,
            a.article51_email
        );
        assert!(
            a.article51_email.ends_with(".fr"),
            "{}: {}",
            a.name,
            a.article51_email
        );
    }
    let oi = ars
        .iter()
        .find(|a| a.region.contains("Réunion") || a.name.contains("Océan Indien"))
        .expect("ARS Océan Indien");
    assert!(oi.region.contains("Mayotte") || oi.name.contains("Océan Indien"));
    assert!(
        ars.iter().map(|a| a.referents.len()).sum::<usize>() >= 10,
        "the named referents of the 2021 call are missing"
    );
    assert!(!site.contacts.data.national.is_empty());
}

#[test]
fn every_acronym_the_guide_defines_is_in_the_glossary_with_a_french_expansion() {
    let site = site();
    let list =
        std::fs::read_to_string(repo().join("tests/fixtures/guide_acronyms.txt")).expect("list");
    let terms = &site.glossary.data.terms;
    let missing: Vec<&str> = list
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter(|a| {
            !terms
                .iter()
                .any(|t| t.acronym.eq_ignore_ascii_case(a.trim()))
        })
        .collect();
    assert!(missing.is_empty(), "missing from the glossary: {missing:?}");
    let caqes = terms.iter().find(|t| t.acronym == "CAQES").expect("CAQES");
    assert!(
        !caqes.expansion.contains("Effizienz"),
        "the guide's German slip must be corrected"
    );
}

#[test]
fn every_page_cites_a_source_and_every_update_shows_its_deadline_state() {
    let site = site();
    for p in &site.pages {
        assert!(!p.meta.sources.is_empty(), "{} cites no source", p.display);
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("public");
    build(&repo(), &out);
    let updates: Vec<_> = site.updates().collect();
    assert!(updates.len() >= 4);
    for (page, u) in updates {
        let html = std::fs::read_to_string(out.join(&page.output))
            .expect("update page")
            .replace("&#39;", "'");
        let expected = match (u.kind, u.deadline) {
            (portail::model::UpdateKind::Appel, Some(d)) if d.last_day() >= site.today => {
                format!("Appel ouvert {}", d.until_french())
            }
            (portail::model::UpdateKind::Appel, Some(d)) => {
                format!("Appel clos : il était ouvert {}", d.until_french())
            }
            (portail::model::UpdateKind::Appel, None) => "Appel sans date limite connue".to_owned(),
            (kind, _) => kind.label().to_owned(),
        };
        assert!(
            html.contains(&portail::typography::text(&expected)),
            "{}: « {expected} » not shown",
            page.display
        );
        assert!(
            html.contains(&portail::typography::text(&u.date.french())),
            "{}: date not shown",
            page.display
        );
    }
    let feed = std::fs::read_to_string(out.join("actualites/atom.xml")).expect("atom");
    assert_eq!(feed.matches("<entry>").count(), site.updates().count());
    let csv = std::fs::read_to_string(out.join("contacts.csv")).expect("csv");
    assert!(csv.lines().count() > 17);
    let levers: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("levers.json")).expect("json"))
            .expect("valid json");
    assert_eq!(levers["levers"].as_array().map(Vec::len), Some(9));
}

#[test]
fn acronyms_are_marked_on_first_use_from_the_glossary() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("public");
    build(&repo(), &out);
    let page = std::fs::read_to_string(out.join("leviers/cpom/index.html")).expect("cpom");
    let body = page.split("class=\"prose\"").nth(1).expect("prose");
    assert!(
        body.contains(
            "<abbr title=\"Contrat pluriannuel d&#39;objectifs et de moyens\">CPOM</abbr>"
        ) || body
            .contains("<abbr title=\"Contrat pluriannuel d'objectifs et de moyens\">CPOM</abbr>"),
        "CPOM not marked"
    );
}

#[test]
fn glossary_and_contacts_pages_list_every_entry_with_an_anchor() {
    let site = site();
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("public");
    build(&repo(), &out);
    let glossary =
        std::fs::read_to_string(out.join("glossaire/index.html")).expect("glossary page");
    for term in &site.glossary.data.terms {
        assert!(
            glossary.contains(&format!("<dt id=\"{}\">", term.anchor())),
            "{} has no anchor",
            term.acronym
        );
    }
    let fir = site
        .glossary
        .data
        .terms
        .iter()
        .find(|t| t.acronym == "FIR")
        .expect("FIR");
    assert!(!fir.expansion.is_empty());
    assert!(
        glossary.contains("href=\"../leviers/fir/index.html\""),
        "FIR is not linked to its lever"
    );
    let contacts = std::fs::read_to_string(out.join("contacts/index.html")).expect("contacts page");
    for ars in &site.contacts.data.ars {
        assert!(
            contacts.contains(&format!("id=\"{}\"", ars.id)),
            "{} has no anchor",
            ars.name
        );
        assert!(
            contacts.contains(&format!("mailto:{}", ars.article51_email)),
            "{} mailbox missing",
            ars.name
        );
    }
    let fir_page = std::fs::read_to_string(out.join("leviers/fir/index.html")).expect("fir page");
    assert!(
        fir_page.contains("href=\"../../contacts/index.html\""),
        "the lever page must show its contact route"
    );
}

#[test]
fn the_wizard_rules_hold_on_the_real_content() {
    // The wizard's own tests use fixed facts; these use the facts the build gives it.
    let site = site();
    let compiled = portail::site_wizard::compile(&site)
        .expect("a wizard")
        .unwrap_or_else(|e| panic!("{e:?}"));
    let (rules, facts) = (&compiled.rules, &compiled.facts);
    let paths = wizard::enumerate(rules, facts);
    assert!(paths.len() > 1000, "{} paths", paths.len());
    for (answers, outcome) in &paths {
        assert!(
            outcome
                .levers
                .iter()
                .any(|l| l.status != wizard::Status::NeCorrespondPas),
            "{}: no lever",
            answers.to_fragment()
        );
    }
    let startup = wizard::Answers::from_fragment(
        "porteur=startup&besoin=vendre&montant=60000&maturite=pret&region=bretagne",
    );
    let outcome = wizard::evaluate(rules, facts, &startup);
    let achats = outcome
        .levers
        .iter()
        .find(|l| l.slug == "achats-innovants")
        .expect("achats-innovants");
    assert_eq!(achats.status, wizard::Status::Correspond);
    // Built on 2026-11-22, every call of the seeds is closed: none may be offered as open.
    assert!(
        outcome.levers.iter().all(|l| l.calls.is_empty()),
        "a closed call is offered as open"
    );
}
