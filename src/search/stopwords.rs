//! French stop words, in folded form (no accents, lower case).
//!
//! The Snowball French list, plus the elided forms the tokenizer leaves behind (`jusqu'à` gives
//! `jusqu`) and a few frequent function words. Acronyms of the portal (`FIR`, `MIG`, `AAC`,
//! `ARS`…) must never appear here: a test checks the ones the content uses. Mirrored by
//! `STOP_WORDS` in `static/search-pipeline.js`.

/// Sorted, so that lookups can use a binary search.
pub const STOP_WORDS: &[&str] = &[
    "a", "ai", "aie", "aient", "aies", "ait", "as", "au", "aura", "aurai", "auraient", "aurais",
    "aurait", "auras", "aurez", "auriez", "aurions", "aurons", "auront", "aux", "avaient", "avais",
    "avait", "avec", "avez", "aviez", "avions", "avons", "ayant", "ayez", "ayons", "c", "ce",
    "ceci", "cela", "celle", "celles", "celui", "ces", "cet", "cette", "ceux", "d", "dans", "de",
    "des", "dont", "du", "elle", "elles", "en", "es", "est", "et", "etaient", "etais", "etait",
    "etant", "ete", "etee", "etees", "etes", "etiez", "etions", "eu", "eue", "eues", "eumes",
    "eurent", "eus", "eusse", "eussent", "eusses", "eussiez", "eussions", "eut", "eutes", "eux",
    "fumes", "furent", "fus", "fusse", "fussent", "fusses", "fussiez", "fussions", "fut", "futes",
    "il", "ils", "j", "je", "jusqu", "l", "la", "le", "les", "leur", "leurs", "lorsqu", "lui", "m",
    "ma", "mais", "me", "meme", "memes", "mes", "moi", "mon", "n", "ne", "ni", "nos", "notre",
    "nous", "on", "ont", "ou", "par", "pas", "pour", "puisqu", "qu", "quand", "que", "quel",
    "quelle", "quelles", "quels", "qui", "quoiqu", "s", "sa", "sans", "se", "sera", "serai",
    "seraient", "serais", "serait", "seras", "serez", "seriez", "serions", "serons", "seront",
    "ses", "si", "soi", "soient", "sois", "soit", "sommes", "son", "sont", "soyez", "soyons",
    "suis", "sur", "t", "ta", "te", "tes", "toi", "ton", "tu", "un", "une", "vos", "votre", "vous",
    "y",
];

/// True for a folded token that carries no meaning for search.
pub fn is_stop_word(folded: &str) -> bool {
    STOP_WORDS.binary_search(&folded).is_ok()
}

#[cfg(test)]
mod tests {
    use super::{is_stop_word, STOP_WORDS};

    #[test]
    fn list_is_sorted_and_unique() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn list_is_folded() {
        for word in STOP_WORDS {
            assert_eq!(crate::fold::fold(word), *word);
        }
    }

    #[test]
    fn articles_and_elisions_are_stop_words() {
        for word in ["l", "d", "qu", "jusqu", "le", "des", "a", "ete"] {
            assert!(is_stop_word(word), "{word}");
        }
    }

    #[test]
    fn acronyms_of_the_portal_are_not_stop_words() {
        let acronyms = [
            "aac", "aap", "ami", "ars", "cnsa", "cpom", "dgos", "ehpad", "esp", "fir", "ght",
            "gcs", "ht", "ipep", "lfss", "mig", "pme", "prs", "tiga", "urps",
        ];
        for acronym in acronyms {
            assert!(!is_stop_word(acronym), "{acronym}");
        }
    }
}
