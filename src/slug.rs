//! Anchors and slugs: lowercase ASCII, accents removed, runs of anything else as one hyphen.

/// « Qui peut candidater ? » → `qui-peut-candidater`; « Coopération » → `cooperation`.
/// Accents fold as in search, so a heading and the words typed to find it agree.
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_hyphen = false;
    for c in crate::fold::fold(text).chars() {
        if c.is_ascii_alphanumeric() {
            if pending_hyphen && !out.is_empty() {
                out.push('-');
            }
            pending_hyphen = false;
            out.push(c);
        } else {
            pending_hyphen = true;
        }
    }
    out
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

/// A name that works in a URL and on every file system: lowercase ASCII letters, digits and
/// dashes, and not a name Windows reserves (`con`, `nul`, `com1`…).
pub fn is_slug(s: &str) -> bool {
    const RESERVED: [&str; 4] = ["con", "prn", "aux", "nul"];
    let reserved = RESERVED.contains(&s)
        || ((s.starts_with("com") || s.starts_with("lpt"))
            && s.len() == 4
            && s.as_bytes()[3].is_ascii_digit());
    !s.is_empty()
        && !reserved
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
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
    fn a_file_name_is_a_slug_no_system_reserves() {
        assert!(is_slug("fir") && is_slug("article-51") && is_slug("com"));
        for name in [
            "",
            "Fir",
            "fir.md",
            "évaluation",
            "con",
            "nul",
            "com1",
            "lpt9",
        ] {
            assert!(!is_slug(name), "{name}");
        }
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
