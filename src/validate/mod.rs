//! Validate: cross-file checks on the loaded model — references between pages and data,
//! duplicates, e-mail addresses, URLs, sources, templates, wizard rules. Nothing here changes
//! the model. Links and anchors are checked after rendering, on what it produced
//! ([`crate::linkcheck`]).

mod data;
mod pages;
mod trust;
mod urls;

pub use trust::warnings;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::Site;

/// Every problem of the site, all at once. `templates` are the names the renderer knows.
/// `wizard` is the site's rules as the pipeline compiled them once, for validation and render.
pub fn validate(
    site: &Site,
    templates: &[String],
    wizard: Option<&Result<crate::site_wizard::Compiled, Vec<Diagnostic>>>,
) -> Diagnostics {
    let mut diags = Diagnostics::default();
    pages::check(site, templates, &mut diags);

    data::check(site, &mut diags);
    urls::check(site, &mut diags);
    trust::check(site, &mut diags);
    // The rules are checked against levers and contacts: if one of those failed to load, its
    // own error says what to fix, and the rules would only echo it.
    let inputs_broken = site
        .unloaded
        .iter()
        .any(|s| s.starts_with("leviers/") || s == "data/contacts.toml");
    if !inputs_broken {
        if let Some(Err(errors)) = wizard {
            diags.extend(errors.iter().cloned());
        }
    }
    diags
}

/// Points a diagnostic at the first occurrence of `needle` in `text` at or after `from`,
/// or at `fallback` when it is not found (a value written in an unusual way).
pub(crate) fn locate(
    d: Diagnostic,
    text: &str,
    from: usize,
    needle: &str,
    fallback: usize,
) -> Diagnostic {
    let offset = text
        .get(from..)
        .and_then(|t| t.find(needle))
        .map_or(fallback, |i| from + i);
    d.at(text, offset)
}
