//! `choose` mode (seed 003: the mentee chooses): a stable matching by mentee-proposing
//! deferred acceptance (Gale–Shapley, with mentor capacities).
//!
//! A mentee ranks the mentors they named in `prefers` first (in that order), then every other
//! acceptable mentor by the pair's score; a mentor ranks mentees by the pair's score. Ties break
//! by case order. Locked pairs are placed first and take their mentors' capacity; the result is
//! stable among everyone else, and any pair that would rather be together than keep a locked
//! pair is reported as blocking.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::Link;
use super::index::{Index, Person};
use super::score::{Marks, best_topic, for_each_candidate};

/// A mentor's view of a mentee: higher is better.
type Rank = (i64, Reverse<Person>);

/// Everyone's acceptable mentors, best first, with the pair's score.
pub struct Preferences {
    pub lists: Vec<Vec<(Person, i64)>>,
}

impl Preferences {
    pub fn new(ix: &Index) -> Preferences {
        let mut marks = Marks::new(ix.len());
        let lists = (0..ix.len() as Person)
            .map(|e| {
                let mut list = Vec::new();
                for_each_candidate(ix, e, &mut marks, |m, _, s| list.push((m, s)));
                let named = |m: Person| ix.preference(e, m).unwrap_or(u32::MAX);
                list.sort_by_key(|&(m, s)| (named(m), Reverse(s), m));
                list
            })
            .collect();
        Preferences { lists }
    }

    /// Position of `mentor` in `mentee`'s list (lower is better).
    fn place(&self, mentee: Person, mentor: Person) -> Option<usize> {
        self.lists[mentee as usize]
            .iter()
            .position(|&(m, _)| m == mentor)
    }

    fn score(&self, mentee: Person, mentor: Person) -> Option<i64> {
        self.lists[mentee as usize]
            .iter()
            .find(|&&(m, _)| m == mentor)
            .map(|&(_, s)| s)
    }
}

/// The stable links among the unlocked, and the blocking pairs left by the locks.
pub fn solve(ix: &Index, prefs: &Preferences) -> (Vec<Link>, Vec<(Person, Person)>) {
    let n = ix.len();
    let mut room: Vec<u32> = ix.capacity.clone();
    let mut locked_mentee = vec![false; n];
    for l in &ix.locks {
        room[l.mentor as usize] = room[l.mentor as usize].saturating_sub(1);
        locked_mentee[l.mentee as usize] = true;
    }
    let mut held: Vec<BinaryHeap<Reverse<(Rank, Person)>>> = vec![BinaryHeap::new(); n];
    let mut next = vec![0usize; n];
    let mut free: Vec<Person> = (0..n as Person)
        .rev()
        .filter(|&e| !locked_mentee[e as usize] && !prefs.lists[e as usize].is_empty())
        .collect();
    while let Some(e) = free.pop() {
        let list = &prefs.lists[e as usize];
        while next[e as usize] < list.len() {
            let (m, s) = list[next[e as usize]];
            next[e as usize] += 1;
            let heap = &mut held[m as usize];
            let rank = (s, Reverse(e));
            if (heap.len() as u32) < room[m as usize] {
                heap.push(Reverse((rank, e)));
                break;
            }
            let worse = heap.peek().is_some_and(|Reverse((w, _))| *w < rank);
            if worse {
                let Reverse((_, out)) = heap.pop().expect("a held mentee");
                heap.push(Reverse((rank, e)));
                free.push(out);
                break;
            }
        }
    }
    let mut links: Vec<Link> = held
        .iter()
        .enumerate()
        .flat_map(|(m, heap)| heap.iter().map(move |Reverse((_, e))| (m as Person, *e)))
        .map(|(m, e)| Link::new(m, e, best_topic(ix, m, e).map(|(t, _)| t)))
        .collect();
    links.extend(ix.locks.iter().map(Link::locked));
    let blocking = blocking_pairs(ix, prefs, &links);
    (links, blocking)
}

/// Pairs (mentor, mentee) who both prefer each other to what they have: the mentee ranks the
/// mentor above their current one (or has none), and the mentor has room or ranks the mentee
/// above one of theirs.
pub fn blocking_pairs(ix: &Index, prefs: &Preferences, links: &[Link]) -> Vec<(Person, Person)> {
    let n = ix.len();
    let mut mentor_of: Vec<Option<Person>> = vec![None; n];
    let mut worst: Vec<Option<Rank>> = vec![None; n];
    let mut load = vec![0u32; n];
    for l in links {
        mentor_of[l.mentee as usize] = Some(l.mentor);
        load[l.mentor as usize] += 1;
        let rank = (
            prefs.score(l.mentee, l.mentor).unwrap_or(0),
            Reverse(l.mentee),
        );
        let w = &mut worst[l.mentor as usize];
        *w = Some(w.map_or(rank, |x: Rank| x.min(rank)));
    }
    let mut out = Vec::new();
    for e in 0..n as Person {
        let list = &prefs.lists[e as usize];
        let limit = match mentor_of[e as usize] {
            Some(m) => prefs.place(e, m).unwrap_or(list.len()),
            None => list.len(),
        };
        for &(m, s) in &list[..limit] {
            let has_room = load[m as usize] < ix.capacity[m as usize];
            let prefers_e = worst[m as usize].is_some_and(|w| w < (s, Reverse(e)));
            if has_room || prefers_e {
                out.push((m, e));
            }
        }
    }
    out.sort_unstable();
    out
}
