//! Benchmark of the search index (figures, not a test): how long the index stage takes next to
//! the whole compile, and what it writes, for any site folder.
//!
//! cargo run --release --example synthetic_site -- /tmp/synth-10000 10000
//! cargo run --release --example search_bench -- --root /tmp/synth-10000
//!
//! Prints the time of each stage (load, render, index), the index's share of the compile, the
//! peak memory of the process, and the files of `search/`: count, raw and gzipped sizes, the
//! manifest, the shards (largest, median) and the page texts. Bytes loaded per query and time to
//! first results in a browser: `node tests/bench/search_bench.mjs SITE` on the built site.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let mut root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    while let Some(arg) = args.next() {
        match (arg.as_str(), args.next()) {
            ("--root", Some(dir)) => root = dir.into(),
            _ => {
                eprintln!("usage: search_bench [--root DIR]");
                std::process::exit(2);
            }
        }
    }
    let today = portail::date::Date::parse("2026-11-22").expect("valid date");
    let started = Instant::now();
    let Ok((site, mut diags)) = portail::load::load(&root, today) else {
        eprintln!(
            "{}: the content does not load (run portail check)",
            root.display()
        );
        std::process::exit(1);
    };
    let loaded = started.elapsed();
    let templates = portail::assets::templates(&root, &mut diags);
    let render_start = Instant::now();
    // The build indexes each chunk as render makes it; kept apart here to time the index alone.
    let mut chunks = Vec::new();
    let Ok(_) = portail::render::render(
        &site,
        &templates,
        &portail::render::Options { livereload: false },
        None,
        &portail::output::Discard,
        &mut |texts| chunks.push(texts),
        None,
    ) else {
        eprintln!(
            "{}: the site does not render (run portail check)",
            root.display()
        );
        std::process::exit(1);
    };
    let render = render_start.elapsed();
    let rss_before = peak_rss_kib();
    let index_start = Instant::now();
    let memory = portail::output::Memory::default();
    let mut indexer = portail::index::Indexer::new(&site, None);
    for texts in chunks {
        indexer.add(texts, &memory);
    }
    if let Err(e) = indexer.finish(&memory) {
        eprintln!("{}", e.message);
        std::process::exit(1);
    }
    let files: Vec<portail::output::OutputFile> = memory
        .into_files()
        .into_iter()
        .map(|(path, bytes)| portail::output::OutputFile { path, bytes })
        .collect();
    let index = index_start.elapsed();
    let total = started.elapsed();
    let ms = |d: std::time::Duration| format!("{:.0} ms", d.as_secs_f64() * 1000.0);
    println!("site {}: {} pages", root.display(), site.pages.len());
    println!(
        "  load {}, render {}, index {} ({:.0} % of load + render + index, {})",
        ms(loaded),
        ms(render),
        ms(index),
        100.0 * index.as_secs_f64() / total.as_secs_f64(),
        ms(total)
    );
    println!(
        "  peak memory: {} MiB before the index stage, {} MiB after",
        rss_before / 1024,
        peak_rss_kib() / 1024
    );
    let group = |prefix: &str| -> Vec<(usize, usize)> {
        files
            .iter()
            .filter(|f| f.path.starts_with(prefix))
            .map(|f| (f.bytes.len(), gzipped(&f.bytes)))
            .collect()
    };
    let manifest = group("search/index.js");
    let mut shards = group("search/t/");
    // Page texts: a sample of about 200 (one gzip process per file).
    let page_files: Vec<_> = files
        .iter()
        .filter(|f| f.path.starts_with("search/p/"))
        .collect();
    let step = (page_files.len() / 200).max(1);
    let pages: Vec<(usize, usize)> = page_files
        .iter()
        .step_by(step)
        .map(|f| (f.bytes.len(), gzipped(&f.bytes)))
        .collect();
    shards.sort_by_key(|s| s.1);
    let sum = |list: &[(usize, usize)]| list.iter().fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    let (shard_raw, shard_gz) = sum(&shards);
    let (page_raw, page_gz) = sum(&pages);
    let page_total_raw: usize = page_files.iter().map(|f| f.bytes.len()).sum();
    println!(
        "  manifest: {} raw, {} gzipped",
        kib(manifest[0].0),
        kib(manifest[0].1)
    );
    println!(
        "  {} shards: {} raw, {} gzipped in all; largest {} gzipped, median {}",
        shards.len(),
        kib(shard_raw),
        kib(shard_gz),
        kib(shards.last().map_or(0, |s| s.1)),
        kib(shards.get(shards.len() / 2).map_or(0, |s| s.1))
    );
    println!(
        "  {} page texts: {} raw in all; mean {} raw, {} gzipped (sample of {})",
        page_files.len(),
        kib(page_total_raw),
        kib(page_raw / pages.len().max(1)),
        kib(page_gz / pages.len().max(1)),
        pages.len()
    );
}

fn kib(bytes: usize) -> String {
    format!("{:.1} KiB", bytes as f64 / 1024.0)
}

/// Peak resident memory of this process so far (Linux), in KiB.
fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

/// Size after `gzip -9`, as a static server would send it.
fn gzipped(bytes: &[u8]) -> usize {
    let child = Command::new("gzip")
        .arg("-9c")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn();
    let Ok(mut child) = child else {
        return 0;
    };
    if let Some(mut stdin) = child.stdin.take() {
        // Fed from a thread: gzip writes while it reads, and both pipes have a bounded size.
        let input = bytes.to_vec();
        std::thread::spawn(move || stdin.write_all(&input));
    }
    child.wait_with_output().map_or(0, |o| o.stdout.len())
}
