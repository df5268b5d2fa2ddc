//! The whole build, stage after stage: load → validate → render → link check → index → write.

use crate::date::Date;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::output::{Discard, OutputFile, Recorder, Sink};
use crate::render::Options;
use crate::{assets, index, linkcheck, load, render, validate, write};
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
    /// How many files went to the sink.
    pub files: usize,
    /// What the editor should check (time-bound values past their review date); never fatal.
    pub warnings: Vec<Diagnostic>,
    pub pages: usize,
    /// Pages rendered by this build (the others came unchanged from the memo).
    pub pages_rendered: usize,
    pub millis: u128,
}

/// Why a build did not produce a site.
pub enum Failure {
    /// Content errors, all of them (exit status 1).
    Content(Vec<Diagnostic>),
    /// Could not read or write (exit status 2).
    Io(String),
}

/// What a series of builds of one site remembers (`serve`): a build given the previous one's
/// memo redoes only what the changes reach, and gives the same bytes as a full build.
#[derive(Default)]
pub struct Memo {
    load: load::Memo,
    render: render::memo::Memo,
    index: index::Memo,
}

/// Runs every stage, handing each output file to `sink` as soon as it is made. On failure
/// the sink may hold part of a site: the caller throws it away.
pub fn compile(opts: &BuildOptions, sink: &dyn Sink) -> Result<Built, Failure> {
    compile_with(opts, sink, None)
}

/// [`compile`], reusing and updating `memo` when there is one.
pub fn compile_with(
    opts: &BuildOptions,
    sink: &dyn Sink,
    mut memo: Option<&mut Memo>,
) -> Result<Built, Failure> {
    let started = Instant::now();
    let mut clock = Stages::new();
    let root = opts.root.as_path();
    let (site, mut diags) =
        load::load_with(root, opts.today, memo.as_deref_mut().map(|m| &mut m.load))
            .map_err(|d| Failure::Content(d.into_sorted()))?;
    let templates = assets::templates(root, &mut diags);
    let statics = assets::static_files(root, &mut diags);
    clock.lap("load");
    let names: Vec<String> = templates.keys().cloned().collect();
    let wizard = crate::site_wizard::compile(&site);
    diags.extend(validate::validate(&site, &names, wizard.as_ref()).into_sorted());
    let warnings = validate::warnings(&site);
    clock.lap("validate");
    let options = Options {
        livereload: opts.livereload,
    };
    let compiled = wizard.as_ref().and_then(|w| w.as_ref().ok());
    if !diags.is_empty() {
        // Links are checked on rendered pages: render what can be, into nothing, so that one
        // run still lists every error, broken links included.
        let nothing = &mut |_| {};
        if let Ok(r) = render::render(
            &site, &templates, &options, compiled, &Discard, nothing, None,
        ) {
            diags.extend(linkcheck::check(&site, &r.pages).into_sorted());
        }
        return Err(Failure::Content(diags.into_sorted()));
    }
    let sink = Recorder::new(sink);
    let (render_memo, index_memo) = match memo {
        Some(m) => (Some(&mut m.render), Some(&mut m.index)),
        None => (None, None),
    };
    // The index takes each chunk of pages as render makes them, so no stage holds the text of
    // the whole site; only the weighing waits for the last page.
    let mut indexer = index::Indexer::new(&site, index_memo);
    let mut indexing = std::time::Duration::ZERO;
    let rendered = render::render(
        &site,
        &templates,
        &options,
        compiled,
        &sink,
        &mut |texts| {
            let started = Instant::now();
            indexer.add(texts, &sink);
            indexing += started.elapsed();
        },
        render_memo,
    )
    .map_err(|d| Failure::Content(d.into_sorted()))?;
    clock.lap("render");
    clock.part("dont index", indexing);
    let broken = linkcheck::check(&site, &rendered.pages);
    if !broken.is_empty() {
        return Err(Failure::Content(broken.into_sorted()));
    }
    clock.lap("liens");
    let pages_rendered = rendered.pages_rendered;
    indexer
        .finish(&sink)
        .map_err(|d| Failure::Content(vec![d]))?;
    clock.lap("index");
    // Browsers ask for /favicon.ico whatever the page says: a copy at the root answers them,
    // unless the content has its own.
    if let Some(ico) = statics.get("favicon.ico") {
        if !site.assets.iter().any(|a| a.path == "favicon.ico") {
            sink.put(OutputFile {
                path: "favicon.ico".to_owned(),
                bytes: ico.clone().into(),
            });
        }
    }
    for (name, bytes) in statics {
        sink.put(OutputFile {
            path: format!("static/{name}"),
            bytes: bytes.into(),
        });
    }
    // Content files copied as they are: an unreadable one is an error, not a silent gap.
    let mut read_errors = Diagnostics::default();
    for a in &site.assets {
        match std::fs::read(&a.source) {
            Ok(bytes) => sink.put(OutputFile {
                path: a.path.clone(),
                bytes: bytes.into(),
            }),
            Err(e) => read_errors.push(Diagnostic::new(
                format!("content/{}", a.path),
                format!("lecture impossible : {e}"),
            )),
        }
    }
    let paths = sink.into_paths();
    read_errors.extend(collisions(&site, &paths));
    if !read_errors.is_empty() {
        return Err(Failure::Content(read_errors.into_sorted()));
    }
    clock.lap("assets");
    Ok(Built {
        files: paths.len(),
        warnings,
        pages: site.pages.len(),
        pages_rendered,
        millis: started.elapsed().as_millis(),
    })
}

/// Time spent in each stage, printed to standard error when `PORTAIL_TEMPS` is set (for
/// profiling; see the README's benchmark section).
struct Stages {
    on: bool,
    last: Instant,
}

impl Stages {
    fn new() -> Self {
        Stages {
            on: std::env::var_os("PORTAIL_TEMPS").is_some(),
            last: Instant::now(),
        }
    }

    fn lap(&mut self, stage: &str) {
        if self.on {
            // Resident memory now and at its peak, where the system tells (Linux).
            let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
            let field = |name: &str| {
                status
                    .lines()
                    .find_map(|l| l.strip_prefix(name))
                    .map_or(String::new(), |v| v.trim().to_owned())
            };
            eprintln!(
                "temps : {stage:<9} {:>6} ms   mémoire {} (pic {})",
                self.last.elapsed().as_millis(),
                field("VmRSS:"),
                field("VmHWM:")
            );
        }
        self.last = Instant::now();
    }

    /// The share of the last stage spent in one of its parts.
    fn part(&self, part: &str, spent: std::time::Duration) {
        if self.on {
            eprintln!("temps :   {part:<11} {:>6} ms", spent.as_millis());
        }
    }
}

/// A content file whose output has the path of another output (a page named `plan.md`, a
/// file under `search/`) would silently replace it, or be replaced: refused.
fn collisions(site: &crate::model::Site, paths: &[String]) -> Vec<Diagnostic> {
    let mut by_path: BTreeMap<&str, usize> = BTreeMap::new();
    for p in paths {
        *by_path.entry(p.as_str()).or_default() += 1;
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

/// Compiles straight into a fresh folder beside the output, then swaps it in atomically,
/// after making sure the output folder is one portail may replace (nothing is compiled or
/// written otherwise). A failed build removes its folder and leaves the output untouched.
pub fn build(opts: &BuildOptions, output: &Path) -> Result<Built, Failure> {
    let io = |e: write::WriteError| Failure::Io(e.to_string());
    write::check_output(&opts.root, output).map_err(io)?;
    let staging = write::Staging::new(output).map_err(io)?;
    let mut built = match compile(opts, &staging) {
        Ok(built) => built,
        Err(failure) => {
            staging.abandon();
            return Err(failure);
        }
    };
    let mut clock = Stages::new();
    let shown = output.display().to_string();
    for w in staging.finish().map_err(io)? {
        built.warnings.push(Diagnostic::new(&shown, w).as_warning());
    }
    clock.lap("swap");
    Ok(built)
}
