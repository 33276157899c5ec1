//! Running the room: the session plan (the agenda, copied from the case and then the
//! facilitator's to change) with a timer per item.
//!
//! Pure data and arithmetic. Time is passed in as `now`, milliseconds on a monotonic clock
//! the caller owns (the loop's); nothing here reads a clock. A clock reading is never
//! stored: a timer keeps the time spent so far, and while it runs, the reading it last
//! counted from, which is dropped on save — so a session restored after a crash finds its
//! timers paused at the time last saved, and the facilitator decides when to go on.

use serde::{Deserialize, Serialize};

use super::case::{AgendaItem, Case, Stage};
use super::limits::{MAX_LIST, bounded};

/// Longest item a plan allows, in minutes (ten hours), in a case's agenda as in a session.
pub const MAX_MINUTES: u32 = 600;
/// Most items a plan may have.
pub const MAX_ITEMS: usize = 1_000;
/// The countdown turns to a warning this many seconds before the end…
pub const SOON_SECS: i64 = 120;
/// …and to the last call this many seconds before it.
pub const LAST_SECS: i64 = 30;

/// The room's side of a session: its plan and timers.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Room {
    /// The session plan, in order.
    #[serde(default, deserialize_with = "bounded::<_, _, MAX_LIST>")]
    pub plan: Vec<PlanItem>,
    /// Index of the item the room is on now.
    #[serde(default)]
    pub current: usize,
    /// Ring the terminal bell when the current item's time runs out.
    #[serde(default)]
    pub bell: bool,
}

/// One item of the session plan: what, in which stage, for how long, who presents; and
/// its timer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanItem {
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<Stage>,
    pub minutes: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub presenter: Option<String>,
    #[serde(default)]
    pub timer: Timer,
}

/// A countdown over a plan item's minutes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Timer {
    /// Time spent on the item, in milliseconds, up to the last reading counted.
    #[serde(default)]
    pub elapsed_ms: u64,
    /// Seconds added (or, below zero, taken) on the fly, on top of the planned minutes.
    #[serde(default)]
    pub extra_secs: i64,
    /// Whether it was counting when the session was saved.
    #[serde(default)]
    pub running: bool,
    /// While running: the clock reading last counted into `elapsed_ms`. Never saved.
    #[serde(skip)]
    pub since: Option<u64>,
}

/// How urgent a countdown looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Phase {
    /// More than two minutes left.
    Calm,
    /// The last two minutes.
    Soon,
    /// The last thirty seconds.
    Last,
    /// Time is up.
    Over,
}

impl Phase {
    pub fn of(remaining_secs: i64) -> Phase {
        if remaining_secs <= 0 {
            Phase::Over
        } else if remaining_secs <= LAST_SECS {
            Phase::Last
        } else if remaining_secs <= SOON_SECS {
            Phase::Soon
        } else {
            Phase::Calm
        }
    }
}

impl From<&AgendaItem> for PlanItem {
    fn from(a: &AgendaItem) -> PlanItem {
        PlanItem {
            title: a.title.clone(),
            stage: a.stage,
            minutes: a.minutes.min(MAX_MINUTES),
            presenter: a.presenter.clone(),
            timer: Timer::default(),
        }
    }
}

impl PlanItem {
    /// A new item the facilitator adds by hand.
    pub fn new(title: &str, minutes: u32) -> PlanItem {
        PlanItem {
            title: title.to_string(),
            stage: None,
            minutes,
            presenter: None,
            timer: Timer::default(),
        }
    }

    /// The item's time: planned minutes plus what was added on the fly, in seconds.
    pub fn budget_secs(&self) -> i64 {
        i64::from(self.minutes) * 60 + self.timer.extra_secs
    }

    /// Whole seconds left at `now` (below zero once time is up). Rounded up, so a countdown
    /// shows 0:00 only when the time is really over.
    pub fn remaining_secs(&self, now: u64) -> i64 {
        let budget_ms = self.budget_secs() * 1000;
        let left = budget_ms - self.timer.elapsed_at(now) as i64;
        left.div_euclid(1000) + i64::from(left.rem_euclid(1000) != 0)
    }
}

impl Timer {
    /// Milliseconds spent at `now`, counting the running stretch.
    pub fn elapsed_at(&self, now: u64) -> u64 {
        match self.since {
            Some(since) if self.running => self.elapsed_ms + now.saturating_sub(since),
            _ => self.elapsed_ms,
        }
    }

    pub fn start(&mut self, now: u64) {
        if !self.running || self.since.is_none() {
            self.running = true;
            self.since = Some(now);
        }
    }

    pub fn pause(&mut self, now: u64) {
        self.settle(now);
        self.running = false;
        self.since = None;
    }

    /// Counts the running stretch into `elapsed_ms`, so a save made now keeps it.
    pub fn settle(&mut self, now: u64) {
        if let (true, Some(since)) = (self.running, self.since) {
            self.elapsed_ms += now.saturating_sub(since);
            self.since = Some(now.max(since));
        }
    }

    /// Back to the full time, paused.
    pub fn restart(&mut self) {
        *self = Timer::default();
    }
}

impl Room {
    /// The plan of `case`'s agenda, nothing started.
    pub fn from_case(case: &Case) -> Room {
        Room {
            plan: case.agenda.iter().map(PlanItem::from).collect(),
            ..Room::default()
        }
    }

    pub fn current(&self) -> Option<&PlanItem> {
        self.plan.get(self.current)
    }

    fn current_mut(&mut self) -> Option<&mut PlanItem> {
        self.plan.get_mut(self.current)
    }

    /// Counts every running timer up to `now`. Returns true when the current item's time
    /// ran out since the last reading (the moment for the bell).
    pub fn tick(&mut self, now: u64) -> bool {
        let before = self
            .current()
            .map(|i| i.remaining_secs(i.timer.since.unwrap_or(now)));
        for item in &mut self.plan {
            item.timer.settle(now);
        }
        let after = self.current().map(|i| i.remaining_secs(now));
        matches!((before, after), (Some(b), Some(a)) if b > 0 && a <= 0)
    }

    /// Starts or pauses the current item's timer.
    pub fn toggle(&mut self, now: u64) {
        if let Some(item) = self.current_mut() {
            if item.timer.running {
                item.timer.pause(now);
            } else {
                item.timer.start(now);
            }
        }
    }

    /// Adds `secs` (or takes them, below zero) to the current item's time; the time left
    /// never goes below zero by taking.
    pub fn add_time(&mut self, secs: i64, now: u64) {
        if let Some(item) = self.current_mut() {
            item.timer.settle(now);
            let left = item.remaining_secs(now).max(0);
            item.timer.extra_secs += secs.max(-left);
        }
    }

    /// Makes item `i` current and starts its timer; the item left is paused.
    pub fn go_to(&mut self, i: usize, now: u64) {
        if i >= self.plan.len() {
            return;
        }
        if i != self.current
            && let Some(item) = self.current_mut()
        {
            item.timer.pause(now);
        }
        self.current = i;
        if let Some(item) = self.current_mut() {
            item.timer.start(now);
        }
    }

    /// After loading: timers that were running when saved are paused. True if any was.
    pub fn pause_restored(&mut self) -> bool {
        let mut any = false;
        for item in &mut self.plan {
            if item.timer.running && item.timer.since.is_none() {
                item.timer.running = false;
                any = true;
            }
        }
        self.current = self.current.min(self.plan.len().saturating_sub(1));
        any
    }

    /// Minutes from the start of the session to the start of each item, by the plan.
    pub fn starts(&self) -> Vec<u32> {
        self.plan
            .iter()
            .scan(0u32, |at, item| {
                let start = *at;
                *at = at.saturating_add(item.minutes);
                Some(start)
            })
            .collect()
    }

    /// The planned length of the whole session, in minutes.
    pub fn total_minutes(&self) -> u32 {
        self.plan.iter().map(|i| i.minutes).sum()
    }
}

/// "12:34", "1:05:00", and for time over "-0:42": whole seconds as a clock face.
pub fn clock_face(secs: i64) -> String {
    let sign = if secs < 0 { "-" } else { "" };
    let s = secs.unsigned_abs();
    let (h, m, s) = (s / 3600, s % 3600 / 60, s % 60);
    if h > 0 {
        format!("{sign}{h}:{m:02}:{s:02}")
    } else {
        format!("{sign}{m}:{s:02}")
    }
}

/// "1:10": minutes as hours and minutes, for start times in a plan.
pub fn hours_minutes(minutes: u32) -> String {
    format!("{}:{:02}", minutes / 60, minutes % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIN: u64 = 60_000;

    fn room(minutes: &[u32]) -> Room {
        Room {
            plan: minutes
                .iter()
                .map(|m| PlanItem::new(&format!("{m} min"), *m))
                .collect(),
            ..Room::default()
        }
    }

    fn left(r: &Room, now: u64) -> i64 {
        r.current().unwrap().remaining_secs(now)
    }

    #[test]
    fn a_timer_counts_down_only_while_running() {
        let mut r = room(&[10]);
        assert_eq!(left(&r, 5 * MIN), 600, "not started: the full time");
        r.toggle(1_000);
        assert_eq!(left(&r, 1_000 + 3 * MIN), 420);
        r.toggle(1_000 + 3 * MIN);
        assert_eq!(left(&r, 50 * MIN), 420, "paused: time stands still");
        r.toggle(50 * MIN);
        assert_eq!(left(&r, 51 * MIN), 360);
    }

    #[test]
    fn seconds_round_up_so_zero_means_over() {
        let mut r = room(&[1]);
        r.toggle(0);
        assert_eq!(left(&r, 59_001), 1);
        assert_eq!(left(&r, 60_000), 0);
        assert_eq!(left(&r, 60_001), 0);
        assert_eq!(left(&r, 61_000), -1);
    }

    #[test]
    fn phases_follow_the_time_left() {
        assert_eq!(Phase::of(121), Phase::Calm);
        assert_eq!(Phase::of(120), Phase::Soon);
        assert_eq!(Phase::of(31), Phase::Soon);
        assert_eq!(Phase::of(30), Phase::Last);
        assert_eq!(Phase::of(1), Phase::Last);
        assert_eq!(Phase::of(0), Phase::Over);
        assert_eq!(Phase::of(-5), Phase::Over);
    }

    #[test]
    fn adding_and_taking_minutes() {
        let mut r = room(&[5]);
        r.toggle(0);
        r.add_time(60, MIN);
        assert_eq!(left(&r, MIN), 300);
        r.add_time(-60, MIN);
        r.add_time(-60, MIN);
        assert_eq!(left(&r, MIN), 180);
        r.add_time(-3600, MIN);
        assert_eq!(left(&r, MIN), 0, "taking never goes below zero");
        assert_eq!(r.plan[0].minutes, 5, "the plan keeps its minutes");
    }

    #[test]
    fn tick_reports_the_moment_time_runs_out_once() {
        let mut r = room(&[1]);
        r.toggle(0);
        assert!(!r.tick(30_000));
        assert!(!r.tick(59_999));
        assert!(r.tick(60_000));
        assert!(!r.tick(61_000), "only once");
        let mut r = room(&[1]);
        r.toggle(0);
        assert!(r.tick(10 * MIN), "a long gap still rings");
    }

    #[test]
    fn tick_keeps_the_elapsed_time_for_saving() {
        let mut r = room(&[10]);
        r.toggle(0);
        r.tick(2 * MIN);
        assert_eq!(r.plan[0].timer.elapsed_ms, 2 * MIN);
        // What a save writes and a load reads: the reading is gone, the time kept.
        let saved: Room = ron::from_str(&ron::to_string(&r).unwrap()).unwrap();
        assert_eq!(saved.plan[0].timer.since, None);
        assert!(saved.plan[0].timer.running);
        let mut restored = saved;
        assert!(restored.pause_restored());
        assert!(!restored.plan[0].timer.running);
        assert_eq!(left(&restored, 99 * MIN), 480, "paused where it was saved");
        restored.toggle(5);
        assert_eq!(left(&restored, 5 + MIN), 420);
    }

    #[test]
    fn going_to_an_item_pauses_the_one_left() {
        let mut r = room(&[10, 20]);
        r.go_to(0, 0);
        r.go_to(1, 4 * MIN);
        assert!(!r.plan[0].timer.running);
        assert_eq!(r.plan[0].remaining_secs(100 * MIN), 360);
        assert_eq!(left(&r, 5 * MIN), 1140);
        r.go_to(0, 5 * MIN);
        assert_eq!(
            left(&r, 6 * MIN),
            300,
            "the first item goes on where it stopped"
        );
        r.go_to(7, 6 * MIN);
        assert_eq!(r.current, 0, "no such item");
    }

    #[test]
    fn plan_from_the_case_and_start_times() {
        let case = crate::store::case_file::demo_case();
        let r = Room::from_case(&case);
        assert_eq!(r.plan.len(), case.agenda.len());
        assert_eq!(r.plan[1].title, case.agenda[1].title);
        assert_eq!(r.starts(), [0, 10, 30, 45, 70]);
        assert_eq!(r.total_minutes(), 90);
    }

    #[test]
    fn clock_faces() {
        assert_eq!(clock_face(754), "12:34");
        assert_eq!(clock_face(0), "0:00");
        assert_eq!(clock_face(-42), "-0:42");
        assert_eq!(clock_face(3900), "1:05:00");
        assert_eq!(hours_minutes(70), "1:10");
        assert_eq!(hours_minutes(5), "0:05");
    }
}
