//! French messages made from errors as data: what the field takes, what was written instead,
//! and the corrected line when one can be written for the editor.

use crate::error::{Error, Expected, Found, Kind, Placement};
use crate::words::{did_you_mean, quote, suggestion, unknown_field_hint};

/// What the editor reads: the message, and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub hint: Option<String>,
}

/// Longest corrected line shown, in characters.
const MAX_FIX: usize = 200;

impl Expected {
    pub fn phrase(&self) -> String {
        match self {
            Expected::Text | Expected::OneOf(_) => "un texte".into(),
            Expected::Integer => "un nombre entier".into(),
            Expected::PositiveInteger => "un nombre entier positif".into(),
            Expected::Float => "un nombre décimal".into(),
            Expected::Bool => "true ou false".into(),
            Expected::List => "une liste [ … ]".into(),
            Expected::Blocks(name) => format!("une liste de blocs [[{name}]]"),
            Expected::Table => "un bloc de champs".into(),
            Expected::Described(words) => words.clone(),
        }
    }
}

impl Found {
    pub fn phrase(self) -> &'static str {
        match self {
            Found::Text => "un texte",
            Found::Integer => "un nombre entier",
            Found::Float => "un nombre décimal",
            Found::Bool => "true ou false",
            Found::Date => "une date",
            Found::List => "une liste [ … ]",
            Found::Table => "un bloc de champs",
            Found::Other => "une autre sorte de valeur",
        }
    }
}

/// « champ « weight » : », and what follows the name (« de la règle »), for value errors.
fn head(field: Option<&str>, context: &str) -> String {
    field.map_or(String::new(), |f| {
        format!("champ « {} »{context} : ", quote(f))
    })
}

/// A value of the wrong sort, in the words of every file: `context` follows the field's name
/// (« de la règle »), `written` is the value as written, for the corrected line.
pub fn wrong_type(
    field: Option<&str>,
    context: &str,
    expected: &Expected,
    found: Found,
    written: &str,
) -> Message {
    let text = format!(
        "{}il faut {}, pas {}",
        head(field, context),
        expected.phrase(),
        found.phrase()
    );
    // The corrected line, unless it would be too long to read.
    let fix = |hint: &str, value: String| match field {
        Some(f) if value.chars().count() < MAX_FIX => {
            format!("{hint} ; corrigez ainsi :\n         {f} = {value}")
        }
        _ => hint.to_owned(),
    };
    let unquoted = written.trim_matches(['"', '\'']);
    let hint = match (expected, found) {
        (Expected::List, Found::Text) => {
            let items: Vec<String> = unquoted
                .split([',', ';'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|s| format!("\"{s}\""))
                .collect();
            Some(fix(
                "une liste s'écrit entre crochets, chaque élément entre guillemets droits et séparé par une virgule",
                format!("[{}]", items.join(", ")),
            ))
        }
        (Expected::Text, Found::Integer | Found::Float | Found::Bool | Found::Date) => Some(fix(
            "un texte s'écrit entre guillemets droits",
            format!("\"{unquoted}\""),
        )),
        (Expected::Text, _) => Some("un texte s'écrit entre guillemets droits".to_owned()),
        (Expected::Integer | Expected::PositiveInteger, Found::Text) => {
            let digits: String = unquoted.chars().filter(char::is_ascii_digit).collect();
            Some(if digits.is_empty() {
                "écrivez un nombre en chiffres, sans guillemets ni espace, par exemple 10"
                    .to_owned()
            } else {
                fix(
                    "un nombre s'écrit en chiffres, sans guillemets, sans espace ni symbole",
                    digits,
                )
            })
        }
        (Expected::OneOf(values), _) => {
            Some(suggestion(None, "valeurs possibles", &values.join(", ")))
        }
        _ => None,
    };
    Message { text, hint }
}

/// A number out of what the field takes (a negative amount).
pub fn out_of_range(field: Option<&str>, context: &str, expected: &Expected) -> Message {
    Message {
        text: format!(
            "{}nombre impossible : il faut {}",
            head(field, context),
            expected.phrase()
        ),
        hint: Some(
            "un montant ou un nombre s'écrit en chiffres, positif, sans espace : 40000".to_owned(),
        ),
    }
}

impl Error {
    /// The message of this error in `text`, the TOML it was read from; `alias` gives the field
    /// a word editors use stands for (`titre` → `title`), for "did you mean".
    pub fn message(&self, text: &str, alias: &dyn Fn(&str) -> Option<&'static str>) -> Message {
        let written = self
            .span
            .as_ref()
            .and_then(|s| text.get(s.clone()))
            .unwrap_or("");
        let field = self.field.as_deref();
        match &self.kind {
            // `[terms]` where each entry needs `[[terms]]`.
            Kind::WrongType {
                expected: Expected::List,
                found: Found::Table,
            } if written.starts_with('[') && !written.starts_with("[[") => {
                let name = written.trim_matches(['[', ']']).trim();
                Message {
                    text: format!("bloc [{name}] écrit avec des crochets simples"),
                    hint: Some(format!(
                        "chaque entrée de la liste commence par une ligne [[{name}]], avec deux crochets de chaque côté"
                    )),
                }
            }
            Kind::WrongType { expected, found } => wrong_type(field, "", expected, *found, written),
            Kind::OutOfRange { expected } => out_of_range(field, "", expected),
            Kind::UnknownVariant { written, variants } => Message {
                text: format!("{}valeur inconnue « {} »", head(field, ""), quote(written)),
                hint: Some(suggestion(
                    did_you_mean(written, variants.iter().copied()),
                    "valeurs possibles",
                    &variants.join(", "),
                )),
            },
            Kind::Missing { field } => Message {
                text: format!("champ obligatoire « {field} » absent"),
                hint: Some(format!(
                    "ajoutez une ligne « {field} = … » dans l'en-tête ; le modèle créé par « portail new » montre chaque champ avec un commentaire (voir aussi docs/content-model.md)"
                )),
            },
            Kind::UnknownField {
                name,
                accepted,
                placement,
            } => unknown_field(&quote(name), accepted, placement, alias),
            Kind::Refused(reason) => Message {
                text: format!("{}{reason}", head(field, "")),
                hint: None,
            },
        }
    }
}

fn unknown_field(
    name: &str,
    accepted: &[&str],
    placement: &Placement,
    alias: &dyn Fn(&str) -> Option<&'static str>,
) -> Message {
    match placement {
        Placement::InBlock(block) => Message {
            text: format!("champ « {name} » rangé dans le bloc [[{block}]] qui le précède"),
            hint: Some(format!(
                "tout ce qui suit une ligne [[{block}]] appartient à ce bloc : déplacez la ligne « {name} = … » au-dessus du premier [[{block}]] (les blocs [[…]] se mettent à la fin de l'en-tête)"
            )),
        },
        Placement::OutsideBlock(block) => Message {
            text: format!("champ « {name} » en dehors de tout bloc [[{block}]]"),
            hint: Some(format!(
                "chaque entrée commence par une ligne [[{block}]] : ajoutez-la au-dessus de « {name} = … »"
            )),
        },
        Placement::Stray => Message {
            text: format!("champ inconnu « {name} »"),
            hint: Some(unknown_field_hint(name, accepted, alias)),
        },
    }
}
