//! The running header and footer of printed pages, `static/impression.css`.

use crate::model::Site;
use crate::output::OutputFile;

/// The running header and footer of printed pages (site name, build date, page number), as CSS
/// page-margin boxes: a style sheet of its own, since they need the site's name as text.
pub fn css(site: &Site) -> OutputFile {
    let css_string = |s: &str| {
        let mut out = String::from("\"");
        for c in s.chars() {
            match c {
                '"' | '\\' => {
                    out.push('\\');
                    out.push(c);
                }
                c if c.is_control() => out.push(' '),
                c => out.push(c),
            }
        }
        out.push('"');
        out
    };
    let css = format!(
        "/* Généré par portail : en-tête et pied des pages imprimées. */\n\
         @page {{\n  margin: 16mm 14mm 18mm;\n  \
         @top-left {{ content: {}; font: 8pt system-ui, sans-serif; color: #444; }}\n  \
         @top-right {{ content: {}; font: 8pt system-ui, sans-serif; color: #444; }}\n  \
         @bottom-right {{ content: \"Page \" counter(page) \" sur \" counter(pages); font: 8pt system-ui, sans-serif; color: #444; }}\n}}\n",
        css_string(&site.config.title),
        css_string(&format!("État du {}", site.today.french())),
    );
    OutputFile {
        path: "static/impression.css".to_owned(),
        bytes: css.into_bytes().into(),
    }
}
