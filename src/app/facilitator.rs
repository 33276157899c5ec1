//! The facilitator's controls: undo and redo, resetting a stage, the presenter lock.

use super::edit::Edit;
use super::model::{Confirm, Model, Popup};
use crate::domain::case::Stage;

/// Ctrl-Z / Ctrl-Y: a step back or forward, said in the status line.
pub fn undo(m: &mut Model, forward: bool) {
    if m.locked {
        m.refused_by_lock();
        return;
    }
    let r = &m.strings().room;
    let word = match (m.step_history(forward), forward) {
        (true, false) => r.undone,
        (true, true) => r.redone,
        (false, false) => r.nothing_to_undo,
        (false, true) => r.nothing_to_redo,
    };
    m.notice = Some(word.to_string());
}

/// The edit that clears a stage's work; stages without work of their own have none.
pub fn reset_edit(stage: Stage) -> Option<Edit> {
    match stage {
        Stage::Goals => Some(Edit::ClearGoals),
        Stage::Pairs => Some(Edit::ClearPairing),
        Stage::Map => Some(Edit::ClearMaps),
        Stage::Start | Stage::Case | Stage::Present => None,
    }
}

/// X: asks before clearing the current stage's work.
pub fn ask_reset(m: &mut Model) {
    if m.refused_by_lock() {
        return;
    }
    match reset_edit(m.stage) {
        Some(_) => m.popup = Some(Popup::Confirm(Confirm::Reset(m.stage))),
        None => m.notice = Some(m.strings().room.nothing_to_reset.to_string()),
    }
}

/// After yes: clears the stage (one undo step brings it back).
pub fn reset(m: &mut Model, stage: Stage) {
    if let Some(e) = reset_edit(stage) {
        let revision = m.revision;
        m.edit(e);
        if m.revision != revision {
            m.notice = Some(m.strings().room.reset_done.to_string());
        }
    }
}

/// F: the presenter lock on or off.
pub fn toggle_lock(m: &mut Model) {
    m.locked = !m.locked;
    let r = &m.strings().room;
    m.notice = Some(if m.locked { r.lock_on } else { r.lock_off }.to_string());
}

#[cfg(test)]
mod tests {
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};

    use super::*;
    use crate::app::msg::{Action, Msg};
    use crate::app::testkit::{ch, press, press_mod, solved};
    use crate::app::update;
    use crate::domain::session::{Entry, Section};
    use crate::i18n::Lang;

    fn ctrl(m: &mut Model, c: char) {
        press_mod(m, KeyCode::Char(c), KeyModifiers::CONTROL);
    }

    #[test]
    fn reset_asks_clears_the_pairs_and_ctrl_z_brings_them_back() {
        let mut m = solved(Lang::En);
        update(&mut m, Msg::Act(Action::Goto(Stage::Pairs)));
        let pairs = m.session.pairing.result.clone();
        assert!(pairs.is_some());
        ch(&mut m, 'X');
        assert!(matches!(
            m.popup,
            Some(Popup::Confirm(Confirm::Reset(Stage::Pairs)))
        ));
        ch(&mut m, 'n');
        assert_eq!(m.session.pairing.result, pairs, "no keeps the work");
        ch(&mut m, 'X');
        ch(&mut m, 'y');
        assert!(m.session.pairing.result.is_none());
        assert_eq!(m.pair_count(), 0);
        ctrl(&mut m, 'z');
        assert_eq!(m.session.pairing.result, pairs);
        assert!(m.pair_count() > 0, "derived lists follow the undo");
        ctrl(&mut m, 'y');
        assert!(m.session.pairing.result.is_none());
    }

    #[test]
    fn the_lock_refuses_edits_but_not_paging_or_the_clock() {
        let mut m = solved(Lang::En);
        ch(&mut m, 'F');
        assert!(m.locked);
        let before = m.session.clone();
        m.edit(Edit::AddEntry(
            Section::Goals,
            Entry {
                text: "x".into(),
                from_catalogue: false,
                resource: None,
            },
        ));
        assert_eq!(m.session, before);
        assert_eq!(m.notice.as_deref(), Some(m.strings().room.locked_refused));
        ch(&mut m, 'X');
        assert!(m.popup.is_none(), "no reset question while locked");
        ch(&mut m, '5');
        ch(&mut m, 'e');
        assert!(m.popup.is_none(), "no editor opens while locked");
        ch(&mut m, '3');
        ch(&mut m, 'a');
        assert!(m.popup.is_none(), "no picker opens while locked");
        assert_eq!(m.notice.as_deref(), Some(m.strings().room.locked_refused));
        ctrl(&mut m, 'z');
        assert_eq!(m.notice.as_deref(), Some(m.strings().room.locked_refused));
        ch(&mut m, '1');
        let open = press(&mut m, KeyCode::Enter);
        assert!(
            open.is_none() && m.popup.is_none(),
            "no other file opens while locked"
        );
        ch(&mut m, 'o');
        assert!(m.line.is_none(), "no path asked while locked");
        assert_eq!(m.notice.as_deref(), Some(m.strings().room.locked_refused));
        update(&mut m, Msg::Act(Action::Goto(Stage::Present)));
        assert_eq!(m.stage, Stage::Present);
        ch(&mut m, 'p');
        press(&mut m, KeyCode::PageDown);
        assert_eq!(m.present.page, 1, "paging works while locked");
        ch(&mut m, 'P');
        assert!(m.session.room.plan[m.session.room.current].timer.running);
        ch(&mut m, 'F');
        assert!(!m.locked);
        ch(&mut m, '1');
        let open = press(&mut m, KeyCode::Enter);
        let asks = matches!(m.popup, Some(Popup::Confirm(Confirm::Open(_))));
        assert!(
            open.is_some() || asks,
            "opens (or asks first) once unlocked"
        );
        press(&mut m, KeyCode::Esc);
        ch(&mut m, '6');
        ch(&mut m, 'X');
        assert_eq!(m.notice.as_deref(), Some(m.strings().room.nothing_to_reset));
    }
}
