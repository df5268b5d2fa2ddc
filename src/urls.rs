//! Relative URLs between output files, so the site works under any sub-path and from `file://`.

/// `../` repeated once per folder above `from` (an output file path such as `leviers/fir/index.html`).
pub fn root_prefix(from: &str) -> String {
    "../".repeat(from.matches('/').count())
}

/// The relative URL from output file `from` to output file `to`.
pub fn relative(from: &str, to: &str) -> String {
    let from_dirs: Vec<&str> = from
        .split('/')
        .collect::<Vec<_>>()
        .split_last()
        .map_or(vec![], |(_, d)| d.to_vec());
    let to_parts: Vec<&str> = to.split('/').collect();
    let common = from_dirs
        .iter()
        .zip(&to_parts)
        .take_while(|(a, b)| a == b)
        .count();
    let mut url = "../".repeat(from_dirs.len() - common);
    url.push_str(&to_parts[common..].join("/"));
    url
}

/// The schemes a link may use; any other (`javascript:`, `data:`, `vbscript:`…) could run code
/// in readers' browsers and is refused.
pub const SAFE_SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

/// The scheme of `dest` when it is not one of [`SAFE_SCHEMES`], read as a browser reads it
/// (tabs and newlines inside, and leading spaces and control characters, are ignored).
pub fn forbidden_scheme(dest: &str) -> Option<String> {
    let cleaned: String = dest
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let (scheme, _) = cleaned.split_once(':')?;
    let mut chars = scheme.chars();
    let is_scheme = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    let scheme = scheme.to_ascii_lowercase();
    (is_scheme && !SAFE_SCHEMES.contains(&scheme.as_str())).then_some(scheme)
}

/// Joins a content-relative folder and a relative link path, resolving `.` and `..`.
/// Returns None when the path climbs above `content/`.
pub fn join(dir: &str, path: &str) -> Option<String> {
    let mut parts: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

/// Percent-decodes a link path (`caf%C3%A9.md`), leaving it unchanged if it is not valid UTF-8.
/// (The `percent-encoding` crate, which `serve` also uses for request paths.)
pub fn decode(path: &str) -> String {
    percent_encoding::percent_decode_str(path)
        .decode_utf8()
        .map_or_else(|_| path.to_owned(), |d| d.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_hide_behind_many_spellings_of_a_scheme() {
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " \u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "jav\nascript:alert(1)",
            "vbscript:msgbox(1)",
            "data:text/html,<script>alert(1)</script>",
        ] {
            assert!(forbidden_scheme(bad).is_some(), "{bad:?} accepted");
        }
        for good in [
            "https://www.ars.sante.fr",
            "http://example.org",
            "mailto:a@b.fr",
            "tel:+33123456789",
            "../leviers/fir.md",
            "#ancre",
            "page.md#a:b",
        ] {
            assert_eq!(forbidden_scheme(good), None, "{good:?} refused");
        }
    }

    #[test]
    fn prefixes_and_relative_urls() {
        assert_eq!(root_prefix("index.html"), "");
        assert_eq!(root_prefix("leviers/fir/index.html"), "../../");
        assert_eq!(
            relative("leviers/fir/index.html", "leviers/cpom/index.html"),
            "../cpom/index.html"
        );
        assert_eq!(
            relative("index.html", "leviers/fir/index.html"),
            "leviers/fir/index.html"
        );
        assert_eq!(
            relative("leviers/fir/index.html", "index.html"),
            "../../index.html"
        );
        assert_eq!(
            relative("leviers/fir/index.html", "leviers/fir/index.html"),
            "index.html"
        );
    }

    #[test]
    fn joins_and_decodes() {
        assert_eq!(
            join("leviers", "../actualites/ipep.md").as_deref(),
            Some("actualites/ipep.md")
        );
        assert_eq!(join("", "../x.md"), None);
        assert_eq!(decode("caf%C3%A9.md"), "café.md");
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("a%2e"), "a.");
        assert_eq!(decode("%ff"), "%ff");
    }
}
