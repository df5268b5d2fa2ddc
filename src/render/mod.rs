//! Render: Markdown to HTML, then each page through its Tera template, in parallel.
//! Also the generated pages (A–Z plan, search, 404) and the machine-readable exports.

pub mod context;
mod exports;
mod generated;
pub mod memo;
pub mod templates;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::markdown::{self, Abbr, TextSection};
use crate::model::{Page, PageKind, Site};
use crate::output::{OutputFile, Sink};
use context::Shared;
use memo::{Generated, Memo, Remembered};
use rayon::prelude::*;
use std::collections::BTreeMap;
use tera::Tera;

/// What rendering a page produced that the link check reads: the ids its HTML really has
/// (whatever the templates, conditional blocks included) and its links as written.
#[derive(Debug, Clone, Default)]
pub struct Produced {
    /// The page's content source (`leviers/fir.md`).
    pub source: String,
    /// Every id of the page, one per line (one allocation per page, not one per id: a 50 000-page
    /// site keeps them all until the check): what a `#fragment` pointing at it may name.
    pub ids: String,
    /// The lines of `ids` that stand in the page's main content (`<main>`), offered when a
    /// fragment is misspelt.
    pub content_ids: std::ops::Range<usize>,
    pub links: Vec<markdown::LinkRef>,
    pub raw_html: Vec<markdown::LinkRef>,
}

/// A rendered page's text, for the search index.
#[derive(Debug, Clone)]
pub struct PageText {
    pub output: String,
    pub title: String,
    /// What the page belongs to, as search results say: its lever, or its folder's title.
    pub label: String,
    pub sections: Vec<TextSection>,
    /// Structured fields and acronyms, weighted above body text.
    pub keywords: String,
}

pub struct Options {
    pub livereload: bool,
}

/// Pages rendered in parallel at a time: their texts go to the index before the next ones are
/// made, so memory never holds the text of the whole site.
const CHUNK_PAGES: usize = 512;

/// Renders every page into `sink` as it is done, and hands the pages' texts to `index`, in
/// page order, a chunk at a time; a page's data-driven entries (glossary terms, ARS) follow it.
/// With a `memo` (from the previous build of the same site), pages and generated files whose
/// inputs did not change are taken from it rather than rendered again (see [`memo`]).
pub fn render(
    site: &Site,
    template_sources: &BTreeMap<String, String>,
    opts: &Options,
    wizard: Option<&crate::site_wizard::Compiled>,
    sink: &dyn Sink,
    index: &mut (dyn FnMut(Vec<PageText>) + Send),
    memo: Option<&mut Memo>,
) -> Result<Rendered, Diagnostics> {
    let mut diags = Diagnostics::default();
    let tera = match templates::engine(template_sources) {
        Ok(t) => t,
        Err(ds) => {
            diags.extend(ds);
            return Err(diags);
        }
    };
    let shared = Shared {
        site,
        links: crate::links::LinkTable::new(site),
        livereload: opts.livereload,
        wizard,
        template_sources,
    };
    let abbrs = abbreviations(site);
    let fingerprint = memo
        .is_some()
        .then(|| memo::fingerprint(site, template_sources, opts.livereload));
    let previous = memo.as_deref();
    let mut entries: Vec<Option<PageText>> = generated::search_texts(site)
        .into_iter()
        .map(Some)
        .collect();
    let mut pages = Vec::with_capacity(site.pages.len());
    let mut kept = std::collections::HashSet::new();
    let mut fresh = Vec::new();
    // The index takes a chunk while the next one renders: its sequential part then runs beside
    // rendering rather than between two chunks.
    let mut indexing: Option<Vec<PageText>> = None;
    for chunk in site.pages.chunks(CHUNK_PAGES) {
        let last = indexing.take();
        let index_last = || {
            if let Some(texts) = last {
                index(texts);
            }
        };
        let render_chunk = || {
            chunk
                .par_iter()
                .map(|page| {
                    render_or_reuse(&shared, &tera, &abbrs, page, fingerprint, previous, sink)
                })
                .collect()
        };
        let (results, ()): (Vec<Outcome<'_>>, ()) = rayon::join(render_chunk, index_last);
        let mut texts = Vec::with_capacity(results.len());
        for r in results {
            match r {
                Ok((t, produced, reuse)) => {
                    let output = t.output.clone();
                    texts.push(t);
                    for entry in &mut entries {
                        if entry.as_ref().is_some_and(|e| e.output == output) {
                            texts.extend(entry.take());
                        }
                    }
                    pages.push(produced);
                    match reuse {
                        Done::Reused(source) => drop(kept.insert(source)),
                        Done::Rendered(entry) => fresh.extend(entry.map(|e| *e)),
                    }
                }
                Err(d) => diags.push(d),
            }
        }
        indexing = Some(texts);
    }
    if let Some(texts) = indexing {
        index(texts);
    }
    let generated = match previous
        .and_then(|m| m.generated.as_ref())
        .filter(|g| Some(g.fingerprint) == fingerprint)
    {
        Some(g) => g.files.clone(),
        None => match generated(&shared, &tera) {
            Ok(g) => g,
            Err(d) => {
                diags.push(d);
                return Err(diags);
            }
        },
    };
    if !diags.is_empty() {
        return Err(diags);
    }
    for f in &generated {
        sink.put(f.clone());
    }
    // Entries whose page is missing stand as pages of their own.
    index(entries.into_iter().flatten().collect());
    if let (Some(memo), Some(fingerprint)) = (memo, fingerprint) {
        // Still valid: what was reused; then what was just rendered. Pages gone are forgotten.
        memo.pages
            .retain(|source, _| kept.contains(source.as_str()));
        memo.pages.extend(fresh);
        memo.generated = Some(Generated {
            fingerprint,
            files: generated,
        });
    }
    Ok(Rendered {
        pages_rendered: site.pages.len() - kept.len(),
        pages,
    })
}

/// What each page produced for the link check, and how many pages were rendered (not taken
/// from the memo).
pub struct Rendered {
    pub pages: Vec<Produced>,
    pub pages_rendered: usize,
}

/// A page taken from the memo when its key is unchanged, else rendered (and, with a memo,
/// remembered); its file goes to `sink` either way.
fn render_or_reuse<'s>(
    shared: &Shared<'_>,
    tera: &Tera,
    abbrs: &[Abbr<'_>],
    page: &'s Page,
    fingerprint: Option<memo::Fingerprint>,
    previous: Option<&Memo>,
    sink: &dyn Sink,
) -> Outcome<'s> {
    let key = fingerprint.map(|f| {
        let reads = if context::reads_bodies(&template_name(page)) {
            f.full
        } else {
            f.shape
        };
        memo::page_key(reads, &page.source, &page.text)
    });
    let known = previous
        .and_then(|m| m.pages.get(&page.source))
        .filter(|r| Some(r.key) == key);
    if let Some(r) = known {
        sink.put(r.file.clone());
        return Ok((
            r.text.clone(),
            r.produced.clone(),
            Done::Reused(&page.source),
        ));
    }
    let (file, text, produced) = render_page(shared, tera, page, abbrs)?;
    let fresh = key.map(|key| {
        let r = Remembered {
            key,
            file: file.clone(),
            text: text.clone(),
            produced: produced.clone(),
        };
        Box::new((page.source.clone(), r))
    });
    sink.put(file);
    Ok((text, produced, Done::Rendered(fresh)))
}

/// One page rendered, or why not.
type Outcome<'s> = Result<(PageText, Produced, Done<'s>), Diagnostic>;

/// What became of one page: taken from the memo, or rendered (and, with a memo, to remember).
enum Done<'s> {
    Reused(&'s str),
    Rendered(Option<Box<(String, Remembered)>>),
}

/// The pages and files made from the site's shape alone.
fn generated(shared: &Shared<'_>, tera: &Tera) -> Result<Vec<OutputFile>, Diagnostic> {
    let mut files = generated::pages(shared, tera)?;
    files.extend(exports::files(shared.site)?);
    if let Some(rules) = shared.wizard {
        files.extend(crate::site_wizard::scripts(shared.site, rules));
    }
    Ok(files)
}

/// The glossary's acronyms, marked `<abbr>` on their first use in each page's text.
pub(super) fn abbreviations(site: &Site) -> Vec<Abbr<'_>> {
    site.glossary
        .data
        .terms
        .iter()
        .map(|t| Abbr {
            acronym: &t.acronym,
            expansion: &t.expansion,
        })
        .collect()
}

fn render_page(
    shared: &Shared<'_>,
    tera: &Tera,
    page: &Page,
    abbrs: &[Abbr<'_>],
) -> Result<(OutputFile, PageText, Produced), Diagnostic> {
    let md = markdown::render(
        page.body(),
        &|d| shared.links.rewrite(&page.source, &page.output, d),
        abbrs,
    );
    let template = template_name(page);
    let ctx = shared.page_context(page, &template, &md.html, &md.headings);
    let html = render_template(
        tera,
        &template,
        &ctx,
        &page.display,
        shared.template_sources,
    )?;
    let text = PageText {
        output: page.output.clone(),
        title: page.meta.title.clone(),
        label: result_label(shared.site, page),
        sections: md.sections,
        keywords: keywords(page),
    };
    // The ids before, inside and after `<main>`, in order.
    let (open, close) = html.find("<main").map_or((0, html.len()), |start| {
        let end = html[start..]
            .find("</main>")
            .map_or(html.len(), |e| start + e);
        let open_end = html[start..end].find('>').map_or(end, |e| start + e + 1);
        (open_end, end)
    });
    let mut ids = crate::html::ids(&html[..open]).join("\n");
    let from = ids.len();
    for id in crate::html::ids(&html[open..close]) {
        ids.push('\n');
        ids.push_str(&id);
    }
    let content_ids = from..ids.len();
    for id in crate::html::ids(&html[close..]) {
        ids.push('\n');
        ids.push_str(&id);
    }
    ids.shrink_to_fit();
    let produced = Produced {
        source: page.source.clone(),
        ids,
        content_ids,
        links: md.links,
        raw_html: md.raw_html,
    };
    Ok((
        OutputFile {
            path: page.output.clone(),
            bytes: html.into_bytes().into(),
        },
        text,
        produced,
    ))
}

/// Renders a page template, then sets its text in French typography (see [`crate::typography`]):
/// Markdown and every text field pass through here, code, URLs and attributes excepted.
pub fn render_template(
    tera: &Tera,
    name: &str,
    ctx: &impl serde::Serialize,
    file: &str,
    sources: &BTreeMap<String, String>,
) -> Result<String, Diagnostic> {
    templates::render(tera, name, ctx, file, sources).map(|html| crate::typography::html(&html))
}

/// The template a page uses: its own `template`, or one by kind.
pub fn template_name(page: &Page) -> String {
    if let Some(t) = &page.meta.template {
        return t.clone();
    }
    match &page.kind {
        PageKind::Folder if page.output == "index.html" => "index.html",
        PageKind::Folder => "section.html",
        PageKind::Lever(_) => "lever.html",
        PageKind::Update(_) => "update.html",
        PageKind::Plain => "page.html",
    }
    .to_owned()
}

fn result_label(site: &Site, page: &Page) -> String {
    if let Some(l) = page.lever() {
        return format!("Levier · {}", l.short_title);
    }
    if page.update().is_some() {
        return "Actualités".to_owned();
    }
    site.page_by_source(&format!("{}/_index.md", page.folder))
        .filter(|s| !page.folder.is_empty() && s.source != page.source)
        .map_or_else(|| page.meta.title.clone(), |s| s.meta.title.clone())
}

fn keywords(page: &Page) -> String {
    let mut k: Vec<&str> = Vec::new();
    if let Some(l) = page.lever() {
        // The short title last: search snippets start with the description, not a title.
        k.push(&l.description);
        k.extend(l.markdown_fields());
        k.extend(l.thresholds.iter().map(|t| t.label.as_str()));
        k.extend(l.facts.iter().map(|f| f.text.as_str()));
        k.push(&l.contact);
        k.push(&l.short_title);
    }
    if let Some(u) = page.update() {
        k.push(&u.description);
        k.extend(u.organiser.as_deref());
    }
    if let Some(d) = &page.meta.description {
        if page.lever().is_none() && page.update().is_none() {
            k.push(d);
        }
    }
    link_text(&k.join(" "))
}

/// Markdown links of structured fields reduced to their text: `[l'appel](../a.md)` → `l'appel`,
/// so that search neither indexes nor shows link targets.
fn link_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut rest = markdown;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find("](").map(|c| open + c) else {
            break;
        };
        let Some(end) = rest[close..].find(')').map(|e| close + e) else {
            break;
        };
        out.push_str(&rest[..open]);
        out.push_str(&rest[open + 1..close]);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}
