//! A serde deserializer over toml's spanned tree. Each value is checked against what the model
//! asks for (the `deserialize_*` method serde calls) before a visitor sees it, so a wrong value
//! is an [`Error`] with the span of the value and the name of its field. Unknown fields are
//! noted and left out, and entries an earlier pass found wrong are skipped (see `read.rs`).

use crate::error::{Entry, Error, Expected, Found, Kind};
use serde::de::{self, DeserializeSeed, IntoDeserializer, Visitor};
use std::cell::RefCell;
use std::collections::HashSet;
use std::ops::Range;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

/// An unknown field met during a pass, with the fields from the root down to its table.
pub(crate) struct Unknown {
    pub name: String,
    pub span: Range<usize>,
    pub accepted: &'static [&'static str],
    pub path: Vec<&'static str>,
}

/// What a pass shares: the entries earlier passes found wrong, and the unknown fields met.
pub(crate) struct Pass<'s> {
    pub skip: &'s HashSet<Entry>,
    pub unknown: RefCell<Vec<Unknown>>,
}

/// The field a table hangs from, and the one above: a path on the stack, read only when an
/// unknown field needs placing.
pub(crate) struct Link<'a> {
    name: &'static str,
    up: Option<&'a Link<'a>>,
}

fn path_of(mut link: Option<&Link<'_>>) -> Vec<&'static str> {
    let mut path = Vec::new();
    while let Some(l) = link {
        path.push(l.name);
        link = l.up;
    }
    path.reverse();
    path
}

/// A table: the whole file (`span` is `None`) or a table value.
pub(crate) struct TableDe<'a, 'i> {
    pub table: &'a DeTable<'i>,
    pub span: Option<Range<usize>>,
    pub pass: &'a Pass<'a>,
    pub path: Option<&'a Link<'a>>,
}

impl<'de> de::Deserializer<'de> for TableDe<'_, '_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_map(MapDe::new(self.table, None, self.pass, self.path))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let mut unknown = false;
        for (key, _) in self.table.iter() {
            if !fields.contains(&key.get_ref().as_ref()) {
                unknown = true;
                self.pass.unknown.borrow_mut().push(Unknown {
                    name: key.get_ref().to_string(),
                    span: key.span(),
                    accepted: fields,
                    path: path_of(self.path),
                });
            }
        }
        let map = MapDe::new(self.table, Some(fields), self.pass, self.path);
        visitor.visit_map(map).map_err(|mut e| {
            // This struct's own missing field, not one of a table inside it.
            if let (Kind::Missing { field }, None) = (&e.kind, e.entry) {
                // Written but wrong, or probably one of the unknown names: said once, already.
                e.excused = unknown || self.table.get(*field).is_some();
                if e.span.is_none() {
                    e.span = self.span.clone();
                }
            }
            e
        })
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct seq tuple tuple_struct map enum identifier ignored_any
    }
}

/// The entries of a table, as serde's visitors walk them: with `fields`, a struct's (unknown
/// names left out), else all of them.
struct MapDe<'a, 'i> {
    entries: toml::map::Iter<'a, Spanned<toml::de::DeString<'i>>, Spanned<DeValue<'i>>>,
    fields: Option<&'static [&'static str]>,
    pass: &'a Pass<'a>,
    path: Option<&'a Link<'a>>,
    current: Option<(
        Option<&'static str>,
        &'a Spanned<toml::de::DeString<'i>>,
        &'a Spanned<DeValue<'i>>,
    )>,
}

impl<'a, 'i> MapDe<'a, 'i> {
    fn new(
        table: &'a DeTable<'i>,
        fields: Option<&'static [&'static str]>,
        pass: &'a Pass<'a>,
        path: Option<&'a Link<'a>>,
    ) -> Self {
        MapDe {
            entries: table.iter(),
            fields,
            pass,
            path,
            current: None,
        }
    }
}

impl<'de> de::MapAccess<'de> for MapDe<'_, '_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        for (key, value) in self.entries.by_ref() {
            if self.pass.skip.contains(&Entry::Key(key.span().start)) {
                continue;
            }
            let name: &str = key.get_ref();
            let field = match self.fields {
                Some(fields) => match fields.iter().find(|f| **f == name) {
                    Some(f) => Some(*f),
                    None => continue,
                },
                None => None,
            };
            self.current = Some((field, key, value));
            return seed.deserialize(name.into_deserializer()).map(Some);
        }
        Ok(None)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let Some((field, key, value)) = self.current.take() else {
            return Err(Error::new(Kind::Refused("valeur sans champ".into())));
        };
        let link;
        let path = match field {
            Some(name) => {
                link = Link {
                    name,
                    up: self.path,
                };
                Some(&link)
            }
            None => self.path,
        };
        let name: &str = key.get_ref();
        seed.deserialize(ValueDe {
            value,
            pass: self.pass,
            path,
        })
        .map_err(|e| e.within(Entry::Key(key.span().start), value.span(), Some(name)))
    }
}

/// The items of a list, but those an earlier pass found wrong.
struct SeqDe<'a, 'i> {
    items: std::slice::Iter<'a, Spanned<DeValue<'i>>>,
    pass: &'a Pass<'a>,
    path: Option<&'a Link<'a>>,
}

impl<'de> de::SeqAccess<'de> for SeqDe<'_, '_> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        let pass = self.pass;
        let Some(item) = self
            .items
            .by_ref()
            .find(|item| !pass.skip.contains(&Entry::Item(item.span().start)))
        else {
            return Ok(None);
        };
        seed.deserialize(ValueDe {
            value: item,
            pass: self.pass,
            path: self.path,
        })
        .map(Some)
        .map_err(|e| e.within(Entry::Item(item.span().start), item.span(), None))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// One value, under its field.
struct ValueDe<'a, 'i> {
    value: &'a Spanned<DeValue<'i>>,
    pass: &'a Pass<'a>,
    path: Option<&'a Link<'a>>,
}

impl ValueDe<'_, '_> {
    fn wrong(&self, expected: Expected) -> Error {
        Error::new(Kind::WrongType {
            expected,
            found: Found::of(self.value.get_ref()),
        })
    }

    /// The integer written, or what is wrong with it (a `Kind`: errors are built by callers).
    fn integer(&self, expected: Expected) -> Result<i128, Kind> {
        match self.value.get_ref() {
            DeValue::Integer(i) => i128::from_str_radix(i.as_str(), i.radix())
                .map_err(|_| Kind::OutOfRange { expected }),
            value => Err(Kind::WrongType {
                expected,
                found: Found::of(value),
            }),
        }
    }

    fn signed(&self, min: i64, max: i64) -> Result<i64, Kind> {
        let n = self.integer(Expected::Integer)?;
        i64::try_from(n)
            .ok()
            .filter(|n| (min..=max).contains(n))
            .ok_or(Kind::OutOfRange {
                expected: Expected::Integer,
            })
    }

    fn unsigned(&self, max: u64) -> Result<u64, Kind> {
        let n = self.integer(Expected::PositiveInteger)?;
        u64::try_from(n)
            .ok()
            .filter(|n| *n <= max)
            .ok_or(Kind::OutOfRange {
                expected: Expected::PositiveInteger,
            })
    }

    fn table(&self) -> Option<TableDe<'_, '_>> {
        match self.value.get_ref() {
            DeValue::Table(table) => Some(TableDe {
                table,
                span: Some(self.value.span()),
                pass: self.pass,
                path: self.path,
            }),
            _ => None,
        }
    }
}

macro_rules! signed {
    ($($method:ident $ty:ident),*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            visitor.visit_i64(self.signed($ty::MIN.into(), $ty::MAX.into()).map_err(Error::new)?)
        }
    )*};
}

macro_rules! unsigned {
    ($($method:ident $ty:ident),*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            visitor.visit_u64(self.unsigned($ty::MAX.into()).map_err(Error::new)?)
        }
    )*};
}

impl<'de> de::Deserializer<'de> for ValueDe<'_, '_> {
    type Error = Error;

    /// For what takes any value (the model's `Date`): a date comes as its text, `2021-03-12`.
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value.get_ref() {
            DeValue::String(s) => visitor.visit_str(s),
            DeValue::Integer(_) => match self.integer(Expected::Integer) {
                Ok(n) if n < 0 => {
                    visitor.visit_i64(self.signed(i64::MIN, i64::MAX).map_err(Error::new)?)
                }
                Ok(_) => visitor.visit_u64(self.unsigned(u64::MAX).map_err(Error::new)?),
                Err(kind) => Err(Error::new(kind)),
            },
            DeValue::Float(f) => match f.as_str().parse() {
                Ok(f) => visitor.visit_f64(f),
                Err(_) => Err(Error::new(Kind::OutOfRange {
                    expected: Expected::Float,
                })),
            },
            DeValue::Boolean(b) => visitor.visit_bool(*b),
            DeValue::Datetime(d) => visitor.visit_str(&d.to_string()),
            DeValue::Array(_) => self.deserialize_seq(visitor),
            DeValue::Table(_) => self.deserialize_map(visitor),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value.get_ref() {
            DeValue::Boolean(b) => visitor.visit_bool(*b),
            _ => Err(self.wrong(Expected::Bool)),
        }
    }

    signed!(deserialize_i8 i8, deserialize_i16 i16, deserialize_i32 i32, deserialize_i64 i64);
    unsigned!(deserialize_u8 u8, deserialize_u16 u16, deserialize_u32 u32, deserialize_u64 u64);

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value.get_ref() {
            DeValue::Float(_) => self.deserialize_any(visitor),
            _ => Err(self.wrong(Expected::Float)),
        }
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_f64(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value.get_ref() {
            DeValue::String(s) => visitor.visit_str(s),
            _ => Err(self.wrong(Expected::Text)),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        // A TOML value is never empty: present is `Some`, and absent is handled by serde.
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value.get_ref() {
            DeValue::Array(items) => visitor.visit_seq(SeqDe {
                items: items.iter(),
                pass: self.pass,
                path: self.path,
            }),
            _ => Err(self.wrong(Expected::List)),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.table() {
            Some(table) => table.deserialize_any(visitor),
            None => Err(self.wrong(Expected::Table)),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.table() {
            Some(table) => table.deserialize_struct(name, fields, visitor),
            None => Err(self.wrong(Expected::Table)),
        }
    }

    /// Enums of the model are words: `kind = "appel"`.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.value.get_ref() {
            DeValue::String(s) => visitor.visit_enum(s.as_ref().into_deserializer()),
            _ => Err(self.wrong(Expected::OneOf(variants))),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        i128 u128 bytes byte_buf unit unit_struct
    }
}
