//! Writes a synthetic site for benchmarks: the real portal plus N generated pages in 20 sections.
//!
//! cargo run --release --example synthetic_site -- /tmp/synth 10000
//! cargo run --release -- build --root /tmp/synth --date 2026-11-22
//!
//! The pages read as ordinary French of the domain: their sentences come from a word-level Markov
//! chain (two words of context, falling back to one now and then so that sentences differ from
//! the source) trained on the portal's own prose, Markdown bodies and the sentences of its TOML
//! files, so the vocabulary, word frequencies, accents, elisions, acronyms and numbers are those
//! of the real site; place and person names drawn from thousands of generated ones give the long
//! tail of rare words a real corpus has. Pages vary in length as a real site's do: one in five
//! is a short notice, one in five a long page with sub-sections, the others in between (from
//! under 1 KB to over 20 KB of Markdown, 6.4 KB on average, 5.7 KB the median). Each page has
//! front matter, an introduction, sections with bullet, numbered and nested lists, tables of
//! amounts or of regional contacts, quotations of the guide, glossary acronyms with their
//! expansion, emphasis, links to other generated pages (by title), to levers and to outside
//! sites. 10 000 pages make about 65 MB.
//! Deterministic: the same N gives the same files.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use wizard::text::MONTHS;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let root = PathBuf::from(args.next().unwrap_or_else(|| "/tmp/synth".into()));
    let pages: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(10_000);
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let content = repo.join("content");
    let _ = fs::remove_dir_all(&root);
    copy(&content, &root.join("content"))?;
    fs::copy(repo.join("portail.toml"), root.join("portail.toml"))?;
    let chain = Chain::train(&prose(&content)?);
    let glossary = glossary(&content.join("data/glossaire.toml"));
    let levers = levers(&content.join("leviers"))?;
    let mut random = Random(0x9E37_79B9_7F4A_7C15);
    let places: Vec<String> = (0..4000).map(|_| name(&mut random)).collect();
    let people: Vec<String> = (0..3000).map(|_| name(&mut random)).collect();
    let sections = 20;
    for s in 0..sections {
        let dir = root.join(format!("content/synthetique-{s:02}"));
        fs::create_dir_all(&dir)?;
        fs::write(dir.join("_index.md"), format!("+++\ntitle = \"Rubrique synthétique {s}\"\n[[sources]]\ndocument = \"Corpus synthétique\"\ndate = \"2026\"\n+++\nPages générées pour mesurer le générateur.\n"))?;
    }
    // Titles first, so that links can carry the title of the page they point to.
    let titles: Vec<String> = (0..pages)
        .map(|_| {
            let title = chain.phrase(&mut random, 4, 9);
            let place = &places[random.zipf(places.len())];
            format!("{title} ({place})")
        })
        .collect();
    let mut page = Writer {
        chain: &chain,
        random: &mut random,
        titles: &titles,
        places: &places,
        people: &people,
        glossary: &glossary,
        levers: &levers,
        sections,
        text: String::new(),
    };
    for (i, title) in titles.iter().enumerate() {
        page.write(i, title);
        fs::write(
            root.join(format!(
                "content/synthetique-{:02}/page-{i}.md",
                i % sections
            )),
            &page.text,
        )?;
    }
    println!("{} pages générées dans {}", pages, root.display());
    Ok(())
}

const REGIONS: [&str; 18] = [
    "Auvergne-Rhône-Alpes",
    "Bourgogne-Franche-Comté",
    "Bretagne",
    "Centre-Val de Loire",
    "Corse",
    "Grand Est",
    "Guadeloupe",
    "Guyane",
    "Hauts-de-France",
    "Île-de-France",
    "La Réunion",
    "Martinique",
    "Mayotte",
    "Normandie",
    "Nouvelle-Aquitaine",
    "Occitanie",
    "Pays de la Loire",
    "Provence-Alpes-Côte d'Azur",
];

const OUTSIDE: [(&str, &str); 5] = [
    ("le site de l'ARS", "https://www.ars.sante.fr/"),
    ("Légifrance", "https://www.legifrance.gouv.fr/"),
    ("le site du ministère", "https://sante.gouv.fr/"),
    ("le portail de l'Assurance maladie", "https://www.ameli.fr/"),
    ("data.gouv.fr", "https://www.data.gouv.fr/"),
];

/// One generated page at a time, written into `text`.
struct Writer<'a> {
    chain: &'a Chain,
    random: &'a mut Random,
    titles: &'a [String],
    places: &'a [String],
    people: &'a [String],
    glossary: &'a [(String, String)],
    levers: &'a [(String, String)],
    sections: usize,
    text: String,
}

impl Writer<'_> {
    fn write(&mut self, i: usize, title: &str) {
        self.text.clear();
        // One page in five is a short notice, one in five a long page with sub-sections.
        let (intro, headings) = match self.random.below(10) {
            0 | 1 => (1, self.random.below(3)),
            8 | 9 => (2 + self.random.below(2), 7 + self.random.below(6)),
            _ => (1 + self.random.below(2), 3 + self.random.below(4)),
        };
        let description = self.chain.sentence(self.random, 10, 25);
        self.text.push_str(&format!(
            "+++\ntitle = \"{}\"\ndescription = \"{}\"\nweight = {i}\n\n[[sources]]\ndocument = \"Corpus synthétique\"\ndate = \"{} 2026\"\n",
            escape(title),
            escape(&description),
            MONTHS[self.random.below(12)],
        ));
        if self.random.below(3) == 0 {
            self.text
                .push_str(&format!("pages = \"{}\"\n", 2 + self.random.below(40)));
        }
        self.text.push_str("+++\n");
        for p in 0..intro {
            self.paragraph(p == 0);
        }
        let place = self.places[self.random.zipf(self.places.len())].clone();
        for h in 0..headings {
            let heading = self.chain.phrase(self.random, 2, 7);
            self.text.push_str(&format!("## {heading}\n\n"));
            self.paragraph(false);
            match self.random.below(10) {
                0 | 1 => self.bullets(),
                2 => self.steps(),
                3 => self.amounts(),
                4 => self.contacts(),
                5 => self.quote(),
                6 => self.nested(),
                _ => {}
            }
            if headings >= 8 && self.random.below(2) == 0 {
                let sub = self.chain.phrase(self.random, 2, 6);
                self.text.push_str(&format!("### {sub}\n\n"));
                self.paragraph(false);
            }
            if self.random.below(3) > 0 {
                self.paragraph(false);
            }
            // The closing line of most sections: a contact and two or three links.
            if self.random.below(4) > 0 {
                let person = &self.people[self.random.zipf(self.people.len())];
                let pages = self.titles.len().max(1);
                let next = (i + 1 + self.random.below(pages)) % pages;
                let (slug, lever) = &self.levers[(i + h) % self.levers.len()];
                self.text.push_str(&format!(
                    "Contact : {person}, référent à {place}. Voir [{}](../synthetique-{:02}/page-{next}.md) et la fiche *[{lever}](../leviers/{slug}.md)*",
                    self.titles[next],
                    next % self.sections,
                ));
                if self.random.below(5) == 0 {
                    let (label, url) = OUTSIDE[self.random.below(OUTSIDE.len())];
                    self.text.push_str(&format!(", ou [{label}]({url})"));
                }
                self.text.push_str(".\n\n");
            }
        }
    }

    /// Two to six sentences; now and then an acronym with its expansion, or a bold "À retenir".
    fn paragraph(&mut self, first: bool) {
        let sentences = 2 + self.random.below(4);
        for n in 0..sentences {
            if n > 0 {
                self.text.push(' ');
            }
            if ((first && n == 1) || self.random.below(20) == 0) && !self.glossary.is_empty() {
                let (acronym, expansion) = &self.glossary[self.random.below(self.glossary.len())];
                self.text.push_str(&format!(
                    "Pour mémoire, {acronym} signifie « {} ». ",
                    lowercase_first(expansion)
                ));
            }
            let sentence = self.chain.sentence(self.random, 8, 28);
            self.text.push_str(&sentence);
        }
        if self.random.below(8) == 0 {
            let sentence = self.chain.sentence(self.random, 8, 20);
            self.text.push_str(&format!(" **À retenir :** {sentence}"));
        }
        self.text.push_str("\n\n");
    }

    fn bullets(&mut self) {
        let bold = self.random.below(3) == 0;
        for _ in 0..3 + self.random.below(4) {
            let item = self.chain.sentence(self.random, 5, 16);
            if bold {
                let lead = self.chain.phrase(self.random, 1, 3);
                self.text.push_str(&format!("- **{lead}** : {item}\n"));
            } else {
                self.text.push_str(&format!("- {item}\n"));
            }
        }
        self.text.push('\n');
    }

    fn steps(&mut self) {
        for n in 1..=3 + self.random.below(3) {
            let item = self.chain.sentence(self.random, 6, 18);
            self.text.push_str(&format!("{n}. {item}\n"));
        }
        self.text.push('\n');
    }

    fn nested(&mut self) {
        for _ in 0..2 + self.random.below(2) {
            let item = self.chain.phrase(self.random, 3, 8);
            self.text.push_str(&format!("- {item} :\n"));
            for _ in 0..2 + self.random.below(3) {
                let sub = self.chain.sentence(self.random, 4, 12);
                self.text.push_str(&format!("  - {sub}\n"));
            }
        }
        self.text.push('\n');
    }

    fn amounts(&mut self) {
        self.text
            .push_str("| Poste | Montant | Échéance |\n|---|--:|---|\n");
        for _ in 0..2 + self.random.below(5) {
            let post = self.chain.phrase(self.random, 2, 5);
            let amount = 500 * (1 + self.random.below(800));
            self.text.push_str(&format!(
                "| {post} | {} {:03} € | {} {} {} |\n",
                amount / 1000,
                amount % 1000,
                1 + self.random.below(28),
                MONTHS[self.random.below(12)],
                2025 + self.random.below(3),
            ));
        }
        self.text.push('\n');
    }

    fn contacts(&mut self) {
        self.text
            .push_str("| Région | Référent | Délai de réponse |\n|---|---|---|\n");
        for _ in 0..3 + self.random.below(6) {
            let region = REGIONS[self.random.below(REGIONS.len())];
            let person = &self.people[self.random.zipf(self.people.len())];
            self.text.push_str(&format!(
                "| {region} | {person} | {} semaines |\n",
                2 + self.random.below(10)
            ));
        }
        self.text.push('\n');
    }

    fn quote(&mut self) {
        let said = self.chain.sentence(self.random, 12, 30);
        let said = said.trim_end_matches('.');
        self.text.push_str(&format!(
            "> « {said} »\n>\n> — Guide pratique APIST, juillet 2020, p. {}\n\n",
            2 + self.random.below(40)
        ));
    }
}

/// The portal's prose, one piece per paragraph or string: Markdown bodies without markup, and
/// the quoted strings of front matter and TOML files that are sentences rather than keys.
fn prose(content: &Path) -> std::io::Result<Vec<String>> {
    let mut files = Vec::new();
    let mut stack = vec![content.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(dir)? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "md" || e == "toml") {
                files.push(path);
            }
        }
    }
    files.sort();
    let mut pieces = Vec::new();
    for file in files {
        let text = fs::read_to_string(&file)?;
        let markdown = file.extension().is_some_and(|e| e == "md");
        let mut in_toml = !markdown;
        let mut in_code = false;
        for line in text.lines() {
            if markdown && line.trim() == "+++" {
                in_toml = !in_toml;
                continue;
            }
            if in_toml {
                if !line.trim_start().starts_with('#') {
                    // Sentences, not names: "Guide pratique APIST" would come back too often.
                    pieces.extend(
                        quoted(line)
                            .into_iter()
                            .filter(|s| s.split_whitespace().count() >= 5),
                    );
                }
                continue;
            }
            if line.trim_start().starts_with("```") {
                in_code = !in_code;
            }
            let line = line.trim_start_matches(|c: char| "#>-*+ ".contains(c));
            let line = line.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
            if !in_code && !line.starts_with('|') && line.split_whitespace().count() >= 4 {
                pieces.push(line.to_owned());
            }
        }
    }
    Ok(pieces
        .iter()
        .map(|piece| unmark(piece))
        .filter(|p| !p.is_empty())
        .collect())
}

/// The double-quoted strings of a TOML line, unescaped.
fn quoted(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match (&mut current, c) {
            (None, '"') => current = Some(String::new()),
            (None, '#') => break,
            (None, _) => {}
            (Some(s), '\\') => {
                if let Some(next) = chars.next() {
                    s.push(next);
                }
            }
            (Some(_), '"') => out.extend(current.take()),
            (Some(s), c) => s.push(c),
        }
    }
    out
}

/// Text without Markdown: `[label](target)` becomes `label`, emphasis and code marks go.
fn unmark(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('[') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after
            .find("](")
            .and_then(|mid| after[mid..].find(')').map(|end| (mid, mid + end + 1)))
        {
            Some((mid, end)) => {
                out.push_str(&after[..mid]);
                rest = &after[end..];
            }
            None => {
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out.replace(['*', '`', '_', '<', '>', '{', '}', '[', ']', '|', '\\'], "")
        .split_whitespace()
        .filter(|w| !w.contains(['/', '=', '"', '#']))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The glossary's acronyms and expansions.
fn glossary(file: &Path) -> Vec<(String, String)> {
    let text = fs::read_to_string(file).unwrap_or_default();
    let mut out = Vec::new();
    let mut acronym = None;
    for line in text.lines() {
        if line.starts_with("acronym = ") {
            acronym = quoted(line).into_iter().next();
        } else if line.starts_with("expansion = ") {
            if let (Some(a), Some(e)) = (acronym.take(), quoted(line).into_iter().next()) {
                out.push((a, e));
            }
        }
    }
    out
}

/// The levers' slugs and short titles (or titles), in file-name order.
fn levers(dir: &Path) -> std::io::Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        let stem = path.file_stem().unwrap_or_default().to_string_lossy();
        if path.extension().is_none_or(|e| e != "md") || stem.starts_with('_') {
            continue;
        }
        let text = fs::read_to_string(&path)?;
        let field = |key: &str| {
            text.lines()
                .find(|l| l.starts_with(key))
                .and_then(|l| quoted(l).into_iter().next())
        };
        let title = field("short_title = ")
            .or_else(|| field("title = "))
            .unwrap_or_else(|| stem.to_string());
        out.push((stem.into_owned(), title));
    }
    out.sort();
    Ok(out)
}

const END: usize = usize::MAX;

/// Word-level Markov chain: which words follow each pair of words, and each word, in the corpus.
struct Chain {
    words: Vec<String>,
    next2: HashMap<(usize, usize), Vec<usize>>,
    next1: HashMap<usize, Vec<usize>>,
    starts: Vec<(usize, usize)>,
}

impl Chain {
    fn train(pieces: &[String]) -> Chain {
        let mut ids: HashMap<String, usize> = HashMap::new();
        let mut chain = Chain {
            words: Vec::new(),
            next2: HashMap::new(),
            next1: HashMap::new(),
            starts: Vec::new(),
        };
        for piece in pieces {
            // Sentences: a piece ends one, and so does a word ending in . ? or !.
            let mut sentence: Vec<usize> = Vec::new();
            let words: Vec<&str> = piece.split_whitespace().collect();
            for (n, word) in words.iter().enumerate() {
                let id = *ids.entry((*word).to_owned()).or_insert_with(|| {
                    chain.words.push((*word).to_owned());
                    chain.words.len() - 1
                });
                sentence.push(id);
                if word.ends_with(['.', '?', '!']) || n + 1 == words.len() {
                    chain.learn(&sentence);
                    sentence.clear();
                }
            }
        }
        if chain.starts.is_empty() {
            chain.words.push("Santé.".into());
            chain.learn(&[0, 0]);
        }
        chain
    }

    fn learn(&mut self, sentence: &[usize]) {
        if sentence.len() < 3 || !self.words[sentence[0]].starts_with(char::is_uppercase) {
            return;
        }
        self.starts.push((sentence[0], sentence[1]));
        for (n, &word) in sentence.iter().enumerate() {
            let following = sentence.get(n + 1).copied().unwrap_or(END);
            self.next1.entry(word).or_default().push(following);
            if n > 0 {
                self.next2
                    .entry((sentence[n - 1], word))
                    .or_default()
                    .push(following);
            }
        }
    }

    /// Raw words of one sentence: stops at a sentence end past `min` words, or at `max`.
    fn words(&self, random: &mut Random, min: usize, max: usize) -> Vec<&str> {
        let (mut a, mut b) = self.starts[random.below(self.starts.len())];
        let mut out = vec![self.words[a].as_str(), self.words[b].as_str()];
        while out.len() < max {
            // Two words of context, but one in four steps with one word, for new sentences.
            let followers = match self.next2.get(&(a, b)) {
                Some(f) if random.below(4) > 0 => f,
                _ => &self.next1[&b],
            };
            let mut next = followers[random.below(followers.len())];
            if next == END {
                if out.len() >= min {
                    break;
                }
                // Too short: go on from any word that may follow this one.
                let all = &self.next1[&b];
                next = all[random.below(all.len())];
                if next == END {
                    break;
                }
            }
            (a, b) = (b, next);
            out.push(self.words[next].as_str());
        }
        out
    }

    /// A sentence of `min` to `max` words (give or take), capitalised and ending in a full stop.
    fn sentence(&self, random: &mut Random, min: usize, max: usize) -> String {
        let words = self.words(random, min, max);
        let text = balance(&words.join(" "));
        let mut out = text.trim_end_matches([',', ';', ':', ' ']).to_owned();
        if !out.ends_with(['.', '?', '!']) {
            out.push('.');
        }
        capitalise(&out)
    }

    /// A title or heading: a sentence without its final punctuation nor a dangling article.
    fn phrase(&self, random: &mut Random, min: usize, max: usize) -> String {
        let mut words = self.words(random, min, max);
        const DANGLING: [&str; 24] = [
            "de", "du", "des", "la", "le", "les", "l'", "d'", "un", "une", "à", "au", "aux", "et",
            "ou", "en", "pour", "par", "sur", "dans", "que", "qui", "avec", "son",
        ];
        while words.len() > 1
            && (DANGLING.contains(&words[words.len() - 1].to_lowercase().as_str())
                || words[words.len() - 1].ends_with('\''))
        {
            words.pop();
        }
        let text = words.join(" ");
        let text = text.trim_end_matches(['.', ',', ';', ':', ' ', '?', '!', '«']);
        capitalise(&balance(text))
    }
}

/// Drops the closing brackets and guillemets that close nothing, closes those left open, and
/// tidies the end: no dangling comma or opening guillemet, a space kept before ? and !.
fn balance(text: &str) -> String {
    let body = text.trim_end_matches(['.', '?', '!']);
    let end = &text[body.len()..];
    let spaced = body.ends_with(' ') && !end.is_empty() && end != ".";
    let body = body.trim_end_matches([',', ';', ':', ' ', '«', '(']);
    let mut out = String::with_capacity(text.len() + 4);
    let mut open: Vec<char> = Vec::new();
    for c in body.chars() {
        match c {
            '(' | '«' => {
                open.push(c);
                out.push(c);
            }
            ')' | '»' => {
                let opener = if c == ')' { '(' } else { '«' };
                if open.last() == Some(&opener) {
                    open.pop();
                    out.push(c);
                }
            }
            _ => out.push(c),
        }
    }
    let mut out = out.split_whitespace().collect::<Vec<_>>().join(" ");
    while let Some(c) = open.pop() {
        out.push_str(if c == '(' { ")" } else { " »" });
    }
    if spaced {
        out.push(' ');
    }
    out.push_str(end);
    out
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.clone().next()) {
        // Keep "ARS", "Île-de-France": only a capital followed by a lowercase letter is lowered.
        (Some(c), Some(d)) if c.is_uppercase() && d.is_lowercase() => {
            c.to_lowercase().chain(chars).collect()
        }
        _ => text.to_owned(),
    }
}

/// A pronounceable French-looking name: "Saint-Lorvanes", "Beaucharel".
fn name(random: &mut Random) -> String {
    const FIRST: [&str; 12] = [
        "Beau", "Mont", "Saint-", "Val", "Ro", "Cha", "Ker", "La", "Ville", "Font", "Ber", "Gi",
    ];
    const MIDDLE: [&str; 14] = [
        "char", "lor", "van", "mé", "ri", "bé", "tal", "quen", "mar", "do", "sé", "vil", "ga",
        "pré",
    ];
    const LAST: [&str; 10] = [
        "el", "es", "ac", "ières", "ot", "ange", "ay", "in", "oux", "ard",
    ];
    let mut out = FIRST[random.below(FIRST.len())].to_owned();
    for _ in 0..1 + random.below(2) {
        out.push_str(MIDDLE[random.below(MIDDLE.len())]);
    }
    out.push_str(LAST[random.below(LAST.len())]);
    out
}

fn escape(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"")
}

/// Deterministic pseudo-random numbers (xorshift).
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// An index below `n`, small ones far more often (about Zipf's law).
    fn zipf(&mut self, n: usize) -> usize {
        let u = (self.next() % 1_000_000) as f64 / 1_000_000.0;
        ((n as f64).powf(u) as usize).saturating_sub(1).min(n - 1)
    }
}

fn copy(from: &Path, to: &Path) -> std::io::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}
