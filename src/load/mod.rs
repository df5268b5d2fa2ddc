//! Load: walks the site root and turns every file of `content/` into the typed [`Site`] model.
//! Problems are collected, not thrown, so that one run lists all of them.

mod data;
mod frontmatter;
pub mod locate;
mod read;
pub mod toml_fr;

use crate::date::Date;
use crate::diagnostic::{display_path, Diagnostic, Diagnostics};
use crate::model::*;
use rayon::prelude::*;
use read::{parse_typed, Located};
use std::collections::HashMap;
use std::path::Path;

/// Reads `root/portail.toml` and `root/content/`. Files that fail to load are reported and
/// listed in `Site::unloaded`, so validation can still check everything else in the same run.
pub fn load(root: &Path, today: Date) -> Result<(Site, Diagnostics), Diagnostics> {
    load_with(root, today, None)
}

/// The pages `serve` loaded last time, by content path, with the size and modification time
/// their file had: a file whose size and time are unchanged is not read again, one whose text
/// is unchanged is not parsed again.
#[derive(Default)]
pub struct Memo {
    pages: HashMap<String, (Stamp, Page)>,
}

type Stamp = Option<(u64, std::time::SystemTime)>;

/// A file modified in the last second may be written again within the same clock tick with
/// the same size (an editor's save, then a formatter): its stamp is not trusted, it is read.
fn settled(stamp: Stamp) -> bool {
    stamp.is_some_and(|(_, t)| t.elapsed().is_ok_and(|age| age.as_secs() >= 1))
}

fn stamp(path: &Path) -> Stamp {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.len(), meta.modified().ok()?))
}

/// [`load`], reusing and updating `memo` when there is one. Pages are read and parsed in
/// parallel.
pub fn load_with(
    root: &Path,
    today: Date,
    memo: Option<&mut Memo>,
) -> Result<(Site, Diagnostics), Diagnostics> {
    let mut diags = Diagnostics::default();
    let config = data::load_config(root, &mut diags);
    let content = root.join("content");
    let mut site = Site {
        config,
        today,
        pages: Vec::new(),
        glossary: DataFile::default(),
        contacts: DataFile::default(),
        wizard: None,
        assets: Vec::new(),
        unloaded: Vec::new(),
    };
    if !content.is_dir() {
        diags.push(
            Diagnostic::new(
                display_path(root, &content),
                "le dossier content/ est introuvable",
            )
            .hint("lancez portail depuis la racine du site, ou indiquez-la avec --root DOSSIER"),
        );
        return Err(diags);
    }
    let files = crate::sources::walk(root, "content", &mut diags).unwrap_or_default();
    let (markdown, others): (Vec<_>, Vec<_>) = files
        .into_iter()
        .partition(|f| matches!(classify(&f.rel), FileKind::Markdown));
    let known = memo.as_deref();
    let pages: Vec<(Loaded, Diagnostics)> = markdown
        .into_par_iter()
        .map(|file| {
            let mut d = Diagnostics::default();
            let display = display_path(root, &file.path);
            let stamp = known.and(stamp(&file.path));
            let before = known.and_then(|m| m.pages.get(&file.rel));
            if let Some((_, page)) = before.filter(|(s, _)| settled(stamp) && *s == stamp) {
                return (Ok((page.clone(), None)), d);
            }
            let Some(text) = read_text(&file.path, &display, &mut d) else {
                return (Err(file.rel), d);
            };
            if let Some((_, page)) = before.filter(|(_, p)| p.text == text && p.display == display)
            {
                return (Ok((page.clone(), Some(stamp))), d);
            }
            match load_page(&file.rel, display, text) {
                Ok(page) => (Ok((page, Some(stamp))), d),
                Err(ds) => {
                    d.extend(ds);
                    (Err(file.rel), d)
                }
            }
        })
        .collect();
    let mut fresh = Vec::new();
    for (page, d) in pages {
        diags.extend(d.into_sorted());
        match page {
            Ok((page, read)) => {
                if let (Some(stamp), Some(_)) = (read, &memo) {
                    fresh.push((stamp, page.clone()));
                }
                site.pages.push(page);
            }
            Err(rel) => site.unloaded.push(rel),
        }
    }
    if let Some(memo) = memo {
        let present: std::collections::HashSet<&str> =
            site.pages.iter().map(|p| p.source.as_str()).collect();
        memo.pages.retain(|rel, _| present.contains(rel.as_str()));
        memo.pages
            .extend(fresh.into_iter().map(|(s, p)| (p.source.clone(), (s, p))));
    }
    for file in others {
        let path = file.path.as_path();
        let rel = file.rel;
        let display = display_path(root, path);
        match classify(&rel) {
            FileKind::Markdown => {}
            FileKind::Data => {
                if let Some(text) = read_text(path, &display, &mut diags) {
                    data::load_data(&rel, display, text, &mut site, &mut diags);
                }
            }
            FileKind::Asset => site.assets.push(Asset {
                source: path.to_path_buf(),
                path: rel,
            }),
        }
    }
    site.pages.sort_by(|a, b| a.source.cmp(&b.source));
    Ok((site, diags))
}

/// A Markdown file: its page and, when it was read now (not taken from the memo as it was),
/// the stamp to remember; or the path of a file that did not load.
type Loaded = Result<(Page, Option<Stamp>), String>;

enum FileKind {
    Markdown,
    Data,
    Asset,
}

fn classify(rel: &str) -> FileKind {
    if rel.ends_with(".md") {
        FileKind::Markdown
    } else if rel.starts_with("data/") && rel.ends_with(".toml") {
        FileKind::Data
    } else {
        FileKind::Asset
    }
}

/// Reads a file that must be UTF-8, pointing at the first bad byte otherwise.
fn read_text(path: &Path, display: &str, diags: &mut Diagnostics) -> Option<String> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            diags.push(Diagnostic::new(
                display,
                format!("lecture impossible : {e}"),
            ));
            return None;
        }
    };
    match String::from_utf8(bytes) {
        Ok(text) => match text
            .char_indices()
            .find(|&(_, c)| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        {
            None => Some(text),
            Some((offset, c)) => {
                diags.push(
                    Diagnostic::new(
                        display,
                        format!("caractère de contrôle invisible (U+{:04X}) dans le texte", c as u32),
                    )
                    .hint("supprimez-le : il vient souvent d'un copier-coller depuis un autre logiciel")
                    .at(&text, offset),
                );
                None
            }
        },
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let prefix = String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned();
            let (line, column) = reader::line_column(&prefix, valid);
            diags.push(
                Diagnostic::new(display, "le fichier n'est pas encodé en UTF-8")
                    .at_line(line, column)
                    .hint("réenregistrez-le en UTF-8 (dans la plupart des éditeurs : « Enregistrer sous… », encodage UTF-8)"),
            );
            None
        }
    }
}

/// Output file of a content path: `leviers/fir.md` → `leviers/fir/index.html`.
pub fn output_path(rel: &str) -> String {
    let stem = rel.trim_end_matches(".md");
    match stem.strip_suffix("_index") {
        Some(dir) => format!("{dir}index.html"),
        None => format!("{stem}/index.html"),
    }
}

/// A page, refused while it still holds placeholders of `portail new`: each one is reported
/// (and the typed errors they cause, such as a deadline "À compléter", are not repeated).
pub(crate) fn load_page(rel: &str, display: String, text: String) -> Result<Page, Vec<Diagnostic>> {
    let left = placeholders(&display, &text);
    let typed = load_typed_page(rel, display, text);
    if left.is_empty() {
        return typed;
    }
    let lines: Vec<usize> = left.iter().map(|d| d.line).collect();
    let mut errors = left;
    if let Err(others) = typed {
        errors.extend(others.into_iter().filter(|d| !lines.contains(&d.line)));
    }
    Err(errors)
}

/// Whether a value or paragraph is still a placeholder of `portail new` (« À compléter : … »).
fn is_placeholder(s: &str) -> bool {
    let s = s.trim_start_matches(|c: char| c.is_whitespace() || c == '"' || c == '\'' || c == '[');
    let head: String = s.chars().take(11).collect::<String>().to_lowercase();
    matches!(
        head.as_str(),
        "à compléter" | "a compléter" | "à completer" | "a completer"
    )
}

/// How to fill a placeholder field; the scaffold's comment says the same.
fn placeholder_hint(key: &str, shown: &str) -> String {
    let optional = "ou supprimez la ligne (champ facultatif)";
    match key {
        "deadline" => format!("écrivez la date limite sans guillemets, année-mois-jour : deadline = 2026-03-31 ; {optional}"),
        "levers" => "écrivez les leviers illustrés, chacun entre guillemets droits : levers = [\"fir\", \"article-51\"]".to_owned(),
        "regions" => "écrivez \"national\" ou les identifiants des ARS concernées : regions = [\"bretagne\"]".to_owned(),
        "audiences" => "écrivez les publics concernés : audiences = [\"operateur\", \"industrie\"]".to_owned(),
        "organiser" | "pages" | "section" | "link" => format!("écrivez le vrai contenu entre les guillemets, {optional}"),
        _ => format!("remplacez « {shown} » par le vrai texte, entre les guillemets droits ; le commentaire au-dessus de la ligne dit quoi écrire"),
    }
}

/// One error per line of the file that still holds a placeholder, naming the field to fill.
fn placeholders(display: &str, text: &str) -> Vec<Diagnostic> {
    let Ok(split) = frontmatter::split(display, text) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut table: Option<&str> = None;
    let mut offset = split.toml_offset;
    for line in text[split.toml_offset..split.body_offset].split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.starts_with('[') && !trimmed.contains('=') {
            table = Some(trimmed.trim_matches(['[', ']']).trim());
        } else if !trimmed.starts_with('#') {
            if let Some((key, value)) = line.split_once('=') {
                if is_placeholder(value) {
                    let key = key.trim();
                    let what = match table {
                        Some(t) => format!("champ « {key} » du bloc [[{t}]] à compléter"),
                        None => format!("champ « {key} » à compléter"),
                    };
                    let shown: String = value
                        .trim()
                        .trim_matches(['[', ']', '"', '\''])
                        .chars()
                        .take(80)
                        .collect();
                    let at = offset + line.find(key).unwrap_or(0);
                    out.push(
                        Diagnostic::new(display, what)
                            .at(text, at)
                            .hint(placeholder_hint(key, &shown)),
                    );
                }
            }
        }
        offset += line.len();
    }
    let mut offset = split.body_offset;
    for line in text[split.body_offset..].split_inclusive('\n') {
        if is_placeholder(line) && line.trim_start().contains(':') {
            out.push(
                Diagnostic::new(display, "texte de la page à compléter")
                    .at(text, offset + (line.len() - line.trim_start().len()))
                    .hint("remplacez ce paragraphe « À compléter : … » par le texte de la page, écrit en Markdown"),
            );
        }
        offset += line.len();
    }
    out
}

fn load_typed_page(rel: &str, display: String, text: String) -> Result<Page, Vec<Diagnostic>> {
    let split = frontmatter::split(&display, &text).map_err(|d| vec![d])?;
    let (folder, file) = rel.rsplit_once('/').unwrap_or(("", rel));
    let slug = file.trim_end_matches(".md").to_owned();
    let at = Located {
        display: &display,
        file_text: &text,
        base: split.toml_offset,
        whole: 0,
    };
    let mut errors = Vec::new();
    if let Some(name) = folder
        .split('/')
        .find(|f| !crate::slug::is_slug(f))
        .filter(|_| !folder.is_empty())
    {
        errors.push(
            Diagnostic::new(
                &display,
                format!("nom de dossier « {name} » invalide pour une adresse web"),
            )
            .hint(format!(
                "renommez le dossier « {} » : minuscules, chiffres et tirets (ni con, nul, aux, prn, com1…)",
                crate::slug::slugify(name)
            )),
        );
    }
    if slug != "_index" && !crate::slug::is_slug(&slug) {
        errors.push(
            Diagnostic::new(
                &display,
                format!("nom de fichier « {file} » invalide pour une adresse web"),
            )
            .hint(format!(
                "renommez-le « {}.md » : minuscules, chiffres et tirets",
                crate::slug::slugify(&slug)
            )),
        );
    }
    let (meta, kind) = if slug == "_index" {
        let meta: PageMeta = parse_typed(split.toml, &at)?;
        (meta, PageKind::Folder)
    } else if folder == "leviers" {
        let lever: LeverMeta = parse_typed(split.toml, &at)?;
        (lever_page_meta(&lever), PageKind::Lever(Box::new(lever)))
    } else if folder == "actualites" {
        let update: UpdateMeta = parse_typed(split.toml, &at)?;
        (
            update_page_meta(&update),
            PageKind::Update(Box::new(update)),
        )
    } else {
        (parse_typed(split.toml, &at)?, PageKind::Plain)
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Page {
        source: rel.to_owned(),
        display,
        body_offset: split.body_offset,
        output: output_path(rel),
        folder: folder.to_owned(),
        slug,
        meta,
        kind,
        text,
    })
}

fn lever_page_meta(l: &LeverMeta) -> PageMeta {
    PageMeta {
        title: l.title.clone(),
        description: Some(l.description.clone()),
        date: l.date,
        weight: l.weight,
        template: l.template.clone(),
        sort_by: None,
        common_name: l.common_name.clone(),
        sources: l.sources.clone(),
    }
}

fn update_page_meta(u: &UpdateMeta) -> PageMeta {
    PageMeta {
        title: u.title.clone(),
        description: Some(u.description.clone()),
        date: Some(u.date),
        weight: u.weight,
        template: u.template.clone(),
        sort_by: None,
        common_name: None,
        sources: u.sources.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_paths_point_at_files() {
        assert_eq!(output_path("_index.md"), "index.html");
        assert_eq!(output_path("leviers/_index.md"), "leviers/index.html");
        assert_eq!(output_path("leviers/fir.md"), "leviers/fir/index.html");
        assert_eq!(output_path("a-propos.md"), "a-propos/index.html");
    }
}
