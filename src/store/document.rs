//! One entry point for any revmap file: a case or a session, told apart by the file's first
//! identifier (`Case(` or `Session(`), then checked by its own reader.

use std::path::{Path, PathBuf};

use crate::domain::case::Case;
use crate::domain::session::Session;

use super::case_file::{Checked, check_case_text};
use super::locate::first_ident;
use super::report::FileReport;
use super::session_file::{check_session_text, new_session};

/// A file revmap can open.
#[derive(Debug, Clone, PartialEq)]
pub enum Document {
    Case(Box<Case>),
    Session(Box<Session>),
}

/// Checks `text` as a session if it starts with `Session(`, otherwise as a case (whose
/// errors then say what a case expects).
pub fn check_text(name: &str, text: &str) -> Checked<Document> {
    if first_ident(text) == Some("Session") {
        let c = check_session_text(name, text);
        Checked {
            value: c.value.map(|s| Document::Session(Box::new(s))),
            report: c.report,
        }
    } else {
        let c = check_case_text(name, text);
        Checked {
            value: c.value.map(|case| Document::Case(Box::new(case))),
            report: c.report,
        }
    }
}

/// Reads and checks a case or session file.
pub fn check_file(path: &Path) -> Checked<Document> {
    Checked::file(path, check_text)
}

/// A file opened for editing: a case becomes a fresh session (made at `now`, saved nowhere
/// yet); a session file is itself, saved at `path`.
pub fn open_session(path: &Path, now: &str) -> Result<(Session, Option<PathBuf>), FileReport> {
    let checked = check_file(path);
    match checked.value {
        Some(Document::Case(case)) => Ok((new_session(*case, now), None)),
        Some(Document::Session(s)) => Ok((*s, Some(path.to_path_buf()))),
        None => Err(checked.report),
    }
}
