//! Where values are written in a TOML text, for checks that run after loading.

use toml::de::{DeTable, DeValue};

/// Every string value of a field whose name satisfies `wanted`, at any depth (tables and
/// arrays of tables), with the byte offset of the value in `toml_text`, in file order: where a
/// diagnostic about that value must point (never at the same text in a comment or elsewhere).
pub fn string_fields(toml_text: &str, wanted: &dyn Fn(&str) -> bool) -> Vec<(String, usize)> {
    fn walk(table: &DeTable<'_>, wanted: &dyn Fn(&str) -> bool, out: &mut Vec<(String, usize)>) {
        for (key, value) in table.iter() {
            match value.get_ref() {
                DeValue::String(s) if wanted(key.get_ref()) => {
                    out.push((s.to_string(), value.span().start));
                }
                DeValue::Table(t) => walk(t, wanted, out),
                DeValue::Array(items) => {
                    for item in items.iter() {
                        if let DeValue::Table(t) = item.get_ref() {
                            walk(t, wanted, out);
                        }
                    }
                }
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    if let Ok(table) = DeTable::parse(toml_text) {
        walk(table.get_ref(), wanted, &mut out);
    }
    // Past the opening quotes: the value itself.
    for (_, at) in &mut out {
        let rest = toml_text.get(*at..).unwrap_or("");
        *at += if rest.starts_with("\"\"\"") || rest.starts_with("'''") {
            3
        } else {
            usize::from(rest.starts_with(['"', '\'']))
        };
    }
    out.sort_by_key(|(_, at)| *at);
    out
}
