//! Typed TOML with editor-friendly errors: every unknown field (with a "did you mean"), then the
//! first type or missing-field error, all placed at file:line:column.
//!
//! Field names come from the serde structs themselves, so the model stays the one source of truth.

use crate::diagnostic::{did_you_mean, Diagnostic};
use serde::de::{DeserializeOwned, Visitor};
use toml::de::{DeTable, DeValue};
use toml::Spanned;

/// The fields a TOML table accepts, and the schemas of its nested tables.
#[derive(Debug, Clone)]
pub struct Schema {
    fields: &'static [&'static str],
    nested: Vec<(&'static str, Schema)>,
}

impl Schema {
    /// The schema of a `#[derive(Deserialize)]` struct, read from serde's own field list.
    pub fn of<T: DeserializeOwned>() -> Schema {
        let mut fields = None;
        let _ = T::deserialize(FieldProbe(&mut fields));
        Schema {
            fields: fields.unwrap_or(&[]),
            nested: Vec::new(),
        }
    }

    pub fn nest(mut self, key: &'static str, schema: Schema) -> Schema {
        self.nested.push((key, schema));
        self
    }

    fn check(
        &self,
        table: &DeTable<'_>,
        out: &mut Vec<(std::ops::Range<usize>, String, Option<String>)>,
    ) {
        for (key, value) in table.iter() {
            let name: &str = key.get_ref();
            if !self.fields.contains(&name) {
                let hint = match did_you_mean(name, self.fields.iter().copied()) {
                    Some(s) => format!(
                        "vouliez-vous dire « {s} » ? Champs acceptés : {}",
                        self.fields.join(", ")
                    ),
                    None => format!("champs acceptés : {}", self.fields.join(", ")),
                };
                out.push((key.span(), format!("champ inconnu « {name} »"), Some(hint)));
                continue;
            }
            let Some((_, nested)) = self.nested.iter().find(|(k, _)| *k == name) else {
                continue;
            };
            match value.get_ref() {
                DeValue::Table(t) => nested.check(t, out),
                DeValue::Array(items) => {
                    for item in items.iter() {
                        if let DeValue::Table(t) = item.get_ref() {
                            nested.check(t, out);
                        }
                    }
                }
                _ => {}
            }
        }
    }
}

/// Where a piece of TOML sits in its file, for diagnostics.
pub struct Located<'a> {
    pub display: &'a str,
    pub file_text: &'a str,
    /// Byte offset of the TOML text inside `file_text` (non-zero for front matter).
    pub base: usize,
    /// Where to point when the error concerns the whole table (a missing field).
    pub whole: usize,
}

/// Parses `toml_text` into `T`, checking field names against `schema` first.
pub fn parse_typed<T: DeserializeOwned>(
    toml_text: &str,
    schema: &Schema,
    at: &Located<'_>,
) -> Result<T, Vec<Diagnostic>> {
    let diag = |span: Option<std::ops::Range<usize>>, message: String, hint: Option<String>| {
        let offset = span.map_or(at.whole, |s| at.base + s.start);
        let d = Diagnostic::new(at.display, message).at(at.file_text, offset);
        match hint {
            Some(h) => d.hint(h),
            None => d,
        }
    };
    let table: Spanned<DeTable<'_>> = DeTable::parse(toml_text).map_err(|e| {
        let (message, hint) = syntax_fr(first_line(e.message()));
        vec![diag(e.span(), message, Some(hint))]
    })?;
    let mut unknown = Vec::new();
    schema.check(table.get_ref(), &mut unknown);
    if !unknown.is_empty() {
        // Tables iterate in key order; editors read top to bottom.
        unknown.sort_by_key(|(span, _, _)| span.start);
        return Err(unknown
            .into_iter()
            .map(|(s, m, h)| diag(Some(s), m, h))
            .collect());
    }
    let whole_span = table.span();
    T::deserialize(toml::de::Deserializer::from(table)).map_err(|e| {
        let span = e
            .span()
            .filter(|s| *s != whole_span && !(s.start == 0 && s.end >= toml_text.len()));
        let (message, hint) = translate(e.message());
        let d = diag(span.clone(), message, hint);
        // Name the field when the error points inside a `field = value` line.
        let field = span
            .and(d.excerpt.as_deref())
            .and_then(|l| l.split_once('='))
            .map(|(k, _)| k.trim().to_owned());
        match field {
            Some(f)
                if !f.is_empty()
                    && f.chars()
                        .all(|c| c.is_alphanumeric() || c == '_' || c == '-') =>
            {
                let message = format!("champ « {f} » : {}", d.message);
                vec![Diagnostic { message, ..d }]
            }
            _ => vec![d],
        }
    })
}

/// The TOML parser's messages for the mistakes editors actually make, in French.
fn syntax_fr(raw: &str) -> (String, String) {
    let general = "vérifiez les guillemets, les crochets et la forme `nom = valeur`".to_owned();
    if raw.contains("invalid date") || raw.contains("invalid time") {
        return (
            "date impossible : ce jour ou ce mois n'existe pas".to_owned(),
            "une date s'écrit AAAA-MM-JJ, par exemple 2021-03-12".to_owned(),
        );
    }
    if raw.contains("string") && raw.contains("expected `\"`") {
        return (
            "texte non fermé : un guillemet \" manque".to_owned(),
            "un texte s'écrit entre guillemets droits sur une seule ligne : title = \"…\""
                .to_owned(),
        );
    }
    if raw.contains("duplicate key") {
        return (
            "ce champ est écrit deux fois".to_owned(),
            "gardez une seule ligne pour ce champ".to_owned(),
        );
    }
    (format!("TOML invalide : {raw}"), general)
}

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or(s).trim()
}

/// Serde's English messages, in the plain French the editors read.
fn translate(raw: &str) -> (String, Option<String>) {
    let raw = first_line(raw);
    if let Some(field) = between(raw, "missing field `", "`") {
        return (
            format!("champ obligatoire « {field} » absent"),
            Some(format!(
                "ajoutez une ligne `{field} = …` dans l'en-tête (voir docs/content-model.md)"
            )),
        );
    }
    if let Some(rest) = raw.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, "?"));
        return (
            format!(
                "type incorrect : {} trouvé, {} attendu",
                type_fr(found),
                type_fr(expected)
            ),
            None,
        );
    }
    if let Some(variant) = between(raw, "unknown variant `", "`") {
        let expected: Vec<&str> = raw
            .split("expected ")
            .nth(1)
            .unwrap_or("")
            .split('`')
            .filter(|s| {
                !s.is_empty() && !s.contains(',') && !s.contains(" or ") && !s.starts_with("one of")
            })
            .collect();
        let hint = match did_you_mean(variant, expected.iter().copied()) {
            Some(s) => format!(
                "vouliez-vous dire « {s} » ? Valeurs possibles : {}",
                expected.join(", ")
            ),
            None => format!("valeurs possibles : {}", expected.join(", ")),
        };
        return (format!("valeur inconnue « {variant} »"), Some(hint));
    }
    if raw.contains("did not match any variant") {
        return (
            "valeur invalide : une date AAAA-MM-JJ est attendue".to_owned(),
            None,
        );
    }
    (raw.to_owned(), None)
}

fn between<'a>(s: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let rest = &s[s.find(start)? + start.len()..];
    Some(&rest[..rest.find(end)?])
}

fn type_fr(t: &str) -> String {
    let t = t.trim();
    let word = t.split_whitespace().next().unwrap_or(t);
    let fr = match word {
        "string" | "a" if t.contains("string") => "un texte",
        "string" => "un texte",
        "integer" | "u64" | "i64" | "u32" => "un nombre entier",
        "float" => "un nombre décimal",
        "boolean" | "bool" => "un booléen (true/false)",
        "sequence" | "array" => "une liste [ … ]",
        "map" | "table" | "struct" => "une table",
        _ if t.contains("sequence") || t.contains("Vec") => "une liste [ … ]",
        _ if t.contains("integer") || t.contains("u64") || t.contains("i64") => "un nombre entier",
        _ if t.contains("struct") || t.contains("map") => "une table",
        _ => return t.to_owned(),
    };
    fr.to_owned()
}

/// A deserializer that only records the field list serde hands to `deserialize_struct`.
struct FieldProbe<'a>(&'a mut Option<&'static [&'static str]>);

impl<'de> serde::Deserializer<'de> for FieldProbe<'_> {
    type Error = serde::de::value::Error;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
        Err(serde::de::Error::custom("probe"))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Self::Error> {
        *self.0 = Some(fields);
        Err(serde::de::Error::custom("probe"))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option
        unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Item {
        name: String,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Doc {
        title: String,
        #[serde(default)]
        items: Vec<Item>,
        #[serde(default)]
        count: u64,
    }

    fn schema() -> Schema {
        Schema::of::<Doc>().nest("items", Schema::of::<Item>())
    }

    fn run(text: &str) -> Result<Doc, Vec<Diagnostic>> {
        parse_typed(
            text,
            &schema(),
            &Located {
                display: "x.toml",
                file_text: text,
                base: 0,
                whole: 0,
            },
        )
    }

    #[test]
    fn valid_documents_deserialize() {
        let doc = run("title = \"a\"\n[[items]]\nname = \"b\"\n").unwrap();
        assert_eq!(
            (doc.title.as_str(), doc.items[0].name.as_str(), doc.count),
            ("a", "b", 0)
        );
    }

    #[test]
    fn probe_reads_field_names() {
        assert_eq!(Schema::of::<Doc>().fields, &["title", "items", "count"]);
    }

    #[test]
    fn every_unknown_field_is_reported_with_suggestion() {
        let errs = run("titel = \"a\"\n[[items]]\nnmae = \"b\"\n").unwrap_err();
        assert_eq!(errs.len(), 2);
        assert_eq!((errs[0].line, errs[0].column), (1, 1));
        assert!(errs[0].hint.as_deref().unwrap().contains("« title »"));
        assert_eq!(errs[1].line, 3);
        assert!(errs[1].hint.as_deref().unwrap().contains("« name »"));
    }

    #[test]
    fn type_and_missing_errors_are_french_and_placed() {
        let errs = run("title = \"a\"\ncount = \"trois\"\n").unwrap_err();
        assert_eq!(errs[0].line, 2);
        assert!(
            errs[0].message.contains("type incorrect"),
            "{}",
            errs[0].message
        );
        let errs = run("count = 3\n").unwrap_err();
        assert_eq!(errs[0].message, "champ obligatoire « title » absent");
    }

    #[test]
    fn syntax_errors_point_at_the_line() {
        let errs = run("title = \"a\"\ncount = = 3\n").unwrap_err();
        assert_eq!(errs[0].line, 2);
        assert!(errs[0].message.starts_with("TOML invalide"));
    }
}
