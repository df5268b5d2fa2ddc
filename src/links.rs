//! What a link written in content points at, shared by validation (is it there?) and rendering
//! (rewrite it to a relative URL of the output).

use crate::diagnostic::Diagnostic;
use crate::model::Site;
use crate::urls;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, PartialEq, Eq)]
pub enum Target {
    /// Another page: its content source, output file and optional `#fragment`.
    Page {
        source: String,
        output: String,
        fragment: Option<String>,
    },
    /// A file of `content/` copied to the output.
    Asset {
        path: String,
    },
    /// `#fragment` on the same page.
    SamePage {
        fragment: String,
    },
    Mail {
        address: String,
    },
    /// `https://…`, `tel:`… left as written.
    External,
    /// `/chemin` — breaks under a sub-path and from `file://`.
    RootRelative,
    /// A relative path that matches no page or file.
    Missing {
        resolved: String,
    },
}

/// Every link target the content may point at.
pub struct LinkTable {
    /// Content source (`leviers/fir.md`) → output file.
    pages: BTreeMap<String, String>,
    assets: BTreeSet<String>,
    unloaded: BTreeSet<String>,
}

impl LinkTable {
    pub fn new(site: &Site) -> LinkTable {
        LinkTable {
            pages: site
                .pages
                .iter()
                .map(|p| (p.source.clone(), p.output.clone()))
                .collect(),
            assets: site.assets.iter().map(|a| a.path.clone()).collect(),
            unloaded: site.unloaded.iter().cloned().collect(),
        }
    }

    /// Classifies `dest` as written in the file `from_source` (relative to `content/`).
    pub fn target(&self, from_source: &str, dest: &str) -> Target {
        let dest = dest.trim();
        if let Some(address) = dest.strip_prefix("mailto:") {
            return Target::Mail {
                address: address.split('?').next().unwrap_or("").to_owned(),
            };
        }
        if let Some(fragment) = dest.strip_prefix('#') {
            return Target::SamePage {
                fragment: fragment.to_owned(),
            };
        }
        if dest.starts_with("//") || has_scheme(dest) {
            return Target::External;
        }
        if dest.starts_with('/') {
            return Target::RootRelative;
        }
        let (path, fragment) = match dest.split_once('#') {
            Some((p, f)) => (p, Some(f.to_owned())),
            None => (dest, None),
        };
        let path = urls::decode(path.split('?').next().unwrap_or(path));
        let dir = from_source.rsplit_once('/').map_or("", |(d, _)| d);
        let Some(resolved) = urls::join(dir, &path) else {
            return Target::Missing { resolved: path };
        };
        // A folder link means its section page: `../leviers/` or `../leviers`.
        let candidates = [
            resolved.clone(),
            format!("{resolved}/_index.md"),
            format!("{resolved}_index.md"),
        ];
        for source in candidates
            .iter()
            .map(|c| c.trim_start_matches('/').to_owned())
        {
            if let Some(output) = self.pages.get(&source) {
                return Target::Page {
                    source,
                    output: output.clone(),
                    fragment,
                };
            }
        }
        if self.unloaded.contains(&resolved) {
            // Already reported as broken; its anchors are unknown.
            return Target::External;
        }
        if self.assets.contains(&resolved) {
            return Target::Asset { path: resolved };
        }
        Target::Missing { resolved }
    }

    /// The URL to write in the page whose output file is `from_output`; None keeps `dest`.
    pub fn rewrite(&self, from_source: &str, from_output: &str, dest: &str) -> Option<String> {
        match self.target(from_source, dest) {
            Target::Page {
                output, fragment, ..
            } => {
                let mut url = urls::relative(from_output, &output);
                if let Some(f) = fragment.filter(|f| !f.is_empty()) {
                    url.push('#');
                    url.push_str(&f);
                }
                Some(url)
            }
            Target::Asset { path } => Some(urls::relative(from_output, &path)),
            _ => None,
        }
    }
}

fn has_scheme(dest: &str) -> bool {
    match dest.split_once(':') {
        Some((scheme, _)) => {
            !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
                && scheme
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphabetic())
        }
        None => false,
    }
}

/// A pragmatic check of an e-mail address: one `@`, a local part, a dotted domain whose last
/// label has at least two letters (so `ars-x@ars.sante.f` is caught).
pub fn is_valid_email(address: &str) -> bool {
    let Some((local, domain)) = address.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && !local.starts_with('.')
        && !local.ends_with('.')
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._%+-'".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()));
    local_ok && domain_ok
}

/// A link whose scheme could run code in readers' browsers.
pub fn unsafe_link(file: &str, scheme: &str) -> Diagnostic {
    Diagnostic::new(
        file,
        format!("lien refusé : l'adresse commence par « {scheme}: », qui pourrait exécuter du code chez les lecteurs"),
    )
    .hint("un lien commence par https://, http://, mailto: ou tel:, ou c'est le chemin d'un fichier du site (../leviers/fir.md)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        assert!(is_valid_email("ars-idf-art51@ars.sante.fr"));
        assert!(is_valid_email("prenom.nom@ars.sante.fr"));
        assert!(!is_valid_email("ars-x@ars.sante.f"));
        assert!(!is_valid_email("ars.sante.fr"));
        assert!(!is_valid_email("a@b"));
        assert!(!is_valid_email("a b@ars.fr"));
        assert!(!is_valid_email("a@@ars.fr"));
    }

    #[test]
    fn schemes() {
        assert!(has_scheme("https://x.fr"));
        assert!(has_scheme("tel:+33"));
        assert!(!has_scheme("fir.md"));
        assert!(!has_scheme("fir.md#a:b"));
    }
}
