//! Maximum-weight b-matching on a sparse bipartite graph: rows (mentees, or a mentee's
//! deficits) each take at most one column (a mentor); column j takes at most `cap[j]` rows.
//!
//! The method is the shortest augmenting path algorithm of Jonker–Volgenant for the
//! rectangular assignment problem, written for sparse rows and column capacities:
//!
//! * every row r gets a private dummy column ("r stays unmatched") with cost `penalty`; a real
//!   edge costs `-score`. Each row is assigned exactly once, so the total cost is
//!   `penalty × unmatched − score`, and with `penalty` above any possible total score the
//!   minimum is the lexicographic optimum: most rows matched, then the highest score;
//! * rows are inserted one at a time. Dijkstra on reduced costs (node potentials keep them
//!   non-negative) finds the cheapest alternating path from the new row to a column with room;
//!   the path is flipped and the potentials updated, so the assignment of the rows inserted so
//!   far stays optimal (the successive-shortest-path invariant of min-cost flow);
//! * Dijkstra stops at the first column with room it settles, and only settled nodes' potentials
//!   move, so an insertion costs what its search touched, not the whole graph;
//! * the cases are highly degenerate (many equal scores), so three prunings matter: a column
//!   with room found at the current frontier distance ends the search at once; nothing at or
//!   beyond the best column with room found so far is queued; and each row's edges are kept best
//!   first, so a row's scan stops at the first edge that cannot beat that bound (column
//!   potentials are never positive). Equal distances pop last-offered first, a depth-first walk
//!   through ties like LAPJVsp's `todo` stack.
//!
//! The final potentials are a dual certificate: [`Solution::certify`] checks reduced costs on
//! every edge, which the tests use to prove optimality, and the large-case pricing scheme uses
//! the same duals to price edges it never built.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// Marks a row with no column (yet), or a dummy column in `pred`.
pub const NONE: u32 = u32::MAX;

/// A bipartite graph in compressed rows: row r's edges are `start[r]..start[r + 1]`.
#[derive(Debug, Clone, Default)]
pub struct Bipartite {
    pub cap: Vec<u32>,
    pub start: Vec<usize>,
    pub col: Vec<u32>,
    pub score: Vec<i32>,
}

impl Bipartite {
    pub fn new(cap: Vec<u32>) -> Bipartite {
        Bipartite {
            cap,
            start: vec![0],
            col: Vec::new(),
            score: Vec::new(),
        }
    }

    pub fn rows(&self) -> usize {
        self.start.len() - 1
    }

    pub fn cols(&self) -> usize {
        self.cap.len()
    }

    pub fn edge_count(&self) -> usize {
        self.col.len()
    }

    /// Appends a row with the given edges (each column at most once). They are kept best
    /// first (score descending, then column), which lets a search stop scanning a row early.
    pub fn push_row(&mut self, edges: impl IntoIterator<Item = (u32, i32)>) {
        let mut row: Vec<(i32, u32)> = edges.into_iter().map(|(c, s)| (-s, c)).collect();
        row.sort_unstable();
        for (s, c) in row {
            self.col.push(c);
            self.score.push(-s);
        }
        self.start.push(self.col.len());
    }

    pub fn row(&self, r: usize) -> (&[u32], &[i32]) {
        let range = self.start[r]..self.start[r + 1];
        (&self.col[range.clone()], &self.score[range])
    }

    pub fn max_score(&self) -> i64 {
        self.score.iter().copied().max().map_or(0, i64::from)
    }

    /// A penalty for an unmatched row that outweighs any total score: the lexicographic weight.
    pub fn penalty(&self) -> i64 {
        let slots: u64 = self.cap.iter().map(|&c| u64::from(c)).sum();
        let matchable = slots.min(self.rows() as u64) as i64;
        self.max_score() * matchable + 1
    }
}

/// An optimal assignment and the potentials that prove it.
#[derive(Debug, Clone)]
pub struct Solution {
    /// The column of each row, or [`NONE`].
    pub col_of: Vec<u32>,
    /// Row potentials (reduced cost of r→j is `-score + row_pot[r] - col_pot[j]`).
    pub row_pot: Vec<i64>,
    /// Column potentials; entries past the real columns belong to the rows' dummies.
    pub col_pot: Vec<i64>,
    pub penalty: i64,
}

impl Solution {
    pub fn matched(&self) -> usize {
        self.col_of.iter().filter(|&&c| c != NONE).count()
    }

    pub fn total_score(&self, g: &Bipartite) -> i64 {
        (0..g.rows())
            .filter_map(|r| self.score_of(g, r))
            .map(i64::from)
            .sum()
    }

    /// The score of row r's edge in the solution.
    pub fn score_of(&self, g: &Bipartite, r: usize) -> Option<i32> {
        let c = self.col_of[r];
        let (cols, scores) = g.row(r);
        (c != NONE).then(|| scores[cols.iter().position(|&x| x == c).expect("assigned edge")])
    }

    /// Checks the optimality certificate: capacities hold, every residual edge has a
    /// non-negative reduced cost and columns with room sit at potential zero. Returns the
    /// first violation found.
    pub fn certify(&self, g: &Bipartite) -> Result<(), String> {
        let cols = g.cols();
        let mut load = vec![0u32; cols];
        for (r, &c) in self.col_of.iter().enumerate() {
            let dummy = cols + r;
            let (cs, ss) = g.row(r);
            let mut assigned_rc = None;
            let edges = cs
                .iter()
                .zip(ss)
                .map(|(&j, &s)| (j as usize, -i64::from(s)));
            for (j, cost) in edges.chain([(dummy, self.penalty)]) {
                let rc = cost + self.row_pot[r] - self.col_pot[j];
                let on_it = if c == NONE {
                    j == dummy
                } else {
                    j == c as usize
                };
                if on_it {
                    assigned_rc = Some(rc);
                } else if rc < 0 {
                    return Err(format!("row {r} → column {j}: reduced cost {rc}"));
                }
            }
            match assigned_rc {
                None => return Err(format!("row {r}: assigned to a column it has no edge to")),
                Some(rc) if rc > 0 => {
                    return Err(format!("row {r}: assigned edge has reduced cost {rc}"));
                }
                _ => {}
            }
            if c != NONE {
                load[c as usize] += 1;
            }
        }
        for (j, (&l, &c)) in load.iter().zip(&g.cap).enumerate() {
            if l > c {
                return Err(format!("column {j} over capacity"));
            }
            // Columns with room connect to the sink (potential 0) and full ones come back from
            // it, so room needs potential 0 and a full column one of at most 0.
            if (l < c && self.col_pot[j] != 0) || self.col_pot[j] > 0 {
                return Err(format!(
                    "column {j}: load {l}/{c}, potential {}",
                    self.col_pot[j]
                ));
            }
        }
        Ok(())
    }
}

/// The solver's working state; kept between calls so a caller can insert rows in batches.
pub struct Solver {
    cols: usize,
    penalty: i64,
    col_of: Vec<u32>,
    /// Cost of each row's current edge (`-score`, or `penalty` for the dummy).
    cost_of: Vec<i64>,
    row_pot: Vec<i64>,
    col_pot: Vec<i64>,
    load: Vec<u32>,
    members: Vec<Vec<u32>>,
    dist: Vec<i64>,
    pred: Vec<u32>,
    pred_cost: Vec<i64>,
    seen: Vec<u32>,
    done: Vec<u32>,
    epoch: u32,
    /// (distance, -push order, column): among equal distances the latest offer comes first,
    /// a depth-first walk through ties as in LAPJVsp's `todo` stack.
    heap: BinaryHeap<Reverse<(i64, u64, u32)>>,
    pushes: u64,
    settled_cols: Vec<u32>,
    settled_rows: Vec<(u32, i64)>,
    /// The cheapest column with room offered so far in this search: (distance, column).
    best_end: (i64, usize),
}

/// Solves `g` from scratch.
pub fn solve(g: &Bipartite) -> Solution {
    let mut s = Solver::new(g, g.penalty());
    for r in 0..g.rows() {
        s.insert(g, r);
    }
    s.into_solution()
}

impl Solver {
    pub fn new(g: &Bipartite, penalty: i64) -> Solver {
        let cols = g.cols();
        let rows = g.rows();
        let all = cols + rows;
        Solver {
            cols,
            penalty,
            col_of: vec![NONE; rows],
            cost_of: vec![0; rows],
            row_pot: vec![0; rows],
            col_pot: vec![0; all],
            load: vec![0; cols],
            members: vec![Vec::new(); cols],
            dist: vec![0; all],
            pred: vec![NONE; all],
            pred_cost: vec![0; all],
            seen: vec![0; all],
            done: vec![0; all],
            epoch: 0,
            heap: BinaryHeap::new(),
            pushes: 0,
            settled_cols: Vec::new(),
            settled_rows: Vec::new(),
            best_end: (i64::MAX, usize::MAX),
        }
    }

    pub fn into_solution(self) -> Solution {
        let cols = self.cols;
        Solution {
            col_of: self
                .col_of
                .iter()
                .map(|&c| if (c as usize) < cols { c } else { NONE })
                .collect(),
            row_pot: self.row_pot,
            col_pot: self.col_pot,
            penalty: self.penalty,
        }
    }

    fn dummy(&self, r: usize) -> usize {
        self.cols + r
    }

    fn has_room(&self, g: &Bipartite, j: usize) -> bool {
        // A dummy column is reachable only from its own row, which is then not on it.
        j >= self.cols || self.load[j] < g.cap[j]
    }

    /// Inserts row r: finds the cheapest augmenting path and flips it.
    pub fn insert(&mut self, g: &Bipartite, r: usize) {
        self.epoch += 1;
        self.heap.clear();
        self.settled_cols.clear();
        self.settled_rows.clear();
        self.best_end = (i64::MAX, usize::MAX);
        let (cs, ss) = g.row(r);
        let dummy = self.dummy(r);
        // A potential that makes every edge out of r non-negative.
        let mut pot = self.col_pot[dummy] - self.penalty;
        for (&c, &s) in cs.iter().zip(ss) {
            pot = pot.max(self.col_pot[c as usize] + i64::from(s));
        }
        self.row_pot[r] = pot;
        let (end, total) = match self.relax(g, r, 0, 0) {
            Some(j) => (j, 0),
            None => self.search(g),
        };
        self.update_potentials(r, total);
        self.augment(r, end);
    }

    /// Dijkstra from the offers made so far, until a column with room is the closest node.
    fn search(&mut self, g: &Bipartite) -> (usize, i64) {
        while let Some(Reverse((d, _, j))) = self.heap.pop() {
            if d >= self.best_end.0 {
                break;
            }
            let j = j as usize;
            if self.done[j] == self.epoch || d > self.dist[j] {
                continue;
            }
            self.done[j] = self.epoch;
            self.settled_cols.push(j as u32);
            for k in 0..self.members[j].len() {
                let row = self.members[j][k] as usize;
                let dr = d - self.cost_of[row] + self.col_pot[j] - self.row_pot[row];
                self.settled_rows.push((row as u32, dr));
                if let Some(end) = self.relax(g, row, dr, d) {
                    return (end, d);
                }
            }
        }
        let (d, j) = self.best_end;
        (j, d)
    }

    /// Offers every residual edge out of `row` (reached at distance `d`) and keeps the
    /// cheapest column with room. Returns a column with room reached at `frontier`, the
    /// smallest distance still to settle: no path can be shorter, so the search stops there
    /// (ties between equal scores make this the common case).
    fn relax(&mut self, g: &Bipartite, row: usize, d: i64, frontier: i64) -> Option<usize> {
        let (cs, ss) = g.row(row);
        let here = self.col_of[row] as usize;
        let base = d + self.row_pot[row];
        for (&c, &s) in cs.iter().zip(ss) {
            let cost = -i64::from(s);
            // Column potentials are never positive, so `base + cost` bounds this edge's
            // distance from below, and the later (costlier) edges' too.
            if base + cost >= self.best_end.0 {
                break;
            }
            let j = c as usize;
            if j != here && self.offer(g, j, row, cost, base, frontier) {
                return Some(j);
            }
        }
        let dummy = self.dummy(row);
        if dummy != here && self.offer(g, dummy, row, self.penalty, base, frontier) {
            return Some(dummy);
        }
        None
    }

    /// Offers column j at `base + cost` (reduced). Nodes no nearer than the best column with
    /// room are never needed and are not queued. True if j has room at `frontier`.
    fn offer(
        &mut self,
        g: &Bipartite,
        j: usize,
        row: usize,
        cost: i64,
        base: i64,
        frontier: i64,
    ) -> bool {
        let nd = base + cost - self.col_pot[j];
        if nd >= self.best_end.0
            || self.done[j] == self.epoch
            || (self.seen[j] == self.epoch && nd >= self.dist[j])
        {
            return false;
        }
        self.seen[j] = self.epoch;
        self.dist[j] = nd;
        self.pred[j] = row as u32;
        self.pred_cost[j] = cost;
        if self.has_room(g, j) {
            self.best_end = (nd, j);
            return nd <= frontier;
        }
        self.pushes += 1;
        self.heap
            .push(Reverse((nd, u64::MAX - self.pushes, j as u32)));
        false
    }

    /// π ← π + min(d, D) − D: only nodes the search settled move, and reduced costs of every
    /// residual edge stay non-negative.
    fn update_potentials(&mut self, r: usize, total: i64) {
        for &j in &self.settled_cols {
            let j = j as usize;
            self.col_pot[j] += self.dist[j] - total;
        }
        for &(row, d) in &self.settled_rows {
            self.row_pot[row as usize] += d.min(total) - total;
        }
        self.row_pot[r] -= total;
    }

    fn augment(&mut self, r: usize, end: usize) {
        let mut j = end;
        loop {
            let row = self.pred[j] as usize;
            let prev = self.col_of[row];
            self.col_of[row] = j as u32;
            self.cost_of[row] = self.pred_cost[j];
            if j < self.cols {
                self.members[j].push(row as u32);
                self.load[j] += 1;
            }
            if row == r {
                break;
            }
            let prev = prev as usize;
            if prev < self.cols {
                let list = &mut self.members[prev];
                let at = list
                    .iter()
                    .position(|&x| x as usize == row)
                    .expect("member");
                list.swap_remove(at);
                self.load[prev] -= 1;
            }
            j = prev;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::synth::Rng;

    /// Random sparse graph: `rows` rows, `cols` columns with capacity 1..=3.
    fn random(rng: &mut Rng, rows: usize, cols: usize, density: u32) -> Bipartite {
        let mut g = Bipartite::new((0..cols).map(|_| rng.range(1, 3)).collect());
        for _ in 0..rows {
            let mut edges = Vec::new();
            for c in 0..cols as u32 {
                if rng.chance(density) {
                    edges.push((c, rng.range(100, 700) as i32));
                }
            }
            g.push_row(edges);
        }
        g
    }

    /// (matched, score) of the best b-matching, by trying everything.
    fn brute(g: &Bipartite, r: usize, room: &mut Vec<u32>) -> (usize, i64) {
        if r == g.rows() {
            return (0, 0);
        }
        let mut best = brute(g, r + 1, room);
        let (cs, ss) = g.row(r);
        for (&c, &s) in cs.iter().zip(ss) {
            if room[c as usize] > 0 {
                room[c as usize] -= 1;
                let (m, w) = brute(g, r + 1, room);
                best = best.max((m + 1, w + i64::from(s)));
                room[c as usize] += 1;
            }
        }
        best
    }

    #[test]
    fn matches_brute_force_and_certifies() {
        let mut rng = Rng::new(7);
        for round in 0..300 {
            let rows = rng.range(1, 7) as usize;
            let cols = rng.range(1, 5) as usize;
            let density = rng.range(20, 90);
            let g = random(&mut rng, rows, cols, density);
            let sol = solve(&g);
            sol.certify(&g)
                .unwrap_or_else(|e| panic!("round {round}: {e}"));
            let want = brute(&g, 0, &mut g.cap.clone());
            assert_eq!((sol.matched(), sol.total_score(&g)), want, "round {round}");
        }
    }

    #[test]
    fn larger_graphs_certify() {
        let mut rng = Rng::new(11);
        for _ in 0..5 {
            let g = random(&mut rng, 300, 200, 5);
            let sol = solve(&g);
            sol.certify(&g).unwrap();
        }
    }

    #[test]
    fn a_full_column_is_traded_for_more_matches() {
        // Row 0 prefers column 0, but only row 1 can use column 0 and row 0 also fits column 1:
        // the optimum matches both, even though row 0 loses its best edge.
        let mut g = Bipartite::new(vec![1, 1]);
        g.push_row([(0, 700), (1, 100)]);
        g.push_row([(0, 100)]);
        let sol = solve(&g);
        assert_eq!(sol.col_of, vec![1, 0]);
        sol.certify(&g).unwrap();
    }
}
