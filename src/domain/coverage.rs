//! Deficits against offers: for every topic somebody lacks, who could fill it, and whether
//! anyone can fill it *in reverse* (a mentor lower in status than the person who lacks it).
//!
//! The Case stage shows this so a team sees, before pairing, which deficits nobody in the
//! room can fill.

use super::case::{Case, Id};
use super::status::Status;

/// How well the room covers one deficit topic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicCover {
    pub topic: Id,
    /// People who lack the topic.
    pub lacking: usize,
    /// People who offer (can teach) it.
    pub offering: usize,
    /// People who lack it and have at least one offerer lower in status than themselves.
    pub fillable: usize,
}

impl TopicCover {
    pub fn verdict(&self) -> Cover {
        if self.offering == 0 {
            Cover::Nobody
        } else if self.fillable == 0 {
            Cover::OnlyHigher
        } else if self.fillable < self.lacking {
            Cover::Partly
        } else {
            Cover::Full
        }
    }
}

/// A topic's coverage in one word, worst first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Cover {
    /// Nobody in the room offers it.
    Nobody,
    /// Offered, but only by people higher in status than everyone who lacks it.
    OnlyHigher,
    /// Some of those who lack it can be reverse-mentored in it, not all.
    Partly,
    Full,
}

/// Coverage of every topic that at least one participant lacks: worst first, then by how many
/// people lack it, then in catalogue order.
pub fn coverage(case: &Case) -> Vec<TopicCover> {
    let status: Vec<Status> = case
        .participants
        .iter()
        .map(|p| Status::of(case, p))
        .collect();
    let mut rows: Vec<(usize, TopicCover)> = case
        .topics()
        .enumerate()
        .filter_map(|(order, (_, t))| Some((order, cover_of(case, &status, &t.id)?)))
        .collect();
    rows.sort_by(|(oa, a), (ob, b)| {
        (a.verdict(), std::cmp::Reverse(a.lacking), oa).cmp(&(
            b.verdict(),
            std::cmp::Reverse(b.lacking),
            ob,
        ))
    });
    rows.into_iter().map(|(_, c)| c).collect()
}

fn cover_of(case: &Case, status: &[Status], topic: &str) -> Option<TopicCover> {
    let people = &case.participants;
    let lacking: Vec<usize> = (0..people.len())
        .filter(|&i| people[i].lacks.iter().any(|t| t == topic))
        .collect();
    if lacking.is_empty() {
        return None;
    }
    let offering: Vec<usize> = (0..people.len())
        .filter(|&i| people[i].teaches.iter().any(|t| t == topic))
        .collect();
    let fillable = lacking
        .iter()
        .filter(|&&mentee| {
            offering.iter().any(|&mentor| {
                mentor != mentee && case.status_rule.judge(status[mentor], status[mentee]).holds
            })
        })
        .count();
    Some(TopicCover {
        topic: topic.to_string(),
        lacking: lacking.len(),
        offering: offering.len(),
        fillable,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::case_file::demo_case;

    fn find<'a>(rows: &'a [TopicCover], id: &str) -> &'a TopicCover {
        rows.iter().find(|r| r.topic == id).unwrap()
    }

    #[test]
    fn counts_lacking_offering_and_fillable() {
        let case = demo_case();
        let rows = coverage(&case);
        // "parents" is lacked by Anna, Chloe and Jonas (24–34) and taught only by Grace and
        // Irina (52, 58): offered, but never by someone lower in status.
        let parents = find(&rows, "parents");
        assert_eq!(parents.lacking, 3);
        assert_eq!(parents.offering, 2);
        assert_eq!(parents.fillable, 0);
        assert_eq!(parents.verdict(), Cover::OnlyHigher);
        // "whiteboard": lacked by Farid and Hugo (45, 56), taught by Anna and Dmitri (24, 31).
        let wb = find(&rows, "whiteboard");
        assert_eq!((wb.lacking, wb.offering, wb.fillable), (2, 2, 2));
        assert_eq!(wb.verdict(), Cover::Full);
    }

    #[test]
    fn nobody_offers_comes_first() {
        let mut case = demo_case();
        for p in &mut case.participants {
            p.teaches.retain(|t| t != "games");
        }
        let rows = coverage(&case);
        assert_eq!(rows[0].topic, "games");
        assert_eq!(rows[0].verdict(), Cover::Nobody);
        assert!(rows.windows(2).all(|w| w[0].verdict() <= w[1].verdict()));
    }

    #[test]
    fn topics_nobody_lacks_are_left_out() {
        let mut case = demo_case();
        for p in &mut case.participants {
            p.lacks.retain(|t| t != "trips");
        }
        assert!(coverage(&case).iter().all(|r| r.topic != "trips"));
    }
}
