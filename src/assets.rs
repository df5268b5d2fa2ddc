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

/// Static file path (relative to `static/`) → bytes. The built-in scripts ship without their
/// comments (see [`without_comments`]); a site's own files ship as they are, except a copy of a
/// built-in file, which is that file (this repository's own site is one).
pub fn static_files(root: &Path, diags: &mut Diagnostics) -> BTreeMap<String, Vec<u8>> {
    let built_in = embedded(&STATIC);
    let mut out: BTreeMap<String, Vec<u8>> = built_in
        .iter()
        .map(|(name, bytes)| (name.clone(), shipped(name, bytes)))
        .collect();
    for (name, path) in local(root, "static", diags) {
        match std::fs::read(&path) {
            Ok(bytes) if built_in.get(&name) == Some(&bytes) => {}
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

/// A built-in static file as it ships.
fn shipped(name: &str, bytes: &[u8]) -> Vec<u8> {
    match std::str::from_utf8(bytes) {
        Ok(text) if name.ends_with(".js") => without_comments(text).into_bytes(),
        _ => bytes.to_vec(),
    }
}

/// A built-in script without its comment lines and blank lines, which are for its readers and
/// its type checker: a phone on a slow network loads half the bytes. Line based, so it relies on
/// what the linter enforces for `static/` (no template literals, no multi-line strings): a line
/// starting with `//` or `/*` can then only start a comment. Code after a comment's end on the
/// same line is kept, and every line of code keeps its line break.
fn without_comments(js: &str) -> String {
    let mut out = String::with_capacity(js.len() / 2);
    let mut in_block = false;
    for line in js.lines() {
        let mut code = line.trim_start();
        if in_block || code.starts_with("/*") {
            match code.find("*/") {
                Some(end) => {
                    in_block = false;
                    code = code[end + 2..].trim_start();
                }
                None => {
                    in_block = true;
                    continue;
                }
            }
        } else if code.starts_with("//") {
            continue;
        }
        if code.trim_end().is_empty() {
            continue;
        }
        // Keep the indentation of code that follows a comment on its line.
        let indent = &line[..line.len() - line.trim_start().len()];
        out.push_str(indent);
        out.push_str(code.trim_end());
        out.push('\n');
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

#[cfg(test)]
mod tests {
    use super::without_comments;

    #[test]
    fn scripts_ship_without_comment_lines() {
        let js = "// @ts-check\n/*!\n * Header.\n */\n(function () {\n  \"use strict\";\n\n  /** @type {number[]} */ var a = [];\n  /**\n   * Doc.\n   */\n  var url = \"http://x/*y*/\"; // trailing kept\n  return a;\n})();\n";
        assert_eq!(
            without_comments(js),
            "(function () {\n  \"use strict\";\n  var a = [];\n  var url = \"http://x/*y*/\"; // trailing kept\n  return a;\n})();\n"
        );
    }

    #[test]
    fn built_in_scripts_lose_their_comments() {
        // Whether they still run is the JS and browser tests' job: they load the built site's.
        for f in super::STATIC.files() {
            let name = f.path().to_string_lossy();
            if !name.ends_with(".js") {
                continue;
            }
            let text = std::str::from_utf8(f.contents()).expect("UTF-8");
            let shipped = without_comments(text);
            assert!(
                shipped.len() * 10 < text.len() * 9,
                "{name}: {} of {}",
                shipped.len(),
                text.len()
            );
            assert!(!shipped.contains("@param"), "{name} still has JSDoc");
        }
    }
}
