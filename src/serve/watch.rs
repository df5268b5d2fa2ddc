//! Watches the site's sources with notify and rebuilds once per burst of changes.
//!
//! - Reading the sources during a rebuild produces access events on some platforms; only
//!   events that change something count, or every rebuild would trigger the next.
//! - A burst of saves still rebuilds at least every [`MAX_WAIT`].
//! - `content/`, `templates/` and `static/` may be moved away and back, deleted and recreated
//!   (a `git checkout`, a sync tool): the watch follows the folder that has the name now.

use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

/// The folders whose files make the site; `portail.toml` is watched through the root.
const SOURCES: [&str; 3] = ["content", "templates", "static"];
/// How long the sources must stay quiet before a rebuild: an editor's save is often several
/// writes (temporary file, rename, metadata), all within a few milliseconds; a rebuild that
/// starts too early is followed by another, never wrong.
const QUIET: Duration = Duration::from_millis(25);
/// The longest a burst of changes delays a rebuild.
const MAX_WAIT: Duration = Duration::from_millis(500);
/// How often, without any event, the source folders are checked for replacement.
const RECHECK: Duration = Duration::from_secs(1);

/// A started watcher: changes are queued from the moment it exists, so none is missed between
/// the first build and the first wait.
pub struct Watch {
    root: PathBuf,
    watcher: RecommendedWatcher,
    rx: mpsc::Receiver<notify::Result<Event>>,
    /// The identity of each source folder as watched (None: absent).
    armed: [Option<Identity>; 3],
}

/// `root` must be absolute and resolved: event paths are.
pub fn start(root: &Path) -> Result<Watch, String> {
    let (tx, rx) = mpsc::channel::<notify::Result<Event>>();
    let mut watcher = notify::recommended_watcher(tx)
        .map_err(|e| format!("surveillance des fichiers impossible : {e}"))?;
    // The root itself, without descending into public/ or target/: portail.toml, and the
    // source folders appearing or disappearing.
    watcher
        .watch(root, RecursiveMode::NonRecursive)
        .map_err(|e| format!("surveillance de {} impossible : {e}", root.display()))?;
    let mut watch = Watch {
        root: root.to_path_buf(),
        watcher,
        rx,
        armed: [None, None, None],
    };
    watch.arm();
    Ok(watch)
}

impl Watch {
    /// Calls `rebuild` once per burst of relevant changes, forever.
    pub fn run(&mut self, mut rebuild: impl FnMut()) {
        loop {
            match self.rx.recv_timeout(RECHECK) {
                Ok(event) if is_relevant(&self.root, &event) => {
                    self.swallow_burst();
                    self.arm();
                    rebuild();
                }
                Ok(_) => {}
                // A folder replaced without any event reaching us (some sync tools).
                Err(RecvTimeoutError::Timeout) => {
                    if self.arm() {
                        rebuild();
                    }
                }
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
    }

    /// Waits until the sources are quiet, or [`MAX_WAIT`] has passed.
    fn swallow_burst(&self) {
        let deadline = Instant::now() + MAX_WAIT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return;
            }
            match self.rx.recv_timeout(QUIET.min(left)) {
                Ok(_) => {}
                Err(_) => return,
            }
        }
    }

    /// Watches each source folder that is new under its name; true if any changed.
    fn arm(&mut self) -> bool {
        let mut changed = false;
        for (i, dir) in SOURCES.iter().enumerate() {
            let path = self.root.join(dir);
            let now = identity(&path);
            if now == self.armed[i] {
                continue;
            }
            changed = true;
            let _ = self.watcher.unwatch(&path);
            let watching = now.is_some()
                && self
                    .watcher
                    .watch(&path, RecursiveMode::Recursive)
                    .map_err(|e| eprintln!("attention : surveillance de {dir}/ impossible : {e}"))
                    .is_ok();
            self.armed[i] = if watching { now } else { None };
        }
        changed
    }
}

/// What tells a folder from another of the same name.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Identity(u64, u64);

#[cfg(unix)]
fn identity(path: &Path) -> Option<Identity> {
    use std::os::unix::fs::MetadataExt;
    let m = std::fs::metadata(path).ok().filter(|m| m.is_dir())?;
    Some(Identity(m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn identity(path: &Path) -> Option<Identity> {
    let m = std::fs::metadata(path).ok().filter(|m| m.is_dir())?;
    let created = m
        .created()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as u64);
    Some(Identity(created, 0))
}

fn is_relevant(root: &Path, event: &notify::Result<Event>) -> bool {
    let Ok(event) = event else { return false };
    if matches!(event.kind, EventKind::Access(_)) {
        return false;
    }
    event.paths.iter().any(|p| {
        let in_sources = SOURCES.iter().any(|d| p.starts_with(root.join(d)));
        let is_config =
            p.parent() == Some(root) && p.file_name().is_some_and(|n| n == "portail.toml");
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let scratch = name.starts_with('.') || name.ends_with('~') || name.ends_with(".swp");
        (in_sources || is_config) && !scratch
    })
}
