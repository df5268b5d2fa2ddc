//! Every error of a file, each at its field.
//!
//! Serde stops at the first error. So the file is read again without the entry that failed
//! (the key of a wrong value, or the list item), until a pass goes through: a required field
//! left out that way is not reported a second time, and optional ones fall back to their
//! default. Errors are rare and files small; a file of only errors stops at [`MAX_ERRORS`].

use crate::de::{Pass, TableDe};
use crate::error::{Error, Kind};
use crate::schema::Schema;
use serde::de::DeserializeOwned;
use std::cell::RefCell;
use std::collections::{BTreeMap, HashSet};
use toml::de::DeTable;

/// Beyond this many errors in one file, the editor has enough to do.
const MAX_ERRORS: usize = 100;

/// `T` read from a parsed TOML file, or every error of the file, in file order.
pub fn read<T: DeserializeOwned>(root: &DeTable<'_>) -> Result<T, Vec<Error>> {
    let mut skip = HashSet::new();
    let mut errors: Vec<Error> = Vec::new();
    let mut unknown = BTreeMap::new();
    let (value, last) = loop {
        let pass = Pass {
            skip: &skip,
            unknown: RefCell::new(Vec::new()),
        };
        let result = T::deserialize(TableDe {
            table: root,
            span: None,
            pass: &pass,
            path: None,
        });
        for u in pass.unknown.into_inner() {
            unknown.entry(u.span.start).or_insert(u);
        }
        match result {
            Ok(value) => break (Some(value), None),
            Err(e) => {
                let entry = e.entry;
                if e.excused {
                    if entry.is_some_and(|entry| skip.insert(entry)) {
                        continue;
                    }
                    break (None, Some(e));
                }
                errors.push(e);
                if errors.len() >= MAX_ERRORS || !entry.is_some_and(|entry| skip.insert(entry)) {
                    break (None, None);
                }
            }
        }
    };
    if !unknown.is_empty() {
        // `regions` written inside `[[sources]]`: the page lacks it, said where it stands.
        errors.retain(|e| match e.kind {
            Kind::Missing { field } => !unknown.values().any(|u| u.name == field),
            _ => true,
        });
        let schema = Schema::of::<T>();
        errors.extend(unknown.into_values().map(|u| {
            let placement = schema.placement(&u.path, &u.name);
            Error {
                span: Some(u.span),
                ..Error::new(Kind::UnknownField {
                    name: u.name,
                    accepted: u.accepted,
                    placement,
                })
            }
        }));
    }
    match value {
        Some(value) if errors.is_empty() => Ok(value),
        _ => {
            // A pass that stopped on an excused error with nothing else to say: say it.
            errors.extend(last.filter(|_| errors.is_empty()));
            errors.sort_by_key(|e| e.span.as_ref().map_or(0, |s| s.start));
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{line_column, Expected, Found, Placement};
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "lowercase")]
    enum Audience {
        Operateur,
        Industrie,
    }

    #[derive(Debug, Deserialize)]
    struct Source {
        document: String,
        date: String,
    }

    #[derive(Debug, Deserialize)]
    struct Page {
        title: String,
        #[serde(default)]
        weight: Option<i64>,
        #[serde(default)]
        amount: u64,
        #[serde(default)]
        audiences: Vec<Audience>,
        #[serde(default)]
        sources: Vec<Source>,
    }

    fn errors(text: &str) -> Vec<(usize, String)> {
        let table = DeTable::parse(text).expect("valid TOML");
        match read::<Page>(table.get_ref()) {
            Ok(page) => panic!("accepted: {page:?}"),
            Err(errors) => errors
                .iter()
                .map(|e| {
                    let line = e.span.as_ref().map_or(0, |s| line_column(text, s.start).0);
                    (line, e.message(text, &|_| None).text)
                })
                .collect(),
        }
    }

    #[test]
    fn a_valid_file_reads() {
        let text = "title = \"A\"\nweight = -2\naudiences = [\"industrie\"]\n[[sources]]\ndocument = \"d\"\ndate = \"2020\"\n";
        let table = DeTable::parse(text).unwrap();
        let page: Page = read(table.get_ref()).unwrap();
        assert_eq!(
            (page.title.as_str(), page.weight, page.amount),
            ("A", Some(-2), 0)
        );
        assert!(matches!(page.audiences[..], [Audience::Industrie]));
        assert_eq!(
            (
                page.sources[0].document.as_str(),
                page.sources[0].date.as_str()
            ),
            ("d", "2020")
        );
    }

    #[test]
    fn every_wrong_value_is_reported_at_its_field() {
        let text = "title = 3\nweight = \"premier\"\namount = -5\naudiences = [\"operateurs\", \"industrie\", 7]\n";
        assert_eq!(
            errors(text),
            [
                (
                    1,
                    "champ « title » : il faut un texte, pas un nombre entier".into()
                ),
                (
                    2,
                    "champ « weight » : il faut un nombre entier, pas un texte".into()
                ),
                (
                    3,
                    "champ « amount » : nombre impossible : il faut un nombre entier positif"
                        .into()
                ),
                (
                    4,
                    "champ « audiences » : valeur inconnue « operateurs »".into()
                ),
                (
                    4,
                    "champ « audiences » : il faut un texte, pas un nombre entier".into()
                ),
            ]
        );
    }

    #[test]
    fn errors_in_blocks_and_unknown_fields_come_together() {
        let text = "title = \"A\"\ntitel = \"B\"\n[[sources]]\ndocument = 1\ndate = \"2020\"\n[[sources]]\ndocument = \"d\"\n";
        assert_eq!(
            errors(text),
            [
                (2, "champ inconnu « titel »".into()),
                (
                    4,
                    "champ « document » : il faut un texte, pas un nombre entier".into()
                ),
                (6, "champ obligatoire « date » absent".into()),
            ]
        );
    }

    #[test]
    fn a_missing_field_is_not_reported_when_it_is_written_wrong_or_misspelt() {
        assert_eq!(
            errors("title = true\n"),
            [(
                1,
                "champ « title » : il faut un texte, pas true ou false".into()
            )]
        );
        assert_eq!(
            errors("titre = \"A\"\n"),
            [(1, "champ inconnu « titre »".into())]
        );
        assert_eq!(
            errors("weight = 1\n"),
            [(0, "champ obligatoire « title » absent".into())]
        );
    }

    #[test]
    fn unknown_fields_are_placed() {
        let text = "title = \"A\"\n[[sources]]\ndocument = \"d\"\ndate = \"2020\"\nweight = 2\n";
        let table = DeTable::parse(text).unwrap();
        let e = &read::<Page>(table.get_ref()).unwrap_err()[0];
        assert!(matches!(
            e.kind,
            Kind::UnknownField {
                placement: Placement::InBlock("sources"),
                ..
            }
        ));
        let text = "title = \"A\"\ndocument = \"d\"\n";
        let table = DeTable::parse(text).unwrap();
        let e = &read::<Page>(table.get_ref()).unwrap_err()[0];
        assert!(matches!(
            e.kind,
            Kind::UnknownField {
                placement: Placement::OutsideBlock("sources"),
                ..
            }
        ));
    }

    #[test]
    fn single_brackets_for_a_list_of_blocks_are_named() {
        let text = "title = \"A\"\n[sources]\ndocument = \"d\"\n";
        let table = DeTable::parse(text).unwrap();
        let e = &read::<Page>(table.get_ref()).unwrap_err()[0];
        assert_eq!(
            e.kind,
            Kind::WrongType {
                expected: Expected::List,
                found: Found::Table
            }
        );
        assert_eq!(
            e.message(text, &|_| None).text,
            "bloc [sources] écrit avec des crochets simples"
        );
    }
}
