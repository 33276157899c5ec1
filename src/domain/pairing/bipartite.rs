//! `one-to-one`, `group` and `network` modes: a b-matching of mentors to mentees.
//!
//! Columns are people as mentors (capacity 1 in one-to-one, their own capacity otherwise, less
//! what locks already use). Rows are what is to be served: each unlocked mentee in one-to-one
//! and group mode, each unlocked (mentee, deficit) in network mode. A row's edges are its
//! candidate mentors with the link's score.

use super::assign::{self, Bipartite, NONE, Solution};
use super::index::{Index, Person, TopicIx};
use super::score::{Marks, best_topic, for_each_candidate, for_each_topic_candidate};
use super::{Link, Mode};

/// The graph one of the three modes solves, with what its rows and columns stand for.
pub struct Built {
    pub graph: Bipartite,
    pub row_mentee: Vec<Person>,
    /// Network mode: the deficit each row stands for.
    pub row_topic: Vec<Option<TopicIx>>,
}

/// Mentor capacity left after the locks, per person.
pub fn room(ix: &Index, mode: Mode) -> Vec<u32> {
    let mut room: Vec<u32> = match mode {
        Mode::OneToOne => vec![1; ix.len()],
        _ => ix.capacity.clone(),
    };
    for l in &ix.locks {
        room[l.mentor as usize] = room[l.mentor as usize].saturating_sub(1);
    }
    room
}

/// The full candidate graph: every candidate edge of every row.
pub fn build(ix: &Index, mode: Mode) -> Built {
    let mut graph = Bipartite::new(room(ix, mode));
    let mut row_mentee = Vec::new();
    let mut row_topic = Vec::new();
    let mut edges: Vec<(u32, i32)> = Vec::new();
    let mut marks = Marks::new(ix.len());
    let mut push = |graph: &mut Bipartite, edges: &mut Vec<(u32, i32)>, e, t| {
        if !edges.is_empty() {
            edges.sort_unstable();
            graph.push_row(edges.drain(..));
            row_mentee.push(e);
            row_topic.push(t);
        }
    };
    for e in 0..ix.len() as Person {
        if mode == Mode::Network {
            for (rank, &t) in ix.lacks[e as usize].iter().enumerate() {
                if ix.slot_locked(e, t) {
                    continue;
                }
                for_each_topic_candidate(ix, e, t, rank as u32, |m, s| edges.push((m, s as i32)));
                push(&mut graph, &mut edges, e, Some(t));
            }
        } else if !ix.mentee_locked(e) {
            for_each_candidate(ix, e, &mut marks, |m, _, s| edges.push((m, s as i32)));
            push(&mut graph, &mut edges, e, None);
        }
    }
    Built {
        graph,
        row_mentee,
        row_topic,
    }
}

impl Built {
    pub fn solve(&self) -> Solution {
        let sol = assign::solve(&self.graph);
        debug_assert_eq!(sol.certify(&self.graph), Ok(()), "optimality certificate");
        sol
    }

    /// The solution's links (without the locks).
    pub fn links(&self, ix: &Index, sol: &Solution) -> Vec<Link> {
        sol.col_of
            .iter()
            .enumerate()
            .filter(|&(_, &c)| c != NONE)
            .map(|(r, &c)| {
                let (m, e) = (c, self.row_mentee[r]);
                let topic = self.row_topic[r].or_else(|| best_topic(ix, m, e).map(|(t, _)| t));
                Link::new(m, e, topic)
            })
            .collect()
    }
}
