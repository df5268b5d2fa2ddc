//! Tera setup: embedded defaults plus the site's overrides, French-friendly filters.

use crate::diagnostic::Diagnostic;
use std::collections::{BTreeMap, HashMap};
use tera::{Tera, Value};

pub fn engine(sources: &BTreeMap<String, String>) -> Result<Tera, Diagnostic> {
    let mut tera = Tera::default();
    tera.add_raw_templates(sources.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        .map_err(|e| {
            Diagnostic::new(
                "templates",
                format!("gabarit invalide : {}", error_chain(&e)),
            )
        })?;
    tera.register_filter("euros", euros);
    tera.set_escape_fn(crate::html::escape);
    Ok(tera)
}

/// Tera nests the useful message (which variable, which line) in the error's sources.
pub fn error_chain(e: &dyn std::error::Error) -> String {
    let mut parts = vec![e.to_string()];
    let mut cur = e.source();
    while let Some(s) = cur {
        parts.push(s.to_string());
        cur = s.source();
    }
    parts.join(" : ")
}

/// `40000 | euros` → "40 000 €", formatted as the wizard formats amounts.
fn euros(value: &Value, _: &HashMap<String, Value>) -> tera::Result<Value> {
    let n = value
        .as_u64()
        .ok_or_else(|| tera::Error::msg("euros attend un nombre entier"))?;
    Ok(Value::String(wizard::text::euros(n)))
}
