//! `portail serve`: build, serve from memory, watch the sources, rebuild and live-reload.
//! A broken edit keeps the last good build served and shows the error in terminal and browser.

mod http;
mod reload;
mod watch;

use crate::date::Date;
use crate::pipeline::{compile, BuildOptions, Failure};
use std::collections::BTreeMap;
use std::net::IpAddr;
use std::path::Path;
use std::sync::{Arc, RwLock};
use std::time::Instant;

/// The files currently served: the last build that succeeded.
pub type Files = Arc<RwLock<BTreeMap<String, Vec<u8>>>>;

pub fn run(root: &Path, today: Date, bind: IpAddr, port: u16) -> Result<(), String> {
    let opts = BuildOptions {
        root: root.to_path_buf(),
        today,
        livereload: true,
    };
    let files: Files = Arc::default();
    let hub = reload::Hub::default();
    let watch = watch::start(root)?;
    rebuild(&opts, &files, &hub);
    let server = http::start(bind, port, files.clone(), hub.clone())?;
    eprintln!("portail : site servi sur http://{server} (Ctrl+C pour arrêter)");
    if !bind.is_loopback() {
        eprintln!("attention : --bind {bind} rend le site accessible depuis le réseau");
    }
    watch.run(|| rebuild(&opts, &files, &hub));
    Ok(())
}

/// Rebuilds; on success swaps the served files and reloads pages, on failure keeps them.
pub fn rebuild(opts: &BuildOptions, files: &Files, hub: &reload::Hub) {
    let started = Instant::now();
    match compile(opts) {
        Ok(built) => {
            let map = built.files.into_iter().map(|f| (f.path, f.bytes)).collect();
            if let Ok(mut w) = files.write() {
                *w = map;
            }
            eprintln!(
                "portail : reconstruit ({} pages) en {} ms",
                built.pages,
                started.elapsed().as_millis()
            );
            hub.reload();
        }
        Err(Failure::Content(diags)) => {
            let text: String = diags
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n");
            eprintln!(
                "{text}portail : {} erreur(s) ; la dernière version correcte reste servie",
                diags.len()
            );
            hub.error(&text);
        }
        Err(Failure::Io(e)) => {
            eprintln!("erreur : {e}");
            hub.error(&e);
        }
    }
}
