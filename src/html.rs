//! HTML escaping, one function for every place that writes text into HTML or XML.

/// Escapes what HTML and XML require in text and quoted attribute values, and nothing more
/// (Tera's default also escapes `/`, which would turn every relative URL into `..&#x2F;`).
pub fn escape(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for c in input.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
