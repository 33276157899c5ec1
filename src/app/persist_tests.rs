//! Saving, autosave, the restore offer, export and the compare view, driven through
//! `update` and the loop's file work (`persist_io`), with files in temporary folders.

use std::time::{Duration, Instant};

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use super::model::{Confirm, LineTarget, Model, Popup};
use super::msg::{Action, Cmd, Msg};
use super::persist::snapshot;
use super::persist_io::{self, AutosaveState};
use super::testkit::*;
use super::update::update;
use crate::domain::case::Stage;
use crate::domain::session::{Field, TeamWork};
use crate::i18n::Lang;
use crate::store::recovery::Recovery;
use crate::store::session_file::load_session;

/// Performs a command the way the loop does, feeding results back; returns the last one.
fn perform(m: &mut Model, cmd: Option<Cmd>) -> Option<Cmd> {
    let mut cmd = cmd;
    loop {
        let msg = match cmd.take()? {
            Cmd::Save(job) => persist_io::save(*job, m.data.as_deref()),
            Cmd::Export(job) => persist_io::export(*job),
            Cmd::LoadCompare(path) => persist_io::load_compare(&path),
            other => return Some(other),
        };
        cmd = update(m, msg);
    }
}

fn ctrl_s(m: &mut Model) -> Option<Cmd> {
    press_mod(m, KeyCode::Char('s'), KeyModifiers::CONTROL)
}

/// The demo with a goal typed on the Goals stage.
fn with_goal(text: &str) -> Model {
    let mut m = paired(Lang::En);
    ch(&mut m, '3');
    ch(&mut m, 'i');
    type_text(&mut m, text);
    press(&mut m, KeyCode::Esc);
    m
}

#[test]
fn ctrl_s_saves_to_the_file_and_clears_the_mark() {
    let dir = tempfile::tempdir().unwrap();
    let mut m = with_goal("Каждый — наставник");
    assert!(m.dirty);
    let path = dir.path().join("team.ron");
    m.file = Some(path.clone());
    let cmd = ctrl_s(&mut m);
    assert!(matches!(&cmd, Some(Cmd::Save(job)) if !job.quit));
    assert!(perform(&mut m, cmd).is_none());
    assert!(!m.dirty);
    assert!(m.notice.as_deref().unwrap().starts_with("Saved to"));
    let (saved, _) = load_session(&path).unwrap();
    assert_eq!(saved.goals.goals[0].text, "Каждый — наставник");
    assert_eq!(saved.id, m.session.id);
    assert_eq!(saved.modified, m.session.modified);
}

#[test]
fn a_failed_save_says_why_and_keeps_everything() {
    let dir = tempfile::tempdir().unwrap();
    let mut m = with_goal("Цель");
    // A folder that does not exist stands in for any refusal by the OS here; the
    // read-only folder itself is tested on the store and through the real binary.
    m.file = Some(dir.path().join("missing").join("team.ron"));
    let before = m.session.clone();
    let cmd = ctrl_s(&mut m);
    perform(&mut m, cmd);
    assert!(m.dirty, "still unsaved");
    assert_eq!(m.session, before, "nothing lost or changed");
    let Some(Popup::Confirm(Confirm::SaveFailed(why))) = &m.popup else {
        panic!("a failed save says so in a pop-up");
    };
    assert!(why.contains("team.ron"), "{why}");
    assert!(why.contains("does not exist"), "{why}");
    // Yes: save elsewhere, into a folder that exists.
    ch(&mut m, 'y');
    assert!(matches!(&m.line, Some(l) if l.target == LineTarget::SavePath));
    for _ in 0..200 {
        press(&mut m, KeyCode::Backspace);
    }
    let good = dir.path().join("elsewhere.ron");
    type_text(&mut m, good.to_str().unwrap());
    let cmd = press(&mut m, KeyCode::Enter);
    perform(&mut m, cmd);
    assert!(!m.dirty, "{:?}", m.notice);
    assert_eq!(m.file.as_deref(), Some(good.as_path()));
    assert!(good.exists());
}

#[test]
fn quitting_with_unsaved_work_saves_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut m = with_goal("Цель");
    m.file = Some(dir.path().join("team.ron"));
    ch(&mut m, 'q');
    let cmd = ch(&mut m, 'y');
    assert!(matches!(perform(&mut m, cmd), Some(Cmd::Quit)));
    assert!(m.quit);
    assert!(dir.path().join("team.ron").exists());
}

#[test]
fn the_autosave_snapshot_holds_typing_not_yet_accepted() {
    let mut m = paired(Lang::En);
    ch(&mut m, '3');
    ch(&mut m, 'i');
    let before = m.revision;
    type_text(&mut m, "Набираю");
    assert!(m.revision > before, "typing counts as a change");
    assert!(m.session.goals.goals.is_empty(), "not accepted yet");
    let snap = snapshot(&m);
    press(&mut m, KeyCode::Esc);
    assert_eq!(
        snap.goals, m.session.goals,
        "the snapshot is what accepting gives"
    );

    // The same for a passport field of a map not yet stored (a draft).
    ch(&mut m, '5');
    assert!(m.session.maps.is_empty());
    press(&mut m, KeyCode::Enter);
    for _ in 0..300 {
        press(&mut m, KeyCode::Backspace);
    }
    type_text(&mut m, "Новое название");
    let snap = snapshot(&m);
    press_mod(&mut m, KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert_eq!(snap.maps, m.session.maps);
    assert_eq!(
        m.session.maps[0].passport.get(Field::Name),
        "Новое название"
    );
}

#[test]
fn autosave_writes_the_recovery_within_the_lag_and_not_before_the_pause() {
    let data = tempfile::tempdir().unwrap();
    let mut m = paired(Lang::En);
    m.data = Some(data.path().to_path_buf());
    let mut state = AutosaveState::new(&m);
    let t0 = Instant::now();
    ch(&mut m, '3');
    ch(&mut m, 'i');
    type_text(&mut m, "Вторая цель");
    persist_io::autosave_tick(&mut m, &mut state, t0);
    let recovery = Recovery::in_data_dir(data.path());
    let file = recovery.file_for(&m.session.id);
    assert!(!file.exists(), "not at once");
    persist_io::autosave_tick(&mut m, &mut state, t0 + Duration::from_millis(900));
    assert!(!file.exists(), "not before a second's pause");
    persist_io::autosave_tick(&mut m, &mut state, t0 + Duration::from_millis(1000));
    assert!(file.exists(), "after the pause");
    let scan = recovery.scan();
    assert_eq!(scan.pending[0].session.goals.goals[0].text, "Вторая цель");
    assert!(state.wait(t0, Duration::from_millis(250)) == Duration::from_millis(250));
}

#[test]
fn restore_discard_and_later() {
    let data = tempfile::tempdir().unwrap();
    let recovery = Recovery::in_data_dir(data.path());
    let mut crashed = with_goal("Потерянная цель").session;
    crashed.team = "Команда 2".into();
    crashed.id = "crashed1".into();
    recovery.write(&crashed, None).unwrap();
    let pending = || recovery.scan().pending.remove(0);
    let offer = |m: &mut Model| {
        m.popup = Some(Popup::Restore(Box::new(super::persist::Restore::new(
            pending(),
            Lang::En,
            "2026-05-16T10:00:00Z".into(),
        ))));
    };

    let mut m = paired(Lang::En);
    offer(&mut m);
    if let Some(Popup::Restore(r)) = &m.popup {
        assert!(
            r.lines.iter().any(|l| l.contains("Потерянная цель")),
            "{:?}",
            r.lines
        );
        assert!(
            r.lines.iter().any(|l| l.contains("Команда 2")),
            "{:?}",
            r.lines
        );
    }
    ch(&mut m, 'y');
    assert!(m.popup.is_none());
    assert_eq!(m.session.goals.goals[0].text, "Потерянная цель");
    assert!(m.dirty, "restored work is unsaved until saved");

    let mut m = paired(Lang::En);
    offer(&mut m);
    assert!(press(&mut m, KeyCode::Esc).is_none());
    assert!(m.session.goals.goals.is_empty());
    assert_eq!(recovery.scan().pending.len(), 1, "kept for next time");

    let mut m = paired(Lang::En);
    offer(&mut m);
    let cmd = ch(&mut m, 'n');
    assert!(matches!(&cmd, Some(Cmd::Discard { id, quit: false }) if *id == crashed.id));
}

#[test]
fn export_writes_html_beside_the_session_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut m = paired(Lang::Ru);
    m.file = Some(dir.path().join("team.ron"));
    let cmd = ch(&mut m, 'E');
    perform(&mut m, cmd);
    let html = std::fs::read_to_string(dir.path().join("team.html")).unwrap();
    assert!(html.contains("<html lang=\"ru\">"));
    assert!(m.notice.as_deref().unwrap().starts_with("Выгружено в"));
}

/// A merged file: two teams with a map for the same pair, one field different.
pub fn two_teams(lang: Lang) -> Model {
    let mut m = paired(lang);
    ch(&mut m, '5');
    ch(&mut m, 'R');
    let map = m.session.maps[0].clone();
    let mut other = map.clone();
    other.passport.goal = "Другая цель второй команды".into();
    other.passport.period = "Полгода".into();
    m.session.teams = vec![
        TeamWork {
            team: "Команда 1".into(),
            maps: vec![map],
            ..Default::default()
        },
        TeamWork {
            team: "Команда 2".into(),
            maps: vec![other],
            ..Default::default()
        },
    ];
    m.session.maps.clear();
    m.dirty = false;
    m
}

#[test]
fn compare_shows_two_teams_and_cycles() {
    let mut m = two_teams(Lang::En);
    assert_eq!(m.stage, Stage::Map);
    ch(&mut m, 'c');
    let Some(Popup::Compare(c)) = &m.popup else {
        panic!("the compare view opens");
    };
    assert_eq!((c.left, c.right), (0, 1));
    let (a, b) = (c.left_map().unwrap(), c.right_map().unwrap());
    assert_eq!(
        crate::domain::session_diff::field_diffs(a, b),
        vec![Field::Goal, Field::Period]
    );
    press(&mut m, KeyCode::Tab);
    let Some(Popup::Compare(c)) = &m.popup else {
        panic!()
    };
    assert_eq!(
        c.right, 1,
        "with two teams, the other side stays the other team"
    );
    press(&mut m, KeyCode::Esc);
    assert!(m.popup.is_none());
}

#[test]
fn compare_with_another_team_s_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut theirs = paired(Lang::En);
    ch(&mut theirs, '5');
    ch(&mut theirs, 'R');
    theirs.session.maps[0].passport.goal = "Their goal".into();
    theirs.file = Some(dir.path().join("theirs.ron"));
    let cmd = ctrl_s(&mut theirs);
    perform(&mut theirs, cmd);

    let mut m = paired(Lang::En);
    ch(&mut m, '5');
    ch(&mut m, 'R');
    ch(&mut m, 'c');
    assert!(matches!(&m.line, Some(l) if l.target == LineTarget::ComparePath));
    type_text(&mut m, dir.path().join("theirs.ron").to_str().unwrap());
    let cmd = press(&mut m, KeyCode::Enter);
    perform(&mut m, cmd);
    let Some(Popup::Compare(c)) = &m.popup else {
        panic!("{:?}", m.notice);
    };
    assert_eq!(c.sides[1].label, "theirs.ron");
    assert_eq!(c.right_map().unwrap().passport.goal, "Their goal");

    // Another case's session is refused with its title.
    let mut k = Model::fixture(
        crate::store::case_file::check_case_file(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/school-291.ron"),
        )
        .value
        .unwrap(),
        Lang::En,
    );
    update(&mut k, Msg::Act(Action::Goto(Stage::Map)));
    update(
        &mut k,
        Msg::CompareLoaded {
            file: "theirs.ron".into(),
            result: Ok(Box::new(theirs.session.clone())),
        },
    );
    assert!(k.popup.is_none());
    assert!(k.notice.unwrap().contains("is built from another case"));
}
