//! Benchmark of the search index (figures, not a test): size raw and gzipped, and indexing
//! time, for a real site and for a synthetic site of many pages.
//!
//! cargo run --release --example search_bench                       # this repository's site
//! cargo run --release --example search_bench -- --root /tmp/synth  # any site folder
//! cargo run --release --example search_bench -- --synthetic 10000 --write /tmp/bench-index.js
//!
//! The synthetic site has, per page, an entry and three sections (so 10 000 pages make 40 000
//! entries), with titles and bodies drawn from a French vocabulary of a few thousand words
//! (Zipf-like frequencies, deterministic), lever-like keywords on page entries, numbers and
//! acronyms. `--write` saves its `search-index.js`, to time queries in the browser
//! (tests/browser/search.test.mjs with PORTAIL_SEARCH_BENCH_INDEX=that file).

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use portail::search::{build_index, SearchDoc};

fn main() {
    let mut args = std::env::args().skip(1);
    let mut root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut synthetic: Option<usize> = None;
    let mut write: Option<PathBuf> = None;
    while let Some(arg) = args.next() {
        match (arg.as_str(), args.next()) {
            ("--root", Some(dir)) => root = dir.into(),
            ("--synthetic", Some(n)) => synthetic = n.parse().ok(),
            ("--write", Some(file)) => write = Some(file.into()),
            _ => {
                eprintln!("usage: search_bench [--root DIR] [--synthetic PAGES] [--write FILE]");
                std::process::exit(2);
            }
        }
    }
    let (label, docs) = match synthetic {
        Some(pages) => (
            format!("synthetic site, {pages} pages"),
            synthetic_docs(pages),
        ),
        None => match site_docs(&root) {
            Ok(docs) => (format!("site {}", root.display()), docs),
            Err(message) => {
                eprintln!("{message}");
                std::process::exit(1);
            }
        },
    };
    let (js, timing) = timed(|| build_index(&docs));
    let text_chars: usize = docs
        .iter()
        .map(|d| d.body.chars().count() + d.keywords.chars().count())
        .sum();
    println!(
        "{label}: {} entries, {} chars of text",
        docs.len(),
        text_chars
    );
    println!(
        "  search-index.js: {} raw, {} gzipped (-9)",
        kib(js.len()),
        gzipped(js.as_bytes())
    );
    println!("  build_index: {timing}");
    if let Some(file) = write {
        match std::fs::write(&file, &js) {
            Ok(()) => println!("  written to {}", file.display()),
            Err(error) => eprintln!("  cannot write {}: {error}", file.display()),
        }
    }
}

/// Median of a few runs (one for large inputs), with the result of the last.
fn timed(run: impl Fn() -> String) -> (String, String) {
    let first = Instant::now();
    let mut out = run();
    let mut times = vec![first.elapsed()];
    while times.len() < 5 && times.iter().sum::<Duration>() < Duration::from_secs(3) {
        let start = Instant::now();
        out = run();
        times.push(start.elapsed());
    }
    times.sort();
    let median = times[times.len() / 2];
    (
        out,
        format!(
            "{:.1} ms (median of {} runs)",
            median.as_secs_f64() * 1000.0,
            times.len()
        ),
    )
}

fn kib(bytes: usize) -> String {
    format!("{:.1} KiB", bytes as f64 / 1024.0)
}

/// Size after `gzip -9`, as a static server would send it.
fn gzipped(bytes: &[u8]) -> String {
    let child = Command::new("gzip")
        .arg("-9c")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn();
    let Ok(mut child) = child else {
        return "n/a (no gzip command)".into();
    };
    if let Some(mut stdin) = child.stdin.take() {
        // Fed from a thread: gzip writes while it reads, and both pipes have a bounded size.
        let input = bytes.to_vec();
        std::thread::spawn(move || stdin.write_all(&input));
    }
    match child.wait_with_output() {
        Ok(output) => kib(output.stdout.len()),
        Err(_) => "n/a".into(),
    }
}

/// The search entries of a real site, as `portail build` makes them.
fn site_docs(root: &std::path::Path) -> Result<Vec<SearchDoc>, String> {
    let today = portail::date::Date::parse("2024-01-15")?;
    let (site, mut diags) = portail::load::load(root, today).map_err(|_| {
        format!(
            "{}: the content does not load (run portail check)",
            root.display()
        )
    })?;
    let templates = portail::assets::templates(root, &mut diags);
    let rendered = portail::render::render(
        &site,
        &templates,
        &portail::render::Options { livereload: false },
    )
    .map_err(|_| {
        format!(
            "{}: the site does not render (run portail check)",
            root.display()
        )
    })?;
    Ok(portail::index::documents(&rendered.texts))
}

/// Deterministic pseudo-random numbers (xorshift), so that every run measures the same site.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// An index below `n`, small ones far more often (about Zipf's law of word frequencies).
    fn zipf(&mut self, n: usize) -> usize {
        let u = (self.next() % 1_000_000) as f64 / 1_000_000.0;
        ((n as f64).powf(u) as usize).saturating_sub(1).min(n - 1)
    }
}

const STEMS: &[&str] = &[
    "financ",
    "innov",
    "sant",
    "projet",
    "établiss",
    "évalu",
    "expériment",
    "parcours",
    "soin",
    "territor",
    "coordin",
    "organis",
    "prévent",
    "autonom",
    "numér",
    "télésant",
    "professionnel",
    "régional",
    "national",
    "appel",
    "candidat",
    "contrat",
    "object",
    "moyen",
    "subvent",
    "march",
    "achat",
    "seuil",
    "procédur",
    "public",
    "privé",
    "patient",
    "usag",
    "hôpital",
    "clinique",
    "médic",
    "social",
    "ambulatoir",
    "accompagn",
    "déploi",
    "industri",
    "entrepris",
    "start",
    "référent",
    "agenc",
    "mission",
    "intérêt",
    "général",
    "coopér",
    "international",
    "conférenc",
];
const ENDINGS: &[&str] = &[
    "", "e", "es", "s", "ation", "ations", "ement", "ements", "eur", "eurs", "ique", "iques", "al",
    "aux", "ité", "ités", "er", "é", "ée", "ant", "ants", "ive", "if",
];
const FUNCTION_WORDS: &[&str] = &[
    "le", "la", "les", "de", "des", "du", "et", "à", "un", "une", "pour", "par", "sur", "dans",
    "l'", "d'", "avec", "en", "au", "aux", "qui", "que",
];
const ACRONYMS: &[&str] = &[
    "ARS", "FIR", "CPOM", "MIG", "AAC", "AAP", "AMI", "TIGA", "CNSA", "EHPAD",
];

fn word(random: &mut Random) -> String {
    let roll = random.next() % 100;
    if roll < 35 {
        return FUNCTION_WORDS[random.zipf(FUNCTION_WORDS.len())].to_string();
    }
    if roll < 38 {
        return ACRONYMS[random.zipf(ACRONYMS.len())].to_string();
    }
    if roll < 41 {
        return (random.next() % 100_000).to_string();
    }
    // Stems × endings × a rare suffix number give a vocabulary of several thousand words.
    let stem = STEMS[random.zipf(STEMS.len())];
    let ending = ENDINGS[random.zipf(ENDINGS.len())];
    let variant = random.zipf(60);
    if variant < 5 {
        format!("{stem}{ending}")
    } else {
        format!(
            "{stem}{ending}{}",
            ["a", "o", "i", "u"][variant % 4].repeat(variant / 4)
        )
    }
}

fn sentence(random: &mut Random, words: usize) -> String {
    (0..words)
        .map(|_| word(random))
        .collect::<Vec<_>>()
        .join(" ")
}

fn synthetic_docs(pages: usize) -> Vec<SearchDoc> {
    let mut random = Random(0x9E37_79B9_7F4A_7C15);
    let mut docs = Vec::with_capacity(pages * 4);
    for page in 0..pages {
        let url = format!("synthetique-{:02}/page-{page}/index.html", page % 20);
        let title = format!("{} {page}", sentence(&mut random, 6));
        let section = format!("Rubrique synthétique {}", page % 20);
        docs.push(SearchDoc {
            url: url.clone(),
            title: title.clone(),
            section: section.clone(),
            body: sentence(&mut random, 40),
            keywords: sentence(&mut random, 30),
        });
        for heading in ["calendrier", "financement", "evaluation"] {
            docs.push(SearchDoc {
                url: format!("{url}#{heading}"),
                title: format!("{title} — {}", sentence(&mut random, 3)),
                section: section.clone(),
                body: sentence(&mut random, 80),
                keywords: String::new(),
            });
        }
    }
    docs
}
