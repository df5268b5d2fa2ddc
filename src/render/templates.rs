//! Tera setup: embedded defaults plus the site's overrides, French-friendly filters, and
//! template errors told in French at `templates/NAME:line:column`.

use crate::diagnostic::Diagnostic;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use tera::{Context, Tera, Value};

pub fn engine(sources: &BTreeMap<String, String>) -> Result<Tera, Vec<Diagnostic>> {
    let cycles = recursion(sources);
    if !cycles.is_empty() {
        return Err(cycles);
    }
    let mut tera = Tera::default();
    tera.add_raw_templates(sources.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        .map_err(|e| vec![diagnostic(&e, sources)])?;
    tera.register_filter("euros", euros);
    tera.set_escape_fn(crate::html::escape);
    Ok(tera)
}

/// Renders the template `name` with the typed context `ctx`. `file` is what is being made,
/// named when the context cannot be serialised: an error, never an empty output.
pub fn render(
    tera: &Tera,
    name: &str,
    ctx: &impl Serialize,
    file: &str,
    sources: &BTreeMap<String, String>,
) -> Result<String, Diagnostic> {
    let context = Context::from_serialize(ctx).map_err(|e| {
        Diagnostic::new(
            file,
            format!(
                "contexte du gabarit « {name} » impossible à produire : {}",
                error_chain(&e)
            ),
        )
    })?;
    tera.render(name, &context)
        .map_err(|e| diagnostic(&e, sources))
}

/// Tera nests the useful message (which variable, which line) in the error's sources.
pub fn error_chain(e: &dyn std::error::Error) -> String {
    let mut parts = vec![e.to_string()];
    let mut cur = e.source();
    while let Some(s) = cur {
        parts.push(s.to_string());
        cur = s.source();
    }
    parts.join(" : ")
}

/// A Tera error as the editor should read it: in French, at the template's line and column.
pub fn diagnostic(e: &tera::Error, sources: &BTreeMap<String, String>) -> Diagnostic {
    let chain = error_chain(e);
    let quoted = |after: &str, open: char, close: char| -> Option<String> {
        let rest = &chain[chain.find(after)? + after.len()..];
        let rest = rest.trim_start().strip_prefix(open)?;
        Some(rest[..rest.find(close)?].to_owned())
    };
    let template = quoted("while rendering", '\'', '\'')
        .or_else(|| quoted("Failed to parse", '\'', '\''))
        .or_else(|| quoted("Failed to render", '\'', '\''))
        .unwrap_or_default();
    let file = format!("templates/{template}");
    let source = sources.get(&template).map(String::as_str).unwrap_or("");
    let at = |d: Diagnostic, needle: &str| match source.find(needle) {
        Some(offset) if !needle.is_empty() => d.at(source, offset),
        _ => d,
    };
    if chain.contains("Failed to parse") {
        let (line, column) = chain
            .split("-->")
            .nth(1)
            .and_then(|s| s.split_whitespace().next())
            .and_then(|lc| lc.split_once(':'))
            .and_then(|(l, c)| Some((l.parse().ok()?, c.parse().ok()?)))
            .unwrap_or((0, 0));
        let hint = if chain.contains("variable end (`}}`)") {
            "une expression s'ouvre par {{ et se ferme par }}"
        } else if chain.contains("tag end (`%}`)") {
            "une balise s'ouvre par {% et se ferme par %}"
        } else {
            "vérifiez les {{ }}, {% %} et guillemets autour de cette position"
        };
        let mut d = Diagnostic::new(file, "syntaxe de gabarit incorrecte").hint(hint);
        if line > 0 {
            d = d.at_line(line, column);
            d.excerpt = source.lines().nth(line - 1).map(str::to_owned);
        }
        return d;
    }
    if let Some(var) = quoted("Variable", '`', '`') {
        return at(
            Diagnostic::new(file, format!("variable « {var} » inconnue")).hint(
                "vérifiez son nom ; une valeur facultative se teste avec {% if … is defined %}",
            ),
            &var,
        );
    }
    for (kind, what) in [
        ("Filter", "filtre"),
        ("Function", "fonction"),
        ("Test", "test"),
    ] {
        if let Some(name) = quoted(kind, '\'', '\'') {
            return at(
                Diagnostic::new(file, format!("{what} « {name} » inconnu"))
                    .hint("voir la documentation de Tera pour les noms disponibles"),
                &name,
            );
        }
    }
    if let Some(name) = quoted("Template", '\'', '\'') {
        return at(
            Diagnostic::new(file, format!("gabarit « {name} » introuvable"))
                .hint("le nom est celui d'un fichier de templates/ (ou d'un gabarit intégré)"),
            &name,
        );
    }
    if chain.contains("Inheritance in included templates") {
        return at(
            Diagnostic::new(file, "un gabarit inclus ne peut pas utiliser extends")
                .hint("incluez un gabarit sans {% extends %}, ou étendez-le au lieu de l'inclure"),
            "include",
        );
    }
    Diagnostic::new(file, format!("erreur de gabarit ({chain})"))
}

/// Tera recurses without limit: a template that includes itself, or a macro that calls itself,
/// would overflow the stack. Both are refused before anything is rendered.
fn recursion(sources: &BTreeMap<String, String>) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    // Includes: template → included templates.
    let includes: BTreeMap<&str, Vec<String>> = sources
        .iter()
        .map(|(name, text)| (name.as_str(), tag_arguments(text, "include")))
        .collect();
    // Macros: (template, macro) → called (template, macro).
    let mut calls: BTreeMap<(String, String), BTreeSet<(String, String)>> = BTreeMap::new();
    for (name, text) in sources {
        let imports: HashMap<String, String> = tag_arguments_with_alias(text);
        for (macro_name, body) in macros(text) {
            let callees = called_macros(body)
                .into_iter()
                .filter_map(|(ns, callee)| {
                    let file = if ns == "self" {
                        Some(name.clone())
                    } else {
                        imports.get(&ns).cloned()
                    };
                    file.map(|f| (f, callee))
                })
                .collect();
            calls.insert((name.clone(), macro_name), callees);
        }
    }
    for (name, text) in sources {
        if let Some(path) = cycle(name.as_str(), &|n: &&str| {
            includes.get(n).map_or(Vec::new(), |v| {
                v.iter()
                    .filter_map(|s| includes.get_key_value(s.as_str()).map(|(k, _)| *k))
                    .collect()
            })
        }) {
            let offset = text.find("include").unwrap_or(0);
            found.push(
                Diagnostic::new(
                    format!("templates/{name}"),
                    format!("inclusion sans fin : {}", path.join(" → ")),
                )
                .hint("un gabarit ne peut pas s'inclure lui-même, même par un autre")
                .at(text, offset),
            );
        }
    }
    for key in calls.keys() {
        let next = |k: &(String, String)| {
            calls
                .get(k)
                .map_or(Vec::new(), |v| v.iter().cloned().collect())
        };
        if let Some(path) = cycle(key.clone(), &next) {
            // Report each cycle once, at its smallest member.
            if path.iter().min() != Some(key) {
                continue;
            }
            let (file, name) = key;
            let text = &sources[file];
            let offset = text.find(&format!("macro {name}")).unwrap_or(0);
            let names: Vec<String> = path.iter().map(|(_, m)| m.clone()).collect();
            found.push(
                Diagnostic::new(
                    format!("templates/{file}"),
                    format!("macro récursive : {}", names.join(" → ")),
                )
                .hint("portail refuse les macros qui s'appellent elles-mêmes (la profondeur dépendrait du contenu) ; écrivez une boucle {% for %}")
                .at(text, offset),
            );
        }
    }
    found
}

/// The path from `start` back to itself, if there is one.
fn cycle<T: Clone + Ord>(start: T, next: &dyn Fn(&T) -> Vec<T>) -> Option<Vec<T>> {
    let mut seen = BTreeSet::new();
    let mut stack = vec![(start.clone(), vec![start.clone()])];
    while let Some((node, path)) = stack.pop() {
        for n in next(&node) {
            if n == start {
                let mut p = path.clone();
                p.push(n);
                return Some(p);
            }
            if seen.insert(n.clone()) {
                let mut p = path.clone();
                p.push(n.clone());
                stack.push((n, p));
            }
        }
    }
    None
}

/// The quoted names after `{% tag "…"` (and `{%- tag`), in order.
fn tag_arguments(text: &str, tag: &str) -> Vec<String> {
    tags(text)
        .filter_map(|inner| {
            let rest = inner.strip_prefix(tag)?;
            quoted_string(rest)
        })
        .collect()
}

/// `{% import "file" as ns %}` → ns → file.
fn tag_arguments_with_alias(text: &str) -> HashMap<String, String> {
    tags(text)
        .filter_map(|inner| {
            let rest = inner.strip_prefix("import")?;
            let file = quoted_string(rest)?;
            let alias = rest.rsplit("as").next()?.trim().to_owned();
            Some((alias, file))
        })
        .collect()
}

/// The inside of each `{% … %}`, trimmed of whitespace-control dashes and spaces.
fn tags(text: &str) -> impl Iterator<Item = &str> {
    text.split("{%").skip(1).filter_map(|chunk| {
        let inner = &chunk[..chunk.find("%}")?];
        Some(inner.trim_matches(|c: char| c == '-' || c.is_whitespace()))
    })
}

fn quoted_string(s: &str) -> Option<String> {
    let s = s.trim_start();
    let q = s.chars().next().filter(|c| matches!(c, '"' | '\'' | '`'))?;
    let rest = &s[1..];
    Some(rest[..rest.find(q)?].to_owned())
}

/// Each `{% macro name(…) %} … {% endmacro %}`: its name and body.
fn macros(text: &str) -> Vec<(String, &str)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("{%") {
        let after = &rest[start + 2..];
        let inner = after.trim_start_matches(|c: char| c == '-' || c.is_whitespace());
        if let Some(def) = inner.strip_prefix("macro") {
            let name: String = def
                .trim_start()
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            let body_end = after.find("endmacro").unwrap_or(after.len());
            out.push((name, &after[..body_end]));
            rest = &after[body_end..];
        } else {
            rest = after;
        }
    }
    out
}

/// `ns::name(` calls in a macro body.
fn called_macros(body: &str) -> Vec<(String, String)> {
    body.match_indices("::")
        .filter_map(|(i, _)| {
            let ns: String = body[..i]
                .chars()
                .rev()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let name: String = body[i + 2..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            let called = body[i + 2 + name.len()..].trim_start().starts_with('(');
            (!ns.is_empty() && !name.is_empty() && called).then_some((ns, name))
        })
        .collect()
}

/// `40000 | euros` → "40 000 €", formatted as the wizard formats amounts.
fn euros(value: &Value, _: &HashMap<String, Value>) -> tera::Result<Value> {
    let n = value
        .as_u64()
        .ok_or_else(|| tera::Error::msg("euros attend un nombre entier"))?;
    Ok(Value::String(wizard::text::euros(n)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sources(list: &[(&str, &str)]) -> BTreeMap<String, String> {
        list.iter()
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .collect()
    }

    #[test]
    fn self_inclusion_and_recursive_macros_are_refused() {
        let s = sources(&[
            ("a.html", "x{% include \"b.html\" %}"),
            ("b.html", "{%- include 'a.html' -%}"),
        ]);
        let d = recursion(&s);
        assert_eq!(d.len(), 2, "{d:?}");
        assert!(d[0].message.contains("a.html → b.html → a.html"), "{d:?}");
        let s = sources(&[(
            "m.html",
            "{% macro arbre(n) %}{{ self::arbre(n=n) }}{% endmacro arbre %}",
        )]);
        let d = recursion(&s);
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("arbre → arbre"));
        let s = sources(&[
            (
                "m.html",
                "{% import \"n.html\" as n %}{% macro a() %}{{ n::b() }}{% endmacro %}",
            ),
            (
                "n.html",
                "{% import \"m.html\" as m %}{% macro b() %}{{ m::a() }}{% endmacro %}",
            ),
        ]);
        assert_eq!(recursion(&s).len(), 1);
        let fine = sources(&[
            (
                "m.html",
                "{% import \"n.html\" as n %}{% macro a() %}{{ n::b() }}{% endmacro %}",
            ),
            (
                "n.html",
                "{% macro b() %}ok{% endmacro %}{% include \"p.html\" %}",
            ),
            ("p.html", "p"),
        ]);
        assert!(recursion(&fine).is_empty());
    }

    #[test]
    fn template_errors_are_french_and_located() {
        let s = sources(&[("index.html", "<p>\n{{ page.title | upper }</p>\n")]);
        let Err(d) = engine(&s) else {
            panic!("accepted")
        };
        let d = &d[0];
        assert_eq!(
            (d.file.as_str(), d.line, d.column),
            ("templates/index.html", 2, 23)
        );
        assert!(d.message.contains("syntaxe"), "{d}");
        assert!(d.hint.as_deref().unwrap_or("").contains("}}"), "{d}");
        let s = sources(&[("index.html", "<p>\n  {{ page.titl }}</p>\n")]);
        let tera = engine(&s).expect("parses");
        let ctx =
            tera::Context::from_value(serde_json::json!({"page": {"title": "x"}})).expect("ctx");
        let e = tera
            .render("index.html", &ctx)
            .expect_err("unknown variable");
        let d = diagnostic(&e, &s);
        assert_eq!((d.line, d.column), (2, 6), "{d}");
        assert_eq!(d.message, "variable « page.titl » inconnue");
    }

    #[test]
    fn a_context_that_cannot_be_serialised_is_an_error_naming_the_file() {
        #[derive(Serialize)]
        struct Unfit {
            // JSON object keys must be strings.
            x: BTreeMap<(u8, u8), u8>,
        }
        let s = sources(&[("page.html", "{{ x }}")]);
        let tera = engine(&s).expect("parses");
        let unfit = Unfit {
            x: BTreeMap::from([((1, 2), 3)]),
        };
        let d = render(&tera, "page.html", &unfit, "content/page.md", &s).expect_err("refused");
        assert_eq!(d.file, "content/page.md");
        assert!(d.message.contains("« page.html » impossible"), "{d}");
    }
}
