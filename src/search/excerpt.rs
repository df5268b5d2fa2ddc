//! The text kept with each result for its snippet.
//!
//! Only the start of each body ships to the browser: the whole text of the site would dwarf the
//! index. Sections are short, so the start usually holds the words that matched; when it does
//! not, the snippet simply shows the start of the section.

/// Characters of body text kept per entry.
pub const EXCERPT_CHARS: usize = 140;

/// Collapses white space in `body` and cuts it at a word boundary near `max_chars`, marking a
/// cut with `…`.
pub fn excerpt(body: &str, max_chars: usize) -> String {
    let words = body.split_whitespace();
    let mut out = String::new();
    let mut length = 0;
    for word in words {
        let word_length = word.chars().count();
        let needed = word_length + usize::from(!out.is_empty());
        if length + needed > max_chars {
            if out.is_empty() {
                // A single word longer than the budget: cut inside it.
                out.extend(word.chars().take(max_chars));
            }
            out.push('…');
            return out;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
        length += needed;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::excerpt;

    #[test]
    fn short_text_is_kept_whole_with_spaces_collapsed() {
        assert_eq!(excerpt("  Le  FIR\nfinance ", 40), "Le FIR finance");
    }

    #[test]
    fn long_text_is_cut_between_words() {
        assert_eq!(excerpt("Le fonds d'intervention régional", 20), "Le fonds…");
    }

    #[test]
    fn cut_counts_characters_not_bytes() {
        assert_eq!(excerpt("éé éé éé", 5), "éé éé…");
    }

    #[test]
    fn a_single_overlong_word_is_cut_inside() {
        assert_eq!(excerpt("anticonstitutionnellement", 6), "antico…");
    }
}
