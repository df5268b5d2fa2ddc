//! Pages that come from data rather than one Markdown file: glossary and contacts blocks,
//! the A–Z plan, the search page, the 404 page, the Atom feed and the sitemap.

use super::context::{order_key, sort_title, source_text, Shared};
use super::{render_template, OutputFile, PageText};
use crate::diagnostic::Diagnostic;
use crate::markdown::{find_word, TextSection};
use crate::model::{Page, Site};
use crate::urls::relative;
use serde_json::{json, Value};
use tera::Tera;

/// Adds the data a special template needs to a page's context.
pub fn extend_context(shared: &Shared<'_>, page: &Page, template: &str, ctx: &mut Value) {
    let from = page.output.as_str();
    match template {
        "glossary.html" => ctx["glossary"] = glossary(shared, from),
        "contacts.html" => ctx["contacts"] = contacts(shared, page),
        "assistant.html" => {
            if let Some(rules) = &shared.wizard {
                ctx["wizard_table"] = crate::assistant::table(shared.site, rules);
            }
            ctx["wizard_interactive"] = crate::assistant::interactive().into();
        }
        _ => {}
    }
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
        if let (Some(o), Some(e)) = (ctx.as_object_mut(), extra.as_object()) {
            o.extend(e.clone());
        }
        let html = render_template(tera, template, &ctx, shared.template_sources)?;
        out.push(OutputFile {
            path: output.to_owned(),
            bytes: html.into_bytes(),
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
    json!({
        "root": base,
        "home_url": home,
        "menu": menu,
        "breadcrumb": [{ "title": "Accueil", "url": home }],
    })
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
        bytes: xml.into_bytes(),
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
        bytes: xml.into_bytes(),
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
