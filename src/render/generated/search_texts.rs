//! The data files' entries for the search index: glossary terms and ARS contacts, each pointing
//! at its anchor on the glossary or contacts page.

use crate::markdown::TextSection;
use crate::model::Site;
use crate::render::PageText;

/// Glossary terms and ARS contacts as search entries pointing at their anchors.
pub fn search_texts(site: &Site) -> Vec<PageText> {
    let mut out = Vec::new();
    if let Some(g) = site.page_by_source("glossaire.md") {
        out.push(PageText {
            output: g.output.clone(),
            title: g.meta.title.clone(),
            label: "Glossaire".to_owned(),
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
            label: "Contacts".to_owned(),
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
