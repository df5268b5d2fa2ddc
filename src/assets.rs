//! Default templates and static files, embedded in the binary; a site's own `templates/` and
//! `static/` override them by file name.

use crate::diagnostic::{display_path, Diagnostic, Diagnostics};
use include_dir::{include_dir, Dir};
use std::collections::BTreeMap;
use std::path::Path;

static TEMPLATES: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/templates");
static STATIC: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/static");

/// Template name → source text.
pub fn templates(root: &Path, diags: &mut Diagnostics) -> BTreeMap<String, String> {
    let mut out: BTreeMap<String, String> = embedded(&TEMPLATES)
        .into_iter()
        .filter_map(|(name, bytes)| String::from_utf8(bytes).ok().map(|t| (name, t)))
        .collect();
    for (name, path) in local(root, "templates", diags) {
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                out.insert(name, text);
            }
            Err(e) => diags.push(
                Diagnostic::new(
                    display_path(root, &path),
                    format!("gabarit illisible : {e}"),
                )
                .hint("un gabarit doit être un fichier texte UTF-8"),
            ),
        }
    }
    out
}

/// Static file path (relative to `static/`) → bytes.
pub fn static_files(root: &Path, diags: &mut Diagnostics) -> BTreeMap<String, Vec<u8>> {
    let mut out = embedded(&STATIC);
    for (name, path) in local(root, "static", diags) {
        match std::fs::read(&path) {
            Ok(bytes) => {
                out.insert(name, bytes);
            }
            Err(e) => diags.push(Diagnostic::new(
                display_path(root, &path),
                format!("lecture impossible : {e}"),
            )),
        }
    }
    out
}

fn embedded(dir: &Dir<'_>) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir];
    while let Some(d) = stack.pop() {
        for f in d.files() {
            out.insert(
                f.path().to_string_lossy().replace('\\', "/"),
                f.contents().to_vec(),
            );
        }
        stack.extend(d.dirs());
    }
    out.retain(|name, _| !is_ignored(name));
    out
}

fn local(root: &Path, dir: &str, diags: &mut Diagnostics) -> Vec<(String, std::path::PathBuf)> {
    crate::sources::walk(root, dir, diags)
        .unwrap_or_default()
        .into_iter()
        .map(|f| (f.rel, f.path))
        .collect()
}

/// Editor leftovers and dot-files never ship.
fn is_ignored(name: &str) -> bool {
    name.split('/').any(crate::sources::is_ignored)
}
