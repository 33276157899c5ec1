//! Status: the rule that makes mentoring *reverse* — the mentor is lower than the mentee.
//!
//! Experience is kept in tenths of a year so every comparison is exact integer arithmetic.

use serde::{Deserialize, Serialize};

use super::case::{Case, Participant, Require, StatusRule};

/// A participant's standing on the three axes the seeds name: age, experience, position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Status {
    pub age: i32,
    /// Years of experience × 10.
    pub experience_tenths: i32,
    pub rank: i32,
}

impl Status {
    /// "age 58, 33 years of experience, rank 3"; "1 year", "1.5 years".
    pub fn describe(&self) -> String {
        let years = if self.experience_tenths == 10 {
            "year"
        } else {
            "years"
        };
        format!(
            "age {}, {} {years} of experience, rank {}",
            self.age,
            f64::from(self.experience_tenths) / 10.0,
            self.rank
        )
    }

    /// The status of `p`; an unknown position id counts as rank 0 (validation reports it).
    pub fn of(case: &Case, p: &Participant) -> Status {
        let rank = case.position(&p.position).map(|pos| pos.rank).unwrap_or(0);
        Status::new(p.age, p.experience, rank)
    }

    pub fn new(age: i32, experience: f64, rank: i32) -> Status {
        Status {
            age,
            experience_tenths: tenths(experience),
            rank,
        }
    }
}

/// Years → tenths of a year, rounded; saturates instead of overflowing on absurd input.
pub fn tenths(years: f64) -> i32 {
    let t = (years * 10.0).round();
    if t.is_nan() {
        0
    } else {
        t.clamp(i32::MIN as f64, i32::MAX as f64) as i32
    }
}

/// How much lower the mentor is than the mentee on each axis (positive = mentor lower).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Gap {
    pub age: i32,
    pub experience_tenths: i32,
    pub rank: i32,
}

impl Gap {
    pub fn between(mentor: Status, mentee: Status) -> Gap {
        Gap {
            age: mentee.age.saturating_sub(mentor.age),
            experience_tenths: mentee
                .experience_tenths
                .saturating_sub(mentor.experience_tenths),
            rank: mentee.rank.saturating_sub(mentor.rank),
        }
    }
}

/// One axis of status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Axis {
    Age,
    Experience,
    Position,
}

/// The outcome of applying the status rule to a mentor→mentee pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verdict {
    pub gap: Gap,
    /// Axes the rule counts on which the mentor is lower by at least the minimum gap.
    pub lower_on: AxisSet,
    /// Axes the rule counts.
    pub counted: AxisSet,
    pub holds: bool,
}

/// A small set of axes, in Age, Experience, Position order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct AxisSet(u8);

impl AxisSet {
    fn bit(a: Axis) -> u8 {
        match a {
            Axis::Age => 1,
            Axis::Experience => 2,
            Axis::Position => 4,
        }
    }
    pub fn insert(&mut self, a: Axis) {
        self.0 |= Self::bit(a);
    }
    pub fn contains(self, a: Axis) -> bool {
        self.0 & Self::bit(a) != 0
    }
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
    pub fn iter(self) -> impl Iterator<Item = Axis> {
        [Axis::Age, Axis::Experience, Axis::Position]
            .into_iter()
            .filter(move |a| self.contains(*a))
    }
}

impl StatusRule {
    /// Minimum gaps in the integer units the solver uses (years, tenths of a year, ranks).
    fn minimums(&self) -> [(Axis, Option<i32>); 3] {
        [
            (Axis::Age, self.age),
            (Axis::Experience, self.experience.map(tenths)),
            (Axis::Position, self.position),
        ]
    }

    /// Does the rule let `mentor` mentor `mentee`?
    pub fn judge(&self, mentor: Status, mentee: Status) -> Verdict {
        let gap = Gap::between(mentor, mentee);
        let mut lower_on = AxisSet::default();
        let mut counted = AxisSet::default();
        for (axis, min) in self.minimums() {
            let Some(min) = min else { continue };
            counted.insert(axis);
            let g = match axis {
                Axis::Age => gap.age,
                Axis::Experience => gap.experience_tenths,
                Axis::Position => gap.rank,
            };
            // A gap of zero never counts as "lower", even when the minimum is zero.
            if g >= min.max(1) {
                lower_on.insert(axis);
            }
        }
        let holds = match self.require {
            _ if counted.is_empty() => false,
            Require::Any => !lower_on.is_empty(),
            Require::All => lower_on == counted,
        };
        Verdict {
            gap,
            lower_on,
            counted,
            holds,
        }
    }

    /// "younger by 5+ years, or 3+ years less experienced, or 1+ rank lower"
    pub fn describe(&self) -> String {
        let parts: Vec<String> = [
            self.age.map(|g| format!("younger by {}+ years", g.max(1))),
            self.experience
                .map(|g| format!("{}+ years less experienced", g.max(0.1))),
            self.position.map(|g| format!("{}+ rank lower", g.max(1))),
        ]
        .into_iter()
        .flatten()
        .collect();
        let joiner = match self.require {
            Require::Any => ", or ",
            Require::All => ", and ",
        };
        parts.join(joiner)
    }

    /// True when no axis is counted, so no pair can ever satisfy the rule.
    pub fn is_empty(&self) -> bool {
        self.age.is_none() && self.experience.is_none() && self.position.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(age: Option<i32>, exp: Option<f64>, pos: Option<i32>, require: Require) -> StatusRule {
        StatusRule {
            age,
            experience: exp,
            position: pos,
            require,
        }
    }

    #[test]
    fn younger_mentor_holds_under_any() {
        let r = StatusRule::default();
        let v = r.judge(Status::new(25, 2.0, 1), Status::new(55, 30.0, 1));
        assert!(v.holds);
        assert!(v.lower_on.contains(Axis::Age));
        assert!(v.lower_on.contains(Axis::Experience));
        assert!(!v.lower_on.contains(Axis::Position));
        assert_eq!(v.gap.age, 30);
        assert_eq!(v.gap.experience_tenths, 280);
    }

    #[test]
    fn older_mentor_fails() {
        let r = StatusRule::default();
        let v = r.judge(Status::new(55, 30.0, 2), Status::new(25, 2.0, 1));
        assert!(!v.holds);
        assert!(v.lower_on.is_empty());
    }

    #[test]
    fn gap_below_minimum_does_not_count() {
        let r = rule(Some(5), None, None, Require::Any);
        assert!(
            !r.judge(Status::new(30, 0.0, 0), Status::new(34, 0.0, 0))
                .holds
        );
        assert!(
            r.judge(Status::new(30, 0.0, 0), Status::new(35, 0.0, 0))
                .holds
        );
    }

    #[test]
    fn all_requires_every_counted_axis() {
        let r = rule(Some(1), None, Some(1), Require::All);
        assert!(
            !r.judge(Status::new(20, 0.0, 3), Status::new(40, 0.0, 3))
                .holds
        );
        assert!(
            r.judge(Status::new(20, 0.0, 2), Status::new(40, 0.0, 3))
                .holds
        );
    }

    #[test]
    fn zero_minimum_still_needs_a_real_gap() {
        let r = rule(None, None, Some(0), Require::Any);
        assert!(
            !r.judge(Status::new(20, 0.0, 1), Status::new(20, 0.0, 1))
                .holds
        );
    }

    #[test]
    fn rule_reads_as_a_sentence() {
        assert_eq!(
            StatusRule::default().describe(),
            "younger by 5+ years, or 3+ years less experienced, or 1+ rank lower"
        );
        let r = rule(Some(3), None, Some(1), Require::All);
        assert_eq!(r.describe(), "younger by 3+ years, and 1+ rank lower");
    }

    #[test]
    fn empty_rule_never_holds() {
        let r = rule(None, None, None, Require::Any);
        assert!(r.is_empty());
        assert!(
            !r.judge(Status::new(20, 0.0, 1), Status::new(60, 40.0, 5))
                .holds
        );
    }

    #[test]
    fn fractional_experience_is_exact() {
        let r = rule(None, Some(1.5), None, Require::Any);
        assert!(
            r.judge(Status::new(0, 0.5, 0), Status::new(0, 2.0, 0))
                .holds
        );
        assert!(
            !r.judge(Status::new(0, 0.6, 0), Status::new(0, 2.0, 0))
                .holds
        );
    }
}
