//! A visitor's answers, as they travel in the URL fragment:
//! `#porteur=startup&besoin=vendre&montant=60000&region=bretagne`.

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Answers keyed by question id, in the order they were given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "native", derive(serde::Serialize, serde::Deserialize))]
pub struct Answers {
    pairs: Vec<(String, String)>,
}

impl Answers {
    pub fn new() -> Self {
        Self::default()
    }

    /// Parses a fragment, with or without its leading `#`. Anything malformed
    /// (no `=`, empty key, bad escape) is dropped rather than rejected: a
    /// shared link that was cut or edited by hand still opens the wizard.
    /// A repeated key keeps its last value.
    pub fn from_fragment(fragment: &str) -> Self {
        let mut answers = Answers::new();
        let body = fragment.strip_prefix('#').unwrap_or(fragment);
        for part in body.split('&') {
            let Some((key, value)) = part.split_once('=') else {
                continue;
            };
            let (Some(key), Some(value)) = (decode(key), decode(value)) else {
                continue;
            };
            if !key.is_empty() && !value.is_empty() {
                answers.set(&key, &value);
            }
        }
        answers
    }

    /// The fragment without `#`, answers in the order given.
    pub fn to_fragment(&self) -> String {
        let mut out = String::new();
        for (key, value) in &self.pairs {
            if !out.is_empty() {
                out.push('&');
            }
            encode_into(&mut out, key);
            out.push('=');
            encode_into(&mut out, value);
        }
        out
    }

    pub fn get(&self, question: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, _)| k == question)
            .map(|(_, v)| v.as_str())
    }

    /// Sets (or replaces, keeping its place) the answer to `question`.
    pub fn set(&mut self, question: &str, value: &str) {
        match self.pairs.iter_mut().find(|(k, _)| k == question) {
            Some(pair) => pair.1 = value.to_string(),
            None => self.pairs.push((question.to_string(), value.to_string())),
        }
    }

    pub fn remove(&mut self, question: &str) {
        self.pairs.retain(|(k, _)| k != question);
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    pub fn len(&self) -> usize {
        self.pairs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }
}

/// Percent-decoding (and `+` as a space, as forms write it); `None` for a malformed escape
/// or bytes that are not UTF-8.
fn decode(text: &str) -> Option<String> {
    let well_formed = text
        .split('%')
        .skip(1)
        .all(|rest| rest.len() >= 2 && rest.as_bytes()[..2].iter().all(u8::is_ascii_hexdigit));
    if !well_formed {
        return None;
    }
    let spaced = text.replace('+', " ");
    percent_decode_str(&spaced)
        .decode_utf8()
        .ok()
        .map(|s| s.into_owned())
}

/// What a fragment escapes: all but the characters URLs leave as they are (RFC 3986).
const ESCAPED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Ids are `[a-z0-9-]`, so this rarely escapes anything; it keeps the
/// fragment well-formed whatever an editor names an answer.
fn encode_into(out: &mut String, text: &str) {
    out.extend(utf8_percent_encode(text, ESCAPED));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_a_fragment() {
        let a = Answers::from_fragment("#porteur=startup&besoin=vendre&montant=60000");
        assert_eq!(a.get("besoin"), Some("vendre"));
        assert_eq!(
            a.to_fragment(),
            "porteur=startup&besoin=vendre&montant=60000"
        );
    }

    #[test]
    fn drops_malformed_parts_and_keeps_last_value() {
        let a = Answers::from_fragment("porteur&=x&besoin=%ZZ&region=idf&region=bretagne&x=");
        assert_eq!(a.len(), 1);
        assert_eq!(a.get("region"), Some("bretagne"));
    }

    #[test]
    fn escapes_what_is_not_an_id() {
        let mut a = Answers::new();
        a.set("q", "é&=");
        assert_eq!(a.to_fragment(), "q=%C3%A9%26%3D");
        assert_eq!(Answers::from_fragment(&a.to_fragment()), a);
    }
}
