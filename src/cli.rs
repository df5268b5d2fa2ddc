//! Command-line interface: parsing only; each command lives in its own module.
//!
//! Everything the editor reads is French: help pages come from French templates (clap's own
//! `help` subcommand and flags are replaced by French ones), and usage errors are rendered by
//! [`error_fr`] from clap's error kind and context, never from its English text.

use crate::date::Date;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{ArgAction, Parser, Subcommand, ValueEnum};
use std::ffi::OsString;
use std::net::IpAddr;
use std::path::PathBuf;

const HELP: &str = "\
{about}

Utilisation : {usage}

{all-args}{after-help}";

const USAGE: &str = "portail COMMANDE [OPTIONS]";
const USAGE_BUILD: &str = "portail build [--output DOSSIER] [--date AAAA-MM-JJ]";
const USAGE_CHECK: &str = "portail check [--date AAAA-MM-JJ]";
const USAGE_SERVE: &str = "portail serve [--port N] [--bind ADRESSE] [--date AAAA-MM-JJ]";
const USAGE_NEW: &str = "portail new update NOM | portail new lever NOM";

const AFTER: &str = "\
Lancez portail depuis le dossier du site (celui qui contient content/).
Aide d'une commande : portail COMMANDE --help (par exemple portail serve --help).
Guide du rédacteur : docs/guide-redacteur.md";

#[derive(Parser, Debug)]
#[command(
    name = "portail",
    version,
    about = "Construit le portail des leviers ARS pour l'innovation en santé à partir de content/",
    help_template = HELP,
    after_help = AFTER,
    override_usage = USAGE,
    subcommand_help_heading = "Commandes",
    subcommand_value_name = "COMMANDE",
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true
)]
pub struct Cli {
    /// Racine du site (dossier contenant content/, templates/, static/, portail.toml) ; par
    /// défaut le dossier courant
    #[arg(
        long,
        global = true,
        default_value = ".",
        hide_default_value = true,
        value_name = "DOSSIER"
    )]
    pub root: PathBuf,
    /// Affiche cette aide
    #[arg(short = 'h', long = "help", action = ArgAction::Help, global = true)]
    help: Option<bool>,
    /// Affiche la version
    #[arg(short = 'V', long = "version", action = ArgAction::Version)]
    version: Option<bool>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Construit le site dans public/ (ou --output)
    #[command(
        help_template = HELP,
        override_usage = USAGE_BUILD
    )]
    Build {
        /// Dossier de sortie, relatif au dossier du site ; par défaut public
        #[arg(
            long,
            default_value = "public",
            hide_default_value = true,
            value_name = "DOSSIER"
        )]
        output: PathBuf,
        /// Date du jour pour les dates limites (AAAA-MM-JJ) ; par défaut la date réelle, ou
        /// SOURCE_DATE_EPOCH
        #[arg(long, value_parser = parse_date, value_name = "AAAA-MM-JJ")]
        date: Option<Date>,
    },
    /// Vérifie tout le contenu sans rien écrire (code 0 : correct, 1 : erreurs de contenu)
    #[command(help_template = HELP, override_usage = USAGE_CHECK)]
    Check {
        /// Date du jour pour les dates limites (AAAA-MM-JJ) ; par défaut la date réelle
        #[arg(long, value_parser = parse_date, value_name = "AAAA-MM-JJ")]
        date: Option<Date>,
    },
    /// Construit et sert le site en local, le reconstruit à chaque enregistrement ; ouvrez
    /// l'adresse affichée dans le navigateur
    #[command(
        help_template = HELP,
        override_usage = USAGE_SERVE
    )]
    Serve {
        /// Port d'écoute ; par défaut 1111
        #[arg(
            long,
            default_value = "1111",
            hide_default_value = true,
            value_name = "N",
            value_parser = parse_port
        )]
        port: u16,
        /// Adresse d'écoute ; par défaut 127.0.0.1 (accessible depuis cette machine seulement)
        #[arg(
            long,
            default_value = "127.0.0.1",
            hide_default_value = true,
            value_name = "ADRESSE",
            value_parser = parse_address
        )]
        bind: IpAddr,
        /// Date du jour pour les dates limites (AAAA-MM-JJ) ; par défaut la date réelle
        #[arg(long, value_parser = parse_date, value_name = "AAAA-MM-JJ")]
        date: Option<Date>,
    },
    /// Crée un nouveau fichier de contenu, chaque champ expliqué, prêt à remplir
    #[command(help_template = HELP, override_usage = USAGE_NEW)]
    New {
        /// update (une actualité, dans content/actualites/) ou lever (un levier, dans
        /// content/leviers/)
        #[arg(value_name = "TYPE", hide_possible_values = true)]
        kind: NewKind,
        /// Nom du fichier, en minuscules et tirets (ex. : appel-sante-mentale)
        #[arg(value_name = "NOM")]
        slug: String,
    },
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum NewKind {
    /// Un levier (content/leviers/NOM.md)
    #[value(alias = "levier")]
    Lever,
    /// Une actualité (content/actualites/NOM.md)
    #[value(alias = "actualite", alias = "actualité")]
    Update,
}

fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse_day(s)
}

fn parse_port(s: &str) -> Result<u16, String> {
    s.parse()
        .map_err(|_| "un port est un nombre entre 0 et 65535, par exemple 1111".to_owned())
}

fn parse_address(s: &str) -> Result<IpAddr, String> {
    s.parse().map_err(|_| {
        "une adresse IP est attendue, par exemple 127.0.0.1 (cette machine seulement) ou 0.0.0.0 (tout le réseau)".to_owned()
    })
}

/// `portail help [COMMANDE]` and `portail aide [COMMANDE]` mean `portail [COMMANDE] --help`.
pub fn with_help_word(mut args: Vec<OsString>) -> Vec<OsString> {
    if args.get(1).is_some_and(|a| a == "help" || a == "aide") {
        args.remove(1);
        args.push("--help".into());
    }
    args
}

/// A usage error in French: what is wrong, a suggestion when clap has one, the usage line of
/// the command (found in `args`) and where to find help. Built from the error's kind and
/// context only.
pub fn error_fr(e: &clap::Error, args: &[OsString]) -> String {
    let get = |kind: ContextKind| match e.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        Some(ContextValue::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    let arg = get(ContextKind::InvalidArg);
    let value = get(ContextKind::InvalidValue);
    let message = match e.kind() {
        ErrorKind::UnknownArgument if arg.starts_with('-') => format!("option inconnue « {arg} »"),
        ErrorKind::UnknownArgument => format!("argument en trop « {arg} »"),
        ErrorKind::InvalidSubcommand => {
            format!(
                "commande inconnue « {} »",
                get(ContextKind::InvalidSubcommand)
            )
        }
        ErrorKind::InvalidValue if value.is_empty() => format!("valeur manquante après {arg}"),
        ErrorKind::InvalidValue => format!("valeur « {value} » impossible pour {arg}"),
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(e)
                .map(|s| format!(" : {s}"))
                .unwrap_or_default();
            format!("valeur « {value} » refusée pour {arg}{why}")
        }
        ErrorKind::MissingRequiredArgument => {
            format!("il manque : {}", arg.replace(['<', '>'], ""))
        }
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "il manque la commande : build, check, serve ou new".to_owned()
        }
        ErrorKind::ArgumentConflict => {
            format!("option {arg} incompatible avec une autre option donnée")
        }
        ErrorKind::TooManyValues => format!("valeur en trop « {value} » pour {arg}"),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues | ErrorKind::NoEquals => {
            format!("nombre de valeurs incorrect pour {arg}")
        }
        ErrorKind::InvalidUtf8 => "argument illisible : utilisez des caractères UTF-8".to_owned(),
        _ => "commande mal écrite".to_owned(),
    };
    let mut out = format!("erreur : {message}\n");
    let valid = get(ContextKind::ValidValue);
    if !valid.is_empty() && e.kind() == ErrorKind::InvalidValue {
        out.push_str(&format!("  aide : valeurs possibles : {valid}\n"));
    }
    for kind in [
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedArg,
        ContextKind::SuggestedValue,
    ] {
        let s = get(kind);
        if !s.is_empty() {
            out.push_str(&format!("  aide : vouliez-vous dire « {s} » ?\n"));
        }
    }
    let command = args
        .iter()
        .skip(1)
        .filter_map(|a| a.to_str())
        .find(|a| ["build", "check", "serve", "new"].contains(a));
    let (usage, more) = match command {
        Some("build") => (USAGE_BUILD, "portail build --help"),
        Some("check") => (USAGE_CHECK, "portail check --help"),
        Some("serve") => (USAGE_SERVE, "portail serve --help"),
        Some("new") => (USAGE_NEW, "portail new --help"),
        _ => (USAGE, "portail --help"),
    };
    out.push_str(&format!(
        "\nUtilisation : {usage}\nPour en savoir plus : {more}\n"
    ));
    out
}
