//! Stage 5, Map: each pair's (or team's) individual reverse-mentoring map.
//!
//! A subject without a stored map shows a *draft*, prefilled but not part of the session;
//! the first edit stores it. So looking at a pair never marks the session unsaved.

use crate::app::edit::Edit;
use crate::app::model::{EditTarget, Model, PickFor, PickItem, is_nav, step};
use crate::app::msg::{Action, Cmd};
use crate::app::popup::{open_editor, open_picker};
use crate::domain::case::{Case, PairRef};
use crate::domain::map::{Lint, Scope, fill_empty, links_of, lint, prefill, subject_for};
use crate::domain::pairing::Mode;
use crate::domain::session::{Field, Map, Session, Subject};
use crate::i18n::{Lang, fill};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    Passport,
    Plan,
}

/// A pair or team the stage offers a map for.
#[derive(Debug, Clone, PartialEq)]
pub struct SubjectEntry {
    pub subject: Subject,
    /// "Anna → Hugo", "Anna → Hugo, Farid".
    pub label: String,
    /// The engine's reason sentences for the subject's pairs.
    pub reasons: Vec<String>,
}

#[derive(Default)]
pub struct State {
    pub subjects: Vec<SubjectEntry>,
    pub current: usize,
    pub focus: Focus,
    /// Index into `Field::ALL`.
    pub field: usize,
    pub activity: usize,
    /// Index of the current subject's map in `session.maps`, if it has been stored.
    pub stored: Option<usize>,
    /// A prefilled map for a subject that has none stored yet.
    pub draft: Option<Map>,
    pub lints: Vec<Lint>,
}

impl State {
    /// The map on screen: the stored one, else the draft.
    pub fn map<'a>(&'a self, session: &'a Session) -> Option<&'a Map> {
        match self.stored {
            Some(i) => session.maps.get(i),
            None => self.draft.as_ref(),
        }
    }

    pub fn subject(&self) -> Option<&SubjectEntry> {
        self.subjects.get(self.current)
    }

    pub fn field(&self) -> Field {
        Field::ALL[self.field.min(Field::ALL.len() - 1)]
    }
}

/// The language map text is written in: the case's, since names and topics come from it.
pub fn content_lang(m: &Model) -> Lang {
    Lang::from_code(&m.session.case.lang).unwrap_or(m.lang)
}

/// Rebuilds the subject list from the pairs and the stored maps, then the current map's
/// draft and lint.
pub fn refresh(m: &mut Model) {
    m.map.subjects = subjects(m);
    m.map.current = m.map.current.min(m.map.subjects.len().saturating_sub(1));
    refresh_current(m);
}

fn refresh_current(m: &mut Model) {
    let lang = content_lang(m);
    let st = &mut m.map;
    let Some(entry) = st.subjects.get(st.current) else {
        st.stored = None;
        st.draft = None;
        st.lints.clear();
        return;
    };
    st.stored = m
        .session
        .maps
        .iter()
        .position(|x| x.subject == entry.subject);
    st.draft = match st.stored {
        Some(_) => None,
        None => Some(prefill(
            &m.session.case,
            &m.session.goals,
            entry.subject.clone(),
            &entry.reasons,
            lang,
        )),
    };
    let (lints, n) = match st.map(&m.session) {
        Some(x) => (lint(x, &m.session.case), x.activities.len()),
        None => (Vec::new(), 0),
    };
    st.lints = lints;
    st.activity = st.activity.min(n.saturating_sub(1));
}

fn subjects(m: &Model) -> Vec<SubjectEntry> {
    let case = &m.session.case;
    let mut out: Vec<SubjectEntry> = Vec::new();
    if let Some(result) = &m.session.pairing.result {
        let team_by_mentor = m.session.pairing.mode == Mode::Group;
        for (i, p) in result.pairs.iter().enumerate() {
            let r = PairRef {
                mentor: p.mentor.clone(),
                mentee: p.mentee.clone(),
                topic: Some(p.topic.clone()),
            };
            let reason = m.pairs.reasons.get(i).cloned().unwrap_or_default();
            if team_by_mentor
                && let Some(team) = out.iter_mut().find(|e| mentor_of(&e.subject) == p.mentor)
            {
                let mut refs = refs_of(&team.subject);
                refs.push(r);
                team.subject = subject_for(&refs, &team_name(m, &p.mentor));
                team.label = label(case, &team.subject);
                team.reasons.push(reason);
            } else {
                let subject = Subject::Pair(r);
                out.push(SubjectEntry {
                    label: label(case, &subject),
                    subject,
                    reasons: vec![reason],
                });
            }
        }
    }
    for map in &m.session.maps {
        if !out.iter().any(|e| e.subject == map.subject) {
            out.push(SubjectEntry {
                label: label(case, &map.subject),
                subject: map.subject.clone(),
                reasons: Vec::new(),
            });
        }
    }
    out
}

fn team_name(m: &Model, mentor: &str) -> String {
    let name = m.session.case.name_of(mentor);
    fill(
        content_lang(m).strings().prefill.team_name,
        &[("mentor", name)],
    )
}

fn mentor_of(s: &Subject) -> &str {
    match s {
        Subject::Pair(p) => &p.mentor,
        Subject::Team { members, .. } => members.first().map_or("", |x| x.as_str()),
    }
}

/// The pair references a subject stands for (a team's with no topics).
fn refs_of(s: &Subject) -> Vec<PairRef> {
    match s {
        Subject::Pair(p) => vec![p.clone()],
        Subject::Team { members, .. } => members
            .split_first()
            .map(|(mentor, mentees)| {
                mentees
                    .iter()
                    .map(|me| PairRef {
                        mentor: mentor.clone(),
                        mentee: me.clone(),
                        topic: None,
                    })
                    .collect()
            })
            .unwrap_or_default(),
    }
}

/// "Anna → Hugo" for a pair, "Anna → Hugo, Farid" for a team.
pub fn label(case: &Case, s: &Subject) -> String {
    names(case, s, " → ", |n| n)
}

/// The mentor, `sep`, then the mentees: the people a subject stands for, each name passed
/// through `shown` (e.g. to keep only the first name).
pub fn names(case: &Case, s: &Subject, sep: &str, shown: impl Fn(&str) -> &str) -> String {
    let name = |id: &str| shown(case.name_of(id)).to_string();
    match s {
        Subject::Pair(p) => format!("{}{sep}{}", name(&p.mentor), name(&p.mentee)),
        Subject::Team {
            members,
            name: team,
        } => match members.split_first() {
            Some((mentor, rest)) => {
                let rest: Vec<String> = rest.iter().map(|x| name(x)).collect();
                format!("{}{sep}{}", name(mentor), rest.join(", "))
            }
            None => team.clone(),
        },
    }
}

/// ] and [: the next or previous pair's (or team's) map, round the list.
pub fn next_subject(m: &mut Model, forward: bool) {
    let st = &mut m.map;
    let n = st.subjects.len();
    if n == 0 {
        return;
    }
    st.current = if forward {
        (st.current + 1) % n
    } else {
        (st.current + n - 1) % n
    };
    refresh_current(m);
}

pub fn on_action(m: &mut Model, a: Action) -> Option<Cmd> {
    let st = &mut m.map;
    let activities = st.map(&m.session).map_or(0, |x| x.activities.len());
    let page = usize::from(m.size.1.saturating_sub(10)).max(1);
    match (a, st.focus) {
        (Action::Left, _) => st.focus = Focus::Passport,
        (Action::Right, _) => st.focus = Focus::Plan,
        (a, Focus::Passport) if is_nav(a) => st.field = step(st.field, Field::ALL.len(), a, page),
        (a, Focus::Plan) if is_nav(a) => st.activity = step(st.activity, activities, a, page),
        (Action::NextSubject | Action::PrevSubject, _) => {
            next_subject(m, a == Action::NextSubject);
        }
        (Action::Activate, Focus::Passport) => {
            if let Some(map) = m.map.map(&m.session) {
                let f = m.map.field();
                let text = map.passport.get(f).clone();
                open_editor(m, EditTarget::Field(f), &text);
            }
        }
        (Action::Activate, Focus::Plan) if m.map.activity < activities => {
            if let Some(map) = m.map.map(&m.session) {
                let i = m.map.activity;
                let text = map.activities[i].title.clone();
                open_editor(m, EditTarget::Activity(i), &text);
            }
        }
        (Action::Longer | Action::Shorter, _) => {
            let cycle = m.map.map(&m.session)?.cycle_months;
            let months = if a == Action::Longer {
                cycle + 1
            } else {
                cycle.saturating_sub(1)
            };
            let i = ensure_stored(m)?;
            m.edit(Edit::SetCycle(i, months));
        }
        (Action::Refill, _) => refill(m),
        (Action::AddResource, Focus::Plan) if m.map.activity < activities => pick_resource(m),
        (Action::ToggleTopic, Focus::Plan) if m.map.activity < activities => pick_topic(m),
        (Action::Delete, Focus::Plan) if m.map.activity < activities => {
            let i = ensure_stored(m)?;
            m.edit(Edit::RemoveActivity(i, m.map.activity));
        }
        _ => {}
    }
    None
}

/// Stores the draft as the subject's map if needed; the index of the stored map.
fn ensure_stored(m: &mut Model) -> Option<usize> {
    if m.map.stored.is_none() {
        let draft = m.map.draft.clone()?;
        m.edit(Edit::PutMap(Box::new(draft)));
    }
    m.map.stored
}

/// Fills the stored map's empty fields from a fresh draft (goals may have changed).
fn refill(m: &mut Model) {
    let Some(entry) = m.map.subject().cloned() else {
        return;
    };
    let Some(i) = ensure_stored(m) else {
        return;
    };
    let fresh = prefill(
        &m.session.case,
        &m.session.goals,
        entry.subject,
        &entry.reasons,
        content_lang(m),
    );
    let mut map = m.session.maps[i].clone();
    fill_empty(&mut map, &fresh);
    m.edit(Edit::PutMap(Box::new(map)));
}

fn pick_resource(m: &mut Model) {
    let s = m.strings();
    let Some(map) = m.map.map(&m.session) else {
        return;
    };
    let on = &map.activities[m.map.activity].resources;
    let items: Vec<PickItem> = m
        .session
        .case
        .resources
        .iter()
        .filter(|r| !on.contains(&r.id))
        .map(|r| PickItem {
            text: r.name.clone(),
            detail: s.level_name(r.level).to_string(),
            key: Some(r.id.clone()),
        })
        .collect();
    if items.is_empty() {
        m.notice = Some(s.case.no_resources.to_string());
        return;
    }
    let purpose = PickFor::ActivityResource(m.map.activity);
    open_picker(m, purpose, s.map.pick_resource.to_string(), items);
}

fn pick_topic(m: &mut Model) {
    let s = m.strings();
    let case = &m.session.case;
    let Some(map) = m.map.map(&m.session) else {
        return;
    };
    let on = &map.activities[m.map.activity].topics;
    let scope = Scope::of(&links_of(case, &map.subject));
    let mut items: Vec<PickItem> = Vec::new();
    for (who, topic) in scope.all() {
        if items
            .iter()
            .any(|i| i.key.as_deref() == Some(topic.as_str()))
        {
            continue;
        }
        let who = case.name_of(who);
        let mark = if on.contains(topic) { "✓ " } else { "" };
        items.push(PickItem {
            text: format!("{mark}{}", case.topic_name(topic)),
            detail: who.to_string(),
            key: Some(topic.clone()),
        });
    }
    if !items.is_empty() {
        let purpose = PickFor::ActivityTopic(m.map.activity);
        open_picker(m, purpose, s.map.pick_topic.to_string(), items);
    }
}

/// A picked resource or topic for an activity.
pub fn picked(m: &mut Model, purpose: PickFor, item: PickItem) {
    let Some(key) = item.key else {
        return;
    };
    let Some(i) = ensure_stored(m) else {
        return;
    };
    match purpose {
        PickFor::ActivityResource(a) => m.edit(Edit::AddActivityResource(i, a, key)),
        PickFor::ActivityTopic(a) => m.edit(Edit::ToggleActivityTopic(i, a, key)),
        PickFor::Entry(_) => {}
    }
}

/// The editor's text for a passport field or an activity title.
pub fn written(m: &mut Model, target: EditTarget, text: String) {
    match target {
        EditTarget::Field(f) => {
            let unchanged = m
                .map
                .map(&m.session)
                .is_some_and(|x| *x.passport.get(f) == text);
            if unchanged {
                return;
            }
            if let Some(i) = ensure_stored(m) {
                m.edit(Edit::SetField(i, f, text));
            }
        }
        EditTarget::Activity(a) if !text.trim().is_empty() => {
            if let Some(i) = ensure_stored(m) {
                m.edit(Edit::SetActivityTitle(i, a, text));
            }
        }
        _ => {}
    }
}

/// The lint messages for the current map, in the interface language.
pub fn lint_messages(m: &Model) -> Vec<String> {
    let s = m.strings();
    let case = &m.session.case;
    let name = |id: &str| case.name_of(id).to_string();
    m.map
        .lints
        .iter()
        .map(|l| match l {
            Lint::MentorNotLower { mentor, mentee } => fill(
                s.lint.mentor_not_lower,
                &[("mentor", &name(mentor)), ("mentee", &name(mentee))],
            ),
            Lint::DeficitUnaddressed { participant, topic } => fill(
                s.lint.deficit_unaddressed,
                &[
                    ("who", &name(participant)),
                    ("topic", case.topic_name(topic)),
                ],
            ),
            Lint::ActivityWithoutResource { index } => fill(
                s.lint.activity_without_resource,
                &[("n", &(index + 1).to_string())],
            ),
            Lint::EmptyField(f) => fill(s.lint.empty_field, &[("field", s.field_name(*f))]),
        })
        .collect()
}
