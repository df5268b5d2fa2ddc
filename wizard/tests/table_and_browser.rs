//! The no-JavaScript table says the same as the engine, and the data handed
//! to the browser decodes back to exactly the rules and facts evaluated here.

mod common;

use miniserde::{json, Deserialize};
use wizard::{browser_scripts, static_table, Facts, Model, Status};

fn cell<'t>(table: &'t wizard::Table, row: &str, lever: &str) -> &'t wizard::TableCell {
    let columns: Vec<&str> = table.levers.iter().map(|l| l.slug.as_str()).collect();
    let col = columns
        .iter()
        .position(|c| *c == lever)
        .expect("lever column");
    let row = table
        .groups
        .iter()
        .flat_map(|g| &g.rows)
        .find(|r| r.id == row)
        .expect("row");
    &row.cells[col]
}

#[test]
fn static_table_sums_up_every_path() {
    let (rules, facts) = common::rules();
    let table = static_table(&rules, &facts);
    assert_eq!(table.levers.len(), 9);
    assert_eq!(table.groups.iter().map(|g| g.rows.len()).sum::<usize>(), 11);
    // Only hospitals carry the international cooperation MIG; others join as partners.
    let mig = cell(
        &table,
        "etablissement-sante",
        "mig-cooperation-internationale",
    );
    assert_eq!(mig.status, Status::Correspond);
    assert_eq!(mig.fits, ["coopération internationale"]);
    let partner = cell(&table, "association", "mig-cooperation-internationale");
    assert_eq!(partner.status, Status::PeutCorrespondre);
    assert_eq!(partner.fits_if, ["coopération internationale"]);
    // Public buyers have a row of their own in procurement; sellers too.
    assert_eq!(
        cell(&table, "groupement", "achats-innovants").fits,
        ["vente à un acheteur public", "achat public"]
    );
    // Companies never sign a CPOM, and reach the FIR only through an eligible actor.
    assert_eq!(
        cell(&table, "startup", "cpom").status,
        Status::NeCorrespondPas
    );
    let fir = cell(&table, "startup", "fir");
    assert_eq!(fir.status, Status::PeutCorrespondre);
    assert!(fir.fits.is_empty());
    assert!(fir.fits_if.contains(&"subvention".to_string()));
    // Every rule is written out for the table, with its conditions in words.
    let cpom = table.levers.iter().find(|l| l.slug == "cpom").unwrap();
    let rule = cpom
        .rules
        .iter()
        .find(|r| r.rule == "cpom-entreprise")
        .unwrap();
    assert!(rule
        .source
        .starts_with("Source : Guide pratique APIST, juillet 2020, p.\u{A0}8"));
    assert_eq!(
        rule.when,
        "« Qui porte le projet ? » Start-up, PME, ETI, Grand groupe"
    );
}

#[derive(Deserialize)]
struct BrowserData {
    model: Model,
    facts: Facts,
}

#[test]
fn browser_data_round_trips() {
    let (rules, facts) = common::rules();
    let scripts = browser_scripts(&rules, &facts, &[0, 97, 115, 109]);
    let names: Vec<&str> = scripts.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["wizard-data.js", "wizard-engine.js"]);
    let data = &scripts[0].1;
    let json_text = data
        .strip_prefix("window.PORTAIL_WIZARD_DATA = ")
        .and_then(|s| s.strip_suffix(";\n"))
        .expect("a classic script assigning the data");
    let decoded: BrowserData = json::from_str(json_text).expect("valid JSON");
    assert_eq!(&decoded.model, rules.model());
    assert_eq!(decoded.facts, facts);
    assert_eq!(scripts[1].1, "window.PORTAIL_WIZARD_WASM = \"AGFzbQ==\";\n");
}
