//! Every change to the session, as data. `apply` is the one function that mutates a
//! `Session`, so undo/redo, autosave and a presenter lock can hook in at one place.

use std::borrow::Cow;

use crate::domain::case::{Id, PairRef};
use crate::domain::limits::{MAX_ENTRY_TEXT, MAX_LONG_TEXT, MAX_SHORT_TEXT};
use crate::domain::map::rescale;
use crate::domain::pairing::{Mode, Pair, Pairing};
use crate::domain::room::{MAX_MINUTES, PlanItem};
use crate::domain::session::{Entry, Field, Map, PairingState, Section, Session};
use crate::domain::text::fit;

/// Longest cycle the Map stage allows (three school years).
pub const MAX_CYCLE_MONTHS: u32 = 36;

#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    AddEntry(Section, Entry),
    SetEntry(Section, usize, String),
    RemoveEntry(Section, usize),
    /// Move the entry at the first index to the second.
    MoveEntry(Section, usize, usize),
    SetMode(Mode),
    /// The engine's answer (or none, when the mode changes).
    SetResult(Option<Pairing>),
    /// Lock the pair at this index of the result: re-solving keeps it.
    Lock(usize),
    Unlock(usize),
    /// Rule out the pair at this index and take it out of the result.
    Forbid(usize),
    /// Take the pair at this index out of the result.
    RemovePair(usize),
    /// Put a hand-made pair in place of the pair at this index, locked.
    ReplacePair(usize, Box<Pair>),
    /// Add a map, or replace the map with the same subject.
    PutMap(Box<Map>),
    SetField(usize, Field, String),
    SetActivityTitle(usize, usize, String),
    AddActivityResource(usize, usize, Id),
    ToggleActivityTopic(usize, usize, Id),
    RemoveActivity(usize, usize),
    /// Change a map's cycle length; activity months scale with it.
    SetCycle(usize, u32),
    /// The session plan: an item's minutes, title, presenter; add, remove, move items.
    /// (Each keeps its timer, so changing the plan never rewinds a clock.)
    SetMinutes(usize, u32),
    SetItemTitle(usize, String),
    SetPresenter(usize, Option<String>),
    AddItem(usize, Box<PlanItem>),
    RemoveItem(usize),
    /// Move the item at the first index to the second.
    MoveItem(usize, usize),
    /// A facilitator's reset of a stage: its work cleared (undo brings it back).
    ClearGoals,
    /// The pairs and the facilitator's locks and forbids; the mode stays.
    ClearPairing,
    ClearMaps,
    /// The room's clock: not work on the session, so never undone and allowed while
    /// editing is locked.
    Timer(TimerOp),
}

/// What the facilitator does with the plan's timers; `now` is the loop's clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimerOp {
    /// Pause or resume the current item.
    Toggle {
        now: u64,
    },
    /// Seconds more (below zero: fewer) for the current item.
    Add {
        secs: i64,
        now: u64,
    },
    /// Make an item current and start it.
    GoTo {
        item: usize,
        now: u64,
    },
    /// An item's timer back to its full time (the current item's starts again at once).
    Restart {
        item: usize,
        now: u64,
    },
    Bell(bool),
}

impl Edit {
    /// Whether the pairs stage's derived state (reasons, lists) must be rebuilt.
    pub fn touches_pairs(&self) -> bool {
        matches!(
            self,
            Edit::SetMode(_)
                | Edit::SetResult(_)
                | Edit::ClearPairing
                | Edit::Lock(_)
                | Edit::Unlock(_)
                | Edit::Forbid(_)
                | Edit::RemovePair(_)
                | Edit::ReplacePair(..)
        )
    }

    /// Whether this is work on the session (undoable, refused while editing is locked),
    /// as opposed to running the room's clock.
    pub fn is_work(&self) -> bool {
        !matches!(self, Edit::Timer(_))
    }
}

/// The edit with its text cut to what the session format accepts (see `text::fit`), or
/// `None` when a required text would be empty. Text typed or pasted can then never make a
/// session that fails to load.
fn fitted(edit: &Edit) -> Option<Cow<'_, Edit>> {
    let entry = |t: &str| fit(t, true, MAX_ENTRY_TEXT);
    let fitted = match edit {
        Edit::AddEntry(s, e) => Edit::AddEntry(
            *s,
            Entry {
                text: entry(&e.text),
                ..e.clone()
            },
        ),
        Edit::SetEntry(s, i, t) => Edit::SetEntry(*s, *i, entry(t)),
        Edit::SetField(m, f, t) => Edit::SetField(*m, *f, fit(t, true, MAX_LONG_TEXT)),
        Edit::PutMap(map) => Edit::PutMap(Box::new(map.as_ref().clone().fitted())),
        Edit::SetActivityTitle(m, a, t) => {
            Edit::SetActivityTitle(*m, *a, fit(t, false, MAX_SHORT_TEXT).trim().to_string())
        }
        _ => return Some(Cow::Borrowed(edit)),
    };
    let required_empty = match &fitted {
        Edit::AddEntry(_, e) => e.text.trim().is_empty(),
        Edit::SetEntry(_, _, t) | Edit::SetActivityTitle(_, _, t) => t.trim().is_empty(),
        _ => false,
    };
    (!required_empty).then_some(Cow::Owned(fitted))
}

fn pair_ref(p: &Pair) -> PairRef {
    PairRef {
        mentor: p.mentor.clone(),
        mentee: p.mentee.clone(),
        topic: Some(p.topic.clone()),
    }
}

/// Sets `slot` to `value`; false when it already was.
fn replace<T: PartialEq>(slot: &mut T, value: T) -> bool {
    if *slot == value {
        return false;
    }
    *slot = value;
    true
}

fn same_people(a: &PairRef, b: &PairRef) -> bool {
    a.mentor == b.mentor && a.mentee == b.mentee
}

/// Applies `edit` to `session`; false when it changed nothing (an index out of range, a
/// value already set, a required text left empty), so the model is not marked dirty for
/// nothing.
pub fn apply(session: &mut Session, edit: &Edit) -> bool {
    let Some(fitted) = fitted(edit) else {
        return false;
    };
    let edit = fitted.as_ref();
    match edit {
        Edit::AddEntry(s, e) => {
            session.goals.section_mut(*s).push(e.clone());
            true
        }
        Edit::SetEntry(s, i, text) => match session.goals.section_mut(*s).get_mut(*i) {
            Some(e) if e.text != *text => {
                e.text = text.clone();
                e.from_catalogue = false;
                e.resource = None;
                true
            }
            _ => false,
        },
        Edit::RemoveEntry(s, i) => remove(session.goals.section_mut(*s), *i),
        Edit::MoveEntry(s, from, to) => {
            let v = session.goals.section_mut(*s);
            if *from < v.len() && *to < v.len() && from != to {
                let e = v.remove(*from);
                v.insert(*to, e);
                true
            } else {
                false
            }
        }
        Edit::SetMode(mode) => {
            let p = &mut session.pairing;
            if p.mode == *mode {
                return false;
            }
            p.mode = *mode;
            p.result = None;
            true
        }
        Edit::SetResult(r) => {
            session.pairing.result = r.clone();
            true
        }
        Edit::ClearGoals => replace(&mut session.goals, Default::default()),
        Edit::ClearPairing => {
            let mode = session.pairing.mode;
            replace(
                &mut session.pairing,
                PairingState {
                    mode,
                    ..Default::default()
                },
            )
        }
        Edit::ClearMaps => replace(&mut session.maps, Vec::new()),
        Edit::Lock(i) | Edit::Unlock(i) => lock(session, *i, matches!(edit, Edit::Lock(_))),
        Edit::Forbid(i) => {
            let Some(p) = pair_at(session, *i) else {
                return false;
            };
            let r = pair_ref(p);
            lock(session, *i, false);
            let o = &mut session.pairing.overrides;
            if !o.forbidden.iter().any(|f| same_people(f, &r)) {
                o.forbidden.push(r);
            }
            take_pair(session, *i)
        }
        Edit::RemovePair(i) => {
            lock(session, *i, false);
            take_pair(session, *i)
        }
        Edit::ReplacePair(i, pair) => {
            let r = pair_ref(pair);
            if case_forbids(session, &r) {
                return false;
            }
            lock(session, *i, false);
            // Locking a pair the facilitator had forbidden lifts that forbid: a session must
            // never hold both, or it would not load back.
            let o = &mut session.pairing.overrides;
            o.forbidden.retain(|f| !same_people(f, &r));
            let Some(result) = session.pairing.result.as_mut() else {
                return false;
            };
            let Some(slot) = result.pairs.get_mut(*i) else {
                return false;
            };
            *slot = (**pair).clone();
            slot.locked = true;
            session.pairing.overrides.locked.push(r);
            true
        }
        Edit::PutMap(map) => {
            match session.maps.iter_mut().find(|m| m.subject == map.subject) {
                Some(slot) => *slot = (**map).clone(),
                None => session.maps.push((**map).clone()),
            }
            true
        }
        Edit::SetField(m, f, text) => with_map(session, *m, |map| {
            let slot = map.passport.get_mut(*f);
            if slot == text {
                return false;
            }
            *slot = text.clone();
            true
        }),
        Edit::SetActivityTitle(m, a, text) => {
            with_map(session, *m, |map| match map.activities.get_mut(*a) {
                Some(act) if act.title != *text => {
                    act.title = text.clone();
                    true
                }
                _ => false,
            })
        }
        Edit::AddActivityResource(m, a, id) => {
            with_map(session, *m, |map| match map.activities.get_mut(*a) {
                Some(act) if !act.resources.contains(id) => {
                    act.resources.push(id.clone());
                    true
                }
                _ => false,
            })
        }
        Edit::ToggleActivityTopic(m, a, id) => with_map(session, *m, |map| {
            let Some(act) = map.activities.get_mut(*a) else {
                return false;
            };
            match act.topics.iter().position(|t| t == id) {
                Some(i) => {
                    act.topics.remove(i);
                }
                None => act.topics.push(id.clone()),
            }
            true
        }),
        Edit::RemoveActivity(m, a) => with_map(session, *m, |map| remove(&mut map.activities, *a)),
        Edit::SetCycle(m, months) => with_map(session, *m, |map| {
            let new = (*months).clamp(1, MAX_CYCLE_MONTHS);
            let old = map.cycle_months.max(1);
            if new == map.cycle_months {
                return false;
            }
            rescale(&mut map.activities, old, new);
            map.cycle_months = new;
            true
        }),
        Edit::SetMinutes(i, minutes) => match session.room.plan.get_mut(*i) {
            Some(item) if item.minutes != (*minutes).clamp(1, MAX_MINUTES) => {
                item.minutes = (*minutes).clamp(1, MAX_MINUTES);
                true
            }
            _ => false,
        },
        Edit::SetItemTitle(i, title) => match session.room.plan.get_mut(*i) {
            Some(item) if item.title != *title && !title.trim().is_empty() => {
                item.title = title.clone();
                true
            }
            _ => false,
        },
        Edit::SetPresenter(i, who) => match session.room.plan.get_mut(*i) {
            Some(item) if item.presenter != *who => {
                item.presenter = who.clone();
                true
            }
            _ => false,
        },
        Edit::AddItem(i, item) => {
            let room = &mut session.room;
            let at = (*i).min(room.plan.len());
            room.plan.insert(at, (**item).clone());
            if at <= room.current && room.plan.len() > 1 {
                room.current += 1;
            }
            true
        }
        Edit::RemoveItem(i) => {
            let room = &mut session.room;
            if !remove(&mut room.plan, *i) {
                return false;
            }
            if *i < room.current || room.current >= room.plan.len() {
                room.current = room.current.saturating_sub(1);
            }
            true
        }
        Edit::MoveItem(from, to) => {
            let room = &mut session.room;
            let n = room.plan.len();
            if *from >= n || *to >= n || from == to {
                return false;
            }
            let item = room.plan.remove(*from);
            room.plan.insert(*to, item);
            room.current = moved_index(room.current, *from, *to);
            true
        }
        Edit::Timer(op) => timer(session, *op),
    }
}

/// Where the item at `i` ends up when the item at `from` moves to `to`.
fn moved_index(i: usize, from: usize, to: usize) -> usize {
    if i == from {
        to
    } else if from < i && i <= to {
        i - 1
    } else if to <= i && i < from {
        i + 1
    } else {
        i
    }
}

fn timer(session: &mut Session, op: TimerOp) -> bool {
    let room = &mut session.room;
    if room.plan.is_empty() {
        return false;
    }
    match op {
        TimerOp::Toggle { now } => room.toggle(now),
        TimerOp::Add { secs, now } => room.add_time(secs, now),
        TimerOp::GoTo { item, now } => room.go_to(item, now),
        TimerOp::Restart { item, now } => match room.plan.get_mut(item) {
            Some(it) => {
                it.timer.restart();
                if item == room.current {
                    it.timer.start(now);
                }
            }
            None => return false,
        },
        TimerOp::Bell(on) if room.bell == on => return false,
        TimerOp::Bell(on) => room.bell = on,
    }
    true
}

fn remove<T>(v: &mut Vec<T>, i: usize) -> bool {
    if i < v.len() {
        v.remove(i);
        true
    } else {
        false
    }
}

fn with_map(session: &mut Session, i: usize, f: impl FnOnce(&mut Map) -> bool) -> bool {
    session.maps.get_mut(i).is_some_and(f)
}

fn pair_at(session: &Session, i: usize) -> Option<&Pair> {
    session.pairing.result.as_ref()?.pairs.get(i)
}

fn take_pair(session: &mut Session, i: usize) -> bool {
    match session.pairing.result.as_mut() {
        Some(r) => remove(&mut r.pairs, i),
        None => false,
    }
}

/// Sets a result pair's lock and keeps the overrides in step with it.
fn lock(session: &mut Session, i: usize, on: bool) -> bool {
    let Some(result) = session.pairing.result.as_mut() else {
        return false;
    };
    let Some(p) = result.pairs.get_mut(i) else {
        return false;
    };
    if p.locked == on {
        return false;
    }
    let r = pair_ref(p);
    if on
        && session
            .case
            .forbidden_pairs
            .iter()
            .any(|f| same_people(f, &r))
    {
        return false;
    }
    p.locked = on;
    let o = &mut session.pairing.overrides;
    o.locked.retain(|l| !same_people(l, &r));
    if on {
        o.forbidden.retain(|f| !same_people(f, &r));
        o.locked.push(r);
    }
    true
}

/// Whether the case itself rules this pair out (no override can lift that).
fn case_forbids(session: &Session, r: &PairRef) -> bool {
    session
        .case
        .forbidden_pairs
        .iter()
        .any(|f| same_people(f, r))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::pairing::{Evidence, Objective};
    use crate::domain::session::{Activity, Growth, Subject};
    use crate::domain::status::Gap;
    use crate::store::case_file::demo_case;

    fn session() -> Session {
        Session::new(demo_case(), "2026-01-01T00:00:00Z")
    }

    fn entry(t: &str) -> Entry {
        Entry {
            text: t.into(),
            from_catalogue: false,
            resource: None,
        }
    }

    fn pair(mentor: &str, mentee: &str) -> Pair {
        Pair {
            mentor: mentor.into(),
            mentee: mentee.into(),
            topic: "whiteboard".into(),
            score: 1,
            evidence: Evidence {
                deficit_rank: 0,
                gap: Gap::default(),
                lower_on: vec![],
                preference: None,
                reciprocal: vec![],
                back_topic: None,
            },
            locked: false,
        }
    }

    fn with_result(s: &mut Session) {
        s.pairing.result = Some(Pairing {
            mode: Mode::OneToOne,
            pairs: vec![pair("anna", "hugo"), pair("dmitri", "farid")],
            unmatched: vec![],
            blocking: vec![],
            objective: Objective::default(),
        });
    }

    #[test]
    fn entries_add_edit_move_and_remove() {
        let mut s = session();
        assert!(apply(&mut s, &Edit::AddEntry(Section::Goals, entry("a"))));
        assert!(apply(&mut s, &Edit::AddEntry(Section::Goals, entry("b"))));
        assert!(apply(&mut s, &Edit::MoveEntry(Section::Goals, 1, 0)));
        let texts: Vec<&str> = s.goals.goals.iter().map(|e| e.text.as_str()).collect();
        assert_eq!(texts, ["b", "a"]);
        assert!(apply(
            &mut s,
            &Edit::SetEntry(Section::Goals, 0, "Б".into())
        ));
        assert!(!apply(
            &mut s,
            &Edit::SetEntry(Section::Goals, 0, "Б".into())
        ));
        assert!(apply(&mut s, &Edit::RemoveEntry(Section::Goals, 1)));
        assert_eq!(s.goals.goals.len(), 1);
        assert_eq!(s.goals.goals[0].text, "Б");
        assert!(!apply(&mut s, &Edit::RemoveEntry(Section::Goals, 5)));
        assert!(s.goals.means.is_empty());
    }

    #[test]
    fn editing_a_picked_entry_makes_it_the_team_s_own() {
        let mut s = session();
        let mut e = entry("Regional institute");
        e.from_catalogue = true;
        e.resource = Some("region-ipk".into());
        apply(&mut s, &Edit::AddEntry(Section::Resources, e));
        apply(
            &mut s,
            &Edit::SetEntry(Section::Resources, 0, "Our lab".into()),
        );
        assert!(!s.goals.resources[0].from_catalogue);
        assert_eq!(s.goals.resources[0].resource, None);
    }

    #[test]
    fn lock_and_unlock_keep_overrides_in_step() {
        let mut s = session();
        with_result(&mut s);
        assert!(apply(&mut s, &Edit::Lock(0)));
        assert!(!apply(&mut s, &Edit::Lock(0)));
        assert!(s.pairing.result.as_ref().unwrap().pairs[0].locked);
        assert_eq!(s.pairing.overrides.locked.len(), 1);
        assert_eq!(s.pairing.overrides.locked[0].mentee, "hugo");
        assert!(apply(&mut s, &Edit::Unlock(0)));
        assert!(s.pairing.overrides.locked.is_empty());
    }

    #[test]
    fn forbid_rules_the_pair_out_and_removes_it() {
        let mut s = session();
        with_result(&mut s);
        apply(&mut s, &Edit::Lock(0));
        assert!(apply(&mut s, &Edit::Forbid(0)));
        let r = s.pairing.result.as_ref().unwrap();
        assert_eq!(r.pairs.len(), 1);
        assert_eq!(r.pairs[0].mentor, "dmitri");
        assert!(s.pairing.overrides.locked.is_empty());
        assert_eq!(s.pairing.overrides.forbidden[0].mentor, "anna");
    }

    #[test]
    fn locking_a_forbidden_pair_lifts_the_forbid_so_the_session_stays_loadable() {
        let mut s = session();
        with_result(&mut s);
        let r = pair_ref(&s.pairing.result.as_ref().unwrap().pairs[1]);
        s.pairing.overrides.forbidden.push(r.clone());
        assert!(apply(&mut s, &Edit::Lock(1)));
        assert!(s.pairing.overrides.forbidden.is_empty());
        assert!(apply(
            &mut s,
            &Edit::ReplacePair(0, Box::new(pair("anna", "farid")))
        ));
        s.pairing
            .overrides
            .forbidden
            .push(pair_ref(&pair("anna", "farid")));
        assert!(apply(
            &mut s,
            &Edit::ReplacePair(0, Box::new(pair("anna", "farid")))
        ));
        assert!(s.pairing.overrides.forbidden.is_empty());
        assert!(
            crate::domain::validate::validate_session(&s)
                .iter()
                .all(|d| d.code != "locked-and-forbidden")
        );
        // A pair the case forbids stays out.
        s.case
            .forbidden_pairs
            .push(pair_ref(&pair("anna", "grace")));
        assert!(!apply(
            &mut s,
            &Edit::ReplacePair(0, Box::new(pair("anna", "grace")))
        ));
    }

    #[test]
    fn replacing_a_pair_locks_the_new_one() {
        let mut s = session();
        with_result(&mut s);
        assert!(apply(
            &mut s,
            &Edit::ReplacePair(0, Box::new(pair("anna", "farid")))
        ));
        let p = &s.pairing.result.as_ref().unwrap().pairs[0];
        assert_eq!((p.mentee.as_str(), p.locked), ("farid", true));
        assert_eq!(s.pairing.overrides.locked[0].mentee, "farid");
    }

    #[test]
    fn changing_mode_drops_the_old_result() {
        let mut s = session();
        with_result(&mut s);
        assert!(!apply(&mut s, &Edit::SetMode(Mode::OneToOne)));
        assert!(apply(&mut s, &Edit::SetMode(Mode::Network)));
        assert!(s.pairing.result.is_none());
    }

    fn map_with(months: &[u32]) -> Map {
        Map {
            subject: Subject::Pair(PairRef {
                mentor: "anna".into(),
                mentee: "hugo".into(),
                topic: None,
            }),
            passport: Default::default(),
            cycle_months: 12,
            activities: months
                .iter()
                .map(|m| Activity {
                    month: *m,
                    title: format!("m{m}"),
                    growth: Growth::Skill,
                    form: String::new(),
                    topics: vec![],
                    resources: vec![],
                })
                .collect(),
        }
    }

    /// Found by the monkey test: pasted tabs, newlines and escapes, or over-long text, made
    /// sessions that saved but would not load back.
    #[test]
    fn typed_text_always_fits_the_session_format() {
        use crate::domain::validate::validate_session;
        let mut s = session();
        let mut map = map_with(&[1]);
        map.activities[0].form = "line\nbreak\tand tab".into();
        apply(&mut s, &Edit::PutMap(Box::new(map)));
        assert!(apply(
            &mut s,
            &Edit::SetActivityTitle(0, 0, "a\tb\nc\u{1b}[31m".into())
        ));
        assert_eq!(s.maps[0].activities[0].title, "a b c[31m");
        assert_eq!(s.maps[0].activities[0].form, "line break and tab");
        assert!(!apply(
            &mut s,
            &Edit::SetActivityTitle(0, 0, " \n\t ".into())
        ));
        let huge = "Цель ".repeat(2_000);
        assert!(apply(&mut s, &Edit::AddEntry(Section::Goals, entry(&huge))));
        assert!(s.goals.goals[0].text.len() <= MAX_ENTRY_TEXT);
        assert!(!apply(
            &mut s,
            &Edit::AddEntry(Section::Goals, entry("\u{1b}"))
        ));
        let errors: Vec<_> = validate_session(&s)
            .into_iter()
            .filter(|d| d.is_error())
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
    }

    #[test]
    fn put_map_replaces_by_subject() {
        let mut s = session();
        apply(&mut s, &Edit::PutMap(Box::new(map_with(&[1]))));
        apply(&mut s, &Edit::PutMap(Box::new(map_with(&[1, 2]))));
        assert_eq!(s.maps.len(), 1);
        assert_eq!(s.maps[0].activities.len(), 2);
    }

    #[test]
    fn cycle_changes_scale_months_and_stay_in_range() {
        let mut s = session();
        apply(&mut s, &Edit::PutMap(Box::new(map_with(&[1, 6, 12]))));
        assert!(apply(&mut s, &Edit::SetCycle(0, 6)));
        let months: Vec<u32> = s.maps[0].activities.iter().map(|a| a.month).collect();
        assert_eq!(months, [1, 3, 6]);
        assert!(apply(&mut s, &Edit::SetCycle(0, 0)));
        assert_eq!(s.maps[0].cycle_months, 1);
        assert!(s.maps[0].activities.iter().all(|a| a.month == 1));
        assert!(apply(&mut s, &Edit::SetCycle(0, 1000)));
        assert_eq!(s.maps[0].cycle_months, MAX_CYCLE_MONTHS);
    }

    #[test]
    fn activity_edits() {
        let mut s = session();
        apply(&mut s, &Edit::PutMap(Box::new(map_with(&[1, 2]))));
        assert!(apply(
            &mut s,
            &Edit::AddActivityResource(0, 1, "lab".into())
        ));
        assert!(!apply(
            &mut s,
            &Edit::AddActivityResource(0, 1, "lab".into())
        ));
        assert!(apply(
            &mut s,
            &Edit::ToggleActivityTopic(0, 0, "video".into())
        ));
        assert_eq!(s.maps[0].activities[0].topics, ["video"]);
        assert!(apply(
            &mut s,
            &Edit::ToggleActivityTopic(0, 0, "video".into())
        ));
        assert!(s.maps[0].activities[0].topics.is_empty());
        assert!(apply(
            &mut s,
            &Edit::SetActivityTitle(0, 0, "Встреча".into())
        ));
        assert_eq!(s.maps[0].activities[0].title, "Встреча");
        assert!(apply(&mut s, &Edit::RemoveActivity(0, 0)));
        assert_eq!(s.maps[0].activities.len(), 1);
        assert!(!apply(&mut s, &Edit::SetField(3, Field::Goal, "x".into())));
    }
}
