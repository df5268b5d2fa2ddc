//! Figures for the issue note (not a timed test): `cargo bench -p wizard`.
//! Prints the time to parse and validate the rules, to evaluate one set of
//! answers, to enumerate every path, and the size of the WebAssembly engine
//! when `WIZARD_WASM` points at it (the build script writes it to
//! `$OUT_DIR/wizard.wasm`).

use std::time::{Duration, Instant};
use wizard::{enumerate, evaluate, Answers, Facts, Rules};

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                std::hint::black_box(f());
                start.elapsed()
            })
            .collect(),
    )
}

fn main() {
    let dir = env!("CARGO_MANIFEST_DIR");
    let source =
        std::fs::read_to_string(format!("{dir}/../content/data/assistant.toml")).expect("rules");
    let facts: Facts = toml::from_str(include_str!("../tests/fixtures/facts.toml")).expect("facts");
    let rules = Rules::parse(&source, &facts).expect("valid rules");
    let answers = Answers::from_fragment(
        "porteur=startup&besoin=vendre&montant=60000&maturite=pret&region=bretagne",
    );

    let parse = time(20, || Rules::parse(&source, &facts));
    let eval = time(10_000, || evaluate(&rules, &facts, &answers));
    let paths = enumerate(&rules, &facts).len();
    let all = time(5, || enumerate(&rules, &facts));
    println!("parse + validate (every path checked): {parse:?}");
    println!("evaluate one set of answers:           {eval:?}");
    println!("enumerate {paths} paths with outcomes:  {all:?}");

    match std::env::var_os("WIZARD_WASM") {
        Some(path) => {
            let bytes = std::fs::read(&path).expect("WIZARD_WASM is readable");
            let gzipped = std::process::Command::new("gzip")
                .args(["-9", "-c"])
                .arg(&path)
                .output()
                .map(|o| o.stdout.len());
            println!(
                "wasm: {} bytes raw, {} bytes gzip -9",
                bytes.len(),
                gzipped.map_or("?".into(), |n| n.to_string())
            );
        }
        None => println!("wasm: set WIZARD_WASM=…/wizard.wasm to report its size"),
    }
}
