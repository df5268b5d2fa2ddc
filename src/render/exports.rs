//! Machine-readable exports for reuse: levers, glossary and contacts as JSON, contacts as CSV.

use super::OutputFile;
use crate::model::Site;
use serde_json::json;

pub fn files(site: &Site) -> Vec<OutputFile> {
    let levers: Vec<_> = site
        .levers()
        .map(|(p, l)| {
            let mut v = serde_json::to_value(l).unwrap_or_default();
            v["slug"] = json!(p.slug);
            v["url"] = json!(p.output);
            v
        })
        .collect();
    vec![
        json_file("levers.json", &json!({ "levers": levers })),
        json_file(
            "glossary.json",
            &serde_json::to_value(&site.glossary.data).unwrap_or_default(),
        ),
        json_file(
            "contacts.json",
            &serde_json::to_value(&site.contacts.data).unwrap_or_default(),
        ),
        OutputFile {
            path: "contacts.csv".to_owned(),
            bytes: contacts_csv(site).into_bytes(),
        },
    ]
}

fn json_file(path: &str, value: &serde_json::Value) -> OutputFile {
    let mut bytes = serde_json::to_vec_pretty(value).unwrap_or_default();
    bytes.push(b'\n');
    OutputFile {
        path: path.to_owned(),
        bytes,
    }
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

fn csv_cell(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}
