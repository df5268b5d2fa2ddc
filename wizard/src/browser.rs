//! What the generator writes for the browser: the compiled rules and facts
//! as JSON, and the WebAssembly engine as base64, each in a classic script
//! (no `fetch`, so the wizard runs from `file://`; no inline script, so a
//! strict Content-Security-Policy holds).

use crate::facts::Facts;
use crate::model::Model;
use crate::Rules;
use miniserde::{json, Serialize};

/// The JSON the WebAssembly engine loads: `{"model": …, "facts": …}`.
#[derive(Serialize)]
struct BrowserData<'a> {
    model: &'a Model,
    facts: &'a Facts,
}

impl Rules {
    pub fn to_browser_json(&self, facts: &Facts) -> String {
        json::to_string(&BrowserData {
            model: &self.model,
            facts,
        })
    }
}

/// `assistant/wizard-data.js` and `assistant/wizard-engine.js`, to be written
/// next to `assistant/index.html`.
pub fn browser_scripts(rules: &Rules, facts: &Facts, wasm_bytes: &[u8]) -> Vec<(String, String)> {
    let data = rules.to_browser_json(facts);
    // `</script>` cannot occur outside an inline script, but U+2028/2029 are
    // line ends in old JavaScript parsers: escape them to be safe.
    let data = data
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029");
    vec![
        (
            "wizard-data.js".to_string(),
            format!("window.PORTAIL_WIZARD_DATA = {data};\n"),
        ),
        (
            "wizard-engine.js".to_string(),
            format!("window.PORTAIL_WIZARD_WASM = \"{}\";\n", base64(wasm_bytes)),
        ),
    ]
}

/// Standard base64 with padding (what `atob` decodes).
pub(crate) fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::base64;

    #[test]
    fn encodes_like_rfc_4648() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64(&[0, 255, 128]), "AP+A");
    }
}
