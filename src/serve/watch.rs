//! Watches the site's sources with notify, debounced so an editor's save bursts rebuild once.

use notify::RecursiveMode;
use notify_debouncer_mini::new_debouncer;
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

pub fn watch(root: &Path, mut rebuild: impl FnMut()) -> Result<(), String> {
    let (tx, rx) = mpsc::channel();
    let mut debouncer = new_debouncer(Duration::from_millis(150), tx)
        .map_err(|e| format!("surveillance des fichiers impossible : {e}"))?;
    for dir in ["content", "templates", "static"] {
        let path = root.join(dir);
        if path.is_dir() {
            debouncer
                .watcher()
                .watch(&path, RecursiveMode::Recursive)
                .map_err(|e| format!("surveillance de {} impossible : {e}", path.display()))?;
        }
    }
    // The config file: watch the root itself, without descending into public/ or target/.
    debouncer
        .watcher()
        .watch(root, RecursiveMode::NonRecursive)
        .map_err(|e| format!("surveillance de {} impossible : {e}", root.display()))?;
    for events in rx {
        let Ok(events) = events else { continue };
        let relevant = events.iter().any(|e| {
            let p = &e.path;
            let in_sources = ["content", "templates", "static"]
                .iter()
                .any(|d| p.starts_with(root.join(d)));
            let is_config = p.file_name().is_some_and(|n| n == "portail.toml");
            let hidden = p.file_name().is_some_and(|n| {
                n.to_string_lossy().starts_with('.') || n.to_string_lossy().ends_with('~')
            });
            (in_sources || is_config) && !hidden
        });
        if relevant {
            rebuild();
        }
    }
    Ok(())
}
