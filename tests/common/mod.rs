//! Helpers shared by the integration tests: running the binary and reading built sites.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const DATE: &str = "2026-11-22";

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs portail the way the README says: from the site folder, without `--root`.
pub fn portail(root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_portail"))
        .current_dir(root)
        .args(args)
        .output()
        .expect("run portail")
}

/// Builds `root` into `out` and panics with the diagnostics if it fails.
pub fn build(root: &Path, out: &Path) {
    let o = portail(
        root,
        &[
            "build",
            "--date",
            DATE,
            "--output",
            out.to_str().expect("utf-8 path"),
        ],
    );
    assert!(
        o.status.success(),
        "build failed:\n{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// Every file of a folder, path → bytes.
pub fn read_tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .expect("prefix")
                .to_string_lossy()
                .replace('\\', "/");
            (rel, std::fs::read(e.path()).expect("read"))
        })
        .collect()
}

/// Copies a folder recursively (to edit a site without touching the original).
pub fn copy_dir(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from)
        .into_iter()
        .filter_map(Result::ok)
    {
        let rel = e.path().strip_prefix(from).expect("prefix");
        let target = to.join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
        } else {
            std::fs::copy(e.path(), &target).expect("copy");
        }
    }
}

/// The values of `attr="…"` in an HTML text.
pub fn attr_values<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
    let needle = format!(" {attr}=\"");
    html.match_indices(&needle)
        .filter_map(|(i, m)| {
            let rest = &html[i + m.len()..];
            rest.find('"').map(|end| &rest[..end])
        })
        .collect()
}
