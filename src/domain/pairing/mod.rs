//! The pairing engine: optimal reverse-mentoring pairs with the reasons behind them.
//!
//! This file holds the engine's public data: modes, overrides, the result with its evidence.
//! The solvers live beside it, one per mode. The result is plain data (serde) so sessions
//! store it, `revmap pair` prints it and the TUI shows it.

mod assign;
mod bipartite;
mod blossom;
pub mod explain;
mod index;
mod mutual;
mod reasons;
mod score;
mod stable;

use std::fmt;

use serde::{Deserialize, Serialize};

use super::case::{Case, Id, PairRef};
use super::status::{Axis, Gap};

pub use explain::{explain, explain_unmatched};
pub use score::{
    DEFICIT_POINTS, GAP_POINTS_PER_AXIS, MAX_SCORE, MIN_SCORE, PREFERENCE_POINTS,
    RECIPROCITY_POINTS,
};

use index::{Index, Lock, Person, TopicIx};

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
    /// The topic the mentor teaches: one of the mentee's deficits. Empty only for a fixed or
    /// locked pair whose mentor teaches none of the mentee's deficits.
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

/// Overrides (or fixed pairs) the engine cannot honour.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PairingError {
    /// `kind` is "locked" or "forbidden".
    UnknownParticipant {
        id: Id,
        kind: &'static str,
    },
    UnknownTopic {
        id: Id,
        kind: &'static str,
    },
    SelfPair {
        id: Id,
        kind: &'static str,
    },
    /// A locked pair whose mentor is not lower in status than the mentee.
    StatusRule {
        mentor: Id,
        mentee: Id,
        rule: String,
    },
    /// A locked pair's topic the mentor does not teach or the mentee does not lack.
    TopicMismatch {
        mentor: Id,
        mentee: Id,
        topic: Id,
    },
    /// More locked mentees than the mentor's capacity.
    OverCapacity {
        mentor: Id,
        capacity: u32,
    },
    /// Network mode: one deficit of a mentee locked to two mentors.
    MenteeTwice {
        mentee: Id,
    },
    LockedAndForbidden {
        mentor: Id,
        mentee: Id,
    },
}

impl fmt::Display for PairingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use PairingError::*;
        match self {
            UnknownParticipant { id, kind } => write!(
                f,
                "a {kind} pair names unknown participant {id:?}; expected a participant id from the case"
            ),
            UnknownTopic { id, kind } => write!(
                f,
                "a {kind} pair names unknown topic {id:?}; expected a topic id from the catalogue"
            ),
            SelfPair { id, kind } => write!(
                f,
                "a {kind} pair puts {id} with themself; expected two different participants"
            ),
            StatusRule {
                mentor,
                mentee,
                rule,
            } => write!(
                f,
                "locked pair {mentor} → {mentee} breaks the status rule; expected the mentor {rule}"
            ),
            TopicMismatch {
                mentor,
                mentee,
                topic,
            } => write!(
                f,
                "locked pair {mentor} → {mentee} names topic {topic:?}; expected a topic {mentor} teaches and {mentee} lacks"
            ),
            OverCapacity { mentor, capacity } => write!(
                f,
                "{mentor} is locked to more mentees than their capacity; expected at most {capacity}"
            ),
            MenteeTwice { mentee } => write!(
                f,
                "one deficit of {mentee} is locked to two mentors; expected at most one per deficit"
            ),
            LockedAndForbidden { mentor, mentee } => write!(
                f,
                "{mentor} → {mentee} is both locked and forbidden; expected one or the other"
            ),
        }
    }
}

impl std::error::Error for PairingError {}

/// Forms the optimal pairs of `case` in `mode`, keeping the case's fixed pairs and the
/// facilitator's locks and never using a forbidden pair.
pub fn solve(case: &Case, mode: Mode, overrides: &Overrides) -> Result<Pairing, PairingError> {
    Ok(Problem::build(case, mode, overrides)?.optimise().pairing())
}

/// A mentor → mentee link inside the engine, by index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Link {
    mentor: Person,
    mentee: Person,
    topic: Option<TopicIx>,
    /// Mutual mode: what the mentee teaches back.
    back: Option<TopicIx>,
    locked: bool,
}

impl Link {
    fn new(mentor: Person, mentee: Person, topic: Option<TopicIx>) -> Link {
        Link {
            mentor,
            mentee,
            topic,
            back: None,
            locked: false,
        }
    }

    fn locked(l: &Lock) -> Link {
        Link {
            locked: true,
            ..Link::new(l.mentor, l.mentee, l.topic)
        }
    }

    fn pair_ref(&self, ix: &Index) -> PairRef {
        PairRef {
            mentor: ix.id(self.mentor).to_string(),
            mentee: ix.id(self.mentee).to_string(),
            topic: self.topic.map(|t| ix.topic_id(t).to_string()),
        }
    }
}

/// The exact weighted graph a solver solved, in the format of `shared/peers/solve.py`.
/// Weights are `big + score` with `big` above any total score, so the maximum-weight matching
/// is the lexicographic optimum (most served, then the best score); `objective` is its weight.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum GraphDump {
    /// Left: mentors (with capacity); right: rows to serve (mentees, or deficits in network mode).
    Bipartite {
        left: usize,
        right: usize,
        capacity: Vec<u32>,
        edges: Vec<(u32, u32, i64)>,
        objective: i64,
    },
    General {
        nodes: usize,
        edges: Vec<(u32, u32, i64)>,
        objective: i64,
    },
}

/// The engine's work for one call, split so a caller can time building and solving apart.
pub struct Problem<'a> {
    ix: Index<'a>,
    mode: Mode,
    work: Work,
}

enum Work {
    Bipartite(bipartite::Built),
    Mutual(mutual::Built),
    Choose(stable::Preferences),
}

impl<'a> Problem<'a> {
    /// Resolves the case and builds the candidate graph for `mode`.
    pub fn build(
        case: &'a Case,
        mode: Mode,
        overrides: &Overrides,
    ) -> Result<Problem<'a>, PairingError> {
        let ix = Index::new(case, mode, overrides)?;
        let work = match mode {
            Mode::OneToOne | Mode::Group | Mode::Network => {
                Work::Bipartite(bipartite::build(&ix, mode))
            }
            Mode::Mutual => Work::Mutual(mutual::build(&ix)),
            Mode::Choose => Work::Choose(stable::Preferences::new(&ix)),
        };
        Ok(Problem { ix, mode, work })
    }

    /// Candidate edges in the graph the solver will see.
    pub fn edge_count(&self) -> usize {
        match &self.work {
            Work::Bipartite(b) => b.graph.edge_count(),
            Work::Mutual(m) => m.edges.len(),
            Work::Choose(p) => p.lists.iter().map(Vec::len).sum(),
        }
    }

    /// Runs the mode's solver; the result is assembled by [`Optimised::pairing`].
    pub fn optimise(self) -> Optimised<'a> {
        let ix = &self.ix;
        let locked = ix.locks.iter().map(Link::locked);
        let (links, blocking, dump) = match &self.work {
            Work::Bipartite(b) => {
                let sol = b.solve();
                let mut links = b.links(ix, &sol);
                links.extend(locked);
                (links, Vec::new(), Dump::Bipartite(sol))
            }
            Work::Mutual(m) => {
                let chosen = m.solve();
                let mut links = m.links(&chosen);
                // A locked pair still teaches back when the mentee has something to give.
                links.extend(locked.map(|mut l| {
                    l.back = score::best_topic(ix, l.mentee, l.mentor).map(|(t, _)| t);
                    l
                }));
                (links, Vec::new(), Dump::Mutual(chosen))
            }
            Work::Choose(prefs) => {
                let (links, blocking) = stable::solve(ix, prefs);
                (links, blocking, Dump::None)
            }
        };
        Optimised {
            problem: self,
            links,
            blocking,
            dump,
        }
    }
}

/// A solved problem, before the result is assembled with its evidence and reasons.
pub struct Optimised<'a> {
    problem: Problem<'a>,
    links: Vec<Link>,
    blocking: Vec<(Person, Person)>,
    dump: Dump,
}

enum Dump {
    Bipartite(assign::Solution),
    Mutual(Vec<usize>),
    None,
}

impl Optimised<'_> {
    /// The solved graph for `--dump-graph`; `None` in choose mode, where the result is a stable
    /// matching, not a weighted optimum.
    pub fn graph(&self) -> Option<GraphDump> {
        match (&self.problem.work, &self.dump) {
            (Work::Bipartite(b), Dump::Bipartite(sol)) => Some(bipartite_dump(b, sol)),
            (Work::Mutual(m), Dump::Mutual(chosen)) => Some(mutual_dump(m, chosen)),
            _ => None,
        }
    }

    /// The result: pairs with evidence, the objective, the unmatched with their reasons.
    pub fn pairing(self) -> Pairing {
        let p = &self.problem;
        let graph = match &p.work {
            Work::Mutual(m) => Some(m),
            _ => None,
        };
        assemble(&p.ix, p.mode, self.links, self.blocking, graph)
    }
}

/// Mentors without edges are left out so reference solvers see a compact graph.
fn bipartite_dump(b: &bipartite::Built, sol: &assign::Solution) -> GraphDump {
    let g = &b.graph;
    let mut left_of = vec![u32::MAX; g.cols()];
    let mut cols: Vec<u32> = g.col.clone();
    cols.sort_unstable();
    cols.dedup();
    for (i, &c) in cols.iter().enumerate() {
        left_of[c as usize] = i as u32;
    }
    let big = sol.penalty;
    let mut edges = Vec::with_capacity(g.edge_count());
    for r in 0..g.rows() {
        let (cs, ss) = g.row(r);
        for (&c, &s) in cs.iter().zip(ss) {
            edges.push((left_of[c as usize], r as u32, big + i64::from(s)));
        }
    }
    GraphDump::Bipartite {
        left: cols.len(),
        right: g.rows(),
        capacity: cols.iter().map(|&c| g.cap[c as usize]).collect(),
        edges,
        objective: big * sol.matched() as i64 + sol.total_score(g),
    }
}

fn mutual_dump(m: &mutual::Built, chosen: &[usize]) -> GraphDump {
    let score: i64 = chosen.iter().map(|&k| m.edges[k].score).sum();
    GraphDump::General {
        nodes: m.nodes.len(),
        edges: m.weighted(),
        objective: m.big * chosen.len() as i64 + score,
    }
}

/// Turns links into the result: pairs with evidence, the objective, and every unmatched
/// participant with the reason.
fn assemble(
    ix: &Index,
    mode: Mode,
    mut links: Vec<Link>,
    blocking: Vec<(Person, Person)>,
    graph: Option<&mutual::Built>,
) -> Pairing {
    let rank = |l: &Link| l.topic.and_then(|t| ix.deficit_rank(l.mentee, t));
    links.sort_by_key(|l| (l.mentor, l.mentee, rank(l)));
    let unmatched = reasons::unmatched(ix, mode, &links, graph);
    let mut objective = Objective::default();
    let pairs = links
        .iter()
        .map(|l| {
            let s = score::link_score(ix, l);
            objective.score += s;
            objective.served += u64::from(l.topic.is_some()) + u64::from(l.back.is_some());
            Pair {
                mentor: ix.id(l.mentor).to_string(),
                mentee: ix.id(l.mentee).to_string(),
                topic: l
                    .topic
                    .map(|t| ix.topic_id(t).to_string())
                    .unwrap_or_default(),
                score: s,
                evidence: score::evidence(ix, l.mentor, l.mentee, l.topic, l.back),
                locked: l.locked,
            }
        })
        .collect();
    let blocking = blocking
        .into_iter()
        .map(|(m, e)| Link::new(m, e, score::best_topic(ix, m, e).map(|(t, _)| t)).pair_ref(ix))
        .collect();
    Pairing {
        mode,
        pairs,
        unmatched,
        blocking,
        objective,
    }
}
