//! The fields a model type accepts, and those of its nested tables, read from the serde
//! structs themselves so that the model stays the one source of truth.
//!
//! A probe deserializer walks down one path of fields and records the field list of the struct
//! it ends on; serde's derived code gives nothing else away, so each nested table costs one
//! probe. Only errors need this: an unknown field to place, a misspelt name in a syntax error.

use crate::error::Placement;
use serde::de::{self, DeserializeOwned, DeserializeSeed, IntoDeserializer, Visitor};
use std::cell::Cell;

/// Tables nest no deeper than this in the model; the bound keeps a recursive type finite.
const MAX_DEPTH: usize = 4;

/// The fields a table accepts, and the schemas of its fields that are tables themselves (or
/// lists of tables).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schema {
    fields: &'static [&'static str],
    nested: Vec<(&'static str, Schema)>,
}

impl Schema {
    pub fn of<T: DeserializeOwned>() -> Schema {
        explore::<T>(&mut Vec::new()).unwrap_or(Schema {
            fields: &[],
            nested: Vec::new(),
        })
    }

    pub fn fields(&self) -> &'static [&'static str] {
        self.fields
    }

    fn at(&self, path: &[&str]) -> Option<&Schema> {
        match path.split_first() {
            None => Some(self),
            Some((first, rest)) => self
                .nested
                .iter()
                .find(|(name, _)| name == first)
                .and_then(|(_, s)| s.at(rest)),
        }
    }

    /// Where an unknown `name` of the table at `path` most likely belongs.
    pub(crate) fn placement(&self, path: &[&'static str], name: &str) -> Placement {
        // `regions` written after `[[sources]]` lands in the source, not in the page.
        if let Some((block, up)) = path.split_last() {
            if self.at(up).is_some_and(|s| s.fields.contains(&name)) {
                return Placement::InBlock(block);
            }
        }
        // `acronym` at the top of glossaire.toml: the `[[terms]]` line is missing.
        if let Some((block, _)) = self
            .at(path)
            .and_then(|s| s.nested.iter().find(|(_, n)| n.fields.contains(&name)))
        {
            return Placement::OutsideBlock(block);
        }
        Placement::Stray
    }
}

fn explore<T: DeserializeOwned>(path: &mut Vec<&'static str>) -> Option<Schema> {
    let found = Cell::new(None);
    let _ = T::deserialize(Probe {
        path,
        found: &found,
    });
    let fields: &'static [&'static str] = found.get()?;
    let mut nested = Vec::new();
    if path.len() < MAX_DEPTH {
        for field in fields {
            path.push(field);
            if let Some(schema) = explore::<T>(path) {
                nested.push((*field, schema));
            }
            path.pop();
        }
    }
    Some(Schema { fields, nested })
}

type Stop = de::value::Error;

fn stop() -> Stop {
    de::Error::custom("sonde")
}

/// Follows `path` down the model and records the fields of the struct it ends on.
struct Probe<'p> {
    path: &'p [&'static str],
    found: &'p Cell<Option<&'static [&'static str]>>,
}

impl<'de> de::Deserializer<'de> for Probe<'_> {
    type Error = Stop;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
        Err(stop())
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Stop> {
        match self.path.split_first() {
            None => {
                self.found.set(Some(fields));
                Err(stop())
            }
            Some((key, rest)) => visitor.visit_map(ProbeMap {
                key: Some(key),
                value: Probe {
                    path: rest,
                    found: self.found,
                },
            }),
        }
    }

    /// A list of tables: its first item.
    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        visitor.visit_seq(ProbeSeq(Some(self)))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Stop> {
        visitor.visit_newtype_struct(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct tuple tuple_struct map enum identifier ignored_any
    }
}

/// A table with the one field the probe follows.
struct ProbeMap<'p> {
    key: Option<&'static str>,
    value: Probe<'p>,
}

impl<'de, 'p> de::MapAccess<'de> for ProbeMap<'p> {
    type Error = Stop;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Stop> {
        self.key
            .take()
            .map(|k| seed.deserialize(k.into_deserializer()))
            .transpose()
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Stop> {
        seed.deserialize(Probe {
            path: self.value.path,
            found: self.value.found,
        })
    }
}

struct ProbeSeq<'p>(Option<Probe<'p>>);

impl<'de> de::SeqAccess<'de> for ProbeSeq<'_> {
    type Error = Stop;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Stop> {
        self.0.take().map(|p| seed.deserialize(p)).transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[allow(dead_code)]
    #[derive(Deserialize)]
    struct Source {
        document: String,
    }

    #[allow(dead_code)]
    #[derive(Deserialize)]
    struct Page {
        title: String,
        #[serde(default)]
        sources: Vec<Source>,
        source: Option<Source>,
        weight: Option<i64>,
    }

    #[test]
    fn nested_tables_are_found_through_lists_and_options() {
        let schema = Schema::of::<Page>();
        assert_eq!(schema.fields(), &["title", "sources", "source", "weight"]);
        assert_eq!(schema.at(&["sources"]).unwrap().fields(), &["document"]);
        assert_eq!(schema.at(&["source"]).unwrap().fields(), &["document"]);
        assert!(schema.at(&["weight"]).is_none());
        assert_eq!(
            schema.placement(&["sources"], "weight"),
            Placement::InBlock("sources")
        );
        assert_eq!(
            schema.placement(&[], "document"),
            Placement::OutsideBlock("sources")
        );
        assert_eq!(schema.placement(&[], "titel"), Placement::Stray);
    }
}
