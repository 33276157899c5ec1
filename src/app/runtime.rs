//! The loop: read an event, turn it into a `Msg`, `update`, perform the `Cmd`, draw.
//! Generic over the ratatui backend and the event source, so tests drive it on a
//! `TestBackend` with scripted events.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::{Event, MouseButton, MouseEventKind};

use super::keymap::msg_for_key;
use super::model::Model;
use super::msg::{Cmd, Msg, Opened, Source};
use super::update::update;
use super::{engine, persist_io, room};
use crate::domain::session::Session;
use crate::i18n::Lang;
use crate::import::{ImportOptions, import_file};
use crate::store::case_file::demo_case;
use crate::store::document::open_session;
use crate::store::library;
use crate::store::session_file::new_session;

/// What an event source has next.
pub enum Next {
    Event(Event),
    /// Nothing happened within the timeout.
    Idle,
    /// No more events (scripted sources only).
    End,
    /// SIGTERM or SIGHUP arrived: save and stop.
    Signal,
}

pub trait Events {
    fn next(&mut self, timeout: Duration) -> std::io::Result<Next>;
}

/// A fixed list of events, for tests and benchmarks.
pub struct Script(pub std::collections::VecDeque<Event>);

impl Events for Script {
    fn next(&mut self, _timeout: Duration) -> std::io::Result<Next> {
        Ok(self.0.pop_front().map_or(Next::End, Next::Event))
    }
}

/// The message an event means in the model's current context.
pub fn msg_for_event(m: &Model, ev: Event) -> Option<Msg> {
    match ev {
        Event::Key(k) => msg_for_key(&k, m.context()),
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Msg::Click {
                col: mouse.column,
                row: mouse.row,
            }),
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => Some(Msg::Scroll {
                col: mouse.column,
                row: mouse.row,
                down: mouse.kind == MouseEventKind::ScrollDown,
            }),
            _ => None,
        },
        Event::Resize(w, h) => Some(Msg::Resize(w, h)),
        Event::Paste(text) => Some(Msg::Paste(text)),
        _ => None,
    }
}

/// Runs the session until the model quits or a scripted source ends.
pub fn run<B: Backend>(
    terminal: &mut Terminal<B>,
    model: &mut Model,
    events: &mut dyn Events,
) -> color_eyre::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    let (tx, rx) = channel::<Msg>();
    let mut autosave = persist_io::AutosaveState::new(model);
    let origin = Instant::now();
    let clock = || origin.elapsed().as_millis() as u64;
    let size = terminal.size()?;
    update(model, Msg::Resize(size.width, size.height));
    terminal.draw(|f| f.render_widget(&*model, f.area()))?;
    while !model.quit {
        let longest = Duration::from_millis(if model.solving.is_some() { 30 } else { 250 });
        let longest = room::next_change(model, clock()).map_or(longest, |d| d.min(longest));
        let wait = autosave.wait(Instant::now(), longest);
        let mut changed = false;
        match events.next(wait)? {
            Next::Event(ev) => {
                // Timer keys act at the moment of the key, not of the last tick.
                dispatch(model, Msg::Tick(clock()), &tx);
                if let Some(msg) = msg_for_event(model, ev) {
                    dispatch(model, msg, &tx);
                    changed = true;
                }
            }
            Next::Idle => {}
            Next::End if model.solving.is_some() => {
                if let Ok(msg) = rx.recv_timeout(Duration::from_secs(60)) {
                    dispatch(model, msg, &tx);
                }
                changed = true;
            }
            Next::End => break,
            Next::Signal => {
                persist_io::save_before_exit(model);
                break;
            }
        }
        changed |= drain(model, &rx, &tx);
        let notice = model.notice.clone();
        persist_io::autosave_tick(model, &mut autosave, Instant::now());
        changed |= model.notice != notice;
        changed |= tick(model, clock(), &tx);
        if changed {
            terminal.draw(|f| f.render_widget(&*model, f.area()))?;
        }
    }
    Ok(())
}

/// Lets the timers count to `now`; true when the countdown shows something new.
fn tick(model: &mut Model, now: u64, tx: &Sender<Msg>) -> bool {
    let before = room::face(model);
    dispatch(model, Msg::Tick(now), tx);
    room::face(model) != before
}

fn drain(model: &mut Model, rx: &Receiver<Msg>, tx: &Sender<Msg>) -> bool {
    let mut any = false;
    while let Ok(msg) = rx.try_recv() {
        dispatch(model, msg, tx);
        any = true;
    }
    any
}

/// Updates the model and performs what it asks for; results of slow work come back later
/// through `tx`.
pub fn dispatch(model: &mut Model, msg: Msg, tx: &Sender<Msg>) {
    let mut next = Some(msg);
    while let Some(msg) = next.take() {
        let Some(cmd) = update(model, msg) else {
            break;
        };
        next = match cmd {
            Cmd::Quit => None,
            Cmd::Bell => {
                ring();
                None
            }
            Cmd::Open(source) => Some(Msg::Opened(open(source, Some(model.lang)))),
            Cmd::Save(job) => Some(persist_io::save(*job, model.data.as_deref())),
            Cmd::Export(job) => Some(persist_io::export(*job)),
            Cmd::LoadCompare(path) => Some(persist_io::load_compare(&path)),
            Cmd::Discard { id, quit } => {
                if let Some(r) = model.recovery() {
                    let _ = r.discard(&id);
                }
                if quit {
                    model.quit = true;
                }
                None
            }
            Cmd::Solve(job) => {
                let tx = tx.clone();
                std::thread::spawn(move || {
                    let result = engine::solve(&job);
                    let _ = tx.send(Msg::PairingDone {
                        job: job.job,
                        result,
                    });
                });
                None
            }
        };
    }
}

/// The terminal bell, when there is a terminal to ring.
fn ring() {
    use std::io::{IsTerminal, Write};
    let mut out = std::io::stdout();
    if out.is_terminal() {
        let _ = out.write_all(b"\x07");
        let _ = out.flush();
    }
}

/// Reads a case, a session or a survey for `Cmd::Open`, remembering opened case and
/// session files in the recent list. `lang` is the language of an import report.
pub fn open(source: Source, lang: Option<Lang>) -> Result<Box<Opened>, String> {
    let (session, file, report) = match &source {
        Source::Demo => (
            new_session(demo_case(), &super::clock::now_rfc3339()),
            None,
            None,
        ),
        Source::File(path) => read_source(path, lang)?,
    };
    Ok(Box::new(Opened {
        session,
        source,
        file,
        report,
    }))
}

/// What opening a file gives: the session, the session file it saves back to, and for a
/// survey the import report to show.
pub type ReadFile = (Session, Option<PathBuf>, Option<String>);

/// A survey spreadsheet is imported into a fresh session (with its report); a case or a
/// session file is read as such and remembered in the recent list.
pub fn read_source(path: &Path, lang: Option<Lang>) -> Result<ReadFile, String> {
    if crate::import::is_survey_path(path) {
        let (session, report) = import_survey(path, lang)?;
        return Ok((session, None, Some(report)));
    }
    let (session, file) = read_session(path)?;
    remember(path);
    Ok((session, file, None))
}

/// A survey as a fresh session built from School 291's catalogue, like `revmap import`
/// without options; the error names the file and what was expected.
fn import_survey(path: &Path, lang: Option<Lang>) -> Result<(Session, String), String> {
    let opts = ImportOptions {
        lang,
        ..ImportOptions::default()
    };
    let imported = import_file(path, &opts).map_err(|e| e.render(lang.unwrap_or(Lang::Ru)))?;
    let session = new_session(imported.case, &super::clock::now_rfc3339());
    Ok((session, imported.report.render_text()))
}

/// Puts an opened file first in the recent list (best effort: a list that cannot be
/// written is not worth an error).
pub fn remember(path: &Path) {
    if let Some(dir) = library::data_dir() {
        let _ = library::push_recent(&dir, path);
    }
}

/// A case file as a fresh session (saved nowhere yet), or a saved session as it was with
/// its file; the error is the file's report (`file:line:col: error: …`).
pub fn read_session(path: &Path) -> Result<(Session, Option<PathBuf>), String> {
    open_session(path, &super::clock::now_rfc3339()).map_err(|report| {
        let mut text = String::new();
        report.render_text(&mut text);
        text
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::session::Entry;
    use crate::store::session_file::{new_session, to_text};

    #[test]
    fn a_saved_session_opens_with_its_work() {
        let dir = tempfile::tempdir().unwrap();
        let mut saved = new_session(demo_case(), "2026-01-01T00:00:00Z");
        saved.goals.goals.push(Entry {
            text: "Наша цель".into(),
            from_catalogue: false,
            resource: None,
        });
        let path = dir.path().join("team.ron");
        std::fs::write(&path, to_text(&saved).unwrap()).unwrap();
        let (opened, file) = read_session(&path).unwrap();
        assert_eq!(opened.goals.goals[0].text, "Наша цель");
        assert_eq!(opened.id, saved.id);
        assert_eq!(
            file.as_deref(),
            Some(path.as_path()),
            "saves back to itself"
        );
    }

    #[test]
    fn a_case_file_opens_as_a_fresh_session() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("case.ron");
        std::fs::write(&path, crate::store::case_file::DEMO).unwrap();
        let (s, file) = read_session(&path).unwrap();
        assert_eq!(file, None, "a case is not overwritten by a session");
        assert_eq!(s.case, demo_case());
        assert!(!s.id.is_empty() && !s.case_hash.is_empty());
        assert!(s.goals.goals.is_empty());
    }

    #[test]
    fn a_survey_opens_as_a_fresh_session_with_its_report() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/utf8-bom.csv");
        let (s, file, report) = read_source(&path, Some(Lang::En)).unwrap();
        assert_eq!(file, None, "a survey is never overwritten by a session");
        assert!(!s.case.participants.is_empty());
        let report = report.expect("an import shows its report");
        assert!(report.contains("utf8-bom.csv"), "{report}");
        let checked = crate::store::case_file::check_case_text(
            "imported",
            &crate::store::ron_io::to_pretty(&s.case).unwrap(),
        );
        assert_eq!(checked.report.errors(), 0);
    }

    #[test]
    fn a_survey_without_the_needed_columns_says_which() {
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/missing-columns.csv");
        let err = read_source(&path, Some(Lang::En)).unwrap_err();
        assert!(err.contains("missing-columns.csv"), "{err}");
    }

    #[test]
    fn a_bad_file_reports_where() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.ron");
        std::fs::write(&path, "Case(\n  version: 1,\n  title: ").unwrap();
        let err = read_session(&path).unwrap_err();
        assert!(err.contains("bad.ron:"), "{err}");
    }
}
