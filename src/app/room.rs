//! Running the room: the plan's timers (keys that work on every stage) and the session
//! plan pop-up, where the facilitator reorders and re-times items live.

use super::edit::{Edit, TimerOp};
use super::model::{EditTarget, Model, Popup, is_nav, step};
use super::msg::{Action, Cmd};
use super::popup::open_editor;
use crate::domain::room::{Phase, PlanItem, Room};

/// Minutes a new plan item gets.
const NEW_ITEM_MINUTES: u32 = 10;

/// What the countdown shows: whole seconds left (below zero: over), its phase, whether it
/// runs. Two equal faces draw the same, so the loop redraws only when the face changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Face {
    pub secs: i64,
    pub phase: Phase,
    pub running: bool,
    /// Time is up and running: the face alternates each second to catch the eye.
    pub flash: bool,
}

/// The current item's countdown, if the session has a plan.
pub fn face(m: &Model) -> Option<Face> {
    let item = m.session.room.current()?;
    let secs = item.remaining_secs(m.now);
    let phase = Phase::of(secs);
    let running = item.timer.running;
    Some(Face {
        secs,
        phase,
        running,
        flash: running && phase == Phase::Over && secs.rem_euclid(2) == 1,
    })
}

/// How long until the countdown's face changes, while a timer runs: the loop sleeps that
/// long at most, so the second shown is never late and nothing spins.
pub fn next_change(m: &Model, now: u64) -> Option<std::time::Duration> {
    let item = m.session.room.current().filter(|i| i.timer.running)?;
    let left_ms = item.budget_secs() * 1000 - item.timer.elapsed_at(now) as i64;
    let ms = match left_ms.rem_euclid(1000) {
        0 => 1000,
        ms => ms,
    };
    Some(std::time::Duration::from_millis(ms as u64 + 1))
}

/// A session just opened: a plan from the case if it has none, and timers that were
/// running when it was saved wait, paused, for the facilitator.
pub fn opened(m: &mut Model) {
    let room = &mut m.session.room;
    if room.plan.is_empty() {
        *room = Room {
            bell: room.bell,
            ..Room::from_case(&m.session.case)
        };
    }
    if room.pause_restored() {
        m.notice = Some(m.strings().room.restored_paused.to_string());
    }
}

/// The loop's clock moved on: running timers count up to `now`. Time passing is not an edit
/// (nothing to undo, nothing unsaved), but a save made afterwards keeps the time spent.
pub fn tick(m: &mut Model, now: u64) -> Option<Cmd> {
    m.now = now;
    let ran_out = m.session.room.tick(now);
    (ran_out && m.session.room.bell).then_some(Cmd::Bell)
}

/// The timer keys, on every stage.
pub fn on_timer(m: &mut Model, a: Action) -> Option<Cmd> {
    let now = m.now;
    if m.session.room.plan.is_empty() {
        m.notice = Some(m.strings().room.no_plan.to_string());
        return None;
    }
    let op = match a {
        Action::Pause => TimerOp::Toggle { now },
        Action::MoreTime => TimerOp::Add { secs: 60, now },
        Action::LessTime => TimerOp::Add { secs: -60, now },
        Action::NextItem | Action::PrevItem => {
            let room = &m.session.room;
            let last = room.plan.len() - 1;
            let item = match a {
                Action::NextItem => (room.current + 1).min(last),
                _ => room.current.saturating_sub(1),
            };
            return go_to(m, item);
        }
        _ => return None,
    };
    m.edit(Edit::Timer(op));
    None
}

/// Makes plan item `i` current, starts its timer and shows its stage.
fn go_to(m: &mut Model, i: usize) -> Option<Cmd> {
    m.edit(Edit::Timer(TimerOp::GoTo {
        item: i,
        now: m.now,
    }));
    if let Some(stage) = m.session.room.current().and_then(|item| item.stage) {
        super::update::goto(m, stage);
    }
    None
}

pub fn open(m: &mut Model) {
    let selected = m.session.room.current;
    m.popup = Some(Popup::Agenda { selected });
}

/// Keys in the plan pop-up.
pub fn on_agenda(m: &mut Model, a: Action) -> Option<Cmd> {
    let Some(Popup::Agenda { selected }) = m.popup else {
        return None;
    };
    let n = m.session.room.plan.len();
    let i = selected.min(n.saturating_sub(1));
    let page = m.page();
    let select = |m: &mut Model, i: usize| m.popup = Some(Popup::Agenda { selected: i });
    match a {
        a if is_nav(a) => select(m, step(i, n, a, page)),
        Action::Close => m.popup = None,
        Action::Activate if i < n => {
            m.popup = None;
            return go_to(m, i);
        }
        Action::Pause => m.edit(Edit::Timer(TimerOp::Toggle { now: m.now })),
        Action::Restart if i < n => m.edit(Edit::Timer(TimerOp::Restart {
            item: i,
            now: m.now,
        })),
        Action::Bell => m.edit(Edit::Timer(TimerOp::Bell(!m.session.room.bell))),
        Action::Longer | Action::Shorter if i < n => {
            let minutes = m.session.room.plan[i].minutes;
            let minutes = if a == Action::Longer {
                minutes + 1
            } else {
                minutes.saturating_sub(1)
            };
            m.edit(Edit::SetMinutes(i, minutes));
        }
        Action::MoveUp if i > 0 => {
            m.edit(Edit::MoveItem(i, i - 1));
            select(m, i - 1);
        }
        Action::MoveDown if i + 1 < n => {
            m.edit(Edit::MoveItem(i, i + 1));
            select(m, i + 1);
        }
        Action::AddItem => {
            let title = m.strings().room.new_item;
            let at = if n == 0 { 0 } else { i + 1 };
            m.edit(Edit::AddItem(
                at,
                Box::new(PlanItem::new(title, NEW_ITEM_MINUTES)),
            ));
            if m.session.room.plan.len() > n {
                // Name it straight away; left empty, it keeps the placeholder title.
                open_editor(m, EditTarget::ItemTitle(at), "");
            }
        }
        Action::Delete if i < n => {
            m.edit(Edit::RemoveItem(i));
            select(m, i.min(n.saturating_sub(2)));
        }
        // Undo right where the plan was changed, keeping the selection in the list.
        Action::Undo | Action::Redo => {
            super::facilitator::undo(m, a == Action::Redo);
            let n = m.session.room.plan.len();
            select(m, i.min(n.saturating_sub(1)));
        }
        Action::Write if i < n => {
            let title = m.session.room.plan[i].title.clone();
            open_editor(m, EditTarget::ItemTitle(i), &title);
        }
        Action::Presenter if i < n => {
            let who = m.session.room.plan[i].presenter.clone().unwrap_or_default();
            open_editor(m, EditTarget::ItemPresenter(i), &who);
        }
        _ => {}
    }
    None
}

/// The editor's text for a plan item; the plan pop-up opens again on that item.
pub fn written(m: &mut Model, target: EditTarget, text: String) {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match target {
        EditTarget::ItemTitle(i) => {
            m.edit(Edit::SetItemTitle(i, one_line));
            m.popup = Some(Popup::Agenda { selected: i });
        }
        EditTarget::ItemPresenter(i) => {
            let who = (!one_line.is_empty()).then_some(one_line);
            m.edit(Edit::SetPresenter(i, who));
            m.popup = Some(Popup::Agenda { selected: i });
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use ratatui::crossterm::event::KeyCode;

    use super::*;
    use crate::app::msg::Msg;
    use crate::app::testkit::{ch, press, type_text};
    use crate::app::update::update;
    use crate::domain::case::Stage;
    use crate::i18n::Lang;
    use crate::store::case_file::demo_case;
    use crate::store::session_file::{check_session_text, to_text};

    const SEC: u64 = 1000;
    const MIN: u64 = 60 * SEC;

    fn demo() -> Model {
        Model::fixture(demo_case(), Lang::En)
    }

    fn tick(m: &mut Model, now: u64) -> Option<Cmd> {
        update(m, Msg::Tick(now))
    }

    fn secs(m: &Model) -> i64 {
        face(m).unwrap().secs
    }

    #[test]
    fn a_new_session_has_the_case_s_plan_paused() {
        let m = demo();
        let plan = &m.session.room.plan;
        assert_eq!(plan.len(), demo_case().agenda.len());
        assert_eq!(plan[0].stage, Some(Stage::Case));
        let f = face(&m).unwrap();
        assert_eq!((f.secs, f.running, f.phase), (600, false, Phase::Calm));
    }

    /// A deleted plan item comes back with Ctrl-Z without leaving the plan.
    #[test]
    fn undo_inside_the_plan() {
        let mut m = demo();
        let plan = m.session.room.plan.clone();
        ch(&mut m, 'A');
        ch(&mut m, 'j');
        ch(&mut m, 'd');
        assert_eq!(m.session.room.plan.len(), plan.len() - 1);
        crate::app::testkit::press_mod(
            &mut m,
            KeyCode::Char('z'),
            ratatui::crossterm::event::KeyModifiers::CONTROL,
        );
        assert_eq!(m.session.room.plan, plan);
        assert!(
            matches!(m.popup, Some(Popup::Agenda { .. })),
            "still in the plan"
        );
        crate::app::testkit::press_mod(
            &mut m,
            KeyCode::Char('y'),
            ratatui::crossterm::event::KeyModifiers::CONTROL,
        );
        assert_eq!(m.session.room.plan.len(), plan.len() - 1);
    }

    /// Who presents is one line: Enter sets it and goes back to the plan.
    #[test]
    fn enter_finishes_who_presents() {
        let mut m = demo();
        ch(&mut m, 'A');
        ch(&mut m, 'w');
        type_text(&mut m, "Team 3");
        press(&mut m, KeyCode::Enter);
        assert_eq!(m.session.room.plan[0].presenter.as_deref(), Some("Team 3"));
        assert!(matches!(m.popup, Some(Popup::Agenda { .. })));
    }

    #[test]
    fn pause_resume_and_minutes_with_single_keys() {
        let mut m = demo();
        tick(&mut m, 5 * SEC);
        ch(&mut m, 'P');
        assert!(face(&m).unwrap().running);
        assert!(m.dirty, "a timer is part of the session");
        tick(&mut m, 5 * SEC + 2 * MIN);
        assert_eq!(secs(&m), 480);
        ch(&mut m, 'P');
        tick(&mut m, 30 * MIN);
        assert_eq!(secs(&m), 480, "paused");
        ch(&mut m, '>');
        assert_eq!(secs(&m), 540);
        ch(&mut m, '<');
        ch(&mut m, '<');
        assert_eq!(secs(&m), 420);
        assert_eq!(m.session.room.plan[0].minutes, 10, "the plan is unchanged");
    }

    #[test]
    fn warnings_follow_the_countdown() {
        let mut m = demo();
        ch(&mut m, 'P');
        let phase = |m: &mut Model, at: u64| {
            tick(m, at);
            face(m).unwrap().phase
        };
        assert_eq!(phase(&mut m, 7 * MIN), Phase::Calm);
        assert_eq!(phase(&mut m, 8 * MIN), Phase::Soon);
        assert_eq!(phase(&mut m, 9 * MIN + 30 * SEC), Phase::Last);
        assert_eq!(phase(&mut m, 10 * MIN), Phase::Over);
        tick(&mut m, 10 * MIN + SEC);
        let a = face(&m).unwrap();
        tick(&mut m, 10 * MIN + 2 * SEC);
        let b = face(&m).unwrap();
        assert_ne!(a.flash, b.flash, "time up flashes while running");
        assert_eq!(a.secs, -1);
    }

    #[test]
    fn the_bell_rings_once_when_time_runs_out_if_it_is_on() {
        let mut m = demo();
        ch(&mut m, 'P');
        assert!(
            tick(&mut m, 10 * MIN).is_none(),
            "the bell is off by default"
        );
        let mut m = demo();
        ch(&mut m, 'A');
        ch(&mut m, 'b');
        press(&mut m, KeyCode::Esc);
        assert!(m.session.room.bell);
        ch(&mut m, 'P');
        assert!(tick(&mut m, 9 * MIN).is_none());
        assert!(matches!(tick(&mut m, 10 * MIN), Some(Cmd::Bell)));
        assert!(tick(&mut m, 11 * MIN).is_none());
    }

    #[test]
    fn next_item_goes_to_its_stage_and_starts_its_timer() {
        let mut m = demo();
        ch(&mut m, 'P');
        tick(&mut m, 3 * MIN);
        ch(&mut m, '}');
        assert_eq!(m.session.room.current, 1);
        assert_eq!(m.stage, Stage::Goals);
        tick(&mut m, 4 * MIN);
        assert_eq!(secs(&m), 20 * 60 - 60);
        assert_eq!(m.session.room.plan[0].remaining_secs(99 * MIN), 420);
        ch(&mut m, '{');
        assert_eq!(m.stage, Stage::Case);
        assert_eq!(secs(&m), 420, "back where it stopped");
        for _ in 0..10 {
            ch(&mut m, '}');
        }
        assert_eq!(m.session.room.current, 4, "stops at the last item");
        assert_eq!(m.stage, Stage::Present);
    }

    #[test]
    fn the_plan_is_reordered_and_retimed_live() {
        let mut m = demo();
        ch(&mut m, 'A');
        assert!(matches!(m.popup, Some(Popup::Agenda { selected: 0 })));
        ch(&mut m, 'j');
        ch(&mut m, '+');
        ch(&mut m, '+');
        assert_eq!(m.session.room.plan[1].minutes, 22);
        ch(&mut m, '-');
        assert_eq!(m.session.room.plan[1].minutes, 21);
        ch(&mut m, 'K');
        assert_eq!(m.session.room.plan[0].minutes, 21, "moved up");
        assert!(matches!(m.popup, Some(Popup::Agenda { selected: 0 })));
        assert_eq!(
            m.session.room.current, 1,
            "the current item moves with its place"
        );
        ch(&mut m, 'w');
        type_text(&mut m, "Team 3");
        press(&mut m, KeyCode::Esc);
        assert_eq!(m.session.room.plan[0].presenter.as_deref(), Some("Team 3"));
        assert!(matches!(m.popup, Some(Popup::Agenda { selected: 0 })));
        ch(&mut m, 'a');
        assert_eq!(m.session.room.plan.len(), 6);
        assert_eq!(m.session.room.plan[1].title, "New item");
        type_text(&mut m, "Coffee");
        press(&mut m, KeyCode::Esc);
        assert_eq!(m.session.room.plan[1].title, "Coffee");
        ch(&mut m, 'e');
        type_text(&mut m, " break");
        press(&mut m, KeyCode::Esc);
        assert_eq!(m.session.room.plan[1].title, "Coffee break");
        ch(&mut m, 'd');
        assert_eq!(m.session.room.plan.len(), 5);
        tick(&mut m, 5 * SEC);
        press(&mut m, KeyCode::Enter);
        assert!(m.popup.is_none());
        assert_eq!(m.session.room.current, 1);
        assert!(face(&m).unwrap().running);
    }

    #[test]
    fn timers_survive_save_and_restore_paused() {
        let mut m = demo();
        ch(&mut m, '}');
        tick(&mut m, 4 * MIN + 30 * SEC);
        assert_eq!(secs(&m), 20 * 60 - 270);
        let text = to_text(&m.session).unwrap();
        let saved = check_session_text("s.ron", &text).value.unwrap();
        let mut back = Model::fixture(demo_case(), Lang::En);
        update(
            &mut back,
            Msg::Opened(Ok(Box::new(crate::app::msg::Opened {
                session: saved,
                source: crate::app::msg::Source::Demo,
                file: None,
                report: None,
            }))),
        );
        let f = face(&back).unwrap();
        assert_eq!((f.secs, f.running), (20 * 60 - 270, false));
        assert!(back.notice.as_deref().unwrap().contains("P resumes"));
        tick(&mut back, 77 * MIN);
        ch(&mut back, 'P');
        tick(&mut back, 78 * MIN);
        assert_eq!(secs(&back), 20 * 60 - 330);
    }

    #[test]
    fn the_countdown_wakes_the_loop_on_the_second() {
        let mut m = demo();
        assert_eq!(next_change(&m, 0), None, "nothing runs: no wake-ups");
        ch(&mut m, 'P');
        tick(&mut m, 0);
        assert_eq!(next_change(&m, 250).unwrap().as_millis(), 751);
        assert_eq!(next_change(&m, 1000).unwrap().as_millis(), 1001);
    }

    #[test]
    fn without_a_plan_the_keys_say_so() {
        let mut case = demo_case();
        case.agenda.clear();
        let mut m = Model::fixture(case, Lang::En);
        assert!(face(&m).is_none());
        ch(&mut m, 'P');
        assert!(m.notice.as_deref().unwrap().contains("No session plan"));
        ch(&mut m, 'A');
        ch(&mut m, 'a');
        press(&mut m, KeyCode::Esc);
        assert_eq!(m.session.room.plan.len(), 1);
        assert_eq!(m.session.room.plan[0].title, "New item");
    }
}
