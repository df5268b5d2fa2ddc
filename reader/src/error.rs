//! What is wrong in a TOML file, as data. The French messages are made from it
//! (`message.rs`), never from serde's English sentences: every method of serde's error trait
//! that would write one is overridden here.

use serde::de::{self, Unexpected};
use std::fmt;
use std::ops::Range;
use toml::de::DeValue;

/// What a field takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expected {
    Text,
    Integer,
    /// An amount, a page number.
    PositiveInteger,
    Float,
    Bool,
    List,
    /// Entries written `[[name]]`.
    Blocks(String),
    Table,
    /// One of these words, as a text.
    OneOf(&'static [&'static str]),
    /// A model type's own French words for what it takes (« une date »).
    Described(String),
}

/// What was written instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    Text,
    Integer,
    Float,
    Bool,
    Date,
    List,
    Table,
    Other,
}

impl Found {
    pub fn of(value: &DeValue<'_>) -> Found {
        match value {
            DeValue::String(_) => Found::Text,
            DeValue::Integer(_) => Found::Integer,
            DeValue::Float(_) => Found::Float,
            DeValue::Boolean(_) => Found::Bool,
            DeValue::Datetime(_) => Found::Date,
            DeValue::Array(_) => Found::List,
            DeValue::Table(_) => Found::Table,
        }
    }

    fn seen(unexpected: &Unexpected<'_>) -> Found {
        match unexpected {
            Unexpected::Str(_) | Unexpected::Char(_) => Found::Text,
            Unexpected::Signed(_) | Unexpected::Unsigned(_) => Found::Integer,
            Unexpected::Float(_) => Found::Float,
            Unexpected::Bool(_) => Found::Bool,
            Unexpected::Seq => Found::List,
            Unexpected::Map => Found::Table,
            _ => Found::Other,
        }
    }
}

/// Where an unknown field stands, for its message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Placement {
    /// Misspelt, or no field of this table.
    Stray,
    /// A field of the table above, written after a `[[block]]` line: it landed in the block.
    InBlock(&'static str),
    /// A field of `[[block]]` entries, written where no block has begun.
    OutsideBlock(&'static str),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    WrongType {
        expected: Expected,
        found: Found,
    },
    /// A number out of what the field takes (negative, or too large).
    OutOfRange {
        expected: Expected,
    },
    UnknownVariant {
        written: String,
        variants: &'static [&'static str],
    },
    Missing {
        field: &'static str,
    },
    UnknownField {
        name: String,
        accepted: &'static [&'static str],
        placement: Placement,
    },
    /// A value its type refuses for a reason of its own, in French (an impossible date).
    Refused(String),
}

/// An entry of a table or of a list, by where it is written: what a later pass leaves out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Entry {
    Key(usize),
    Item(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub kind: Kind,
    /// Byte span in the TOML text: of the value, of the key for an unknown field, of the table
    /// for a missing field; `None` for the whole text (a field missing from the top).
    pub span: Option<Range<usize>>,
    /// The field whose value is wrong (the list's, for a list item).
    pub field: Option<String>,
    /// The innermost entry holding the error.
    pub(crate) entry: Option<Entry>,
    /// A missing field that is not reported: written but wrong (its own error says so), or
    /// probably one of the unknown names of its table.
    pub(crate) excused: bool,
}

impl Error {
    pub fn new(kind: Kind) -> Error {
        Error {
            kind,
            span: None,
            field: None,
            entry: None,
            excused: false,
        }
    }

    /// Fills what an inner entry did not: the error belongs to the innermost one.
    pub(crate) fn within(mut self, entry: Entry, span: Range<usize>, field: Option<&str>) -> Self {
        self.entry.get_or_insert(entry);
        self.span.get_or_insert(span);
        if self.field.is_none() {
            self.field = field.map(str::to_owned);
        }
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message("", &|_| None).text)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error::new(Kind::Refused(msg.to_string()))
    }

    fn invalid_type(unexpected: Unexpected<'_>, expected: &dyn de::Expected) -> Self {
        Error::new(Kind::WrongType {
            expected: Expected::Described(expected.to_string()),
            found: Found::seen(&unexpected),
        })
    }

    fn invalid_value(unexpected: Unexpected<'_>, expected: &dyn de::Expected) -> Self {
        Self::invalid_type(unexpected, expected)
    }

    fn invalid_length(len: usize, _: &dyn de::Expected) -> Self {
        Error::new(Kind::Refused(format!(
            "liste de {len} éléments : ce nombre ne convient pas ici"
        )))
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        Error::new(Kind::UnknownVariant {
            written: variant.to_owned(),
            variants: expected,
        })
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        Error::new(Kind::UnknownField {
            name: field.to_owned(),
            accepted: expected,
            placement: Placement::Stray,
        })
    }

    fn missing_field(field: &'static str) -> Self {
        Error::new(Kind::Missing { field })
    }

    fn duplicate_field(field: &'static str) -> Self {
        Error::new(Kind::Refused(format!("champ « {field} » écrit deux fois")))
    }
}
