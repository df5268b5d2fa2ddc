//! Diagnostics shown to editors: `path:line:column: message`, the offending line, and a hint.
//!
//! The format is part of the user contract (editors click it, tests grep it), so it is written
//! here rather than delegated to a rendering crate whose layout we do not control.

use std::fmt;
use std::path::{Path, PathBuf};

/// One problem found in the content, pointing at a file and, when known, a position in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Path relative to the site root, with `/` separators, e.g. `content/leviers/fir.md`.
    pub file: String,
    /// 1-based line and column; 0 when the problem concerns the whole file.
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub hint: Option<String>,
    /// The source line, shown under the message with a caret.
    pub excerpt: Option<String>,
    /// A warning tells the editor what to check; it never fails the build.
    pub warning: bool,
}

impl Diagnostic {
    pub fn new(file: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.into(),
            line: 0,
            column: 0,
            message: message.into(),
            hint: None,
            excerpt: None,
            warning: false,
        }
    }

    /// The same message as a warning: listed by `portail check`, exit status unchanged.
    pub fn as_warning(mut self) -> Self {
        self.warning = true;
        self
    }

    /// Places the diagnostic at byte `offset` of `source`, the full text of the file.
    pub fn at(mut self, source: &str, offset: usize) -> Self {
        let (line, column) = reader::line_column(source, offset);
        self.line = line;
        self.column = column;
        self.excerpt = source.lines().nth(line - 1).map(str::to_owned);
        self
    }

    pub fn at_line(mut self, line: usize, column: usize) -> Self {
        self.line = line;
        self.column = column;
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn location(&self) -> String {
        if self.line == 0 {
            self.file.clone()
        } else {
            format!("{}:{}:{}", self.file, self.line, self.column)
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = if self.warning {
            "avertissement"
        } else {
            "erreur"
        };
        writeln!(f, "{}: {kind} : {}", self.location(), self.message)?;
        if let Some(text) = &self.excerpt {
            let gutter = self.line.to_string();
            let (shown, caret) = window(text, self.column.saturating_sub(1));
            writeln!(f, "{gutter} | {shown}")?;
            let pad = " ".repeat(gutter.len());
            writeln!(f, "{pad} | {}^", " ".repeat(caret))?;
        }
        if let Some(hint) = &self.hint {
            writeln!(f, "  aide : {hint}")?;
        }
        Ok(())
    }
}

/// A path shown to the user: relative to the site root, `/`-separated, on every platform.
pub fn display_path(root: &Path, path: &Path) -> String {
    let rel: PathBuf = path.strip_prefix(root).unwrap_or(path).to_path_buf();
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Every problem of a run, so that all of them are reported at once.
#[derive(Debug, Default)]
pub struct Diagnostics(Vec<Diagnostic>);

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }

    pub fn extend(&mut self, ds: impl IntoIterator<Item = Diagnostic>) {
        self.0.extend(ds);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Sorted by file and position so that output is stable and reads top to bottom.
    pub fn into_sorted(mut self) -> Vec<Diagnostic> {
        self.0.sort_by(|a, b| {
            (&a.file, a.line, a.column, &a.message).cmp(&(&b.file, b.line, b.column, &b.message))
        });
        self.0.dedup();
        self.0
    }
}

/// At most this many characters of a source line are shown around the column.
const EXCERPT_WIDTH: usize = 100;

/// The part of `line` shown under a diagnostic, and the caret's offset in it: the whole line
/// when short, else a window around `column` (0-based, in characters) marked with `…`.
fn window(line: &str, column: usize) -> (String, usize) {
    let chars: Vec<char> = line.chars().collect();
    let column = column.min(chars.len());
    if chars.len() <= EXCERPT_WIDTH {
        return (line.to_owned(), column);
    }
    let start = column.saturating_sub(EXCERPT_WIDTH / 2);
    let end = (start + EXCERPT_WIDTH).min(chars.len());
    let start = end.saturating_sub(EXCERPT_WIDTH);
    let mut shown = String::new();
    let mut caret = column - start;
    if start > 0 {
        shown.push('…');
        caret += 1;
    }
    shown.extend(&chars[start..end]);
    if end < chars.len() {
        shown.push('…');
    }
    (shown, caret)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_shows_location_excerpt_and_hint() {
        let src = "+++\ntitel = \"x\"\n+++\n";
        let d = Diagnostic::new("content/a.md", "champ inconnu « titel »")
            .at(src, 4)
            .hint("vouliez-vous dire « title » ?");
        let text = d.to_string();
        assert!(text.starts_with("content/a.md:2:1: erreur : champ inconnu « titel »\n"));
        assert!(text.contains("2 | titel = \"x\"\n"));
        assert!(text.contains("aide : vouliez-vous dire « title » ?"));
    }
}
