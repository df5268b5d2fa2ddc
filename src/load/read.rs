//! Typed TOML for the site: front matter, data files and `portail.toml`, through the shared
//! `reader` crate, with every error placed at file:line:column.
//!
//! What is the site's own lives here: TOML syntax explained by re-reading the text
//! (`toml_fr`), the French words editors use for field names, and the fix for a date written
//! in another format.

use crate::diagnostic::Diagnostic;
use reader::{Kind, Message, Schema};
use serde::de::DeserializeOwned;
use toml::de::DeTable;
use toml::Spanned;

/// Where a piece of TOML sits in its file, for diagnostics.
pub struct Located<'a> {
    pub display: &'a str,
    pub file_text: &'a str,
    /// Byte offset of the TOML text inside `file_text` (non-zero for front matter).
    pub base: usize,
    /// Where to point when the error concerns the whole table (a missing field).
    pub whole: usize,
}

/// Parses `toml_text` into `T`: every error of the text, or `T`.
pub fn parse_typed<T: DeserializeOwned>(
    toml_text: &str,
    at: &Located<'_>,
) -> Result<T, Vec<Diagnostic>> {
    let (toml_text, at) = without_bom(toml_text, at);
    let table = parse(toml_text, &at, &|| Schema::of::<T>().fields()).map_err(|d| vec![d])?;
    reader::read(table.get_ref()).map_err(|errors| {
        errors
            .iter()
            .map(|e| {
                let m =
                    date_fix(e, toml_text).unwrap_or_else(|| e.message(toml_text, &french_name));
                diagnostic(&at, e.span.as_ref().map(|s| s.start), m)
            })
            .collect()
    })
}

/// Checks the syntax of a file whose content another reader checks (the wizard's rules), so
/// that its syntax errors are explained as in every other file.
pub fn check_syntax(toml_text: &str, at: &Located<'_>) -> Result<(), Diagnostic> {
    let (toml_text, at) = without_bom(toml_text, at);
    parse(toml_text, &at, &|| &[]).map(|_| ())
}

/// A byte-order mark, as some Windows editors write, is not part of the TOML.
fn without_bom<'t, 'a>(toml_text: &'t str, at: &Located<'a>) -> (&'t str, Located<'a>) {
    let bom = if toml_text.starts_with('\u{feff}') {
        3
    } else {
        0
    };
    let at = Located {
        base: at.base + bom,
        ..*at
    };
    (&toml_text[bom..], at)
}

/// The TOML tree, or its syntax error explained (`toml_fr`); `fields` are those the file
/// accepts at the top, for a misspelt name.
fn parse<'t>(
    toml_text: &'t str,
    at: &Located<'_>,
    fields: &dyn Fn() -> &'static [&'static str],
) -> Result<Spanned<DeTable<'t>>, Diagnostic> {
    DeTable::parse(toml_text).map_err(|e| {
        let first_line = reader::line_column(at.file_text, at.base).0;
        let fields = fields();
        let guess =
            |name: &str| reader::words::guess(name, fields, &french_name).map(str::to_owned);
        let m = super::toml_fr::diagnose(toml_text, first_line, e.span(), e.message(), &guess);
        let at_mistake = Some(m.at);
        let m = Message {
            text: m.message,
            hint: Some(m.hint),
        };
        diagnostic(at, at_mistake, m)
    })
}

/// `m` at byte `offset` of the TOML text, or where the whole table is pointed at.
fn diagnostic(at: &Located<'_>, offset: Option<usize>, m: Message) -> Diagnostic {
    let offset = offset.map_or(at.whole, |o| at.base + o);
    let d = Diagnostic::new(at.display, m.text).at(at.file_text, offset);
    match m.hint {
        Some(h) => d.hint(h),
        None => d,
    }
}

/// A date the model refuses but recognisably written another way (`"20 novembre 2026"`): the
/// value to write instead.
fn date_fix(e: &reader::Error, toml_text: &str) -> Option<Message> {
    let Kind::Refused(_) = e.kind else {
        return None;
    };
    let written = toml_text.get(e.span.clone()?)?.trim_matches(['"', '\'']);
    let iso = super::toml_fr::suggest_date(written).filter(|_| written.len() < 100)?;
    let field = e.field.as_deref()?;
    Some(Message {
        text: format!("champ « {field} » : date « {written} » écrite dans un format que portail ne lit pas"),
        hint: Some(format!(
            "une date s'écrit année-mois-jour avec des tirets ; sans guillemets pour un jour précis ; corrigez ainsi :\n         {field} = {iso}"
        )),
    })
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
        #[serde(default)]
        date: Option<crate::date::Date>,
    }

    fn run(text: &str) -> Result<Doc, Vec<Diagnostic>> {
        parse_typed(
            text,
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
        let doc = run("title = \"a\"\ndate = 2021-03-12\n[[items]]\nname = \"b\"\n").unwrap();
        assert_eq!(
            (doc.title.as_str(), doc.items[0].name.as_str(), doc.count),
            ("a", "b", 0)
        );
        assert_eq!(
            doc.date.map(|d| d.to_string()).as_deref(),
            Some("2021-03-12")
        );
    }

    #[test]
    fn every_unknown_field_is_reported_with_suggestion() {
        let errs = run("titel = \"a\"\n[[items]]\nnmae = \"b\"\n").unwrap_err();
        assert_eq!(errs.len(), 2);
        assert_eq!((errs[0].line, errs[0].column), (1, 1));
        assert!(errs[0].hint.as_deref().unwrap().contains("« title »"));
        assert_eq!(errs[1].line, 3);
        assert!(errs[1].hint.as_deref().unwrap().contains("« name »"));
        // A French word stands for its field.
        let errs = run("titre = \"a\"\n").unwrap_err();
        assert!(errs[0].hint.as_deref().unwrap().contains("« title »"));
    }

    #[test]
    fn type_and_missing_errors_are_french_and_placed() {
        let errs = run("title = \"a\"\ncount = \"trois\"\n").unwrap_err();
        assert_eq!(errs[0].line, 2);
        assert_eq!(
            errs[0].message,
            "champ « count » : il faut un nombre entier positif, pas un texte"
        );
        let errs = run("count = 3\n").unwrap_err();
        assert_eq!(errs[0].message, "champ obligatoire « title » absent");
    }

    /// Three wrong values, three diagnostics, each at its own line.
    #[test]
    fn several_type_errors_are_all_reported_at_their_fields() {
        let text = "title = 1\ncount = \"trois\"\ndate = true\n[[items]]\nname = 2\n";
        let errs = run(text).unwrap_err();
        let got: Vec<(usize, usize, &str)> = errs
            .iter()
            .map(|e| (e.line, e.column, e.message.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (1, 9, "champ « title » : il faut un texte, pas un nombre entier"),
                (2, 9, "champ « count » : il faut un nombre entier positif, pas un texte"),
                (
                    3,
                    8,
                    "champ « date » : il faut une date (AAAA-MM-JJ, AAAA-MM ou AAAA), pas true ou false"
                ),
                (5, 8, "champ « name » : il faut un texte, pas un nombre entier"),
            ]
        );
    }

    #[test]
    fn dates_written_another_way_get_their_fix() {
        let errs = run("title = \"a\"\ndate = \"12/03/2021\"\n").unwrap_err();
        assert_eq!(
            errs[0].message,
            "champ « date » : date « 12/03/2021 » écrite dans un format que portail ne lit pas"
        );
        assert!(errs[0]
            .hint
            .as_deref()
            .unwrap()
            .ends_with("date = 2021-03-12"));
        let errs = run("title = \"a\"\ndate = \"2021-02-30\"\n").unwrap_err();
        assert_eq!(
            errs[0].message,
            "champ « date » : date impossible « 2021-02-30 » : ce jour n'existe pas"
        );
    }

    #[test]
    fn syntax_errors_point_at_the_line() {
        let errs = run("title = \"a\"\ncount = = 3\n").unwrap_err();
        assert_eq!(errs[0].line, 2);
        assert_eq!(errs[0].message, "signe « = » écrit deux fois");
    }
}
