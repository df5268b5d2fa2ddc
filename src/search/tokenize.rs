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
    let mut tokens = Vec::new();
    for_each_word(text, |word| tokens.push(word.to_owned()));
    tokens
}

/// Calls `f` on each word of `text`, as [`tokenize`] splits it, without collecting them: the
/// indexer runs this over every text of the site.
pub fn for_each_word(text: &str, mut f: impl FnMut(&str)) {
    let mut joined = String::new();
    let mut rest = text.char_indices().peekable();
    while let Some((start, c)) = rest.next() {
        if !is_word_char(c) {
            continue;
        }
        let mut end = start + c.len_utf8();
        let mut count = 1;
        while let Some(&(i, c)) = rest.peek() {
            if !is_word_char(c) {
                break;
            }
            end = i + c.len_utf8();
            count += 1;
            rest.next();
        }
        if count > MAX_WORD {
            continue;
        }
        let word = &text[start..end];
        if !is_thousands_head(word) {
            f(word);
            continue;
        }
        joined.clear();
        joined.push_str(word);
        while let Some(group_end) = thousands_group_at(text, end) {
            // The separator is one character; the three digits are ASCII.
            joined.push_str(&text[group_end - 3..group_end]);
            while rest.peek().is_some_and(|&(i, _)| i < group_end) {
                rest.next();
            }
            end = group_end;
        }
        f(&joined);
    }
}

/// The longest word indexed, in characters (the longest French words have about 25).
pub const MAX_WORD: usize = 40;

/// Letters and digits of any script, plus the combining accents of decomposed text (`e` + U+0301),
/// which the folding step removes.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || ('\u{0300}'..='\u{036F}').contains(&c)
}

/// A number that can start a French grouped number: one to three digits.
fn is_thousands_head(word: &str) -> bool {
    (1..=3).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit())
}

/// If `text[at..]` is a digit-group separator followed by exactly three digits that end the
/// word, returns the byte index just past those digits.
fn thousands_group_at(text: &str, at: usize) -> Option<usize> {
    let mut chars = text[at..].chars();
    let separator = chars.next()?;
    if !matches!(separator, ' ' | '\u{00A0}' | '\u{202F}' | '\u{2009}') {
        return None;
    }
    let digits = at + separator.len_utf8();
    let end = digits + 3;
    let group = text.get(digits..end)?;
    let ends_word = text[end..].chars().next().is_none_or(|c| !is_word_char(c));
    (group.bytes().all(|b| b.is_ascii_digit()) && ends_word).then_some(end)
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
