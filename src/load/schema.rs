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
        parent: Option<(&str, &Schema)>,
        out: &mut Vec<(std::ops::Range<usize>, String, Option<String>)>,
    ) {
        for (key, value) in table.iter() {
            let name: &str = key.get_ref();
            if !self.fields.contains(&name) {
                out.push(self.unknown(name, key.span(), parent));
                continue;
            }
            let Some((_, nested)) = self.nested.iter().find(|(k, _)| *k == name) else {
                continue;
            };
            let parent = Some((name, self));
            match value.get_ref() {
                DeValue::Table(t) => nested.check(t, parent, out),
                DeValue::Array(items) => {
                    for item in items.iter() {
                        if let DeValue::Table(t) = item.get_ref() {
                            nested.check(t, parent, out);
                        }
                    }
                }
                _ => {}
            }
        }
    }

    /// An unknown field, with what the editor most likely meant.
    fn unknown(
        &self,
        name: &str,
        span: std::ops::Range<usize>,
        parent: Option<(&str, &Schema)>,
    ) -> (std::ops::Range<usize>, String, Option<String>) {
        let accepted = self.fields.join(", ");
        // `title` written after `[[sources]]` lands in the source, not in the page.
        if let Some((table, up)) = parent.filter(|(_, up)| up.fields.contains(&name)) {
            let _ = up;
            return (
                span,
                format!("champ « {name} » rangé dans le bloc [[{table}]] qui le précède"),
                Some(format!(
                    "tout ce qui suit une ligne [[{table}]] appartient à ce bloc : déplacez la ligne « {name} = … » au-dessus du premier [[{table}]] (les blocs [[…]] se mettent à la fin de l'en-tête)"
                )),
            );
        }
        // `acronym` at the top of glossaire.toml: the `[[terms]]` line is missing.
        if let Some((table, _)) = self.nested.iter().find(|(_, n)| n.fields.contains(&name)) {
            return (
                span,
                format!("champ « {name} » en dehors de tout bloc [[{table}]]"),
                Some(format!(
                    "chaque entrée commence par une ligne [[{table}]] : ajoutez-la au-dessus de « {name} = … »"
                )),
            );
        }
        let hint = match self.guess(name) {
            Some(s) => format!("vouliez-vous dire « {s} » ? Champs acceptés : {accepted}"),
            None => format!("champs acceptés : {accepted}"),
        };
        (span, format!("champ inconnu « {name} »"), Some(hint))
    }
}

impl Schema {
    /// The accepted field a wrong name most likely stands for: its English name when the
    /// editor wrote the French word, else the closest spelling.
    fn guess(&self, name: &str) -> Option<&'static str> {
        french_name(name)
            .filter(|f| self.fields.contains(f))
            .or_else(|| did_you_mean(name, self.fields.iter().copied()))
    }
}

/// Field names are English; editors often write the French word.
fn french_name(name: &str) -> Option<&'static str> {
    let plain = crate::slug::slugify(name).replace('-', "_");
    Some(match plain.as_str() {
        "titre" => "title",
        "titre_court" => "short_title",
        "resume" | "chapeau" => "description",
        "date_limite" | "echeance" | "cloture" | "date_de_cloture" => "deadline",
        "leviers" | "levier" => "levers",
        "region" | "regions" => "regions",
        "nature" | "type" | "genre" => "kind",
        "lien" | "url_officielle" => "link",
        "organisateur" | "porteur" => "organiser",
        "poids" | "ordre" => "weight",
        "gabarit" | "modele" => "template",
        "publics" | "public" => "audiences",
        "objectif" => "objective",
        "duree" | "calendrier" => "duration",
        "beneficiaire" | "beneficiaires" | "candidats" => "applicants",
        "critere" | "criteres" => "criteria",
        "financements" | "finance" => "funds",
        "montant" | "montants" => "amounts",
        "exemple" | "exemples" => "examples",
        "seuil" | "seuils" => "thresholds",
        "fait" | "faits" => "facts",
        "source" => "sources",
        "sigle" | "acronyme" => "acronym",
        "developpement" | "signification" => "expansion",
        "nom" => "name",
        "courriel" | "mel" | "adresse" => "email",
        _ => return None,
    })
}

/// Every string value of a field whose name satisfies `wanted`, at any depth (tables and
/// arrays of tables), with the byte offset of the value in `toml_text`, in file order: where a
/// diagnostic about that value must point (never at the same text in a comment or elsewhere).
pub fn string_fields(toml_text: &str, wanted: &dyn Fn(&str) -> bool) -> Vec<(String, usize)> {
    fn walk(table: &DeTable<'_>, wanted: &dyn Fn(&str) -> bool, out: &mut Vec<(String, usize)>) {
        for (key, value) in table.iter() {
            match value.get_ref() {
                DeValue::String(s) if wanted(key.get_ref()) => {
                    out.push((s.to_string(), value.span().start));
                }
                DeValue::Table(t) => walk(t, wanted, out),
                DeValue::Array(items) => {
                    for item in items.iter() {
                        if let DeValue::Table(t) = item.get_ref() {
                            walk(t, wanted, out);
                        }
                    }
                }
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    if let Ok(table) = DeTable::parse(toml_text) {
        walk(table.get_ref(), wanted, &mut out);
    }
    // Past the opening quotes: the value itself.
    for (_, at) in &mut out {
        let rest = toml_text.get(*at..).unwrap_or("");
        *at += if rest.starts_with("\"\"\"") || rest.starts_with("'''") {
            3
        } else {
            usize::from(rest.starts_with(['"', '\'']))
        };
    }
    out.sort_by_key(|(_, at)| *at);
    out
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
    // A byte-order mark, as some Windows editors write, is not part of the TOML.
    let bom = if toml_text.starts_with('\u{feff}') {
        3
    } else {
        0
    };
    let toml_text = &toml_text[bom..];
    let at = &Located {
        base: at.base + bom,
        ..*at
    };
    let diag = |span: Option<std::ops::Range<usize>>, message: String, hint: Option<String>| {
        let offset = span.map_or(at.whole, |s| at.base + s.start);
        let d = Diagnostic::new(at.display, message).at(at.file_text, offset);
        match hint {
            Some(h) => d.hint(h),
            None => d,
        }
    };
    let table: Spanned<DeTable<'_>> = DeTable::parse(toml_text).map_err(|e| {
        let first_line = crate::diagnostic::line_column(at.file_text, at.base).0;
        let guess = |name: &str| schema.guess(name).map(str::to_owned);
        let m = super::toml_fr::diagnose(toml_text, first_line, e.span(), e.message(), &guess);
        vec![diag(Some(m.at..m.at), m.message, Some(m.hint))]
    })?;
    let mut unknown = Vec::new();
    schema.check(table.get_ref(), None, &mut unknown);
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
        let located = diag(span.clone(), String::new(), None);
        // The `field = value` line the error points inside, if it does.
        let line = span.and(located.excerpt.as_deref());
        let field_value = line.and_then(|l| l.split_once('=')).and_then(|(k, v)| {
            let k = k.trim();
            (!k.is_empty() && k.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-'))
                .then(|| (k.to_owned(), v.split(" #").next().unwrap_or(v).trim().to_owned()))
        });
        let header = line
            .map(str::trim)
            .filter(|l| l.starts_with('[') && !l.starts_with("[["))
            .map(|l| l.trim_matches(['[', ']']).trim());
        let (message, hint) = match header {
            // `[terms]` where each entry needs `[[terms]]`.
            Some(name) if e.message().contains("expected a sequence") => (
                format!("bloc [{name}] écrit avec des crochets simples"),
                Some(format!(
                    "chaque entrée de la liste commence par une ligne [[{name}]], avec deux crochets de chaque côté"
                )),
            ),
            _ => translate(
                e.message(),
                field_value.as_ref().map(|(k, v)| (k.as_str(), v.as_str())),
            ),
        };
        let message = match &field_value {
            Some((f, _)) => format!("champ « {f} » : {message}"),
            None => message,
        };
        let d = Diagnostic {
            message,
            ..located
        };
        vec![match hint {
            Some(h) => d.hint(h),
            None => d,
        }]
    })
}

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or(s).trim()
}

/// Serde's English messages, in the plain French the editors read; `field_value` is the
/// `name = value` line the error points at, to show the corrected line.
fn translate(raw: &str, field_value: Option<(&str, &str)>) -> (String, Option<String>) {
    let raw = first_line(raw);
    // The corrected line, unless it would be too long to read.
    let fix = |hint: &str, value: String| match field_value {
        Some((f, _)) if value.chars().count() < 200 => {
            Some(format!("{hint} ; corrigez ainsi :\n         {f} = {value}"))
        }
        _ => Some(hint.to_owned()),
    };
    let value = field_value.map_or("", |(_, v)| v);
    let unquoted = value.trim_matches(['"', '\'']);
    if let Some(field) = between(raw, "missing field `", "`") {
        return (
            format!("champ obligatoire « {field} » absent"),
            Some(format!(
                "ajoutez une ligne « {field} = … » dans l'en-tête ; le modèle créé par « portail new » montre chaque champ avec un commentaire (voir aussi docs/content-model.md)"
            )),
        );
    }
    if let Some(rest) = raw.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, "?"));
        let (found, expected) = (type_fr(found), type_fr(expected));
        let message = format!("il faut {expected}, pas {found}");
        let hint = match (expected.as_str(), found.as_str()) {
            ("une liste [ … ]", "un texte") => {
                let items: Vec<String> = unquoted
                    .split([',', ';'])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(|s| format!("\"{s}\""))
                    .collect();
                fix(
                    "une liste s'écrit entre crochets, chaque élément entre guillemets droits et séparé par une virgule",
                    format!("[{}]", items.join(", ")),
                )
            }
            ("un texte", _) => fix(
                "un texte s'écrit entre guillemets droits",
                format!("\"{unquoted}\""),
            ),
            ("un nombre entier", "un texte") => {
                let digits: String = unquoted.chars().filter(char::is_ascii_digit).collect();
                if digits.is_empty() {
                    Some(
                        "écrivez un nombre en chiffres, sans guillemets ni espace, par exemple 10"
                            .to_owned(),
                    )
                } else {
                    fix(
                        "un nombre s'écrit en chiffres, sans guillemets, sans espace ni symbole",
                        digits,
                    )
                }
            }
            _ => None,
        };
        return (message, hint);
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
    // Our own messages (dates) are French already.
    if let Some(text) = between(raw, "date invalide « ", " »").filter(|t| t.len() < 100) {
        if let Some(iso) = super::toml_fr::suggest_date(text) {
            return (
                format!("date « {text} » écrite dans un format que portail ne lit pas"),
                fix(
                    "une date s'écrit année-mois-jour avec des tirets ; sans guillemets pour un jour précis",
                    iso,
                ),
            );
        }
        return (raw.to_owned(), None);
    }
    if raw.starts_with("date ") {
        return (raw.to_owned(), None);
    }
    if raw.starts_with("invalid value") {
        return (
            "valeur impossible pour ce champ".to_owned(),
            Some(
                "un montant ou un nombre s'écrit en chiffres, positif, sans espace : 40000"
                    .to_owned(),
            ),
        );
    }
    (
        "valeur incorrecte pour ce champ".to_owned(),
        Some(
            "comparez avec le modèle créé par « portail new » et avec docs/content-model.md"
                .to_owned(),
        ),
    )
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
        "boolean" | "bool" => "true ou false",
        "datetime" | "date" => "une date",
        "sequence" | "array" if t.contains("struct") || t.contains("table") => {
            "une liste de blocs [[…]]"
        }
        "sequence" | "array" => "une liste [ … ]",
        "map" | "table" | "struct" => "un bloc de champs",
        _ if t.contains("sequence") || t.contains("Vec") => "une liste [ … ]",
        _ if t.contains("integer") || t.contains("u64") || t.contains("i64") => "un nombre entier",
        _ if t.contains("struct") || t.contains("map") => "un bloc de champs",
        _ => "une autre sorte de valeur",
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
            errs[0]
                .message
                .contains("il faut un nombre entier, pas un texte"),
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
        assert_eq!(errs[0].message, "signe « = » écrit deux fois");
    }
}
