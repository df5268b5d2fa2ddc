//! The national teams and the ARS, as the contacts page and the printable guide show them.

use super::{sort_title, source_text, Shared};
use serde::Serialize;

#[derive(Serialize)]
pub struct ContactsView<'a> {
    national: Vec<NationalView<'a>>,
    /// By region, in alphabetical order.
    ars: Vec<ArsView<'a>>,
}

#[derive(Serialize)]
struct NationalView<'a> {
    name: &'a str,
    email: Option<&'a str>,
    role: Option<&'a str>,
    url: Option<&'a str>,
    source: Option<String>,
}

#[derive(Serialize)]
struct ArsView<'a> {
    id: &'a str,
    name: &'a str,
    region: &'a str,
    article51_email: &'a str,
    website: Option<&'a str>,
    /// Inline Markdown, as HTML.
    note: Option<String>,
    source: Option<String>,
    referents: Vec<ReferentView<'a>>,
}

#[derive(Serialize)]
struct ReferentView<'a> {
    name: &'a str,
    role: Option<&'a str>,
    email: Option<&'a str>,
    source: &'a str,
    date: String,
}

impl<'a> Shared<'a> {
    /// The contacts, shown on the output `from` of the content file `source` (whose links the
    /// notes' links are resolved from).
    pub fn contacts(&self, source: &str, from: &str) -> ContactsView<'a> {
        let data = &self.site.contacts.data;
        let mut ars: Vec<_> = data.ars.iter().collect();
        ars.sort_by_key(|a| sort_title(&a.region));
        ContactsView {
            national: data
                .national
                .iter()
                .map(|n| NationalView {
                    name: &n.name,
                    email: n.email.as_deref(),
                    role: n.role.as_deref(),
                    url: n.url.as_deref(),
                    source: n.source.as_ref().map(source_text),
                })
                .collect(),
            ars: ars
                .into_iter()
                .map(|a| ArsView {
                    id: &a.id,
                    name: &a.name,
                    region: &a.region,
                    article51_email: &a.article51_email,
                    website: a.website.as_deref(),
                    note: a.note.as_deref().map(|n| self.inline(source, from, n)),
                    source: a.source.as_ref().map(source_text),
                    referents: a
                        .referents
                        .iter()
                        .map(|r| ReferentView {
                            name: &r.name,
                            role: r.role.as_deref(),
                            email: r.email.as_deref(),
                            source: &r.source,
                            date: r.date.french(),
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}
