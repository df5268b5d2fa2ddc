//! Native side: parse and validate the rules file (`content/data/assistant.toml`).

mod check;
mod compile;
mod read;

use crate::facts::Facts;
use crate::Rules;
use toml::de::DeTable;

/// A problem in the rules file, 1-based, in plain French.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RuleError {
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub hint: Option<String>,
}

impl std::fmt::Display for RuleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, " ({hint})")?;
        }
        Ok(())
    }
}

impl Rules {
    /// Parses and validates the rules against what the site knows. Every
    /// problem found is returned, sorted by position.
    pub fn parse(source: &str, facts: &Facts) -> Result<Rules, Vec<RuleError>> {
        let mut ctx = read::Ctx::new(source);
        let (root, syntax) = DeTable::parse_recoverable(source);
        for error in syntax {
            let span = error.span().unwrap_or(0..0);
            ctx.error(
                &span,
                format!("TOML mal formé : {}", error.message().trim()),
                Some("vérifiez guillemets, crochets et signes = sur cette ligne".into()),
            );
        }
        if !ctx.errors.is_empty() {
            return Err(sorted(ctx.errors));
        }
        let span = root.span();
        let (model, spans) = compile::compile(&mut ctx, root.get_ref(), span, facts);
        // Path checks only make sense once every id resolves.
        if ctx.errors.is_empty() {
            check::check(&mut ctx, &model, &spans);
        }
        if ctx.errors.is_empty() {
            Ok(Rules { model })
        } else {
            Err(sorted(ctx.errors))
        }
    }
}

fn sorted(mut errors: Vec<RuleError>) -> Vec<RuleError> {
    errors.sort_by_key(|e| (e.line, e.column));
    errors.dedup();
    errors
}
