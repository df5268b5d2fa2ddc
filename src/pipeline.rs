//! The whole build, stage after stage: load → validate → render → index → write.

use crate::date::Date;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::render::{Options, OutputFile};
use crate::{assets, index, load, render, validate, write};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

pub struct BuildOptions {
    pub root: PathBuf,
    pub today: Date,
    pub livereload: bool,
}

/// What a successful build produced.
pub struct Built {
    pub files: Vec<OutputFile>,
    /// What the editor should check (time-bound values past their review date); never fatal.
    pub warnings: Vec<Diagnostic>,
    pub pages: usize,
    pub millis: u128,
}

/// Why a build did not produce a site.
pub enum Failure {
    /// Content errors, all of them (exit status 1).
    Content(Vec<Diagnostic>),
    /// Could not read or write (exit status 2).
    Io(String),
}

/// Runs every stage up to rendering and indexing, writing nothing.
pub fn compile(opts: &BuildOptions) -> Result<Built, Failure> {
    let started = Instant::now();
    let root = opts.root.as_path();
    let (site, mut diags) =
        load::load(root, opts.today).map_err(|d| Failure::Content(d.into_sorted()))?;
    let templates = assets::templates(root, &mut diags);
    let statics = assets::static_files(root, &mut diags);
    let names: Vec<String> = templates.keys().cloned().collect();
    diags.extend(validate::validate(&site, &names).into_sorted());
    let warnings = validate::warnings(&site);
    if !diags.is_empty() {
        return Err(Failure::Content(diags.into_sorted()));
    }
    let rendered = render::render(
        &site,
        &templates,
        &Options {
            livereload: opts.livereload,
        },
    )
    .map_err(|d| Failure::Content(d.into_sorted()))?;
    let mut files = rendered.files;
    files.extend(index::index_files(&site, &rendered.texts));
    // Browsers ask for /favicon.ico whatever the page says: a copy at the root answers them,
    // unless the content has its own.
    if let Some(ico) = statics.get("favicon.ico") {
        if !site.assets.iter().any(|a| a.path == "favicon.ico") {
            files.push(OutputFile {
                path: "favicon.ico".to_owned(),
                bytes: ico.clone(),
            });
        }
    }
    files.extend(statics.into_iter().map(|(name, bytes)| OutputFile {
        path: format!("static/{name}"),
        bytes,
    }));
    // Content files copied as they are: an unreadable one is an error, not a silent gap.
    let mut read_errors = Diagnostics::default();
    for a in &site.assets {
        match std::fs::read(&a.source) {
            Ok(bytes) => files.push(OutputFile {
                path: a.path.clone(),
                bytes,
            }),
            Err(e) => read_errors.push(Diagnostic::new(
                format!("content/{}", a.path),
                format!("lecture impossible : {e}"),
            )),
        }
    }
    read_errors.extend(collisions(&site, &files));
    if !read_errors.is_empty() {
        return Err(Failure::Content(read_errors.into_sorted()));
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(Built {
        files,
        warnings,
        pages: site.pages.len(),
        millis: started.elapsed().as_millis(),
    })
}

/// A content file whose output has the path of another output (a page named `plan.md`, a
/// file under `search/`) would silently replace it, or be replaced: refused.
fn collisions(site: &crate::model::Site, files: &[OutputFile]) -> Vec<Diagnostic> {
    let mut by_path: BTreeMap<&str, usize> = BTreeMap::new();
    for f in files {
        *by_path.entry(f.path.as_str()).or_default() += 1;
    }
    let taken = |path: &str| by_path.get(path).is_some_and(|n| *n > 1);
    let pages = site
        .pages
        .iter()
        .filter(|p| taken(&p.output))
        .map(|p| (p.display.clone(), p.output.as_str()));
    let assets = site
        .assets
        .iter()
        .filter(|a| taken(&a.path))
        .map(|a| (format!("content/{}", a.path), a.path.as_str()));
    pages
        .chain(assets)
        .map(|(file, output)| {
            Diagnostic::new(
                file,
                format!("ce fichier serait publié sous « {output} », un nom que portail utilise déjà pour un fichier qu'il produit"),
            )
            .hint("renommez-le ; les noms réservés sont ceux du plan, de la recherche, des flux, des exports et de static/")
        })
        .collect()
}

/// Compiles then writes the output atomically, after making sure the output folder is one
/// portail may replace (nothing is compiled or written otherwise).
pub fn build(opts: &BuildOptions, output: &Path) -> Result<Built, Failure> {
    let io = |e: write::WriteError| Failure::Io(e.to_string());
    write::check_output(&opts.root, output).map_err(io)?;
    let mut built = compile(opts)?;
    let shown = output.display().to_string();
    for w in write::write_atomically(output, &built.files).map_err(io)? {
        built.warnings.push(Diagnostic::new(&shown, w).as_warning());
    }
    Ok(built)
}
