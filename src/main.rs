//! The `portail` binary: exit 0 on success, 1 on content errors, 2 on usage or I/O errors.

use clap::error::ErrorKind;
use clap::Parser;
use portail::cli::{Cli, Command};
use portail::date::Date;
use portail::pipeline::{self, BuildOptions, Failure};
use portail::{scaffold, serve};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = portail::cli::with_help_word(std::env::args_os().collect());
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(e) => return usage_error(&e, &args),
    };
    let root = cli.root.clone();
    let result = match cli.command {
        Command::Build { output, date } => today(date).and_then(|today| {
            // As the user typed it when run from the site folder, so messages name it that way.
            let out = if root == std::path::Path::new(".") {
                output
            } else {
                root.join(&output)
            };
            let opts = BuildOptions {
                root: root.clone(),
                today,
                livereload: false,
            };
            report(pipeline::build(&opts, &out).map(|b| {
                print_warnings(&b.warnings);
                eprintln!(
                    "portail : {} pages, {} fichiers écrits dans {} en {} ms",
                    b.pages,
                    b.files,
                    out.display(),
                    b.millis
                );
            }))
        }),
        Command::Check { date } => today(date).and_then(|today| {
            let opts = BuildOptions {
                root: root.clone(),
                today,
                livereload: false,
            };
            report(
                pipeline::compile(&opts, &portail::output::Discard).map(|b| {
                    print_warnings(&b.warnings);
                    eprintln!("portail : contenu correct ({} pages vérifiées)", b.pages)
                }),
            )
        }),
        Command::Serve { port, bind, date } => today(date).and_then(|today| {
            serve::run(&root, today, bind, port).map_err(|e| {
                eprintln!("erreur : {e}");
                2
            })
        }),
        Command::New { kind, slug } => scaffold::create(&root, kind, &slug)
            .map(|path| {
                eprintln!("portail : {path} créé ; remplissez les champs puis lancez portail check")
            })
            .map_err(|e| {
                eprintln!("erreur : {e}");
                2
            }),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(code) => ExitCode::from(code),
    }
}

/// Help and version go to standard output (exit 0); a usage error, in French, to standard
/// error (exit 2).
fn usage_error(e: &clap::Error, args: &[std::ffi::OsString]) -> ExitCode {
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            println!("{}", e.render().to_string().trim_end());
            ExitCode::SUCCESS
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            eprintln!("{}", e.render().to_string().trim_end());
            ExitCode::from(2)
        }
        _ => {
            eprint!("{}", portail::cli::error_fr(e, args));
            ExitCode::from(2)
        }
    }
}

fn today(date: Option<Date>) -> Result<Date, u8> {
    match date {
        Some(d) => Ok(d),
        None => Date::today().map_err(|e| {
            eprintln!("erreur : {e}");
            2
        }),
    }
}

/// Lists the warnings (values to check again); they do not change the exit status.
fn print_warnings(warnings: &[portail::diagnostic::Diagnostic]) {
    for w in warnings {
        eprintln!("{w}");
    }
    if !warnings.is_empty() {
        let n = warnings.len();
        let s = if n > 1 { "s" } else { "" };
        eprintln!("portail : {n} avertissement{s}, à vérifier (ce n'est pas une erreur)");
    }
}

/// Prints every diagnostic and maps the failure to its exit status.
fn report(result: Result<(), Failure>) -> Result<(), u8> {
    match result {
        Ok(()) => Ok(()),
        Err(Failure::Content(diags)) => {
            for d in &diags {
                eprintln!("{d}");
            }
            let n = diags.len();
            eprintln!(
                "portail : {n} erreur{} ; rien n'a été écrit, le site précédent est conservé",
                if n > 1 { "s" } else { "" }
            );
            Err(1)
        }
        Err(Failure::Io(e)) => {
            eprintln!("erreur : {e}");
            Err(2)
        }
    }
}

/// Rendering allocates many short strings from every thread at once: with mimalloc's
/// per-thread heaps a 50 000-page build took 35 s instead of 50 s with glibc's allocator, for
/// the same peak memory.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
