//! The case resolved to integer indices: what every solver works on.
//!
//! Participants are numbered in case order and topics in catalogue order, so every list here is
//! in a deterministic order and ties anywhere in the engine break by case order. Overrides are
//! merged with the case's own fixed and forbidden pairs and checked here, once.

use std::collections::{HashMap, HashSet};

use crate::domain::case::{Case, PairRef};
use crate::domain::status::{Status, Verdict};

use super::{Mode, Overrides, PairingError};

/// A participant index (case order).
pub type Person = u32;
/// A topic index (catalogue order).
pub type TopicIx = u32;

/// A pair kept whatever the optimum says: fixed by the case or locked by the facilitator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lock {
    pub mentor: Person,
    pub mentee: Person,
    /// The topic named by the lock, or the best shared one; `None` when they share none.
    pub topic: Option<TopicIx>,
}

pub struct Index<'a> {
    pub case: &'a Case,
    pub status: Vec<Status>,
    /// Topics each person can teach, sorted by topic index.
    pub teaches: Vec<Vec<TopicIx>>,
    /// Each person's deficits in their own order (most pressing first).
    pub lacks: Vec<Vec<TopicIx>>,
    /// The same deficits sorted by topic index, for fast intersections.
    pub lacks_sorted: Vec<Vec<TopicIx>>,
    pub prefers: Vec<Vec<Person>>,
    pub capacity: Vec<u32>,
    /// Who teaches each topic, in case order.
    pub offerers: Vec<Vec<Person>>,
    pub topic_ids: Vec<&'a str>,
    forbidden_pairs: HashSet<(Person, Person)>,
    forbidden_topics: HashSet<(Person, Person, TopicIx)>,
    pub locks: Vec<Lock>,
    locked_mentee: Vec<bool>,
    locked_slots: HashSet<(Person, TopicIx)>,
}

impl<'a> Index<'a> {
    pub fn new(
        case: &'a Case,
        mode: Mode,
        overrides: &Overrides,
    ) -> Result<Index<'a>, PairingError> {
        let topic_ids: Vec<&str> = case.topics().map(|(_, t)| t.id.as_str()).collect();
        let topic_of: HashMap<&str, TopicIx> = first_positions(topic_ids.iter().copied());
        let person_of: HashMap<&str, Person> =
            first_positions(case.participants.iter().map(|p| p.id.as_str()));
        let resolve = |ids: &[String]| -> Vec<TopicIx> {
            let mut seen = HashSet::new();
            ids.iter()
                .filter_map(|t| topic_of.get(t.as_str()).copied())
                .filter(|t| seen.insert(*t))
                .collect()
        };
        let mut teaches: Vec<Vec<TopicIx>> = case
            .participants
            .iter()
            .map(|p| resolve(&p.teaches))
            .collect();
        teaches.iter_mut().for_each(|t| t.sort_unstable());
        let lacks: Vec<Vec<TopicIx>> = case
            .participants
            .iter()
            .map(|p| resolve(&p.lacks))
            .collect();
        let lacks_sorted = lacks
            .iter()
            .map(|l| {
                let mut s = l.clone();
                s.sort_unstable();
                s
            })
            .collect();
        let prefers = case
            .participants
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let mut seen = HashSet::new();
                p.prefers
                    .iter()
                    .filter_map(|id| person_of.get(id.as_str()).copied())
                    .filter(|&j| j as usize != i && seen.insert(j))
                    .collect()
            })
            .collect();
        let mut offerers = vec![Vec::new(); topic_ids.len()];
        for (i, ts) in teaches.iter().enumerate() {
            for &t in ts {
                offerers[t as usize].push(i as Person);
            }
        }
        let mut ix = Index {
            case,
            status: case
                .participants
                .iter()
                .map(|p| Status::of(case, p))
                .collect(),
            teaches,
            lacks,
            lacks_sorted,
            prefers,
            capacity: case.participants.iter().map(|p| p.capacity()).collect(),
            offerers,
            topic_ids,
            forbidden_pairs: HashSet::new(),
            forbidden_topics: HashSet::new(),
            locks: Vec::new(),
            locked_mentee: vec![false; case.participants.len()],
            locked_slots: HashSet::new(),
        };
        let refs = Refs {
            person_of: &person_of,
            topic_of: &topic_of,
        };
        for pr in case.forbidden_pairs.iter().chain(&overrides.forbidden) {
            let (mentor, mentee, topic) = refs.resolve(pr, "forbidden")?;
            match topic {
                Some(t) => ix.forbidden_topics.insert((mentor, mentee, t)),
                None => ix.forbidden_pairs.insert((mentor, mentee)),
            };
        }
        let mut seen = HashSet::new();
        for pr in case.fixed_pairs.iter().chain(&overrides.locked) {
            let (mentor, mentee, topic) = refs.resolve(pr, "locked")?;
            if seen.insert((mentor, mentee, topic)) {
                let lock = ix.check_lock(mentor, mentee, topic)?;
                ix.locks.push(lock);
            }
        }
        ix.check_lock_load(mode)?;
        for l in &ix.locks {
            ix.locked_mentee[l.mentee as usize] = true;
            if let Some(t) = l.topic {
                ix.locked_slots.insert((l.mentee, t));
            }
        }
        Ok(ix)
    }

    pub fn len(&self) -> usize {
        self.status.len()
    }

    pub fn id(&self, p: Person) -> &'a str {
        &self.case.participants[p as usize].id
    }

    pub fn topic_id(&self, t: TopicIx) -> &'a str {
        self.topic_ids[t as usize]
    }

    /// Whether a lock already gives `mentee` a mentor.
    pub fn mentee_locked(&self, mentee: Person) -> bool {
        self.locked_mentee[mentee as usize]
    }

    /// Whether a lock already serves `mentee`'s deficit `topic` (network mode).
    pub fn slot_locked(&self, mentee: Person, topic: TopicIx) -> bool {
        self.locked_slots.contains(&(mentee, topic))
    }

    /// The status rule applied to `mentor` → `mentee`.
    pub fn judge(&self, mentor: Person, mentee: Person) -> Verdict {
        self.case
            .status_rule
            .judge(self.status[mentor as usize], self.status[mentee as usize])
    }

    /// Whether the facilitator or the case rules out `mentor` teaching `mentee` `topic`.
    pub fn forbidden(&self, mentor: Person, mentee: Person, topic: TopicIx) -> bool {
        self.forbidden_pairs.contains(&(mentor, mentee))
            || (!self.forbidden_topics.is_empty()
                && self.forbidden_topics.contains(&(mentor, mentee, topic)))
    }

    /// Whether the whole pair is ruled out, in either direction (mutual mode).
    pub fn pair_forbidden(&self, a: Person, b: Person) -> bool {
        self.forbidden_pairs.contains(&(a, b)) || self.forbidden_pairs.contains(&(b, a))
    }

    /// Position of `topic` in `p`'s deficits.
    pub fn deficit_rank(&self, p: Person, topic: TopicIx) -> Option<u32> {
        self.lacks[p as usize]
            .iter()
            .position(|&t| t == topic)
            .map(|r| r as u32)
    }

    /// Position of `mentor` in `mentee`'s preferences.
    pub fn preference(&self, mentee: Person, mentor: Person) -> Option<u32> {
        self.prefers[mentee as usize]
            .iter()
            .position(|&m| m == mentor)
            .map(|r| r as u32)
    }

    /// Topics `a` teaches that `b` lacks, in `b`'s order of need.
    pub fn can_teach(&self, a: Person, b: Person) -> Vec<TopicIx> {
        let teaches = &self.teaches[a as usize];
        self.lacks[b as usize]
            .iter()
            .copied()
            .filter(|t| teaches.binary_search(t).is_ok())
            .collect()
    }

    /// Whether `a` teaches anything `b` lacks (a merge of two sorted lists, no allocation).
    pub fn teaches_any(&self, a: Person, b: Person) -> bool {
        let (x, y) = (&self.teaches[a as usize], &self.lacks_sorted[b as usize]);
        let (mut i, mut j) = (0, 0);
        while i < x.len() && j < y.len() {
            match x[i].cmp(&y[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => return true,
            }
        }
        false
    }

    /// The lock's topic must be taught by the mentor and lacked by the mentee; without one, the
    /// mentee's most pressing deficit the mentor teaches is used.
    fn check_lock(
        &self,
        mentor: Person,
        mentee: Person,
        topic: Option<TopicIx>,
    ) -> Result<Lock, PairingError> {
        let pair = || (self.id(mentor).to_string(), self.id(mentee).to_string());
        if self.forbidden_pairs.contains(&(mentor, mentee))
            || topic.is_some_and(|t| self.forbidden_topics.contains(&(mentor, mentee, t)))
        {
            let (mentor, mentee) = pair();
            return Err(PairingError::LockedAndForbidden { mentor, mentee });
        }
        if !self.judge(mentor, mentee).holds {
            let (mentor, mentee) = pair();
            return Err(PairingError::StatusRule {
                mentor,
                mentee,
                rule: self.case.status_rule.describe(),
            });
        }
        let topic = match topic {
            Some(t)
                if self.deficit_rank(mentee, t).is_none()
                    || self.teaches[mentor as usize].binary_search(&t).is_err() =>
            {
                let (mentor, mentee) = pair();
                return Err(PairingError::TopicMismatch {
                    mentor,
                    mentee,
                    topic: self.topic_id(t).to_string(),
                });
            }
            Some(t) => Some(t),
            None => self
                .can_teach(mentor, mentee)
                .into_iter()
                .find(|&t| !self.forbidden(mentor, mentee, t)),
        };
        Ok(Lock {
            mentor,
            mentee,
            topic,
        })
    }

    /// Locks are kept whatever the mode's own limits (the organisers agreed them), but a mentor
    /// is never locked beyond their capacity, and in network mode one deficit of a mentee is
    /// never locked to two mentors.
    fn check_lock_load(&self, mode: Mode) -> Result<(), PairingError> {
        let mut mentor_load: HashMap<Person, u32> = HashMap::new();
        let mut slots: HashSet<(Person, Option<TopicIx>)> = HashSet::new();
        for lock in &self.locks {
            let cap = self.capacity[lock.mentor as usize];
            let load = mentor_load.entry(lock.mentor).or_insert(0);
            *load += 1;
            if *load > cap {
                return Err(PairingError::OverCapacity {
                    mentor: self.id(lock.mentor).to_string(),
                    capacity: cap,
                });
            }
            if mode == Mode::Network && !slots.insert((lock.mentee, lock.topic)) {
                return Err(PairingError::MenteeTwice {
                    mentee: self.id(lock.mentee).to_string(),
                });
            }
        }
        Ok(())
    }
}

/// Name → index maps for pair references.
struct Refs<'m, 'a> {
    person_of: &'m HashMap<&'a str, Person>,
    topic_of: &'m HashMap<&'a str, TopicIx>,
}

impl Refs<'_, '_> {
    fn resolve(
        &self,
        pr: &PairRef,
        kind: &'static str,
    ) -> Result<(Person, Person, Option<TopicIx>), PairingError> {
        let person = |id: &str| {
            self.person_of
                .get(id)
                .copied()
                .ok_or_else(|| PairingError::UnknownParticipant {
                    id: id.to_string(),
                    kind,
                })
        };
        let mentor = person(&pr.mentor)?;
        let mentee = person(&pr.mentee)?;
        if mentor == mentee {
            return Err(PairingError::SelfPair {
                id: pr.mentor.clone(),
                kind,
            });
        }
        let topic = match &pr.topic {
            None => None,
            Some(t) => Some(self.topic_of.get(t.as_str()).copied().ok_or_else(|| {
                PairingError::UnknownTopic {
                    id: t.clone(),
                    kind,
                }
            })?),
        };
        Ok((mentor, mentee, topic))
    }
}

/// Each name's first position; later duplicates (an invalid case) are ignored.
fn first_positions<'a>(names: impl Iterator<Item = &'a str>) -> HashMap<&'a str, u32> {
    let mut map = HashMap::new();
    for (i, name) in names.enumerate() {
        map.entry(name).or_insert(i as u32);
    }
    map
}
