//! Write: the whole output goes to a fresh folder beside the target, then takes its place in
//! one atomic exchange, so a failed build never leaves a half-written site, the previous one
//! stays served until the last instant, and a reported failure leaves it in place.
//!
//! portail only ever replaces a folder it created itself: every output carries a stamp file,
//! and an existing folder without it (or the site itself, one of its sources, an ancestor of
//! the site, a file) is refused before anything is written.

use crate::output::{OutputFile, Sink};
use std::collections::HashSet;
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::thread::JoinHandle;

/// The file that marks a folder as portail's output, and so as replaceable.
pub const STAMP: &str = ".portail-sortie";
const STAMP_TEXT: &str = "Ce dossier est produit par portail : chaque construction le remplace \
entièrement.\nN'y rangez rien : ce que vous y ajoutez disparaîtra à la prochaine construction.\n";

/// Why the output was not written.
#[derive(Debug)]
pub enum WriteError {
    /// The output path names something portail must not replace (nothing was touched).
    Refused { output: PathBuf, reason: String },
    /// The file system failed (the previous output, if any, is still in place).
    Io { path: PathBuf, error: io::Error },
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WriteError::Refused { output, reason } => {
                write!(
                    f,
                    "le dossier de sortie {} est refusé : {reason}",
                    output.display()
                )
            }
            WriteError::Io { path, error } => {
                write!(f, "écriture de {} impossible : {error}", path.display())
            }
        }
    }
}

/// What went right but deserves a word (the new site is in place either way).
pub type Warnings = Vec<String>;

/// Checks that `output` may be (re)placed by a build of the site at `root`.
pub fn check_output(root: &Path, output: &Path) -> Result<(), WriteError> {
    let refuse = |reason: String| WriteError::Refused {
        output: output.to_path_buf(),
        reason,
    };
    let io_err = |error| WriteError::Io {
        path: output.to_path_buf(),
        error,
    };
    let root = root.canonicalize().map_err(|error| WriteError::Io {
        path: root.to_path_buf(),
        error,
    })?;
    let meta = std::fs::symlink_metadata(output);
    let target = match &meta {
        Ok(m) if m.file_type().is_symlink() => {
            return Err(refuse(
                "c'est un lien symbolique ; indiquez le dossier réel".into(),
            ))
        }
        Ok(m) if !m.is_dir() => return Err(refuse(
            "c'est un fichier existant ; portail écrit un dossier et ne remplace pas ce fichier"
                .into(),
        )),
        Ok(_) => output.canonicalize().map_err(io_err)?,
        Err(e) if e.kind() == io::ErrorKind::NotFound => absolute_in_existing(output)?,
        Err(e) => return Err(io_err(io::Error::new(e.kind(), e.to_string()))),
    };
    if root.starts_with(&target) {
        return Err(refuse(if root == target {
            "c'est le dossier du site lui-même ; la construction l'effacerait (choisissez par exemple public)".into()
        } else {
            "il contient le site ; la construction l'effacerait".into()
        }));
    }
    for source in ["content", "templates", "static"] {
        if target.starts_with(root.join(source)) {
            return Err(refuse(format!(
                "il se trouve dans {source}/, un dossier de sources du site"
            )));
        }
    }
    if meta.is_ok() && !is_replaceable(&target).map_err(io_err)? {
        return Err(refuse(format!(
            "il existe et n'a pas été créé par portail (pas de fichier {STAMP}) ; \
             choisissez un dossier vide ou inexistant, ou videz celui-ci vous-même"
        )));
    }
    Ok(())
}

/// An existing folder may be replaced when it is empty or carries portail's stamp.
fn is_replaceable(dir: &Path) -> io::Result<bool> {
    if dir.join(STAMP).is_file() {
        return Ok(true);
    }
    Ok(std::fs::read_dir(dir)?.next().is_none())
}

/// The absolute form of a path that does not exist yet, through its nearest existing ancestor
/// (so `a/../b` and symlinked parents are resolved as the file system will).
fn absolute_in_existing(path: &Path) -> Result<PathBuf, WriteError> {
    let abs = std::path::absolute(path).map_err(|error| WriteError::Io {
        path: path.to_path_buf(),
        error,
    })?;
    let mut tail = Vec::new();
    let mut cur = abs.as_path();
    loop {
        if let Ok(real) = cur.canonicalize() {
            return Ok(tail.iter().rev().fold(real, |p, part| p.join(part)));
        }
        match (cur.parent(), cur.file_name()) {
            (Some(parent), Some(name)) => {
                tail.push(name.to_owned());
                cur = parent;
            }
            _ => return Ok(abs),
        }
    }
}

/// A fresh folder beside the output that files are written into as they are made, then
/// swapped in for the output by [`Staging::finish`], or removed by [`Staging::abandon`].
/// Call [`check_output`] first.
///
/// One thread writes, fed by the render threads through a short queue: file creation in one
/// folder serialises in the kernel anyway, and two threads creating files side by side spent
/// three times the system time of one, while rendering goes on meanwhile.
pub struct Staging {
    output: PathBuf,
    dir: PathBuf,
    queue: Option<SyncSender<OutputFile>>,
    writer: Option<JoinHandle<Result<(), WriteError>>>,
}

impl Staging {
    pub fn new(output: &Path) -> Result<Staging, WriteError> {
        let parent = match output.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let io_at = |error| WriteError::Io {
            path: parent.clone(),
            error,
        };
        std::fs::create_dir_all(&parent).map_err(io_at)?;
        let name = output
            .file_name()
            .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
        let dir = fresh_dir(&parent, &name).map_err(io_at)?;
        let (queue, files) = sync_channel::<OutputFile>(256);
        let into = dir.clone();
        let writer = std::thread::spawn(move || write_all(&into, files));
        Ok(Staging {
            output: output.to_path_buf(),
            dir,
            queue: Some(queue),
            writer: Some(writer),
        })
    }

    /// Waits for the last file, stamps the folder and puts it in place of the output; the
    /// previous output is deleted.
    pub fn finish(mut self) -> Result<Warnings, WriteError> {
        let stamp = self.dir.join(STAMP);
        let result = self.drain().and_then(|()| {
            std::fs::write(&stamp, STAMP_TEXT)
                .map_err(|error| WriteError::Io { path: stamp, error })
        });
        if let Err(e) = result {
            self.abandon();
            return Err(e);
        }
        let mut warnings = Warnings::new();
        match swap(&self.output, &self.dir) {
            Ok(Some(retired)) => {
                if let Err(e) = std::fs::remove_dir_all(&retired) {
                    warnings.push(format!(
                        "l'ancienne version est restée dans {} : {e} (vous pouvez la supprimer)",
                        retired.display()
                    ));
                }
            }
            Ok(None) => {}
            Err(error) => {
                let path = self.output.clone();
                self.abandon();
                return Err(WriteError::Io { path, error });
            }
        }
        Ok(warnings)
    }

    /// Removes the folder; the output was never touched.
    pub fn abandon(mut self) {
        let _ = self.drain();
        let _ = std::fs::remove_dir_all(&self.dir);
    }

    /// Closes the queue and waits for the writer: the first write that failed, if any.
    fn drain(&mut self) -> Result<(), WriteError> {
        drop(self.queue.take());
        match self.writer.take().map(JoinHandle::join) {
            Some(Ok(result)) => result,
            Some(Err(_)) => Err(WriteError::Io {
                path: self.dir.clone(),
                error: io::Error::other("le fil d'écriture s'est arrêté"),
            }),
            None => Ok(()),
        }
    }
}

impl Sink for Staging {
    fn put(&self, file: OutputFile) {
        // A closed queue means the writer stopped; `finish` reports why.
        if let Some(queue) = &self.queue {
            let _ = queue.send(file);
        }
    }
}

/// The writer thread: every file under `dir`; after a failure the rest are received and
/// dropped, so that no render thread waits on a full queue.
fn write_all(dir: &Path, files: Receiver<OutputFile>) -> Result<(), WriteError> {
    let mut made: HashSet<PathBuf> = HashSet::new();
    let mut failed = None;
    for file in files {
        if failed.is_some() {
            continue;
        }
        let path = dir.join(&file.path);
        let fail = |path: &Path, error| WriteError::Io {
            path: path.to_path_buf(),
            error,
        };
        let result = path
            .parent()
            .filter(|p| !made.contains(*p))
            .map_or(Ok(()), |p| {
                std::fs::create_dir_all(p).map_err(|e| fail(p, e))?;
                made.insert(p.to_path_buf());
                Ok(())
            })
            .and_then(|()| std::fs::write(&path, &file.bytes).map_err(|e| fail(&path, e)));
        failed = result.err();
    }
    failed.map_or(Ok(()), Err)
}

/// A new, empty folder beside the output, whose name nothing else uses.
fn fresh_dir(parent: &Path, name: &str) -> io::Result<PathBuf> {
    let pid = std::process::id();
    let mut last = None;
    for n in 0..100 {
        let dir = parent.join(format!(".{name}.portail-{pid}-{n}"));
        match std::fs::create_dir(&dir) {
            Ok(()) => return Ok(dir),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| io::ErrorKind::AlreadyExists.into()))
}

/// Puts `staging` in place of `output`; returns where the previous output now is, if any.
fn swap(output: &Path, staging: &Path) -> io::Result<Option<PathBuf>> {
    if std::fs::symlink_metadata(output).is_err() {
        std::fs::rename(staging, output)?;
        return Ok(None);
    }
    match exchange(staging, output) {
        Ok(()) => Ok(Some(staging.to_path_buf())),
        // No atomic exchange on this system or file system: two renames, undone on failure.
        Err(e) if e.kind() == io::ErrorKind::Unsupported => {
            let retired = staging.with_extension("ancien");
            std::fs::rename(output, &retired)?;
            if let Err(e) = std::fs::rename(staging, output) {
                std::fs::rename(&retired, output)?;
                return Err(e);
            }
            Ok(Some(retired))
        }
        Err(e) => Err(e),
    }
}

/// Swaps two paths in one step (Linux `renameat2(RENAME_EXCHANGE)`).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(()),
        Err(e) if e == rustix::io::Errno::INVAL || e == rustix::io::Errno::NOSYS => Err(
            io::Error::new(io::ErrorKind::Unsupported, "échange atomique indisponible"),
        ),
        Err(e) => Err(e.into()),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, _b: &Path) -> io::Result<()> {
    Err(io::Error::new(
        io::ErrorKind::Unsupported,
        "échange atomique indisponible",
    ))
}
