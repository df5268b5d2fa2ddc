//! The JSON each template receives. Every URL in it is relative to the page being rendered.

use crate::date::Date;
use crate::links::LinkTable;
use crate::markdown::render_inline;
use crate::model::{
    Audience, LeverMeta, Page, PageKind, Site, SortBy, Source, UpdateKind, UpdateMeta,
};
use crate::urls::{relative, root_prefix};
use serde_json::{json, Value};

/// What every page's context shares, computed once per build.
pub struct Shared<'a> {
    pub site: &'a Site,
    pub links: LinkTable,
    pub livereload: bool,
    /// The wizard's validated rules, when the site has a wizard.
    pub wizard: Option<&'a crate::assistant::Compiled>,
    /// Template texts by name, to point template errors at their line.
    pub template_sources: &'a std::collections::BTreeMap<String, String>,
}

impl Shared<'_> {
    fn url(&self, from: &str, to: &str) -> String {
        relative(from, to)
    }

    pub fn inline(&self, page: &Page, text: &str) -> String {
        render_inline(text, &|d| self.links.rewrite(&page.source, &page.output, d))
    }

    fn page_output(&self, source: &str) -> Option<&str> {
        self.site.page_by_source(source).map(|p| p.output.as_str())
    }

    /// The main navigation: the configured menu, or the top-level sections.
    pub fn menu(&self, from: &str) -> Vec<Value> {
        let items: Vec<(String, String)> = if self.site.config.menu.is_empty() {
            let mut sections: Vec<&Page> = self
                .site
                .pages
                .iter()
                .filter(|p| p.is_section() && !p.section.is_empty() && !p.section.contains('/'))
                .collect();
            sections.sort_by_key(|p| order_key(p));
            sections
                .iter()
                .map(|p| (p.meta.title.clone(), p.output.clone()))
                .collect()
        } else {
            self.site
                .config
                .menu
                .iter()
                .filter_map(|m| {
                    self.page_output(&m.page)
                        .map(|o| (m.title.clone(), o.to_owned()))
                })
                .collect()
        };
        items
            .into_iter()
            .map(|(title, output)| {
                let current = from == output
                    || (output.ends_with("/index.html")
                        && from.starts_with(output.trim_end_matches("index.html")));
                json!({ "title": title, "url": self.url(from, &output), "current": current })
            })
            .collect()
    }

    pub fn page_context(
        &self,
        page: &Page,
        content_html: &str,
        toc: &[crate::markdown::Heading],
    ) -> Value {
        let from = page.output.as_str();
        let mut ctx = json!({
            "site": { "title": self.site.config.title, "description": self.site.config.description },
            "root": root_prefix(from),
            "home_url": self.url(from, "index.html"),
            "menu": self.menu(from),
            "livereload": self.livereload,
            "today": self.site.today.french(),
            "page": {
                "title": page.meta.title,
                "description": page.meta.description,
                "date": page.meta.date.map(|d| d.french()),
                "content": content_html,
                "toc": toc,
                "sources": sources(&page.meta.sources),
                "source_file": page.display,
                "url": from,
            },
            "breadcrumb": self.breadcrumb(page),
        });
        let obj = ctx.as_object_mut().expect("json object");
        obj.extend(self.common(from));
        match &page.kind {
            PageKind::Lever(l) => {
                obj.insert("lever".into(), self.lever(page, l));
            }
            PageKind::Update(u) => {
                obj.insert("update".into(), self.update(from, page, u));
            }
            PageKind::Section => {
                obj.insert("section".into(), self.section(page));
            }
            PageKind::Plain => {}
        }
        if page.section.is_empty() && page.slug == "_index" {
            obj.insert("home".into(), self.home(from));
        }
        ctx
    }

    fn breadcrumb(&self, page: &Page) -> Vec<Value> {
        let mut crumbs = Vec::new();
        if page.output == "index.html" {
            return crumbs;
        }
        crumbs.push(json!({ "title": "Accueil", "url": self.url(&page.output, "index.html") }));
        if !page.is_section() && !page.section.is_empty() {
            if let Some(sec) = self
                .site
                .page_by_source(&format!("{}/_index.md", page.section))
            {
                crumbs.push(
                    json!({ "title": sec.meta.title, "url": self.url(&page.output, &sec.output) }),
                );
            }
        }
        crumbs
    }

    /// What every template receives besides the page: the canonical address when `base_url`
    /// is set, and the footer's links to the printable guide and the accessibility statement.
    pub fn common(&self, from: &str) -> serde_json::Map<String, Value> {
        let mut m = serde_json::Map::new();
        let canonical = self
            .site
            .config
            .base_url
            .as_deref()
            .map(|b| format!("{}/{from}", b.trim_end_matches('/')));
        m.insert("canonical_url".into(), json!(canonical));
        let guide = self
            .site
            .levers()
            .next()
            .map(|_| self.url(from, super::special::GUIDE));
        m.insert("guide_url".into(), json!(guide));
        let statement = self
            .page_output("accessibilite.md")
            .map(|o| self.url(from, o));
        m.insert("accessibility_url".into(), json!(statement));
        m
    }

    /// A lever's fields for its template, links relative to `page.output` (the guide passes
    /// a copy of the page whose output is the guide).
    pub fn lever(&self, page: &Page, l: &LeverMeta) -> Value {
        let list = |items: &[String]| {
            items
                .iter()
                .map(|t| self.inline(page, t))
                .collect::<Vec<_>>()
        };
        let updates: Vec<Value> = self
            .site
            .updates()
            .filter(|(_, u)| u.levers.contains(&page.slug))
            .map(|(p, u)| self.update_summary(&page.output, p, u))
            .collect();
        json!({
            "slug": page.slug,
            "short_title": l.short_title,
            "audiences": l.audiences.iter().map(|a| json!({ "slug": a.slug(), "label": a.label() })).collect::<Vec<_>>(),
            "objective": self.inline(page, &l.objective),
            "duration": self.inline(page, &l.duration),
            "contact": self.inline(page, &l.contact),
            "contacts_url": self.page_output("contacts.md").map(|o| self.url(&page.output, o)),
            "applicants": list(&l.applicants),
            "criteria": list(&l.criteria),
            "funds": list(&l.funds),
            "amounts": list(&l.amounts),
            "examples": list(&l.examples),
            "audience_notes": l.audience_notes.iter().map(|n| json!({ "label": n.audience.label(), "text": self.inline(page, &n.text) })).collect::<Vec<_>>(),
            "thresholds": l.thresholds.iter().map(|t| {
                let mut v = dated(t.as_of, t.applies_from, t.applies_until, t.review, self.site.today);
                v["amount"] = json!(t.amount);
                v["label"] = json!(self.inline(page, &t.label));
                v
            }).collect::<Vec<_>>(),
            "facts": l.facts.iter().map(|f| {
                let mut v = dated(f.as_of, f.applies_from, f.applies_until, f.review, self.site.today);
                v["text"] = json!(self.inline(page, &f.text));
                v
            }).collect::<Vec<_>>(),
            "updates": updates,
        })
    }

    fn update(&self, from: &str, page: &Page, u: &UpdateMeta) -> Value {
        let mut v = self.update_summary(from, page, u);
        let levers: Vec<Value> = u
            .levers
            .iter()
            .filter_map(|slug| self.site.levers().find(|(p, _)| p.slug == *slug))
            .map(|(p, l)| json!({ "title": l.short_title, "url": self.url(from, &p.output) }))
            .collect();
        let obj = v.as_object_mut().expect("json object");
        obj.insert("levers".into(), Value::Array(levers));
        obj.insert("organiser".into(), json!(u.organiser));
        obj.insert("link".into(), json!(u.link));
        v
    }

    pub fn update_summary(&self, from: &str, page: &Page, u: &UpdateMeta) -> Value {
        json!({
            "title": u.title,
            "description": u.description,
            "url": self.url(from, &page.output),
            "date": u.date.french(),
            "date_iso": u.date.to_string(),
            "kind": u.kind.slug(),
            "kind_label": u.kind.label(),
            "date_phrase": format!("Document {}", u.date.of_french()),
            "deadline": u.deadline.map(|d| d.french()),
            "status": status(u, self.site.today),
        })
    }

    fn section(&self, section: &Page) -> Value {
        let folder = section.section.as_str();
        let sort = section.meta.sort_by.unwrap_or(SortBy::Weight);
        let mut children: Vec<&Page> = self
            .site
            .pages
            .iter()
            .filter(|p| !p.is_section() && p.section == folder && p.source != section.source)
            .collect();
        match sort {
            SortBy::Weight => children.sort_by_key(|p| order_key(p)),
            SortBy::Title => children.sort_by_key(|p| sort_title(&p.meta.title)),
            SortBy::Date => children
                .sort_by(|a, b| (b.meta.date, &a.meta.title).cmp(&(a.meta.date, &b.meta.title))),
        }
        let mut subsections: Vec<&Page> = self
            .site
            .pages
            .iter()
            .filter(|p| {
                p.is_section()
                    && p.section.rsplit_once('/').map_or("", |(d, _)| d) == folder
                    && p.source != section.source
                    && !p.section.is_empty()
            })
            .collect();
        subsections.sort_by_key(|p| order_key(p));
        let entry = |p: &Page| {
            let mut v = json!({
                "title": p.meta.title,
                "description": p.meta.description,
                "url": self.url(&section.output, &p.output),
                "date": p.meta.date.map(|d| d.french()),
            });
            if let Some(u) = p.update() {
                v["status"] = status(u, self.site.today);
                v["deadline"] = json!(u.deadline.map(|d| d.french()));
                v["kind"] = json!(u.kind.slug());
                v["kind_label"] = json!(u.kind.label());
                v["date_phrase"] = json!(format!("Document {}", u.date.of_french()));
            }
            if let Some(l) = p.lever() {
                v["short_title"] = json!(l.short_title);
                v["audiences"] = json!(l.audiences.iter().map(|a| a.label()).collect::<Vec<_>>());
            }
            v
        };
        json!({
            "pages": children.iter().map(|p| entry(p)).collect::<Vec<_>>(),
            "subsections": subsections.iter().map(|p| entry(p)).collect::<Vec<_>>(),
        })
    }

    fn home(&self, from: &str) -> Value {
        let audiences = [Audience::Operateur, Audience::Industrie, Audience::Autres];
        let mut levers: Vec<(&Page, &LeverMeta)> = self.site.levers().collect();
        levers.sort_by_key(|l| order_key(l.0));
        let by_audience: Vec<Value> = audiences
            .iter()
            .map(|a| {
                let page = self.page_output(&format!("publics/{}.md", a.slug())).map(|o| self.url(from, o));
                json!({
                    "slug": a.slug(),
                    "label": a.label(),
                    "url": page,
                    "levers": levers.iter().filter(|(_, l)| l.audiences.contains(a)).map(|(p, l)| json!({
                        "title": l.short_title, "description": l.description, "url": self.url(from, &p.output)
                    })).collect::<Vec<_>>(),
                })
            })
            .collect();
        let mut updates: Vec<(&Page, &UpdateMeta)> = self.site.updates().collect();
        updates.sort_by(|a, b| (b.1.date, &a.0.slug).cmp(&(a.1.date, &b.0.slug)));
        let (open, past): (Vec<_>, Vec<_>) = updates
            .iter()
            .partition(|(_, u)| u.is_open_call(self.site.today));
        json!({
            "audiences": by_audience,
            "open_calls": open.iter().map(|(p, u)| self.update_summary(from, p, u)).collect::<Vec<_>>(),
            "updates": past.iter().take(4).map(|(p, u)| self.update_summary(from, p, u)).collect::<Vec<_>>(),
            "newest_update": updates.first().map(|(_, u)| u.date.french()),
            "oldest_update": updates.last().map(|(_, u)| u.date.french()),
            "updates_url": self.page_output("actualites/_index.md").map(|o| self.url(from, o)),
            "assistant_url": self.page_output("assistant/_index.md").map(|o| self.url(from, o)),
            "search_url": self.url(from, "recherche/index.html"),
        })
    }
}

/// Open, closed or without deadline, as of the build date — for calls only: any other kind of
/// update has no status (`null`), so no badge.
pub fn status(u: &UpdateMeta, today: Date) -> Value {
    if u.kind != UpdateKind::Appel {
        return Value::Null;
    }
    match u.deadline {
        Some(d) if u.is_open_call(today) => json!({
            "state": "ouvert",
            "label": format!("Appel ouvert {}", d.until_french()),
        }),
        Some(d) => json!({
            "state": "clos",
            "label": format!("Appel clos : il était ouvert {}", d.until_french()),
        }),
        None => json!({ "state": "sans-date", "label": "Appel sans date limite connue" }),
    }
}

/// "de 2019 à 2021", "du 1er janvier 2019 au 31 décembre 2021", "depuis juillet 2020".
pub fn period(from: Option<Date>, until: Option<Date>) -> Option<String> {
    use crate::date::Precision::Day;
    let start = |d: Date| match d.precision {
        Day => format!("du {}", d.french()),
        _ => format!("de {}", d.french()),
    };
    let end = |d: Date| match d.precision {
        Day => format!("au {}", d.french()),
        _ => format!("à {}", d.french()),
    };
    match (from, until) {
        (Some(f), Some(u)) => Some(format!("{} {}", start(f), end(u))),
        (Some(f), None) if f.precision == Day => Some(format!("depuis le {}", f.french())),
        (Some(f), None) => Some(format!("depuis {}", f.french())),
        (None, Some(u)) => Some(u.until_french()),
        (None, None) => None,
    }
}

/// A time-bound value as templates show it: when the source gave it, the period it applied
/// to, and whether its review date has passed ("valeur de juillet 2020, à vérifier").
pub fn dated(
    as_of: Date,
    from: Option<Date>,
    until: Option<Date>,
    review: Date,
    today: Date,
) -> Value {
    let due = review.last_day() < today;
    let note = if due {
        format!(
            "Valeur de {}, à vérifier : elle a pu changer depuis.",
            as_of.french()
        )
    } else {
        format!("Valeur de {}.", as_of.french())
    };
    json!({
        "as_of": as_of.french(),
        "period": period(from, until),
        "review": review.french(),
        "review_due": due,
        "note": note,
    })
}

/// "Guide pratique APIST, juillet 2020, p. 6".
pub fn sources(list: &[Source]) -> Vec<Value> {
    list.iter()
        .map(|s| json!({ "text": source_text(s), "url": s.url }))
        .collect()
}

/// One source as a reader cites it: document, date, part, pages.
pub fn source_text(s: &Source) -> String {
    let mut text = format!("{}, {}", s.document, s.date);
    if let Some(section) = &s.section {
        text.push_str(&format!(", {section}"));
    }
    if let Some(p) = &s.pages {
        let prefix = if p.contains('-') || p.contains(',') {
            "pp."
        } else {
            "p."
        };
        text.push_str(&format!(", {prefix} {p}"));
    }
    text
}

pub fn order_key(p: &Page) -> (i64, String) {
    (p.meta.weight.unwrap_or(i64::MAX), sort_title(&p.meta.title))
}

/// Titles sort as French readers expect: accents and case ignored.
pub fn sort_title(title: &str) -> String {
    crate::fold::fold(title)
}
