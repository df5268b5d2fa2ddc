//! Which files of the site may be read: those under `content/`, `templates/` and `static/`,
//! inside the site folder. A symbolic link is followed only to a file inside the site; a
//! link out of it (`static -> /etc`) would publish that file, and is refused. Folders that
//! cannot be read are reported, never skipped in silence.

use crate::diagnostic::{display_path, Diagnostic, Diagnostics};
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// A readable source file: its path, and its path relative to the walked folder.
pub struct SourceFile {
    pub path: PathBuf,
    pub rel: String,
}

/// The files of `root/dir`, sorted by path, leaving out dot-files and editor leftovers.
/// Returns None when the folder does not exist.
pub fn walk(root: &Path, dir: &str, diags: &mut Diagnostics) -> Option<Vec<SourceFile>> {
    let base = root.join(dir);
    let meta = std::fs::symlink_metadata(&base).ok()?;
    let real_root = match root.canonicalize() {
        Ok(r) => r,
        Err(e) => {
            diags.push(Diagnostic::new(
                dir,
                format!("dossier du site illisible : {e}"),
            ));
            return Some(Vec::new());
        }
    };
    let display = |p: &Path| display_path(root, p);
    if meta.file_type().is_symlink() && !inside(&real_root, &base) {
        diags.push(outside(&format!("{dir}/"), &base));
        return Some(Vec::new());
    }
    if !base.is_dir() {
        diags.push(
            Diagnostic::new(dir, format!("{dir} devrait être un dossier"))
                .hint(format!("renommez ce fichier et créez un dossier {dir}/")),
        );
        return Some(Vec::new());
    }
    let mut files = Vec::new();
    let walker = WalkDir::new(&base)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored(&e.file_name().to_string_lossy()));
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().map_or_else(|| dir.to_owned(), display);
                let why = e
                    .io_error()
                    .map_or_else(|| e.to_string(), ToString::to_string);
                diags.push(
                    Diagnostic::new(path, format!("lecture impossible : {why}"))
                        .hint("vérifiez les droits de lecture de ce dossier"),
                );
                continue;
            }
        };
        let path = entry.path();
        let kind = entry.file_type();
        if kind.is_symlink() {
            if !inside(&real_root, path) {
                diags.push(outside(&display(path), path));
                continue;
            }
            if path.is_dir() {
                diags.push(
                    Diagnostic::new(display(path), "lien symbolique vers un dossier : non suivi")
                        .hint("copiez le dossier ici, ou liez chaque fichier"),
                );
                continue;
            }
        } else if !kind.is_file() {
            continue;
        }
        files.push(SourceFile {
            rel: display_path(&base, path),
            path: path.to_path_buf(),
        });
    }
    Some(files)
}

/// Dot-files and editor leftovers (`x.md~`, `.#x.md`) are never part of the site.
pub fn is_ignored(name: &str) -> bool {
    name.starts_with('.') || name.ends_with('~')
}

fn inside(real_root: &Path, path: &Path) -> bool {
    path.canonicalize()
        .is_ok_and(|real| real.starts_with(real_root))
}

fn outside(shown: &str, path: &Path) -> Diagnostic {
    let target = std::fs::read_link(path)
        .map(|t| t.display().to_string())
        .unwrap_or_default();
    Diagnostic::new(
        shown,
        format!("lien symbolique vers « {target} », hors du dossier du site : refusé"),
    )
    .hint("portail ne publie que des fichiers rangés dans le dossier du site ; copiez-y ce fichier")
}
