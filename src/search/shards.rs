//! The sharded index and the page texts: what `search/` holds.
//!
//! Postings are per term, per page, per section, with one weight letter (`A`–`Z`) that folds
//! the term's frequency in the section (BM25, against the section's length), and bonuses for
//! the page title, the section heading and a lever's structured fields. A term's list reads
//! `gap:items gap:items…`: the gap from the previous page number in base 36, then the sections
//! of that page that hold the term, each as its number in base 36 followed by its weight letter
//! (`0:0K,3C 2:1B` is page 0, sections 0 and 3, then page 2, section 1). The browser computes
//! the rarity of each term from the length of its list; nothing per document ships with the
//! index, so its size grows with the words of the site, not with its pages.
//!
//! Building is iterative and streams the pages in chunks ([`Indexer`]): memory holds the raw
//! postings (three or four bytes each) and one chunk of pages, never the text of the whole site
//! nor a tree whose depth depends on the input.

use bytes::Bytes;
use std::cmp::Ordering;
use std::collections::hash_map::DefaultHasher;
use std::collections::{BTreeMap, HashMap};
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use rayon::prelude::*;
use serde_json::{json, Value};

use super::language::{analyze, with_term, Fnv, PIPELINE};
use super::tokenize::for_each_word;
use super::{SearchPage, Synonym, SEARCH_DIR};

/// Version of the layout, checked by `static/search-core.js`.
pub const FORMAT: u32 = 2;

/// A shard is closed once its postings pass this many bytes (before gzip, about a third of it).
const SHARD_BYTES: usize = 16 * 1024;

/// BM25's saturation and length normalisation.
const K1: f64 = 1.2;
const B: f64 = 0.75;
/// Added to the weight of a term found in the page title, a section heading, lever fields.
const TITLE_BONUS: f64 = 4.0;
const HEADING_BONUS: f64 = 2.5;
const KEYWORD_BONUS: f64 = 1.0;
/// Weight letters: `A` (lowest) to `Z`, a quarter of a point each.
const LEVELS: f64 = 26.0;
const STEP: f64 = 4.0;

/// One file of `search/`, relative to the output root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchFile {
    pub path: String,
    pub bytes: Bytes,
}

/// The acronym's term and its expansion's terms, for the glossary entries search can use: a
/// one-word acronym and an expansion of at least two words.
type Glossary = Vec<(String, Vec<String>)>;

fn glossary(synonyms: &[Synonym]) -> Glossary {
    let mut out: BTreeMap<(String, Vec<String>), ()> = BTreeMap::new();
    for s in synonyms {
        let acronym = analyze(&s.acronym);
        let expansion = analyze(&s.expansion);
        if acronym.len() == 1 && expansion.len() >= 2 && !expansion.contains(&acronym[0]) {
            out.insert((acronym[0].clone(), expansion), ());
        }
    }
    out.into_keys().collect()
}

/// What the index remembers between builds (`serve`): each page's counted terms and its text
/// file, by a hash of the page and the glossary, so an edit re-reads only the pages it changed.
#[derive(Default)]
pub struct Memo {
    counted: HashMap<u64, Arc<Counted>>,
    texts: HashMap<(u64, usize), Bytes>,
    /// Every term seen so far, numbered once: a remembered page keeps its terms' numbers, so
    /// merging it costs no hashing. Only grows; terms no page holds any more are not written.
    numbers: HashMap<String, u32, Fnv>,
    names: Vec<String>,
    global: HashMap<u64, Arc<Vec<u32>>>,
}

/// The files of `search/` for `pages`, sorted by path, with deterministic bytes (for tests;
/// the build hands pages to an [`Indexer`] as render makes them).
#[cfg(test)]
pub fn build(
    pages: &[SearchPage],
    synonyms: &[Synonym],
    memo: Option<&mut Memo>,
) -> Vec<SearchFile> {
    let files = std::sync::Mutex::new(Vec::new());
    let emit = |f| files.lock().unwrap_or_else(|e| e.into_inner()).push(f);
    let mut indexer = Indexer::new(synonyms, memo);
    for chunk in pages.chunks(512) {
        indexer.add(chunk.to_vec(), &emit);
    }
    indexer.finish(&emit).expect("search files");
    let mut files = files.into_inner().unwrap_or_else(|e| e.into_inner());
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

/// A page's memo key and `p/N.js`, when there is a memo.
type Remembered = Option<(u64, Bytes)>;

/// Acronyms by the first term of their expansion.
type ByFirst = HashMap<String, Vec<(String, Vec<String>)>>;

/// Builds `search/` from pages handed over in order, a chunk at a time, as render makes them:
/// each page is analysed and its `p/N.js` written at once, and only its raw postings (counts,
/// a few bytes each) are kept, never its text. Weights need the site's average section length,
/// known once every page is in: [`Indexer::finish`] weighs them and writes the shards.
pub struct Indexer<'m> {
    glossary: Glossary,
    by_first: ByFirst,
    /// Hash of the glossary, part of every page's memo key.
    base: u64,
    memo: Option<&'m mut Memo>,
    /// Term → number (kept from the previous build under `serve`), and each number's postings.
    numbers: HashMap<String, u32, Fnv>,
    names: Vec<String>,
    previous_global: HashMap<u64, Arc<Vec<u32>>>,
    lists: Vec<Raw>,
    /// Each section's length in terms, page after page; `starts[n]` is page `n`'s first.
    lengths: Vec<u32>,
    starts: Vec<usize>,
    words: usize,
    counted_now: HashMap<u64, Arc<Counted>>,
    texts_now: HashMap<(u64, usize), Bytes>,
    global_now: HashMap<u64, Arc<Vec<u32>>>,
    /// The first file that could not be made: the build fails with it.
    failed: Option<String>,
}

impl<'m> Indexer<'m> {
    /// With a `memo`, pages whose text did not change are not analysed again.
    pub fn new(synonyms: &[Synonym], mut memo: Option<&'m mut Memo>) -> Self {
        let glossary = glossary(synonyms);
        let mut by_first = ByFirst::new();
        for (acronym, words) in &glossary {
            by_first
                .entry(words[0].clone())
                .or_default()
                .push((acronym.clone(), words.clone()));
        }
        let (numbers, names, previous_global) = match memo.as_deref_mut() {
            Some(m) => (
                std::mem::take(&mut m.numbers),
                std::mem::take(&mut m.names),
                std::mem::take(&mut m.global),
            ),
            None => Default::default(),
        };
        Indexer {
            base: hash_of(&glossary),
            glossary,
            by_first,
            memo,
            numbers,
            names,
            previous_global,
            lists: Vec::new(),
            lengths: Vec::new(),
            starts: Vec::new(),
            words: 0,
            counted_now: HashMap::new(),
            texts_now: HashMap::new(),
            global_now: HashMap::new(),
            failed: None,
        }
    }

    /// Analyses the next `pages` in parallel, hands their `p/N.js` to `emit`, and adds their
    /// raw postings.
    pub fn add(&mut self, pages: Vec<SearchPage>, emit: &(dyn Fn(SearchFile) + Sync)) {
        let first = self.starts.len();
        let previous = self.memo.as_deref();
        let (by_first, base) = (&self.by_first, self.base);
        let done: Vec<Result<(Remembered, Arc<Counted>), String>> = pages
            .par_iter()
            .enumerate()
            .map(|(offset, page)| {
                let n = first + offset;
                let key = previous.map(|_| page_key(base, page));
                let known = key.and_then(|k| previous?.counted.get(&k).cloned());
                let counted = known.unwrap_or_else(|| Arc::new(count_page(page, by_first)));
                let text = match key.and_then(|k| previous?.texts.get(&(k, n)).cloned()) {
                    Some(text) => text,
                    None => page_text(n, page)?,
                };
                emit(SearchFile {
                    path: format!("{SEARCH_DIR}/p/{n}.js"),
                    bytes: text.clone(),
                });
                Ok((key.map(|k| (k, text)), counted))
            })
            .collect();
        drop(pages);
        for (offset, page) in done.into_iter().enumerate() {
            let n = first + offset;
            let (remembered, counted) = match page {
                Ok(page) => page,
                Err(e) => {
                    self.failed.get_or_insert(e);
                    (None, Arc::new(Counted::default()))
                }
            };
            let key = remembered.as_ref().map(|(k, _)| *k);
            let global = match key.and_then(|k| self.previous_global.get(&k)) {
                Some(g) => g.clone(),
                None => Arc::new(self.number(&counted.terms)),
            };
            if self.lists.len() < self.names.len() {
                self.lists.resize_with(self.names.len(), Raw::default);
            }
            self.starts.push(self.lengths.len());
            for (section, (length, held)) in counted.sections.iter().enumerate() {
                self.lengths
                    .push(u32::try_from(*length).unwrap_or(u32::MAX));
                for (local, counts) in held {
                    self.lists[global[*local as usize] as usize].push(n, section, *counts);
                }
            }
            self.words += counted.words;
            if let Some((k, text)) = remembered {
                self.texts_now.insert((k, n), text);
                self.global_now.insert(k, global);
                self.counted_now.insert(k, counted);
            }
        }
    }

    /// The global numbers of a page's terms, numbering the new ones.
    fn number(&mut self, terms: &[String]) -> Vec<u32> {
        terms
            .iter()
            .map(|term| match self.numbers.get(term) {
                Some(&n) => n,
                None => {
                    let n = self.names.len() as u32;
                    self.numbers.insert(term.clone(), n);
                    self.names.push(term.clone());
                    n
                }
            })
            .collect()
    }

    /// Weighs every posting against the site's average section length, then hands the shards
    /// and the manifest to `emit`; fails with the first file that could not be made.
    pub fn finish(self, emit: &(dyn Fn(SearchFile) + Sync)) -> Result<(), String> {
        if let Some(e) = self.failed {
            return Err(e);
        }
        let Indexer {
            glossary,
            memo,
            numbers,
            names,
            mut lists,
            lengths,
            starts,
            words,
            counted_now,
            texts_now,
            global_now,
            ..
        } = self;
        let sections = lengths.len();
        let average = (words as f64 / sections.max(1) as f64).max(1.0);
        lists.resize_with(names.len(), Raw::default);
        // Terms no page holds (any more) are left out.
        let mut postings: Vec<(String, String)> = names
            .par_iter()
            .zip(lists.into_par_iter())
            .filter(|(_, raw)| !raw.bytes.is_empty())
            .map(|(name, raw)| (name.clone(), raw.weigh(&starts, &lengths, average)))
            .collect();
        if let Some(memo) = memo {
            memo.counted = counted_now;
            memo.texts = texts_now;
            memo.global = global_now;
            memo.numbers = numbers;
            memo.names = names;
        }

        postings.par_sort_unstable_by(|a, b| js_order(&a.0, &b.0));
        let (terms, encoded): (Vec<String>, Vec<String>) = postings.into_iter().unzip();

        let mut firsts: Vec<&str> = Vec::new();
        let mut start = 0;
        while start < terms.len() {
            let mut end = start;
            let mut bytes = 0;
            while end < terms.len() && (end == start || bytes < SHARD_BYTES) {
                bytes += encoded[end].len() + terms[end].len() + 6;
                end += 1;
            }
            firsts.push(if firsts.is_empty() { "" } else { &terms[start] });
            let data = json!({ "w": &terms[start..end], "p": &encoded[start..end] });
            emit(script("t", firsts.len() - 1, &data));
            start = end;
        }
        if firsts.is_empty() {
            firsts.push("");
            emit(script("t", 0, &json!({ "w": [], "p": [] })));
        }

        let manifest = json!({
            "format": FORMAT,
            "pipeline": PIPELINE,
            "pages": starts.len(),
            "sections": sections,
            "shards": firsts,
            "glossary": glossary,
        });
        emit(SearchFile {
            path: format!("{SEARCH_DIR}/index.js"),
            bytes: format!(
                "/* Index de recherche du portail, généré par `portail build` : ne pas modifier. */\n\
                 PortailSearch.add(\"index\",0,{manifest});\n"
            )
            .into_bytes()
            .into(),
        });
        Ok(())
    }
}

/// `search/p/N.js`: the page's URL, title, label and sections.
fn page_text(n: usize, page: &SearchPage) -> Result<Bytes, String> {
    {
        let data = PageText {
            u: &page.url,
            t: &page.title,
            l: &page.label,
            k: &page.keywords,
            s: page
                .sections
                .iter()
                .map(|s| (s.anchor.as_deref(), s.heading.as_deref(), s.text.as_str()))
                .collect(),
        };
        let json = serde_json::to_string(&data)
            .map_err(|e| format!("{SEARCH_DIR}/p/{n}.js : écriture impossible ({e})"))?;
        Ok(format!("PortailSearch.add(\"p\",{n},{json});\n")
            .into_bytes()
            .into())
    }
}

fn hash_of(value: &impl Hash) -> u64 {
    let mut h = DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

/// A page's identity for the memo: everything of it the index reads, and the glossary.
fn page_key(glossary: u64, page: &SearchPage) -> u64 {
    let mut h = DefaultHasher::new();
    glossary.hash(&mut h);
    (&page.url, &page.title, &page.label, &page.keywords).hash(&mut h);
    for s in &page.sections {
        (&s.anchor, &s.heading, &s.text).hash(&mut h);
    }
    h.finish()
}

/// What `search/p/N.js` holds: URL, title, label, lever fields, and per section its anchor,
/// heading and text. Borrowed: the site's text is serialised, not copied first.
#[derive(serde::Serialize)]
struct PageText<'a> {
    u: &'a str,
    t: &'a str,
    l: &'a str,
    k: &'a str,
    s: Vec<(Option<&'a str>, Option<&'a str>, &'a str)>,
}

fn script(kind: &str, number: usize, data: &Value) -> SearchFile {
    SearchFile {
        path: format!("{SEARCH_DIR}/{kind}/{number}.js"),
        bytes: format!("PortailSearch.add(\"{kind}\",{number},{data});\n")
            .into_bytes()
            .into(),
    }
}

/// The order of JavaScript's `<` on strings (UTF-16 code units), which the browser's binary
/// searches use; it differs from Rust's only for characters outside the Basic Multilingual Plane.
fn js_order(a: &str, b: &str) -> Ordering {
    a.encode_utf16().cmp(b.encode_utf16())
}

/// Where a word of a section was found: the page title (first section only), the heading, the
/// lever fields (first section only) or the text.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    Title,
    Heading,
    Keywords,
    Text,
}

#[derive(Default, Clone, Copy)]
struct Counts {
    text: u32,
    title: bool,
    heading: bool,
    keywords: bool,
}

/// A page's distinct terms, and per section its length and the counts of the terms it holds
/// (in term order): everything but the weights, which depend on the whole site's average.
#[derive(Default)]
struct Counted {
    terms: Vec<String>,
    sections: Vec<(usize, Vec<(u32, Counts)>)>,
    /// The words of the page's text, for the site's average section length.
    words: usize,
}

fn words_of(page: &SearchPage) -> usize {
    page.sections
        .iter()
        .map(|s| s.text.split_whitespace().count())
        .sum()
}

/// The page's terms, counted per section and field.
fn count_page(page: &SearchPage, glossary: &ByFirst) -> Counted {
    let fallback = [super::SearchSection::default()];
    let sections = if page.sections.is_empty() {
        &fallback[..]
    } else {
        &page.sections[..]
    };
    let mut local: HashMap<String, u32, Fnv> = HashMap::default();
    let mut terms: Vec<String> = Vec::new();
    let mut out = Vec::with_capacity(sections.len());
    let mut counts: Vec<Counts> = Vec::new();
    let mut touched: Vec<u32> = Vec::new();
    let mut field_terms: Vec<u32> = Vec::new();
    let mut intern = |term: &str, terms: &mut Vec<String>, counts: &mut Vec<Counts>| -> u32 {
        if let Some(&n) = local.get(term) {
            return n;
        }
        let n = terms.len() as u32;
        local.insert(term.to_owned(), n);
        terms.push(term.to_owned());
        counts.push(Counts::default());
        n
    };
    for (number, section) in sections.iter().enumerate() {
        let mut length = 0;
        let mut fields: Vec<(&str, Field)> = Vec::with_capacity(4);
        if number == 0 {
            fields.push((&page.title, Field::Title));
            fields.push((&page.keywords, Field::Keywords));
        }
        if let Some(h) = &section.heading {
            fields.push((h, Field::Heading));
        }
        fields.push((&section.text, Field::Text));
        for (text, field) in fields {
            field_terms.clear();
            for_each_word(text, |w| {
                if let Some(n) = with_term(w, |t| t.map(|t| intern(t, &mut terms, &mut counts))) {
                    field_terms.push(n);
                }
            });
            if !glossary.is_empty() {
                let words: Vec<&str> = field_terms
                    .iter()
                    .map(|&n| terms[n as usize].as_str())
                    .collect();
                let found = synonyms_in(&words, glossary);
                for acronym in found {
                    field_terms.push(intern(&acronym, &mut terms, &mut counts));
                }
            }
            // A lever's fields are long lists: they weigh by presence, not by length.
            if field == Field::Text {
                length += field_terms.len();
            }
            for &n in &field_terms {
                let c = &mut counts[n as usize];
                if !(c.text > 0 || c.title || c.heading || c.keywords) {
                    touched.push(n);
                }
                match field {
                    Field::Title => c.title = true,
                    Field::Heading => c.heading = true,
                    Field::Keywords => c.keywords = true,
                    Field::Text => c.text += 1,
                }
            }
        }
        touched.sort_unstable();
        let held = touched
            .drain(..)
            .map(|n| (n, std::mem::take(&mut counts[n as usize])))
            .collect();
        out.push((length, held));
    }
    Counted {
        terms,
        sections: out,
        words: words_of(page),
    }
}

/// A term's weight letter in a section of `length` terms: BM25 of its count in the text, plus
/// the bonuses of the fields it appears in.
fn level(c: Counts, length: u32, average: f64) -> u8 {
    let norm = K1 * (1.0 - B + B * f64::from(length) / average);
    let tf = f64::from(c.text);
    let mut weight = tf * (K1 + 1.0) / (tf + norm);
    if c.title {
        weight += TITLE_BONUS;
    }
    if c.heading {
        weight += HEADING_BONUS;
    }
    if c.keywords {
        weight += KEYWORD_BONUS;
    }
    (weight * STEP).round().clamp(1.0, LEVELS) as u8
}

/// The acronyms whose expansion occurs in `terms`, once per occurrence.
fn synonyms_in(terms: &[&str], glossary: &ByFirst) -> Vec<String> {
    let mut found = Vec::new();
    for (i, term) in terms.iter().enumerate() {
        if let Some(candidates) = glossary.get(*term) {
            for (acronym, words) in candidates {
                let rest = &terms[i..];
                if rest.len() >= words.len() && words.iter().zip(rest).all(|(w, t)| w == t) {
                    found.push(acronym.clone());
                }
            }
        }
    }
    found
}

/// A term's postings as the browser reads them (see the module documentation).
#[cfg(test)]
fn encode(list: &[u64]) -> String {
    let mut out = Postings::default();
    for &packed in list {
        out.push(
            packed >> 32,
            (packed >> 8) & 0xFF_FFFF,
            (packed & 0xFF) as u8,
        );
    }
    out.text
}

/// A term's postings before weighing, as compact as the weights will be: per entry, the gap
/// from the previous page (0 for the same page, after the first), the section, and the counts
/// (text count, then title, heading and keyword flags), each a LEB128 number.
#[derive(Default)]
struct Raw {
    bytes: Vec<u8>,
    last_page: Option<usize>,
}

impl Raw {
    /// Adds one section of one page; pages come in increasing order.
    fn push(&mut self, page: usize, section: usize, c: Counts) {
        leb128(&mut self.bytes, (page - self.last_page.unwrap_or(0)) as u64);
        self.last_page = Some(page);
        leb128(&mut self.bytes, section as u64);
        let flags = u64::from(c.title) << 2 | u64::from(c.heading) << 1 | u64::from(c.keywords);
        leb128(&mut self.bytes, u64::from(c.text) << 3 | flags);
    }

    /// The list as the browser reads it, each entry weighed against its section's length.
    fn weigh(self, starts: &[usize], lengths: &[u32], average: f64) -> String {
        let mut out = Postings::default();
        let mut bytes = self.bytes.as_slice();
        let mut page = None;
        while !bytes.is_empty() {
            let gap = read_leb128(&mut bytes) as usize;
            let section = read_leb128(&mut bytes) as usize;
            let packed = read_leb128(&mut bytes);
            let at = page.map_or(gap, |p| p + gap);
            page = Some(at);
            let counts = Counts {
                text: (packed >> 3) as u32,
                title: packed & 4 != 0,
                heading: packed & 2 != 0,
                keywords: packed & 1 != 0,
            };
            let length = lengths[starts[at] + section];
            out.push(
                at as u64,
                section.min(0xFF_FFFF) as u64,
                level(counts, length, average),
            );
        }
        out.text
    }
}

fn leb128(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn read_leb128(bytes: &mut &[u8]) -> u64 {
    let mut n = 0;
    let mut shift = 0;
    while let Some((&b, rest)) = bytes.split_first() {
        *bytes = rest;
        n |= u64::from(b & 0x7F) << shift;
        shift += 7;
        if b < 0x80 {
            break;
        }
    }
    n
}

/// A term's posting list, written as it grows (a few bytes per entry rather than a number of
/// eight): `gap:sections gap:sections…`, see the module's documentation.
#[derive(Default)]
struct Postings {
    text: String,
    last_page: Option<u64>,
}

impl Postings {
    /// Adds one section of one page; pages come in increasing order.
    fn push(&mut self, page: u64, section: u64, level: u8) {
        if self.last_page == Some(page) {
            self.text.push(',');
        } else {
            if self.last_page.is_some() {
                self.text.push(' ');
            }
            base36(&mut self.text, page - self.last_page.unwrap_or(0));
            self.text.push(':');
            self.last_page = Some(page);
        }
        base36(&mut self.text, section);
        self.text.push(char::from(b'A' + level - 1));
    }
}

fn base36(out: &mut String, mut n: u64) {
    let mut digits = [0u8; 13];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b"0123456789abcdefghijklmnopqrstuvwxyz"[(n % 36) as usize];
        n /= 36;
        if n == 0 {
            break;
        }
    }
    for &d in &digits[i..] {
        out.push(char::from(d));
    }
}

#[cfg(test)]
mod tests {
    use super::{build, encode, Memo, SearchFile};
    use crate::search::{SearchPage, SearchSection, Synonym};
    use serde_json::Value;

    fn page(url: &str, title: &str, sections: &[(&str, &str)]) -> SearchPage {
        SearchPage {
            url: url.into(),
            title: title.into(),
            label: "Leviers".into(),
            keywords: String::new(),
            sections: sections
                .iter()
                .map(|(heading, text)| SearchSection {
                    anchor: (!heading.is_empty()).then(|| heading.to_lowercase()),
                    heading: (!heading.is_empty()).then(|| (*heading).to_owned()),
                    text: (*text).to_owned(),
                })
                .collect(),
        }
    }

    /// The data a file passes to `PortailSearch.add`.
    fn data(file: &SearchFile) -> Value {
        let text = String::from_utf8(file.bytes.to_vec()).unwrap();
        let start = text.find('{').unwrap();
        let end = text.rfind('}').unwrap();
        serde_json::from_str(&text[start..=end]).unwrap()
    }

    fn file<'a>(files: &'a [SearchFile], path: &str) -> &'a SearchFile {
        files.iter().find(|f| f.path == path).unwrap()
    }

    /// Term → postings, over every shard.
    fn postings(files: &[SearchFile]) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for f in files.iter().filter(|f| f.path.starts_with("search/t/")) {
            let d = data(f);
            let words = d["w"].as_array().unwrap();
            let lists = d["p"].as_array().unwrap();
            for (w, p) in words.iter().zip(lists) {
                out.push((w.as_str().unwrap().into(), p.as_str().unwrap().into()));
            }
        }
        out
    }

    #[test]
    fn postings_give_page_gaps_sections_and_weights() {
        assert_eq!(
            encode(&[11, (3 << 32) | (2 << 8) | 2, (3 << 32) | (37 << 8) | 26]),
            "0:0K 3:2B,11Z"
        );
    }

    #[test]
    fn a_memo_gives_the_bytes_of_a_fresh_build() {
        let first = [
            page("a", "Subvention FIR", &[("", "Le fonds finance.")]),
            page(
                "b",
                "Évaluation",
                &[("", "Rien."), ("Calendrier", "Le FIR.")],
            ),
        ];
        let mut second = first.clone();
        second[1].sections[1].text = "Le FIR, puis le CPOM, deux fois le CPOM.".into();
        let mut memo = Memo::default();
        assert_eq!(
            build(&first, &[], Some(&mut memo)),
            build(&first, &[], None)
        );
        assert_eq!(
            build(&second, &[], Some(&mut memo)),
            build(&second, &[], None)
        );
        assert_eq!(
            build(&first[..1], &[], Some(&mut memo)),
            build(&first[..1], &[], None)
        );
    }

    #[test]
    fn pages_handed_over_one_by_one_give_the_bytes_of_one_chunk() {
        let long: String = (0..300).map(|n| format!("mot{} FIR ", n % 7)).collect();
        let pages: Vec<SearchPage> = (0..40)
            .map(|n| {
                page(
                    &format!("p{n}"),
                    if n % 3 == 0 {
                        "Subvention FIR"
                    } else {
                        "Autre"
                    },
                    &[("", &long[..(n * 97) % long.len()]), ("Suite", "Le FIR.")],
                )
            })
            .collect();
        let one_by_one = std::sync::Mutex::new(Vec::new());
        let emit = |f| one_by_one.lock().unwrap().push(f);
        let mut indexer = super::Indexer::new(&[], None);
        for p in &pages {
            indexer.add(vec![p.clone()], &emit);
        }
        indexer.finish(&emit).unwrap();
        let mut one_by_one = one_by_one.into_inner().unwrap();
        one_by_one.sort_by(|a, b| a.path.cmp(&b.path));
        assert_eq!(one_by_one, build(&pages, &[], None));
    }

    #[test]
    fn raw_postings_keep_large_numbers() {
        let mut raw = super::Raw::default();
        let counts = super::Counts {
            text: 70_000,
            title: true,
            heading: false,
            keywords: true,
        };
        raw.push(0, 0, counts);
        raw.push(0, 200, super::Counts::default());
        raw.push(1 << 20, 3, counts);
        let lengths = vec![10; 400];
        let starts: Vec<usize> = (0..=(1 << 20)).map(|p| p % 2).collect();
        let text = raw.weigh(&starts, &lengths, 10.0);
        // 1 << 20 is « mh34 » in base 36; 200 is « 5k ».
        assert_eq!(text, "0:0Z,5kA mh34:3Z");
    }

    #[test]
    fn terms_are_found_with_their_pages_and_sections() {
        let files = build(
            &[
                page(
                    "a/index.html",
                    "Subvention FIR",
                    &[("", "Le fonds finance.")],
                ),
                page(
                    "b/index.html",
                    "Évaluation",
                    &[("", "Rien."), ("Calendrier", "Le FIR, deux fois le FIR.")],
                ),
            ],
            &[],
            None,
        );
        let all = postings(&files);
        let fir = &all.iter().find(|(w, _)| w == "fir").unwrap().1;
        // Page 0, section 0 (title); page 1, section 1 (text, twice).
        assert!(fir.starts_with("0:0"), "{fir}");
        assert!(fir.contains(" 1:1"), "{fir}");
        let evalu = &all.iter().find(|(w, _)| w == "evalu").unwrap().1;
        assert!(evalu.starts_with("1:0"), "{evalu}");
        let manifest = data(file(&files, "search/index.js"));
        assert_eq!(manifest["pages"], 2);
        assert_eq!(manifest["sections"], 3);
        assert_eq!(manifest["shards"][0], "");
        let p1 = data(file(&files, "search/p/1.js"));
        assert_eq!(p1["u"], "b/index.html");
        assert_eq!(p1["s"][1][1], "Calendrier");
    }

    #[test]
    fn title_outweighs_text() {
        let files = build(
            &[
                page("a", "Autre", &[("", "Le FIR finance.")]),
                page("b", "Subvention FIR", &[("", "Rien.")]),
            ],
            &[],
            None,
        );
        let all = postings(&files);
        let fir = &all.iter().find(|(w, _)| w == "fir").unwrap().1;
        let letters: Vec<char> = fir.chars().filter(char::is_ascii_uppercase).collect();
        assert!(letters[1] > letters[0], "{fir}");
    }

    #[test]
    fn an_expansion_in_the_text_is_indexed_under_its_acronym() {
        let files = build(
            &[page(
                "a",
                "Aide",
                &[("", "Le fonds d'intervention régional finance.")],
            )],
            &[Synonym {
                acronym: "FIR".into(),
                expansion: "Fonds d'intervention régional".into(),
            }],
            None,
        );
        assert!(postings(&files).iter().any(|(w, _)| w == "fir"));
        let manifest = data(file(&files, "search/index.js"));
        assert_eq!(
            manifest["glossary"],
            serde_json::json!([["fir", ["fond", "intervent", "regional"]]])
        );
    }

    #[test]
    fn many_terms_make_many_sorted_shards() {
        let text: String = (0..6000).map(|n| format!("mot{n} ")).collect();
        let files = build(&[page("a", "A", &[("", &text)])], &[], None);
        let manifest = data(file(&files, "search/index.js"));
        let firsts: Vec<&str> = manifest["shards"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        assert!(firsts.len() > 2, "{}", firsts.len());
        assert!(firsts.windows(2).all(|w| w[0] < w[1]));
        let words: Vec<String> = postings(&files).into_iter().map(|(w, _)| w).collect();
        assert!(words.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(words.len(), 6000);
    }

    #[test]
    fn same_pages_give_same_bytes_and_an_empty_site_loads() {
        let pages = [page("a", "Évaluation", &[("", "l'évaluation des projets")])];
        assert_eq!(build(&pages, &[], None), build(&pages, &[], None));
        let empty = build(&[], &[], None);
        assert_eq!(
            data(file(&empty, "search/t/0.js"))["w"],
            serde_json::json!([])
        );
    }

    #[test]
    fn a_very_long_word_does_not_crash_and_is_left_out() {
        let long = "a".repeat(100_000);
        let files = build(&[page("a", "A", &[("", &long)])], &[], None);
        assert!(postings(&files).is_empty());
    }
}
