//! `mutual` mode: pairs in which each teaches the other (seed 001's reciprocity), as a
//! maximum-weight matching on a general graph.
//!
//! An edge joins a and b when a can mentor b (a teaches a deficit of b's and the status rule
//! holds) and b can teach a something back (no status rule: the young bring digital skills,
//! the experienced bring method). If both directions pass the rule, the better-scoring one is
//! the pair's primary direction. People in a locked pair are left out of the graph.

use std::cmp::Reverse;

use super::Link;
use super::blossom::max_weight_matching;
use super::index::{Index, Person, TopicIx};
use super::score::{Marks, best_topic, deficit_points, for_each_candidate};

/// One possible mutual pair.
#[derive(Debug, Clone, Copy)]
pub struct Edge {
    pub mentor: Person,
    pub mentee: Person,
    pub topic: TopicIx,
    pub back: TopicIx,
    pub score: i64,
}

impl Edge {
    fn ends(&self) -> (Person, Person) {
        (self.mentor.min(self.mentee), self.mentor.max(self.mentee))
    }
}

pub struct Built {
    /// Sorted by (lower person, higher person).
    pub edges: Vec<Edge>,
    /// Graph node → person; persons with at least one edge, in case order.
    pub nodes: Vec<Person>,
    node_of: Vec<u32>,
    /// Edge indices at each person.
    pub at: Vec<Vec<u32>>,
    pub big: i64,
}

pub fn build(ix: &Index) -> Built {
    let n = ix.len();
    let mut in_lock = vec![false; n];
    for l in &ix.locks {
        in_lock[l.mentor as usize] = true;
        in_lock[l.mentee as usize] = true;
    }
    let mut edges = Vec::new();
    let mut marks = Marks::new(n);
    for e in (0..n as Person).filter(|&e| !in_lock[e as usize]) {
        for_each_candidate(ix, e, &mut marks, |m, topic, s| {
            if in_lock[m as usize] || ix.pair_forbidden(m, e) {
                return;
            }
            if let Some((back, rank)) = best_topic(ix, e, m) {
                let score = s + deficit_points(rank);
                edges.push(Edge {
                    mentor: m,
                    mentee: e,
                    topic,
                    back,
                    score,
                });
            }
        });
    }
    // Both directions may qualify: keep the better one (ties: the lower index mentors).
    edges.sort_by_key(|x| (x.ends(), Reverse(x.score), x.mentor));
    edges.dedup_by_key(|x| x.ends());
    let mut node_of = vec![u32::MAX; n];
    let mut at = vec![Vec::new(); n];
    for (k, x) in edges.iter().enumerate() {
        at[x.mentor as usize].push(k as u32);
        at[x.mentee as usize].push(k as u32);
    }
    let nodes: Vec<Person> = (0..n as Person)
        .filter(|&p| !at[p as usize].is_empty())
        .collect();
    for (i, &p) in nodes.iter().enumerate() {
        node_of[p as usize] = i as u32;
    }
    let max = edges.iter().map(|x| x.score).max().unwrap_or(0);
    let big = max * (nodes.len() as i64 / 2) + 1;
    Built {
        edges,
        nodes,
        node_of,
        at,
        big,
    }
}

impl Built {
    /// The weighted graph the matcher solves: node indices and `big + score`.
    pub fn weighted(&self) -> Vec<(u32, u32, i64)> {
        self.edges
            .iter()
            .map(|x| {
                let (a, b) = x.ends();
                (
                    self.node_of[a as usize],
                    self.node_of[b as usize],
                    self.big + x.score,
                )
            })
            .collect()
    }

    /// The chosen edges, by index.
    pub fn solve(&self) -> Vec<usize> {
        let weighted = self.weighted();
        let mate = max_weight_matching(self.nodes.len(), &weighted);
        let mut chosen = Vec::new();
        for (i, m) in mate.iter().enumerate() {
            let Some(j) = *m else { continue };
            if (i as u32) < j {
                let key = (self.nodes[i], self.nodes[j as usize]);
                let k = self
                    .edges
                    .binary_search_by_key(&key, Edge::ends)
                    .expect("matched edge exists");
                chosen.push(k);
            }
        }
        chosen
    }

    pub fn links(&self, chosen: &[usize]) -> Vec<Link> {
        chosen
            .iter()
            .map(|&k| {
                let x = &self.edges[k];
                let mut link = Link::new(x.mentor, x.mentee, Some(x.topic));
                link.back = Some(x.back);
                link
            })
            .collect()
    }

    /// Everyone `p` could form a mutual pair with, and the pair's score.
    pub fn partners(&self, p: Person) -> Vec<(Person, i64)> {
        self.at[p as usize]
            .iter()
            .map(|&k| {
                let x = &self.edges[k as usize];
                let other = if x.mentor == p { x.mentee } else { x.mentor };
                (other, x.score)
            })
            .collect()
    }
}
