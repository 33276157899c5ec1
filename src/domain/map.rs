//! Individual reverse-mentoring maps: a first draft prefilled from the case, the session's
//! goals and the pair's evidence, and the lint that tells a team what is still missing.
//!
//! A map covers *links*: one mentor→mentee link for a pair, several links sharing a mentor
//! for a team (a student leading a group of teachers). For a team the subject lists the mentor
//! first, then the mentees; `lint` relies on that order.

use std::collections::BTreeSet;

use super::case::{Case, Id, PairRef, Participant};
use super::session::{Activity, Field, Goals, Growth, Map, Passport, Section, Subject};
use super::status::{Status, tenths};
use crate::i18n::{Lang, PrefillText, fill};

/// Default length of a mentoring cycle (seed 000: 84.7% prefer about a year).
pub const DEFAULT_CYCLE_MONTHS: u32 = 12;

/// Passport fields a map is not finished without.
pub const REQUIRED: [Field; 7] = [
    Field::Name,
    Field::Problem,
    Field::Participants,
    Field::Goal,
    Field::MeansFormsMethods,
    Field::Results,
    Field::Period,
];

/// One mentor→mentee link with the deficit topic that formed it.
#[derive(Debug, Clone, Copy)]
pub struct Link<'a> {
    pub mentor: &'a Participant,
    pub mentee: &'a Participant,
    pub topic: &'a str,
}

/// What a map must address, derived from its subject: deficits the mentor can fill for each
/// mentee (`forward`) and deficits each mentee can fill for the mentor (`back`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scope {
    /// (mentee id, topic), the pair's own topic first, then the mentee's other deficits the
    /// mentor teaches, most pressing first.
    pub forward: Vec<(Id, Id)>,
    /// (mentor id, topic): the mentor's deficits a mentee teaches, once per topic.
    pub back: Vec<(Id, Id)>,
}

impl Scope {
    pub fn of(links: &[Link]) -> Scope {
        let mut scope = Scope::default();
        for link in links {
            let others = link
                .mentee
                .lacks
                .iter()
                .filter(|t| *t != link.topic && link.mentor.teaches.contains(t));
            for t in std::iter::once(&link.topic.to_string()).chain(others) {
                push_unique(&mut scope.forward, (link.mentee.id.clone(), t.to_string()));
            }
            for t in link
                .mentor
                .lacks
                .iter()
                .filter(|t| link.mentee.teaches.contains(t))
            {
                if !scope.back.iter().any(|(_, bt)| bt == t) {
                    scope.back.push((link.mentor.id.clone(), t.clone()));
                }
            }
        }
        scope
    }

    /// Every (person, topic) the plan must address.
    pub fn all(&self) -> impl Iterator<Item = &(Id, Id)> {
        self.forward.iter().chain(self.back.iter())
    }
}

fn push_unique<T: PartialEq>(v: &mut Vec<T>, item: T) {
    if !v.contains(&item) {
        v.push(item);
    }
}

/// The links a subject stands for, resolved against the case; unknown ids are skipped.
pub fn links_of<'a>(case: &'a Case, subject: &'a Subject) -> Vec<Link<'a>> {
    match subject {
        Subject::Pair(p) => link(case, &p.mentor, &p.mentee, p.topic.as_deref())
            .into_iter()
            .collect(),
        Subject::Team { members, .. } => {
            let Some((mentor, mentees)) = members.split_first() else {
                return Vec::new();
            };
            mentees
                .iter()
                .filter_map(|m| link(case, mentor, m, None))
                .collect()
        }
    }
}

/// A link; without a topic, the mentee's most pressing deficit the mentor teaches.
fn link<'a>(
    case: &'a Case,
    mentor: &str,
    mentee: &str,
    topic: Option<&'a str>,
) -> Option<Link<'a>> {
    let mentor = case.participant(mentor)?;
    let mentee = case.participant(mentee)?;
    let topic = match topic {
        Some(t) => t,
        None => mentee
            .lacks
            .iter()
            .find(|t| mentor.teaches.contains(t))
            .or(mentee.lacks.first())?
            .as_str(),
    };
    Some(Link {
        mentor,
        mentee,
        topic,
    })
}

/// The subject for a set of links: a pair for one link, a team (mentor first) for several.
pub fn subject_for(pairs: &[PairRef], team_name: &str) -> Subject {
    match pairs {
        [one] => Subject::Pair(one.clone()),
        _ => {
            let mut members: Vec<Id> = Vec::new();
            for p in pairs {
                push_unique(&mut members, p.mentor.clone());
            }
            for p in pairs {
                push_unique(&mut members, p.mentee.clone());
            }
            Subject::Team {
                name: team_name.to_string(),
                members,
            }
        }
    }
}

/// A first draft of the map for `subject`: every passport field the case, the goals and the
/// reasons can fill, and an activity plan over `DEFAULT_CYCLE_MONTHS`. `reasons` are the
/// pairing engine's sentences for the links, read aloud in the concept. The text is written
/// in `lang`, which should be the case's language, since names and topics come from it.
pub fn prefill(
    case: &Case,
    goals: &Goals,
    subject: Subject,
    reasons: &[String],
    lang: Lang,
) -> Map {
    let t = &lang.strings().prefill;
    let links = links_of(case, &subject);
    let scope = Scope::of(&links);
    let months = DEFAULT_CYCLE_MONTHS;
    let draft = Draft {
        case,
        goals,
        t,
        lang,
        links: &links,
        scope: &scope,
        months,
    };
    let activities = draft.plan();
    let passport = draft.passport(reasons, &activities);
    Map {
        subject,
        passport,
        cycle_months: months,
        activities,
    }
}

/// Fills only the fields that are still empty in `map` from a fresh draft, so a team's own
/// words are never overwritten. An empty plan gets the draft's, fitted to the map's cycle.
pub fn fill_empty(map: &mut Map, fresh: &Map) {
    for f in Field::ALL {
        if map.passport.get(f).trim().is_empty() {
            *map.passport.get_mut(f) = fresh.passport.get(f).clone();
        }
    }
    if map.activities.is_empty() {
        map.activities = fresh.activities.clone();
        rescale(&mut map.activities, fresh.cycle_months, map.cycle_months);
    }
}

/// Moves activities planned over an `old`-month cycle to the same points of a `new`-month
/// cycle, keeping them in month order.
pub fn rescale(activities: &mut [Activity], old: u32, new: u32) {
    let (old, new) = (old.max(1), new.max(1));
    for a in activities.iter_mut() {
        a.month = (a.month * new).div_ceil(old).clamp(1, new);
    }
    activities.sort_by_key(|a| (a.month, a.growth));
}

struct Draft<'a> {
    case: &'a Case,
    goals: &'a Goals,
    t: &'a PrefillText,
    lang: Lang,
    links: &'a [Link<'a>],
    scope: &'a Scope,
    months: u32,
}

impl Draft<'_> {
    fn topic(&self, id: &str) -> String {
        fill(self.t.quoted, &[("x", self.case.topic_name(id))])
    }

    fn topics(&self, ids: &[&str]) -> String {
        ids.iter()
            .map(|id| self.case.topic_name(id))
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn mentor(&self) -> Option<&Participant> {
        self.links.first().map(|l| l.mentor)
    }

    fn mentees(&self) -> Vec<&Participant> {
        let mut v: Vec<&Participant> = Vec::new();
        for l in self.links {
            if !v.iter().any(|p| p.id == l.mentee.id) {
                v.push(l.mentee);
            }
        }
        v
    }

    fn mentee_names(&self) -> String {
        self.mentees()
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn forward_topics(&self) -> Vec<&str> {
        let mut v: Vec<&str> = Vec::new();
        for (_, t) in &self.scope.forward {
            push_unique(&mut v, t.as_str());
        }
        v
    }

    fn back_topics(&self) -> Vec<&str> {
        self.scope.back.iter().map(|(_, t)| t.as_str()).collect()
    }

    fn section_text(&self, sections: &[Section]) -> String {
        sections
            .iter()
            .flat_map(|s| self.goals.section(*s))
            .map(|e| e.text.trim())
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join("; ")
    }

    fn passport(&self, reasons: &[String], plan: &[Activity]) -> Passport {
        let Some(mentor) = self.mentor() else {
            return Passport::default();
        };
        let vars = [
            ("mentor", mentor.name.as_str()),
            ("mentees", &self.mentee_names()),
            ("months", &self.months.to_string()),
        ];
        let vars: Vec<(&str, &str)> = vars.iter().map(|(k, v)| (*k, *v)).collect();
        Passport {
            name: fill(self.t.name, &vars),
            problem: self.problem(),
            participants: self.participants(),
            goal: self.goal(&vars),
            concept: self.concept(reasons),
            means_forms_methods: self.section_text(&[
                Section::Means,
                Section::FormsMethods,
                Section::DeficitTechnologies,
            ]),
            normative_basis: self.t.normative.to_string(),
            results: fill(
                self.t.results,
                &[
                    ("mentees", &self.mentee_names()),
                    ("topics", &self.topics(&self.forward_topics())),
                ],
            ),
            effectiveness: self.t.effectiveness.to_string(),
            conditions: self.t.conditions.to_string(),
            period: self.period(),
            replicability: self.t.replicability.to_string(),
            materials: self.materials(plan),
        }
    }

    fn problem(&self) -> String {
        let mut lines: Vec<String> = Vec::new();
        for mentee in self.mentees() {
            let topics: Vec<&str> = self
                .scope
                .forward
                .iter()
                .filter(|(who, _)| *who == mentee.id)
                .map(|(_, t)| t.as_str())
                .collect();
            lines.push(fill(
                self.t.lacks,
                &[("who", &mentee.name), ("topics", &self.topics(&topics))],
            ));
        }
        if let Some(mentor) = self.mentor()
            && !self.scope.back.is_empty()
        {
            lines.push(fill(
                self.t.lacks,
                &[
                    ("who", &mentor.name),
                    ("topics", &self.topics(&self.back_topics())),
                ],
            ));
        }
        lines.join("\n")
    }

    fn participants(&self) -> String {
        let s = self.lang.strings();
        let status = self.lang.reasons().status;
        let mut people: Vec<(&Participant, &str)> = Vec::new();
        if let Some(m) = self.mentor() {
            people.push((m, self.t.mentor));
        }
        for m in self.mentees() {
            people.push((m, self.t.mentee));
        }
        people
            .iter()
            .enumerate()
            .map(|(i, (p, part))| {
                let position = self
                    .case
                    .position(&p.position)
                    .map(|x| x.name.as_str())
                    .unwrap_or(p.position.as_str());
                let teaches: Vec<&str> = p.teaches.iter().map(String::as_str).collect();
                fill(
                    self.t.participant,
                    &[
                        ("n", &(i + 1).to_string()),
                        ("part", part),
                        ("name", &p.name),
                        ("role", s.role_name(&p.role)),
                        ("position", position),
                        // No age: a map goes on the projector and into files,
                        // and ages are private (the status gap is in the reasons).
                        ("status", &(status)(None, tenths(p.experience))),
                        ("teaches", &self.topics(&teaches)),
                    ],
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn goal(&self, vars: &[(&str, &str)]) -> String {
        let chosen = self.section_text(&[Section::Goals]);
        let mut v = vars.to_vec();
        let forward = self.topics(&self.forward_topics());
        let back = self.topics(&self.back_topics());
        v.push(("topics", &forward));
        v.push(("back", &back));
        let own = if self.scope.back.is_empty() {
            fill(self.t.goal, &v)
        } else {
            fill(self.t.goal_mutual, &v)
        };
        if chosen.is_empty() {
            own
        } else {
            format!("{own}\n{chosen}")
        }
    }

    fn concept(&self, reasons: &[String]) -> String {
        let mut parts = vec![self.t.concept.to_string()];
        let tech = self.section_text(&[Section::PairTechnologies]);
        if !tech.is_empty() {
            parts.push(tech);
        }
        parts.extend(reasons.iter().filter(|r| !r.is_empty()).cloned());
        parts.join("\n")
    }

    fn period(&self) -> String {
        let s = self.lang.strings();
        let stages: Vec<String> = Growth::ALL
            .iter()
            .map(|g| {
                let (a, b) = growth_months(*g, self.months);
                format!("{} {a}–{b}", s.growth_name(*g))
            })
            .collect();
        fill(
            self.t.period,
            &[
                ("months", &self.months.to_string()),
                ("stages", &stages.join(", ")),
            ],
        )
    }

    fn materials(&self, plan: &[Activity]) -> String {
        let mut used: Vec<&str> = Vec::new();
        for a in plan {
            for r in &a.resources {
                push_unique(&mut used, r.as_str());
            }
        }
        used.iter()
            .filter_map(|id| self.case.resources.iter().find(|r| r.id == *id))
            .map(|r| match &r.url {
                Some(url) => format!("{} ({url})", r.name),
                None => r.name.clone(),
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Forms of work per growth stage: the team's own forms when it chose some, otherwise
    /// the defaults for each stage.
    fn form(&self, g: Growth) -> String {
        let chosen = self.goals.section(Section::FormsMethods);
        let i = Growth::ALL.iter().position(|x| *x == g).unwrap_or(0);
        match chosen.get(i % chosen.len().max(1)) {
            Some(e) if !chosen.is_empty() => e.text.clone(),
            _ => self.t.forms[i].to_string(),
        }
    }

    /// Resources the team may use: those picked in the goals stage, or all of the case's.
    fn resource_pool(&self) -> Vec<&super::case::Resource> {
        let picked: BTreeSet<&str> = self
            .goals
            .section(Section::Resources)
            .iter()
            .filter_map(|e| e.resource.as_deref())
            .collect();
        self.case
            .resources
            .iter()
            .filter(|r| picked.is_empty() || picked.contains(r.id.as_str()))
            .collect()
    }

    /// Resources for a topic: those naming it, else the general ones (no topics).
    fn resources_for(&self, topic: Option<&str>) -> Vec<Id> {
        let pool = self.resource_pool();
        let named: Vec<Id> = match topic {
            Some(t) => pool
                .iter()
                .filter(|r| r.topics.iter().any(|x| x == t))
                .map(|r| r.id.clone())
                .collect(),
            None => Vec::new(),
        };
        if !named.is_empty() {
            return named;
        }
        pool.iter()
            .filter(|r| r.topics.is_empty())
            .map(|r| r.id.clone())
            .collect()
    }

    fn plan(&self) -> Vec<Activity> {
        let Some(mentor) = self.mentor() else {
            return Vec::new();
        };
        let all: Vec<Id> = self.scope.all().map(|(_, t)| t.clone()).collect();
        let mut plan = vec![self.activity(
            1,
            self.t.kickoff.to_string(),
            Growth::Skill,
            all.clone(),
            None,
        )];
        let steps = [
            (Growth::Skill, self.t.teach),
            (Growth::Mastery, self.t.practise),
            (Growth::Creativity, self.t.create),
            (Growth::Innovation, self.t.innovate),
        ];
        for (i, (mentee, topic)) in self.scope.forward.iter().enumerate() {
            let mentee = self.case.name_of(mentee).to_string();
            for (g, template) in steps {
                let title = fill(
                    template,
                    &[
                        ("mentor", &mentor.name),
                        ("mentee", &mentee),
                        ("topic", &self.topic(topic)),
                    ],
                );
                let month = month_in(g, self.months, i, i == 0 && g == Growth::Skill);
                plan.push(self.activity(month, title, g, vec![topic.clone()], Some(topic)));
            }
        }
        let first_mentee = self.mentee_names();
        for (i, (_, topic)) in self.scope.back.iter().enumerate() {
            for g in [Growth::Skill, Growth::Mastery] {
                let title = fill(
                    self.t.teach_back,
                    &[
                        ("mentor", &mentor.name),
                        ("mentees", &first_mentee),
                        ("topic", &self.topic(topic)),
                    ],
                );
                let month = month_in(g, self.months, i + 1, false);
                plan.push(self.activity(month, title, g, vec![topic.clone()], Some(topic)));
            }
        }
        plan.push(self.activity(
            self.months.max(1),
            self.t.closing.to_string(),
            Growth::Innovation,
            all,
            None,
        ));
        plan.sort_by_key(|a| (a.month, a.growth));
        plan
    }

    fn activity(
        &self,
        month: u32,
        title: String,
        growth: Growth,
        topics: Vec<Id>,
        topic: Option<&str>,
    ) -> Activity {
        Activity {
            month,
            title,
            growth,
            form: self.form(growth),
            topics,
            resources: self.resources_for(topic),
        }
    }
}

/// First and last month of a growth stage in a cycle of `months`: the cycle is split into
/// four equal parts (for 12 months: 1–3, 4–6, 7–9, 10–12).
pub fn growth_months(g: Growth, months: u32) -> (u32, u32) {
    let months = months.max(1);
    let k = Growth::ALL.iter().position(|x| *x == g).unwrap_or(0) as u32;
    let start = (k * months / 4 + 1).min(months);
    let end = ((k + 1) * months / 4).max(start);
    (start, end)
}

/// The month for the `i`-th topic's step in stage `g`, staggered inside the stage; the first
/// topic's first lesson waits a month after the kick-off when the stage has room.
fn month_in(g: Growth, months: u32, i: usize, after_kickoff: bool) -> u32 {
    let (start, end) = growth_months(g, months);
    let m = start + i as u32 + u32::from(after_kickoff);
    m.min(end)
}

/// Something a map still lacks, in the order a team should fix them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lint {
    /// The status rule fails: the mentor is not lower in status than the mentee.
    MentorNotLower { mentor: Id, mentee: Id },
    /// A deficit in the map's scope that no activity addresses.
    DeficitUnaddressed { participant: Id, topic: Id },
    /// An activity (by index in the plan) that uses no resource.
    ActivityWithoutResource { index: usize },
    /// A required passport field left empty.
    EmptyField(Field),
}

/// Everything `map` still lacks, judged against `case`.
pub fn lint(map: &Map, case: &Case) -> Vec<Lint> {
    let links = links_of(case, &map.subject);
    let mut out: Vec<Lint> = Vec::new();
    for l in &links {
        let verdict = case
            .status_rule
            .judge(Status::of(case, l.mentor), Status::of(case, l.mentee));
        if !verdict.holds {
            out.push(Lint::MentorNotLower {
                mentor: l.mentor.id.clone(),
                mentee: l.mentee.id.clone(),
            });
        }
    }
    let addressed: BTreeSet<&str> = map
        .activities
        .iter()
        .flat_map(|a| a.topics.iter().map(String::as_str))
        .collect();
    for (who, topic) in Scope::of(&links).all() {
        if !addressed.contains(topic.as_str()) {
            out.push(Lint::DeficitUnaddressed {
                participant: who.clone(),
                topic: topic.clone(),
            });
        }
    }
    for (index, a) in map.activities.iter().enumerate() {
        if a.resources.is_empty() {
            out.push(Lint::ActivityWithoutResource { index });
        }
    }
    for f in REQUIRED {
        if map.passport.get(f).trim().is_empty() {
            out.push(Lint::EmptyField(f));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::session::Entry;
    use crate::store::case_file::demo_case;

    fn pair(mentor: &str, mentee: &str, topic: &str) -> Subject {
        Subject::Pair(PairRef {
            mentor: mentor.into(),
            mentee: mentee.into(),
            topic: Some(topic.into()),
        })
    }

    fn entry(text: &str) -> Entry {
        Entry {
            text: text.into(),
            from_catalogue: true,
            resource: None,
        }
    }

    #[test]
    fn scope_has_the_pair_topic_first_and_the_way_back() {
        let case = demo_case();
        let s = pair("anna", "hugo", "whiteboard");
        let scope = Scope::of(&links_of(&case, &s));
        // Hugo lacks whiteboard and spreadsheets; Anna teaches whiteboard and video only.
        assert_eq!(scope.forward, vec![("hugo".into(), "whiteboard".into())]);
        // Anna lacks parents and documents; Hugo teaches projects and olympiad: nothing back.
        assert!(scope.back.is_empty());
        // Dmitri (lacks documents, olympiad) mentoring Hugo (teaches projects, olympiad).
        let s = pair("dmitri", "hugo", "whiteboard");
        let scope = Scope::of(&links_of(&case, &s));
        assert_eq!(scope.back, vec![("dmitri".into(), "olympiad".into())]);
    }

    #[test]
    fn prefill_fills_every_field_a_case_can_fill() {
        let case = demo_case();
        let mut goals = Goals::default();
        goals
            .goals
            .push(entry("Close each teacher's most pressing deficit"));
        goals.means.push(entry("Pair meetings every two weeks"));
        let map = prefill(
            &case,
            &goals,
            pair("dmitri", "hugo", "whiteboard"),
            &["Dmitri is 25 years younger than Hugo.".into()],
            Lang::En,
        );
        assert_eq!(map.cycle_months, 12);
        for f in Field::ALL {
            assert!(!map.passport.get(f).is_empty(), "{f:?} is empty");
        }
        assert!(map.passport.name.contains("Dmitri"));
        assert!(map.passport.name.contains("Hugo"));
        assert!(
            map.passport
                .goal
                .contains("Close each teacher's most pressing deficit")
        );
        assert!(map.passport.means_forms_methods.contains("Pair meetings"));
        assert!(map.passport.concept.contains("25 years younger"));
        assert!(map.passport.participants.contains("Online whiteboards"));
        assert!(lint(&map, &case).is_empty(), "{:?}", lint(&map, &case));
    }

    #[test]
    fn plan_runs_through_the_four_growth_stages_within_the_cycle() {
        let case = demo_case();
        let map = prefill(
            &case,
            &Goals::default(),
            pair("dmitri", "hugo", "whiteboard"),
            &[],
            Lang::En,
        );
        for g in Growth::ALL {
            assert!(map.activities.iter().any(|a| a.growth == g), "{g:?}");
        }
        assert!(map.activities.iter().all(|a| (1..=12).contains(&a.month)));
        assert!(map.activities.windows(2).all(|w| w[0].month <= w[1].month));
        // whiteboard activities use the computer lab, the one resource naming it.
        let wb: Vec<_> = map
            .activities
            .iter()
            .filter(|a| a.topics == ["whiteboard"])
            .collect();
        assert_eq!(wb.len(), 4);
        assert!(wb.iter().all(|a| a.resources == ["school-lab"]));
        // the way back (olympiad) is taught by the mentee, with the regional institute.
        let back: Vec<_> = map
            .activities
            .iter()
            .filter(|a| a.topics == ["olympiad"])
            .collect();
        assert_eq!(back.len(), 2);
        assert!(back.iter().all(|a| a.resources == ["region-ipk"]));
    }

    #[test]
    fn growth_months_split_the_cycle_in_four() {
        assert_eq!(growth_months(Growth::Skill, 12), (1, 3));
        assert_eq!(growth_months(Growth::Innovation, 12), (10, 12));
        assert_eq!(growth_months(Growth::Mastery, 6), (2, 3));
        // A tiny cycle never yields month 0 or an end before the start.
        for g in Growth::ALL {
            let (a, b) = growth_months(g, 1);
            assert!(a >= 1 && b >= a && b <= 1, "{g:?} {a} {b}");
        }
    }

    #[test]
    fn lint_finds_each_of_the_four_kinds() {
        let case = demo_case();
        // Irina (58, deputy) "mentoring" Anna (24): not lower in status.
        let mut map = prefill(
            &case,
            &Goals::default(),
            pair("irina", "anna", "parents"),
            &[],
            Lang::En,
        );
        let found = lint(&map, &case);
        assert!(found.contains(&Lint::MentorNotLower {
            mentor: "irina".into(),
            mentee: "anna".into()
        }));
        map.activities
            .retain(|a| !a.topics.contains(&"parents".to_string()));
        map.activities.push(Activity {
            month: 2,
            title: "Coffee".into(),
            growth: Growth::Skill,
            form: String::new(),
            topics: vec![],
            resources: vec![],
        });
        map.passport.goal = "  ".into();
        let found = lint(&map, &case);
        assert!(found.contains(&Lint::DeficitUnaddressed {
            participant: "anna".into(),
            topic: "parents".into()
        }));
        let coffee = map.activities.len() - 1;
        assert!(found.contains(&Lint::ActivityWithoutResource { index: coffee }));
        assert!(found.contains(&Lint::EmptyField(Field::Goal)));
        assert!(!found.contains(&Lint::EmptyField(Field::Name)));
    }

    #[test]
    fn teams_list_the_mentor_first_and_cover_every_mentee() {
        let case = demo_case();
        let refs = vec![
            PairRef {
                mentor: "anna".into(),
                mentee: "hugo".into(),
                topic: Some("whiteboard".into()),
            },
            PairRef {
                mentor: "anna".into(),
                mentee: "farid".into(),
                topic: Some("whiteboard".into()),
            },
        ];
        let subject = subject_for(&refs, "Anna's group");
        let Subject::Team { members, .. } = &subject else {
            panic!("two links make a team")
        };
        assert_eq!(members, &["anna", "hugo", "farid"]);
        let map = prefill(&case, &Goals::default(), subject, &[], Lang::En);
        assert!(map.passport.participants.contains("Hugo"));
        assert!(map.passport.participants.contains("Farid"));
        let scope = Scope::of(&links_of(&case, &map.subject));
        assert!(
            scope
                .forward
                .contains(&("farid".into(), "whiteboard".into()))
        );
        // No means, forms or methods were chosen in the goals stage, so that field stays empty.
        assert_eq!(
            lint(&map, &case),
            vec![Lint::EmptyField(Field::MeansFormsMethods)]
        );
    }

    #[test]
    fn filling_empty_fields_keeps_the_team_s_words() {
        let case = demo_case();
        let fresh = prefill(
            &case,
            &Goals::default(),
            pair("anna", "hugo", "whiteboard"),
            &[],
            Lang::En,
        );
        let mut mine = fresh.clone();
        mine.passport.goal = "Our own goal".into();
        mine.passport.problem.clear();
        mine.activities.clear();
        fill_empty(&mut mine, &fresh);
        assert_eq!(mine.passport.goal, "Our own goal");
        assert_eq!(mine.passport.problem, fresh.passport.problem);
        assert_eq!(mine.activities, fresh.activities);
        // A shorter cycle gets the plan squeezed into it.
        mine.activities.clear();
        mine.cycle_months = 6;
        fill_empty(&mut mine, &fresh);
        assert_eq!(mine.activities.len(), fresh.activities.len());
        assert!(mine.activities.iter().all(|a| (1..=6).contains(&a.month)));
        assert_eq!(mine.activities.last().unwrap().month, 6);
    }

    #[test]
    fn russian_prefill_speaks_russian() {
        let case = demo_case();
        let map = prefill(
            &case,
            &Goals::default(),
            pair("anna", "hugo", "whiteboard"),
            &[],
            Lang::Ru,
        );
        assert!(map.passport.period.contains("12"));
        assert!(
            map.passport.name.chars().any(|c| ('а'..='я').contains(&c)),
            "{}",
            map.passport.name
        );
    }
}
