//! Structured data files of `content/data/` and the site's `portail.toml`.

use super::read::{check_syntax, parse_typed, Located};
use crate::diagnostic::{display_path, Diagnostic, Diagnostics};
use crate::model::*;
use std::path::Path;

pub fn load_config(root: &Path, diags: &mut Diagnostics) -> Config {
    let path = root.join("portail.toml");
    let display = display_path(root, &path);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return default_config(),
        Err(e) => {
            diags.push(Diagnostic::new(
                display,
                format!("lecture impossible : {e}"),
            ));
            return default_config();
        }
    };
    let at = Located {
        display: &display,
        file_text: &text,
        base: 0,
        whole: 0,
    };
    parse_typed(&text, &at).unwrap_or_else(|ds| {
        diags.extend(ds);
        default_config()
    })
}

fn default_config() -> Config {
    toml::from_str("").unwrap_or_default()
}

pub fn load_data(
    rel: &str,
    display: String,
    text: String,
    site: &mut Site,
    diags: &mut Diagnostics,
) {
    let at = Located {
        display: &display,
        file_text: &text,
        base: 0,
        whole: 0,
    };
    match rel {
        "data/glossaire.toml" => {
            match parse_typed::<Glossary>(&text, &at) {
                Ok(data) => site.glossary = DataFile { display, text, data },
                Err(ds) => {
                    diags.extend(ds);
                    site.unloaded.push(rel.to_owned());
                }
            }
        }
        "data/contacts.toml" => {
            match parse_typed::<Contacts>(&text, &at) {
                Ok(data) => site.contacts = DataFile { display, text, data },
                Err(ds) => {
                    diags.extend(ds);
                    site.unloaded.push(rel.to_owned());
                }
            }
        }
        // The wizard's rules are checked against the whole site in validation; their syntax
        // here, explained as in every other file.
        "data/assistant.toml" => match check_syntax(&text, &at) {
            Ok(()) => site.wizard = Some(DataFile { display, text, data: () }),
            Err(d) => {
                diags.push(d);
                site.unloaded.push(rel.to_owned());
            }
        },
        _ => diags.push(
            Diagnostic::new(display, "fichier de données inconnu")
                .hint("les fichiers reconnus sont data/glossaire.toml, data/contacts.toml et data/assistant.toml"),
        ),
    }
}
