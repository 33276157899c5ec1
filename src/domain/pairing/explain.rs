//! Pairs and unmatched participants as sentences a facilitator reads aloud, in English or
//! Russian. The words live in `crate::i18n::reasons`; this module only picks the clauses.
//! Only display names appear (`name`), never surnames or contacts.

use std::collections::HashMap;

use crate::domain::case::{Case, Participant};
use crate::domain::status::{Axis, tenths};
use crate::i18n::Lang;
use crate::i18n::reasons::{ReasonText, join};

use super::{Pair, Reason, Unmatched};

/// Why this pair, as one sentence.
pub fn explain(pair: &Pair, case: &Case, lang: Lang) -> String {
    Explainer::lookup_free(case, lang).pair(pair)
}

/// Why this participant is left without (some of) their mentors, as one sentence.
pub fn explain_unmatched(u: &Unmatched, case: &Case, lang: Lang) -> String {
    Explainer::lookup_free(case, lang).unmatched(u)
}

/// Explains many pairs of one case: builds name look-ups once.
pub struct Explainer<'a> {
    case: &'a Case,
    text: &'static ReasonText,
    people: Option<HashMap<&'a str, &'a Participant>>,
    topics: Option<HashMap<&'a str, &'a str>>,
    /// Whether a mentor's age may appear (privacy hides it on the projector and in exports).
    ages: bool,
}

/// Fills `{key}` slots in a template.
fn fill(template: &str, slots: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (key, value) in slots {
        out = out.replace(&format!("{{{key}}}"), value);
    }
    out
}

impl<'a> Explainer<'a> {
    pub fn new(case: &'a Case, lang: Lang) -> Explainer<'a> {
        let mut people = HashMap::new();
        for p in &case.participants {
            people.entry(p.id.as_str()).or_insert(p);
        }
        let mut topics = HashMap::new();
        for (_, t) in case.topics() {
            topics.entry(t.id.as_str()).or_insert(t.name.as_str());
        }
        Explainer {
            case,
            text: lang.reasons(),
            people: Some(people),
            topics: Some(topics),
            ages: true,
        }
    }

    /// The same sentences with mentors' ages left out when `hide` is set.
    pub fn hiding_ages(self, hide: bool) -> Explainer<'a> {
        Explainer {
            ages: !hide,
            ..self
        }
    }

    /// For one sentence: linear look-ups beat building maps.
    fn lookup_free(case: &'a Case, lang: Lang) -> Explainer<'a> {
        Explainer {
            case,
            text: lang.reasons(),
            people: None,
            topics: None,
            ages: true,
        }
    }

    fn person(&self, id: &str) -> Option<&'a Participant> {
        match &self.people {
            Some(map) => map.get(id).copied(),
            None => self.case.participant(id),
        }
    }

    /// A participant's display name, or the id if the case does not know them.
    pub fn name(&self, id: &'a str) -> &'a str {
        self.person(id).map_or(id, |p| p.name.as_str())
    }

    /// A topic's display name, or the id.
    pub fn topic_name(&self, id: &'a str) -> &'a str {
        match &self.topics {
            Some(map) => map.get(id).copied().unwrap_or(id),
            None => self.case.topic_name(id),
        }
    }

    fn topic_names(&self, ids: &'a [String]) -> Vec<String> {
        ids.iter().map(|t| self.topic_name(t).to_string()).collect()
    }

    pub fn pair(&self, pair: &'a Pair) -> String {
        let t = self.text;
        let (mentor, mentee) = (self.name(&pair.mentor), self.name(&pair.mentee));
        let (mentor_acc, mentee_acc) = ((t.accusative)(mentor), (t.accusative)(mentee));
        let ev = &pair.evidence;
        let mut clauses = Vec::new();
        if pair.topic.is_empty() {
            clauses.push(fill(t.no_topic, &[("mentor", mentor), ("mentee", mentee)]));
        } else {
            let status = self
                .person(&pair.mentor)
                .map(|p| (t.status)(self.ages.then_some(p.age), tenths(p.experience)))
                .unwrap_or_default();
            clauses.push(fill(
                t.teaches,
                &[
                    ("mentor", mentor),
                    ("status", &status),
                    ("mentee_acc", &mentee_acc),
                    ("topic", &(t.topic)(self.topic_name(&pair.topic))),
                    ("deficit", &(t.deficit)(ev.deficit_rank, mentee)),
                ],
            ));
        }
        let gaps: Vec<String> = ev
            .lower_on
            .iter()
            .map(|axis| match axis {
                Axis::Age => (t.younger)(ev.gap.age),
                Axis::Experience => (t.less_experienced)(ev.gap.experience_tenths),
                Axis::Position => (t.lower_position)(ev.gap.rank),
            })
            .collect();
        if !gaps.is_empty() {
            let gaps = join(&gaps, t.and);
            clauses.push(fill(t.lower, &[("mentor", mentor), ("gaps", &gaps)]));
        }
        if let Some(back) = &ev.back_topic {
            let topic = (t.topic)(self.topic_name(back));
            let slots = [
                ("mentee", mentee),
                ("mentor_acc", &mentor_acc),
                ("topic", &topic),
            ];
            clauses.push(fill(t.back_teach, &slots));
        } else if !ev.reciprocal.is_empty() {
            let names = self.topic_names(&ev.reciprocal[..ev.reciprocal.len().min(2)]);
            let topics = (t.topics_helped)(&names);
            clauses.push(fill(
                t.back_help,
                &[("mentee", mentee), ("topics", &topics)],
            ));
        }
        if let Some(place) = ev.preference {
            let place = (place + 1).to_string();
            let slots = [
                ("mentee", mentee),
                ("mentor_acc", &mentor_acc),
                ("place", &place),
            ];
            clauses.push(fill(t.preference, &slots));
        }
        if pair.locked {
            clauses.push(t.locked.to_string());
        }
        format!("{}.", clauses.join("; "))
    }

    pub fn unmatched(&self, u: &'a Unmatched) -> String {
        let t = self.text;
        let mentee_acc = (t.accusative)(self.name(&u.participant));
        let topics = (t.topics_taught)(&self.topic_names(&u.topics));
        let mut slots = vec![
            ("mentee_acc", mentee_acc.as_str()),
            ("topics", topics.as_str()),
        ];
        let extra;
        let template = match &u.reason {
            Reason::NobodyOffers => t.nobody,
            Reason::AllOfferersHigher { offerers } => {
                let names: Vec<String> =
                    offerers.iter().map(|o| self.name(o).to_string()).collect();
                extra = join(&names, t.and);
                slots.push(("offerers", &extra));
                if names.len() == 1 {
                    t.higher_one
                } else {
                    t.higher
                }
            }
            Reason::Forbidden => t.forbidden,
            Reason::CapacityUsed { taken_by } if taken_by.is_empty() => t.capacity_unnamed,
            Reason::CapacityUsed { taken_by } => {
                let mut pairs: Vec<String> = Vec::new();
                for p in taken_by {
                    // A network pair on two topics reads as one pair here; a pair that
                    // already serves this person says so, or it reads like a riddle.
                    let own = if p.mentee == u.participant {
                        t.own_pair
                    } else {
                        ""
                    };
                    let pair = format!("{} → {}{own}", self.name(&p.mentor), self.name(&p.mentee));
                    if !pairs.contains(&pair) {
                        pairs.push(pair);
                    }
                }
                extra = pairs.join(", ");
                slots.push(("pairs", &extra));
                t.capacity
            }
            Reason::NotChosen => t.not_chosen,
            Reason::NoMutualPartner => t.no_mutual,
        };
        fill(template, &slots)
    }
}
