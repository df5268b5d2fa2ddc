//! TOML syntax mistakes explained in French, with the corrected line.
//!
//! The TOML parser says where it stopped, in English, and often one line too late (a text left
//! open on line 2 fails on line 3). Editors need the mistake they made and its fix, so when the
//! parser fails this module reads the source text itself, line by line, the way the parser does,
//! and names the first mistake it recognises: a date written `20/11/2026`, curly quotes pasted
//! from a word processor, `titre: "x"`, list items without quotes, an apostrophe inside single
//! quotes… Only when it recognises nothing does it fall back on the parser's position, with a
//! French message chosen in [`parser_message_fr`] — the one place that reads the parser's text.
//!
//! The mistake table of `docs/guide-redacteur.md` lists what is recognised.

use std::ops::Range;

/// A mistake found in TOML text: where (byte offset in the TOML text), what, and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mistake {
    pub at: usize,
    pub message: String,
    pub hint: String,
}

/// Longest corrected line shown, and longest text quoted between « » in a message.
const MAX_FIX: usize = 200;
const MAX_QUOTE: usize = 60;

/// Shortens every « … » quotation longer than [`MAX_QUOTE`] characters, so that a value of
/// several megabytes never makes a message of several megabytes.
fn clip_quotes(s: &str) -> String {
    let mut out = String::with_capacity(s.len().min(1024));
    let mut rest = s;
    while let Some(open) = rest.find("« ") {
        out.push_str(&rest[..open + "« ".len()]);
        rest = &rest[open + "« ".len()..];
        let close = rest.find('»').unwrap_or(rest.len());
        let quoted = &rest[..close];
        if quoted.chars().count() > MAX_QUOTE {
            out.extend(quoted.chars().take(MAX_QUOTE - 1));
            out.push('…');
        } else {
            out.push_str(quoted);
        }
        rest = &rest[close..];
    }
    out.push_str(rest);
    out
}

/// Indentation of the corrected line under `  aide : `.
const FIX_INDENT: &str = "\n         ";

/// The French explanation of a TOML syntax error the parser reported at `span` with `raw`;
/// `first_line` is the line number of the TOML text's first line in its file, `guess` names
/// the accepted field a misspelt one stands for (`résumé` → `description`).
pub fn diagnose(
    text: &str,
    first_line: usize,
    span: Option<Range<usize>>,
    raw: &str,
    guess: &dyn Fn(&str) -> Option<String>,
) -> Mistake {
    let parser_at = span.map_or(0, |s| s.start).min(text.len());
    let parser_line_end = text[parser_at..]
        .find('\n')
        .map_or(text.len(), |i| parser_at + i);
    if let Err(m) = Scanner::new(text, first_line, guess).document() {
        if m.at <= parser_line_end {
            return m;
        }
    }
    let (message, hint) = parser_message_fr(raw);
    Mistake {
        at: parser_at,
        message: message.to_owned(),
        hint: hint.to_owned(),
    }
}

/// The only reading of the parser's own (English) message: the few errors the scanner leaves
/// to the parser, in French. Anything else gets a general French message, never the English.
fn parser_message_fr(raw: &str) -> (&'static str, &'static str) {
    const TABLE: &[(&str, &str, &str)] = &[
        (
            "invalid date",
            "date impossible : ce jour ou ce mois n'existe pas",
            "une date s'écrit année-mois-jour, par exemple 2021-03-12",
        ),
        (
            "invalid time",
            "heure impossible",
            "écrivez seulement la date, année-mois-jour, par exemple 2021-03-12",
        ),
        (
            "duplicate key",
            "ce champ est écrit deux fois",
            "gardez une seule ligne pour ce champ",
        ),
        (
            "invalid table header",
            "ce bloc est écrit deux fois ou ne correspond pas aux champs au-dessus",
            "un bloc simple [nom] ne s'écrit qu'une fois ; pour une liste de blocs, écrivez [[nom]] à chaque entrée",
        ),
    ];
    TABLE
        .iter()
        .find(|(english, _, _)| raw.contains(english))
        .map(|(_, message, hint)| (*message, *hint))
        .unwrap_or((
            "écriture incorrecte à cet endroit",
            "chaque ligne s'écrit nom = valeur ; un texte entre guillemets droits \"…\", une liste entre crochets [\"a\", \"b\"], une date 2021-03-12",
        ))
}

/// What a value turned out to be, for the checks that follow it on the line.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    BasicString,
    LiteralString,
    Number,
    Other,
}

/// Where a value sits: the line is rewritten to show the fix.
#[derive(Clone, Copy)]
struct Ctx {
    /// Offset of the `[` of the list the value is an item of.
    list: Option<usize>,
}

const CURLY_OPEN: &[char] = &['“', '”', '„', '‟', '«', '»', '‘', '’', '‚', '‹', '›'];
const INVISIBLE_SPACES: &[char] = &['\u{a0}', '\u{202f}', '\u{2007}', '\u{200b}', '\u{2060}'];
use wizard::text::MONTHS;

struct Scanner<'a> {
    t: &'a str,
    pos: usize,
    /// Keys of the current table, with their offsets, to catch a field written twice.
    keys: std::collections::HashMap<String, usize>,
    /// Line number of the text's first line in its file.
    first_line: usize,
    /// The accepted field name an editor's word most likely stands for.
    guess: &'a dyn Fn(&str) -> Option<String>,
}

type Scan<T> = Result<T, Mistake>;

impl<'a> Scanner<'a> {
    fn new(t: &'a str, first_line: usize, guess: &'a dyn Fn(&str) -> Option<String>) -> Self {
        Scanner {
            t,
            pos: 0,
            keys: std::collections::HashMap::new(),
            first_line,
            guess,
        }
    }

    fn peek(&self) -> Option<char> {
        self.t[self.pos..].chars().next()
    }

    fn line_start(&self, at: usize) -> usize {
        self.t[..at].rfind('\n').map_or(0, |i| i + 1)
    }

    fn line_end(&self, at: usize) -> usize {
        self.t[at..].find('\n').map_or(self.t.len(), |i| at + i)
    }

    fn line_number(&self, at: usize) -> usize {
        self.t[..at].matches('\n').count() + self.first_line
    }

    /// The line holding `at`, with `range` replaced by `by`: the corrected line.
    fn fixed_line(&self, at: usize, range: Range<usize>, by: &str) -> String {
        let start = self.line_start(at);
        let end = self.line_end(at).max(range.end);
        let line = format!(
            "{}{by}{}",
            &self.t[start..range.start],
            &self.t[range.end..end]
        );
        line.trim().to_owned()
    }

    fn mistake(&self, at: usize, message: impl Into<String>, hint: impl Into<String>) -> Mistake {
        Mistake {
            at,
            message: clip_quotes(&message.into()),
            hint: clip_quotes(&hint.into()),
        }
    }

    /// A mistake whose hint ends with the corrected line.
    fn with_fix(
        &self,
        at: usize,
        message: impl Into<String>,
        hint: &str,
        range: Range<usize>,
        by: &str,
    ) -> Mistake {
        let fixed = self.fixed_line(at, range, by);
        let mistake = self.mistake(at, message, hint);
        if fixed.chars().count() > MAX_FIX {
            // A corrected line too long to read is left out; the hint says what to do.
            return mistake;
        }
        Mistake {
            hint: format!("{} ; corrigez ainsi :{FIX_INDENT}{fixed}", mistake.hint),
            ..mistake
        }
    }

    /// Spaces and tabs; a no-break or zero-width space (pasted from a word processor) is a
    /// mistake outside texts.
    fn spaces(&mut self) -> Scan<()> {
        while let Some(c) = self.peek() {
            if c == ' ' || c == '\t' {
                self.pos += 1;
            } else if INVISIBLE_SPACES.contains(&c) {
                return Err(self.mistake(
                    self.pos,
                    "espace spéciale (insécable ou invisible) en dehors d'un texte",
                    "elle vient souvent d'un copier-coller depuis un traitement de texte : effacez les espaces autour de cet endroit et retapez-les avec la barre d'espace",
                ));
            } else {
                break;
            }
        }
        Ok(())
    }

    /// Spaces, line breaks and comments, inside a list or a `{ … }` table.
    fn blank(&mut self) -> Scan<()> {
        loop {
            self.spaces()?;
            match self.peek() {
                Some('\n') | Some('\r') => self.pos += 1,
                Some('#') => self.pos = self.line_end(self.pos),
                _ => return Ok(()),
            }
        }
    }

    fn document(&mut self) -> Scan<()> {
        while self.pos < self.t.len() {
            if self.pos == 0 && self.t.starts_with('\u{feff}') {
                self.pos = 3;
            }
            self.spaces()?;
            match self.peek() {
                None => break,
                Some('\n') | Some('\r') => self.pos += 1,
                Some('#') => self.pos = self.line_end(self.pos),
                Some('[') => {
                    let start = self.pos;
                    self.header()?;
                    self.end_of_line(Kind::Other, start)?;
                }
                Some(_) => {
                    let (kind, start) = self.key_value()?;
                    self.end_of_line(kind, start)?;
                }
            }
        }
        Ok(())
    }

    /// After a value or a header: only spaces and a comment may follow on the line.
    fn end_of_line(&mut self, kind: Kind, value_start: usize) -> Scan<()> {
        self.spaces()?;
        match self.peek() {
            None | Some('\n') | Some('\r') | Some('#') => Ok(()),
            Some(_) => Err(self.after_value(kind, value_start)),
        }
    }

    fn header(&mut self) -> Scan<()> {
        let start = self.pos;
        let double = self.t[start..].starts_with("[[");
        let open = if double { 2 } else { 1 };
        let end = self.line_end(start);
        let close = if double { "]]" } else { "]" };
        let Some(i) = self.t[start + open..end].find(']') else {
            let name = self.t[start + open..end]
                .split('#')
                .next()
                .unwrap_or("")
                .trim();
            return Err(self.with_fix(
                start,
                "crochet fermant manquant",
                "un bloc s'écrit entre crochets sur sa propre ligne",
                start..end,
                &format!("{}{name}{close}", &self.t[start..start + open]),
            ));
        };
        let name_end = start + open + i;
        let name = self.t[start + open..name_end].trim();
        if double && !self.t[name_end..].starts_with("]]") {
            return Err(self.with_fix(
                start,
                "bloc ouvert par [[ mais fermé par ]",
                "écrivez deux crochets de chaque côté",
                start..name_end + 1,
                &format!("[[{name}]]"),
            ));
        }
        self.pos = name_end + close.len();
        self.keys.clear();
        Ok(())
    }

    /// `key = value`; returns what the value was, and where it starts.
    fn key_value(&mut self) -> Scan<(Kind, usize)> {
        let start = self.pos;
        let key = self.key()?;
        self.spaces()?;
        let after_key = self.pos;
        match self.peek() {
            Some('=') => self.pos += 1,
            Some(':') => {
                let value = self.t[after_key + 1..self.line_end(after_key)].trim();
                return Err(self.with_fix(
                    after_key,
                    "deux-points « : » au lieu du signe « = »",
                    "en TOML, un champ s'écrit nom = valeur (l'habitude YAML « nom: valeur » ne marche pas)",
                    start..self.line_end(after_key),
                    &format!("{key} = {value}"),
                ));
            }
            _ => {
                let end = self.line_end(start);
                let line = self.t[start..end].trim_end();
                if let Some(eq) = line.find('=') {
                    let words = line[..eq].trim();
                    let joined = words.split_whitespace().collect::<Vec<_>>().join("_");
                    let name = (self.guess)(&joined).unwrap_or(joined);
                    return Err(self.with_fix(
                        start,
                        format!("nom de champ en plusieurs mots « {words} »"),
                        "les noms de champs s'écrivent d'un seul mot, comme dans le modèle de la page",
                        start..start + eq,
                        &format!("{name} "),
                    ));
                }
                let rest = self.t[after_key..end].trim();
                if rest.is_empty() {
                    return Err(self.mistake(
                        start,
                        format!("ligne « {} » sans signe « = »", line.trim()),
                        "chaque ligne de l'en-tête s'écrit nom = valeur ; si c'est la suite d'un texte de la ligne précédente, écrivez tout le texte sur une seule ligne, ou entre trois guillemets \"\"\"…\"\"\" pour garder les retours à la ligne",
                    ));
                }
                return Err(self.with_fix(
                    after_key,
                    "signe « = » manquant entre le nom du champ et sa valeur",
                    "un champ s'écrit nom = valeur",
                    start..end,
                    &format!("{key} = {rest}"),
                ));
            }
        }
        if let Some(&first) = self.keys.get(&key) {
            let first = self.line_number(first);
            return Err(self.mistake(
                start,
                format!("champ « {key} » écrit deux fois (déjà à la ligne {first})"),
                format!("gardez une seule ligne « {key} = … » et supprimez l'autre"),
            ));
        }
        self.keys.insert(key.clone(), start);
        self.spaces()?;
        if matches!(self.peek(), None | Some('\n') | Some('\r') | Some('#')) {
            return Err(self.mistake(
                self.pos,
                format!("valeur manquante après « {key} = »"),
                "écrivez la valeur après le signe = (un texte entre guillemets droits \"…\"), ou supprimez la ligne si le champ est facultatif",
            ));
        }
        let ctx = Ctx { list: None };
        let value_start = self.pos;
        Ok((self.value(ctx)?, value_start))
    }

    /// A key, bare (`title`), quoted (`"title"`) or dotted (`a.b`); returns its text.
    fn key(&mut self) -> Scan<String> {
        let start = self.pos;
        let mut parts = Vec::new();
        loop {
            self.spaces()?;
            let part_start = self.pos;
            match self.peek() {
                Some(q @ ('"' | '\'')) => {
                    let end = self.t[self.pos + 1..self.line_end(self.pos)]
                        .find(q)
                        .map(|i| self.pos + 1 + i)
                        .ok_or_else(|| {
                            self.mistake(
                                self.pos,
                                "nom de champ entre guillemets non fermé",
                                "écrivez le nom du champ sans guillemets : title = \"…\"",
                            )
                        })?;
                    parts.push(self.t[self.pos + 1..end].to_owned());
                    self.pos = end + 1;
                }
                _ => {
                    while let Some(c) = self.peek() {
                        if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                            self.pos += 1;
                        } else {
                            break;
                        }
                    }
                    if let Some(c) = self.peek().filter(|c| c.is_alphabetic()) {
                        let word_end = self.t[part_start..]
                            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
                            .map_or(self.t.len(), |i| part_start + i);
                        let word = &self.t[part_start..word_end];
                        let plain = crate::slug::slugify(word).replace('-', "_");
                        let plain = (self.guess)(word).unwrap_or(plain);
                        return Err(self.with_fix(
                            self.pos,
                            format!("lettre « {c} » dans le nom de champ « {word} »"),
                            "les noms de champs s'écrivent sans accent, comme dans le modèle de la page",
                            part_start..word_end,
                            &plain,
                        ));
                    }
                    if self.pos == part_start {
                        let c = self.peek().unwrap_or(' ');
                        if CURLY_OPEN.contains(&c) || c == '"' {
                            return Err(self.mistake(
                                self.pos,
                                "la ligne commence par des guillemets au lieu d'un nom de champ",
                                "chaque ligne s'écrit nom = valeur, par exemple title = \"…\"",
                            ));
                        }
                        return Err(self.mistake(
                            self.pos,
                            format!("caractère « {c} » inattendu en début de ligne"),
                            "chaque ligne de l'en-tête s'écrit nom = valeur, par exemple title = \"…\" ; une ligne de commentaire commence par #",
                        ));
                    }
                    parts.push(self.t[part_start..self.pos].to_owned());
                }
            }
            let before_dot = self.pos;
            self.spaces()?;
            if self.peek() == Some('.') {
                self.pos += 1;
            } else {
                self.pos = before_dot;
                break;
            }
        }
        let _ = start;
        Ok(parts.join("."))
    }

    fn value(&mut self, ctx: Ctx) -> Scan<Kind> {
        let start = self.pos;
        let Some(c) = self.peek() else {
            return Err(self.mistake(
                start,
                "valeur manquante",
                "écrivez une valeur, par exemple \"…\"",
            ));
        };
        match c {
            '"' if self.t[start..].starts_with("\"\"\"") => self.multiline(start, "\"\"\""),
            '\'' if self.t[start..].starts_with("'''") => self.multiline(start, "'''"),
            '"' => self.basic_string(ctx),
            '\'' => self.literal_string(ctx),
            '[' => self.list(ctx),
            '{' => self.inline_table(),
            c if CURLY_OPEN.contains(&c) => Err(self.curly(ctx)),
            c if c.is_ascii_digit() || c == '+' || c == '-' => self.number_or_date(ctx),
            c if c.is_alphabetic() => self.bare_word(ctx),
            '=' => Err(self.mistake(
                start,
                "signe « = » écrit deux fois",
                "un champ s'écrit nom = valeur, avec un seul signe =",
            )),
            c => Err(self.mistake(
                start,
                format!("valeur commençant par « {c} » non reconnue"),
                "un texte s'écrit entre guillemets droits \"…\", une liste entre crochets [\"a\", \"b\"], un nombre en chiffres (40000), une date année-mois-jour (2021-03-12)",
            )),
        }
    }

    fn multiline(&mut self, start: usize, delim: &str) -> Scan<Kind> {
        match self.t[start + 3..].find(delim) {
            Some(i) => {
                self.pos = start + 3 + i + 3;
                while self.t[self.pos..].starts_with(&delim[..1]) {
                    self.pos += 1;
                }
                Ok(Kind::Other)
            }
            None => Err(self.mistake(
                start,
                format!("texte sur plusieurs lignes non fermé : les trois guillemets {delim} de la fin manquent"),
                format!("terminez le texte par {delim}, sur la même ligne que ses derniers mots ou sur la ligne suivante"),
            )),
        }
    }

    fn basic_string(&mut self, ctx: Ctx) -> Scan<Kind> {
        let start = self.pos;
        let end = self.line_end(start);
        let mut i = start + 1;
        while i < end {
            let c = self.t[i..].chars().next().unwrap_or(' ');
            match c {
                '"' => {
                    self.pos = i + 1;
                    return Ok(Kind::BasicString);
                }
                '\\' => {
                    let next = self.t[i + 1..end].chars().next();
                    if matches!(
                        next,
                        Some('b' | 't' | 'n' | 'f' | 'r' | 'e' | '"' | '\\' | 'u' | 'U' | 'x')
                    ) {
                        i += 2;
                        continue;
                    }
                    let content = &self.t[start + 1..end];
                    let content = content.rsplit_once('"').map_or(content, |(c, _)| c);
                    return Err(self.with_fix(
                        i,
                        "barre oblique inverse « \\ » dans un texte entre guillemets droits",
                        "entre guillemets droits, \\ annonce un caractère spécial ; doublez-la (\\\\) ou mettez le texte entre apostrophes droites",
                        start..start + 1 + content.len() + 1,
                        &format!("'{content}'"),
                    ));
                }
                _ => i += c.len_utf8(),
            }
        }
        // Not closed on its line.
        let content = self.t[start + 1..end].trim_end_matches('\r');
        if let Some((k, curly)) = content
            .char_indices()
            .rev()
            .find(|(_, c)| CURLY_OPEN.contains(c))
        {
            let text = content[..k].trim_end();
            let fix = format!("\"{text}\"");
            return Err(self.with_fix(
                start + 1 + k,
                format!("texte ouvert par un guillemet droit \" mais fermé par « {curly} »"),
                "fermez-le aussi par un guillemet droit \"",
                start..start + 1 + k + curly.len_utf8(),
                &fix,
            ));
        }
        let closes_later = self.t[end..]
            .lines()
            .skip(1)
            .take(20)
            .take_while(|l| !l.trim_start().starts_with(['[', '+']) && !looks_like_field(l))
            .any(|l| l.contains('"'));
        if closes_later && ctx.list.is_none() {
            return Err(self.mistake(
                start,
                "texte sur plusieurs lignes entre guillemets simples",
                "entre guillemets \"…\", un texte tient sur une seule ligne : rassemblez-le sur une ligne, ou mettez-le entre trois guillemets \"\"\"…\"\"\" pour garder les retours à la ligne",
            ));
        }
        let fixed = format!("\"{}\"", content.trim_end());
        Err(self.with_fix(
            end,
            "guillemet fermant \" manquant à la fin du texte",
            "terminez le texte par un guillemet droit \"",
            start..end,
            &fixed,
        ))
    }

    fn literal_string(&mut self, _ctx: Ctx) -> Scan<Kind> {
        let start = self.pos;
        let end = self.line_end(start);
        match self.t[start + 1..end].find('\'') {
            Some(i) => {
                self.pos = start + 1 + i + 1;
                Ok(Kind::LiteralString)
            }
            None => {
                let content = self.t[start + 1..end].trim_end();
                Err(self.with_fix(
                    end,
                    "apostrophe fermante ' manquante à la fin du texte",
                    "mettez plutôt le texte entre guillemets droits",
                    start..end,
                    &format!("\"{content}\""),
                ))
            }
        }
    }

    /// What follows a value on its line, when something does.
    fn after_value(&self, kind: Kind, value_start: usize) -> Mistake {
        let at = self.pos;
        let end = self.line_end(at);
        let rest = self.t[at..end].trim_end();
        match kind {
            Kind::LiteralString => {
                // 'l'ARS' : the apostrophe closed the text.
                let body = &self.t[value_start..end];
                let last = body.rfind('\'').unwrap_or(0);
                let content = &body[1..last.max(1)];
                self.with_fix(
                    at - 1,
                    "apostrophe à l'intérieur d'un texte entre apostrophes : le texte s'arrête à l'apostrophe",
                    "mettez le texte entre guillemets droits \"…\", qui acceptent les apostrophes",
                    value_start..value_start + last.max(1) + 1,
                    &format!("\"{content}\""),
                )
            }
            Kind::BasicString => {
                // "Le "grand" appel" : the inner quote closed the text.
                let body = &self.t[value_start..end];
                let last = body.rfind('"').unwrap_or(0);
                let inner = &body[1..last.max(1)];
                let mut french = String::new();
                for (n, part) in inner.split('"').enumerate() {
                    if n > 0 {
                        french.push_str(if n % 2 == 1 { "« " } else { " »" });
                    }
                    french.push_str(part);
                }
                self.with_fix(
                    at - 1,
                    "guillemet droit \" à l'intérieur du texte : le texte s'arrête là",
                    "à l'intérieur d'un texte, utilisez les guillemets français « »",
                    value_start..value_start + last.max(1) + 1,
                    &format!("\"{french}\""),
                )
            }
            Kind::Number if rest.starts_with(|c: char| c.is_ascii_digit()) => {
                let digits: String = self.t[value_start..end]
                    .split('#')
                    .next()
                    .unwrap_or("")
                    .chars()
                    .filter(char::is_ascii_digit)
                    .collect();
                self.with_fix(
                    at,
                    "espace dans un nombre",
                    "écrivez le nombre sans espace (le site ajoutera l'espace des milliers)",
                    value_start..value_start + self.t[value_start..end].split('#').next().unwrap_or("").trim_end().len(),
                    &digits,
                )
            }
            Kind::Number if rest.starts_with(',') => self.mistake(
                at,
                "virgule dans un nombre",
                "un nombre décimal s'écrit avec un point : 1.5 ; un montant en euros s'écrit sans virgule ni espace : 40000",
            ),
            Kind::Number => self.mistake(
                at,
                format!("texte « {rest} » après le nombre"),
                "un nombre s'écrit seul, sans unité ni symbole (40000, pas 40000 €) ; si c'est un texte, mettez toute la valeur entre guillemets droits \"…\"",
            ),
            Kind::Other => self.mistake(
                at,
                format!("texte « {rest} » inattendu après la valeur"),
                "une ligne ne porte qu'un champ : nom = valeur ; un commentaire commence par #",
            ),
        }
    }

    fn curly(&self, ctx: Ctx) -> Mistake {
        let start = self.pos;
        let end = self.line_end(start);
        let open = self.t[start..].chars().next().unwrap_or('“');
        let (message, hint) = if matches!(open, '«' | '»' | '‹' | '›') {
            (
                "guillemets français « » autour d'un texte : portail attend des guillemets droits \"",
                "entourez le texte de guillemets droits \" (touche 3 du clavier) ; des « » peuvent aller à l'intérieur",
            )
        } else {
            (
                "guillemets typographiques “ ” autour d'un texte : portail attend des guillemets droits \"",
                "ces guillemets viennent d'un traitement de texte ; entourez le texte de guillemets droits \" (touche 3 du clavier)",
            )
        };
        // In a list, every item pasted the same way is corrected at once.
        if let Some(list) = ctx.list {
            let close = self.t[list..end].find(']').map_or(end, |i| list + i + 1);
            let straight: String = self.t[list..close]
                .chars()
                .map(|c| if CURLY_OPEN.contains(&c) { '"' } else { c })
                .collect();
            return self.with_fix(start, message, hint, list..close, &straight);
        }
        let body = self.t[start + open.len_utf8()..end]
            .split(" #")
            .next()
            .unwrap_or("");
        let (content, close_len) = match body
            .char_indices()
            .rev()
            .find(|(_, c)| CURLY_OPEN.contains(c))
        {
            Some((k, c)) => (&body[..k], k + c.len_utf8()),
            None => (body.trim_end(), body.trim_end().len()),
        };
        self.with_fix(
            start,
            message,
            hint,
            start..start + open.len_utf8() + close_len,
            &format!("\"{}\"", content.trim()),
        )
    }

    fn list(&mut self, ctx: Ctx) -> Scan<Kind> {
        let open = self.pos;
        self.pos += 1;
        let item_ctx = Ctx { list: Some(open) };
        loop {
            self.blank()?;
            match self.peek() {
                None => {
                    return Err(self.mistake(
                        open,
                        "liste non fermée : le crochet ] manque",
                        "terminez la liste par ] après le dernier élément : levers = [\"fir\", \"cpom\"]",
                    ))
                }
                Some(']') => {
                    self.pos += 1;
                    return Ok(Kind::Other);
                }
                Some(c) if c.is_alphabetic() && !self.t[self.pos..].starts_with("true") && !self.t[self.pos..].starts_with("false") => {
                    return Err(self.bare_list(open, ctx));
                }
                Some(_) => {}
            }
            let item_start = self.pos;
            let kind = self.value(item_ctx)?;
            self.blank()?;
            match self.peek() {
                Some(',') => self.pos += 1,
                Some(']') => {}
                None => {}
                Some(c) if matches!(kind, Kind::LiteralString | Kind::BasicString) && c != '"' => {
                    return Err(self.after_value(kind, item_start));
                }
                Some(_) => {
                    return Err(self.mistake(
                        self.pos,
                        "virgule manquante entre deux éléments de la liste",
                        "séparez les éléments par des virgules : [\"fir\", \"cpom\"]",
                    ))
                }
            }
        }
    }

    /// `[fir, cpom]`: items without quotes.
    fn bare_list(&self, open: usize, _ctx: Ctx) -> Mistake {
        let end = self.line_end(open);
        let close = self.t[open..end].find(']').map(|i| open + i);
        let inner_end = close.unwrap_or(end);
        let items: Vec<String> = self.t[open + 1..inner_end]
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| {
                if s.starts_with(['"', '\'']) {
                    format!("\"{}\"", s.trim_matches(['"', '\'']))
                } else {
                    format!("\"{s}\"")
                }
            })
            .collect();
        let word_end = self.t[self.pos..inner_end]
            .find([',', ' ', ']'])
            .map_or(inner_end, |i| self.pos + i);
        let word = &self.t[self.pos..word_end];
        self.with_fix(
            self.pos,
            format!("élément de liste sans guillemets « {word} »"),
            "dans une liste, chaque élément s'écrit entre guillemets droits, séparé par des virgules",
            open..close.map_or(end, |c| c + 1),
            &format!("[{}]", items.join(", ")),
        )
    }

    fn inline_table(&mut self) -> Scan<Kind> {
        let open = self.pos;
        self.pos += 1;
        let saved = std::mem::take(&mut self.keys);
        loop {
            self.blank()?;
            match self.peek() {
                None => {
                    return Err(self.mistake(
                        open,
                        "accolade fermante } manquante",
                        "terminez le groupe par } : source = { document = \"…\", date = \"…\" }",
                    ))
                }
                Some('}') => {
                    self.pos += 1;
                    self.keys = saved;
                    return Ok(Kind::Other);
                }
                Some(_) => {}
            }
            let (kind, value_start) = self.key_value()?;
            self.spaces()?;
            if !matches!(self.peek(), Some(',' | '}' | '\n' | '\r' | '#') | None) {
                return Err(self.after_value(kind, value_start));
            }
            self.blank()?;
            match self.peek() {
                Some(',') => self.pos += 1,
                Some('}') | None => {}
                Some(_) => {
                    return Err(self.mistake(
                        self.pos,
                        "virgule manquante entre deux champs du groupe { … }",
                        "séparez les champs par des virgules : { document = \"…\", date = \"…\" }",
                    ))
                }
            }
        }
    }

    fn number_or_date(&mut self, ctx: Ctx) -> Scan<Kind> {
        let start = self.pos;
        let end = self.line_end(start);
        let token_end = self.t[start..end]
            .find(|c: char| !(c.is_ascii_alphanumeric() || "_.:+-/".contains(c)))
            .map_or(end, |i| start + i);
        let token = &self.t[start..token_end];
        self.pos = token_end;
        let fix_date = |s: &Self, message: String, iso: String| {
            Err(s.with_fix(
                start,
                message,
                "une date s'écrit année-mois-jour avec des tirets, sans guillemets",
                start..token_end,
                &iso,
            ))
        };
        if let Some((d, m, y)) = day_month_year(token) {
            let iso = format!("{y:04}-{m:02}-{d:02}");
            return fix_date(
                self,
                format!("date « {token} » dans l'ordre jour, mois, année : portail attend année-mois-jour"),
                iso,
            );
        }
        if let Some((y, m, d)) = year_month_day(token) {
            return fix_date(
                self,
                format!("date « {token} » écrite avec des points ou des barres obliques"),
                format!("{y:04}-{m:02}-{d:02}"),
            );
        }
        // `20 novembre 2026`
        if let Some(iso) = date_in_words(&self.t[start..end]) {
            let words_end = start
                + self.t[start..end]
                    .split('#')
                    .next()
                    .unwrap_or("")
                    .trim_end()
                    .len();
            let words = self.t[start..words_end].to_owned();
            return Err(self.with_fix(
                start,
                format!("date en toutes lettres « {words} » : portail attend des chiffres"),
                "une date s'écrit année-mois-jour avec des tirets, sans guillemets",
                start..words_end,
                &iso,
            ));
        }
        if is_integer(token) || is_float(token) || is_iso_date_time(token) {
            return Ok(Kind::Number);
        }
        // `2021-07` without quotes, `2026-1-5`.
        let parts: Vec<&str> = token.split('-').collect();
        if parts.len() == 2 && parts[0].len() == 4 && parts.iter().all(|p| is_digits(p)) {
            return Err(self.with_fix(
                start,
                format!("mois « {token} » sans guillemets"),
                "une date précise au mois s'écrit entre guillemets droits",
                start..token_end,
                &format!("\"{token}\""),
            ));
        }
        if parts.len() == 3 && parts[0].len() == 4 && parts.iter().all(|p| is_digits(p)) {
            let n = |s: &str| s.parse::<u32>().unwrap_or(0);
            return fix_date(
                self,
                format!("date « {token} » : le mois et le jour s'écrivent avec deux chiffres"),
                format!("{}-{:02}-{:02}", parts[0], n(parts[1]), n(parts[2])),
            );
        }
        if ctx.list.is_none() && token.chars().any(char::is_alphabetic) {
            self.pos = start;
            return self.bare_word(ctx);
        }
        Err(self.mistake(
            start,
            format!("valeur « {token} » non reconnue"),
            "un nombre s'écrit en chiffres sans espace (40000), une date année-mois-jour (2021-03-12), un texte entre guillemets droits \"…\"",
        ))
    }

    /// A value starting with a letter: `true`/`false`, or text that needs quotes.
    fn bare_word(&mut self, ctx: Ctx) -> Scan<Kind> {
        let start = self.pos;
        let end = self.line_end(start);
        let word_end = self.t[start..end]
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
            .map_or(end, |i| start + i);
        let word = &self.t[start..word_end];
        if matches!(word, "true" | "false" | "inf" | "nan") {
            self.pos = word_end;
            return Ok(Kind::Other);
        }
        let lower = word.to_lowercase();
        if matches!(
            lower.as_str(),
            "vrai" | "faux" | "oui" | "non" | "true" | "false" | "yes" | "no"
        ) {
            return Err(self.mistake(
                start,
                format!("« {word} » sans guillemets n'est pas une valeur"),
                "pour un champ facultatif qui ne s'applique pas, supprimez toute la ligne ; pour un texte, mettez-le entre guillemets droits \"…\" ; oui et non s'écrivent true et false, en minuscules",
            ));
        }
        let _ = ctx;
        let text_end = start
            + self.t[start..end]
                .split(" #")
                .next()
                .unwrap_or("")
                .trim_end()
                .len();
        let text = &self.t[start..text_end];
        Err(self.with_fix(
            start,
            format!("texte sans guillemets « {text} »"),
            "un texte s'écrit entre guillemets droits \"…\"",
            start..text_end,
            &format!("\"{text}\""),
        ))
    }
}

fn looks_like_field(line: &str) -> bool {
    let l = line.trim_start();
    l.find('=').is_some_and(|i| {
        let k = l[..i].trim();
        !k.is_empty()
            && k.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.')
    })
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn is_integer(s: &str) -> bool {
    let s = s.strip_prefix(['+', '-']).unwrap_or(s);
    let hex = ["0x", "0o", "0b"].iter().any(|p| s.starts_with(p));
    hex || (!s.is_empty()
        && s.starts_with(|c: char| c.is_ascii_digit())
        && s.bytes().all(|b| b.is_ascii_digit() || b == b'_'))
}

fn is_float(s: &str) -> bool {
    let s = s.strip_prefix(['+', '-']).unwrap_or(s);
    if matches!(s, "inf" | "nan") {
        return true;
    }
    let (mantissa, exp) = match s.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e)),
        None => (s, None),
    };
    let int_frac = match mantissa.split_once('.') {
        Some((i, f)) => is_integer(i) && is_integer(f),
        None => is_integer(mantissa) && exp.is_some(),
    };
    int_frac && exp.is_none_or(|e| is_integer(e.strip_prefix(['+', '-']).unwrap_or(e)))
}

/// `2026-11-20`, `2026-11-20T10:00:00`, `10:00:00`: what TOML itself reads.
fn is_iso_date_time(s: &str) -> bool {
    let b = s.as_bytes();
    let date = b.len() >= 10
        && b[4] == b'-'
        && b[7] == b'-'
        && [0, 1, 2, 3, 5, 6, 8, 9]
            .iter()
            .all(|&i| b[i].is_ascii_digit());
    let time = |t: &[u8]| t.len() >= 5 && t[2] == b':' && t[..2].iter().all(u8::is_ascii_digit);
    (date && (b.len() == 10 || matches!(b[10], b'T' | b't'))) || time(b)
}

/// `20/11/2026`, `20.11.2026`, `20-11-2026`: day, month, year when it is a real date.
fn day_month_year(s: &str) -> Option<(u32, u32, i32)> {
    let parts: Vec<&str> = s.split(['/', '.', '-']).collect();
    let [d, m, y] = parts.as_slice() else {
        return None;
    };
    if y.len() != 4 || d.len() > 2 || m.len() > 2 || !is_digits(d) || !is_digits(m) || !is_digits(y)
    {
        return None;
    }
    if s.contains('-') && !s.contains(['/', '.']) && d.len() != 2 {
        return None;
    }
    let (d, m, y) = (d.parse().ok()?, m.parse().ok()?, y.parse().ok()?);
    valid(y, m, d).then_some((d, m, y))
}

/// `2026.11.20`, `2026/11/20`.
fn year_month_day(s: &str) -> Option<(i32, u32, u32)> {
    if !s.contains(['/', '.']) {
        return None;
    }
    let parts: Vec<&str> = s.split(['/', '.']).collect();
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    if y.len() != 4 || m.len() > 2 || d.len() > 2 || ![y, m, d].iter().all(|p| is_digits(p)) {
        return None;
    }
    let (y, m, d) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    valid(y, m, d).then_some((y, m, d))
}

fn valid(y: i32, m: u32, d: u32) -> bool {
    crate::date::Date::ymd(y, m, d).is_some()
}

/// `20 novembre 2026`, `1er mars 2021`, `novembre 2026`: the ISO form, when it is a date.
pub fn date_in_words(s: &str) -> Option<String> {
    let s = s.split('#').next()?.trim().trim_matches('"');
    let words: Vec<String> = s.split_whitespace().map(str::to_lowercase).collect();
    let month = |w: &str| {
        MONTHS
            .iter()
            .position(|m| *m == w || crate::slug::slugify(m) == w)
            .map(|i| i as u32 + 1)
    };
    let year = |w: &str| (w.len() == 4 && is_digits(w)).then(|| w.parse::<i32>().ok())?;
    match words.as_slice() {
        [d, m, y] => {
            let d: u32 = d.trim_end_matches("er").parse().ok()?;
            let (m, y) = (month(m)?, year(y)?);
            valid(y, m, d).then(|| format!("{y:04}-{m:02}-{d:02}"))
        }
        [m, y] => Some(format!("\"{:04}-{:02}\"", year(y)?, month(m)?)),
        _ => None,
    }
}

/// The fix for a quoted date the model refuses (`"20/11/2026"`, `"20 novembre 2026"`): the
/// value to write instead, if the text is recognisably a date.
pub fn suggest_date(text: &str) -> Option<String> {
    let t = text.trim();
    if let Some((d, m, y)) = day_month_year(t) {
        return Some(format!("{y:04}-{m:02}-{d:02}"));
    }
    if let Some((y, m, d)) = year_month_day(t) {
        return Some(format!("{y:04}-{m:02}-{d:02}"));
    }
    date_in_words(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(text: &str) -> Mistake {
        Scanner::new(text, 1, &|_| None).document().expect_err(text)
    }

    #[test]
    fn valid_toml_passes_the_scanner() {
        let ok = "# c\ntitle = \"l'ARS « x »\" # c\n'q' = 'a'\nn = 40_000\nf = 1.5\nd = 2021-03-12\nb = true\nl = [\n  \"a\", # c\n  \"b\",\n]\nt = { document = \"x\",\n date = \"y\" }\nm = \"\"\"\nA \"x\"\n\"\"\"\n\n[[sources]]\ndocument = \"d\"\n[[sources]]\ndocument = \"e\"\na.b = 1\n\ttabbed = \"x\"\n";
        assert_eq!(Scanner::new(ok, 1, &|_| None).document(), Ok(()));
        assert!(toml::from_str::<toml::Table>(ok).is_ok());
    }

    #[test]
    fn dates_are_rewritten() {
        assert!(first("date = 20/11/2026\n")
            .hint
            .ends_with("date = 2026-11-20"));
        assert!(first("date = 2026.11.20\n")
            .hint
            .ends_with("date = 2026-11-20"));
        assert!(first("date = 20 novembre 2026\n")
            .hint
            .ends_with("date = 2026-11-20"));
        assert!(first("date = 2021-07\n")
            .hint
            .ends_with("date = \"2021-07\""));
        assert!(first("date = 2026-1-5\n")
            .hint
            .ends_with("date = 2026-01-05"));
        assert_eq!(suggest_date("1er mars 2021").as_deref(), Some("2021-03-01"));
        assert_eq!(suggest_date("31/02/2021"), None);
    }

    #[test]
    fn quotes_are_rewritten() {
        assert!(first("title = “Appel”\n")
            .hint
            .ends_with("title = \"Appel\""));
        assert!(first("title = « Appel »\n")
            .hint
            .ends_with("title = \"Appel\""));
        assert!(first("title = 'l'ARS'\n")
            .hint
            .ends_with("title = \"l'ARS\""));
        assert!(first("title = \"Le \"grand\" appel\"\n")
            .hint
            .ends_with("title = \"Le « grand » appel\""));
        assert!(first("title = \"abc\n").hint.ends_with("title = \"abc\""));
        assert!(first("title = \"abc”\n").hint.ends_with("title = \"abc\""));
        let m = first("title = \"abc\ndef\"\n");
        assert_eq!(m.at, 8);
        assert!(m.message.contains("plusieurs lignes"));
    }

    #[test]
    fn keys_lists_numbers_and_words() {
        assert!(first("titre: \"x\"\n").hint.ends_with("titre = \"x\""));
        assert!(first("levers = [fir, cpom]\n")
            .hint
            .ends_with("levers = [\"fir\", \"cpom\"]"));
        assert!(first("amount = 40 000\n").hint.ends_with("amount = 40000"));
        assert!(first("x = vrai\n")
            .message
            .contains("« vrai » sans guillemets"));
        assert!(first("title = Mon appel\n")
            .hint
            .ends_with("title = \"Mon appel\""));
        let m = first("a = 1\na = 2\n");
        assert_eq!((m.at, m.message.contains("ligne 1")), (6, true));
        assert!(first("date limite = 2021\n")
            .hint
            .ends_with("date_limite = 2021"));
        assert!(first("résumé = \"x\"\n").hint.ends_with("resume = \"x\""));
        assert!(first("title\u{a0}= \"x\"\n").message.contains("insécable"));
    }

    #[test]
    fn huge_values_make_short_messages() {
        let long = "x".repeat(5_000_000);
        for text in [
            format!("title = {long}\n"),
            format!("title = \"{long}\n"),
            format!("levers = [{long}]\n"),
            format!("{long} = 1\n{long} = 2\n"),
            format!("n = 1{}\n", "0".repeat(5_000_000)),
        ] {
            let m = diagnose(&text, 1, Some(text.len() - 2..text.len() - 1), "x", &|_| {
                None
            });
            assert!(
                m.message.len() + m.hint.len() < 2_000,
                "{} / {}",
                m.message.len(),
                m.hint.len()
            );
        }
    }

    #[test]
    fn unrecognised_errors_get_french_not_english() {
        let m = diagnose(
            "a = 1\n",
            1,
            Some(0..1),
            "some English the parser said",
            &|_| None,
        );
        assert!(!m.message.contains("English"));
        assert!(m.message.starts_with("écriture incorrecte"));
    }
}
