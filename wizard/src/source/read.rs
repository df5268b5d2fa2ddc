//! Small helpers to read a spanned TOML tree by hand, so that every problem
//! is reported (not only the first, as serde would) at file:line:column, in
//! French, with a hint.

use super::RuleError;
use std::ops::Range;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

pub type Table<'i> = DeTable<'i>;
pub type Value<'i> = DeValue<'i>;

/// Collects errors and turns byte offsets into line:column.
pub struct Ctx<'s> {
    source: &'s str,
    line_starts: Vec<usize>,
    pub errors: Vec<RuleError>,
}

impl<'s> Ctx<'s> {
    pub fn new(source: &'s str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(source.match_indices('\n').map(|(i, _)| i + 1));
        Ctx {
            source,
            line_starts,
            errors: Vec::new(),
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.source.len());
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let column = self
            .source
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count());
        (line + 1, column + 1)
    }

    pub fn error(&mut self, span: &Range<usize>, message: String, hint: Option<String>) {
        let (line, column) = self.position(span.start);
        self.errors.push(RuleError {
            line,
            column,
            message,
            hint,
        });
    }
}

/// « « a », « b » et « c » », for hints.
pub fn quoted_list<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    let items: Vec<String> = items.into_iter().map(|s| format!("« {s} »")).collect();
    match items.len() {
        0 => String::from("(aucune)"),
        1 => items[0].clone(),
        n => format!("{} et {}", items[..n - 1].join(", "), items[n - 1]),
    }
}

/// The closest candidate, if close enough to be a typo.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (distance(word, c), c))
        .filter(|(d, c)| *d <= 2.max(c.chars().count() / 3))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// A hint naming the likely intended value, then every possible one.
pub fn hint_for(word: &str, kind: &str, candidates: &[&str]) -> String {
    match closest(word, candidates.iter().copied()) {
        Some(best) => format!(
            "vouliez-vous dire « {best} » ? {kind} possibles : {}",
            quoted_list(candidates.iter().copied())
        ),
        None => format!(
            "{kind} possibles : {}",
            quoted_list(candidates.iter().copied())
        ),
    }
}

fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let current = row[j + 1];
            row[j + 1] = (previous + usize::from(ca != *cb))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            previous = current;
        }
    }
    row[b.len()]
}

fn type_name(value: &Value<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "un texte",
        DeValue::Integer(_) => "un nombre entier",
        DeValue::Float(_) => "un nombre décimal",
        DeValue::Boolean(_) => "un booléen",
        DeValue::Datetime(_) => "une date",
        DeValue::Array(_) => "une liste",
        DeValue::Table(_) => "une table",
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
                    Some(hint_for(name, "champs", allowed)),
                );
            }
        }
        Fields { table, span, what }
    }

    pub fn get(&self, key: &str) -> Option<&'t Spanned<Value<'i>>> {
        self.table.get(key)
    }

    fn wrong_type(&self, ctx: &mut Ctx<'_>, key: &str, value: &Spanned<Value<'_>>, expected: &str) {
        ctx.error(
            &value.span(),
            format!(
                "le champ « {key} » de {} doit être {expected}, pas {}",
                self.what,
                type_name(value.get_ref())
            ),
            None,
        );
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
                self.wrong_type(ctx, key, value, "un texte entre guillemets");
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
                self.wrong_type(ctx, key, value, "true ou false");
                false
            }
        }
    }

    pub fn opt_u64(&self, ctx: &mut Ctx<'_>, key: &str) -> Option<(u64, Range<usize>)> {
        let value = self.get(key)?;
        let parsed = match value.get_ref() {
            DeValue::Integer(i) => {
                u64::from_str_radix(&i.as_str().replace('_', ""), i.radix()).ok()
            }
            _ => None,
        };
        if parsed.is_none() {
            self.wrong_type(
                ctx,
                key,
                value,
                "un nombre entier positif (euros, sans espace)",
            );
        }
        parsed.map(|n| (n, value.span()))
    }

    pub fn str_list(&self, ctx: &mut Ctx<'_>, key: &str) -> Vec<(String, Range<usize>)> {
        let Some(value) = self.get(key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong_type(ctx, key, value, "une liste de textes [\"…\", \"…\"]");
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items.iter() {
            match item.get_ref() {
                DeValue::String(s) => out.push((s.trim().to_string(), item.span())),
                _ => self.wrong_type(ctx, key, item, "une liste de textes"),
            }
        }
        out
    }

    pub fn u64_list(&self, ctx: &mut Ctx<'_>, key: &str) -> Vec<(u64, Range<usize>)> {
        let Some(value) = self.get(key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong_type(ctx, key, value, "une liste de montants [40000, 90000]");
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items.iter() {
            match item.get_ref() {
                DeValue::Integer(i) => {
                    match u64::from_str_radix(&i.as_str().replace('_', ""), i.radix()) {
                        Ok(n) => out.push((n, item.span())),
                        Err(_) => self.wrong_type(ctx, key, item, "une liste de montants positifs"),
                    }
                }
                _ => self.wrong_type(ctx, key, item, "une liste de montants"),
            }
        }
        out
    }

    /// A sub-table (`when = { … }` or `[purchase]`).
    pub fn opt_table(&self, ctx: &mut Ctx<'_>, key: &str) -> Option<(&'t Table<'i>, Range<usize>)> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::Table(t) => Some((t, value.span())),
            _ => {
                self.wrong_type(ctx, key, value, "une table { … }");
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
            self.wrong_type(ctx, key, value, &format!("une suite de blocs [[{key}]]"));
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items.iter() {
            match item.get_ref() {
                DeValue::Table(t) => out.push((t, item.span())),
                _ => self.wrong_type(ctx, key, item, &format!("un bloc [[{key}]]")),
            }
        }
        out
    }
}
