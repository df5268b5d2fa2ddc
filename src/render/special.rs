//! Pages that come from data rather than one Markdown file: glossary and contacts blocks,
//! the A–Z plan, the search page, the printable guide, the 404 page, the Atom feed, the
//! sitemap and the running header of printed pages.

use super::context::{order_key, sort_title, source_text, Shared};
use super::{render_template, PageText};
use crate::diagnostic::Diagnostic;
use crate::markdown::{find_word, TextSection};
use crate::model::{Page, Site};
use crate::output::OutputFile;
use crate::urls::relative;
use serde_json::{json, Value};
use tera::Tera;

/// Adds the data a special template needs to a page's context.
pub fn extend_context(
    shared: &Shared<'_>,
    page: &Page,
    template: &str,
    ctx: &mut Value,
) -> Result<(), Diagnostic> {
    let from = page.output.as_str();
    match template {
        "glossary.html" => ctx["glossary"] = glossary(shared, from),
        "contacts.html" => ctx["contacts"] = contacts(shared, page),
        "assistant.html" => {
            if let Some(rules) = shared.wizard {
                ctx["wizard_table"] = crate::assistant::table(rules)
                    .map_err(|e| Diagnostic::new(&page.display, e))?;
            }
            ctx["wizard_interactive"] = crate::assistant::interactive().into();
        }
        _ => {}
    }
    Ok(())
}

fn glossary(shared: &Shared<'_>, from: &str) -> Value {
    let site = shared.site;
    let mut terms: Vec<_> = site.glossary.data.terms.iter().collect();
    terms.sort_by_key(|t| sort_title(&t.acronym));
    let list: Vec<Value> = terms
        .iter()
        .map(|t| {
            // Linked levers: those named by hand, then those whose text uses the acronym.
            let mut levers: Vec<(&Page, &str)> = Vec::new();
            for (p, l) in site.levers() {
                let named = t.see.contains(&p.slug);
                if named || find_word(p.body(), &t.acronym).is_some() || find_word(&l.objective, &t.acronym).is_some() {
                    levers.push((p, &l.short_title));
                }
            }
            levers.sort_by_key(|l| order_key(l.0));
            json!({
                "acronym": t.acronym,
                "letter": initial(&t.acronym),
                "anchor": t.anchor(),
                "expansion": t.expansion,
                "definition": t.definition,
                "source": t.source.as_ref().map(source_text),
                "levers": levers.iter().map(|(p, title)| json!({ "title": title, "url": relative(from, &p.output) })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let mut letters: Vec<(String, Vec<Value>)> = Vec::new();
    for term in &list {
        let letter = term["letter"].as_str().unwrap_or("#").to_owned();
        match letters.last_mut() {
            Some((l, terms)) if *l == letter => terms.push(term.clone()),
            _ => letters.push((letter, vec![term.clone()])),
        }
    }
    json!({
        "terms": list,
        "letters": letters.into_iter().map(|(letter, terms)| json!({ "letter": letter, "terms": terms })).collect::<Vec<_>>(),
    })
}

/// The letter a name is filed under: its first letter or digit, accents folded, upper case.
fn initial(name: &str) -> String {
    sort_title(name)
        .chars()
        .find(|c| c.is_alphanumeric())
        .map_or("#".to_owned(), |c| c.to_uppercase().to_string())
}

fn contacts(shared: &Shared<'_>, page: &Page) -> Value {
    let site = shared.site;
    let mut ars: Vec<_> = site.contacts.data.ars.iter().collect();
    ars.sort_by_key(|a| sort_title(&a.region));
    json!({
        "national": site.contacts.data.national.iter().map(|n| json!({
            "name": n.name, "email": n.email, "role": n.role, "url": n.url,
            "source": n.source.as_ref().map(source_text),
        })).collect::<Vec<_>>(),
        "ars": ars.iter().map(|a| json!({
            "id": a.id, "name": a.name, "region": a.region, "article51_email": a.article51_email, "website": a.website,
            "note": a.note.as_deref().map(|n| shared.inline(page, n)),
            "source": a.source.as_ref().map(source_text),
            "referents": a.referents.iter().map(|r| json!({
                "name": r.name, "role": r.role, "email": r.email, "source": r.source, "date": r.date.french()
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

/// Pages with no Markdown source, each rendered only if its template exists.
pub fn generated_pages(shared: &Shared<'_>, tera: &Tera) -> Result<Vec<OutputFile>, Diagnostic> {
    let site = shared.site;
    let mut out = Vec::new();
    let has = |name: &str| tera.get_template_names().any(|n| n == name);
    let mut page = |output: &str,
                    template: &str,
                    title: &str,
                    extra: Value|
     -> Result<(), Diagnostic> {
        // A content page at the same address is reported as a collision by the pipeline.
        if !has(template) {
            return Ok(());
        }
        let mut ctx = json!({
            "site": { "title": site.config.title, "description": site.config.description },
            "root": crate::urls::root_prefix(output),
            "home_url": relative(output, "index.html"),
            "menu": shared.menu(output),
            "livereload": shared.livereload,
            "today": site.today.french(),
            "page": { "title": title, "description": null, "content": "", "toc": [], "sources": [], "url": output },
            "breadcrumb": [{ "title": "Accueil", "url": relative(output, "index.html") }],
        });
        if let Some(o) = ctx.as_object_mut() {
            o.extend(shared.common(output));
        }
        if let (Some(o), Some(e)) = (ctx.as_object_mut(), extra.as_object()) {
            o.extend(e.clone());
        }
        let mut html = render_template(tera, template, &ctx, shared.template_sources)?;
        if output == GUIDE {
            html = guide_main_links(&html, &guide_targets(site));
        }
        out.push(OutputFile {
            path: output.to_owned(),
            bytes: html.into_bytes().into(),
        });
        Ok(())
    };
    page(
        "plan/index.html",
        "plan.html",
        "Plan du site de A à Z",
        json!({ "plan": plan(site, "plan/index.html") }),
    )?;
    page(
        "recherche/index.html",
        "search.html",
        "Rechercher",
        json!({
            "plan_url": relative("recherche/index.html", "plan/index.html"),
            "glossary_url": site.page_by_source("glossaire.md").map(|p| relative("recherche/index.html", &p.output)),
        }),
    )?;
    if site.levers().next().is_some() {
        page(
            GUIDE,
            "guide.html",
            "Le guide complet, à lire ou à imprimer",
            json!({ "guide": guide(shared) }),
        )?;
    }
    // A host serves 404.html for a missing address at any depth, where relative links break:
    // with base_url every link is absolute; without it the page stands alone.
    match site.config.base_url.as_deref() {
        Some(base) => page(
            "404.html",
            "404.html",
            "Page introuvable",
            absolute(base, shared),
        )?,
        None => page(
            "404.html",
            "404-sans-adresse.html",
            "Page introuvable",
            json!({}),
        )?,
    }
    out.push(atom(site));
    out.push(print_css(site));
    if let Some(base) = &site.config.base_url {
        out.push(sitemap(site, base));
    }
    Ok(out)
}

/// The links of the 404 page, absolute from `base_url`: root, home, menu and breadcrumb.
fn absolute(base: &str, shared: &Shared<'_>) -> Value {
    let base = format!("{}/", base.trim_end_matches('/'));
    let menu: Vec<Value> = shared
        .menu("404.html")
        .into_iter()
        .map(|mut item| {
            if let Some(url) = item.get("url").and_then(Value::as_str) {
                item["url"] = json!(format!("{base}{url}"));
            }
            item
        })
        .collect();
    let home = format!("{base}index.html");
    let mut ctx = json!({
        "root": base,
        "home_url": home,
        "menu": menu,
        "breadcrumb": [{ "title": "Accueil", "url": home }],
    });
    // The footer's links (guide, accessibility statement), made absolute the same way.
    for (key, value) in shared.common("404.html") {
        let value = match value.as_str() {
            Some(url) if !url.starts_with("http") => json!(format!("{base}{url}")),
            _ => value,
        };
        ctx[key] = value;
    }
    ctx
}

/// Every page by the name people use for it (`common_name`: "FIR" files the FIR lever under F),
/// or else by its title without a leading article; the full title is always shown.
fn plan(site: &Site, from: &str) -> Value {
    let key = |p: &Page| match &p.meta.common_name {
        Some(name) => sort_title(name),
        None => sort_title(strip_article(&p.meta.title)),
    };
    let mut pages: Vec<&Page> = site
        .pages
        .iter()
        .filter(|p| p.output != "index.html")
        .collect();
    pages.sort_by_key(|p| (key(p), sort_title(&p.meta.title)));
    let mut groups: Vec<(String, Vec<Value>)> = Vec::new();
    for p in pages {
        let letter = initial(&key(p));
        let entry = json!({ "name": p.meta.common_name, "title": p.meta.title, "url": relative(from, &p.output), "description": p.meta.description });
        match groups.last_mut() {
            Some((l, v)) if *l == letter => v.push(entry),
            _ => groups.push((letter, vec![entry])),
        }
    }
    Value::Array(
        groups
            .into_iter()
            .map(|(letter, pages)| json!({ "letter": letter, "pages": pages }))
            .collect(),
    )
}

/// "Les trois champs…" files under T, "L'innovation…" under I.
fn strip_article(title: &str) -> &str {
    for article in ["Les ", "Le ", "La ", "L'", "L’", "Un ", "Une ", "Des "] {
        if let Some(rest) = title.strip_prefix(article) {
            return rest;
        }
    }
    title
}

/// The updates as an Atom feed, newest first; links are absolute when a base URL is configured.
fn atom(site: &Site) -> OutputFile {
    const PATH: &str = "actualites/atom.xml";
    let base = site
        .config
        .base_url
        .as_deref()
        .map(|b| format!("{}/", b.trim_end_matches('/')));
    let href = |output: &str| match &base {
        Some(b) => format!("{b}{output}"),
        None => relative(PATH, output),
    };
    let mut updates: Vec<_> = site.updates().collect();
    updates.sort_by(|a, b| (b.1.date, &a.0.slug).cmp(&(a.1.date, &b.0.slug)));
    let newest = updates
        .first()
        .map_or(site.today, |(_, u)| u.date.first_day());
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"fr\">\n");
    xml.push_str(&format!(
        "  <title>{} — actualités</title>\n",
        crate::html::escape(&site.config.title)
    ));
    xml.push_str(&format!(
        "  <id>{}</id>\n  <updated>{newest}T00:00:00Z</updated>\n",
        crate::html::escape(&href("actualites/index.html"))
    ));
    xml.push_str(&format!(
        "  <link href=\"{}\"/>\n",
        crate::html::escape(&href("actualites/index.html"))
    ));
    for (p, u) in updates {
        let link = crate::html::escape(&href(&p.output));
        let mut summary = u.description.clone();
        if let (crate::model::UpdateKind::Appel, Some(d)) = (u.kind, u.deadline) {
            summary.push_str(&format!(" Date limite : {}.", d.french()));
        }
        xml.push_str(&format!(
            "  <entry>\n    <title>{}</title>\n    <id>{link}</id>\n    <link href=\"{link}\"/>\n    <updated>{}T00:00:00Z</updated>\n    <author><name>{}</name></author>\n    <summary>{}</summary>\n  </entry>\n",
            crate::html::escape(&u.title),
            u.date.first_day(),
            crate::html::escape(u.organiser.as_deref().unwrap_or(&site.config.title)),
            crate::html::escape(&summary)
        ));
    }
    xml.push_str("</feed>\n");
    OutputFile {
        path: PATH.to_owned(),
        bytes: xml.into_bytes().into(),
    }
}

fn sitemap(site: &Site, base: &str) -> OutputFile {
    let base = base.trim_end_matches('/');
    let mut outputs: Vec<&str> = site.pages.iter().map(|p| p.output.as_str()).collect();
    outputs.sort();
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for o in outputs {
        xml.push_str(&format!(
            "  <url><loc>{}/{}</loc></url>\n",
            crate::html::escape(base),
            crate::html::escape(o)
        ));
    }
    xml.push_str("</urlset>\n");
    OutputFile {
        path: "sitemap.xml".to_owned(),
        bytes: xml.into_bytes().into(),
    }
}

/// Glossary terms and ARS contacts as search entries pointing at their anchors.
pub fn data_texts(site: &Site) -> Vec<PageText> {
    let mut out = Vec::new();
    if let Some(g) = site.page_by_source("glossaire.md") {
        out.push(PageText {
            output: g.output.clone(),
            title: g.meta.title.clone(),
            section: "Glossaire".to_owned(),
            sections: site
                .glossary
                .data
                .terms
                .iter()
                .map(|t| TextSection {
                    anchor: Some(t.anchor()),
                    heading: Some(format!("{} — {}", t.acronym, t.expansion)),
                    text: t.definition.clone().unwrap_or_default(),
                })
                .collect(),
            keywords: String::new(),
        });
    }
    if let Some(c) = site.page_by_source("contacts.md") {
        out.push(PageText {
            output: c.output.clone(),
            title: c.meta.title.clone(),
            section: "Contacts".to_owned(),
            sections: site
                .contacts
                .data
                .ars
                .iter()
                .map(|a| TextSection {
                    anchor: Some(a.id.clone()),
                    heading: Some(a.name.clone()),
                    text: format!(
                        "{} Article 51 : {} {}",
                        a.region,
                        a.article51_email,
                        a.referents
                            .iter()
                            .map(|r| format!("{} {}", r.name, r.role.as_deref().unwrap_or("")))
                            .collect::<Vec<_>>()
                            .join(" ")
                    ),
                })
                .collect(),
            keywords: String::new(),
        });
    }
    out
}

/// The printable guide: every lever and the pages around them, in one page.
pub const GUIDE: &str = "guide/index.html";

/// The guide's chapters, in the order of the APIST guide: the three fields of innovation, the
/// levers (operators, industry, other levers: the levers' own order), the six conditions of
/// success, the glossary, the contacts, the useful references. A chapter whose page the site
/// lacks is left out. Each: content file, id on the guide, kind.
const CHAPTERS: [(&str, &str); 6] = [
    ("champs-innovation.md", "champs"),
    ("leviers/_index.md", "leviers"),
    ("conditions-de-succes.md", "conditions"),
    ("glossaire.md", "glossaire"),
    ("contacts.md", "contacts"),
    ("references.md", "references"),
];

/// Whether a generated page shows this page's body (the printable guide gathers its chapters
/// and the levers; the glossary lists the levers whose text uses each acronym): an edit of such
/// a body changes more than its own page.
pub(super) fn body_shown_elsewhere(page: &Page) -> bool {
    page.lever().is_some() || CHAPTERS.iter().any(|(source, _)| *source == page.source)
}

/// Whether a page with this template shows other pages' bodies: the glossary lists the levers
/// whose text uses each acronym (see [`extend_context`]).
pub(super) fn reads_bodies(template: &str) -> bool {
    template == "glossary.html"
}

/// Output file → (id on the guide, section number) for every page the guide gathers.
fn guide_targets(site: &Site) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    let mut number = 0;
    for (source, id) in CHAPTERS {
        let Some(p) = site.page_by_source(source) else {
            continue;
        };
        number += 1;
        out.push((p.output.clone(), id.to_owned(), number.to_string()));
        if id == "leviers" {
            for (i, (lp, _)) in sorted_levers(site).iter().enumerate() {
                out.push((
                    lp.output.clone(),
                    format!("levier-{}", lp.slug),
                    format!("{number}.{}", i + 1),
                ));
            }
        }
    }
    out
}

fn sorted_levers(site: &Site) -> Vec<(&Page, &crate::model::LeverMeta)> {
    let mut levers: Vec<_> = site.levers().collect();
    levers.sort_by_key(|(p, _)| order_key(p));
    levers
}

/// The guide's context: its chapters, each with its Markdown rendered for the guide (headings
/// one level down, ids prefixed with the chapter's id so they stay unique on the page).
fn guide(shared: &Shared<'_>) -> Value {
    let site = shared.site;
    let abbrs = super::abbreviations(site);
    let targets = guide_targets(site);
    let number_of = |output: &str| {
        targets
            .iter()
            .find(|t| t.0 == output)
            .map(|t| t.2.clone())
            .unwrap_or_default()
    };
    // A page as the guide shows it: its links relative to the guide, its ids prefixed.
    let as_guide = |p: &Page, id: &str, shift: u8| {
        let mut moved = p.clone();
        moved.output = GUIDE.to_owned();
        let md = crate::markdown::render(
            p.body(),
            &|d| match d.strip_prefix('#') {
                Some(frag) => Some(format!("#{id}-{frag}")),
                None => shared.links.rewrite(&p.source, GUIDE, d),
            },
            &abbrs,
        );
        let content = prefix_ids(&shift_headings(&md.html, shift), id);
        (moved, content)
    };
    let mut chapters = Vec::new();
    for (source, id) in CHAPTERS {
        let Some(p) = site.page_by_source(source) else {
            continue;
        };
        let (moved, content) = as_guide(p, id, 1);
        let mut chapter = json!({
            "id": id,
            "number": number_of(&p.output),
            "title": p.meta.title,
            "description": p.meta.description,
            "content": content,
            "sources": super::context::sources(&p.meta.sources),
            "url": relative(GUIDE, &p.output),
        });
        match id {
            "leviers" => {
                chapter["levers"] = sorted_levers(site)
                    .into_iter()
                    .map(|(lp, l)| {
                        let lid = format!("levier-{}", lp.slug);
                        let (moved, content) = as_guide(lp, &lid, 2);
                        json!({
                            "id": lid,
                            "idp": format!("{lid}-"),
                            "number": number_of(&lp.output),
                            "url": relative(GUIDE, &lp.output),
                            "page": {
                                "title": lp.meta.title,
                                "description": lp.meta.description,
                                "content": content,
                                "sources": super::context::sources(&lp.meta.sources),
                            },
                            "lever": shared.lever(&moved, l),
                        })
                    })
                    .collect();
            }
            "glossaire" => chapter["glossary"] = glossary(shared, GUIDE),
            "contacts" => chapter["contacts"] = contacts(shared, &moved),
            _ => {}
        }
        chapters.push(chapter);
    }
    json!({ "chapters": chapters })
}

/// `<h2>` → `<h3>`… for a page's Markdown placed under a heading of the guide.
fn shift_headings(html: &str, by: u8) -> String {
    let mut out = html.to_owned();
    for level in (1..=5u8).rev() {
        let to = (level + by).min(6);
        out = out
            .replace(&format!("<h{level}"), &format!("<h{to}"))
            .replace(&format!("</h{level}>"), &format!("</h{to}>"));
    }
    out
}

/// Every `id="x"` of a fragment becomes `id="prefix-x"`.
fn prefix_ids(html: &str, prefix: &str) -> String {
    html.replace(" id=\"", &format!(" id=\"{prefix}-"))
}

/// On the guide, a link to a page it gathers goes to that page's chapter (`#levier-fir`, or
/// `#levier-fir-fiche-montants` for an anchor in it) and says its section number, which print
/// shows (`data-ref`): on paper, "§ 2.1" finds it whatever the page breaks.
fn guide_links(html: &str, targets: &[(String, String, String)]) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("href=\"") {
        let (before, after) = rest.split_at(at + 6);
        out.push_str(before);
        let end = after.find('"').unwrap_or(after.len());
        let url = &after[..end];
        let (path, fragment) = url.split_once('#').unwrap_or((url, ""));
        let target = (!path.is_empty() && !path.contains(':'))
            .then(|| resolve_from_guide(path))
            .and_then(|p| targets.iter().find(|t| t.0 == p));
        match target {
            Some((_, id, number)) => {
                out.push('#');
                out.push_str(id);
                if !fragment.is_empty() {
                    out.push('-');
                    out.push_str(fragment);
                }
                out.push_str(&format!("\" data-ref=\"§ {number}"));
            }
            None => out.push_str(url),
        }
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// [`guide_links`] inside `<main>` only: the menu and the footer keep going to the site's pages.
fn guide_main_links(html: &str, targets: &[(String, String, String)]) -> String {
    match (html.find("<main"), html.rfind("</main>")) {
        (Some(a), Some(b)) if a < b => {
            format!(
                "{}{}{}",
                &html[..a],
                guide_links(&html[a..b], targets),
                &html[b..]
            )
        }
        _ => html.to_owned(),
    }
}

/// `../leviers/fir/index.html`, written on the guide, is `leviers/fir/index.html`.
fn resolve_from_guide(url: &str) -> String {
    let mut parts: Vec<&str> = GUIDE.split('/').collect();
    parts.pop();
    for seg in url.split('/') {
        match seg {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// The running header and footer of printed pages (site name, build date, page number), as CSS
/// page-margin boxes: a style sheet of its own, since they need the site's name as text.
fn print_css(site: &Site) -> OutputFile {
    let css_string = |s: &str| {
        let mut out = String::from("\"");
        for c in s.chars() {
            match c {
                '"' | '\\' => {
                    out.push('\\');
                    out.push(c);
                }
                c if c.is_control() => out.push(' '),
                c => out.push(c),
            }
        }
        out.push('"');
        out
    };
    let css = format!(
        "/* Généré par portail : en-tête et pied des pages imprimées. */\n\
         @page {{\n  margin: 16mm 14mm 18mm;\n  \
         @top-left {{ content: {}; font: 8pt system-ui, sans-serif; color: #444; }}\n  \
         @top-right {{ content: {}; font: 8pt system-ui, sans-serif; color: #444; }}\n  \
         @bottom-right {{ content: \"Page \" counter(page) \" sur \" counter(pages); font: 8pt system-ui, sans-serif; color: #444; }}\n}}\n",
        css_string(&site.config.title),
        css_string(&format!("État du {}", site.today.french())),
    );
    OutputFile {
        path: "static/impression.css".to_owned(),
        bytes: css.into_bytes().into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guide_links_point_inside_the_guide_with_their_section_number() {
        let targets = vec![
            (
                "leviers/fir/index.html".to_owned(),
                "levier-fir".to_owned(),
                "2.1".to_owned(),
            ),
            (
                "glossaire/index.html".to_owned(),
                "glossaire".to_owned(),
                "4".to_owned(),
            ),
        ];
        let html = r##"<a href="../leviers/fir/index.html">FIR</a> <a href="../glossaire/index.html#cpom">CPOM</a> <a href="../actualites/index.html">x</a> <a href="https://a.fr/leviers/fir/index.html">y</a> <a href="#levier-fir">z</a>"##;
        assert_eq!(
            guide_links(html, &targets),
            r##"<a href="#levier-fir" data-ref="§ 2.1">FIR</a> <a href="#glossaire-cpom" data-ref="§ 4">CPOM</a> <a href="../actualites/index.html">x</a> <a href="https://a.fr/leviers/fir/index.html">y</a> <a href="#levier-fir">z</a>"##
        );
    }

    #[test]
    fn guide_chapters_shift_headings_and_prefix_ids() {
        let html = "<h2 id=\"a\">A</h2><h3 id=\"b\">B</h3><p>x</p>";
        assert_eq!(
            prefix_ids(&shift_headings(html, 1), "champs"),
            "<h3 id=\"champs-a\">A</h3><h4 id=\"champs-b\">B</h4><p>x</p>"
        );
    }
}
