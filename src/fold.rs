//! Case and accent folding, so that `evaluation` finds `évaluation` and `ETABLISSEMENT` finds
//! `établissement`.
//!
//! Folding runs before stemming: a word typed without accents then always gets the same stem as
//! the accented word in the page, which stemming accented text first would not guarantee.
//! Mirrored by `fold` in `static/search-pipeline.js`.

/// Lower-cases `token`, removes accents from Latin letters, expands `œ` and `æ`, and drops the
/// combining accents of decomposed text.
pub fn fold(token: &str) -> String {
    let mut out = String::with_capacity(token.len());
    for c in token.to_lowercase().chars() {
        match base_letter(c) {
            Some(base) => out.push_str(base),
            None if is_combining_accent(c) => {}
            None => out.push(c),
        }
    }
    out
}

fn is_combining_accent(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

/// The unaccented spelling of a lower-case letter of Latin-1 or Latin Extended-A.
fn base_letter(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(fold("ÉTABLISSEMENT"), "etablissement");
        assert_eq!(fold("intérêt"), "interet");
        assert_eq!(fold("Œuvre"), "oeuvre");
        assert_eq!(fold("façade"), "facade");
    }

    #[test]
    fn removes_combining_accents() {
        assert_eq!(fold("e\u{301}valuation"), "evaluation");
    }

    #[test]
    fn keeps_digits_and_other_scripts() {
        assert_eq!(fold("2018"), "2018");
        assert_eq!(fold("Δ"), "δ");
    }
}
