//! Maximum-weight matching on a general graph: Edmonds' blossom algorithm in the primal-dual
//! form of Galil ("Efficient algorithms for finding maximum matching in graphs", ACM Computing
//! Surveys, 1986), the same method as Van Rantwijk's `mwmatching` and networkx.
//!
//! Integer weights only: dual variables are stored doubled so every quantity stays an integer.
//! Stages find one augmenting path each; within a stage, labels grow alternating trees from
//! every single vertex over zero-slack edges, odd cycles of S-vertices shrink into blossoms,
//! and when no tight edge is left the duals move by the smallest of the four deltas.
//!
//! Vertices are `0..n`; blossoms `n..2n`. Edge k has endpoints `2k` and `2k + 1`.

const NONE: usize = usize::MAX;
const FREE: u8 = 0;
const S: u8 = 1;
const T: u8 = 2;
const CRUMB: u8 = 4;

/// Returns `mate`: `mate[v]` is v's partner, or `None`.
pub fn max_weight_matching(n: usize, edges: &[(u32, u32, i64)]) -> Vec<Option<u32>> {
    if edges.is_empty() || n == 0 {
        return vec![None; n];
    }
    let mut m = Matcher::new(n, edges);
    m.run();
    (0..n)
        .map(|v| (m.mate[v] != NONE).then(|| m.endpoint[m.mate[v]] as u32))
        .collect()
}

struct Matcher<'e> {
    n: usize,
    edges: &'e [(u32, u32, i64)],
    endpoint: Vec<usize>,
    /// Remote endpoints of the edges at each vertex.
    neighbend: Vec<Vec<usize>>,
    /// The remote endpoint of v's matched edge.
    mate: Vec<usize>,
    label: Vec<u8>,
    labelend: Vec<usize>,
    inblossom: Vec<usize>,
    blossomparent: Vec<usize>,
    blossomchilds: Vec<Vec<usize>>,
    blossombase: Vec<usize>,
    blossomendps: Vec<Vec<usize>>,
    bestedge: Vec<usize>,
    blossombestedges: Vec<Option<Vec<usize>>>,
    unusedblossoms: Vec<usize>,
    /// 2·u(v) for vertices, z(b) for blossoms.
    dualvar: Vec<i64>,
    /// `allowed[k] == stage` marks a zero-slack edge in the current stage.
    allowed: Vec<u32>,
    stage: u32,
    queue: Vec<usize>,
}

impl<'e> Matcher<'e> {
    fn new(n: usize, edges: &'e [(u32, u32, i64)]) -> Matcher<'e> {
        let maxweight = edges.iter().map(|e| e.2).max().unwrap_or(0).max(0);
        let mut endpoint = Vec::with_capacity(2 * edges.len());
        let mut neighbend = vec![Vec::new(); n];
        for (k, &(i, j, _)) in edges.iter().enumerate() {
            endpoint.push(i as usize);
            endpoint.push(j as usize);
            neighbend[i as usize].push(2 * k + 1);
            neighbend[j as usize].push(2 * k);
        }
        let mut dualvar = vec![maxweight; n];
        dualvar.extend(std::iter::repeat_n(0, n));
        let mut blossombase: Vec<usize> = (0..n).collect();
        blossombase.extend(std::iter::repeat_n(NONE, n));
        Matcher {
            n,
            edges,
            endpoint,
            neighbend,
            mate: vec![NONE; n],
            label: vec![FREE; 2 * n],
            labelend: vec![NONE; 2 * n],
            inblossom: (0..n).collect(),
            blossomparent: vec![NONE; 2 * n],
            blossomchilds: vec![Vec::new(); 2 * n],
            blossombase,
            blossomendps: vec![Vec::new(); 2 * n],
            bestedge: vec![NONE; 2 * n],
            blossombestedges: vec![None; 2 * n],
            unusedblossoms: (n..2 * n).rev().collect(),
            dualvar,
            allowed: vec![0; edges.len()],
            stage: 0,
            queue: Vec::new(),
        }
    }

    /// Twice the slack of edge k (valid between different top-level blossoms).
    fn slack(&self, k: usize) -> i64 {
        let (i, j, w) = self.edges[k];
        self.dualvar[i as usize] + self.dualvar[j as usize] - 2 * w
    }

    fn leaves(&self, b: usize, out: &mut Vec<usize>) {
        if b < self.n {
            out.push(b);
        } else {
            for &c in &self.blossomchilds[b] {
                self.leaves(c, out);
            }
        }
    }

    fn leaves_of(&self, b: usize) -> Vec<usize> {
        let mut out = Vec::new();
        self.leaves(b, &mut out);
        out
    }

    fn is_allowed(&self, k: usize) -> bool {
        self.allowed[k] == self.stage
    }

    fn allow(&mut self, k: usize) {
        self.allowed[k] = self.stage;
    }

    /// Labels the top-level blossom of w with `t`, reached through remote endpoint p.
    fn assign_label(&mut self, w: usize, t: u8, p: usize) {
        let mut stack = vec![(w, t, p)];
        while let Some((w, t, p)) = stack.pop() {
            let b = self.inblossom[w];
            debug_assert!(self.label[w] == FREE && self.label[b] == FREE);
            self.label[w] = t;
            self.label[b] = t;
            self.labelend[w] = p;
            self.labelend[b] = p;
            self.bestedge[w] = NONE;
            self.bestedge[b] = NONE;
            if t == S {
                let leaves = self.leaves_of(b);
                self.queue.extend(leaves);
            } else {
                // A T-blossom's base has an external mate; that mate becomes S.
                let base = self.blossombase[b];
                let mate = self.mate[base];
                debug_assert!(mate != NONE);
                stack.push((self.endpoint[mate], S, mate ^ 1));
            }
        }
    }

    /// Traces back from v and w; returns the base of a new blossom, or NONE for an
    /// augmenting path.
    fn scan_blossom(&mut self, mut v: usize, mut w: usize) -> usize {
        let mut path = Vec::new();
        let mut base = NONE;
        while v != NONE || w != NONE {
            let mut b = self.inblossom[v];
            if self.label[b] & CRUMB != 0 {
                base = self.blossombase[b];
                break;
            }
            debug_assert_eq!(self.label[b], S);
            path.push(b);
            self.label[b] = S | CRUMB;
            if self.labelend[b] == NONE {
                v = NONE;
            } else {
                v = self.endpoint[self.labelend[b]];
                b = self.inblossom[v];
                debug_assert_eq!(self.label[b], T);
                v = self.endpoint[self.labelend[b]];
            }
            if w != NONE {
                std::mem::swap(&mut v, &mut w);
            }
        }
        for b in path {
            self.label[b] = S;
        }
        base
    }

    /// Shrinks the odd cycle through edge k and `base` into a new S-blossom.
    fn add_blossom(&mut self, base: usize, k: usize) {
        let (v, w, _) = self.edges[k];
        let bb = self.inblossom[base];
        let mut bv = self.inblossom[v as usize];
        let mut bw = self.inblossom[w as usize];
        let b = self.unusedblossoms.pop().expect("a free blossom number");
        self.blossombase[b] = base;
        self.blossomparent[b] = NONE;
        self.blossomparent[bb] = b;
        let mut path = Vec::new();
        let mut endps = Vec::new();
        while bv != bb {
            self.blossomparent[bv] = b;
            path.push(bv);
            endps.push(self.labelend[bv]);
            let v = self.endpoint[self.labelend[bv]];
            bv = self.inblossom[v];
        }
        path.push(bb);
        path.reverse();
        endps.reverse();
        endps.push(2 * k);
        while bw != bb {
            self.blossomparent[bw] = b;
            path.push(bw);
            endps.push(self.labelend[bw] ^ 1);
            let w = self.endpoint[self.labelend[bw]];
            bw = self.inblossom[w];
        }
        self.label[b] = S;
        self.labelend[b] = self.labelend[bb];
        self.dualvar[b] = 0;
        self.blossomchilds[b] = path.clone();
        self.blossomendps[b] = endps;
        for v in self.leaves_of(b) {
            if self.label[self.inblossom[v]] == T {
                // A T-vertex inside the new S-blossom becomes S and must be scanned.
                self.queue.push(v);
            }
            self.inblossom[v] = b;
        }
        self.best_edges_of_new_blossom(b, &path);
    }

    /// The least-slack edge from the new blossom to every other S-blossom.
    fn best_edges_of_new_blossom(&mut self, b: usize, path: &[usize]) {
        let mut bestedgeto = vec![NONE; 2 * self.n];
        for &bv in path {
            let lists: Vec<Vec<usize>> = match self.blossombestedges[bv].take() {
                Some(list) => vec![list],
                None => self
                    .leaves_of(bv)
                    .into_iter()
                    .map(|v| self.neighbend[v].iter().map(|p| p / 2).collect())
                    .collect(),
            };
            for list in lists {
                for k in list {
                    let (mut i, mut j, _) = self.edges[k];
                    if self.inblossom[j as usize] == b {
                        std::mem::swap(&mut i, &mut j);
                    }
                    let bj = self.inblossom[j as usize];
                    if bj != b
                        && self.label[bj] == S
                        && (bestedgeto[bj] == NONE || self.slack(k) < self.slack(bestedgeto[bj]))
                    {
                        bestedgeto[bj] = k;
                    }
                }
            }
            self.bestedge[bv] = NONE;
        }
        let list: Vec<usize> = bestedgeto.into_iter().filter(|&k| k != NONE).collect();
        self.bestedge[b] = NONE;
        for &k in &list {
            if self.bestedge[b] == NONE || self.slack(k) < self.slack(self.bestedge[b]) {
                self.bestedge[b] = k;
            }
        }
        self.blossombestedges[b] = Some(list);
    }

    /// Expands top-level blossom b into its sub-blossoms.
    fn expand_blossom(&mut self, b: usize, end_stage: bool) {
        for s in self.blossomchilds[b].clone() {
            self.blossomparent[s] = NONE;
            if s < self.n {
                self.inblossom[s] = s;
            } else if end_stage && self.dualvar[s] == 0 {
                self.expand_blossom(s, end_stage);
            } else {
                for v in self.leaves_of(s) {
                    self.inblossom[v] = s;
                }
            }
        }
        if !end_stage && self.label[b] == T {
            self.relabel_expanded_t_blossom(b);
        }
        self.label[b] = FREE;
        self.labelend[b] = NONE;
        self.blossomchilds[b].clear();
        self.blossomendps[b].clear();
        self.blossombase[b] = NONE;
        self.blossombestedges[b] = None;
        self.bestedge[b] = NONE;
        self.unusedblossoms.push(b);
    }

    /// Relabels the sub-blossoms of an expanding T-blossom along the path from its entry
    /// child to its base, and marks the rest reachable where they are.
    fn relabel_expanded_t_blossom(&mut self, b: usize) {
        let childs = self.blossomchilds[b].clone();
        let endps = self.blossomendps[b].clone();
        let len = childs.len() as isize;
        let at = |j: isize| -> usize { j.rem_euclid(len) as usize };
        let entry = self.inblossom[self.endpoint[self.labelend[b] ^ 1]];
        let mut j = childs
            .iter()
            .position(|&c| c == entry)
            .expect("entry child") as isize;
        let (jstep, trick) = if j & 1 == 1 {
            j -= len;
            (1isize, 0usize)
        } else {
            (-1isize, 1usize)
        };
        let mut p = self.labelend[b];
        while j != 0 {
            let q = endps[at(j - trick as isize)] ^ trick;
            self.label[self.endpoint[p ^ 1]] = FREE;
            self.label[self.endpoint[q ^ 1]] = FREE;
            self.assign_label(self.endpoint[p ^ 1], T, p);
            self.allow(q / 2);
            j += jstep;
            p = endps[at(j - trick as isize)] ^ trick;
            self.allow(p / 2);
            j += jstep;
        }
        let bv = childs[at(j)];
        let v = self.endpoint[p ^ 1];
        self.label[v] = T;
        self.label[bv] = T;
        self.labelend[v] = p;
        self.labelend[bv] = p;
        self.bestedge[bv] = NONE;
        j += jstep;
        while childs[at(j)] != entry {
            let bv = childs[at(j)];
            j += jstep;
            if self.label[bv] == S {
                continue;
            }
            let reached = self
                .leaves_of(bv)
                .into_iter()
                .find(|&v| self.label[v] != FREE);
            if let Some(v) = reached {
                debug_assert_eq!(self.label[v], T);
                self.label[v] = FREE;
                let mate_end = self.mate[self.blossombase[bv]];
                self.label[self.endpoint[mate_end]] = FREE;
                let le = self.labelend[v];
                self.assign_label(v, T, le);
            }
        }
    }

    /// Flips matched and unmatched edges along the path inside blossom b from v to its base.
    fn augment_blossom(&mut self, b: usize, v: usize) {
        let mut t = v;
        while self.blossomparent[t] != b {
            t = self.blossomparent[t];
        }
        if t >= self.n {
            self.augment_blossom(t, v);
        }
        let len = self.blossomchilds[b].len() as isize;
        let at = |j: isize| -> usize { j.rem_euclid(len) as usize };
        let i = self.blossomchilds[b]
            .iter()
            .position(|&c| c == t)
            .expect("child") as isize;
        let mut j = i;
        let (jstep, trick) = if i & 1 == 1 {
            j -= len;
            (1isize, 0usize)
        } else {
            (-1isize, 1usize)
        };
        while j != 0 {
            j += jstep;
            let t = self.blossomchilds[b][at(j)];
            let p = self.blossomendps[b][at(j - trick as isize)] ^ trick;
            if t >= self.n {
                self.augment_blossom(t, self.endpoint[p]);
            }
            j += jstep;
            let t = self.blossomchilds[b][at(j)];
            if t >= self.n {
                self.augment_blossom(t, self.endpoint[p ^ 1]);
            }
            self.mate[self.endpoint[p]] = p ^ 1;
            self.mate[self.endpoint[p ^ 1]] = p;
        }
        let i = i as usize;
        self.blossomchilds[b].rotate_left(i);
        self.blossomendps[b].rotate_left(i);
        self.blossombase[b] = self.blossombase[self.blossomchilds[b][0]];
        debug_assert_eq!(self.blossombase[b], v);
    }

    /// Augments along the path through edge k, which joins two S-vertices of different trees.
    fn augment_matching(&mut self, k: usize) {
        let (v, w, _) = self.edges[k];
        for (s, p) in [(v as usize, 2 * k + 1), (w as usize, 2 * k)] {
            let (mut s, mut p) = (s, p);
            loop {
                let bs = self.inblossom[s];
                debug_assert_eq!(self.label[bs], S);
                if bs >= self.n {
                    self.augment_blossom(bs, s);
                }
                self.mate[s] = p;
                if self.labelend[bs] == NONE {
                    break;
                }
                let t = self.endpoint[self.labelend[bs]];
                let bt = self.inblossom[t];
                debug_assert_eq!(self.label[bt], T);
                s = self.endpoint[self.labelend[bt]];
                let j = self.endpoint[self.labelend[bt] ^ 1];
                if bt >= self.n {
                    self.augment_blossom(bt, j);
                }
                self.mate[j] = self.labelend[bt];
                p = self.labelend[bt] ^ 1;
            }
        }
    }

    fn run(&mut self) {
        for _ in 0..self.n {
            self.stage += 1;
            self.label.iter_mut().for_each(|l| *l = FREE);
            self.bestedge.iter_mut().for_each(|e| *e = NONE);
            for b in self.n..2 * self.n {
                self.blossombestedges[b] = None;
            }
            self.queue.clear();
            for v in 0..self.n {
                if self.mate[v] == NONE && self.label[self.inblossom[v]] == FREE {
                    self.assign_label(v, S, NONE);
                }
            }
            if !self.substages() {
                break;
            }
            // End of a stage: expand S-blossoms whose dual reached zero.
            for b in self.n..2 * self.n {
                if self.blossomparent[b] == NONE
                    && self.blossombase[b] != NONE
                    && self.label[b] == S
                    && self.dualvar[b] == 0
                {
                    self.expand_blossom(b, true);
                }
            }
        }
    }

    /// Grows trees and adjusts duals until an augmentation; false when the optimum is reached.
    fn substages(&mut self) -> bool {
        loop {
            if self.grow() {
                return true;
            }
            match self.delta() {
                Delta::Done => return false,
                Delta::Edge(k) => {
                    self.allow(k);
                    let (i, j, _) = self.edges[k];
                    let i = if self.label[self.inblossom[i as usize]] == FREE {
                        j
                    } else {
                        i
                    };
                    self.queue.push(i as usize);
                }
                Delta::Blossom(b) => self.expand_blossom(b, false),
            }
        }
    }

    /// Scans S-vertices from the queue; true if the matching was augmented.
    fn grow(&mut self) -> bool {
        while let Some(v) = self.queue.pop() {
            debug_assert_eq!(self.label[self.inblossom[v]], S);
            for idx in 0..self.neighbend[v].len() {
                let p = self.neighbend[v][idx];
                let k = p / 2;
                let w = self.endpoint[p];
                if self.inblossom[v] == self.inblossom[w] {
                    continue;
                }
                let mut kslack = 0;
                if !self.is_allowed(k) {
                    kslack = self.slack(k);
                    if kslack <= 0 {
                        self.allow(k);
                    }
                }
                let bw = self.inblossom[w];
                if self.is_allowed(k) {
                    if self.label[bw] == FREE {
                        self.assign_label(w, T, p ^ 1);
                    } else if self.label[bw] == S {
                        let base = self.scan_blossom(v, w);
                        if base != NONE {
                            self.add_blossom(base, k);
                        } else {
                            self.augment_matching(k);
                            return true;
                        }
                    } else if self.label[w] == FREE {
                        debug_assert_eq!(self.label[bw], T);
                        self.label[w] = T;
                        self.labelend[w] = p ^ 1;
                    }
                } else if self.label[bw] == S {
                    let b = self.inblossom[v];
                    if self.bestedge[b] == NONE || kslack < self.slack(self.bestedge[b]) {
                        self.bestedge[b] = k;
                    }
                } else if self.label[w] == FREE
                    && (self.bestedge[w] == NONE || kslack < self.slack(self.bestedge[w]))
                {
                    self.bestedge[w] = k;
                }
            }
        }
        false
    }

    /// Computes the smallest dual change, applies it, and says what to do next.
    fn delta(&mut self) -> Delta {
        let n = self.n;
        // delta1: the smallest vertex dual (single vertices all share it).
        let mut delta = self.dualvar[..n].iter().copied().min().unwrap_or(0);
        let mut action = Delta::Done;
        for v in 0..n {
            if self.label[self.inblossom[v]] == FREE && self.bestedge[v] != NONE {
                let d = self.slack(self.bestedge[v]);
                if d < delta {
                    delta = d;
                    action = Delta::Edge(self.bestedge[v]);
                }
            }
        }
        for b in 0..2 * n {
            if self.blossomparent[b] == NONE && self.label[b] == S && self.bestedge[b] != NONE {
                let s = self.slack(self.bestedge[b]);
                debug_assert_eq!(s % 2, 0, "integer weights keep S–S slacks even");
                let d = s / 2;
                if d < delta {
                    delta = d;
                    action = Delta::Edge(self.bestedge[b]);
                }
            }
        }
        for b in n..2 * n {
            if self.blossombase[b] != NONE
                && self.blossomparent[b] == NONE
                && self.label[b] == T
                && self.dualvar[b] < delta
            {
                delta = self.dualvar[b];
                action = Delta::Blossom(b);
            }
        }
        for v in 0..n {
            match self.label[self.inblossom[v]] {
                S => self.dualvar[v] -= delta,
                T => self.dualvar[v] += delta,
                _ => {}
            }
        }
        for b in n..2 * n {
            if self.blossombase[b] != NONE && self.blossomparent[b] == NONE {
                match self.label[b] {
                    S => self.dualvar[b] += delta,
                    T => self.dualvar[b] -= delta,
                    _ => {}
                }
            }
        }
        action
    }
}

enum Delta {
    Done,
    Edge(usize),
    Blossom(usize),
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::synth::Rng;

    fn brute(n: usize, edges: &[(u32, u32, i64)], v: usize, used: &mut Vec<bool>) -> i64 {
        let Some(v) = (v..n).find(|&x| !used[x]) else {
            return 0;
        };
        used[v] = true;
        let mut best = brute(n, edges, v + 1, used);
        for &(a, b, w) in edges {
            let (a, b) = (a as usize, b as usize);
            let other = if a == v {
                b
            } else if b == v {
                a
            } else {
                continue;
            };
            if !used[other] {
                used[other] = true;
                best = best.max(w + brute(n, edges, v + 1, used));
                used[other] = false;
            }
        }
        used[v] = false;
        best
    }

    fn weight(edges: &[(u32, u32, i64)], mate: &[Option<u32>]) -> i64 {
        let mut total = 0;
        for (v, m) in mate.iter().enumerate() {
            if let Some(w) = m {
                assert_eq!(mate[*w as usize], Some(v as u32), "mate is symmetric");
                if (v as u32) < *w {
                    let e = edges
                        .iter()
                        .find(|e| (e.0 == v as u32 && e.1 == *w) || (e.1 == v as u32 && e.0 == *w))
                        .expect("matched along an edge");
                    total += e.2;
                }
            }
        }
        total
    }

    #[test]
    fn matches_brute_force_on_random_graphs() {
        let mut rng = Rng::new(3);
        for round in 0..600 {
            let n = rng.range(2, 10) as usize;
            let density = rng.range(20, 90);
            let mut edges = Vec::new();
            for a in 0..n as u32 {
                for b in a + 1..n as u32 {
                    if rng.chance(density) {
                        edges.push((a, b, i64::from(rng.range(1, 30))));
                    }
                }
            }
            let mate = max_weight_matching(n, &edges);
            let want = brute(n, &edges, 0, &mut vec![false; n]);
            assert_eq!(weight(&edges, &mate), want, "round {round}: {edges:?}");
        }
    }

    #[test]
    fn classic_blossom_cases() {
        // Van Rantwijk's tests: a blossom with a T-vertex expansion and nested blossoms.
        let e = [
            (1, 2, 9),
            (1, 3, 8),
            (2, 3, 10),
            (1, 4, 5),
            (4, 5, 4),
            (1, 6, 3),
        ];
        let mate = max_weight_matching(7, &e);
        assert_eq!(weight(&e, &mate), 3 + 10 + 4, "{mate:?}");
        let e = [
            (1, 2, 45),
            (1, 5, 45),
            (2, 3, 50),
            (3, 4, 45),
            (4, 5, 50),
            (1, 6, 30),
            (3, 9, 35),
            (4, 8, 35),
            (5, 7, 26),
            (9, 10, 5),
        ];
        let mate = max_weight_matching(11, &e);
        assert_eq!(weight(&e, &mate), brute(11, &e, 0, &mut vec![false; 11]));
    }
}
