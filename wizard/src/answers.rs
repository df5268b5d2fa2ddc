//! A visitor's answers, as they travel in the URL fragment:
//! `#porteur=startup&besoin=vendre&montant=60000&region=bretagne`.

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

/// Percent-decoding (and `+` as a space, as forms write it).
fn decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = bytes.get(i + 1..i + 3)?;
                let high = (hex[0] as char).to_digit(16)?;
                let low = (hex[1] as char).to_digit(16)?;
                out.push((high * 16 + low) as u8);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            byte => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// Ids are `[a-z0-9-]`, so this rarely escapes anything; it keeps the
/// fragment well-formed whatever an editor names an answer.
fn encode_into(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(byte as char);
        } else {
            out.push('%');
            out.push(HEX[(byte >> 4) as usize] as char);
            out.push(HEX[(byte & 15) as usize] as char);
        }
    }
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
