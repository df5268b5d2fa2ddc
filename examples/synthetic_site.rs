//! Writes a synthetic site for benchmarks: the real portal plus N generated pages in 20 sections.
//!
//! cargo run --release --example synthetic_site -- /tmp/synth 10000
//! cargo run --release -- build --root /tmp/synth --date 2026-11-22
//!
//! The pages read as ordinary French of the domain: their sentences come from a word-level Markov
//! chain trained on the portal's own content, so the vocabulary, word frequencies, accents,
//! elisions, acronyms and numbers are those of the real site; place and person names drawn from
//! thousands of generated ones give the long tail of rare words a real corpus has. Each page has
//! front matter, an introduction, three to seven sections of varied length, lists, a table of
//! amounts, links to other pages and to levers, about 5 KB of Markdown in all (10 000 pages make
//! about 50 MB). Deterministic: the same N gives the same files.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let root = PathBuf::from(args.next().unwrap_or_else(|| "/tmp/synth".into()));
    let pages: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(10_000);
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let _ = fs::remove_dir_all(&root);
    copy(&repo.join("content"), &root.join("content"))?;
    fs::copy(repo.join("portail.toml"), root.join("portail.toml"))?;
    let chain = Chain::train(&corpus(&repo.join("content"))?);
    let mut random = Random(0x9E37_79B9_7F4A_7C15);
    let places: Vec<String> = (0..4000).map(|_| name(&mut random)).collect();
    let people: Vec<String> = (0..3000).map(|_| name(&mut random)).collect();
    let sections = 20;
    for s in 0..sections {
        let dir = root.join(format!("content/synthetique-{s:02}"));
        fs::create_dir_all(&dir)?;
        fs::write(dir.join("_index.md"), format!("+++\ntitle = \"Rubrique synthétique {s}\"\n[[sources]]\ndocument = \"Corpus synthétique\"\ndate = \"2026\"\n+++\nPages générées pour mesurer le générateur.\n"))?;
    }
    const LEVERS: [&str; 9] = [
        "fir",
        "cpom",
        "article-51",
        "appels-a-projets",
        "mig-cooperation-internationale",
        "achats-innovants",
        "conference-des-financeurs",
        "tiga",
        "indemand",
    ];
    for i in 0..pages {
        let s = i % sections;
        let mut text = String::with_capacity(6000);
        let title = chain
            .sentence(&mut random, 4, 9)
            .trim_end_matches('.')
            .to_owned();
        let place = &places[random.zipf(places.len())];
        text.push_str(&format!(
            "+++\ntitle = \"{} ({place})\"\ndescription = \"{}\"\nweight = {i}\n\n[[sources]]\ndocument = \"Corpus synthétique\"\ndate = \"2026\"\n+++\n",
            escape(&title),
            escape(&chain.sentence(&mut random, 10, 25)),
        ));
        text.push_str(&chain.paragraph(&mut random, 2, 5));
        text.push_str("\n\n");
        let headings = 3 + random.below(5);
        for h in 0..headings {
            let heading = chain
                .sentence(&mut random, 2, 6)
                .trim_end_matches('.')
                .to_owned();
            text.push_str(&format!("## {heading}\n\n"));
            match random.below(6) {
                0 => {
                    for _ in 0..3 + random.below(4) {
                        text.push_str(&format!("- {}\n", chain.sentence(&mut random, 5, 14)));
                    }
                    text.push('\n');
                }
                1 => {
                    text.push_str("| Poste | Montant | Échéance |\n|---|---|---|\n");
                    for _ in 0..2 + random.below(4) {
                        let amount = 1000 * (1 + random.below(400));
                        text.push_str(&format!(
                            "| {} | {} {:03} € | {} {} |\n",
                            chain.sentence(&mut random, 2, 4).trim_end_matches('.'),
                            amount / 1000,
                            amount % 1000,
                            1 + random.below(28),
                            ["janvier", "mars", "juin", "septembre", "décembre"][random.below(5)],
                        ));
                    }
                    text.push('\n');
                }
                _ => {}
            }
            text.push_str(&chain.paragraph(&mut random, 1, 6));
            let person = &people[random.zipf(people.len())];
            let next = (i + 1 + random.below(pages.max(1))) % pages.max(1);
            text.push_str(&format!(
                " Contact : {person}, référent à {place}. Voir [la page {next}](../synthetique-{:02}/page-{next}.md) et [le levier](../leviers/{}.md).\n\n",
                next % sections,
                LEVERS[(i + h) % LEVERS.len()],
            ));
        }
        fs::write(
            root.join(format!("content/synthetique-{s:02}/page-{i}.md")),
            text,
        )?;
    }
    println!("{} pages générées dans {}", pages, root.display());
    Ok(())
}

/// The words of the portal's Markdown bodies and TOML strings, in reading order.
fn corpus(content: &Path) -> std::io::Result<Vec<String>> {
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
    let mut words = Vec::new();
    for file in files {
        let text = fs::read_to_string(file)?;
        for line in text.lines() {
            // Prose only: no front-matter keys, table rules, headings markers or code.
            let line = line.split_once(" = \"").map_or(line, |(_, v)| v);
            if line.starts_with("+++") || line.starts_with('|') || line.starts_with('[') {
                continue;
            }
            for word in line.split_whitespace() {
                let word = word.trim_matches(|c: char| "#*`\"()[]<>{}".contains(c) || c == '\\');
                if !word.is_empty()
                    && !word.contains("](")
                    && !word.contains('/')
                    && !word.contains('=')
                {
                    words.push(word.to_owned());
                }
            }
        }
    }
    Ok(words)
}

/// Word-level Markov chain: which words follow each word in the corpus.
struct Chain {
    words: Vec<String>,
    next: HashMap<usize, Vec<usize>>,
    starts: Vec<usize>,
}

impl Chain {
    fn train(corpus: &[String]) -> Chain {
        let mut ids: HashMap<&str, usize> = HashMap::new();
        let mut words = Vec::new();
        let sequence: Vec<usize> = corpus
            .iter()
            .map(|w| {
                *ids.entry(w.as_str()).or_insert_with(|| {
                    words.push(w.clone());
                    words.len() - 1
                })
            })
            .collect();
        let mut next: HashMap<usize, Vec<usize>> = HashMap::new();
        let mut starts = Vec::new();
        for pair in sequence.windows(2) {
            next.entry(pair[0]).or_default().push(pair[1]);
            if words[pair[0]].ends_with('.') && words[pair[1]].starts_with(char::is_uppercase) {
                starts.push(pair[1]);
            }
        }
        if starts.is_empty() {
            starts.push(0);
        }
        Chain {
            words,
            next,
            starts,
        }
    }

    fn sentence(&self, random: &mut Random, min: usize, max: usize) -> String {
        let length = min + random.below(max - min + 1);
        let mut word = self.starts[random.below(self.starts.len())];
        let mut out = String::new();
        for n in 0..length {
            if n > 0 {
                out.push(' ');
            }
            out.push_str(&self.words[word]);
            word = match self.next.get(&word) {
                Some(followers) => followers[random.below(followers.len())],
                None => self.starts[random.below(self.starts.len())],
            };
        }
        let mut out = out.trim_end_matches([',', ';', ':']).to_owned();
        if !out.ends_with(['.', '?', '!']) {
            out.push('.');
        }
        let mut chars = out.chars();
        chars
            .next()
            .map_or(out.clone(), |c| c.to_uppercase().chain(chars).collect())
    }

    fn paragraph(&self, random: &mut Random, min: usize, max: usize) -> String {
        let sentences = min + random.below(max - min + 1);
        (0..sentences)
            .map(|_| self.sentence(random, 8, 28))
            .collect::<Vec<_>>()
            .join(" ")
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
