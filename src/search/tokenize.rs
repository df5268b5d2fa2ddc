//! Splitting text into word tokens, before any normalisation.
//!
//! Mirrored by `tokenize` in `static/search-pipeline.js`: any change here must be made there too,
//! and `tests/fixtures/french_tokens.json` checks that both agree.

/// Splits `text` into words: runs of letters, digits and combining accents.
///
/// Everything else separates words, so elisions (`l'innovation`, `d’intérêt`) and hyphenated
/// compounds (`médico-social`) fall apart into their parts; the article left alone (`l`, `d`) is a
/// stop word. A number written with French digit grouping (`40 000`, `1 000 000`, with a normal,
/// no-break or narrow no-break space) stays one token, `40000`, so a search for `40000` finds it.
/// Case and accents are kept: the pipeline folds them. A word longer than [`MAX_WORD`]
/// characters (a pasted hash, a 40 000-letter string) is not a word anyone searches for: it is
/// left out, which also keeps the index's depth bounded.
pub fn tokenize(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !is_word_char(chars[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && is_word_char(chars[i]) {
            i += 1;
        }
        if i - start > MAX_WORD {
            continue;
        }
        let mut token: String = chars[start..i].iter().collect();
        if is_thousands_head(&chars[start..i]) {
            while let Some(group_end) = thousands_group_at(&chars, i) {
                token.extend(&chars[i + 1..group_end]);
                i = group_end;
            }
        }
        tokens.push(token);
    }
    tokens
}

/// The longest word indexed, in characters (the longest French words have about 25).
pub const MAX_WORD: usize = 40;

/// Letters and digits of any script, plus the combining accents of decomposed text (`e` + U+0301),
/// which the folding step removes.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || ('\u{0300}'..='\u{036F}').contains(&c)
}

/// A number that can start a French grouped number: one to three digits.
fn is_thousands_head(token: &[char]) -> bool {
    (1..=3).contains(&token.len()) && token.iter().all(char::is_ascii_digit)
}

/// If `chars[at..]` is a digit-group separator followed by exactly three digits that end the word,
/// returns the index just past those digits.
fn thousands_group_at(chars: &[char], at: usize) -> Option<usize> {
    let separator = *chars.get(at)?;
    if !matches!(separator, ' ' | '\u{00A0}' | '\u{202F}' | '\u{2009}') {
        return None;
    }
    let end = at + 4;
    let group = chars.get(at + 1..end)?;
    let ends_word = chars.get(end).is_none_or(|&c| !is_word_char(c));
    (group.iter().all(char::is_ascii_digit) && ends_word).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::tokenize;

    #[test]
    fn splits_elisions_with_both_apostrophes() {
        assert_eq!(tokenize("l'innovation"), ["l", "innovation"]);
        assert_eq!(tokenize("d’intérêt"), ["d", "intérêt"]);
    }

    #[test]
    fn splits_hyphens_and_punctuation() {
        assert_eq!(
            tokenize("e-santé, médico-social."),
            ["e", "santé", "médico", "social"]
        );
    }

    #[test]
    fn joins_french_digit_groups() {
        assert_eq!(tokenize("40 000 €"), ["40000"]);
        assert_eq!(tokenize("1\u{202F}000\u{00A0}000"), ["1000000"]);
        assert_eq!(tokenize("139 000 € HT"), ["139000", "HT"]);
    }

    #[test]
    fn does_not_join_unrelated_numbers() {
        assert_eq!(
            tokenize("LFSS 2018 100 projets"),
            ["LFSS", "2018", "100", "projets"]
        );
        assert_eq!(tokenize("article 51 2019"), ["article", "51", "2019"]);
        assert_eq!(tokenize("40 0000"), ["40", "0000"]);
        assert_eq!(tokenize("40 000a"), ["40", "000a"]);
    }

    #[test]
    fn keeps_decomposed_accents_inside_words() {
        assert_eq!(tokenize("e\u{301}valuation"), ["e\u{301}valuation"]);
    }

    #[test]
    fn empty_and_blank_text_give_no_tokens() {
        assert!(tokenize("").is_empty());
        assert!(tokenize(" \n\t’ - ").is_empty());
    }
}
