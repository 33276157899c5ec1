//! Recovery files: the autosaved copy of a session with unsaved changes, so a crash, a
//! closed lid or a `kill -9` loses at most the last moments of typing.
//!
//! Each session has one recovery file, `DATA/recovery/ID.ron`, named by the session's id.
//! It is an ordinary session file (read back with the same limits and checks) whose first
//! line records where the session is saved: `// saved-as: "/path/team.ron"`. It is written
//! atomically and removed after a successful save or when the user discards it. At start,
//! every recovery that differs from its saved file is offered for restoring.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use sha2::{Digest, Sha256};

use crate::domain::session::Session;
use crate::domain::session_diff::{Change, diff};

use super::report::FileReport;
use super::session_file::{check_session_file, load_session, to_text};
use super::{atomic, ron_io};

const SAVED_AS: &str = "// saved-as: ";

/// The recovery folder inside a data folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovery {
    dir: PathBuf,
}

/// A recovery file found at start, with what it would change.
#[derive(Debug, Clone)]
pub struct Pending {
    pub file: PathBuf,
    pub session: Session,
    /// Where the session is saved, if it ever was.
    pub saved_as: Option<PathBuf>,
    /// The saved version, when it exists and reads cleanly.
    pub saved: Option<Session>,
    /// When the recovery file was last written.
    pub written: Option<SystemTime>,
}

impl Pending {
    /// What restoring would change, compared with the saved file (or with an empty session
    /// on the same case, when it was never saved).
    pub fn changes(&self) -> Vec<Change> {
        match &self.saved {
            Some(saved) => diff(saved, &self.session),
            None => diff(&Session::new(self.session.case.clone(), ""), &self.session),
        }
    }
}

/// What `Recovery::scan` found: recoveries to offer, and files it could not read.
#[derive(Debug, Default)]
pub struct Scan {
    pub pending: Vec<Pending>,
    pub unreadable: Vec<FileReport>,
}

impl Recovery {
    pub fn in_data_dir(data: &Path) -> Recovery {
        Recovery {
            dir: data.join("recovery"),
        }
    }

    /// The recovery file of the session with id `id`. Ids come from files, so anything but
    /// a plain short id is hashed: a hostile id cannot name a path outside the folder.
    pub fn file_for(&self, id: &str) -> PathBuf {
        let plain = !id.is_empty()
            && id.len() <= 64
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        let name = if plain {
            id.to_string()
        } else {
            let h = Sha256::digest(id.as_bytes());
            h[..8].iter().map(|b| format!("{b:02x}")).collect()
        };
        self.dir.join(format!("{name}.ron"))
    }

    /// Writes `session` as its recovery file, atomically; `saved_as` is its session file.
    pub fn write(&self, session: &Session, saved_as: Option<&Path>) -> io::Result<PathBuf> {
        fs::create_dir_all(&self.dir)?;
        let text = to_text(session).map_err(io::Error::other)?;
        let header = match saved_as {
            Some(p) => {
                let abs = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
                let quoted = ron_io::to_canonical(&abs.to_string_lossy().to_string())
                    .map_err(io::Error::other)?;
                format!("{SAVED_AS}{quoted}\n")
            }
            None => String::new(),
        };
        let file = self.file_for(&session.id);
        atomic::write_atomic(&file, format!("{header}{text}").as_bytes(), false)?;
        Ok(file)
    }

    /// Removes the recovery file of session `id`; a missing one is fine.
    pub fn discard(&self, id: &str) -> io::Result<()> {
        match fs::remove_file(self.file_for(id)) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }

    /// Every recovery holding work its saved file lacks, newest first. Recoveries equal to
    /// their saved file (a crash between saving and cleaning up) are removed.
    pub fn scan(&self) -> Scan {
        let mut scan = Scan::default();
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return scan;
        };
        for e in entries.flatten() {
            let file = e.path();
            if file.extension().is_none_or(|x| x != "ron") {
                continue;
            }
            match read_pending(&file) {
                Ok(Some(p)) => scan.pending.push(p),
                Ok(None) => {
                    let _ = fs::remove_file(&file);
                }
                Err(report) => scan.unreadable.push(report),
            }
        }
        scan.pending.sort_by_key(|p| std::cmp::Reverse(p.written));
        scan
    }
}

/// The recovery in `file`, or `None` when it holds nothing the saved file lacks.
fn read_pending(file: &Path) -> Result<Option<Pending>, FileReport> {
    let checked = check_session_file(file);
    let Some(session) = checked.value else {
        return Err(checked.report);
    };
    let saved_as = checked.report.source.as_deref().and_then(saved_as);
    let saved = saved_as
        .as_deref()
        .and_then(|p| load_session(p).ok())
        .map(|(s, _)| s);
    let p = Pending {
        written: fs::metadata(file).and_then(|m| m.modified()).ok(),
        file: file.to_path_buf(),
        session,
        saved_as,
        saved,
    };
    let same = p.saved.is_some() && p.changes().is_empty();
    Ok((!same).then_some(p))
}

/// The path recorded on a recovery file's first line.
fn saved_as(text: &str) -> Option<PathBuf> {
    let first = text.lines().next()?;
    let quoted = first.strip_prefix(SAVED_AS)?;
    ron_io::parse::<String>(quoted).ok().map(PathBuf::from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::case_file::demo_case;
    use crate::store::session_file::{new_session, save_session};

    fn session() -> Session {
        new_session(demo_case(), "2026-05-16T10:00:00Z")
    }

    #[test]
    fn an_unsaved_session_is_offered_with_what_it_holds() {
        let data = tempfile::tempdir().unwrap();
        let r = Recovery::in_data_dir(data.path());
        let mut s = session();
        s.team = "Команда 2".into();
        r.write(&s, None).unwrap();
        let scan = r.scan();
        assert_eq!(scan.pending.len(), 1);
        let p = &scan.pending[0];
        assert_eq!(p.session.team, "Команда 2");
        assert_eq!(p.saved_as, None);
        assert!(matches!(p.changes()[0], Change::Team { .. }));
    }

    #[test]
    fn a_recovery_equal_to_its_saved_file_is_removed() {
        let data = tempfile::tempdir().unwrap();
        let work = tempfile::tempdir().unwrap();
        let r = Recovery::in_data_dir(data.path());
        let path = work.path().join("team \"1\".ron");
        let mut s = session();
        save_session(&path, &mut s, "2026-05-16T10:01:00Z").unwrap();
        let file = r.write(&s, Some(&path)).unwrap();
        assert!(r.scan().pending.is_empty());
        assert!(!file.exists());
    }

    #[test]
    fn a_recovery_with_unsaved_edits_names_its_file_and_the_edits() {
        let data = tempfile::tempdir().unwrap();
        let work = tempfile::tempdir().unwrap();
        let r = Recovery::in_data_dir(data.path());
        let path = work.path().join("team.ron");
        let mut s = session();
        save_session(&path, &mut s, "2026-05-16T10:01:00Z").unwrap();
        s.goals.goals.push(crate::domain::session::Entry {
            text: "Новая цель".into(),
            from_catalogue: false,
            resource: None,
        });
        r.write(&s, Some(&path)).unwrap();
        let scan = r.scan();
        let p = &scan.pending[0];
        assert_eq!(p.saved_as.as_deref(), Some(path.as_path()));
        assert_eq!(p.session.goals.goals[0].text, "Новая цель");
        assert!(
            matches!(&p.changes()[..], [Change::Section { added, .. }] if added == &["Новая цель".to_string()])
        );
        r.discard(&s.id).unwrap();
        assert!(r.scan().pending.is_empty());
        r.discard(&s.id).unwrap();
    }

    #[test]
    fn hostile_ids_stay_inside_the_folder() {
        let r = Recovery::in_data_dir(Path::new("/data"));
        for id in [
            "../../etc/passwd",
            "a/b",
            "",
            "x".repeat(500).as_str(),
            "..",
            "C:\\x",
        ] {
            let f = r.file_for(id);
            assert_eq!(f.parent(), Some(Path::new("/data/recovery")), "{id}");
            let name = f.file_name().unwrap().to_str().unwrap();
            assert!(
                name.ends_with(".ron") && !name.starts_with('.'),
                "{id}: {name}"
            );
        }
        assert_eq!(
            r.file_for("3f9a1c0e5b7d2a64"),
            Path::new("/data/recovery/3f9a1c0e5b7d2a64.ron")
        );
    }

    #[test]
    fn a_damaged_recovery_is_reported_not_offered() {
        let data = tempfile::tempdir().unwrap();
        let r = Recovery::in_data_dir(data.path());
        fs::create_dir_all(data.path().join("recovery")).unwrap();
        fs::write(
            data.path().join("recovery/x.ron"),
            "Session(version: 1, case: ",
        )
        .unwrap();
        let scan = r.scan();
        assert!(scan.pending.is_empty());
        assert_eq!(scan.unreadable.len(), 1);
    }
}
