//! `portail serve`: build, serve from memory, watch the sources, rebuild and live-reload.
//! A broken edit keeps the last good build served and shows the diagnostics in the terminal
//! and over the page; a site broken from the start is served as a page of diagnostics that
//! turns into the site as soon as the content is fixed.

mod http;
mod reload;
mod watch;

use crate::date::Date;
use crate::pipeline::{compile_with, BuildOptions, Failure, Memo};
use axum::body::Bytes;
use std::collections::BTreeMap;
use std::net::IpAddr;
use std::path::Path;
use std::sync::{Arc, RwLock};
use std::time::Instant;

/// The files of a good build, by output path.
pub type Files = Arc<BTreeMap<String, Bytes>>;

/// What the server shows: the last good build, and the diagnostics of the current sources if
/// they do not build.
#[derive(Default)]
pub struct Shown {
    pub files: Option<Files>,
    pub errors: Option<String>,
}

/// State shared by the watcher thread and the HTTP tasks.
pub struct State {
    pub shown: RwLock<Shown>,
    pub reload: reload::Channel,
    /// What the previous build did, so an edit redoes only what it reaches.
    pub memo: std::sync::Mutex<Memo>,
}

impl State {
    pub fn new() -> State {
        State {
            shown: RwLock::default(),
            reload: reload::Channel::new(),
            memo: std::sync::Mutex::default(),
        }
    }
}

impl Default for State {
    fn default() -> Self {
        State::new()
    }
}

pub fn run(root: &Path, today: Date, bind: IpAddr, port: u16) -> Result<(), String> {
    // Events from the watcher carry absolute, resolved paths: so must the root they are
    // compared with, however the user typed it (`.`, relative, through a symlink).
    let root = root
        .canonicalize()
        .map_err(|e| format!("dossier du site {} introuvable : {e}", root.display()))?;
    let opts = BuildOptions {
        root: root.clone(),
        today,
        livereload: true,
    };
    let state = Arc::new(State::new());
    let mut watch = watch::start(&root)?;
    rebuild(&opts, &state);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| format!("démarrage du serveur impossible : {e}"))?;
    let addr = runtime.block_on(http::start(bind, port, state.clone()))?;
    eprintln!("portail : site servi sur http://{addr}/ — ouvrez cette adresse dans votre navigateur (Ctrl+C pour arrêter)");
    if !bind.is_loopback() {
        eprintln!("attention : --bind {bind} rend le site accessible depuis le réseau");
    }
    watch.run(|| rebuild(&opts, &state));
    Ok(())
}

/// Rebuilds; on success swaps the served files and reloads pages, on failure keeps them and
/// shows the diagnostics.
pub fn rebuild(opts: &BuildOptions, state: &State) {
    let started = Instant::now();
    let sink = crate::output::Memory::default();
    let mut memo = crate::output::lock(&state.memo);
    let outcome = match compile_with(opts, &sink, Some(&mut memo)) {
        Ok(built) => Ok(built),
        Err(Failure::Content(diags)) => Err((
            diags.iter().map(ToString::to_string).collect::<String>(),
            diags.len(),
        )),
        Err(Failure::Io(e)) => Err((format!("erreur : {e}\n"), 1)),
    };
    let mut shown = match state.shown.write() {
        Ok(s) => s,
        Err(poisoned) => poisoned.into_inner(),
    };
    match outcome {
        Ok(built) => {
            let files = sink.into_files();
            *shown = Shown {
                files: Some(Arc::new(files)),
                errors: None,
            };
            drop(shown);
            eprintln!(
                "portail : reconstruit en {} ms ({} page{} refaite{} sur {})",
                started.elapsed().as_millis(),
                built.pages_rendered,
                if built.pages_rendered > 1 { "s" } else { "" },
                if built.pages_rendered > 1 { "s" } else { "" },
                built.pages
            );
            state.reload.reload();
        }
        Err((text, n)) => {
            let kept = if shown.files.is_some() {
                "la dernière version correcte reste servie"
            } else {
                "le navigateur affiche ces erreurs jusqu'à leur correction"
            };
            shown.errors = Some(text.clone());
            drop(shown);
            eprint!("{text}");
            eprintln!(
                "portail : {n} erreur{} ; {kept}",
                if n > 1 { "s" } else { "" }
            );
            state.reload.error(&text);
        }
    }
}
