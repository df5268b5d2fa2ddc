//! Write: the whole output goes to a fresh folder beside the target, then replaces it, so a
//! failed build never leaves a half-written site and the previous one stays served.

use crate::render::OutputFile;
use std::io;
use std::path::{Path, PathBuf};

pub fn write_atomically(output: &Path, files: &[OutputFile]) -> io::Result<()> {
    let parent = match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent)?;
    let name = output
        .file_name()
        .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
    let staging = parent.join(format!(".{name}.tmp-{}", std::process::id()));
    let retired = parent.join(format!(".{name}.old-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&staging);
    let result = write_tree(&staging, files).and_then(|()| swap(output, &staging, &retired));
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    result
}

fn write_tree(dir: &Path, files: &[OutputFile]) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for f in files {
        let path = dir.join(&f.path);
        if let Some(p) = path.parent() {
            std::fs::create_dir_all(p)?;
        }
        std::fs::write(&path, &f.bytes)?;
    }
    Ok(())
}

/// Two renames: the old output steps aside, the new one takes its name.
fn swap(output: &Path, staging: &Path, retired: &Path) -> io::Result<()> {
    if output.exists() {
        let _ = std::fs::remove_dir_all(retired);
        std::fs::rename(output, retired)?;
        if let Err(e) = std::fs::rename(staging, output) {
            let _ = std::fs::rename(retired, output);
            return Err(e);
        }
        std::fs::remove_dir_all(retired)?;
    } else {
        std::fs::rename(staging, output)?;
    }
    Ok(())
}
