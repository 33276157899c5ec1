//! `revmap merge A.ron B.ron … -o seminar.ron`: collects teams' sessions of one case into a
//! seminar session (see `domain::merge`).

use std::path::PathBuf;

use crate::domain::diag::{Path as DocPath, Severity};
use crate::domain::merge::{Input, MergeError, merge};
use crate::domain::text::sanitize;
use crate::store::locate::{Outline, line_col};
use crate::store::report::{FileReport, Located, plural};
use crate::store::session_file::{case_hash, check_session_file, new_id, save_session};

use super::exit;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Teams' session files, all built from the same case (a merged file may be one of them)
    #[arg(required = true, value_name = "SESSION")]
    pub files: Vec<PathBuf>,

    /// The seminar session to write (an existing one is kept as FILE.bak)
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
}

pub fn run(args: &Args) -> u8 {
    let mut inputs = Vec::new();
    let mut sources = Vec::new();
    let mut failed = false;
    for f in &args.files {
        let checked = check_session_file(f);
        match checked.value {
            Some(session) => {
                inputs.push(Input {
                    source: f.display().to_string(),
                    case_hash: case_hash(&session.case),
                    session,
                });
                sources.push(checked.report.source.unwrap_or_default());
            }
            None => {
                report(&checked.report);
                failed = true;
            }
        }
    }
    if failed {
        return exit::ERRORS;
    }
    let merged = match merge(inputs) {
        Ok(m) => m,
        Err(e) => {
            report(&refusal(&e, &args.files, &sources));
            return exit::ERRORS;
        }
    };
    for n in &merged.notes {
        eprintln!("note: {}", sanitize(n));
    }
    let mut session = merged.session;
    session.id = new_id();
    let when = session.modified.clone();
    if let Err(e) = save_session(&args.output, &mut session, &when) {
        eprintln!("revmap merge: {}", sanitize(&e.to_string()));
        return exit::ERRORS;
    }
    let maps: usize = session.teams.iter().map(|t| t.maps.len()).sum();
    eprintln!(
        "{}: {}, {} from {}",
        sanitize(&args.output.display().to_string()),
        plural(session.teams.len(), "team"),
        plural(maps, "map"),
        plural(args.files.len(), "file")
    );
    exit::OK
}

fn report(r: &FileReport) {
    let mut out = String::new();
    r.render_text(&mut out);
    eprint!("{out}");
}

/// The merge error as a located report on the file that does not fit.
fn refusal(e: &MergeError, files: &[PathBuf], sources: &[String]) -> FileReport {
    match e {
        MergeError::NoInput => {
            FileReport::single("merge", "no-input", (1, 1), "no sessions to merge".into())
        }
        MergeError::DifferentCases { first, other } => {
            let i = files
                .iter()
                .position(|f| f.display().to_string() == other.0)
                .unwrap_or(0);
            let text = sources.get(i).map(String::as_str).unwrap_or("");
            let at = line_col(
                text,
                Outline::parse(text)
                    .find(&DocPath::root().field("case"))
                    .start,
            );
            let mut r = FileReport::new(&other.0);
            r.diagnostics.push(Located::new(
                Severity::Error,
                "different-case",
                at,
                format!(
                    "this session is built from the case {:?}, but {} is built from {:?}; \
                     merge collects sessions of one case only",
                    other.1, first.0, first.1
                ),
            ));
            r
        }
    }
}
