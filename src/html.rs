//! HTML escaping, one function for every place that writes text into HTML or XML, and the
//! sanitiser for HTML written by editors in Markdown.

use std::sync::LazyLock;

/// Escapes what HTML and XML require in text and quoted attribute values, and nothing more
/// (Tera's default also escapes `/`, which would turn every relative URL into `..&#x2F;`);
/// drops control characters, which XML forbids.
pub fn escape(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for c in input.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters are invalid in XML and meaningless in HTML.
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// What raw HTML in Markdown may contain, on top of ammonia's default allow-list of formatting
/// elements (`div`, `span`, `table`, `details`, `abbr`, `sup`, `img`…): `id`, `class` and
/// `title` on any element, the alignment styles of table cells, and what the table wrapper of
/// `markdown::tables` needs (`role="region"`, `tabindex="0"`, `aria-label`, `data-label`). No script, style sheet,
/// frame, form or event handler; links and images only to `http:`, `https:`, `mailto:`,
/// `tel:` or relative URLs.
static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::default();
    b.add_generic_attributes(["id", "class", "title"])
        .add_tag_attributes("th", ["style"])
        .add_tag_attributes("td", ["style", "data-label"])
        .add_tag_attributes("th", ["scope"])
        // The labelled, keyboard-scrollable region around each table (markdown::tables).
        .add_tag_attributes("div", ["role", "tabindex", "aria-label"])
        .attribute_filter(|element, attr, value| match attr {
            "role" => (element == "div" && value == "region").then(|| value.into()),
            "tabindex" => (value == "0").then(|| value.into()),
            "style" => ["left", "center", "right"]
                .iter()
                .any(|a| value == format!("text-align: {a}"))
                .then(|| value.into()),
            _ => Some(value.into()),
        })
        .url_schemes(crate::urls::SAFE_SCHEMES.into_iter().collect())
        .url_relative(ammonia::UrlRelative::PassThrough)
        .link_rel(None);
    b
});

/// Keeps the formatting of an HTML fragment and drops everything that could run code.
pub fn sanitize(fragment: &str) -> String {
    SANITIZER.clean(fragment).to_string()
}

/// The inside of each tag of a fragment, `<` to `>` excluded, quotes respected.
fn tags(fragment: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = fragment;
    while let Some(open) = rest.find('<') {
        let after = &rest[open + 1..];
        let mut quote = None;
        let end = after
            .char_indices()
            .find(|&(_, c)| match quote {
                Some(q) if c == q => {
                    quote = None;
                    false
                }
                Some(_) => false,
                None if c == '"' || c == '\'' => {
                    quote = Some(c);
                    false
                }
                None => c == '>',
            })
            .map_or(after.len(), |(i, _)| i);
        out.push(&after[..end]);
        rest = &after[end.min(after.len())..];
    }
    out
}

/// The values of `attr=` in the inside of a tag (`lower` is `tag` in lowercase).
fn attribute_values<'a>(tag: &'a str, lower: &str, attr: &str) -> Vec<&'a str> {
    let needle = format!("{attr}=");
    lower
        .match_indices(&needle)
        .filter(|(i, _)| *i > 0 && lower.as_bytes()[i - 1].is_ascii_whitespace())
        .map(|(i, _)| {
            tag[i + needle.len()..]
                .trim_start_matches(['"', '\'', ' '])
                .split(['"', '\''])
                .next()
                .unwrap_or("")
        })
        .collect()
}

/// What a fragment of raw HTML contains that [`sanitize`] will remove, in French, for
/// `portail check` to tell the editor (an empty list when nothing is removed).
pub fn removed_by_sanitizer(fragment: &str) -> Vec<String> {
    let lower = fragment.to_ascii_lowercase();
    let mut found = Vec::new();
    for tag in [
        "script", "style", "iframe", "frame", "object", "embed", "form", "input", "button", "link",
        "meta", "base", "svg", "math", "textarea", "select",
    ] {
        if lower.contains(&format!("<{tag}")) {
            found.push(format!("la balise <{tag}>"));
        }
    }
    for tag in tags(fragment) {
        let lower = tag.to_ascii_lowercase();
        let bytes = lower.as_bytes();
        for (i, _) in lower.match_indices("on") {
            let after_space = i > 0 && (bytes[i - 1].is_ascii_whitespace() || bytes[i - 1] == b'/');
            let name_len = bytes[i + 2..]
                .iter()
                .take_while(|b| b.is_ascii_alphabetic())
                .count();
            if after_space
                && name_len > 0
                && lower[i + 2 + name_len..].trim_start().starts_with('=')
            {
                found.push(format!("l'attribut {}", &tag[i..i + 2 + name_len]));
            }
        }
        for attr in ["href", "src", "action", "formaction", "xlink:href", "data"] {
            for value in attribute_values(tag, &lower, attr) {
                if let Some(scheme) = crate::urls::forbidden_scheme(value) {
                    found.push(format!("le lien « {scheme}: »"));
                }
            }
        }
        let alignment = |v: &str| v.trim_start().starts_with("text-align");
        if attribute_values(tag, &lower, "style")
            .into_iter()
            .any(|v| !alignment(v))
        {
            found.push("l'attribut style".to_owned());
        }
    }
    found.dedup();
    found
}

/// The `id` attributes of an HTML document, in order (quoted either way, as written by the
/// templates, the Markdown renderer and the sanitiser).
pub fn ids(html: &str) -> Vec<String> {
    let bytes = html.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(k) = html[from..].find("id=") {
        let at = from + k;
        from = at + 3;
        let boundary = at > 0 && bytes[at - 1].is_ascii_whitespace();
        let quote = bytes.get(at + 3).copied();
        if let (true, Some(q @ (b'"' | b'\''))) = (boundary, quote) {
            let start = at + 4;
            if let Some(len) = html[start..].find(q as char) {
                out.push(html[start..start + len].to_owned());
                from = start + len;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_and_handlers_are_removed_formatting_stays() {
        for (dirty, gone) in [
            ("<script>alert(1)</script>", "alert"),
            ("<img src=x onerror=alert(1)>", "onerror"),
            ("<a href=\"javascript:alert(1)\">x</a>", "javascript"),
            ("<a href=\"vbscript:msgbox(1)\">x</a>", "vbscript"),
            (
                "<img src=\"data:image/svg+xml,<svg onload=alert(1)>\">",
                "data:",
            ),
            ("<iframe src=\"https://exemple.fr\"></iframe>", "iframe"),
            ("<svg><script>alert(1)</script></svg>", "script"),
            (
                "<div style=\"background:url(javascript:alert(1))\">x</div>",
                "javascript",
            ),
            (
                "<form action=\"https://x\"><button>x</button></form>",
                "form",
            ),
        ] {
            let clean = sanitize(dirty);
            assert!(!clean.contains(gone), "{dirty} -> {clean}");
            assert!(
                !removed_by_sanitizer(dirty).is_empty(),
                "{dirty} not reported"
            );
        }
        let kept = "<div class=\"note\" id=\"a\"><abbr title=\"Fonds\">FIR</abbr> <a href=\"../x/index.html\">lien</a></div>";
        assert_eq!(sanitize(kept), kept);
        assert!(removed_by_sanitizer(kept).is_empty());
        assert!(removed_by_sanitizer("<p>Mon onglet = ouvert</p>").is_empty());
    }
}
