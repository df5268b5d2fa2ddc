//! The typed site model: what the loader produces and every later stage reads.

use crate::date::Date;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// `portail.toml` at the site root. Every field is optional so that a folder holding only
/// `content/` builds.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Site name, shown in the header and page titles.
    #[serde(default = "default_title")]
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// Absolute public address (`https://example.org/portail/`); enables `sitemap.xml` and
    /// absolute feed links. Pages themselves always use relative links.
    #[serde(default)]
    pub base_url: Option<String>,
    /// Main navigation, in order; defaults to the top-level sections.
    #[serde(default)]
    pub menu: Vec<MenuItem>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct MenuItem {
    pub title: String,
    /// Content file the entry links to: `leviers/_index.md`.
    pub page: String,
}

fn default_title() -> String {
    "Portail".to_owned()
}

/// A source cited by a page: "Guide pratique APIST, juillet 2020, p. 6".
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub document: String,
    /// As the source itself is dated ("juillet 2020"): free text, not a calendar date.
    pub date: String,
    #[serde(default)]
    pub pages: Option<String>,
    /// Part of the document when pages are not enough: "fiche « Subvention FIR »", "annexe 2".
    #[serde(default)]
    pub section: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
}

impl Source {
    /// What is missing for a reader to find the fact: `None` when the source is usable.
    pub fn incomplete(&self) -> Option<&'static str> {
        if self.document.trim().is_empty() {
            Some("le champ « document » de la source est vide")
        } else if self.date.trim().is_empty() {
            Some("le champ « date » de la source est vide")
        } else {
            None
        }
    }
}

/// Declares the front matter of a kind of page with the fields every kind accepts, written
/// once here: `title` first, the kind's own fields, `weight` and `template` where the `;` stands,
/// the kind's remaining fields, then `sources`. The order is the one editors read in the list
/// of accepted fields when they misspell one.
///
/// A macro rather than `#[serde(flatten)]`: serde hands a flattened struct its values through
/// a buffer of its own, without their positions in the file, and without its field names.
macro_rules! front_matter {
    (
        $(#[$attr:meta])*
        pub struct $name:ident {
            $($(#[$lead_attr:meta])* pub $lead:ident: $lead_ty:ty),* $(,)?;
            $($(#[$rest_attr:meta])* pub $rest:ident: $rest_ty:ty),* $(,)?
        }
    ) => {
        $(#[$attr])*
        #[derive(Debug, Clone, Deserialize, Serialize)]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            pub title: String,
            $($(#[$lead_attr])* pub $lead: $lead_ty,)*
            /// Order among the section's pages, smaller first.
            #[serde(default)]
            pub weight: Option<i64>,
            /// A template of the site's own instead of the kind's.
            #[serde(default)]
            pub template: Option<String>,
            $($(#[$rest_attr])* pub $rest: $rest_ty,)*
            /// Where the page's facts come from.
            #[serde(default)]
            pub sources: Vec<Source>,
        }
    };
}

front_matter! {
    /// Front matter of a page or a section (`_index.md`); a lever or an update gives its own
    /// fields here too (`Page::meta`).
    pub struct PageMeta {
        #[serde(default)]
        pub description: Option<String>,
        #[serde(default)]
        pub date: Option<Date>;
        /// Only meaningful in `_index.md`: how the section lists its pages.
        #[serde(default)]
        pub sort_by: Option<SortBy>,
        /// The name people use ("FIR", "Article 51"): where the A–Z plan files the page.
        #[serde(default)]
        pub common_name: Option<String>,
    }
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum SortBy {
    Weight,
    Date,
    Title,
}

/// The publics the APIST guide files levers under.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Audience {
    Operateur,
    Industrie,
    Autres,
}

impl Audience {
    pub fn label(self) -> &'static str {
        match self {
            Audience::Operateur => "Acteur ou opérateur de santé",
            Audience::Industrie => "Industrie de santé",
            Audience::Autres => "Autres leviers impliquant les ARS",
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            Audience::Operateur => "operateur",
            Audience::Industrie => "industrie",
            Audience::Autres => "autres",
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AudienceNote {
    pub audience: Audience,
    pub text: String,
}

/// A procurement threshold: a time-bound fact with an amount.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Threshold {
    /// Euros.
    pub amount: u64,
    /// When the source states the value (the guide: `2020-07`).
    pub as_of: Date,
    /// Start and end of the period it applied to, when the source gives them.
    #[serde(default)]
    pub applies_from: Option<Date>,
    #[serde(default)]
    pub applies_until: Option<Date>,
    /// When an editor must check the value again; past it, the page says so.
    pub review: Date,
    /// Which side of the threshold its exact amount falls on, as the source says it.
    pub boundary: Boundary,
    pub label: String,
}

/// `inclus`: the threshold amount belongs to the bracket below it (« MAPA si montant
/// ≤ 139 000 € », publicité « > à 90 000 € »); `exclu`: the bracket below stops just before
/// it (« < à 40 000 € »). The wizard's procedures take their boundaries from here.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Boundary {
    Inclus,
    Exclu,
}

/// A fact true for a period only (a duration, an obligation, an experiment, an amount).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DatedFact {
    pub text: String,
    pub as_of: Date,
    #[serde(default)]
    pub applies_from: Option<Date>,
    #[serde(default)]
    pub applies_until: Option<Date>,
    pub review: Date,
}

/// What an update is. Only calls (`appel`) have an open or closed status.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
pub enum UpdateKind {
    /// A call for applications, projects or expressions of interest, with a deadline.
    #[serde(rename = "appel")]
    Appel,
    /// A public tender or its specifications.
    #[serde(rename = "marche", alias = "marché")]
    Marche,
    /// News: a programme, a result, a state of play.
    #[serde(rename = "information")]
    Information,
    /// The minutes or slides of a meeting.
    #[serde(rename = "compte-rendu", alias = "compte rendu")]
    CompteRendu,
}

impl UpdateKind {
    pub fn label(self) -> &'static str {
        match self {
            UpdateKind::Appel => "Appel",
            UpdateKind::Marche => "Marché public",
            UpdateKind::Information => "Information",
            UpdateKind::CompteRendu => "Compte rendu",
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            UpdateKind::Appel => "appel",
            UpdateKind::Marche => "marche",
            UpdateKind::Information => "information",
            UpdateKind::CompteRendu => "compte-rendu",
        }
    }
}

front_matter! {
    /// Front matter of `content/leviers/<slug>.md`.
    pub struct LeverMeta {
        pub short_title: String,
        pub description: String,
        #[serde(default)]
        pub date: Option<Date>;
        pub audiences: Vec<Audience>,
        pub objective: String,
        pub duration: String,
        pub contact: String,
        pub applicants: Vec<String>,
        pub criteria: Vec<String>,
        pub funds: Vec<String>,
        #[serde(default)]
        pub amounts: Vec<String>,
        #[serde(default)]
        pub examples: Vec<String>,
        #[serde(default)]
        pub audience_notes: Vec<AudienceNote>,
        #[serde(default)]
        pub thresholds: Vec<Threshold>,
        #[serde(default)]
        pub facts: Vec<DatedFact>,
        #[serde(default)]
        pub common_name: Option<String>,
    }
}

impl LeverMeta {
    /// The fields written in inline Markdown (links included), in the order the page shows them;
    /// the contact, also Markdown, stands apart at the end of the page.
    pub fn markdown_fields(&self) -> Vec<&str> {
        let mut v: Vec<&str> = vec![&self.objective, &self.duration];
        for list in [
            &self.applicants,
            &self.criteria,
            &self.funds,
            &self.amounts,
            &self.examples,
        ] {
            v.extend(list.iter().map(String::as_str));
        }
        v.extend(self.audience_notes.iter().map(|n| n.text.as_str()));
        v
    }
}

front_matter! {
    /// Front matter of `content/actualites/<slug>.md`.
    pub struct UpdateMeta {
        pub description: String,
        pub kind: UpdateKind,
        pub date: Date,
        #[serde(default)]
        pub deadline: Option<Date>,
        pub levers: Vec<String>,
        /// ARS ids (`content/data/contacts.toml`) where the update applies, or `national`.
        pub regions: Vec<String>,
        #[serde(default)]
        pub organiser: Option<String>,
        #[serde(default)]
        pub link: Option<String>;
    }
}

impl UpdateMeta {
    /// A call is open until the last day its deadline stands for (`2021-10`: 31 October
    /// included); the one rule for the badge, the listings and the wizard's facts.
    pub fn is_open_call(&self, today: Date) -> bool {
        self.kind == UpdateKind::Appel && self.deadline.is_some_and(|d| d.last_day() >= today)
    }
}

/// What a page is, decided by the folder it lives in. Words used in the code, one idea each: a
/// *folder* of `content/`; its `_index.md`, the folder's page ([`PageKind::Folder`], template
/// `section.html`, « rubrique » for editors); a *section*, the part of a page under one heading
/// (search indexes and shows sections); a *label*, what a search result says a page belongs to.
#[derive(Debug, Clone)]
pub enum PageKind {
    Plain,
    Folder,
    Lever(Box<LeverMeta>),
    Update(Box<UpdateMeta>),
}

/// One Markdown file of `content/`, loaded and typed.
#[derive(Debug, Clone)]
pub struct Page {
    /// Path relative to `content/`, `/`-separated: `leviers/fir.md`.
    pub source: String,
    /// Path shown in diagnostics, relative to the site root: `content/leviers/fir.md`.
    pub display: String,
    /// Full text of the file, kept so later stages can point at lines.
    pub text: String,
    /// Byte offset of the Markdown body in `text`.
    pub body_offset: usize,
    /// Output file, relative to the output root: `leviers/fir/index.html`.
    pub output: String,
    /// Content folder the page is in (`leviers`), `""` for the root; its `_index.md` is the
    /// folder's section page.
    pub folder: String,
    pub slug: String,
    pub meta: PageMeta,
    pub kind: PageKind,
}

impl Page {
    pub fn body(&self) -> &str {
        &self.text[self.body_offset..]
    }

    pub fn is_folder(&self) -> bool {
        matches!(self.kind, PageKind::Folder)
    }

    pub fn lever(&self) -> Option<&LeverMeta> {
        match &self.kind {
            PageKind::Lever(l) => Some(l),
            _ => None,
        }
    }

    pub fn update(&self) -> Option<&UpdateMeta> {
        match &self.kind {
            PageKind::Update(u) => Some(u),
            _ => None,
        }
    }
}

/// `content/data/glossaire.toml`.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Glossary {
    #[serde(default)]
    pub terms: Vec<Term>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub acronym: String,
    pub expansion: String,
    #[serde(default)]
    pub definition: Option<String>,
    #[serde(default)]
    pub see: Vec<String>,
    /// Where the expansion comes from; `portail check` refuses a term without one.
    #[serde(default)]
    pub source: Option<Source>,
}

impl Term {
    /// Anchor on the glossary page, derived from the acronym.
    pub fn anchor(&self) -> String {
        crate::slug::slugify(&self.acronym)
    }
}

/// `content/data/contacts.toml`.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Contacts {
    #[serde(default)]
    pub national: Vec<NationalContact>,
    #[serde(default)]
    pub ars: Vec<Ars>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct NationalContact {
    pub name: String,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub role: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub source: Option<Source>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Ars {
    pub id: String,
    pub name: String,
    pub region: String,
    pub article51_email: String,
    #[serde(default)]
    pub website: Option<String>,
    /// What the reader must know about the agency's area (Océan Indien: La Réunion, Mayotte).
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub source: Option<Source>,
    #[serde(default)]
    pub referents: Vec<Referent>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Referent {
    pub name: String,
    #[serde(default)]
    pub role: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    pub source: String,
    pub date: Date,
}

/// A data file as loaded, with its text kept for diagnostics.
#[derive(Debug, Clone, Default)]
pub struct DataFile<T> {
    pub display: String,
    pub text: String,
    pub data: T,
}

/// A file of `content/` that is neither Markdown nor data: copied as is.
#[derive(Debug, Clone)]
pub struct Asset {
    pub source: PathBuf,
    /// Relative to `content/` and to the output root alike.
    pub path: String,
}

/// The whole site, as the loader hands it to validation and rendering.
#[derive(Debug, Clone)]
pub struct Site {
    pub config: Config,
    pub today: Date,
    pub pages: Vec<Page>,
    pub glossary: DataFile<Glossary>,
    pub contacts: DataFile<Contacts>,
    /// `content/data/assistant.toml`, when the site has a wizard.
    pub wizard: Option<DataFile<()>>,
    pub assets: Vec<Asset>,
    /// Markdown files that failed to load: links to them are not reported a second time.
    pub unloaded: Vec<String>,
}

impl Site {
    /// Every lever slug, including those of lever files that failed to load: references to
    /// them are not errors of their own (the broken file is reported once).
    pub fn lever_slugs(&self) -> Vec<&str> {
        let loaded = self.levers().map(|(p, _)| p.slug.as_str());
        let broken = self
            .unloaded
            .iter()
            .filter_map(|s| s.strip_prefix("leviers/")?.strip_suffix(".md"))
            .filter(|s| !s.contains('/') && *s != "_index");
        let mut all: Vec<&str> = loaded.chain(broken).collect();
        all.sort_unstable();
        all
    }

    pub fn levers(&self) -> impl Iterator<Item = (&Page, &LeverMeta)> {
        self.pages.iter().filter_map(|p| p.lever().map(|l| (p, l)))
    }

    pub fn updates(&self) -> impl Iterator<Item = (&Page, &UpdateMeta)> {
        self.pages.iter().filter_map(|p| p.update().map(|u| (p, u)))
    }

    /// Pages are sorted by source path by the loader, so this is a binary search.
    pub fn page_by_source(&self, source: &str) -> Option<&Page> {
        self.pages
            .binary_search_by(|p| p.source.as_str().cmp(source))
            .ok()
            .map(|i| &self.pages[i])
    }
}
