//! `update`: the one function that changes the model. Pure: no terminal, no files, no
//! clock — side effects go out as a `Cmd` for the loop to perform.

use super::keymap::{Context, PopupKind};
use super::model::{Confirm, LineTarget, Model, Popup};
use super::msg::{Action, Cmd, Msg, Opened};
use super::stage::{case, goals, map, pairs, present, start};
use super::{facilitator, persist, popup, privacy, room};
use crate::domain::case::Stage;
use crate::ui::hit::{Hit, hit};

pub fn update(m: &mut Model, msg: Msg) -> Option<Cmd> {
    match msg {
        Msg::Act(a) => act(m, a),
        Msg::Input(key) => {
            typed(m);
            popup::input(m, key);
            None
        }
        Msg::Paste(text) => {
            typed(m);
            popup::paste(m, &text);
            None
        }
        Msg::Resize(w, h) => {
            m.size = (w, h);
            present::clamp(m);
            None
        }
        Msg::Click { col, row } => click(m, col, row),
        Msg::Scroll { down, .. } => {
            let a = match (m.context(), down) {
                (Context::Normal(Stage::Present), true) => Action::NextPage,
                (Context::Normal(Stage::Present), false) => Action::PrevPage,
                (_, true) => Action::Down,
                (_, false) => Action::Up,
            };
            act(m, a)
        }
        Msg::Opened(result) => {
            opened(m, result);
            None
        }
        Msg::PairingDone { job, result } => {
            pairs::solved(m, job, result);
            None
        }
        Msg::Saved(result) => persist::saved(m, result),
        Msg::Exported(result) => {
            persist::exported(m, result);
            None
        }
        Msg::CompareLoaded { file, result } => {
            persist::compare_loaded(m, file, result);
            None
        }
        Msg::Tick(now) => room::tick(m, now),
    }
}

/// Typing in the editor counts as a change for autosave before it is accepted.
fn typed(m: &mut Model) {
    if matches!(m.popup, Some(Popup::Editor(_))) {
        m.revision += 1;
    }
}

fn act(m: &mut Model, a: Action) -> Option<Cmd> {
    m.notice = None;
    match m.context() {
        Context::Popup(PopupKind::Help) => popup::on_help(m, a),
        Context::Popup(PopupKind::Report) => popup::on_report(m, a),
        Context::Popup(PopupKind::Confirm) => popup::on_confirm(m, a),
        Context::Popup(PopupKind::Picker) => popup::on_picker(m, a),
        Context::Popup(PopupKind::Restore) => persist::on_restore(m, a),
        Context::Popup(PopupKind::Compare) => persist::on_compare(m, a),
        Context::Popup(PopupKind::Agenda) => room::on_agenda(m, a),
        Context::Popup(PopupKind::Privacy) => privacy::on_popup(m, a),
        Context::Insert => popup::on_insert(m, a),
        Context::Normal(stage) => normal(m, stage, a),
    }
}

fn normal(m: &mut Model, stage: Stage, a: Action) -> Option<Cmd> {
    match a {
        Action::Quit => quit(m),
        Action::Help => {
            m.popup = Some(Popup::Help { scroll: 0 });
            None
        }
        Action::NextStage => goto(m, Stage::ALL[(stage.index() + 1) % 6]),
        Action::PrevStage => goto(m, Stage::ALL[(stage.index() + 5) % 6]),
        Action::Goto(s) => goto(m, s),
        Action::Save => persist::save(m, None, false),
        Action::SaveAs => {
            persist::ask(m, LineTarget::SavePath);
            None
        }
        Action::Export => persist::export(m),
        Action::Compare => persist::compare(m),
        Action::Pause
        | Action::MoreTime
        | Action::LessTime
        | Action::NextItem
        | Action::PrevItem => room::on_timer(m, a),
        Action::Agenda => {
            room::open(m);
            None
        }
        Action::Privacy => {
            privacy::open(m);
            None
        }
        Action::Undo | Action::Redo => {
            facilitator::undo(m, a == Action::Redo);
            None
        }
        Action::PresenterLock => {
            facilitator::toggle_lock(m);
            None
        }
        Action::ResetStage => {
            facilitator::ask_reset(m);
            None
        }
        _ => match stage {
            Stage::Start => start::on_action(m, a),
            Stage::Case => case::on_action(m, a),
            Stage::Goals => goals::on_action(m, a),
            Stage::Pairs => pairs::on_action(m, a),
            Stage::Map => map::on_action(m, a),
            Stage::Present => present::on_action(m, a),
        },
    }
}

pub fn goto(m: &mut Model, s: Stage) -> Option<Cmd> {
    if s == Stage::Present && m.stage != Stage::Present {
        present::enter(m);
    }
    m.stage = s;
    m.pairs.swap_from = None;
    present::clamp(m);
    None
}

/// Quits at once when everything is saved; otherwise asks first.
fn quit(m: &mut Model) -> Option<Cmd> {
    if m.dirty {
        m.popup = Some(Popup::Confirm(Confirm::Quit));
        None
    } else {
        m.quit = true;
        Some(Cmd::Quit)
    }
}

/// A case the loop has read becomes a fresh session, shown from the Case stage.
fn opened(m: &mut Model, result: Result<Box<Opened>, String>) {
    match result {
        Ok(o) => {
            let o = *o;
            let title = o.session.case.title.clone();
            m.session = o.session;
            m.source = o.source;
            m.file = o.file.or_else(|| m.output.clone());
            m.dirty = false;
            m.save_failed = false;
            m.case_changed();
            m.stage = Stage::Case;
            let opened = format!("{}: {title}", m.strings().start.opened);
            m.notice = Some(match m.notice.take() {
                Some(more) => format!("{opened} · {more}"),
                None => opened,
            });
            if let Some(text) = o.report {
                m.popup = Some(Popup::import_report(m, &text));
            }
        }
        Err(e) => m.notice = Some(e.lines().next().unwrap_or_default().to_string()),
    }
}

/// A click on a stage tab goes there; on a row selects it, and on the selected row again
/// acts on it (opens, edits).
fn click(m: &mut Model, col: u16, row: u16) -> Option<Cmd> {
    match hit(m, col, row)? {
        Hit::Stage(s) if m.line.is_none() => goto(m, s),
        Hit::Stage(_) => None,
        Hit::Tab(i) => {
            m.case.tab = case::Tab::ALL[i.min(3)];
            None
        }
        Hit::Section(i) => {
            m.goals.section = i;
            None
        }
        Hit::PickerRow(i) => {
            if let Some(Popup::Picker(p)) = &mut m.popup {
                let again = std::mem::replace(&mut p.selected, i) == i;
                if again {
                    return act(m, Action::Accept);
                }
            }
            None
        }
        Hit::Row(i) => select_row(m, i),
    }
}

fn select_row(m: &mut Model, i: usize) -> Option<Cmd> {
    let again = match m.stage {
        Stage::Start => std::mem::replace(&mut m.start.selected, i) == i,
        Stage::Case => {
            m.case.selected = i;
            false
        }
        Stage::Goals => {
            let s = m.goals.section;
            std::mem::replace(&mut m.goals.selected[s], i) == i
        }
        Stage::Pairs => {
            m.pairs.selected = i;
            false
        }
        Stage::Map => match m.map.focus {
            map::Focus::Passport => std::mem::replace(&mut m.map.field, i) == i,
            map::Focus::Plan => std::mem::replace(&mut m.map.activity, i) == i,
        },
        Stage::Present => false,
    };
    if again && m.line.is_none() {
        act(m, Action::Activate)
    } else {
        None
    }
}
