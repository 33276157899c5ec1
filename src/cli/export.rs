//! `revmap export SESSION --to md|html [-o FILE]`: the pairs with their reasons and every
//! map, printable (see `export`).

use std::io::Write;
use std::path::PathBuf;

use crate::domain::privacy::Privacy;
use crate::domain::text::sanitize;
use crate::export::Format;
use crate::export::session::{Options, session_doc};
use crate::i18n::Lang;
use crate::store::document::{Document, check_file};
use crate::store::output::write_output;

use super::exit;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Session file to export
    #[arg(value_name = "SESSION")]
    pub session: PathBuf,

    /// Output format: Markdown, or HTML made for printing on A4 (one map per page)
    #[arg(long = "to", value_enum, value_name = "FORMAT")]
    pub to: Format,

    /// Write to FILE (atomically) instead of standard output; never a folder or the session
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Include surnames and contacts (by default surnames shrink to an initial and contacts,
    /// also inside the maps' text, are left out)
    #[arg(long)]
    pub reveal: bool,
}

pub fn run(args: &Args, lang: Option<Lang>) -> u8 {
    let checked = check_file(&args.session);
    let session = match checked.value {
        Some(Document::Session(s)) => s,
        Some(Document::Case(_)) => {
            eprintln!(
                "{}:1:1: error: this is a case, not a session; expected a session file \
                 (for a case's printable handout use `revmap kit`) [not-a-session]",
                sanitize(&args.session.display().to_string())
            );
            return exit::ERRORS;
        }
        None => {
            let mut out = String::new();
            checked.report.render_text(&mut out);
            eprint!("{out}");
            return exit::ERRORS;
        }
    };
    let lang = lang
        .or_else(|| Lang::from_code(&session.case.lang))
        .unwrap_or_default();
    let doc = session_doc(
        &session,
        Options {
            lang,
            privacy: if args.reveal {
                Privacy::REVEALED
            } else {
                Privacy::HIDDEN
            },
        },
    );
    let text = args.to.render(&doc);
    match &args.output {
        Some(path) => match write_output(path, &text, &[&args.session]) {
            Ok(()) => exit::OK,
            Err(e) => {
                eprintln!("revmap export: {}", sanitize(&e));
                exit::ERRORS
            }
        },
        None => {
            let _ = std::io::stdout().write_all(text.as_bytes());
            exit::OK
        }
    }
}
