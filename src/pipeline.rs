//! The whole build, stage after stage: load → validate → render → index → write.

use crate::date::Date;
use crate::diagnostic::Diagnostic;
use crate::render::{Options, OutputFile};
use crate::{assets, index, load, render, validate};
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
    files.push(index::index_file(&rendered.texts));
    files.extend(statics.into_iter().map(|(name, bytes)| OutputFile {
        path: format!("static/{name}"),
        bytes,
    }));
    files.extend(site.assets.iter().filter_map(|a| {
        std::fs::read(&a.source).ok().map(|bytes| OutputFile {
            path: a.path.clone(),
            bytes,
        })
    }));
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(Built {
        files,
        warnings,
        pages: site.pages.len(),
        millis: started.elapsed().as_millis(),
    })
}

/// Compiles then writes the output atomically.
pub fn build(opts: &BuildOptions, output: &Path) -> Result<Built, Failure> {
    let built = compile(opts)?;
    crate::write::write_atomically(output, &built.files)
        .map_err(|e| Failure::Io(format!("écriture de {} impossible : {e}", output.display())))?;
    Ok(built)
}
