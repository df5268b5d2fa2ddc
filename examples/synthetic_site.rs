//! Writes a synthetic site for benchmarks: the real portal plus N generated pages in 20 sections,
//! each with headings, a table, a list, links to other pages and anchors, and glossary acronyms.
//!
//! cargo run --release --example synthetic_site -- /tmp/synth 10000
//! cargo run --release -- build --root /tmp/synth --date 2026-11-22

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
    let sections = 20;
    for s in 0..sections {
        let dir = root.join(format!("content/synthetique-{s:02}"));
        fs::create_dir_all(&dir)?;
        fs::write(dir.join("_index.md"), format!("+++\ntitle = \"Rubrique synthétique {s}\"\n[[sources]]\ndocument = \"Corpus synthétique\"\ndate = \"2026\"\n+++\nPages générées pour mesurer le générateur.\n"))?;
    }
    for i in 0..pages {
        let s = i % sections;
        let next = (i + 1) % pages;
        let text = format!(
            "+++\ntitle = \"Page synthétique {i} sur l'évaluation des projets\"\ndescription = \"Page {i} de la rubrique {s}.\"\nweight = {i}\n\n[[sources]]\ndocument = \"Corpus synthétique\"\ndate = \"2026\"\n+++\n\
             Cette page décrit un projet d'innovation organisationnelle porté avec l'ARS et financé par le FIR, \
             en lien avec un CPOM et une expérimentation Article 51.\n\n\
             ## Calendrier\n\nLe projet dure {d} mois. Voir aussi [la page suivante](../synthetique-{ns:02}/page-{next}.md#calendrier) \
             et [le levier FIR](../leviers/fir.md).\n\n\
             ## Financement\n\n| Poste | Montant |\n|---|---|\n| Étude | {a} € |\n| Déploiement | {b} € |\n\n\
             ## Contacts\n\n- Référent thématique de l'ARS\n- Direction métier\n- Équipe projet de l'établissement\n\n\
             ## Évaluation\n\nL'évaluation porte sur la qualité des parcours, l'efficience et la pertinence des soins.\n",
            d = 6 + i % 30,
            ns = next % sections,
            a = 1000 + i,
            b = 5000 + 7 * i,
        );
        fs::write(
            root.join(format!("content/synthetique-{s:02}/page-{i}.md")),
            text,
        )?;
    }
    println!("{} pages générées dans {}", pages, root.display());
    Ok(())
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
