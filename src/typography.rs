//! French typography, applied by the generator so that editors never type a no-break space.
//!
//! Rules, on text only (never inside tags and attributes, `code`, `pre`, `kbd`, `samp`,
//! `script`, `style`, `textarea`, nor inside a URL or an e-mail address):
//!
//! - narrow no-break space (U+202F) before `;` `:` `!` `?` — a typed space becomes one, a
//!   missing one is added when the sign ends a word (`Pourquoi?` → `Pourquoi ?`), so that
//!   `14:30`, `1:2`, `https://` and `?q=` stay as they are;
//! - narrow no-break space inside `« »`;
//! - narrow no-break space between groups of three digits (`139 000`);
//! - no-break space (U+00A0) between a number and its unit or currency (`40 000 €`, `5 ans`,
//!   `40 %`, `5 juillet`), between `€` and `HT`/`TTC`, after an ordinal (`1er janvier`),
//!   after `art.`, `n°`, `p.`, `pp.`, `article` before a number and after `M.`, `Mme`, `Dr`
//!   before a name.
//!
//! [`html`] walks rendered HTML and applies [`text`]'s rules to each text node, carrying the
//! last character across inline elements (`<strong>Objectif</strong>:` still gets its space).

const NNBSP: char = '\u{202F}';
const NBSP: char = '\u{A0}';

/// Elements whose content is copied untouched.
const VERBATIM: &[&str] = &["code", "pre", "kbd", "samp", "script", "style", "textarea"];

/// Elements that do not interrupt a line of text.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "strong", "em", "i", "span", "code", "kbd", "samp", "sup", "sub", "small",
    "mark", "time", "q", "s", "del", "ins", "cite", "dfn", "var", "u",
];

const UNITS: &[&str] = &[
    "€",
    "k€",
    "M€",
    "Md€",
    "%",
    "‰",
    "euro",
    "euros",
    "EUR",
    "an",
    "ans",
    "mois",
    "jour",
    "jours",
    "semaine",
    "semaines",
    "heure",
    "heures",
    "h",
    "min",
    "mn",
    "km",
    "m²",
    "ETP",
    "million",
    "millions",
    "milliard",
    "milliards",
];

/// Abbreviations bound to the number that follows.
const BEFORE_NUMBER: &[&str] = &[
    "art.", "Art.", "n°", "N°", "p.", "pp.", "article", "Article", "articles", "Articles", "§",
];

/// Civilities bound to the name that follows.
const BEFORE_NAME: &[&str] = &["M.", "MM.", "Mme", "Mmes", "Dr", "Pr"];

/// French typography on plain text (entities such as `&amp;` are kept as they are).
pub fn text(input: &str) -> String {
    text_node(input, None).0
}

/// French typography on the text nodes of an HTML document or fragment.
pub fn html(input: &str) -> String {
    let mut out = String::with_capacity(input.len() + input.len() / 32);
    let mut prev: Option<char> = None;
    let mut i = 0;
    while i < input.len() {
        let rest = &input[i..];
        if rest.starts_with("<!--") {
            let end = rest.find("-->").map_or(input.len(), |k| i + k + 3);
            out.push_str(&input[i..end]);
            i = end;
            continue;
        }
        if rest.starts_with('<') {
            let end = tag_end(input, i);
            let tag = &input[i..end];
            out.push_str(tag);
            i = end;
            let (name, closing) = tag_name(tag);
            if !closing && !tag.ends_with("/>") && VERBATIM.contains(&name.as_str()) {
                let close = find_close(input, i, &name);
                let inner = &input[i..close];
                out.push_str(inner);
                if let Some(c) = inner.chars().last() {
                    prev = Some(c);
                }
                i = close;
            } else if !INLINE.contains(&name.as_str()) {
                prev = None;
            }
            continue;
        }
        let next = rest.find('<').map_or(input.len(), |k| i + k);
        let (typeset, last) = text_node(&input[i..next], prev);
        out.push_str(&typeset);
        if last.is_some() {
            prev = last;
        }
        i = next;
    }
    out
}

/// End (exclusive) of the tag starting at `start`, quotes respected.
fn tag_end(s: &str, start: usize) -> usize {
    let mut quote: Option<u8> = None;
    for (k, b) in s.as_bytes()[start..].iter().enumerate().skip(1) {
        match (quote, *b) {
            (Some(q), b) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(*b),
            (None, b'>') => return start + k + 1,
            _ => {}
        }
    }
    s.len()
}

/// Lower-case element name of a tag, and whether it is a closing tag.
fn tag_name(tag: &str) -> (String, bool) {
    let inner = tag.trim_start_matches('<');
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(r) => (true, r),
        None => (false, inner),
    };
    let name: String = inner
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    (name, closing)
}

/// Start of the `</name` that closes a verbatim element, or the end of the input.
fn find_close(s: &str, from: usize, name: &str) -> usize {
    let needle = format!("</{name}");
    let lower = s[from..].to_ascii_lowercase();
    lower.find(&needle).map_or(s.len(), |k| from + k)
}

/// One character of a text node: `raw` keeps an entity (`&amp;`) as written.
struct Atom<'a> {
    c: char,
    raw: Option<&'a str>,
}

fn atoms(s: &str) -> Vec<Atom<'_>> {
    let mut out = Vec::with_capacity(s.len());
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if c == '&' {
            if let Some(len) = entity_len(&s[i..]) {
                let raw = &s[i..i + len];
                out.push(Atom {
                    c: decode_entity(raw),
                    raw: Some(raw),
                });
                while iter.peek().is_some_and(|(j, _)| *j < i + len) {
                    iter.next();
                }
                continue;
            }
        }
        out.push(Atom { c, raw: None });
    }
    out
}

/// Length of an entity at the start of `s` (`&amp;`, `&#x27;`, `&#160;`), if there is one.
fn entity_len(s: &str) -> Option<usize> {
    let body = s.get(1..)?;
    let end = body.find(';')?;
    let name = &body[..end];
    let valid = (1..=10).contains(&name.len())
        && name
            .strip_prefix('#')
            .map_or(name.chars().all(|c| c.is_ascii_alphanumeric()), |n| {
                n.strip_prefix(['x', 'X']).map_or(
                    !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()),
                    |h| !h.is_empty() && h.chars().all(|c| c.is_ascii_hexdigit()),
                )
            });
    valid.then_some(end + 2)
}

fn decode_entity(raw: &str) -> char {
    let name = &raw[1..raw.len() - 1];
    let numeric = name
        .strip_prefix('#')
        .and_then(|n| match n.strip_prefix(['x', 'X']) {
            Some(h) => u32::from_str_radix(h, 16).ok(),
            None => n.parse().ok(),
        });
    if let Some(code) = numeric {
        return char::from_u32(code).unwrap_or('\u{FFFD}');
    }
    match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => NBSP,
        // Any other named entity stands for some letter: enough for the rules.
        _ => 'x',
    }
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | NBSP | NNBSP)
}

/// Can end the word a `; : ! ?` is attached to.
fn ends_word(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, ')' | ']' | '»' | '"' | '\'' | '’' | '%' | '€' | '.')
}

/// URLs and e-mail addresses: every character of such a token is left alone.
fn protected(chars: &[char]) -> Vec<bool> {
    let mut mask = vec![false; chars.len()];
    let mut start = 0;
    while start < chars.len() {
        if is_space(chars[start]) {
            start += 1;
            continue;
        }
        let mut end = start;
        while end < chars.len() && !is_space(chars[end]) {
            end += 1;
        }
        let token = &chars[start..end];
        if token.windows(3).any(|w| w == [':', '/', '/'])
            || token.contains(&'@')
            || starts_with(token, "www.")
            || starts_with(token, "mailto:")
        {
            mask[start..end].iter_mut().for_each(|m| *m = true);
        }
        start = end;
    }
    mask
}

fn starts_with(chars: &[char], prefix: &str) -> bool {
    prefix.chars().count() <= chars.len() && prefix.chars().zip(chars).all(|(p, c)| p == *c)
}

fn is(chars: &[char], word: &str) -> bool {
    chars.len() == word.chars().count() && starts_with(chars, word)
}

/// The word ending just before `i` (from the previous space), without leading brackets.
fn word_before(chars: &[char], i: usize) -> &[char] {
    let mut j = i;
    while j > 0 && !is_space(chars[j - 1]) {
        j -= 1;
    }
    while j < i && matches!(chars[j], '(' | '[' | '«' | '"' | '’' | '\'') {
        j += 1;
    }
    &chars[j..i]
}

/// The word starting at `i`: letters, digits and unit signs.
fn word_after(chars: &[char], i: usize) -> String {
    chars[i..]
        .iter()
        .take_while(|c| c.is_alphanumeric() || matches!(c, '€' | '%' | '‰' | '²'))
        .collect()
}

fn is_ordinal(word: &[char]) -> bool {
    if !word.first().is_some_and(char::is_ascii_digit) {
        return false;
    }
    let digits = word.iter().take_while(|c| c.is_ascii_digit()).count();
    digits > 0
        && ["er", "re", "e", "ème", "nd", "nde"]
            .iter()
            .any(|s| is(&word[digits..], s))
}

/// What to put in place of the space at `i`, if the space binds its neighbours.
fn binding_space(chars: &[char], i: usize) -> Option<char> {
    let before = *chars.get(i.checked_sub(1)?)?;
    let after = *chars.get(i + 1)?;
    if before.is_ascii_digit() {
        let run = chars[..i]
            .iter()
            .rev()
            .take_while(|c| c.is_ascii_digit())
            .count();
        let group = chars[i + 1..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        let run_starts_number = i - run == 0 || !chars[i - run - 1].is_ascii_digit();
        if (1..=3).contains(&run) && group == 3 && run_starts_number {
            return Some(NNBSP);
        }
        let next = word_after(chars, i + 1);
        if UNITS.contains(&next.as_str()) || wizard::text::MONTHS.contains(&next.as_str()) {
            return Some(NBSP);
        }
    }
    if before == '€' && matches!(word_after(chars, i + 1).as_str(), "HT" | "TTC") {
        return Some(NBSP);
    }
    let word = word_before(chars, i);
    // Every word the rules below name is short: most words stop here.
    if word.is_empty() || word.len() > 8 {
        return None;
    }
    if is_ordinal(word) && after.is_alphabetic() {
        return Some(NBSP);
    }
    // The abbreviations and civilities bind only a number or a capital.
    if !after.is_ascii_digit() && !after.is_uppercase() {
        return None;
    }
    if BEFORE_NUMBER.iter().any(|w| is(word, w))
        && (after.is_ascii_digit() || (word.last() == Some(&'.') && after.is_uppercase()))
    {
        return Some(NBSP);
    }
    if BEFORE_NAME.iter().any(|w| is(word, w)) && after.is_uppercase() {
        return Some(NBSP);
    }
    None
}

/// Typesets one text node; `prev` is the last character of the text before it on the same
/// line. Returns the text and its last character.
fn text_node(input: &str, prev: Option<char>) -> (String, Option<char>) {
    // Most text nodes of a page are a template's indentation or words with nothing to set:
    // no rule can fire without one of these bytes (the last is the lead byte of `«` `»` and
    // of the no-break space), nor on white space alone.
    let blank = input.bytes().all(|b| b.is_ascii_whitespace());
    let inert = !input
        .bytes()
        .any(|b| matches!(b, b';' | b':' | b'!' | b'?' | b' ' | b'&' | 0xC2));
    if blank || inert {
        return (input.to_owned(), input.chars().last());
    }
    let atoms = atoms(input);
    let chars: Vec<char> = atoms.iter().map(|a| a.c).collect();
    let n = chars.len();
    let guard = protected(&chars);
    let mut replace: Vec<Option<char>> = vec![None; n];
    let mut insert: Vec<Option<char>> = vec![None; n + 1];
    let before = |i: usize| if i == 0 { prev } else { Some(chars[i - 1]) };
    for i in 0..n {
        if guard[i] {
            continue;
        }
        let c = chars[i];
        match c {
            ';' | ':' | '!' | '?' => {
                if i > 0 && is_space(chars[i - 1]) && !guard[i - 1] {
                    replace[i - 1] = Some(NNBSP);
                } else if before(i).is_some_and(ends_word) {
                    let next = chars.get(i + 1).copied();
                    let ends = next.is_none_or(|x| {
                        is_space(x) || matches!(x, ')' | ']' | '»' | '"' | '!' | '?' | '.' | ',')
                    });
                    if ends {
                        insert[i] = Some(NNBSP);
                    }
                }
            }
            '«' => match chars.get(i + 1) {
                Some(&x) if is_space(x) => replace[i + 1] = Some(NNBSP),
                _ => insert[i + 1] = Some(NNBSP),
            },
            '»' => {
                if i > 0 && is_space(chars[i - 1]) {
                    replace[i - 1] = Some(NNBSP);
                } else if before(i).is_some_and(|p| !is_space(p)) {
                    insert[i] = Some(NNBSP);
                }
            }
            ' ' | NBSP if replace[i].is_none() => {
                let touches_guard = (i > 0 && guard[i - 1]) || guard.get(i + 1) == Some(&true);
                if !touches_guard {
                    replace[i] = binding_space(&chars, i);
                }
            }
            _ => {}
        }
    }
    let mut out = String::with_capacity(input.len() + 8);
    for (i, atom) in atoms.iter().enumerate() {
        if let Some(c) = insert[i] {
            out.push(c);
        }
        match (replace[i], atom.raw) {
            (Some(c), _) => out.push(c),
            (None, Some(raw)) => out.push_str(raw),
            (None, None) => out.push(atom.c),
        }
    }
    if let Some(c) = insert[n] {
        out.push(c);
    }
    let last = chars.last().copied();
    (out, last)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Shows the invisible spaces: `_` for U+202F, `~` for U+00A0.
    fn show(s: &str) -> String {
        s.replace(NNBSP, "_").replace(NBSP, "~")
    }

    fn t(s: &str) -> String {
        show(&text(s))
    }

    fn h(s: &str) -> String {
        show(&html(s))
    }

    #[test]
    fn high_punctuation_gets_a_narrow_no_break_space() {
        // content/conditions-de-succes.md and the guide's six questions.
        assert_eq!(
            t("Quel est le bon interlocuteur à l'ARS ?"),
            "Quel est le bon interlocuteur à l'ARS_?"
        );
        assert_eq!(
            t("Trois critères : innovation, faisabilité ; efficience !"),
            "Trois critères_: innovation, faisabilité_; efficience_!"
        );
        // A missing space is added when the sign ends a word.
        assert_eq!(t("Qui peut candidater?"), "Qui peut candidater_?");
        assert_eq!(t("Objectif: accélérer"), "Objectif_: accélérer");
    }

    #[test]
    fn times_ratios_and_urls_are_left_alone() {
        // The 2019 meeting ran "de 14h à 17h30"; its agenda lists 14:00-14:15.
        assert_eq!(t("à 14:30 précises"), "à 14:30 précises");
        assert_eq!(t("un ratio 1:2"), "un ratio 1:2");
        assert_eq!(
            t("voir https://bit.ly/2J4KpzU ou http://www.ars.sante.fr/?q=a;b"),
            "voir https://bit.ly/2J4KpzU ou http://www.ars.sante.fr/?q=a;b"
        );
        assert_eq!(
            t("écrire à ipep@sante.gouv.fr : objet « Ipep »"),
            "écrire à ipep@sante.gouv.fr_: objet «_Ipep_»"
        );
    }

    #[test]
    fn guillemets_hold_their_words() {
        assert_eq!(
            t("l'expérimentation « achats innovants »"),
            "l'expérimentation «_achats innovants_»"
        );
        assert_eq!(t("la «boîte à outils»"), "la «_boîte à outils_»");
    }

    #[test]
    fn numbers_amounts_and_units() {
        // Thresholds of the APIST guide, "Achat public ou commande publique".
        assert_eq!(
            t("Procédure adaptée (MAPA) si montant ≤ 139 000 €"),
            "Procédure adaptée (MAPA) si montant ≤ 139_000~€"
        );
        assert_eq!(t("moins de 40 000 € HT"), "moins de 40_000~€~HT");
        // ESP-CLIP, Grand Est: "l'Agence a mobilisé 281 039 €".
        assert_eq!(t("281 039 € et 1 200 000 €"), "281_039~€ et 1_200_000~€");
        assert_eq!(
            t("au moins 40 % des personnes, pendant 5 ans"),
            "au moins 40~% des personnes, pendant 5~ans"
        );
        assert_eq!(t("le 1er janvier 2020"), "le 1er~janvier 2020");
        assert_eq!(t("le 30 septembre 2019"), "le 30~septembre 2019");
        // Years, phone-like pairs and counts are not thousands groups.
        assert_eq!(t("en 2019 123 dossiers"), "en 2019 123 dossiers");
        assert_eq!(t("03 80 41 98 98"), "03 80 41 98 98");
    }

    #[test]
    fn abbreviations_hold_their_number() {
        assert_eq!(
            t("art. R 2122-8 du code, p. 6, n° 2000-321, article 51"),
            "art.~R 2122-8 du code, p.~6, n°~2000-321, article~51"
        );
        assert_eq!(t("Mme Dupont et M. Limoge"), "Mme~Dupont et M.~Limoge");
        assert_eq!(t("le cap. 5"), "le cap. 5");
    }

    #[test]
    fn html_text_only_never_code_attributes_or_urls() {
        assert_eq!(
            h(
                r#"<p title="Pourquoi ?">Pourquoi ? <code>a ; b</code> <a href="https://x.fr/?q=1">lien</a> !</p>"#
            ),
            r#"<p title="Pourquoi ?">Pourquoi_? <code>a ; b</code> <a href="https://x.fr/?q=1">lien</a>_!</p>"#
        );
        assert_eq!(
            h("<pre><code>x : y</code></pre><script>if (a ? b : c) {}</script>"),
            "<pre><code>x : y</code></pre><script>if (a ? b : c) {}</script>"
        );
        // The sign after an inline element still gets its space; a block resets.
        assert_eq!(
            h("<p><strong>Objectif</strong>: agir</p><p>? seul</p>"),
            "<p><strong>Objectif</strong>_: agir</p><p>? seul</p>"
        );
    }

    #[test]
    fn entities_are_kept_and_read() {
        // Tera escapes apostrophes and slashes in text.
        assert_eq!(
            h("<p>l&#x27;ARS : https:&#x2F;&#x2F;www.ars.sante.fr&#x2F;?a=1</p>"),
            "<p>l&#x27;ARS_: https:&#x2F;&#x2F;www.ars.sante.fr&#x2F;?a=1</p>"
        );
        assert_eq!(h("<p>R&amp;D ; 10&nbsp;%</p>"), "<p>R&amp;D_; 10~%</p>");
    }

    #[test]
    fn typesetting_twice_changes_nothing() {
        let once = text("« Ma Santé 2022 » : 139 000 € ; art. 51 ?");
        assert_eq!(text(&once), once);
    }
}
