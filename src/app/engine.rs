//! The one place the interactive session talks to the pairing engine
//! (`domain::pairing`): solving, the reason sentences, and evidence for pairs a facilitator
//! forms by hand (a swap), computed the way the engine does.

use crate::domain::case::{Case, Participant};
use crate::domain::pairing::explain::Explainer;
use crate::domain::pairing::{self, Evidence, Pair, Pairing, Unmatched};
use crate::domain::privacy::Privacy;
use crate::domain::status::Status;
use crate::i18n::Lang;

use super::msg::SolveJob;

/// Runs the engine for `job` (called off the UI thread).
pub fn solve(job: &SolveJob) -> Result<Pairing, String> {
    pairing::solve(&job.case, job.mode, &job.overrides).map_err(|e| e.to_string())
}

/// Why each pair: the sentences a facilitator reads aloud, in the pairs' order.
/// Ages are left out while `privacy` hides them.
pub fn explain_pairs(pairs: &[Pair], case: &Case, lang: Lang, privacy: Privacy) -> Vec<String> {
    let ex = Explainer::new(case, lang).hiding_ages(privacy.ages);
    pairs.iter().map(|p| ex.pair(p)).collect()
}

/// Why this person has no (or not every) mentor.
pub fn explain_unmatched(u: &Unmatched, case: &Case, lang: Lang) -> String {
    pairing::explain_unmatched(u, case, lang)
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
