//! What a phone, a printer and a shared link need from the built portal: favicon, metadata,
//! canonical address, tables that never widen a page, the printable guide, no inline style.

mod common;
use common::*;
use std::path::Path;

fn real_site(tmp: &Path) -> std::path::PathBuf {
    let root = tmp.join("site");
    for dir in ["content", "templates", "static"] {
        copy_dir(&repo().join(dir), &root.join(dir));
    }
    std::fs::copy(repo().join("portail.toml"), root.join("portail.toml")).expect("copy config");
    root
}

fn html(files: &std::collections::BTreeMap<String, Vec<u8>>, path: &str) -> String {
    String::from_utf8(
        files
            .get(path)
            .unwrap_or_else(|| panic!("{path} absent"))
            .clone(),
    )
    .expect("utf-8")
}

#[test]
fn every_page_has_a_favicon_metadata_and_no_inline_style() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("public");
    build(&repo(), &out);
    let files = read_tree(&out);
    assert!(
        files.contains_key("favicon.ico"),
        "/favicon.ico at the root"
    );
    assert!(files.contains_key("static/favicon.svg"));
    assert!(files.contains_key("static/impression.css"));
    let mut pages = 0;
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".html")) {
        pages += 1;
        let page = String::from_utf8_lossy(bytes);
        let root = "../".repeat(path.matches('/').count());
        // Without base_url the 404 page stands alone, with no link at all: a host returns it at
        // any depth, where no relative link would resolve (tests/browser/notfound.test.mjs).
        let standalone = path == "404.html";
        for needle in [
            format!("<link rel=\"icon\" href=\"{root}static/favicon.svg\" type=\"image/svg+xml\">"),
            format!("<link rel=\"icon\" href=\"{root}favicon.ico\" sizes=\"32x32\">"),
            "<meta name=\"theme-color\" content=\"#000091\">".to_owned(),
            "<meta name=\"description\" content=\"".to_owned(),
            "<meta property=\"og:title\" content=\"".to_owned(),
            "<meta property=\"og:description\" content=\"".to_owned(),
            "<html lang=\"fr\"".to_owned(),
        ] {
            if standalone && !needle.starts_with("<html") {
                continue;
            }
            assert!(page.contains(&needle), "{path}: {needle} absent");
        }
        // No canonical address without base_url: the site does not know where it lives.
        assert!(!page.contains("rel=\"canonical\""), "{path}");
        // A strict CSP (style-src 'self') refuses style attributes and <style> elements.
        assert!(!page.contains(" style=\""), "{path}: inline style");
        assert!(!page.contains("<style"), "{path}: <style>");
    }
    assert!(pages > 30);
    // Markdown tables: a labelled region that scrolls by itself, cells labelled for cards.
    let levers = html(&files, "leviers/index.html");
    assert!(levers.contains(
        "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Tableau : "
    ));
    assert!(levers.contains("data-label=\"Opérateur de santé\""));
}

#[test]
fn base_url_gives_each_page_its_canonical_and_open_graph_address() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = real_site(tmp.path());
    let config = std::fs::read_to_string(root.join("portail.toml")).expect("config");
    std::fs::write(
        root.join("portail.toml"),
        format!("base_url = \"https://exemple.fr/portail/\"\n{config}"),
    )
    .expect("write config");
    let out = tmp.path().join("public");
    build(&root, &out);
    let files = read_tree(&out);
    let fir = html(&files, "leviers/fir/index.html");
    assert!(fir.contains(
        "<link rel=\"canonical\" href=\"https://exemple.fr/portail/leviers/fir/index.html\">"
    ));
    assert!(fir.contains(
        "<meta property=\"og:url\" content=\"https://exemple.fr/portail/leviers/fir/index.html\">"
    ));
    // Printed, the lever says where it lives online.
    assert!(fir.contains("<p class=\"print-only print-url\">Fiche en ligne"));
    assert!(fir.contains("https://exemple.fr/portail/leviers/fir/index.html</p>"));
    let guide = html(&files, "guide/index.html");
    assert!(guide.contains("href=\"https://exemple.fr/portail/guide/index.html\""));
}

#[test]
fn the_guide_gathers_every_lever_in_order_with_links_inside_it() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("public");
    build(&repo(), &out);
    let files = read_tree(&out);
    let guide = html(&files, "guide/index.html");
    let main = &guide[guide.find("<main").expect("main")..guide.find("</main>").expect("/main")];
    // Chapters in the APIST guide's order.
    let order: Vec<usize> = [
        "id=\"champs\"",
        "id=\"leviers\"",
        "id=\"levier-fir\"",
        "id=\"levier-indemand\"",
        "id=\"conditions\"",
        "id=\"glossaire\"",
        "id=\"contacts\"",
        "id=\"references\"",
    ]
    .iter()
    .map(|id| main.find(id).unwrap_or_else(|| panic!("{id} absent")))
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    for lever in [
        "fir",
        "cpom",
        "article-51",
        "appels-a-projets",
        "mig-cooperation-internationale",
        "achats-innovants",
        "conference-des-financeurs",
        "tiga",
        "indemand",
    ] {
        assert!(
            main.contains(&format!(
                "<section class=\"fiche lever\" id=\"levier-{lever}\""
            )),
            "{lever}"
        );
        assert!(
            main.contains(&format!("id=\"levier-{lever}-fiche-objectif\"")),
            "{lever}"
        );
    }
    // Links to gathered pages stay inside the guide and carry their section number.
    assert!(main.contains("href=\"#levier-article-51\" data-ref=\"§ 2.3\""));
    assert!(!main.contains("href=\"../leviers/fir/index.html"));
    assert!(main.contains("id=\"glossaire-lettre-a\""));
    assert!(main.contains("id=\"contacts-par-region\""));
    // Linked from the home page and every footer.
    assert!(html(&files, "index.html").contains("href=\"guide/index.html\""));
    assert!(
        html(&files, "leviers/fir/index.html").contains("<li><a href=\"../../guide/index.html\">")
    );
}
