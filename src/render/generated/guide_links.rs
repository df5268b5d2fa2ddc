//! On the printable guide, links to the pages it gathers become links inside it.

use super::guide::{Target, GUIDE};

/// [`guide_links`] inside `<main>` only: the menu and the footer keep going to the site's pages.
pub fn in_main(html: &str, targets: &[Target]) -> String {
    match (html.find("<main"), html.rfind("</main>")) {
        (Some(a), Some(b)) if a < b => {
            format!(
                "{}{}{}",
                &html[..a],
                guide_links(&html[a..b], targets),
                &html[b..]
            )
        }
        _ => html.to_owned(),
    }
}

/// A link to a page the guide gathers goes to that page's chapter (`#levier-fir`, or
/// `#levier-fir-fiche-montants` for an anchor in it) and says its section number, which print
/// shows (`data-ref`): on paper, "§ 2.1" finds it whatever the page breaks.
fn guide_links(html: &str, targets: &[Target]) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("href=\"") {
        let (before, after) = rest.split_at(at + 6);
        out.push_str(before);
        let end = after.find('"').unwrap_or(after.len());
        let url = &after[..end];
        let (path, fragment) = url.split_once('#').unwrap_or((url, ""));
        let target = (!path.is_empty() && !path.contains(':'))
            .then(|| resolve_from_guide(path))
            .and_then(|p| targets.iter().find(|t| t.output == p));
        match target {
            Some(t) => {
                out.push('#');
                out.push_str(&t.id);
                if !fragment.is_empty() {
                    out.push('-');
                    out.push_str(fragment);
                }
                out.push_str(&format!("\" data-ref=\"§ {}", t.number));
            }
            None => out.push_str(url),
        }
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// `../leviers/fir/index.html`, written on the guide, is `leviers/fir/index.html`.
fn resolve_from_guide(url: &str) -> String {
    let mut parts: Vec<&str> = GUIDE.split('/').collect();
    parts.pop();
    for seg in url.split('/') {
        match seg {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guide_links_point_inside_the_guide_with_their_section_number() {
        let target = |output: &str, id: &str, number: &str| Target {
            output: output.to_owned(),
            id: id.to_owned(),
            number: number.to_owned(),
        };
        let targets = vec![
            target("leviers/fir/index.html", "levier-fir", "2.1"),
            target("glossaire/index.html", "glossaire", "4"),
        ];
        let html = r##"<a href="../leviers/fir/index.html">FIR</a> <a href="../glossaire/index.html#cpom">CPOM</a> <a href="../actualites/index.html">x</a> <a href="https://a.fr/leviers/fir/index.html">y</a> <a href="#levier-fir">z</a>"##;
        assert_eq!(
            guide_links(html, &targets),
            r##"<a href="#levier-fir" data-ref="§ 2.1">FIR</a> <a href="#glossaire-cpom" data-ref="§ 4">CPOM</a> <a href="../actualites/index.html">x</a> <a href="https://a.fr/leviers/fir/index.html">y</a> <a href="#levier-fir">z</a>"##
        );
    }
}
