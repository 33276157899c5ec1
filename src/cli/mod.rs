//! The command line: one plain function per subcommand, each calling the domain directly.

pub mod check;
pub mod export;
pub mod gen_case;
pub mod import;
pub mod kit;
pub mod merge;
pub mod pair;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::i18n::Lang;

/// Exit codes shared by every subcommand.
pub mod exit {
    pub const OK: u8 = 0;
    /// Warnings only, reported as failure because `--deny-warnings` was given.
    pub const WARNINGS: u8 = 1;
    /// Bad input: a file with errors, an unreadable file, a bad argument.
    pub const ERRORS: u8 = 2;
}

#[derive(Debug, Parser)]
#[command(
    name = "revmap",
    version,
    about = "Run a reverse-mentoring workshop in the terminal: read a case, form pairs where the \
             mentor is younger or lower in status than the mentee, build each pair's \
             individual mentoring map.",
    long_about = "Run a reverse-mentoring workshop in the terminal.\n\n\
                  In reverse mentoring the mentor is lower in status than the mentee (younger, \
                  less experienced or lower in position) and both sides learn. revmap guides a \
                  facilitator through a project session: read a case, define goals, form pairs \
                  from the participants' deficits and offers, build an individual mentoring map \
                  per pair, and present it to the room.\n\n\
                  With no subcommand revmap opens the interactive session: on FILE if given, \
                  otherwise on the built-in demo case.",
    after_help = "Examples:\n  revmap                               open the demo case\n  \
                  revmap scenarios/school-291.ron      open a case\n  \
                  revmap check scenarios/*.ron         check case files before a workshop\n  \
                  revmap pair scenarios/demo.ron       form the pairs, with reasons\n  \
                  revmap gen-case --participants 200   make a practice case\n  \
                  revmap export team.ron --to html -o team.html   print a team's maps\n  \
                  revmap merge t1.ron t2.ron -o seminar.ron      collect the teams' work\n  \
                  revmap kit scenarios/ -o kit/        handouts for every case\n  \
                  revmap import survey.xlsx -o case.ron   make a case from the teachers' survey"
)]
pub struct Cli {
    /// Case or session file to open (default: the built-in demo case)
    pub file: Option<PathBuf>,

    /// Session file Ctrl-S saves to (default: the opened session file, or a new
    /// CASE.session.ron in the current folder)
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Interface language (default: the LANG environment variable, then the case's language;
    /// `check`'s compiler-style messages are in English)
    #[arg(long, value_enum, global = true)]
    pub lang: Option<Lang>,

    /// Colour theme of the interactive session (NO_COLOR turns colours off in any theme)
    #[arg(long, value_enum)]
    pub theme: Option<crate::ui::theme::ThemeName>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check case and session files for errors and warnings, like a compiler
    Check(check::Args),
    /// Write a synthetic case of any size, for drills and benchmarks
    GenCase(gen_case::Args),
    /// Turn the teachers' survey spreadsheet (XLSX or CSV) into a checked case file
    Import(import::Args),
    /// Collect teams' sessions of one case into one seminar session
    Merge(merge::Args),
    /// Form the optimal reverse-mentoring pairs of a case, with the reasons for each
    Pair(pair::Args),
    /// Print a session: the pairs with their reasons and every map (Markdown or A4 HTML)
    Export(export::Args),
    /// Check a folder of cases and write a printable handout for each (a trainer's kit)
    Kit(kit::Args),
}

/// Runs a subcommand and returns the process exit code; `lang` is the global `--lang`.
pub fn run(command: Command, lang: Option<Lang>) -> ExitCode {
    let code = match command {
        Command::Check(args) => check::run(&args),
        Command::GenCase(args) => gen_case::run(&args),
        Command::Merge(args) => merge::run(&args),
        Command::Import(args) => import::run(&args, lang),
        Command::Pair(args) => pair::run(&args, lang),
        Command::Export(args) => export::run(&args, lang),
        Command::Kit(args) => kit::run(&args, lang),
    };
    ExitCode::from(code)
}

/// Writes command output to FILE (atomically) or to standard output.
fn write_output(path: Option<&std::path::Path>, text: &str, command: &str) -> u8 {
    use std::io::Write;
    match path {
        Some(p) => match crate::store::atomic::write_atomic(p, text.as_bytes(), false) {
            Ok(()) => exit::OK,
            Err(e) => {
                eprintln!("revmap {command}: cannot write {}: {e}", p.display());
                exit::ERRORS
            }
        },
        None => {
            let _ = std::io::stdout().write_all(text.as_bytes());
            exit::OK
        }
    }
}
