//! Writes the content of the Hugo and Zola sites that `bench/run.sh` builds beside portail.
//!
//! cargo run --release --example bench_peers -- CORPUS OUT
//!
//! CORPUS is a site written by the `synthetic_site` example. OUT/hugo/content and
//! OUT/zola/content receive the same generated pages (content/synthetique-XX/) and a stub page for
//! each lever they link to (content/leviers/), with front matter each tool accepts:
//! - both read TOML front matter between `+++` lines: `title`, `description`, `weight` stay; each
//!   page gets a `date` (ten pages a day, newest first) so that feeds list their latest pages;
//! - portail's `[[sources]]` stay as they are for Hugo (unknown keys become page params) and move
//!   under `[extra]` for Zola, which rejects unknown keys;
//! - links to other pages (`../synthetique-03/page-7.md`) stay as they are for Hugo, whose link
//!   render hook (bench/hugo/layouts/_default/_markup/render-link.html) resolves them as portail
//!   does; for Zola they become its internal links (`@/synthetique-03/page-7.md`), checked and
//!   resolved at build time.
//!
//! The rest of the real portal (levers' structured fields, glossary, wizard, updates) has no
//! equivalent in the peers and is left out: the generated pages dominate every build.

use std::fs;
use std::path::Path;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let (Some(corpus), Some(out)) = (args.next(), args.next()) else {
        eprintln!("usage: bench_peers CORPUS OUT");
        std::process::exit(2);
    };
    let content = Path::new(&corpus).join("content");
    let out = Path::new(&out);
    let hugo = out.join("hugo/content");
    let zola = out.join("zola/content");
    for dir in [&hugo, &zola] {
        let _ = fs::remove_dir_all(dir);
        fs::create_dir_all(dir)?;
    }
    let home = "+++\ntitle = \"Leviers ARS pour l'innovation en santé\"\n+++\n";
    fs::write(hugo.join("_index.md"), home)?;
    fs::write(zola.join("_index.md"), home)?;

    let mut sections: Vec<_> = fs::read_dir(&content)?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("synthetique-"))
        .collect();
    sections.sort();
    let mut pages = 0;
    for section in &sections {
        fs::create_dir_all(hugo.join(section))?;
        fs::create_dir_all(zola.join(section))?;
        for entry in fs::read_dir(content.join(section))? {
            let path = entry?.path();
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            if !name.ends_with(".md") {
                continue;
            }
            let text = fs::read_to_string(&path)?;
            let Some((front, body)) = split(&text) else {
                continue;
            };
            if name == "_index.md" {
                fs::write(hugo.join(section).join(&*name), &text)?;
                let front =
                    front.replacen("[[sources]]", "sort_by = \"weight\"\n[[extra.sources]]", 1);
                fs::write(
                    zola.join(section).join(&*name),
                    format!("+++\n{front}+++\n{body}"),
                )?;
                continue;
            }
            let number: u64 = name
                .trim_start_matches("page-")
                .trim_end_matches(".md")
                .parse()
                .unwrap_or(0);
            let front = dated(front, number);
            fs::write(
                hugo.join(section).join(&*name),
                format!("+++\n{front}+++\n{body}"),
            )?;
            let zola_front = front.replace("[[sources]]", "[[extra.sources]]");
            fs::write(
                zola.join(section).join(&*name),
                format!("+++\n{zola_front}+++\n{}", body.replace("](../", "](@/")),
            )?;
            pages += 1;
        }
    }

    // The levers the pages link to: title and description, nothing else.
    for dir in [&hugo, &zola] {
        fs::create_dir_all(dir.join("leviers"))?;
    }
    fs::write(
        hugo.join("leviers/_index.md"),
        "+++\ntitle = \"Leviers\"\n+++\n",
    )?;
    fs::write(
        zola.join("leviers/_index.md"),
        "+++\ntitle = \"Leviers\"\nsort_by = \"weight\"\n+++\n",
    )?;
    for entry in fs::read_dir(content.join("leviers"))? {
        let path = entry?.path();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        if !name.ends_with(".md") || name.starts_with('_') {
            continue;
        }
        let text = fs::read_to_string(&path)?;
        let Some((front, _)) = split(&text) else {
            continue;
        };
        let field = |key: &str| {
            front
                .lines()
                .find(|l| l.starts_with(key))
                .unwrap_or_default()
                .to_owned()
        };
        let (title, description, weight) = (
            field("title = "),
            field("description = "),
            field("weight = "),
        );
        let stub = format!(
            "+++\n{title}\n{description}\n{weight}\n+++\n{}\n",
            description
                .trim_start_matches("description = \"")
                .trim_end_matches('"')
                .replace("\\\"", "\"")
        );
        fs::write(hugo.join("leviers").join(&*name), &stub)?;
        fs::write(zola.join("leviers").join(&*name), &stub)?;
    }
    println!(
        "{pages} pages in {} sections written to {} and {}",
        sections.len(),
        hugo.display(),
        zola.display()
    );
    Ok(())
}

/// Front matter (without its `+++` lines) and body.
fn split(text: &str) -> Option<(&str, &str)> {
    let rest = text.strip_prefix("+++\n")?;
    let end = rest.find("\n+++\n")?;
    Some((&rest[..end + 1], &rest[end + 5..]))
}

/// The front matter with a `date` before its first table: pages 0 to 9 on 2026-11-22, the next
/// ten a day earlier, and so on.
fn dated(front: &str, number: u64) -> String {
    let date = civil(days_from_civil(2026, 11, 22) - (number / 10) as i64);
    let line = format!("date = {date}\n");
    match front.find("\n[") {
        Some(at) => format!("{}{line}{}", &front[..at + 1], &front[at + 1..]),
        None => format!("{front}{line}"),
    }
}

/// Days since 1970-01-01 (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
    format!("{y:04}-{m:02}-{d:02}")
}
