//! Machine-readable exports for reuse: levers, glossary and contacts as JSON, contacts as CSV.

use crate::diagnostic::Diagnostic;
use crate::model::Site;
use crate::output::OutputFile;
use serde_json::json;

/// A serialisation that fails is an error of the build, never an empty file.
pub fn files(site: &Site) -> Result<Vec<OutputFile>, Diagnostic> {
    let failed = |path: &str| {
        let path = path.to_owned();
        move |e: serde_json::Error| Diagnostic::new(&path, format!("export impossible : {e}"))
    };
    let mut levers = Vec::new();
    for (p, l) in site.levers() {
        let mut v = serde_json::to_value(l).map_err(failed("levers.json"))?;
        v["slug"] = json!(p.slug);
        v["url"] = json!(p.output);
        levers.push(v);
    }
    Ok(vec![
        json_file("levers.json", &json!({ "levers": levers }))?,
        json_file(
            "glossary.json",
            &serde_json::to_value(&site.glossary.data).map_err(failed("glossary.json"))?,
        )?,
        json_file(
            "contacts.json",
            &serde_json::to_value(&site.contacts.data).map_err(failed("contacts.json"))?,
        )?,
        OutputFile {
            path: "contacts.csv".to_owned(),
            bytes: contacts_csv(site).into_bytes().into(),
        },
    ])
}

fn json_file(path: &str, value: &serde_json::Value) -> Result<OutputFile, Diagnostic> {
    let mut bytes = serde_json::to_vec_pretty(value)
        .map_err(|e| Diagnostic::new(path, format!("export impossible : {e}")))?;
    bytes.push(b'\n');
    Ok(OutputFile {
        path: path.to_owned(),
        bytes: bytes.into(),
    })
}

/// One row per ARS and per referent; RFC 4180 quoting, UTF-8 with BOM so spreadsheet tools
/// show accents correctly.
fn contacts_csv(site: &Site) -> String {
    let mut out = String::from("\u{feff}ars,region,boite_article51,referent,fonction,email_referent,source,date_source\r\n");
    for a in &site.contacts.data.ars {
        let mut row = |cells: [&str; 8]| {
            out.push_str(
                &cells
                    .iter()
                    .map(|c| csv_cell(c))
                    .collect::<Vec<_>>()
                    .join(","),
            );
            out.push_str("\r\n");
        };
        if a.referents.is_empty() {
            row([&a.name, &a.region, &a.article51_email, "", "", "", "", ""]);
        }
        for r in &a.referents {
            let date = r.date.to_string();
            row([
                &a.name,
                &a.region,
                &a.article51_email,
                &r.name,
                r.role.as_deref().unwrap_or(""),
                r.email.as_deref().unwrap_or(""),
                &r.source,
                &date,
            ]);
        }
    }
    out
}

/// A CSV cell; one that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab,
/// carriage return first) is prefixed with `'`, so opening the export never runs anything.
fn csv_cell(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_owned()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::csv_cell;

    #[test]
    fn formulas_are_never_exported_as_formulas() {
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("+33 1 23"), "'+33 1 23");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("ARS Bretagne"), "ARS Bretagne");
        assert_eq!(csv_cell("a, b"), "\"a, b\"");
    }
}
