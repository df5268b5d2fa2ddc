//! Splits a Markdown file into its `+++` TOML front matter and its body.

use crate::diagnostic::Diagnostic;

pub struct Split<'a> {
    /// The TOML between the fences.
    pub toml: &'a str,
    /// Byte offset of `toml` in the file.
    pub toml_offset: usize,
    /// Byte offset of the Markdown body in the file.
    pub body_offset: usize,
}

pub fn split<'a>(display: &str, text: &'a str) -> Result<Split<'a>, Diagnostic> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &text[start..];
    let first_line = rest.lines().next().unwrap_or("");
    if first_line.trim() == "---" {
        return Err(Diagnostic::new(display, "l'en-tête commence par --- au lieu de +++")
            .at(text, start)
            .hint("portail lit un en-tête TOML entre deux lignes +++ (--- est l'habitude d'autres outils, en YAML) : remplacez les deux lignes --- par +++, et écrivez chaque champ nom = valeur"));
    }
    if first_line.trim().is_empty() && rest.trim_start().starts_with("+++") {
        return Err(Diagnostic::new(display, "ligne vide avant l'en-tête")
            .at(text, start)
            .hint("la ligne +++ doit être la toute première ligne du fichier : supprimez les lignes vides au-dessus"));
    }
    if first_line.trim_end() != "+++" {
        return Err(Diagnostic::new(display, "l'en-tête de la page est absent")
            .at(text, start)
            .hint("la première ligne doit être `+++`, suivie des champs (title = \"…\") puis d'une ligne `+++`"));
    }
    let toml_offset = start + first_line.len() + line_break_len(&rest[first_line.len()..]);
    let mut offset = toml_offset;
    for line in text[toml_offset..].split_inclusive('\n') {
        if line.trim_end() == "+++" {
            return Ok(Split {
                toml: &text[toml_offset..offset],
                toml_offset,
                body_offset: offset + line.len(),
            });
        }
        if line.trim_end() == "---" {
            return Err(
                Diagnostic::new(display, "l'en-tête est fermé par --- au lieu de +++")
                    .at(text, offset)
                    .hint("remplacez cette ligne --- par +++ : l'en-tête s'ouvre et se ferme par une ligne +++"),
            );
        }
        offset += line.len();
    }
    Err(Diagnostic::new(display, "l'en-tête de la page n'est pas fermé")
        .at(text, start)
        .hint("ajoutez une ligne `+++` après le dernier champ de l'en-tête, avant le texte de la page"))
}

fn line_break_len(s: &str) -> usize {
    if s.starts_with("\r\n") {
        2
    } else {
        usize::from(s.starts_with('\n'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_header_and_body() {
        let text = "+++\ntitle = \"A\"\n+++\nCorps\n";
        let s = split("a.md", text).unwrap();
        assert_eq!(s.toml, "title = \"A\"\n");
        assert_eq!(&text[s.body_offset..], "Corps\n");
    }

    #[test]
    fn handles_crlf_and_bom() {
        let text = "\u{feff}+++\r\ntitle = \"A\"\r\n+++\r\nCorps";
        let s = split("a.md", text).unwrap();
        assert_eq!(s.toml, "title = \"A\"\r\n");
        assert_eq!(&text[s.body_offset..], "Corps");
    }

    #[test]
    fn reports_missing_and_unclosed_headers() {
        let e = split("a.md", "# Titre\n").err().unwrap();
        assert_eq!(e.message, "l'en-tête de la page est absent");
        let e = split("a.md", "+++\ntitle = \"A\"\nCorps\n").err().unwrap();
        assert_eq!((e.line, e.column), (1, 1));
        assert!(e.message.contains("pas fermé"));
    }
}
