//! Markdown: one parse per page gives the HTML (rewritten links, heading anchors, glossary
//! `<abbr>`), the plain text for search, and the links as written for the link check.

use crate::slug::{slugify, AnchorSet};
use pulldown_cmark::{html, CowStr, Event, Options, Parser, Tag, TagEnd};
use std::ops::Range;

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// A link or image destination as written, with its byte range in the Markdown.
#[derive(Debug, Clone)]
pub struct LinkRef {
    pub dest: String,
    pub range: Range<usize>,
}

/// A `##`/`###` heading of a page, for tables of contents and search.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Heading {
    pub level: u8,
    pub text: String,
    pub anchor: String,
}

/// A stretch of a page under one heading, as plain text, for the search index.
#[derive(Debug, Clone, Default)]
pub struct TextSection {
    pub anchor: Option<String>,
    pub heading: Option<String>,
    pub text: String,
}

#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub html: String,
    pub headings: Vec<Heading>,
    pub sections: Vec<TextSection>,
    /// Links and images as written, and raw HTML, for the link check that follows rendering.
    pub links: Vec<LinkRef>,
    pub raw_html: Vec<LinkRef>,
}

/// An acronym to mark up on first use: `<abbr title="expansion">`.
pub struct Abbr<'a> {
    pub acronym: &'a str,
    pub expansion: &'a str,
}

/// The links of a short Markdown text (a lever's field), as written.
pub fn links(src: &str) -> Vec<LinkRef> {
    Parser::new_ext(src, options())
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                Some(LinkRef {
                    dest: dest_url.to_string(),
                    range,
                })
            }
            _ => None,
        })
        .collect()
}

/// Renders Markdown to HTML. `resolve` rewrites a link destination (None keeps it as written);
/// `abbrs` are marked on their first use in running text.
pub fn render(src: &str, resolve: &dyn Fn(&str) -> Option<String>, abbrs: &[Abbr<'_>]) -> Rendered {
    let events = with_anchors(Parser::new_ext(src, options()).into_offset_iter().collect());
    let mut out = Rendered::default();
    let mut abbr_used = vec![false; abbrs.len()];
    let mut current = TextSection::default();
    let mut in_heading: Option<(u8, String, String)> = None;
    let mut no_abbr_depth = 0usize;
    let mut html_events: Vec<Event<'_>> = Vec::with_capacity(events.len());
    let mut raw_html = false;
    for (event, range) in events {
        raw_html |= matches!(event, Event::Html(_) | Event::InlineHtml(_));
        match &event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                out.links.push(LinkRef {
                    dest: dest_url.to_string(),
                    range: range.clone(),
                });
            }
            Event::Html(h) | Event::InlineHtml(h) => out.raw_html.push(LinkRef {
                dest: h.to_string(),
                range: range.clone(),
            }),
            _ => {}
        }
        match &event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                in_heading = Some((
                    *level as u8,
                    id.as_deref().unwrap_or("").to_owned(),
                    String::new(),
                ));
                no_abbr_depth += 1;
            }
            Event::End(TagEnd::Heading(_)) => {
                no_abbr_depth -= 1;
                if let Some((level, anchor, text)) = in_heading.take() {
                    if level <= 3 {
                        out.headings.push(Heading {
                            level,
                            text: text.clone(),
                            anchor: anchor.clone(),
                        });
                    }
                    if level == 2 || level == 3 {
                        out.sections.push(std::mem::take(&mut current));
                        current.anchor = Some(anchor);
                        current.heading = Some(text);
                    } else {
                        current.text.push_str(&text);
                    }
                }
            }
            Event::Start(Tag::Link { .. } | Tag::CodeBlock(_) | Tag::Image { .. }) => {
                no_abbr_depth += 1
            }
            Event::End(TagEnd::Link | TagEnd::CodeBlock | TagEnd::Image) => no_abbr_depth -= 1,
            Event::Text(t) | Event::Code(t) => match &mut in_heading {
                Some((_, _, h)) => h.push_str(t),
                None => current.text.push_str(t),
            },
            Event::SoftBreak | Event::HardBreak => current.text.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell) => {
                current.text.push(' ')
            }
            _ => {}
        }
        let event = match event {
            // `{#id .classe}` stays; `{onclick=…}` and other attributes never reach the page.
            Event::Start(Tag::Heading {
                level, id, classes, ..
            }) => Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs: Vec::new(),
            }),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = safe_url(resolve(&dest_url).map(CowStr::from).unwrap_or(dest_url));
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = safe_url(resolve(&dest_url).map(CowStr::from).unwrap_or(dest_url));
                Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            Event::Text(text) if no_abbr_depth == 0 && !abbrs.is_empty() => {
                mark_abbrs(text, abbrs, &mut abbr_used, &mut html_events);
                continue;
            }
            other => other,
        };
        html_events.push(event);
    }
    out.sections.push(current);
    out.sections
        .retain(|s| s.heading.is_some() || !s.text.trim().is_empty());
    for s in &mut out.sections {
        s.text = collapse_spaces(&s.text);
    }
    html::push_html(&mut out.html, tables(html_events).into_iter());
    if raw_html {
        out.html = crate::html::sanitize(&out.html);
    }
    out
}

/// Tables as phones can read them: each in its own labelled region that scrolls sideways
/// (focusable, so keyboards scroll it too), each body cell labelled with its column heading so
/// that narrow screens show rows as cards (`data-label`, see `site.css`), and column
/// alignment as a class rather than an inline style, which a strict CSP would refuse.
fn tables(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    use pulldown_cmark::Alignment;
    let esc = crate::html::escape;
    let mut out = Vec::with_capacity(events.len());
    let mut heading: Option<String> = None;
    let mut last_heading = String::new();
    let (mut headers, mut aligns): (Vec<String>, Vec<Alignment>) = (Vec::new(), Vec::new());
    let (mut in_head, mut col) = (false, 0usize);
    for (i, event) in events.iter().enumerate() {
        let html = match event {
            Event::Start(Tag::Heading { .. }) => {
                heading = Some(String::new());
                None
            }
            Event::End(TagEnd::Heading(_)) => {
                last_heading = heading.take().unwrap_or_default();
                None
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(h) = &mut heading {
                    h.push_str(t);
                }
                None
            }
            Event::Start(Tag::Table(a)) => {
                aligns = a.clone();
                headers = table_headers(&events[i..]);
                let label = if last_heading.trim().is_empty() {
                    format!("Tableau : {}", headers.join(", "))
                } else {
                    format!("Tableau : {}", last_heading.trim())
                };
                Some(format!(
                    "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"{}\">\n<table class=\"table-cards\">",
                    esc(&label)
                ))
            }
            Event::End(TagEnd::Table) => Some("</tbody>\n</table>\n</div>\n".to_owned()),
            Event::Start(Tag::TableHead) => {
                (in_head, col) = (true, 0);
                Some("<thead><tr>".to_owned())
            }
            Event::End(TagEnd::TableHead) => {
                in_head = false;
                Some("</tr></thead>\n<tbody>\n".to_owned())
            }
            Event::Start(Tag::TableRow) => {
                col = 0;
                Some("<tr>".to_owned())
            }
            Event::End(TagEnd::TableRow) => Some("</tr>\n".to_owned()),
            Event::Start(Tag::TableCell) => {
                let class = match aligns.get(col) {
                    Some(Alignment::Left) => " class=\"align-left\"",
                    Some(Alignment::Center) => " class=\"align-center\"",
                    Some(Alignment::Right) => " class=\"align-right\"",
                    _ => "",
                };
                Some(
                    if in_head && headers.get(col).is_some_and(|h| h.is_empty()) {
                        // A heading cell with no text is no heading (axe: empty-table-header).
                        format!("<td{class}>")
                    } else if in_head {
                        format!("<th scope=\"col\"{class}>")
                    } else {
                        let label = headers.get(col).map(String::as_str).unwrap_or("");
                        format!("<td data-label=\"{}\"{class}>", esc(label))
                    },
                )
            }
            Event::End(TagEnd::TableCell) => {
                let th = in_head && headers.get(col).is_some_and(|h| !h.is_empty());
                col += 1;
                Some(if th { "</th>" } else { "</td>" }.to_owned())
            }
            _ => None,
        };
        match html {
            Some(h) => out.push(Event::Html(h.into())),
            None => out.push(event.clone()),
        }
    }
    out
}

/// The text of each heading cell of the table that starts the slice.
fn table_headers(events: &[Event<'_>]) -> Vec<String> {
    let mut headers = Vec::new();
    for e in events {
        match e {
            Event::Start(Tag::TableCell) => headers.push(String::new()),
            Event::Text(t) | Event::Code(t) => {
                if let Some(h) = headers.last_mut() {
                    h.push_str(t);
                }
            }
            Event::End(TagEnd::TableHead) => break,
            _ => {}
        }
    }
    headers
        .iter()
        .map(|h| collapse_spaces(h).trim().to_owned())
        .collect()
}

/// A link that could run code (`javascript:`…) goes nowhere; `portail check` reports it.
fn safe_url(url: CowStr<'_>) -> CowStr<'_> {
    if crate::urls::forbidden_scheme(&url).is_some() {
        CowStr::from("#")
    } else {
        url
    }
}

/// Inline Markdown (a front-matter string) to HTML, without the surrounding paragraph.
pub fn render_inline(src: &str, resolve: &dyn Fn(&str) -> Option<String>) -> String {
    let html = render(src, resolve, &[]).html;
    let trimmed = html.trim_end();
    match trimmed
        .strip_prefix("<p>")
        .and_then(|s| s.strip_suffix("</p>"))
    {
        Some(inner) if !inner.contains("<p>") => inner.to_owned(),
        _ => trimmed.to_owned(),
    }
}

/// Gives every heading an id: the one written (`{#id}`) or one derived from its text.
fn with_anchors(mut events: Vec<(Event<'_>, Range<usize>)>) -> Vec<(Event<'_>, Range<usize>)> {
    let mut set = AnchorSet::default();
    for (event, _) in &events {
        if let Event::Start(Tag::Heading { id: Some(id), .. }) = event {
            set.reserve(id);
        }
    }
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { id: None, .. }) = &events[i].0 {
            let mut text = String::new();
            for (e, _) in &events[i + 1..] {
                match e {
                    Event::End(TagEnd::Heading(_)) => break,
                    Event::Text(t) | Event::Code(t) => text.push_str(t),
                    _ => {}
                }
            }
            let anchor = set.unique(&slugify(&text));
            if let Event::Start(Tag::Heading { id, .. }) = &mut events[i].0 {
                *id = Some(anchor.into());
            }
        }
        i += 1;
    }
    events
}

fn mark_abbrs<'a>(
    text: CowStr<'a>,
    abbrs: &[Abbr<'_>],
    used: &mut [bool],
    out: &mut Vec<Event<'a>>,
) {
    let mut rest: &str = &text;
    let mut pieces: Vec<Event<'a>> = Vec::new();
    while let Some((pos, i)) = next_abbr(rest, abbrs, used) {
        used[i] = true;
        let a = &abbrs[i];
        pieces.push(Event::Text(rest[..pos].to_owned().into()));
        pieces.push(Event::InlineHtml(
            format!(
                "<abbr title=\"{}\">{}</abbr>",
                crate::html::escape(a.expansion),
                crate::html::escape(a.acronym)
            )
            .into(),
        ));
        rest = &rest[pos + a.acronym.len()..];
    }
    if pieces.is_empty() {
        out.push(Event::Text(text));
    } else {
        pieces.push(Event::Text(rest.to_owned().into()));
        out.extend(
            pieces
                .into_iter()
                .filter(|e| !matches!(e, Event::Text(t) if t.is_empty())),
        );
    }
}

/// The first not-yet-used acronym standing as a whole word in `text`, scanning word starts
/// once (not once per acronym: a 10 000-page site has millions of words). At one position
/// the longer acronym wins: « ESP-CLIP » before « ESP ».
fn next_abbr(text: &str, abbrs: &[Abbr<'_>], used: &[bool]) -> Option<(usize, usize)> {
    // The first letters of the acronyms left: most words start with none of them.
    let mut ascii = [false; 128];
    let mut other: Vec<char> = Vec::new();
    for (a, _) in abbrs.iter().zip(used).filter(|(_, u)| !**u) {
        match a.acronym.chars().next() {
            Some(c) if c.is_ascii() => ascii[c as usize] = true,
            Some(c) => other.push(c),
            None => {}
        }
    }
    let mut prev_alnum = false;
    for (pos, c) in text.char_indices() {
        let word_start = !prev_alnum && c.is_alphanumeric();
        prev_alnum = c.is_alphanumeric();
        let candidate = if c.is_ascii() {
            ascii[c as usize]
        } else {
            other.contains(&c)
        };
        if !word_start || !candidate {
            continue;
        }
        let rest = &text[pos..];
        let best = abbrs
            .iter()
            .enumerate()
            .filter(|(i, a)| {
                a.acronym.as_bytes().first() == rest.as_bytes().first()
                    && !used[*i]
                    && rest.starts_with(a.acronym)
            })
            .filter(|(_, a)| {
                !rest[a.acronym.len()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
            })
            .max_by_key(|(_, a)| a.acronym.len());
        if let Some((i, _)) = best {
            return Some((pos, i));
        }
    }
    None
}

/// Byte position of `word` in `text` where it stands as a whole word.
pub fn find_word(text: &str, word: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(pos) = text[from..].find(word) {
        let start = from + pos;
        let end = start + word.len();
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        if boundary(before) && boundary(after) {
            return Some(start);
        }
        from = end;
    }
    None
}

fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keep(_: &str) -> Option<String> {
        None
    }

    /// Whatever `check` would say, nothing rendered from Markdown runs code.
    #[test]
    fn hostile_markdown_renders_inert() {
        let hostile = "# Titre {#a onmouseover=alert(1)}\n\n<script>alert(1)</script>\n\n\
            <img src=x onerror=alert(2)>\n\n[clic](javascript:alert(3)) <javascript:alert(5)>\n\n\
            [c][ref]\n\n[ref]: vbscript:msgbox(1)\n\n![i](data:image/svg+xml,xx)\n\n\
            <a href=\"JaVaScRiPt:alert(6)\">x</a> <p style=\"x:expression(alert(7))\">y</p>\n\n\
            <div class=\"note\">Bien</div>\n";
        let html = render(hostile, &keep, &[]).html;
        let lower = html.to_ascii_lowercase();
        for bad in [
            "<script",
            "onerror",
            "onmouseover",
            "=\"javascript:",
            "=\"vbscript:",
            "=\"data:",
            "expression",
        ] {
            assert!(!lower.contains(bad), "{bad} in {html}");
        }
        assert!(html.contains("<div class=\"note\">Bien</div>"), "{html}");
        assert!(html.contains("id=\"a\""), "{html}");
        // Without raw HTML, links are neutralised all the same.
        let html = render("[x](javascript:alert(1))", &keep, &[]).html;
        assert!(!html.contains("javascript"), "{html}");
    }

    #[test]
    fn headings_get_unique_anchors() {
        let r = render(
            "## Qui peut candidater ?\n\n## Exemples\n\n## Exemples\n\n## Calendrier {#cal}\n",
            &keep,
            &[],
        );
        assert_eq!(
            crate::html::ids(&r.html),
            ["qui-peut-candidater", "exemples", "exemples-1", "cal"]
        );
        let r = render("## Qui peut candidater ?\n", &keep, &[]);
        assert!(
            r.html.contains("<h2 id=\"qui-peut-candidater\">"),
            "{}",
            r.html
        );
    }

    #[test]
    fn links_are_listed_with_positions_and_rewritten() {
        let src = "Voir [FIR](fir.md#calendrier) et ![x](img.png).";
        let o = render(src, &keep, &[]);
        assert_eq!(o.links.len(), 2);
        assert_eq!(o.links[0].dest, "fir.md#calendrier");
        assert_eq!(&src[o.links[0].range.clone()], "[FIR](fir.md#calendrier)");
        assert_eq!(links(src)[0].dest, "fir.md#calendrier");
        let r = render(
            src,
            &|d| {
                d.strip_suffix(".md#calendrier")
                    .map(|s| format!("../{s}/index.html#calendrier"))
            },
            &[],
        );
        assert!(
            r.html.contains("href=\"../fir/index.html#calendrier\""),
            "{}",
            r.html
        );
    }

    #[test]
    fn first_use_of_an_acronym_is_marked_once_outside_links_and_headings() {
        let abbrs = [Abbr {
            acronym: "FIR",
            expansion: "Fonds d'intervention régional",
        }];
        let r = render(
            "## Le FIR\n\nVoir [FIR](x). Le FIR finance ; le FIR aide. FIRST n'en est pas un.",
            &keep,
            &abbrs,
        );
        assert_eq!(r.html.matches("<abbr").count(), 1, "{}", r.html);
        assert!(
            r.html.contains(
                "Le <abbr title=\"Fonds d&#39;intervention régional\">FIR</abbr> finance"
            ),
            "{}",
            r.html
        );
    }

    #[test]
    fn sections_split_plain_text_under_headings() {
        let r = render(
            "Intro **gras**.\n\n## Calendrier\n\nUn an.\n\n### Détail\n\n- a\n- b\n",
            &keep,
            &[],
        );
        let s: Vec<_> = r
            .sections
            .iter()
            .map(|s| (s.anchor.as_deref(), s.text.as_str()))
            .collect();
        assert_eq!(
            s,
            [
                (None, "Intro gras."),
                (Some("calendrier"), "Un an."),
                (Some("detail"), "a b")
            ]
        );
    }

    #[test]
    fn tables_footnotes_strikethrough() {
        let r = render(
            "| a | b |\n|---|---|\n| 1 | 2 |\n\n~~non~~ texte[^1]\n\n[^1]: note\n",
            &keep,
            &[],
        );
        assert!(r.html.contains("<table class=\"table-cards\">"));
        assert!(r.html.contains("<del>non</del>"));
        assert!(r.html.contains("footnote"));
    }

    #[test]
    fn tables_scroll_in_a_labelled_region_and_label_their_cells() {
        let src =
            "## Seuils\n\n| Levier | Opérateur |\n|---|:---:|\n| [FIR](x) | oui |\n| CPOM | |\n";
        let html = render(src, &keep, &[]).html;
        assert!(html.contains(
            "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Tableau : Seuils\">"
        ));
        assert!(html.contains("<th scope=\"col\" class=\"align-center\">Opérateur</th>"));
        assert!(html.contains("<td data-label=\"Levier\"><a href=\"x\">FIR</a></td>"));
        assert!(html.contains("<td data-label=\"Opérateur\" class=\"align-center\"></td>"));
        assert!(
            !html.contains("style="),
            "no inline style under a strict CSP: {html}"
        );
        assert!(html.trim_end().ends_with("</table>\n</div>"));
        // Raw HTML elsewhere on the page sends it through the sanitiser, which keeps all this.
        let with_raw = render(&format!("{src}\n<span>x</span>\n"), &keep, &[]).html;
        assert!(
            with_raw.contains("role=\"region\" tabindex=\"0\" aria-label=\"Tableau : Seuils\""),
            "{with_raw}"
        );
        assert!(with_raw.contains("data-label=\"Opérateur\""));
    }

    #[test]
    fn inline_strips_paragraph() {
        assert_eq!(render_inline("**Un** an", &keep), "<strong>Un</strong> an");
    }
}
