//! `serve` rebuilds only what an edit reaches, and still serves exactly what a full build makes.
//!
//! One copy of the real site goes through the edits an editor makes in a session (a body, a
//! lever, a title, a page added, renamed, deleted, the glossary, a template, the configuration,
//! a broken save then its fix); after each, the files `serve` holds must equal, byte for byte,
//! those of a build from scratch of the same sources.

mod common;
use common::*;
use portail::date::Date;
use portail::output::Memory;
use portail::pipeline::{compile, BuildOptions};
use portail::serve::{rebuild, State};
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

fn options(root: &Path) -> BuildOptions {
    BuildOptions {
        root: root.to_path_buf(),
        today: Date::parse(DATE).expect("date"),
        livereload: true,
    }
}

/// What `serve` currently answers with.
fn served(state: &State) -> BTreeMap<String, Vec<u8>> {
    let shown = state.shown.read().expect("lock");
    assert!(
        shown.errors.is_none(),
        "serve shows errors: {:?}",
        shown.errors
    );
    let files = shown.files.as_ref().expect("a good build");
    files.iter().map(|(p, b)| (p.clone(), b.to_vec())).collect()
}

/// A build from scratch, as `serve` would make it on start.
fn full(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let sink = Memory::default();
    assert!(compile(&options(root), &sink).is_ok(), "full build failed");
    sink.into_files()
        .into_iter()
        .map(|(p, b)| (p, b.to_vec()))
        .collect()
}

fn same(step: &str, state: &State, root: &Path) -> BTreeMap<String, Vec<u8>> {
    let got = served(state);
    let want = full(root);
    let differ: Vec<&String> = want
        .keys()
        .chain(got.keys())
        .filter(|k| got.get(*k) != want.get(*k))
        .collect();
    assert!(
        differ.is_empty(),
        "after « {step} », serve differs from a full build in {} files, first {:?}",
        differ.len(),
        differ.first()
    );
    got
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).expect("read");
    assert!(text.contains(from), "{} lacks {from:?}", path.display());
    fs::write(path, text.replacen(from, to, 1)).expect("write");
}

fn text_of(files: &BTreeMap<String, Vec<u8>>, path: &str) -> String {
    String::from_utf8_lossy(files.get(path).unwrap_or_else(|| panic!("no {path}"))).into_owned()
}

#[test]
fn every_edit_of_a_session_serves_what_a_full_build_makes() {
    let tmp = tempfile::tempdir().expect("tmp");
    let site = tmp.path().join("site");
    copy_dir(&repo().join("content"), &site.join("content"));
    fs::copy(repo().join("portail.toml"), site.join("portail.toml")).expect("config");
    let content = site.join("content");
    let opts = options(&site);
    let state = State::new();
    let log = |state: &State| rebuild(&opts, state);

    log(&state);
    same("premier démarrage", &state, &site);

    // An update's body: that page and its search entries alone change.
    let before = served(&state);
    let update = "actualites/ami-performance-energetique-bfc";
    edit(
        &content.join(format!("{update}.md")),
        "un plan d'action sur plusieurs années ;",
        "un plan d'action sur plusieurs années (phrase ajoutée en relecture) ;",
    );
    log(&state);
    let after = same("corps d'une actualité", &state, &site);
    assert!(text_of(&after, &format!("{update}/index.html")).contains("phrase ajoutée"));
    let changed: Vec<&String> = after
        .keys()
        .filter(|k| before.get(*k) != after.get(*k))
        .collect();
    assert!(
        changed
            .iter()
            .all(|k| *k == &format!("{update}/index.html") || k.starts_with("search/")),
        "a body edit changed {changed:?}"
    );

    // A chapter of the printable guide: the guide shows it too.
    edit(
        &content.join("conditions-de-succes.md"),
        "valent aussi pour tout porteur de projet.",
        "valent aussi pour tout porteur de projet. Conseil ajouté.",
    );
    log(&state);
    let after = same("corps d'un chapitre du guide", &state, &site);
    assert!(text_of(&after, "guide/index.html").contains("Conseil ajouté"));

    // A lever's body: the glossary (which lists the levers naming each acronym) and the guide
    // quote it.
    let before = served(&state);
    edit(
        &content.join("leviers/fir.md"),
        "\n## ",
        "\nUn paragraphe ajouté qui nomme le CPOM.\n\n## ",
    );
    log(&state);
    let after = same("corps d'un levier", &state, &site);
    assert!(text_of(&after, "guide/index.html").contains("Un paragraphe ajouté"));
    let glossary = "glossaire/index.html";
    assert_ne!(
        before.get(glossary),
        after.get(glossary),
        "FIR now names the CPOM"
    );

    // A title: listings, menus and the plan show it.
    edit(
        &content.join("actualites/hopen-bfc.md"),
        "title = \"",
        "title = \"Titre revu : ",
    );
    log(&state);
    let after = same("titre d'une actualité", &state, &site);
    assert!(text_of(&after, "plan/index.html").contains("Titre revu"));

    // A page added, renamed, then deleted.
    let page = content.join("nouvelle-page.md");
    let scratch = fs::read_to_string(content.join("conditions-de-succes.md"))
        .expect("read")
        .replacen("title = \"", "title = \"Nouvelle page : ", 1);
    fs::write(&page, &scratch).expect("add");
    log(&state);
    let after = same("page ajoutée", &state, &site);
    assert!(after.contains_key("nouvelle-page/index.html"));
    let renamed = content.join("page-renommee.md");
    fs::rename(&page, &renamed).expect("rename");
    log(&state);
    let after = same("page renommée", &state, &site);
    assert!(after.contains_key("page-renommee/index.html"));
    assert!(!after.contains_key("nouvelle-page/index.html"));
    fs::remove_file(&renamed).expect("delete");
    log(&state);
    let after = same("page supprimée", &state, &site);
    assert!(!after.contains_key("page-renommee/index.html"));

    // The glossary, a template override, the configuration.
    edit(
        &content.join("data/glossaire.toml"),
        "definition = \"",
        "definition = \"Définition revue. ",
    );
    log(&state);
    let after = same("glossaire", &state, &site);
    assert!(text_of(&after, "glossaire/index.html").contains("Définition revue"));
    fs::create_dir_all(site.join("templates")).expect("templates");
    let page_template = fs::read_to_string(repo().join("templates/page.html"))
        .expect("template")
        .replacen(
            "{% block content %}",
            "{% block content %}<p>Bandeau de test</p>",
            1,
        );
    fs::write(site.join("templates/page.html"), page_template).expect("override");
    log(&state);
    let after = same("gabarit", &state, &site);
    assert!(text_of(&after, "a-propos/index.html").contains("Bandeau de test"));
    edit(
        &site.join("portail.toml"),
        "title = \"",
        "title = \"Portail revu – ",
    );
    log(&state);
    same("configuration", &state, &site);

    // A broken save keeps the last good build; its fix serves the fixed sources.
    let fir = content.join("leviers/fir.md");
    let good = fs::read_to_string(&fir).expect("read");
    fs::write(&fir, good.replacen("+++", "+++\ntitle = ", 1)).expect("break");
    log(&state);
    assert!(state.shown.read().expect("lock").errors.is_some());
    fs::write(
        &fir,
        good.replacen("Un paragraphe ajouté", "Un paragraphe corrigé", 1),
    )
    .expect("fix");
    log(&state);
    let after = same("erreur puis correction", &state, &site);
    assert!(text_of(&after, "leviers/fir/index.html").contains("Un paragraphe corrigé"));
}
