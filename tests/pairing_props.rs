//! Property tests of the pairing engine against brute force on random small cases.
//!
//! The oracle here is written from the documented rules (docs/pairing.md) and shares no code
//! with the engine except the status rule itself: it scores links by the formula, enumerates
//! every feasible assignment or matching, and compares optima. It also checks every pair the
//! engine returns: the status rule, the topic, capacities, locks kept, forbidden pairs unused,
//! and, in choose mode, stability.

use std::collections::{BTreeSet, HashMap};

use proptest::prelude::*;

use revmap::domain::case::*;
use revmap::domain::pairing::{Mode, Objective, Overrides, Pairing, solve};
use revmap::domain::status::{Axis, Status};

const TOPICS: [&str; 4] = ["t0", "t1", "t2", "t3"];
const POSITIONS: [&str; 3] = ["teacher", "senior", "deputy"];

/// One random person: (age, experience in half-years, position, teaches, lacks, prefers, capacity).
type PersonSpec = (i32, u32, usize, Vec<usize>, Vec<usize>, Vec<usize>, u32);

fn person_spec(topics: usize, n: usize) -> impl Strategy<Value = PersonSpec> {
    (
        20i32..60,
        0u32..40,
        0usize..3,
        proptest::sample::subsequence((0..topics).collect::<Vec<_>>(), 0..=topics.min(3)),
        proptest::sample::subsequence((0..topics).collect::<Vec<_>>(), 0..=topics.min(3))
            .prop_shuffle(),
        proptest::collection::vec(0..n, 0..3),
        1u32..=3,
    )
}

#[derive(Debug, Clone)]
struct Spec {
    people: Vec<PersonSpec>,
    topics: usize,
    rule: usize,
    /// (mentor, mentee, topic or none) candidates for forbidding and locking.
    forbid: Vec<(usize, usize, Option<usize>)>,
    lock: Vec<(usize, usize)>,
}

fn spec(max_n: usize, max_topics: usize) -> impl Strategy<Value = Spec> {
    (2..=max_n, 1..=max_topics, 0usize..3).prop_flat_map(|(n, topics, rule)| {
        (
            proptest::collection::vec(person_spec(topics, n), n),
            proptest::collection::vec((0..n, 0..n, proptest::option::of(0..topics)), 0..3),
            proptest::collection::vec((0..n, 0..n), 0..3),
        )
            .prop_map(move |(people, forbid, lock)| Spec {
                people,
                topics,
                rule,
                forbid,
                lock,
            })
    })
}

fn rule(k: usize) -> StatusRule {
    match k {
        0 => StatusRule::default(),
        1 => StatusRule {
            age: Some(3),
            experience: None,
            position: Some(1),
            require: Require::All,
        },
        _ => StatusRule {
            age: None,
            experience: Some(2.0),
            position: None,
            require: Require::Any,
        },
    }
}

fn pid(i: usize) -> String {
    format!("p{i}")
}

/// Builds the case; locks are kept only where they are valid (the oracle decides validity
/// itself, so the engine's own checks are not trusted to filter them).
fn build(s: &Spec, mode: Mode) -> (Case, Overrides) {
    let participants = s
        .people
        .iter()
        .enumerate()
        .map(
            |(i, (age, exp, pos, teaches, lacks, prefers, cap))| Participant {
                id: pid(i),
                name: format!("P{i}"),
                surname: None,
                contacts: None,
                role: Role::Teacher,
                age: *age,
                experience: f64::from(*exp) / 2.0,
                position: POSITIONS[*pos].to_string(),
                organisation: None,
                teaches: teaches.iter().map(|&t| TOPICS[t].to_string()).collect(),
                lacks: lacks.iter().map(|&t| TOPICS[t].to_string()).collect(),
                prefers: prefers
                    .iter()
                    .filter(|&&j| j != i)
                    .map(|&j| pid(j))
                    .collect::<BTreeSet<_>>()
                    .into_iter()
                    .collect(),
                capacity: Some(*cap),
            },
        )
        .collect();
    let case = Case {
        version: CASE_VERSION,
        lang: "en".into(),
        title: "random".into(),
        narrative: String::new(),
        organisations: vec![],
        catalogue: Catalogue {
            directions: vec![Direction {
                id: "d".into(),
                name: "D".into(),
                topics: TOPICS[..s.topics]
                    .iter()
                    .map(|t| Topic {
                        id: t.to_string(),
                        name: t.to_uppercase(),
                        aliases: vec![],
                    })
                    .collect(),
            }],
            positions: POSITIONS
                .iter()
                .enumerate()
                .map(|(r, p)| Position {
                    id: p.to_string(),
                    name: p.to_string(),
                    rank: r as i32 + 1,
                    aliases: vec![],
                })
                .collect(),
            ..Catalogue::default()
        },
        status_rule: rule(s.rule),
        participants,
        resources: vec![],
        fixed_pairs: vec![],
        forbidden_pairs: vec![],
        agenda: vec![],
    };
    let forbidden: Vec<PairRef> = s
        .forbid
        .iter()
        .filter(|(a, b, _)| a != b)
        .map(|&(a, b, t)| PairRef {
            mentor: pid(a),
            mentee: pid(b),
            topic: t.map(|t| TOPICS[t].to_string()),
        })
        .collect();
    let only_forbidden = Overrides {
        locked: vec![],
        forbidden: forbidden.clone(),
    };
    let oracle = Oracle::new(&case, &only_forbidden);
    let mut locked: Vec<PairRef> = Vec::new();
    let mut used_mentor: HashMap<usize, u32> = HashMap::new();
    let mut used: BTreeSet<usize> = BTreeSet::new();
    for &(m, e) in &s.lock {
        let Some(t) = oracle.best_topic(m, e) else {
            continue;
        };
        if forbidden
            .iter()
            .any(|f| f.mentor == pid(m) && f.mentee == pid(e))
        {
            continue;
        }
        let cap = match mode {
            Mode::OneToOne | Mode::Mutual => 1,
            _ => oracle.cap[m],
        };
        let load = used_mentor.entry(m).or_insert(0);
        let person_busy = mode == Mode::Mutual && (used.contains(&m) || used.contains(&e));
        let mentee_busy = locked.iter().any(|l| {
            l.mentee == pid(e) && (mode != Mode::Network || l.topic.as_deref() == Some(TOPICS[t]))
        });
        if *load >= cap || person_busy || mentee_busy {
            continue;
        }
        *load += 1;
        used.insert(m);
        used.insert(e);
        locked.push(PairRef {
            mentor: pid(m),
            mentee: pid(e),
            topic: Some(TOPICS[t].to_string()),
        });
    }
    let ov = Overrides { locked, forbidden };
    (case, ov)
}

/// The rules, written out independently of the engine.
struct Oracle<'a> {
    case: &'a Case,
    cap: Vec<u32>,
    forbidden: &'a Overrides,
}

impl<'a> Oracle<'a> {
    fn new(case: &'a Case, ov: &'a Overrides) -> Oracle<'a> {
        Oracle {
            case,
            cap: case.participants.iter().map(|p| p.capacity()).collect(),
            forbidden: ov,
        }
    }

    fn p(&self, i: usize) -> &Participant {
        &self.case.participants[i]
    }

    fn is_forbidden(&self, m: usize, e: usize, t: &str) -> bool {
        self.forbidden.forbidden.iter().any(|f| {
            f.mentor == pid(m) && f.mentee == pid(e) && f.topic.as_deref().is_none_or(|x| x == t)
        })
    }

    fn pair_forbidden(&self, a: usize, b: usize) -> bool {
        self.forbidden.forbidden.iter().any(|f| {
            f.topic.is_none()
                && ((f.mentor == pid(a) && f.mentee == pid(b))
                    || (f.mentor == pid(b) && f.mentee == pid(a)))
        })
    }

    fn status_holds(&self, m: usize, e: usize) -> bool {
        let (sm, se) = (
            Status::of(self.case, self.p(m)),
            Status::of(self.case, self.p(e)),
        );
        self.case.status_rule.judge(sm, se).holds
    }

    /// docs/pairing.md: deficit + preference + reciprocity + gap.
    fn score(&self, m: usize, e: usize, rank: usize) -> i64 {
        let deficit = [500, 400, 300, 200, 100][rank.min(4)];
        let pref = self
            .p(e)
            .prefers
            .iter()
            .position(|x| *x == pid(m))
            .map_or(0, |k| [80, 60, 40, 20][k.min(3)]);
        let recip = if self
            .p(e)
            .teaches
            .iter()
            .any(|t| self.p(m).lacks.contains(t))
        {
            60
        } else {
            0
        };
        let v = self.case.status_rule.judge(
            Status::of(self.case, self.p(m)),
            Status::of(self.case, self.p(e)),
        );
        let gap: i64 = v
            .lower_on
            .iter()
            .map(|a| match a {
                Axis::Age => i64::from(v.gap.age).min(20),
                Axis::Experience => (i64::from(v.gap.experience_tenths) / 10).min(20),
                Axis::Position => (5 * i64::from(v.gap.rank)).min(20),
            })
            .sum();
        deficit + pref + recip + gap
    }

    /// Every allowed link m → e: (topic, rank, score), most pressing first.
    fn links(&self, m: usize, e: usize) -> Vec<(usize, usize, i64)> {
        if m == e || !self.status_holds(m, e) {
            return vec![];
        }
        self.p(e)
            .lacks
            .iter()
            .enumerate()
            .filter(|(_, t)| self.p(m).teaches.contains(t) && !self.is_forbidden(m, e, t))
            .map(|(rank, t)| {
                let ti = TOPICS.iter().position(|x| x == t).unwrap();
                (ti, rank, self.score(m, e, rank))
            })
            .collect()
    }

    fn best_topic(&self, m: usize, e: usize) -> Option<usize> {
        self.links(m, e).first().map(|l| l.0)
    }

    fn best(&self, m: usize, e: usize) -> Option<i64> {
        self.links(m, e).first().map(|l| l.2)
    }

    fn n(&self) -> usize {
        self.case.participants.len()
    }

    fn locks(&self, ov: &Overrides) -> Vec<(usize, usize, usize)> {
        let ix = |id: &str| id[1..].parse::<usize>().unwrap();
        ov.locked
            .iter()
            .map(|l| {
                let t = TOPICS
                    .iter()
                    .position(|x| Some(*x) == l.topic.as_deref())
                    .unwrap();
                (ix(&l.mentor), ix(&l.mentee), t)
            })
            .collect()
    }

    /// What the locks add; in mutual mode a locked pair also counts what the mentee teaches
    /// back, if anything.
    fn lock_value(&self, locks: &[(usize, usize, usize)], mode: Mode) -> Objective {
        let mut o = Objective::default();
        for &(m, e, t) in locks {
            let rank = self.p(e).lacks.iter().position(|x| x == TOPICS[t]).unwrap();
            o.served += 1;
            o.score += self.score(m, e, rank);
            if mode == Mode::Mutual
                && let Some(back) = self.back_rank(m, e)
            {
                o.served += 1;
                o.score += [500, 400, 300, 200, 100][back.min(4)];
            }
        }
        o
    }

    /// Rank in m's deficits of the most pressing topic e can teach m back.
    fn back_rank(&self, m: usize, e: usize) -> Option<usize> {
        self.p(m)
            .lacks
            .iter()
            .enumerate()
            .find(|(_, t)| self.p(e).teaches.contains(t) && !self.is_forbidden(e, m, t))
            .map(|(rank, _)| rank)
    }
}

fn add(a: Objective, served: u64, score: i64) -> Objective {
    Objective {
        served: a.served + served,
        score: a.score + score,
    }
}

/// One-to-one and group: every assignment of unlocked mentees to mentors with room.
fn brute_assignment(o: &Oracle, locks: &[(usize, usize, usize)], mode: Mode) -> Objective {
    let n = o.n();
    let mut room: Vec<u32> = (0..n)
        .map(|m| if mode == Mode::OneToOne { 1 } else { o.cap[m] })
        .collect();
    for &(m, _, _) in locks {
        room[m] -= 1;
    }
    let mentees: Vec<usize> = (0..n)
        .filter(|&e| !locks.iter().any(|l| l.1 == e))
        .collect();
    fn go(o: &Oracle, mentees: &[usize], k: usize, room: &mut Vec<u32>) -> Objective {
        if k == mentees.len() {
            return Objective::default();
        }
        let e = mentees[k];
        let mut best = go(o, mentees, k + 1, room);
        for m in 0..o.n() {
            if room[m] == 0 {
                continue;
            }
            if let Some(s) = o.best(m, e) {
                room[m] -= 1;
                best = best.max(add(go(o, mentees, k + 1, room), 1, s));
                room[m] += 1;
            }
        }
        best
    }
    let free = go(o, &mentees, 0, &mut room);
    let l = o.lock_value(locks, mode);
    add(free, l.served, l.score)
}

/// Network: every assignment of unlocked (mentee, deficit) slots to mentors with room.
fn brute_network(o: &Oracle, locks: &[(usize, usize, usize)]) -> Objective {
    let n = o.n();
    let mut room = o.cap.clone();
    for &(m, _, _) in locks {
        room[m] -= 1;
    }
    let mut slots = Vec::new();
    for e in 0..n {
        for (rank, t) in o.p(e).lacks.iter().enumerate() {
            let ti = TOPICS.iter().position(|x| x == t).unwrap();
            if !locks.iter().any(|l| l.1 == e && l.2 == ti) {
                slots.push((e, ti, rank));
            }
        }
    }
    fn go(o: &Oracle, slots: &[(usize, usize, usize)], k: usize, room: &mut Vec<u32>) -> Objective {
        if k == slots.len() {
            return Objective::default();
        }
        let (e, t, rank) = slots[k];
        let mut best = go(o, slots, k + 1, room);
        for m in 0..o.n() {
            if room[m] == 0 || !o.links(m, e).iter().any(|l| l.0 == t && l.1 == rank) {
                continue;
            }
            room[m] -= 1;
            best = best.max(add(go(o, slots, k + 1, room), 1, o.score(m, e, rank)));
            room[m] += 1;
        }
        best
    }
    let free = go(o, &slots, 0, &mut room);
    let l = o.lock_value(locks, Mode::Network);
    add(free, l.served, l.score)
}

/// The best mutual pair {a, b}: its score, or None.
fn mutual_score(o: &Oracle, a: usize, b: usize) -> Option<i64> {
    if o.pair_forbidden(a, b) {
        return None;
    }
    let one_way = |m: usize, e: usize| -> Option<i64> {
        let main = o.best(m, e)?;
        let back = o.back_rank(m, e)?;
        Some(main + [500, 400, 300, 200, 100][back.min(4)])
    };
    match (one_way(a, b), one_way(b, a)) {
        (Some(x), Some(y)) => Some(x.max(y)),
        (x, y) => x.or(y),
    }
}

fn brute_mutual(o: &Oracle, locks: &[(usize, usize, usize)]) -> Objective {
    let n = o.n();
    let mut taken: Vec<bool> = vec![false; n];
    for &(m, e, _) in locks {
        taken[m] = true;
        taken[e] = true;
    }
    fn go(o: &Oracle, v: usize, taken: &mut Vec<bool>) -> Objective {
        let n = o.n();
        let Some(v) = (v..n).find(|&x| !taken[x]) else {
            return Objective::default();
        };
        taken[v] = true;
        let mut best = go(o, v + 1, taken);
        for w in v + 1..n {
            if taken[w] {
                continue;
            }
            if let Some(s) = mutual_score(o, v, w) {
                taken[w] = true;
                best = best.max(add(go(o, v + 1, taken), 2, s));
                taken[w] = false;
            }
        }
        taken[v] = false;
        best
    }
    let free = go(o, 0, &mut taken);
    let l = o.lock_value(locks, Mode::Mutual);
    add(free, l.served, l.score)
}

/// Checks every pair against the rules and returns nothing; panics with the reason.
fn check_pairs(o: &Oracle, ov: &Overrides, mode: Mode, p: &Pairing) {
    let ix = |id: &str| id[1..].parse::<usize>().unwrap();
    let mut mentor_load: HashMap<usize, u32> = HashMap::new();
    let mut mentee_seen: BTreeSet<(usize, String)> = BTreeSet::new();
    let mut person_seen: BTreeSet<usize> = BTreeSet::new();
    for pair in &p.pairs {
        let (m, e) = (ix(&pair.mentor), ix(&pair.mentee));
        assert!(o.status_holds(m, e), "status rule broken: {pair:?}");
        assert!(
            o.p(m).teaches.contains(&pair.topic),
            "mentor does not teach: {pair:?}"
        );
        assert!(
            o.p(e).lacks.contains(&pair.topic),
            "mentee does not lack: {pair:?}"
        );
        assert!(
            !o.is_forbidden(m, e, &pair.topic),
            "forbidden pair used: {pair:?}"
        );
        *mentor_load.entry(m).or_insert(0) += 1;
        let key = if mode == Mode::Network {
            pair.topic.clone()
        } else {
            String::new()
        };
        assert!(
            mentee_seen.insert((e, key)),
            "mentee served twice: {pair:?}"
        );
        if mode == Mode::Mutual {
            assert!(
                person_seen.insert(m) && person_seen.insert(e),
                "person twice: {pair:?}"
            );
            if pair.locked {
                continue;
            }
            let back = pair
                .evidence
                .back_topic
                .as_ref()
                .expect("mutual pair has a back topic");
            assert!(o.p(e).teaches.contains(back) && o.p(m).lacks.contains(back));
            assert!(!o.pair_forbidden(m, e));
        }
    }
    for (m, load) in mentor_load {
        let cap = match mode {
            Mode::OneToOne | Mode::Mutual => 1,
            _ => o.cap[m],
        };
        assert!(load <= cap, "mentor {m} over capacity");
    }
    for l in &ov.locked {
        assert!(
            p.pairs.iter().any(|x| x.mentor == l.mentor
                && x.mentee == l.mentee
                && Some(&x.topic) == l.topic.as_ref()
                && x.locked),
            "lock not kept: {l:?}"
        );
    }
}

fn run(s: &Spec, mode: Mode) -> Result<(), TestCaseError> {
    let (case, ov) = build(s, mode);
    let o = Oracle::new(&case, &ov);
    let locks = o.locks(&ov);
    let got = solve(&case, mode, &ov).map_err(|e| TestCaseError::fail(e.to_string()))?;
    check_pairs(&o, &ov, mode, &got);
    let want = match mode {
        Mode::OneToOne | Mode::Group => brute_assignment(&o, &locks, mode),
        Mode::Network => brute_network(&o, &locks),
        Mode::Mutual => brute_mutual(&o, &locks),
        Mode::Choose => return check_stable(&o, &got),
    };
    prop_assert_eq!(got.objective, want);
    let again = solve(&case, mode, &ov).unwrap();
    prop_assert_eq!(got, again, "deterministic");
    Ok(())
}

/// Mentee's list: named mentors first (in order), then by score, then case order.
fn preference_list(o: &Oracle, e: usize) -> Vec<(usize, i64)> {
    let mut list: Vec<(usize, i64)> = (0..o.n())
        .filter_map(|m| o.best(m, e).map(|s| (m, s)))
        .collect();
    let named = |m: usize| {
        o.p(e)
            .prefers
            .iter()
            .position(|x| *x == pid(m))
            .unwrap_or(usize::MAX)
    };
    list.sort_by_key(|&(m, s)| (named(m), -s, m));
    list
}

/// No unlocked pair blocks; the reported blocking pairs are exactly the blocking ones.
fn check_stable(o: &Oracle, p: &Pairing) -> Result<(), TestCaseError> {
    let ix = |id: &str| id[1..].parse::<usize>().unwrap();
    let mut mentor_of: HashMap<usize, usize> = HashMap::new();
    let mut held: HashMap<usize, Vec<(i64, usize)>> = HashMap::new();
    for pair in &p.pairs {
        let (m, e) = (ix(&pair.mentor), ix(&pair.mentee));
        mentor_of.insert(e, m);
        held.entry(m)
            .or_default()
            .push((o.best(m, e).unwrap_or(0), e));
    }
    let mut blocking = BTreeSet::new();
    for e in 0..o.n() {
        let list = preference_list(o, e);
        let limit = mentor_of
            .get(&e)
            .and_then(|m| list.iter().position(|x| x.0 == *m))
            .unwrap_or(list.len());
        for &(m, s) in &list[..limit] {
            let h = held.get(&m).map_or(&[][..], |v| v.as_slice());
            let room = (h.len() as u32) < o.cap[m];
            let worse = h
                .iter()
                .any(|&(hs, he)| (hs, std::cmp::Reverse(he)) < (s, std::cmp::Reverse(e)));
            if room || worse {
                blocking.insert((pid(m), pid(e)));
            }
        }
    }
    let reported: BTreeSet<(String, String)> = p
        .blocking
        .iter()
        .map(|b| (b.mentor.clone(), b.mentee.clone()))
        .collect();
    prop_assert_eq!(&reported, &blocking);
    let locked_involved = blocking.iter().all(|(m, e)| {
        p.pairs
            .iter()
            .any(|x| x.locked && (x.mentee == *e || x.mentor == *m))
    });
    prop_assert!(
        locked_involved,
        "a blocking pair not caused by a lock: {:?}",
        blocking
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn one_to_one_is_optimal(s in spec(6, 4)) {
        run(&s, Mode::OneToOne)?;
    }

    #[test]
    fn group_is_optimal(s in spec(6, 4)) {
        run(&s, Mode::Group)?;
    }

    #[test]
    fn mutual_is_optimal(s in spec(9, 4)) {
        run(&s, Mode::Mutual)?;
    }

    #[test]
    fn choose_is_stable(s in spec(7, 4)) {
        run(&s, Mode::Choose)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 100, ..ProptestConfig::default() })]

    #[test]
    fn network_is_optimal(s in spec(4, 3)) {
        run(&s, Mode::Network)?;
    }
}
