//! Session files: a team's work with its case embedded, so it opens anywhere with no other
//! file. Read with the same limits and located errors as cases; saved atomically with the
//! previous version kept as `FILE.bak`.

use std::path::Path;

use sha2::{Digest, Sha256};

use crate::domain::case::Case;
use crate::domain::diag::{Diagnostic, Path as DocPath};
use crate::domain::session::{SESSION_VERSION, Session};
use crate::domain::validate::validate_session;

use super::case_file::Checked;
use super::report::{FileReport, Located, plural};
use super::{atomic, migrate, ron_io};

/// How session files are versioned. Version 1 is the first; every change since has been an
/// added field with a default, which needs no upgrade step (see `migrate`).
pub const FORMAT: migrate::Format = migrate::Format {
    kind: "session",
    current: SESSION_VERSION,
    steps: &[],
};

/// A fresh session on `case`, with a new id and the case's hash; `now` is RFC 3339.
pub fn new_session(case: Case, now: &str) -> Session {
    let mut s = Session::new(case, now);
    s.id = new_id();
    s.case_hash = case_hash(&s.case);
    s
}

/// SHA-256 (hex) of the case's canonical RON: compact, fields in declaration order, so the
/// same case gives the same hash however its file was laid out or commented.
pub fn case_hash(case: &Case) -> String {
    let canonical = ron_io::to_canonical(case).unwrap_or_default();
    hex(&Sha256::digest(canonical.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A new random-enough session id: 16 hex digits from the time, the process and a counter.
/// It only has to tell this machine's sessions apart for their recovery files.
pub fn new_id() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let seed = format!(
        "{nanos}-{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    );
    hex(&Sha256::digest(seed.as_bytes())[..8])
}

/// Parses, upgrades and validates session text; `name` is what errors call the file.
pub fn check_session_text(name: &str, text: &str) -> Checked<Session> {
    let mut report = FileReport::new(name);
    report.kind = Some("session");
    report.source = Some(text.to_string());
    let mut session = match parse_current(text) {
        Ok(s) => s,
        Err(e) => {
            report.diagnostics.push(e);
            return Checked {
                value: None,
                report,
            };
        }
    };
    let mut found = validate_session(&session);
    found.extend(hash_warning(&session));
    report.locate(text, found);
    report.facts = Some(facts(&session));
    if session.id.is_empty() {
        session.id = new_id();
    }
    let ok = report.errors() == 0;
    Checked {
        value: ok.then_some(session),
        report,
    }
}

fn parse_current(text: &str) -> Result<Session, Located> {
    let found = migrate::probe_version(text)?;
    ron_io::parse(&migrate::upgrade(text, found, &FORMAT)?)
}

/// A session's embedded case that no longer matches its recorded hash was edited by hand.
fn hash_warning(s: &Session) -> Option<Diagnostic> {
    let actual = case_hash(&s.case);
    (!s.case_hash.is_empty() && s.case_hash != actual).then(|| {
        Diagnostic::warning(
            "case-edited",
            DocPath::root().field("case_hash"),
            "the embedded case was edited after the session was made (its hash differs); \
             `revmap merge` treats it as a different case",
        )
    })
}

/// "12 pairs, 3 maps, 2 teams"
fn facts(s: &Session) -> String {
    let pairs = s.pairing.result.as_ref().map_or(0, |r| r.pairs.len());
    let maps = s.maps.len() + s.teams.iter().map(|t| t.maps.len()).sum::<usize>();
    let mut f = format!("{}, {}", plural(pairs, "pair"), plural(maps, "map"));
    if !s.teams.is_empty() {
        f.push_str(&format!(", {}", plural(s.teams.len(), "team")));
    }
    f
}

/// Reads and checks a session file from disk.
pub fn check_session_file(path: &Path) -> Checked<Session> {
    Checked::file(path, check_session_text)
}

/// Loads a session that must be free of errors; warnings are returned in the report.
pub fn load_session(path: &Path) -> Result<(Session, FileReport), FileReport> {
    check_session_file(path).into_result()
}

/// The session as it is written: current version, the case's hash filled in.
pub fn to_text(session: &Session) -> Result<String, ron::Error> {
    let mut s = session.clone();
    s.version = SESSION_VERSION;
    s.case_hash = case_hash(&s.case);
    ron_io::to_pretty(&s)
}

/// Saves `session` to `path` atomically, keeping the previous file as `FILE.bak`. On
/// success `session.modified` becomes `now` and its hash is refreshed; on failure the
/// session is left exactly as it was, and nothing but the old file is under `path`.
pub fn save_session(path: &Path, session: &mut Session, now: &str) -> Result<(), SaveError> {
    let mut next = session.clone();
    next.modified = now.to_string();
    if next.created.is_empty() {
        next.created = now.to_string();
    }
    if next.id.is_empty() {
        next.id = new_id();
    }
    let text = to_text(&next).map_err(|e| SaveError {
        path: path.display().to_string(),
        message: format!("cannot write the session as RON: {e}"),
    })?;
    atomic::write_atomic(path, text.as_bytes(), true).map_err(|e| SaveError {
        path: path.display().to_string(),
        message: describe_io(&e),
    })?;
    next.version = SESSION_VERSION;
    next.case_hash = case_hash(&next.case);
    *session = next;
    Ok(())
}

/// Where a session made from the case file `stem` is saved first: `dir/STEM.session.ron`,
/// or the next free `STEM-2.session.ron`, … so an earlier session is never overwritten.
pub fn default_path(dir: &Path, stem: &str) -> std::path::PathBuf {
    (1..)
        .map(|n| match n {
            1 => dir.join(format!("{stem}.session.ron")),
            n => dir.join(format!("{stem}-{n}.session.ron")),
        })
        .find(|p| !p.exists())
        .unwrap_or_else(|| dir.join(format!("{stem}.session.ron")))
}

/// Why a save failed, in words a facilitator can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveError {
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "cannot save {}: {}", self.path, self.message)
    }
}

impl std::error::Error for SaveError {}

/// An I/O error with the advice that goes with it.
pub fn describe_io(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let advice = match e.kind() {
        K::PermissionDenied | K::ReadOnlyFilesystem => {
            "; the folder is read-only — save elsewhere (save as)"
        }
        K::StorageFull | K::QuotaExceeded => "; the disk is full — free space or save elsewhere",
        K::NotFound => "; the folder does not exist — save elsewhere",
        _ => "",
    };
    format!("{e}{advice}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_path_never_takes_an_existing_file() {
        let dir = tempfile::tempdir().unwrap();
        let first = default_path(dir.path(), "school-291");
        assert_eq!(first, dir.path().join("school-291.session.ron"));
        std::fs::write(&first, "x").unwrap();
        assert_eq!(
            default_path(dir.path(), "school-291"),
            dir.path().join("school-291-2.session.ron")
        );
    }
}
