//! Command-line interface: parsing only; each command lives in its own module.

use crate::date::Date;
use clap::{Parser, Subcommand, ValueEnum};
use std::net::IpAddr;
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "portail",
    version,
    about = "Construit le portail des leviers ARS pour l'innovation en santé à partir de content/"
)]
pub struct Cli {
    /// Racine du site (dossier contenant content/, templates/, static/, portail.toml)
    #[arg(long, global = true, default_value = ".", value_name = "DOSSIER")]
    pub root: PathBuf,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Construit le site dans public/ (ou --output)
    Build {
        /// Dossier de sortie (relatif à la racine du site)
        #[arg(long, default_value = "public", value_name = "DOSSIER")]
        output: PathBuf,
        /// Date du jour à utiliser pour les dates limites (AAAA-MM-JJ) ; par défaut la date réelle ou SOURCE_DATE_EPOCH
        #[arg(long, value_parser = parse_date, value_name = "AAAA-MM-JJ")]
        date: Option<Date>,
    },
    /// Vérifie tout le contenu sans rien écrire (code 0 : correct, 1 : erreurs de contenu)
    Check {
        #[arg(long, value_parser = parse_date, value_name = "AAAA-MM-JJ")]
        date: Option<Date>,
    },
    /// Construit, sert le site en local et le recharge à chaque modification
    Serve {
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Adresse d'écoute ; 127.0.0.1 par défaut (accessible depuis cette machine seulement)
        #[arg(long, default_value = "127.0.0.1")]
        bind: IpAddr,
        #[arg(long, value_parser = parse_date, value_name = "AAAA-MM-JJ")]
        date: Option<Date>,
    },
    /// Crée un nouveau fichier de contenu prêt à remplir
    New {
        kind: NewKind,
        /// Nom du fichier, en minuscules et tirets (ex. : appel-sante-mentale)
        slug: String,
    },
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum NewKind {
    /// Un levier (content/leviers/SLUG.md)
    Lever,
    /// Une actualité (content/actualites/SLUG.md)
    Update,
}

fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse_day(s)
}
