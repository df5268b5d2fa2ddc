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
pub fn decode(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Some(b) = std::str::from_utf8(&bytes[i + 1..i + 3])
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok())
            {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| path.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

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
    }
}
