//! End-to-end builds: the real portal links resolve, builds are reproducible and atomic.

mod common;
use common::*;
use std::path::Path;

/// A copy of the real site without its build outputs.
fn real_site(tmp: &Path) -> std::path::PathBuf {
    let root = tmp.join("site");
    for dir in ["content", "templates", "static"] {
        copy_dir(&repo().join(dir), &root.join(dir));
    }
    if repo().join("portail.toml").exists() {
        std::fs::copy(repo().join("portail.toml"), root.join("portail.toml")).expect("copy config");
    }
    root
}

#[test]
fn every_internal_link_of_the_portal_resolves_to_a_file_and_anchor() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("public");
    build(&repo(), &out);
    let files = read_tree(&out);
    let mut problems = Vec::new();
    let mut checked = 0;
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = String::from_utf8_lossy(bytes);
        let dir = Path::new(path).parent().unwrap_or(Path::new(""));
        let mut ids = attr_values(&html, "id");
        ids.sort();
        for pair in ids.windows(2).filter(|w| w[0] == w[1]) {
            problems.push(format!("{path}: id en double « {} »", pair[0]));
        }
        for url in attr_values(&html, "href")
            .into_iter()
            .chain(attr_values(&html, "src"))
        {
            if url.starts_with("mailto:")
                || url.starts_with("https://")
                || url.starts_with("http://")
                || url.starts_with("/__portail/")
            {
                continue;
            }
            checked += 1;
            let (file, anchor) = url.split_once('#').unwrap_or((url, ""));
            if file.is_empty() {
                if !anchor.is_empty() && !html.contains(&format!("id=\"{anchor}\"")) {
                    problems.push(format!("{path}: ancre absente #{anchor}"));
                }
                continue;
            }
            if file.ends_with('/') || file.starts_with('/') {
                problems.push(format!("{path}: lien non portable {url}"));
                continue;
            }
            let target = normalize(&dir.join(file));
            match files.get(&target) {
                None => problems.push(format!("{path}: {url} → fichier absent {target}")),
                Some(t)
                    if !anchor.is_empty()
                        && !String::from_utf8_lossy(t).contains(&format!("id=\"{anchor}\"")) =>
                {
                    problems.push(format!("{path}: {url} → ancre absente"))
                }
                _ => {}
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(checked > 500, "only {checked} links checked");
}

#[test]
fn no_page_requests_a_third_party_host_or_runs_inline_script() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("public");
    build(&repo(), &out);
    for (path, bytes) in read_tree(&out).iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = String::from_utf8_lossy(bytes);
        for src in attr_values(&html, "src") {
            assert!(!src.contains("://"), "{path} loads {src}");
        }
        for tag in html.split("<link").skip(1) {
            let href = attr_values(tag.split('>').next().unwrap_or(""), "href");
            assert!(
                href.iter().all(|h| !h.contains("://")),
                "{path} links a stylesheet from another host"
            );
        }
        for script in html.split("<script").skip(1) {
            let open = script.split('>').next().unwrap_or("");
            assert!(open.contains("src="), "{path} has an inline script");
        }
        assert!(
            !html.contains(" onclick=") && !html.contains(" onload="),
            "{path} has an inline handler"
        );
    }
}

fn normalize(p: &Path) -> String {
    let mut parts: Vec<String> = Vec::new();
    for c in p.components() {
        match c {
            std::path::Component::ParentDir => {
                parts.pop();
            }
            std::path::Component::Normal(s) => parts.push(s.to_string_lossy().into_owned()),
            _ => {}
        }
    }
    parts.join("/")
}

#[test]
fn two_builds_with_the_same_date_are_byte_identical() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    build(&repo(), &a);
    build(&repo(), &b);
    let (ta, tb) = (read_tree(&a), read_tree(&b));
    assert_eq!(ta.keys().collect::<Vec<_>>(), tb.keys().collect::<Vec<_>>());
    for (path, bytes) in &ta {
        assert!(bytes == &tb[path], "{path} differs between two builds");
    }
}

#[test]
fn a_failed_build_leaves_the_previous_output_untouched() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = real_site(tmp.path());
    let out = root.join("public");
    build(&root, &out);
    let before = read_tree(&out);
    // A newcomer misspells a field.
    let fir = root.join("content/leviers/fir.md");
    let text = std::fs::read_to_string(&fir)
        .expect("read")
        .replacen("short_title", "shortitle", 1);
    std::fs::write(&fir, text).expect("write");
    let o = portail(&root, &["build", "--date", DATE]);
    assert_eq!(o.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("content/leviers/fir.md:"), "{stderr}");
    assert!(stderr.contains("champ inconnu « shortitle »"), "{stderr}");
    assert!(
        stderr.contains("vouliez-vous dire « short_title »"),
        "{stderr}"
    );
    assert_eq!(
        read_tree(&out),
        before,
        "public/ changed after a failed build"
    );
    let leftovers: Vec<_> = std::fs::read_dir(&root)
        .expect("ls")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(".public"))
        .collect();
    assert!(leftovers.is_empty(), "temporary folders left behind");
}

#[test]
fn a_folder_with_only_content_builds_with_the_embedded_defaults() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let content = tmp.path().join("content");
    std::fs::create_dir_all(content.join("notes")).expect("mkdir");
    std::fs::write(
        content.join("_index.md"),
        "+++\ntitle = \"Accueil\"\n[[sources]]\ndocument = \"Note interne\"\ndate = \"2021\"\n+++\nVoir [la note](notes/une-note.md#detail).\n",
    )
    .expect("write");
    std::fs::write(
        content.join("notes/une-note.md"),
        "+++\ntitle = \"Une note\"\n[[sources]]\ndocument = \"Note interne\"\ndate = \"2021\"\n+++\n## Détail\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
    )
    .expect("write");
    let out = tmp.path().join("public");
    build(tmp.path(), &out);
    let home = std::fs::read_to_string(out.join("index.html")).expect("home");
    assert!(
        home.contains("href=\"notes/une-note/index.html#detail\""),
        "{home}"
    );
    assert!(home.contains("href=\"static/site.css\""));
    let note = std::fs::read_to_string(out.join("notes/une-note/index.html")).expect("note");
    assert!(
        note.contains("<h2 id=\"detail\">Détail</h2>")
            && note.contains("<table class=\"table-cards\">")
    );
    assert!(note.contains("href=\"../../static/site.css\""));
    assert!(out.join("static/site.css").exists() && out.join("404.html").exists());
}

// `portail new` and `check` on its output: tests/diagnostics.rs.

#[test]
fn a_base_url_adds_a_sitemap_and_absolute_feed_links_while_pages_stay_relative() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = site_with_base_url(tmp.path(), "https://exemple.fr/portail/");
    let out = root.join("public");
    build(&root, &out);
    let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).expect("sitemap.xml");
    assert!(
        sitemap.contains("<loc>https://exemple.fr/portail/leviers/fir/index.html</loc>"),
        "{sitemap}"
    );
    let feed = std::fs::read_to_string(out.join("actualites/atom.xml")).expect("atom");
    assert!(
        feed.contains("href=\"https://exemple.fr/portail/actualites/"),
        "{feed}"
    );
    let home = std::fs::read_to_string(out.join("index.html")).expect("home");
    // Only the page's own address (canonical, Open Graph) is absolute; its links stay relative.
    let links: String = home
        .lines()
        .filter(|l| !l.contains("rel=\"canonical\"") && !l.contains("property=\"og:url\""))
        .collect();
    assert!(
        home.contains("<link rel=\"canonical\" href=\"https://exemple.fr/portail/index.html\">")
    );
    assert!(
        !links.contains("https://exemple.fr/portail/"),
        "pages must keep relative links"
    );
    // Without a base URL there is no sitemap (it needs absolute addresses).
    let plain = tmp.path().join("plain");
    build(&repo(), &plain);
    assert!(!plain.join("sitemap.xml").exists());
}

/// A copy of the real site with `base_url` set to `url`.
fn site_with_base_url(tmp: &Path, url: &str) -> std::path::PathBuf {
    let root = real_site(tmp);
    let config = std::fs::read_to_string(root.join("portail.toml")).expect("config");
    let line = format!("base_url = \"{url}\"");
    let config = config.replace("# base_url = \"https://exemple.fr/portail/\"", &line);
    std::fs::write(root.join("portail.toml"), config).expect("write");
    root
}

#[test]
fn a_site_overrides_the_feed_and_the_sitemap_like_any_template() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = site_with_base_url(tmp.path(), "https://exemple.fr/portail/");
    let templates = root.join("templates");
    let write = |name: &str, text: &str| std::fs::write(templates.join(name), text).expect("write");
    write(
        "atom.xml",
        "<flux>{% for e in entries %}[{{ e.url }}]{% endfor %}</flux>\n",
    );
    write(
        "sitemap.xml",
        "<plan>{{ pages | length }} {{ pages.0.url }}</plan>\n",
    );
    let out = tmp.path().join("public");
    build(&root, &out);
    let count = |dir: &str| {
        walkdir::WalkDir::new(root.join(dir))
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
            .count()
    };
    let feed = std::fs::read_to_string(out.join("actualites/atom.xml")).expect("atom");
    assert!(
        feed.starts_with("<flux>[") && feed.ends_with("]</flux>\n"),
        "{feed}"
    );
    // Every update (the section's own page aside), with its absolute address.
    assert_eq!(
        feed.matches("[https://exemple.fr/portail/actualites/")
            .count(),
        count("content/actualites") - 1,
        "{feed}"
    );
    let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).expect("sitemap");
    let expected = format!(
        "<plan>{} https://exemple.fr/portail/a-propos/index.html</plan>\n",
        count("content")
    );
    assert_eq!(sitemap, expected);

    // A mistake in the site's feed template is reported there.
    write("atom.xml", "<flux>{{ entries.0.titre }}</flux>");
    let checked = portail(&root, &["check", "--date", DATE]);
    let stderr = String::from_utf8_lossy(&checked.stderr);
    assert_eq!(checked.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("templates/atom.xml") && stderr.contains("entries.0.titre"),
        "{stderr}"
    );
}

#[test]
fn the_feed_and_the_sitemap_escape_what_they_quote_and_drop_control_characters() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = site_with_base_url(tmp.path(), "https://exemple.fr/a&b/");
    let update = root.join("content/actualites/appel-candidatures-ipep.md");
    let text = std::fs::read_to_string(&update).expect("update");
    let mut hostile = text.clone();
    for (field, value) in [
        ("title", r#""IPEP <b>gras</b> & \"cité\"\u0001\u0007""#),
        ("organiser", r#""<Org> & \u0003 CNAM""#),
    ] {
        let line = text
            .lines()
            .find(|l| l.starts_with(&format!("{field} = ")))
            .expect("field");
        hostile = hostile.replacen(line, &format!("{field} = {value}"), 1);
    }
    std::fs::write(&update, hostile).expect("write");
    let out = tmp.path().join("public");
    build(&root, &out);
    let feed = std::fs::read_to_string(out.join("actualites/atom.xml")).expect("atom");
    assert!(
        feed.contains("<title>IPEP &lt;b&gt;gras&lt;/b&gt; &amp; &quot;cité&quot;</title>"),
        "{feed}"
    );
    assert!(
        feed.contains("<name>&lt;Org&gt; &amp;  CNAM</name>"),
        "{feed}"
    );
    assert!(feed.contains("<id>https://exemple.fr/a&amp;b/actualites/index.html</id>"));
    let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).expect("sitemap");
    assert!(sitemap.contains("<loc>https://exemple.fr/a&amp;b/index.html</loc>"));
    for xml in [&feed, &sitemap] {
        assert!(
            !xml.contains(|c: char| c.is_control() && c != '\n'),
            "{xml}"
        );
    }
}
