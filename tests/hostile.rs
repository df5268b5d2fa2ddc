//! Broken and hostile site trees (`tests/hostile/<case>/`), each run the way an editor runs
//! portail: from the site folder, after a good build has left `public/` in place.
//!
//! Each case is the small site of `tests/hostile/_base/`, overlaid with the case's own files and
//! `setup` actions, and a `case.toml` saying what must happen:
//!
//! ```toml
//! about = "what the editor or the attacker does"
//! args = ["build", "--output", "."]      # default ["build"]; `{site}` is the site folder's name
//! exit = 2                               # expected exit status
//! expect = [{ file = "content/page.md", line = 3, message = "HTML refusé" }]
//! absent = ["onmouseover"]               # text no page or feed may contain (when exit is 0)
//! present = [["contacts.csv", "'=SOMME"]] # [file, text] the output must contain (exit 0)
//! setup = [{ symlink = "static", to = "/etc" }, { remove = "content/_index.md" }]
//! ```
//!
//! For every case: the exit status, each expected diagnostic (file, line, message) in what the
//! user sees, the previous `public/` byte for byte when the build fails, and nothing changed
//! outside the output folder whatever happens.

mod common;
use common::*;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    about: String,
    #[serde(default = "default_args")]
    args: Vec<String>,
    exit: i32,
    #[serde(default)]
    expect: Vec<Expected>,
    #[serde(default)]
    absent: Vec<String>,
    #[serde(default)]
    present: Vec<(String, String)>,
    #[serde(default)]
    setup: Vec<Setup>,
}

fn default_args() -> Vec<String> {
    vec!["build".into()]
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    file: String,
    #[serde(default)]
    line: Option<usize>,
    message: String,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Setup {
    /// A symbolic link at `symlink` pointing at `to` (absolute, or relative to the link).
    Symlink { symlink: String, to: String },
    /// A file or folder of the base site taken away.
    Remove { remove: String },
    /// A file written with text repeated: for inputs too big to commit.
    Repeat {
        repeat: String,
        prefix: String,
        unit: String,
        times: usize,
        suffix: String,
    },
}

fn cases_dir() -> PathBuf {
    repo().join("tests/hostile")
}

/// Every file under `dir` except the output folder, path → bytes (symlinks as their target).
fn snapshot(dir: &Path, output: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_entry(|e| e.path() != output)
        .filter_map(Result::ok)
        .filter(|e| e.path() != dir)
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .expect("prefix")
                .display()
                .to_string();
            let bytes = if e.path_is_symlink() {
                std::fs::read_link(e.path())
                    .expect("link")
                    .display()
                    .to_string()
                    .into_bytes()
            } else if e.file_type().is_dir() {
                b"<dossier>".to_vec()
            } else {
                std::fs::read(e.path()).unwrap_or_default()
            };
            (rel, bytes)
        })
        .collect()
}

fn prepare(case_dir: &Path, case: &Case, site: &Path) {
    copy_dir(&cases_dir().join("_base"), site);
    let built = portail(site, &["build", "--date", DATE]);
    assert!(
        built.status.success(),
        "the base site must build: {}",
        String::from_utf8_lossy(&built.stderr)
    );
    for entry in walkdir::WalkDir::new(case_dir)
        .into_iter()
        .filter_map(Result::ok)
    {
        let rel = entry.path().strip_prefix(case_dir).expect("prefix");
        if rel.as_os_str().is_empty() || rel == Path::new("case.toml") {
            continue;
        }
        let target = site.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
    for action in &case.setup {
        match action {
            Setup::Symlink { symlink, to } => {
                let link = site.join(symlink);
                if let Some(parent) = link.parent() {
                    std::fs::create_dir_all(parent).expect("mkdir");
                }
                let _ = std::fs::remove_dir_all(&link);
                symlink_to(to, &link);
            }
            Setup::Remove { remove } => {
                let path = site.join(remove);
                if path.is_dir() {
                    std::fs::remove_dir_all(&path).expect("remove");
                } else {
                    std::fs::remove_file(&path).expect("remove");
                }
            }
            Setup::Repeat {
                repeat,
                prefix,
                unit,
                times,
                suffix,
            } => {
                let text = format!("{prefix}{}{suffix}", unit.repeat(*times));
                std::fs::write(site.join(repeat), text).expect("write");
            }
        }
    }
}

#[cfg(unix)]
fn symlink_to(to: &str, link: &Path) {
    std::os::unix::fs::symlink(to, link).expect("symlink");
}

#[cfg(not(unix))]
fn symlink_to(_to: &str, _link: &Path) {
    panic!("symbolic-link cases need a Unix system");
}

/// Runs one case; returns what went wrong, if anything.
fn run(name: &str) -> Vec<String> {
    let case_dir = cases_dir().join(name);
    let text = std::fs::read_to_string(case_dir.join("case.toml")).expect("case.toml");
    let case: Case = toml::from_str(&text).unwrap_or_else(|e| panic!("{name}/case.toml: {e}"));
    let tmp = tempfile::tempdir().expect("tempdir");
    let site = tmp.path().join("site");
    prepare(&case_dir, &case, &site);
    let output = site.join(
        case.args
            .iter()
            .skip_while(|a| *a != "--output")
            .nth(1)
            .map_or("public", String::as_str),
    );
    let public = site.join("public");
    let previous = read_tree(&public);
    let around = snapshot(tmp.path(), &output);

    let args: Vec<String> = case
        .args
        .iter()
        .map(|a| a.replace("{site}", "site"))
        .chain(["--date".to_owned(), DATE.to_owned()])
        .collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = portail(&site, &args);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let code = out.status.code().unwrap_or(-1);

    let mut problems = Vec::new();
    let mut fail = |what: String| problems.push(format!("{name} ({}): {what}", case.about));
    if code != case.exit {
        fail(format!("exit {code}, expected {}", case.exit));
    }
    for e in &case.expect {
        let location = match e.line {
            Some(line) => format!("{}:{line}:", e.file),
            None => e.file.clone(),
        };
        let shown = stderr
            .lines()
            .any(|l| l.starts_with(&location) && l.contains(&e.message));
        if !shown {
            fail(format!("no diagnostic « {location} … {} »", e.message));
        }
    }
    if stderr.len() > 20_000 {
        fail(format!("{} bytes of diagnostics", stderr.len()));
    }
    if code != 0 && read_tree(&public) != previous {
        fail("the previous public/ changed although the build failed".into());
    }
    if snapshot(tmp.path(), &output) != around {
        fail("files outside the output folder changed".into());
    }
    if code == 0 {
        let built = read_tree(&output);
        // Pages and feeds: the JSON exports and the search index hold text as data.
        let documents = built
            .iter()
            .filter(|(p, _)| p.ends_with(".html") || p.ends_with(".xml"));
        for needle in &case.absent {
            for (path, bytes) in documents.clone() {
                if String::from_utf8_lossy(bytes).contains(needle.as_str()) {
                    fail(format!("{path} contains « {needle} »"));
                }
            }
        }
        for (path, needle) in &case.present {
            let found = built
                .get(path)
                .is_some_and(|b| String::from_utf8_lossy(b).contains(needle.as_str()));
            if !found {
                fail(format!("{path} does not contain « {needle} »"));
            }
        }
    }
    if !problems.is_empty() {
        problems.push(format!("--- stderr of {name}:\n{stderr}"));
    }
    problems
}

#[test]
fn every_hostile_tree_is_refused_or_defused_and_nothing_is_lost() {
    let mut names: Vec<String> = std::fs::read_dir(cases_dir())
        .expect("tests/hostile")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n != "_base")
        .collect();
    names.sort();
    assert!(names.len() >= 60, "only {} hostile cases", names.len());
    let problems: Vec<String> = std::thread::scope(|s| {
        let chunks: Vec<_> = names.chunks(names.len().div_ceil(4)).collect();
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|chunk| s.spawn(move || chunk.iter().flat_map(|n| run(n)).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("join"))
            .collect()
    });
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
