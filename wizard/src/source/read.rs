//! Small helpers to read a spanned TOML tree by hand, so that every problem
//! is reported at file:line:column, in French, with a hint. Line numbers,
//! "did you mean", quoting and the words of a wrong value are the site's
//! reader's (`reader`), so a mistake reads the same in every file.

use super::RuleError;
use reader::message::{out_of_range, wrong_type};
use reader::words::{did_you_mean, quoted_list, suggestion, unknown_field_hint};
use reader::{Expected, Found, Message};
use std::ops::Range;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

pub type Table<'i> = DeTable<'i>;
pub type Value<'i> = DeValue<'i>;

/// Collects errors and turns byte offsets into line:column.
pub struct Ctx<'s> {
    source: &'s str,
    pub errors: Vec<RuleError>,
}

impl<'s> Ctx<'s> {
    pub fn new(source: &'s str) -> Self {
        Ctx {
            source,
            errors: Vec::new(),
        }
    }

    pub fn error(&mut self, span: &Range<usize>, message: String, hint: Option<String>) {
        let (line, column) = reader::line_column(self.source, span.start);
        self.errors.push(RuleError {
            line,
            column,
            message,
            hint,
        });
    }

    fn report(&mut self, span: &Range<usize>, m: Message) {
        self.error(span, m.text, m.hint);
    }

    /// The text of a value as written, for the corrected line of a hint.
    fn written(&self, span: &Range<usize>) -> &'s str {
        self.source.get(span.clone()).unwrap_or("")
    }
}

/// A hint naming the likely intended value, then every possible one.
pub fn hint_for(word: &str, kind: &str, candidates: &[&str]) -> String {
    suggestion(
        did_you_mean(word, candidates.iter().copied()),
        &format!("{kind} possibles"),
        &quoted_list(candidates.iter().copied()),
    )
}

/// « du levier », « de la règle »: what follows a field's name in a message.
fn of(what: &str) -> String {
    match what.strip_prefix("le ") {
        Some(rest) => format!(" du {rest}"),
        None => format!(" de {what}"),
    }
}

/// A table being read: remembers its span and reports unknown keys.
pub struct Fields<'t, 'i> {
    pub table: &'t Table<'i>,
    pub span: Range<usize>,
    /// e.g. « la question » — used in messages.
    pub what: &'static str,
}

impl<'t, 'i> Fields<'t, 'i> {
    pub fn new(
        ctx: &mut Ctx<'_>,
        table: &'t Table<'i>,
        span: Range<usize>,
        what: &'static str,
        allowed: &[&str],
    ) -> Self {
        for (key, _) in table.iter() {
            let name: &str = key.get_ref();
            if !allowed.contains(&name) {
                ctx.error(
                    &key.span(),
                    format!("champ inconnu « {name} » dans {what}"),
                    Some(unknown_field_hint(name, allowed, &|_| None)),
                );
            }
        }
        Fields { table, span, what }
    }

    pub fn get(&self, key: &str) -> Option<&'t Spanned<Value<'i>>> {
        self.table.get(key)
    }

    fn wrong_type(
        &self,
        ctx: &mut Ctx<'_>,
        key: &str,
        value: &Spanned<Value<'_>>,
        expected: Expected,
    ) {
        let found = Found::of(value.get_ref());
        let m = wrong_type(
            Some(key),
            &of(self.what),
            &expected,
            found,
            ctx.written(&value.span()),
        );
        ctx.report(&value.span(), m);
    }

    /// A positive integer, or the error it deserves.
    fn positive(&self, ctx: &mut Ctx<'_>, key: &str, value: &Spanned<Value<'_>>) -> Option<u64> {
        let DeValue::Integer(i) = value.get_ref() else {
            self.wrong_type(ctx, key, value, Expected::PositiveInteger);
            return None;
        };
        let n = u64::from_str_radix(i.as_str(), i.radix()).ok();
        if n.is_none() {
            let m = out_of_range(Some(key), &of(self.what), &Expected::PositiveInteger);
            ctx.report(&value.span(), m);
        }
        n
    }

    fn missing(&self, ctx: &mut Ctx<'_>, key: &str) {
        ctx.error(
            &self.span,
            format!("champ obligatoire « {key} » manquant dans {}", self.what),
            None,
        );
    }

    pub fn opt_str(&self, ctx: &mut Ctx<'_>, key: &str) -> Option<(String, Range<usize>)> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::String(s) if s.trim().is_empty() => {
                ctx.error(&value.span(), format!("le champ « {key} » est vide"), None);
                None
            }
            DeValue::String(s) => Some((s.trim().to_string(), value.span())),
            _ => {
                self.wrong_type(ctx, key, value, Expected::Text);
                None
            }
        }
    }

    pub fn req_str(&self, ctx: &mut Ctx<'_>, key: &str) -> Option<(String, Range<usize>)> {
        if self.get(key).is_none() {
            self.missing(ctx, key);
            return None;
        }
        self.opt_str(ctx, key)
    }

    pub fn opt_bool(&self, ctx: &mut Ctx<'_>, key: &str) -> bool {
        let Some(value) = self.get(key) else {
            return false;
        };
        match value.get_ref() {
            DeValue::Boolean(b) => *b,
            _ => {
                self.wrong_type(ctx, key, value, Expected::Bool);
                false
            }
        }
    }

    pub fn opt_u64(&self, ctx: &mut Ctx<'_>, key: &str) -> Option<(u64, Range<usize>)> {
        let value = self.get(key)?;
        self.positive(ctx, key, value).map(|n| (n, value.span()))
    }

    pub fn str_list(&self, ctx: &mut Ctx<'_>, key: &str) -> Vec<(String, Range<usize>)> {
        let Some(value) = self.get(key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong_type(ctx, key, value, Expected::List);
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items.iter() {
            match item.get_ref() {
                DeValue::String(s) => out.push((s.trim().to_string(), item.span())),
                _ => self.wrong_type(ctx, key, item, Expected::Text),
            }
        }
        out
    }

    pub fn u64_list(&self, ctx: &mut Ctx<'_>, key: &str) -> Vec<(u64, Range<usize>)> {
        let Some(value) = self.get(key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong_type(ctx, key, value, Expected::List);
            return Vec::new();
        };
        items
            .iter()
            .filter_map(|item| self.positive(ctx, key, item).map(|n| (n, item.span())))
            .collect()
    }

    /// A sub-table (`when = { … }` or `[purchase]`).
    pub fn opt_table(&self, ctx: &mut Ctx<'_>, key: &str) -> Option<(&'t Table<'i>, Range<usize>)> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::Table(t) => Some((t, value.span())),
            _ => {
                self.wrong_type(ctx, key, value, Expected::Table);
                None
            }
        }
    }

    /// An array of tables (`[[questions]]`).
    pub fn tables(&self, ctx: &mut Ctx<'_>, key: &str) -> Vec<(&'t Table<'i>, Range<usize>)> {
        let Some(value) = self.get(key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong_type(ctx, key, value, Expected::Blocks(key.to_owned()));
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items.iter() {
            match item.get_ref() {
                DeValue::Table(t) => out.push((t, item.span())),
                _ => self.wrong_type(ctx, key, item, Expected::Table),
            }
        }
        out
    }
}
