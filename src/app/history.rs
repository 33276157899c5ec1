//! Undo and redo. `Model::edit` records the session's work as it was before every edit
//! that changed it; undo puts that back (and keeps what it replaced for redo).
//!
//! The work is the goals, the pairing, the maps and the session plan. The plan's timers
//! are the room's clock, not work: undoing a change to the plan never rewinds a countdown.

use std::collections::VecDeque;

use crate::domain::room::PlanItem;
use crate::domain::session::{Goals, Map, PairingState, Session};

/// Steps kept; the oldest go first.
pub const DEPTH: usize = 200;

/// What an edit can change.
#[derive(Debug, Clone, PartialEq)]
pub struct Work {
    goals: Goals,
    pairing: PairingState,
    maps: Vec<Map>,
    plan: Vec<PlanItem>,
}

impl Work {
    pub fn of(s: &Session) -> Work {
        Work {
            goals: s.goals.clone(),
            pairing: s.pairing.clone(),
            maps: s.maps.clone(),
            plan: s.room.plan.clone(),
        }
    }

    /// The same work with the plan's clocks at rest (to compare work, not time).
    pub fn without_clocks(mut self) -> Work {
        for item in &mut self.plan {
            item.timer = Default::default();
        }
        self
    }

    /// Puts this work into `s`; each plan item keeps the running timer of the item it
    /// replaces (the same item by title, stage and presenter, or else the one at its place
    /// when the plan kept its length).
    fn restore(self, s: &mut Session) {
        let mut now: Vec<Option<PlanItem>> = s.room.plan.drain(..).map(Some).collect();
        let same_len = now.len() == self.plan.len();
        s.room.plan = self
            .plan
            .into_iter()
            .enumerate()
            .map(|(i, mut item)| {
                let same = now
                    .iter()
                    .position(|o| o.as_ref().is_some_and(|o| same_item(o, &item)));
                let at = same.or(same_len.then_some(i));
                if let Some(timer) = at.and_then(|k| now[k].take()).map(|o| o.timer) {
                    item.timer = timer;
                }
                item
            })
            .collect();
        s.room.current = s.room.current.min(s.room.plan.len().saturating_sub(1));
        s.goals = self.goals;
        s.pairing = self.pairing;
        s.maps = self.maps;
    }
}

fn same_item(a: &PlanItem, b: &PlanItem) -> bool {
    a.title == b.title && a.stage == b.stage && a.presenter == b.presenter
}

#[derive(Debug, Default)]
pub struct History {
    undo: VecDeque<Work>,
    redo: Vec<Work>,
}

impl History {
    /// After an edit changed the session: `before` is how its work was.
    pub fn record(&mut self, before: Work) {
        self.undo.push_back(before);
        if self.undo.len() > DEPTH {
            self.undo.pop_front();
        }
        self.redo.clear();
    }

    /// Steps back; false when there is nothing to undo.
    pub fn undo(&mut self, s: &mut Session) -> bool {
        let Some(before) = self.undo.pop_back() else {
            return false;
        };
        self.redo.push(Work::of(s));
        before.restore(s);
        true
    }

    /// Steps forward again; false when there is nothing to redo.
    pub fn redo(&mut self, s: &mut Session) -> bool {
        let Some(after) = self.redo.pop() else {
            return false;
        };
        self.undo.push_back(Work::of(s));
        after.restore(s);
        true
    }

    pub fn can_undo(&self) -> usize {
        self.undo.len()
    }

    pub fn clear(&mut self) {
        *self = History::default();
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use crate::app::edit::{Edit, TimerOp};
    use crate::app::model::Model;
    use crate::app::testkit::solved;
    use crate::domain::pairing::Mode;
    use crate::domain::room::PlanItem;
    use crate::domain::session::{Entry, Field, Section, Session};
    use crate::i18n::Lang;

    fn entry(text: String) -> Entry {
        Entry {
            text,
            from_catalogue: false,
            resource: None,
        }
    }

    /// Edits of every kind of work, with indices that may or may not exist.
    fn an_edit() -> impl Strategy<Value = Edit> {
        let section = (0..6usize).prop_map(|i| Section::ALL[i]);
        let text = "[a-zа-я ]{1,12}";
        let i = 0..8usize;
        prop_oneof![
            (section.clone(), text).prop_map(|(s, t)| Edit::AddEntry(s, entry(t))),
            (section.clone(), i.clone(), text).prop_map(|(s, k, t)| Edit::SetEntry(s, k, t)),
            (section.clone(), i.clone()).prop_map(|(s, k)| Edit::RemoveEntry(s, k)),
            (section, i.clone(), i.clone()).prop_map(|(s, a, b)| Edit::MoveEntry(s, a, b)),
            (0..5usize).prop_map(|k| Edit::SetMode(Mode::ALL[k])),
            i.clone().prop_map(Edit::Lock),
            i.clone().prop_map(Edit::Unlock),
            i.clone().prop_map(Edit::Forbid),
            i.clone().prop_map(Edit::RemovePair),
            (i.clone(), 1..90u32).prop_map(|(k, n)| Edit::SetMinutes(k, n)),
            (i.clone(), text).prop_map(|(k, t)| Edit::SetItemTitle(k, t)),
            (i.clone(), text).prop_map(|(k, t)| Edit::AddItem(k, Box::new(PlanItem::new(&t, 5)))),
            i.clone().prop_map(Edit::RemoveItem),
            (i.clone(), i.clone()).prop_map(|(a, b)| Edit::MoveItem(a, b)),
            (i, text).prop_map(|(k, t)| Edit::SetField(k, Field::Goal, t)),
            Just(Edit::ClearGoals),
            Just(Edit::ClearPairing),
            Just(Edit::ClearMaps),
            (0..100_000u64).prop_map(|now| Edit::Timer(TimerOp::Toggle { now })),
        ]
    }

    fn undo_all(m: &mut Model) -> usize {
        let mut n = 0;
        while m.step_history(false) {
            n += 1;
        }
        n
    }

    /// The session without its timers (the clock is never undone).
    fn work(s: &Session) -> Session {
        let mut s = s.clone();
        for item in &mut s.room.plan {
            item.timer = Default::default();
        }
        s.room.current = 0;
        s
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        #[test]
        fn undo_all_gives_the_original_and_redo_all_the_final(
            edits in prop::collection::vec(an_edit(), 1..160)
        ) {
            let mut m = solved(Lang::En);
            m.history.clear();
            let original = m.session.clone();
            for e in edits {
                m.edit(e);
            }
            let last = m.session.clone();
            let steps = m.history.can_undo();
            prop_assert_eq!(undo_all(&mut m), steps);
            prop_assert_eq!(work(&m.session), work(&original));
            let mut redone = 0;
            while m.step_history(true) {
                redone += 1;
            }
            prop_assert_eq!(redone, steps);
            prop_assert_eq!(work(&m.session), work(&last));
        }
    }

    #[test]
    fn a_hundred_and_fifty_steps_come_back_and_timers_keep_running() {
        let mut m = solved(Lang::En);
        m.history.clear();
        let original = m.session.clone();
        m.edit(Edit::Timer(TimerOp::Toggle { now: 0 }));
        for k in 0..150 {
            m.edit(Edit::AddEntry(Section::Goals, entry(format!("goal {k}"))));
        }
        m.edit(Edit::SetMinutes(0, 77));
        assert_eq!(m.history.can_undo(), 151);
        assert_eq!(undo_all(&mut m), 151);
        assert_eq!(m.session.goals, original.goals);
        assert_eq!(
            m.session.room.plan[0].minutes,
            original.room.plan[0].minutes
        );
        assert!(
            m.session.room.plan[0].timer.running,
            "undo never stops the clock"
        );
    }

    #[test]
    fn a_new_edit_drops_the_redo_steps_and_depth_is_bounded() {
        let mut m = solved(Lang::En);
        m.history.clear();
        for k in 0..(super::DEPTH + 20) {
            m.edit(Edit::AddEntry(Section::Means, entry(format!("m{k}"))));
        }
        assert_eq!(m.history.can_undo(), super::DEPTH);
        assert!(m.step_history(false));
        m.edit(Edit::AddEntry(Section::Means, entry("new".into())));
        assert!(!m.step_history(true), "redo is gone after a new edit");
    }
}
