//! Watches the site's sources with notify and rebuilds once per burst of changes.
//!
//! Reading the sources during a rebuild produces access events on some platforms; only events
//! that change something count, or every rebuild would trigger the next.

use notify::{Event, EventKind, RecursiveMode, Watcher};
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

/// How long the sources must stay quiet before a rebuild: an editor's save is often several
/// writes (temporary file, rename, metadata).
const QUIET: Duration = Duration::from_millis(150);

/// A started watcher: changes are queued from the moment it exists, so none is missed between
/// the first build and the first wait.
pub struct Watch {
    root: std::path::PathBuf,
    _watcher: notify::RecommendedWatcher,
    rx: mpsc::Receiver<notify::Result<Event>>,
}

pub fn start(root: &Path) -> Result<Watch, String> {
    let (tx, rx) = mpsc::channel::<notify::Result<Event>>();
    let mut watcher = notify::recommended_watcher(tx)
        .map_err(|e| format!("surveillance des fichiers impossible : {e}"))?;
    for dir in ["content", "templates", "static"] {
        let path = root.join(dir);
        if path.is_dir() {
            watcher
                .watch(&path, RecursiveMode::Recursive)
                .map_err(|e| format!("surveillance de {} impossible : {e}", path.display()))?;
        }
    }
    // The config file: watch the root itself, without descending into public/ or target/.
    watcher
        .watch(root, RecursiveMode::NonRecursive)
        .map_err(|e| format!("surveillance de {} impossible : {e}", root.display()))?;
    Ok(Watch {
        root: root.to_path_buf(),
        _watcher: watcher,
        rx,
    })
}

impl Watch {
    /// Calls `rebuild` once per burst of relevant changes, forever.
    pub fn run(self, mut rebuild: impl FnMut()) {
        while let Ok(event) = self.rx.recv() {
            if !is_relevant(&self.root, event) {
                continue;
            }
            // Swallow the rest of the burst.
            while self.rx.recv_timeout(QUIET).is_ok() {}
            rebuild();
        }
    }
}

fn is_relevant(root: &Path, event: notify::Result<Event>) -> bool {
    let Ok(event) = event else { return false };
    if matches!(event.kind, EventKind::Access(_)) {
        return false;
    }
    event.paths.iter().any(|p| {
        let in_sources = ["content", "templates", "static"]
            .iter()
            .any(|d| p.starts_with(root.join(d)));
        let is_config = p.file_name().is_some_and(|n| n == "portail.toml");
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let scratch = name.starts_with('.') || name.ends_with('~') || name.ends_with(".swp");
        (in_sources || is_config) && !scratch
    })
}
