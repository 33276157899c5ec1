//! The pairing engine: optimal reverse-mentoring pairs with the reasons behind them.
//!
//! This file holds the engine's public data: modes, overrides, the result with its evidence.
//! The solvers live beside it, one per mode. The result is plain data (serde) so sessions
//! store it, `revmap pair` prints it and the TUI shows it.

use serde::{Deserialize, Serialize};

use super::case::{Id, PairRef};
use super::status::{Axis, Gap};

/// How pairs are formed (issue: pairing engine).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Mode {
    /// Each person mentors at most one and is mentored by at most one (an assignment).
    #[default]
    OneToOne,
    /// Mentors with capacity take several mentees (Kvantorium: a student leads a group).
    Group,
    /// Per-topic links: a mentee may get one mentor per deficit, mentors within capacity
    /// (School 291's "neural network").
    Network,
    /// Pairs in which each teaches the other: a maximum-weight matching on a general graph.
    Mutual,
    /// Mentees rank mentors and choose: a stable matching, mentee-proposing.
    Choose,
}

impl Mode {
    pub const ALL: [Mode; 5] = [
        Mode::OneToOne,
        Mode::Group,
        Mode::Network,
        Mode::Mutual,
        Mode::Choose,
    ];

    /// The CLI and file spelling: `one-to-one`, `group`, `network`, `mutual`, `choose`.
    pub fn key(self) -> &'static str {
        match self {
            Mode::OneToOne => "one-to-one",
            Mode::Group => "group",
            Mode::Network => "network",
            Mode::Mutual => "mutual",
            Mode::Choose => "choose",
        }
    }

    pub fn from_key(s: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.key() == s)
    }
}

/// A facilitator's decisions on top of the case: pairs locked in and pairs ruled out. The
/// case's own `fixed_pairs` and `forbidden_pairs` always apply as well.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Overrides {
    #[serde(default)]
    pub locked: Vec<PairRef>,
    #[serde(default)]
    pub forbidden: Vec<PairRef>,
}

/// The engine's answer for one case, mode and set of overrides.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pairing {
    pub mode: Mode,
    pub pairs: Vec<Pair>,
    /// Every participant with an unserved deficit, and why.
    pub unmatched: Vec<Unmatched>,
    /// `Choose` mode: pairs that would both rather be together, left by locked pairs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub blocking: Vec<PairRef>,
    pub objective: Objective,
}

/// The lexicographic objective: first mentees (or deficits, in network mode) served, then
/// the total score.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(deny_unknown_fields)]
pub struct Objective {
    pub served: u64,
    pub score: i64,
}

/// One mentor→mentee link and the evidence for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pair {
    pub mentor: Id,
    pub mentee: Id,
    /// The topic the mentor teaches: one of the mentee's deficits.
    pub topic: Id,
    pub score: i64,
    pub evidence: Evidence,
    /// Kept because the case fixes it or the facilitator locked it.
    #[serde(default)]
    pub locked: bool,
}

/// Why this pair: what a facilitator reads aloud.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// Position of `topic` in the mentee's deficits; 0 is the most pressing.
    pub deficit_rank: u32,
    /// How much lower the mentor is on each axis (positive = lower).
    pub gap: Gap,
    /// Axes on which the status rule holds for this pair.
    pub lower_on: Vec<Axis>,
    /// Position of the mentor in the mentee's preferences, if named there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preference: Option<u32>,
    /// Topics the mentee can teach the mentor in return (reciprocity, seed 001).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reciprocal: Vec<Id>,
    /// `Mutual` mode: the topic the mentee teaches back within this pair.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub back_topic: Option<Id>,
}

/// A participant whose deficits are not (all) served, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unmatched {
    pub participant: Id,
    /// The deficits left unserved (in network mode possibly only some of them).
    pub topics: Vec<Id>,
    pub reason: Reason,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Reason {
    /// Nobody in the case can teach any of these deficits.
    NobodyOffers,
    /// Someone offers them, but every offerer is higher in status (the rule fails).
    AllOfferersHigher { offerers: Vec<Id> },
    /// Every possible mentor is forbidden for this person.
    Forbidden,
    /// Possible mentors exist, but their capacity went to better pairs — named here.
    CapacityUsed { taken_by: Vec<PairRef> },
    /// `Choose` mode: every acceptable mentor preferred other mentees.
    NotChosen,
    /// `Mutual` mode: nobody can both learn from and teach this person.
    NoMutualPartner,
}
