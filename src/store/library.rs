//! What the Start stage offers: the embedded demo, the shipped scenarios, recently opened
//! files, each with a short summary (title and size) read ahead of time.
//!
//! Recent files are remembered in `recent.ron` in the user's data directory (or in
//! `$REVMAP_DATA_DIR`, which tests use to keep away from the real one).

use std::path::{Path, PathBuf};

use crate::domain::case::Case;

use super::case_file::demo_case;
use super::document::{self, Document};
use super::{atomic, ron_io, source};

/// How many recent files are remembered.
pub const MAX_RECENT: usize = 8;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Demo,
    Scenario,
    Recent,
    /// Any other file; without a path, the "open a file…" entry.
    File,
}

/// Title and size of a case, for the preview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub title: String,
    pub participants: usize,
    pub topics: usize,
    pub lang: String,
    /// A saved session (with the team's work), not a bare case.
    pub session: bool,
    /// A session's team ("" for a case, or a session without a team name).
    pub team: String,
}

impl Summary {
    pub fn of(case: &Case) -> Summary {
        Summary {
            title: case.title.clone(),
            participants: case.participants.len(),
            topics: case.topics().count(),
            lang: case.lang.clone(),
            session: false,
            team: String::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub origin: Origin,
    pub path: Option<PathBuf>,
    /// File name (or "demo").
    pub label: String,
    /// The summary, or the first error that stops the file from opening.
    pub summary: Result<Summary, String>,
}

impl Entry {
    pub fn demo() -> Entry {
        Entry {
            origin: Origin::Demo,
            path: None,
            label: "demo".to_string(),
            summary: Ok(Summary::of(&demo_case())),
        }
    }

    fn file(origin: Origin, path: &Path) -> Entry {
        let checked = document::check_file(path);
        let summary = match &checked.value {
            Some(Document::Case(case)) => Ok(Summary::of(case)),
            Some(Document::Session(s)) => Ok(Summary {
                session: true,
                team: s.team.clone(),
                ..Summary::of(&s.case)
            }),
            None => Err(first_error(&checked.report)),
        };
        Entry {
            origin,
            path: Some(path.to_path_buf()),
            label: path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| path.display().to_string()),
            summary,
        }
    }
}

fn first_error(report: &super::report::FileReport) -> String {
    let mut text = String::new();
    report.render_text(&mut text);
    text.lines().next().unwrap_or_default().to_string()
}

/// The demo, then every `*.ron` in the scenario directories (sorted, each file once), then
/// the recent files that still exist.
pub fn entries(scenario_dirs: &[PathBuf], recent: &[PathBuf]) -> Vec<Entry> {
    let mut out = vec![Entry::demo()];
    let mut seen: Vec<PathBuf> = Vec::new();
    let mut names: Vec<std::ffi::OsString> = Vec::new();
    for dir in scenario_dirs {
        let Ok(read) = std::fs::read_dir(dir) else {
            continue;
        };
        let mut files: Vec<PathBuf> = read
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "ron"))
            .filter(|p| p.file_name().is_some_and(|n| n != "demo.ron"))
            .collect();
        files.sort();
        for f in files {
            // The same scenario in a second folder (./scenarios and the source tree of an
            // installed binary) is listed once: the first folder's copy wins.
            let name = f.file_name().unwrap_or_default().to_os_string();
            if !names.contains(&name) {
                names.push(name);
                seen.push(f.canonicalize().unwrap_or_else(|_| f.clone()));
                out.push(Entry::file(Origin::Scenario, &f));
            }
        }
    }
    for f in recent.iter().filter(|f| f.is_file()) {
        let key = f.canonicalize().unwrap_or_else(|_| f.clone());
        if !seen.contains(&key) {
            seen.push(key);
            out.push(Entry::file(Origin::Recent, f));
        }
    }
    out
}

/// Where shipped scenarios may be: `./scenarios`, and the source tree this binary was built
/// from (so `cargo run` finds them from anywhere).
pub fn scenario_dirs() -> Vec<PathBuf> {
    let mut dirs = vec![PathBuf::from("scenarios")];
    let built = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    if built.is_dir() {
        dirs.push(built);
    }
    dirs
}

/// The directory revmap keeps its own small files in, if there is one.
pub fn data_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("REVMAP_DATA_DIR") {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "revmap").map(|d| d.data_dir().to_path_buf())
}

fn recent_file(dir: &Path) -> PathBuf {
    dir.join("recent.ron")
}

/// Recently opened files, newest first; an unreadable list is simply empty.
pub fn load_recent(dir: &Path) -> Vec<PathBuf> {
    source::read_text(&recent_file(dir))
        .ok()
        .and_then(|text| ron_io::parse::<Vec<PathBuf>>(&text).ok())
        .unwrap_or_default()
}

/// Puts `path` first in the recent list, keeping at most `MAX_RECENT`.
pub fn push_recent(dir: &Path, path: &Path) -> std::io::Result<()> {
    let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    let mut list = load_recent(dir);
    list.retain(|p| *p != path);
    list.insert(0, path);
    list.truncate(MAX_RECENT);
    std::fs::create_dir_all(dir)?;
    let text = ron_io::to_pretty(&list).map_err(std::io::Error::other)?;
    atomic::write_atomic(&recent_file(dir), text.as_bytes(), false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_comes_first_with_its_summary() {
        let list = entries(&[], &[]);
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].origin, Origin::Demo);
        let s = list[0].summary.as_ref().unwrap();
        assert_eq!(s.participants, 10);
        assert!(s.title.starts_with("Riverside"));
    }

    #[test]
    fn scenarios_are_listed_once_with_errors_named() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("b.ron"), super::super::case_file::DEMO).unwrap();
        std::fs::write(dir.path().join("a.ron"), "Case(").unwrap();
        std::fs::write(dir.path().join("notes.txt"), "x").unwrap();
        let dirs = vec![dir.path().to_path_buf(), dir.path().to_path_buf()];
        let session = crate::store::session_file::new_session(
            super::super::case_file::demo_case(),
            "2026-01-01T00:00:00Z",
        );
        let text = crate::store::session_file::to_text(&session).unwrap();
        std::fs::write(dir.path().join("c.ron"), text).unwrap();
        let other = tempfile::tempdir().unwrap();
        std::fs::write(other.path().join("b.ron"), "another copy").unwrap();
        let dirs = [dirs, vec![other.path().to_path_buf()]].concat();
        let list = entries(&dirs, &[dir.path().join("b.ron")]);
        let labels: Vec<&str> = list.iter().map(|e| e.label.as_str()).collect();
        assert_eq!(labels, ["demo", "a.ron", "b.ron", "c.ron"]);
        let c = list[3].summary.as_ref().unwrap();
        assert!(c.session && c.title.starts_with("Riverside"));
        assert!(!list[2].summary.as_ref().unwrap().session);
        let err = list[1].summary.as_ref().unwrap_err();
        assert!(err.contains("a.ron"), "{err}");
        assert_eq!(list[2].summary.as_ref().unwrap().participants, 10);
    }

    #[test]
    fn recent_list_keeps_the_newest_first_and_bounded() {
        let dir = tempfile::tempdir().unwrap();
        let files: Vec<PathBuf> = (0..MAX_RECENT + 2)
            .map(|i| {
                let f = dir.path().join(format!("{i}.ron"));
                std::fs::write(&f, "").unwrap();
                f
            })
            .collect();
        for f in &files {
            push_recent(dir.path(), f).unwrap();
        }
        push_recent(dir.path(), &files[3]).unwrap();
        let list = load_recent(dir.path());
        assert_eq!(list.len(), MAX_RECENT);
        assert_eq!(list[0], files[3].canonicalize().unwrap());
        assert_eq!(list[1], files[MAX_RECENT + 1].canonicalize().unwrap());
    }
}
