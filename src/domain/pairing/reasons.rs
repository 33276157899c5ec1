//! Why someone was left without a mentor: the facts behind each `Unmatched`.

use std::cmp::Reverse;

use crate::domain::case::PairRef;

use super::index::{Index, Person, TopicIx};
use super::mutual;
use super::score::{deficit_points, pair_points};
use super::{Link, Mode, Reason, Unmatched};

/// How many offerers an `AllOfferersHigher` reason names.
pub const NAMED_OFFERERS: usize = 8;
/// How many of the best possible mentors a `CapacityUsed` reason looks at.
pub const NAMED_MENTORS: usize = 3;
/// How many pairs a `CapacityUsed` reason names at most.
pub const NAMED_PAIRS: usize = 6;

/// What stood between a mentee and some deficits.
enum Class {
    Nobody,
    Higher(Vec<Person>),
    Forbidden,
    /// Possible mentors with the link's score.
    Candidates(Vec<(Person, i64)>),
}

/// Looks at every offerer of `topics` for `mentee`.
fn classify(ix: &Index, mentee: Person, topics: &[TopicIx]) -> Class {
    let mut offerers = Vec::new();
    let mut lower = false;
    let mut candidates = Vec::new();
    for &t in topics {
        let rank = ix.deficit_rank(mentee, t).unwrap_or(0);
        for &m in &ix.offerers[t as usize] {
            if m == mentee {
                continue;
            }
            offerers.push(m);
            let v = ix.judge(m, mentee);
            if !v.holds {
                continue;
            }
            lower = true;
            if !ix.forbidden(m, mentee, t) {
                candidates.push((m, deficit_points(rank) + pair_points(ix, m, mentee, &v)));
            }
        }
    }
    if !candidates.is_empty() {
        Class::Candidates(candidates)
    } else if lower {
        Class::Forbidden
    } else if !offerers.is_empty() {
        offerers.sort_unstable();
        offerers.dedup();
        offerers.truncate(NAMED_OFFERERS);
        Class::Higher(offerers)
    } else {
        Class::Nobody
    }
}

/// The result's links, found by person.
struct Links<'l> {
    all: &'l [Link],
    /// Links in which each person is mentor or mentee.
    of: Vec<Vec<u32>>,
}

impl<'l> Links<'l> {
    fn new(n: usize, all: &'l [Link]) -> Links<'l> {
        let mut of = vec![Vec::new(); n];
        for (k, l) in all.iter().enumerate() {
            of[l.mentor as usize].push(k as u32);
            of[l.mentee as usize].push(k as u32);
        }
        Links { all, of }
    }
}

/// The pairs that took the best possible mentors' (or partners') places.
fn taken_by(ix: &Index, links: &Links, mut candidates: Vec<(Person, i64)>) -> Vec<PairRef> {
    candidates.sort_by_key(|&(m, s)| (Reverse(s), m));
    candidates.dedup_by_key(|x| x.0);
    let mut out = Vec::new();
    for (p, _) in candidates.into_iter().take(NAMED_MENTORS) {
        for &k in &links.of[p as usize] {
            let r = links.all[k as usize].pair_ref(ix);
            if !out.contains(&r) {
                out.push(r);
            }
        }
    }
    out.truncate(NAMED_PAIRS);
    out
}

fn reason(ix: &Index, mode: Mode, links: &Links, class: Class) -> Reason {
    match class {
        Class::Nobody => Reason::NobodyOffers,
        Class::Higher(offerers) => Reason::AllOfferersHigher {
            offerers: offerers.iter().map(|&p| ix.id(p).to_string()).collect(),
        },
        Class::Forbidden => Reason::Forbidden,
        Class::Candidates(_) if mode == Mode::Choose => Reason::NotChosen,
        Class::Candidates(c) => Reason::CapacityUsed {
            taken_by: taken_by(ix, links, c),
        },
    }
}

fn topic_ids(ix: &Index, topics: &[TopicIx]) -> Vec<String> {
    topics.iter().map(|&t| ix.topic_id(t).to_string()).collect()
}

/// Everyone with an unserved deficit, in case order, with the reason.
pub fn unmatched(
    ix: &Index,
    mode: Mode,
    links: &[Link],
    graph: Option<&mutual::Built>,
) -> Vec<Unmatched> {
    let n = ix.len();
    let mut out = Vec::new();
    let all = links;
    let links = &Links::new(n, all);
    let mut served: Vec<Vec<TopicIx>> = vec![Vec::new(); n];
    let mut paired = vec![false; n];
    for l in all {
        paired[l.mentee as usize] = true;
        if mode == Mode::Mutual {
            paired[l.mentor as usize] = true;
        }
        if let Some(t) = l.topic {
            served[l.mentee as usize].push(t);
        }
    }
    for e in 0..n as Person {
        let lacks = &ix.lacks[e as usize];
        if lacks.is_empty() {
            continue;
        }
        match mode {
            Mode::Network => {
                let open: Vec<TopicIx> = lacks
                    .iter()
                    .copied()
                    .filter(|t| !served[e as usize].contains(t))
                    .collect();
                per_topic(ix, links, e, &open, &mut out);
            }
            Mode::Mutual if !paired[e as usize] => {
                let partners = graph.map(|g| g.partners(e)).unwrap_or_default();
                let reason = if partners.is_empty() {
                    Reason::NoMutualPartner
                } else {
                    Reason::CapacityUsed {
                        taken_by: taken_by(ix, links, partners),
                    }
                };
                out.push(Unmatched {
                    participant: ix.id(e).to_string(),
                    topics: topic_ids(ix, lacks),
                    reason,
                });
            }
            Mode::OneToOne | Mode::Group | Mode::Choose if !paired[e as usize] => {
                let class = classify(ix, e, lacks);
                out.push(Unmatched {
                    participant: ix.id(e).to_string(),
                    topics: topic_ids(ix, lacks),
                    reason: reason(ix, mode, links, class),
                });
            }
            _ => {}
        }
    }
    out
}

/// Network mode: one entry per distinct reason, listing the deficits it explains.
fn per_topic(ix: &Index, links: &Links, e: Person, open: &[TopicIx], out: &mut Vec<Unmatched>) {
    let mut groups: Vec<(Reason, Vec<TopicIx>)> = Vec::new();
    for &t in open {
        let r = reason(ix, Mode::Network, links, classify(ix, e, &[t]));
        match groups.iter_mut().find(|(g, _)| *g == r) {
            Some((_, ts)) => ts.push(t),
            None => groups.push((r, vec![t])),
        }
    }
    for (reason, topics) in groups {
        out.push(Unmatched {
            participant: ix.id(e).to_string(),
            topics: topic_ids(ix, &topics),
            reason,
        });
    }
}
