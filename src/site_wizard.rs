//! The eligibility wizard's link to the site: the facts it is given (levers, thresholds, ARS,
//! calls, build date), its rules file checked at file:line, and the scripts the page loads.

use crate::diagnostic::Diagnostic;
use crate::model::Site;
use crate::output::OutputFile;

/// The engine compiled to `wasm32-unknown-unknown` by `build.rs`.
static WASM: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/wizard.wasm"));

/// Content folder of the wizard page; its scripts are written beside it.
const PAGE: &str = "assistant/_index.md";

/// What the wizard knows of the rest of the content.
pub fn facts(site: &Site) -> wizard::Facts {
    let contacts_output = site.page_by_source("contacts.md").map(|p| p.output.clone());
    wizard::Facts {
        today: site.today.to_string(),
        levers: site
            .levers()
            .map(|(p, l)| wizard::LeverFact {
                slug: p.slug.clone(),
                title: l.title.clone(),
                short_title: l.short_title.clone(),
                url: p.output.clone(),
                audiences: l.audiences.iter().map(|a| a.slug().to_owned()).collect(),
            })
            .collect(),
        thresholds: site
            .levers()
            .flat_map(|(_, l)| &l.thresholds)
            .map(|t| wizard::ThresholdFact {
                amount: t.amount,
                as_of: t.as_of.to_string(),
                applies_from: t.applies_from.map(|d| d.to_string()),
                applies_until: t.applies_until.map(|d| d.to_string()),
                review: t.review.to_string(),
                up_to_included: t.boundary == crate::model::Boundary::Inclus,
                label: t.label.clone(),
            })
            .collect(),
        regions: site
            .contacts
            .data
            .ars
            .iter()
            .map(|a| wizard::RegionFact {
                id: a.id.clone(),
                // « ARS Océan Indien (La Réunion et Mayotte) »: a reader looks for their region.
                name: if a.name.contains(&a.region) {
                    a.name.clone()
                } else {
                    format!("{} ({})", a.name, a.region)
                },
                article51_email: a.article51_email.clone(),
                contacts_url: contacts_output
                    .as_ref()
                    .map(|o| format!("{o}#{}", a.id))
                    .unwrap_or_default(),
            })
            .collect(),
        calls: site
            .updates()
            .map(|(p, u)| wizard::CallFact {
                slug: p.slug.clone(),
                title: u.title.clone(),
                url: p.output.clone(),
                deadline: u.deadline.map(|d| d.to_string()),
                open: u.is_open_call(site.today),
                levers: u.levers.clone(),
                regions: u.regions.clone(),
            })
            .collect(),
    }
}

/// The wizard as the build compiles it, once: its validated rules and the facts they were
/// checked against (the same facts go to the page's scripts and to its static table).
pub struct Compiled {
    pub rules: wizard::Rules,
    pub facts: wizard::Facts,
}

/// The compiled wizard, or every problem of the rules file placed at file:line:column.
/// None when the site has no wizard.
pub fn compile(site: &Site) -> Option<Result<Compiled, Vec<Diagnostic>>> {
    let file = site.wizard.as_ref()?;
    let facts = facts(site);
    Some(match wizard::Rules::parse(&file.text, &facts) {
        Ok(rules) => Ok(Compiled { rules, facts }),
        Err(errors) => Err(errors
            .into_iter()
            .map(|e| {
                let excerpt = file
                    .text
                    .lines()
                    .nth(e.line.saturating_sub(1))
                    .map(str::to_owned);
                let d = Diagnostic {
                    excerpt,
                    ..Diagnostic::new(&file.display, e.message).at_line(e.line, e.column)
                };
                match e.hint {
                    Some(h) => d.hint(h),
                    None => d,
                }
            })
            .collect()),
    })
}

/// The data and engine scripts of the wizard page, written beside it.
/// Whether this binary carries the compiled wizard (build.rs leaves it empty when the
/// WebAssembly target was missing: the page then shows the static table only).
pub fn interactive() -> bool {
    !WASM.is_empty()
}

pub fn scripts(site: &Site, wizard: &Compiled) -> Vec<OutputFile> {
    if !interactive() {
        return Vec::new();
    }
    let dir = site
        .page_by_source(PAGE)
        .map_or("assistant/".to_owned(), |p| {
            p.output.trim_end_matches("index.html").to_owned()
        });
    wizard::browser_scripts(&wizard.rules, &wizard.facts, WASM)
        .into_iter()
        .map(|(name, text)| OutputFile {
            path: format!("{dir}{name}"),
            bytes: text.into_bytes().into(),
        })
        .collect()
}

/// The no-JavaScript table of the same rules, for the template.
pub fn table(wizard: &Compiled) -> wizard::Table {
    wizard::static_table(&wizard.rules, &wizard.facts)
}
