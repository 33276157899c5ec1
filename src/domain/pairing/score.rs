//! How good a candidate pair is: the score and the evidence behind it.
//!
//! A candidate edge mentor → mentee on topic t exists when the mentor teaches t, the mentee
//! lacks t, the status rule holds and the pair is not forbidden. Its score, all integers
//! (documented in `docs/pairing.md`):
//!
//! ```text
//! score = deficit(rank of t among the mentee's deficits)   500, 400, 300, 200, then 100
//!       + preference(place of the mentor in mentee.prefers)  80, 60, 40, then 20; 0 if not named
//!       + reciprocity (the mentee can teach the mentor)      60
//!       + status gap, per axis on which the rule holds        up to 20 each
//! ```
//!
//! Every score lies in 100..=700, so a bound on any total is known before solving.

use crate::domain::status::{Axis, Verdict};

use super::index::{Index, Person, TopicIx};
use super::{Evidence, Link};

pub const DEFICIT_POINTS: [i64; 5] = [500, 400, 300, 200, 100];
pub const PREFERENCE_POINTS: [i64; 4] = [80, 60, 40, 20];
pub const RECIPROCITY_POINTS: i64 = 60;
pub const GAP_POINTS_PER_AXIS: i64 = 20;
/// The largest score one mentor → mentee link can have.
pub const MAX_SCORE: i64 =
    DEFICIT_POINTS[0] + PREFERENCE_POINTS[0] + RECIPROCITY_POINTS + 3 * GAP_POINTS_PER_AXIS;
/// The smallest: every candidate link scores at least this.
pub const MIN_SCORE: i64 = DEFICIT_POINTS[4];

pub fn deficit_points(rank: u32) -> i64 {
    DEFICIT_POINTS[(rank as usize).min(DEFICIT_POINTS.len() - 1)]
}

pub fn preference_points(place: Option<u32>) -> i64 {
    place.map_or(0, |p| {
        PREFERENCE_POINTS[(p as usize).min(PREFERENCE_POINTS.len() - 1)]
    })
}

/// Up to 20 points per axis on which the mentor is lower: a year of age or of experience is a
/// point, a position rank is five.
pub fn gap_points(v: &Verdict) -> i64 {
    v.lower_on
        .iter()
        .map(|axis| {
            let raw = match axis {
                Axis::Age => i64::from(v.gap.age),
                Axis::Experience => i64::from(v.gap.experience_tenths) / 10,
                Axis::Position => 5 * i64::from(v.gap.rank),
            };
            raw.clamp(0, GAP_POINTS_PER_AXIS)
        })
        .sum()
}

/// The part of the score that depends on the two people, not the topic.
pub fn pair_points(ix: &Index, mentor: Person, mentee: Person, v: &Verdict) -> i64 {
    let reciprocity = if ix.teaches_any(mentee, mentor) {
        RECIPROCITY_POINTS
    } else {
        0
    };
    preference_points(ix.preference(mentee, mentor)) + reciprocity + gap_points(v)
}

/// The full score of `mentor` teaching `mentee` the topic at `rank` in the mentee's deficits.
pub fn score(ix: &Index, mentor: Person, mentee: Person, rank: u32) -> i64 {
    deficit_points(rank) + pair_points(ix, mentor, mentee, &ix.judge(mentor, mentee))
}

/// The best topic `mentor` can teach `mentee`: the most pressing allowed deficit.
pub fn best_topic(ix: &Index, mentor: Person, mentee: Person) -> Option<(TopicIx, u32)> {
    let teaches = &ix.teaches[mentor as usize];
    ix.lacks[mentee as usize]
        .iter()
        .enumerate()
        .find(|&(_, t)| teaches.binary_search(t).is_ok() && !ix.forbidden(mentor, mentee, *t))
        .map(|(rank, &t)| (t, rank as u32))
}

/// The evidence a facilitator reads for `mentor` → `mentee` on `topic`.
pub fn evidence(
    ix: &Index,
    mentor: Person,
    mentee: Person,
    topic: Option<TopicIx>,
    back: Option<TopicIx>,
) -> Evidence {
    let v = ix.judge(mentor, mentee);
    Evidence {
        deficit_rank: topic.and_then(|t| ix.deficit_rank(mentee, t)).unwrap_or(0),
        gap: v.gap,
        lower_on: v.lower_on.iter().collect(),
        preference: ix.preference(mentee, mentor),
        reciprocal: ix
            .can_teach(mentee, mentor)
            .into_iter()
            .map(|t| ix.topic_id(t).to_string())
            .collect(),
        back_topic: back.map(|t| ix.topic_id(t).to_string()),
    }
}

/// Reused per-mentee marks, so candidate enumeration allocates nothing per mentee.
pub struct Marks {
    stamp: Vec<u32>,
    epoch: u32,
}

impl Marks {
    pub fn new(n: usize) -> Marks {
        Marks {
            stamp: vec![0; n],
            epoch: 0,
        }
    }

    fn next(&mut self) {
        self.epoch += 1;
        if self.epoch == u32::MAX {
            self.stamp.iter_mut().for_each(|s| *s = 0);
            self.epoch = 1;
        }
    }
}

/// Every candidate mentor of `mentee` once, with the score of their best topic; calls
/// `f(mentor, topic, score)` in order of the mentee's deficits, then case order.
pub fn for_each_candidate(
    ix: &Index,
    mentee: Person,
    marks: &mut Marks,
    mut f: impl FnMut(Person, TopicIx, i64),
) {
    marks.next();
    for (rank, &t) in ix.lacks[mentee as usize].iter().enumerate() {
        for &m in &ix.offerers[t as usize] {
            if m == mentee || marks.stamp[m as usize] == marks.epoch {
                continue;
            }
            if ix.forbidden(m, mentee, t) {
                continue; // a later deficit may still be allowed
            }
            marks.stamp[m as usize] = marks.epoch;
            let v = ix.judge(m, mentee);
            if v.holds {
                f(
                    m,
                    t,
                    deficit_points(rank as u32) + pair_points(ix, m, mentee, &v),
                );
            }
        }
    }
}

/// Every candidate mentor of `mentee` for one deficit topic, with the link's score.
pub fn for_each_topic_candidate(
    ix: &Index,
    mentee: Person,
    topic: TopicIx,
    rank: u32,
    mut f: impl FnMut(Person, i64),
) {
    for &m in &ix.offerers[topic as usize] {
        if m == mentee || ix.forbidden(m, mentee, topic) {
            continue;
        }
        let v = ix.judge(m, mentee);
        if v.holds {
            f(m, deficit_points(rank) + pair_points(ix, m, mentee, &v));
        }
    }
}

/// The score a link adds to the objective: its main topic, plus the topic taught back in a
/// mutual pair. A locked pair with no shared topic adds nothing.
pub fn link_score(ix: &Index, l: &Link) -> i64 {
    let rank = l.topic.and_then(|t| ix.deficit_rank(l.mentee, t));
    let main = rank.map_or(0, |r| score(ix, l.mentor, l.mentee, r));
    let back = l
        .back
        .and_then(|t| ix.deficit_rank(l.mentor, t))
        .map_or(0, deficit_points);
    main + back
}
