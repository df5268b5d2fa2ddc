//! Anchors and slugs: lowercase ASCII, accents removed, runs of anything else as one hyphen.

/// « Qui peut candidater ? » → `qui-peut-candidater`; « Coopération » → `cooperation`.
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_hyphen = false;
    for c in text.chars() {
        let folded = fold_char(c);
        for f in folded.chars() {
            if f.is_ascii_alphanumeric() {
                if pending_hyphen && !out.is_empty() {
                    out.push('-');
                }
                pending_hyphen = false;
                out.push(f.to_ascii_lowercase());
            } else {
                pending_hyphen = true;
            }
        }
    }
    out
}

/// Latin letters with diacritics to their base letters; ligatures spelled out.
pub fn fold_char(c: char) -> std::borrow::Cow<'static, str> {
    let base = match c {
        'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => 'a',
        'À' | 'Â' | 'Ä' | 'Á' | 'Ã' | 'Å' => 'A',
        'ç' => 'c',
        'Ç' => 'C',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'É' | 'È' | 'Ê' | 'Ë' => 'E',
        'î' | 'ï' | 'í' | 'ì' => 'i',
        'Î' | 'Ï' | 'Í' | 'Ì' => 'I',
        'ô' | 'ö' | 'ó' | 'ò' | 'õ' => 'o',
        'Ô' | 'Ö' | 'Ó' | 'Ò' | 'Õ' => 'O',
        'ù' | 'û' | 'ü' | 'ú' => 'u',
        'Ù' | 'Û' | 'Ü' | 'Ú' => 'U',
        'ÿ' => 'y',
        'Ÿ' => 'Y',
        'ñ' => 'n',
        'Ñ' => 'N',
        'œ' => return "oe".into(),
        'Œ' => return "OE".into(),
        'æ' => return "ae".into(),
        'Æ' => return "AE".into(),
        other => return other.to_string().into(),
    };
    base.to_string().into()
}

/// Makes anchors unique within one page, the way readers expect: `x`, `x-1`, `x-2`.
#[derive(Default)]
pub struct AnchorSet {
    seen: std::collections::HashMap<String, usize>,
}

impl AnchorSet {
    pub fn unique(&mut self, base: &str) -> String {
        let base = if base.is_empty() { "section" } else { base };
        let n = self.seen.entry(base.to_owned()).or_insert(0);
        let anchor = if *n == 0 {
            base.to_owned()
        } else {
            format!("{base}-{n}")
        };
        *n += 1;
        anchor
    }

    /// Records an anchor chosen by hand (`{#calendrier}`) so generated ones avoid it.
    pub fn reserve(&mut self, anchor: &str) {
        self.seen.entry(anchor.to_owned()).or_insert(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_fold_accents_and_punctuation() {
        assert_eq!(slugify("Qui peut candidater ?"), "qui-peut-candidater");
        assert_eq!(
            slugify("MIG « coopération hospitalière internationale »"),
            "mig-cooperation-hospitaliere-internationale"
        );
        assert_eq!(slugify("Œuvre d'État"), "oeuvre-d-etat");
        assert_eq!(slugify("  Article 51  "), "article-51");
    }

    #[test]
    fn anchors_are_unique() {
        let mut set = AnchorSet::default();
        assert_eq!(set.unique("exemples"), "exemples");
        assert_eq!(set.unique("exemples"), "exemples-1");
        set.reserve("calendrier");
        assert_eq!(set.unique("calendrier"), "calendrier-1");
    }
}
