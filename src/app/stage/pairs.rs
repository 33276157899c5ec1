//! Stage 4, Pairs: choose a mode, run the engine, adjust the pairs by hand.

use std::collections::BTreeSet;

use crate::app::edit::Edit;
use crate::app::engine;
use crate::app::model::{Model, is_nav, step};
use crate::app::msg::{Action, Cmd, SolveJob};
use crate::domain::case::{Case, Id};
use crate::domain::pairing::{Mode, Pair, Pairing};
use crate::i18n::{Lang, fill};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    List,
    Network,
}

/// An unmatched participant as the stage lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnmatchedRow {
    pub who: Id,
    pub topics: Vec<Id>,
    pub reason: String,
}

/// One mentor and the people they teach (the network view).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NetRow {
    pub mentor: Id,
    /// (mentee, topic, the mentee also teaches this mentor)
    pub links: Vec<(Id, Id, bool)>,
}

#[derive(Default)]
pub struct State {
    pub selected: usize,
    pub view: View,
    /// The pair marked for a swap.
    pub swap_from: Option<usize>,
    /// The result was changed by hand since the engine produced it.
    pub edited: bool,
    /// (mentee, topic) taken out by hand since the last run.
    pub removed: Vec<(Id, Id)>,
    /// The reason sentence per pair of the result.
    pub reasons: Vec<String>,
    pub unmatched: Vec<UnmatchedRow>,
    pub network: Vec<NetRow>,
    /// Distinct mentees with a mentor, and distinct (mentee, deficit) links.
    pub served: usize,
    pub covered: usize,
}

/// Whether the pair is mutual: the mentee can teach the mentor something back.
pub fn is_mutual(p: &Pair) -> bool {
    p.evidence.back_topic.is_some() || !p.evidence.reciprocal.is_empty()
}

/// Rebuilds the reasons, the unmatched list, the network and the counts from the result.
pub fn refresh(m: &mut Model) {
    let case = &m.session.case;
    let lang = m.lang;
    let Some(result) = m.session.pairing.result.as_ref() else {
        m.pairs = State {
            view: m.pairs.view,
            ..State::default()
        };
        return;
    };
    let st = &mut m.pairs;
    st.reasons = engine::explain_pairs(&result.pairs, case, lang, m.privacy);
    st.unmatched = unmatched_rows(result, case, lang, &st.removed);
    st.network = network(result);
    st.served = result
        .pairs
        .iter()
        .map(|p| &p.mentee)
        .collect::<BTreeSet<_>>()
        .len();
    st.covered = result
        .pairs
        .iter()
        .map(|p| (&p.mentee, &p.topic))
        .collect::<BTreeSet<_>>()
        .len();
    st.selected = st.selected.min(result.pairs.len().saturating_sub(1));
    if st.swap_from.is_some_and(|i| i >= result.pairs.len()) {
        st.swap_from = None;
    }
}

fn unmatched_rows(
    result: &Pairing,
    case: &Case,
    lang: Lang,
    removed: &[(Id, Id)],
) -> Vec<UnmatchedRow> {
    let mut rows: Vec<UnmatchedRow> = result
        .unmatched
        .iter()
        .map(|u| UnmatchedRow {
            who: u.participant.clone(),
            topics: u.topics.clone(),
            reason: engine::explain_unmatched(u, case, lang),
        })
        .collect();
    for (who, topic) in removed {
        let served = result.pairs.iter().any(|p| p.mentee == *who);
        if !served && !rows.iter().any(|r| r.who == *who) {
            rows.push(UnmatchedRow {
                who: who.clone(),
                topics: vec![topic.clone()],
                reason: lang.strings().pairs.unpaired_by_hand.to_string(),
            });
        }
    }
    rows
}

fn network(result: &Pairing) -> Vec<NetRow> {
    let mut rows: Vec<NetRow> = Vec::new();
    for p in &result.pairs {
        let back = result
            .pairs
            .iter()
            .any(|q| q.mentor == p.mentee && q.mentee == p.mentor)
            || is_mutual(p);
        let link = (p.mentee.clone(), p.topic.clone(), back);
        match rows.iter_mut().find(|r| r.mentor == p.mentor) {
            Some(r) => r.links.push(link),
            None => rows.push(NetRow {
                mentor: p.mentor.clone(),
                links: vec![link],
            }),
        }
    }
    rows
}

pub fn on_action(m: &mut Model, a: Action) -> Option<Cmd> {
    let n = m.pair_count();
    let sel = m.pairs.selected;
    match a {
        a if is_nav(a) => m.pairs.selected = step(sel, n, a, m.page()),
        Action::NextMode => {
            let i = Mode::ALL
                .iter()
                .position(|x| *x == m.session.pairing.mode)
                .unwrap_or(0);
            let next = Mode::ALL[(i + 1) % Mode::ALL.len()];
            m.pairs.removed.clear();
            m.edit(Edit::SetMode(next));
        }
        Action::Solve => return solve(m),
        Action::Lock if sel < n => {
            let locked = m
                .session
                .pairing
                .result
                .as_ref()
                .is_some_and(|r| r.pairs[sel].locked);
            m.edit(if locked {
                Edit::Unlock(sel)
            } else {
                Edit::Lock(sel)
            });
            m.pairs.edited = true;
        }
        Action::Forbid | Action::Unpair if sel < n => {
            let p = &m.session.pairing.result.as_ref()?.pairs[sel];
            m.pairs.removed.push((p.mentee.clone(), p.topic.clone()));
            m.pairs.edited = true;
            m.pairs.swap_from = None;
            m.edit(if a == Action::Forbid {
                Edit::Forbid(sel)
            } else {
                Edit::RemovePair(sel)
            });
        }
        Action::Swap if sel < n => swap(m, sel),
        Action::Back => m.pairs.swap_from = None,
        Action::Network => {
            m.pairs.view = match m.pairs.view {
                View::List => View::Network,
                View::Network => View::List,
            }
        }
        _ => {}
    }
    None
}

/// Starts the engine on the current case, mode and overrides.
pub fn solve(m: &mut Model) -> Option<Cmd> {
    let job = m.next_job;
    m.next_job += 1;
    m.solving = Some(job);
    Some(Cmd::Solve(Box::new(SolveJob {
        job,
        case: m.session.case.clone(),
        mode: m.session.pairing.mode,
        overrides: m.session.pairing.overrides.clone(),
    })))
}

/// The engine's answer: stale jobs are dropped, failures shown, results stored.
pub fn solved(m: &mut Model, job: u64, result: Result<Pairing, String>) {
    if m.solving != Some(job) {
        return;
    }
    m.solving = None;
    match result {
        Ok(p) => {
            m.pairs.removed.clear();
            m.pairs.edited = false;
            m.pairs.swap_from = None;
            m.edit(Edit::SetResult(Some(p)));
        }
        Err(why) => m.notice = Some(fill(m.strings().pairs.failed, &[("why", &why)])),
    }
}

/// First press marks a pair; the second exchanges the two pairs' mentees, when the status
/// rule allows both new pairs and each new mentor teaches one of the new mentee's deficits.
fn swap(m: &mut Model, sel: usize) {
    let Some(from) = m.pairs.swap_from else {
        m.pairs.swap_from = Some(sel);
        m.notice = Some(m.strings().pairs.swap_pick.to_string());
        return;
    };
    m.pairs.swap_from = None;
    if from == sel {
        return;
    }
    match swapped(m, from, sel) {
        Ok((a, b)) => {
            m.edit(Edit::ReplacePair(from, Box::new(a)));
            m.edit(Edit::ReplacePair(sel, Box::new(b)));
            m.pairs.edited = true;
            m.notice = None;
        }
        Err(why) => {
            m.notice = Some(fill(m.strings().pairs.swap_invalid, &[("why", &why)]));
        }
    }
}

fn swapped(m: &Model, i: usize, j: usize) -> Result<(Pair, Pair), String> {
    let Some(result) = m.session.pairing.result.as_ref() else {
        return Err(String::new());
    };
    let (a, b) = (&result.pairs[i], &result.pairs[j]);
    Ok((
        hand_pair(m, &a.mentor, &b.mentee)?,
        hand_pair(m, &b.mentor, &a.mentee)?,
    ))
}

/// A mentor→mentee pair on the mentee's most pressing deficit the mentor teaches.
fn hand_pair(m: &Model, mentor: &str, mentee: &str) -> Result<Pair, String> {
    let case = &m.session.case;
    let s = m.strings();
    let (Some(mr), Some(me)) = (case.participant(mentor), case.participant(mentee)) else {
        return Err(String::new());
    };
    let names = [("mentor", mr.name.as_str()), ("mentee", me.name.as_str())];
    let Some(topic) = me.lacks.iter().find(|t| mr.teaches.contains(t)) else {
        return Err(fill(s.pairs.swap_no_topic, &names));
    };
    let evidence = engine::evidence(case, mr, me, topic)
        .ok_or_else(|| fill(s.lint.mentor_not_lower, &names))?;
    Ok(Pair {
        mentor: mentor.to_string(),
        mentee: mentee.to_string(),
        topic: topic.clone(),
        score: 0,
        evidence,
        locked: true,
    })
}
