//! The interactive side of keeping the room's work: saving (Ctrl-S, save as, on quit), the
//! session as autosave writes it, the restore offer at start, export from the session, and
//! the compare view of two teams' maps. Files are touched only by the loop, through `Cmd`s.

use std::path::PathBuf;

use super::edit::{Edit, apply};
use super::model::{EditTarget, LineInput, LineTarget, Model, Popup, area_text, line_area};
use super::msg::{Action, Cmd, ExportJob, SaveJob, Saved, Source};
use crate::domain::session::{Entry, Map, Session};
use crate::domain::session_diff::diff_summary;
use crate::i18n::fill;
use crate::store::recovery::Pending;
use crate::store::session_file::case_hash;

/// The restore offer shown at start: a recovery copy and what it holds that the saved file
/// does not.
pub struct Restore {
    pub pending: Pending,
    pub lines: Vec<String>,
    /// When the recovery copy was written, as the pop-up shows it.
    pub when: String,
}

impl Restore {
    pub fn new(pending: Pending, lang: crate::i18n::Lang, when: String) -> Restore {
        let empty = Session::new(pending.session.case.clone(), "");
        let saved = pending.saved.as_ref().unwrap_or(&empty);
        let lines = diff_summary(saved, &pending.session, lang);
        Restore {
            pending,
            lines,
            when,
        }
    }
}

/// Two teams' maps side by side.
pub struct Compare {
    pub sides: Vec<Side>,
    pub left: usize,
    pub right: usize,
    /// The map shown on the left, among the left team's maps.
    pub map: usize,
    pub scroll: u16,
}

/// One team's maps.
pub struct Side {
    pub label: String,
    pub maps: Vec<Map>,
}

impl Compare {
    pub fn left_map(&self) -> Option<&Map> {
        self.sides.get(self.left)?.maps.get(self.map)
    }

    /// The right team's map for the same pair or team, else the one in the same place.
    pub fn right_map(&self) -> Option<&Map> {
        let maps = &self.sides.get(self.right)?.maps;
        let same = self
            .left_map()
            .and_then(|l| maps.iter().find(|m| m.subject == l.subject));
        same.or_else(|| maps.get(self.map))
    }
}

/// The session as autosave writes it: as if the open editor were accepted now, so typing
/// not yet accepted survives a crash too. Mirrors `goals::written` and `map::written`.
pub fn snapshot(m: &Model) -> Session {
    let mut s = m.session.clone();
    let Some(Popup::Editor(ed)) = &m.popup else {
        return s;
    };
    let text = area_text(&ed.area);
    let blank = text.trim().is_empty();
    match ed.target {
        EditTarget::NewEntry(section) if !blank => {
            apply(
                &mut s,
                &Edit::AddEntry(
                    section,
                    Entry {
                        text,
                        from_catalogue: false,
                        resource: None,
                    },
                ),
            );
        }
        EditTarget::Entry(section, i) if !blank => {
            apply(&mut s, &Edit::SetEntry(section, i, text));
        }
        EditTarget::Field(f) => {
            if let Some(i) = stored_map(m, &mut s) {
                apply(&mut s, &Edit::SetField(i, f, text));
            }
        }
        EditTarget::Activity(a) if !blank => {
            if let Some(i) = stored_map(m, &mut s) {
                apply(&mut s, &Edit::SetActivityTitle(i, a, text));
            }
        }
        _ => {}
    }
    s
}

/// The index of the map being edited in `s`, storing the draft first as editing would.
fn stored_map(m: &Model, s: &mut Session) -> Option<usize> {
    if let Some(i) = m.map.stored {
        return Some(i);
    }
    let draft = m.map.draft.clone()?;
    let subject = draft.subject.clone();
    apply(s, &Edit::PutMap(Box::new(draft)));
    s.maps.iter().position(|x| x.subject == subject)
}

/// What a session made from a case is called when first saved: the case file's stem.
fn stem(m: &Model) -> String {
    match &m.source {
        Source::Demo => "demo".to_string(),
        Source::File(p) => p
            .file_stem()
            .map(|s| s.to_string_lossy().trim_end_matches(".session").to_string())
            .unwrap_or_else(|| "session".to_string()),
    }
}

/// Ctrl-S, or yes to the quit question: save to the session's file.
pub fn save(m: &Model, path: Option<PathBuf>, quit: bool) -> Option<Cmd> {
    Some(Cmd::Save(Box::new(SaveJob {
        session: m.session.clone(),
        path: path.or_else(|| m.file.clone()),
        stem: stem(m),
        quit,
    })))
}

/// W: ask where to save, starting from the current file name.
pub fn ask(m: &mut Model, target: LineTarget) {
    let text = match target {
        LineTarget::SavePath => m
            .file
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| format!("{}.session.ron", stem(m))),
        _ => String::new(),
    };
    m.line = Some(LineInput {
        target,
        area: line_area(&text, &m.theme),
    });
}

/// Enter in the save-as or compare-with line.
pub fn line_done(m: &mut Model, target: LineTarget, text: &str) -> Option<Cmd> {
    let path = super::stage::start::typed_path(text)?;
    match target {
        LineTarget::SavePath => save(m, Some(path), false),
        LineTarget::ComparePath => Some(Cmd::LoadCompare(path)),
        _ => None,
    }
}

/// The loop saved (or could not): the file is now the session's home, or the error shows
/// and everything stays in memory as it was.
pub fn saved(m: &mut Model, result: Result<Box<Saved>, String>) -> Option<Cmd> {
    let p = m.strings().persist;
    match result {
        Ok(s) => {
            m.session.id = s.id;
            m.session.modified = s.modified;
            m.session.case_hash = s.case_hash;
            m.session.version = crate::domain::session::SESSION_VERSION;
            m.dirty = false;
            m.save_failed = false;
            m.notice = Some(fill(p.saved_to, &[("path", &s.path.display().to_string())]));
            m.source = Source::File(s.path.clone());
            m.file = Some(s.path);
            if s.quit {
                m.quit = true;
                return Some(Cmd::Quit);
            }
        }
        Err(e) => {
            m.save_failed = true;
            m.notice = Some(p.not_saved.to_string());
            m.popup = Some(Popup::Confirm(super::model::Confirm::SaveFailed(e)));
        }
    }
    None
}

/// E: printable HTML beside the session file.
pub fn export(m: &Model) -> Option<Cmd> {
    Some(Cmd::Export(Box::new(ExportJob {
        session: snapshot(m),
        file: m.file.clone(),
        stem: stem(m),
        lang: m.lang,
        privacy: m.privacy,
    })))
}

pub fn exported(m: &mut Model, result: Result<PathBuf, String>) {
    let p = m.strings().persist;
    m.notice = Some(match result {
        Ok(path) => fill(p.exported_to, &[("path", &path.display().to_string())]),
        Err(e) => fill(p.export_failed, &[("error", &e)]),
    });
}

/// c on the Map stage: compare the teams this session holds, or ask for another team's
/// session file when it holds only its own work.
pub fn compare(m: &mut Model) -> Option<Cmd> {
    let sides = sides_of(&m.session, m.strings().persist.this_session);
    if sides.len() >= 2 {
        open_compare(m, sides);
    } else {
        ask(m, LineTarget::ComparePath);
    }
    None
}

/// The teams' maps a session holds: its own (if any), then each collected team's.
fn sides_of(s: &Session, own_label: &str) -> Vec<Side> {
    let mut sides = Vec::new();
    if !s.maps.is_empty() {
        let label = if s.team.trim().is_empty() {
            own_label.to_string()
        } else {
            s.team.clone()
        };
        sides.push(Side {
            label,
            maps: s.maps.clone(),
        });
    }
    sides.extend(s.teams.iter().filter(|t| !t.maps.is_empty()).map(|t| Side {
        label: t.team.clone(),
        maps: t.maps.clone(),
    }));
    sides
}

fn open_compare(m: &mut Model, sides: Vec<Side>) {
    let right = usize::from(sides.len() > 1);
    m.popup = Some(Popup::Compare(Box::new(Compare {
        sides,
        left: 0,
        right,
        map: 0,
        scroll: 0,
    })));
}

/// Another team's session arrived: compare it with this one if it is the same case.
pub fn compare_loaded(m: &mut Model, file: String, result: Result<Box<Session>, String>) {
    let p = m.strings().persist;
    let other = match result {
        Ok(o) => o,
        Err(e) => {
            m.notice = Some(fill(p.compare_failed, &[("file", &file), ("error", &e)]));
            return;
        }
    };
    if case_hash(&other.case) != case_hash(&m.session.case) {
        m.notice = Some(fill(
            p.compare_other_case,
            &[("file", &file), ("title", &other.case.title)],
        ));
        return;
    }
    let mut sides = sides_of(&m.session, p.this_session);
    let theirs = sides_of(&other, &file);
    sides.extend(theirs);
    if sides.len() < 2 {
        m.notice = Some(p.compare_nothing.to_string());
        return;
    }
    open_compare(m, sides);
}

/// Keys of the compare view.
pub fn on_compare(m: &mut Model, a: Action) -> Option<Cmd> {
    let Some(Popup::Compare(c)) = &mut m.popup else {
        return None;
    };
    let n = c.sides.len().max(1);
    match a {
        Action::OtherLeft => {
            c.left = next_other(c.left, c.right, n);
            c.map = 0;
        }
        Action::OtherRight => c.right = next_other(c.right, c.left, n),
        Action::Left => c.map = c.map.saturating_sub(1),
        Action::Right => {
            let maps = c.sides.get(c.left).map_or(0, |s| s.maps.len());
            c.map = (c.map + 1).min(maps.saturating_sub(1));
        }
        Action::Up => c.scroll = c.scroll.saturating_sub(1),
        Action::Down => c.scroll = c.scroll.saturating_add(1),
        Action::Close => m.popup = None,
        _ => {}
    }
    None
}

/// The next side after `at` that is not `other`, wrapping around.
fn next_other(at: usize, other: usize, n: usize) -> usize {
    (1..n)
        .map(|k| (at + k) % n)
        .find(|i| *i != other)
        .unwrap_or(at)
}

/// Keys of the restore offer: y restores, n discards the recovery copy, Esc leaves it for
/// next time.
pub fn on_restore(m: &mut Model, a: Action) -> Option<Cmd> {
    let Some(Popup::Restore(r)) = m.popup.take() else {
        return None;
    };
    let p = m.strings().persist;
    let pending = r.pending;
    match a {
        Action::Yes => {
            m.source = match &pending.saved_as {
                Some(path) => Source::File(path.clone()),
                None => m.source.clone(),
            };
            m.file = pending.saved_as;
            m.session = pending.session;
            m.dirty = true;
            m.revision += 1;
            m.case_changed();
            m.notice = Some(p.restored.to_string());
            None
        }
        Action::No => {
            m.notice = Some(p.discarded.to_string());
            Some(Cmd::Discard {
                id: pending.session.id,
                quit: false,
            })
        }
        Action::Close => {
            // Left for next time: the open session must not autosave over that copy.
            if pending.session.id == m.session.id {
                m.session.id.push_str("-b");
            }
            None
        }
        _ => {
            m.popup = Some(Popup::Restore(Box::new(Restore {
                pending,
                lines: r.lines,
                when: r.when,
            })));
            None
        }
    }
}
