//! What the stages produce and where it goes: every output file is handed to a [`Sink`] as
//! soon as it exists (a folder being written for `build`, the server's memory for `serve`,
//! nowhere for `check`), so no stage holds the whole site's HTML at once.

use bytes::Bytes;
use std::collections::BTreeMap;
use std::sync::Mutex;

/// One file of the output, relative to its root.
#[derive(Debug, Clone)]
pub struct OutputFile {
    pub path: String,
    /// Shared, so that `serve` hands a remembered page to each build without copying it.
    pub bytes: Bytes,
}

/// Receives output files from any thread. A sink that fails remembers its first error and
/// reports it when the build asks (see [`crate::write::Staging::finish`]); the stages never
/// stop for it, so a full disk costs one wasted build, never a half-written site.
pub trait Sink: Sync {
    fn put(&self, file: OutputFile);
}

/// `check`: renders everything, keeps nothing.
pub struct Discard;

impl Sink for Discard {
    fn put(&self, _file: OutputFile) {}
}

/// Keeps every file in memory, by output path (what `serve` answers from).
#[derive(Default)]
pub struct Memory(Mutex<BTreeMap<String, Bytes>>);

impl Sink for Memory {
    fn put(&self, file: OutputFile) {
        lock(&self.0).insert(file.path, file.bytes);
    }
}

impl Memory {
    pub fn into_files(self) -> BTreeMap<String, Bytes> {
        self.0.into_inner().unwrap_or_else(|p| p.into_inner())
    }
}

/// Passes files on and notes their paths, so that two files claiming one path are found.
pub struct Recorder<'a> {
    inner: &'a dyn Sink,
    paths: Mutex<Vec<String>>,
}

impl<'a> Recorder<'a> {
    pub fn new(inner: &'a dyn Sink) -> Self {
        Recorder {
            inner,
            paths: Mutex::default(),
        }
    }

    pub fn into_paths(self) -> Vec<String> {
        self.paths.into_inner().unwrap_or_else(|p| p.into_inner())
    }
}

impl Sink for Recorder<'_> {
    fn put(&self, file: OutputFile) {
        lock(&self.paths).push(file.path.clone());
        self.inner.put(file);
    }
}

/// A poisoned lock only means another thread panicked mid-insert; the map is still usable.
pub fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}
