//! The one place the interactive session talks to the pairing engine
//! (`domain::pairing`): solving, the reason sentences, and evidence for hand-made pairs.

use crate::domain::case::{Case, Participant};
use crate::domain::pairing::{Evidence, Pair, Pairing, Reason, Unmatched};
use crate::domain::status::Status;
use crate::i18n::Lang;

use super::msg::SolveJob;

/// Whether this build has a pairing engine to run.
pub const AVAILABLE: bool = false;

/// Runs the engine for `job` (called off the UI thread).
pub fn solve(_job: &SolveJob) -> Result<Pairing, String> {
    Err("the pairing engine is not built in".to_string())
}

/// Why this pair: the sentence a facilitator reads aloud.
pub fn explain(pair: &Pair, case: &Case, lang: Lang) -> String {
    let s = lang.strings();
    let axes: Vec<&str> = pair
        .evidence
        .lower_on
        .iter()
        .map(|a| s.axis_name(*a))
        .collect();
    format!("{}: {}", case.topic_name(&pair.topic), axes.join(", "))
}

/// Why this person has no (or not every) mentor.
pub fn explain_unmatched(u: &Unmatched, _case: &Case, lang: Lang) -> String {
    reason_label(&u.reason, lang).to_string()
}

/// A short label for an unmatched reason.
pub fn reason_label(r: &Reason, lang: Lang) -> &'static str {
    let labels = &lang.strings().pairs.reasons;
    match r {
        Reason::NobodyOffers => labels[0],
        Reason::AllOfferersHigher { .. } => labels[1],
        Reason::Forbidden => labels[2],
        Reason::CapacityUsed { .. } => labels[3],
        Reason::NotChosen => labels[4],
        Reason::NoMutualPartner => labels[5],
    }
}

/// Evidence for a pair formed by hand, or `None` when the status rule does not allow it or
/// the mentee does not lack `topic`.
pub fn evidence(
    case: &Case,
    mentor: &Participant,
    mentee: &Participant,
    topic: &str,
) -> Option<Evidence> {
    let verdict = case
        .status_rule
        .judge(Status::of(case, mentor), Status::of(case, mentee));
    if !verdict.holds {
        return None;
    }
    let rank = mentee.lacks.iter().position(|t| t == topic)?;
    Some(Evidence {
        deficit_rank: rank as u32,
        gap: verdict.gap,
        lower_on: verdict.lower_on.iter().collect(),
        preference: mentee
            .prefers
            .iter()
            .position(|p| *p == mentor.id)
            .map(|i| i as u32),
        reciprocal: mentee
            .teaches
            .iter()
            .filter(|t| mentor.lacks.contains(t))
            .cloned()
            .collect(),
        back_topic: None,
    })
}
