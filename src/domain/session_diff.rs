//! What differs between two versions of a session (the saved file and an autosaved
//! recovery), and between two maps (two teams' work, side by side).
//!
//! Changes are data; `i18n::persist` words them in the reader's language.

use std::collections::HashSet;
use std::hash::Hash;

use super::case::{Case, PairRef};
use super::pairing::Mode;
use super::session::{Field, Map, Section, Session, Subject};
use crate::i18n::{Lang, fill};

/// One difference from `before` to `after`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Team {
        before: String,
        after: String,
    },
    /// The embedded case is not the same case.
    Case,
    /// Entries of a goals section: texts added and removed (an edit is one of each).
    Section {
        section: Section,
        added: Vec<String>,
        removed: Vec<String>,
    },
    Mode {
        before: Mode,
        after: Mode,
    },
    Locks {
        added: usize,
        removed: usize,
    },
    Forbids {
        added: usize,
        removed: usize,
    },
    /// Pairs formed, dropped or changed; `before`/`after` count the pairs on each side.
    Pairs {
        before: usize,
        after: usize,
        added: usize,
        removed: usize,
    },
    MapAdded(Subject),
    MapRemoved(Subject),
    /// Passport fields whose text differs, in passport order.
    MapFields {
        subject: Subject,
        fields: Vec<Field>,
    },
    MapPlan {
        subject: Subject,
    },
    /// Teams collected by a merge.
    Teams {
        before: usize,
        after: usize,
    },
    /// The session plan's items (titles, order, minutes, who presents); running clocks
    /// are not work and do not count.
    Plan {
        before: usize,
        after: usize,
    },
}

/// Every change from `before` to `after`, in the order of the stages.
pub fn diff(before: &Session, after: &Session) -> Vec<Change> {
    let mut out = Vec::new();
    if before.team != after.team {
        out.push(Change::Team {
            before: before.team.clone(),
            after: after.team.clone(),
        });
    }
    if before.case != after.case {
        out.push(Change::Case);
    }
    for section in Section::ALL {
        let (added, removed) = list_diff(
            before.goals.section(section).iter().map(|e| e.text.clone()),
            after.goals.section(section).iter().map(|e| e.text.clone()),
        );
        if !added.is_empty() || !removed.is_empty() {
            out.push(Change::Section {
                section,
                added,
                removed,
            });
        }
    }
    pairing_changes(before, after, &mut out);
    map_changes(&before.maps, &after.maps, &mut out);
    if before.teams != after.teams {
        out.push(Change::Teams {
            before: before.teams.len(),
            after: after.teams.len(),
        });
    }
    let plan = |s: &Session| -> Vec<(String, Option<String>, u32, Option<String>)> {
        s.room
            .plan
            .iter()
            .map(|i| {
                let stage = i.stage.map(|st| format!("{st:?}"));
                (i.title.clone(), stage, i.minutes, i.presenter.clone())
            })
            .collect()
    };
    if plan(before) != plan(after) {
        out.push(Change::Plan {
            before: before.room.plan.len(),
            after: after.room.plan.len(),
        });
    }
    out
}

fn pairing_changes(before: &Session, after: &Session, out: &mut Vec<Change>) {
    let (b, a) = (&before.pairing, &after.pairing);
    if b.mode != a.mode {
        out.push(Change::Mode {
            before: b.mode,
            after: a.mode,
        });
    }
    let (added, removed) = count_diff(&b.overrides.locked, &a.overrides.locked);
    if added + removed > 0 {
        out.push(Change::Locks { added, removed });
    }
    let (added, removed) = count_diff(&b.overrides.forbidden, &a.overrides.forbidden);
    if added + removed > 0 {
        out.push(Change::Forbids { added, removed });
    }
    let key = |s: &Session| -> Vec<(String, String, String)> {
        s.pairing
            .result
            .iter()
            .flat_map(|r| &r.pairs)
            .map(|p| (p.mentor.clone(), p.mentee.clone(), p.topic.clone()))
            .collect()
    };
    let (pb, pa) = (key(before), key(after));
    let (added, removed) = count_diff(&pb, &pa);
    if added + removed > 0 || b.result.is_some() != a.result.is_some() {
        out.push(Change::Pairs {
            before: pb.len(),
            after: pa.len(),
            added,
            removed,
        });
    }
}

fn map_changes(before: &[Map], after: &[Map], out: &mut Vec<Change>) {
    for m in after {
        match before.iter().find(|b| b.subject == m.subject) {
            None => out.push(Change::MapAdded(m.subject.clone())),
            Some(b) => {
                let fields = field_diffs(b, m);
                if !fields.is_empty() {
                    out.push(Change::MapFields {
                        subject: m.subject.clone(),
                        fields,
                    });
                }
                if b.activities != m.activities || b.cycle_months != m.cycle_months {
                    out.push(Change::MapPlan {
                        subject: m.subject.clone(),
                    });
                }
            }
        }
    }
    for b in before {
        if !after.iter().any(|m| m.subject == b.subject) {
            out.push(Change::MapRemoved(b.subject.clone()));
        }
    }
}

/// The passport fields whose text differs between two maps, in passport order.
pub fn field_diffs(a: &Map, b: &Map) -> Vec<Field> {
    Field::ALL
        .into_iter()
        .filter(|f| a.passport.get(*f).trim() != b.passport.get(*f).trim())
        .collect()
}

/// Items of `after` not in `before`, and of `before` not in `after`, each side counted as a
/// multiset so a repeated entry is noticed.
fn list_diff(
    before: impl Iterator<Item = String>,
    after: impl Iterator<Item = String>,
) -> (Vec<String>, Vec<String>) {
    let mut before: Vec<String> = before.collect();
    let mut added = Vec::new();
    for a in after {
        match before.iter().position(|b| *b == a) {
            Some(i) => {
                before.remove(i);
            }
            None => added.push(a),
        }
    }
    (added, before)
}

fn count_diff<T: Eq + Hash>(before: &[T], after: &[T]) -> (usize, usize) {
    let b: HashSet<&T> = before.iter().collect();
    let a: HashSet<&T> = after.iter().collect();
    (a.difference(&b).count(), b.difference(&a).count())
}

/// What differs from `saved` to `recovered`, one line each in `lang`, for the restore
/// prompt. People are named by display name, never surname.
pub fn diff_summary(saved: &Session, recovered: &Session, lang: Lang) -> Vec<String> {
    diff(saved, recovered)
        .iter()
        .map(|c| describe(c, &recovered.case, lang))
        .collect()
}

/// One change in words.
pub fn describe(c: &Change, case: &Case, lang: Lang) -> String {
    let s = lang.strings();
    let t = s.persist;
    let n = |x: usize| x.to_string();
    match c {
        Change::Team { before, after } => {
            fill(t.change_team, &[("before", before), ("after", after)])
        }
        Change::Case => t.change_case.to_string(),
        Change::Section {
            section,
            added,
            removed,
        } => {
            let name = s.section_name(*section);
            let mut parts = Vec::new();
            if !added.is_empty() {
                parts.push(fill(
                    t.change_added,
                    &[("section", name), ("items", &quoted(added))],
                ));
            }
            if !removed.is_empty() {
                parts.push(fill(
                    t.change_removed,
                    &[("section", name), ("items", &quoted(removed))],
                ));
            }
            parts.join("; ")
        }
        Change::Mode { before, after } => fill(
            t.change_mode,
            &[
                ("before", s.mode_name(*before)),
                ("after", s.mode_name(*after)),
            ],
        ),
        Change::Locks { added, removed } => fill(
            t.change_locks,
            &[("added", &n(*added)), ("removed", &n(*removed))],
        ),
        Change::Forbids { added, removed } => fill(
            t.change_forbids,
            &[("added", &n(*added)), ("removed", &n(*removed))],
        ),
        Change::Pairs {
            before,
            after,
            added,
            removed,
        } => fill(
            t.change_pairs,
            &[
                ("before", &n(*before)),
                ("after", &n(*after)),
                ("added", &n(*added)),
                ("removed", &n(*removed)),
            ],
        ),
        Change::MapAdded(subject) => fill(
            t.change_map_added,
            &[("subject", &subject_label(subject, case))],
        ),
        Change::MapRemoved(subject) => fill(
            t.change_map_removed,
            &[("subject", &subject_label(subject, case))],
        ),
        Change::MapFields { subject, fields } => {
            let names: Vec<&str> = fields.iter().map(|f| s.field_name(*f)).collect();
            fill(
                t.change_map_fields,
                &[
                    ("subject", &subject_label(subject, case)),
                    ("fields", &names.join(", ")),
                ],
            )
        }
        Change::MapPlan { subject } => fill(
            t.change_map_plan,
            &[("subject", &subject_label(subject, case))],
        ),
        Change::Teams { before, after } => fill(
            t.change_teams,
            &[("before", &n(*before)), ("after", &n(*after))],
        ),
        Change::Plan { before, after } => fill(
            t.change_plan,
            &[("before", &n(*before)), ("after", &n(*after))],
        ),
    }
}

/// «a», «b» and 2 more — short enough for one line of a prompt.
fn quoted(items: &[String]) -> String {
    const SHOWN: usize = 2;
    let mut out: Vec<String> = items
        .iter()
        .take(SHOWN)
        .map(|i| {
            let short: String = i.chars().take(40).collect();
            let more = if short.len() < i.len() { "…" } else { "" };
            format!("«{short}{more}»")
        })
        .collect();
    if items.len() > SHOWN {
        out.push(format!("+{}", items.len() - SHOWN));
    }
    out.join(", ")
}

/// Whom a map is for, by display names: "Anna → Hugo", or the team's name.
pub fn subject_label(s: &Subject, case: &Case) -> String {
    let name = |id: &str| {
        case.participant(id)
            .map_or(id.to_string(), |p| p.name.clone())
    };
    match s {
        Subject::Pair(PairRef { mentor, mentee, .. }) => {
            format!("{} → {}", name(mentor), name(mentee))
        }
        Subject::Team { name, .. } => name.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::case::Case;
    use crate::domain::session::{Entry, Passport};

    fn case() -> Case {
        let text = include_str!("../../tests/fixtures/cases/small.ron");
        ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .from_str(text)
            .unwrap()
    }

    fn map(mentee: &str) -> Map {
        Map {
            subject: Subject::Pair(PairRef {
                mentor: "ann".into(),
                mentee: mentee.into(),
                topic: None,
            }),
            passport: Passport::default(),
            cycle_months: 12,
            activities: vec![],
        }
    }

    fn entry(t: &str) -> Entry {
        Entry {
            text: t.into(),
            from_catalogue: false,
            resource: None,
        }
    }

    #[test]
    fn identical_sessions_have_no_changes() {
        let s = Session::new(case(), "t");
        assert_eq!(diff(&s, &s.clone()), vec![]);
    }

    /// A re-timed or renamed plan item is a change; a running clock is not.
    #[test]
    fn the_plan_counts_but_its_clocks_do_not() {
        let mut before = Session::new(case(), "t");
        before.room.plan = vec![crate::domain::room::PlanItem::new("Goals", 20)];
        let mut ticking = before.clone();
        ticking.room.plan[0].timer.running = true;
        ticking.room.plan[0].timer.elapsed_ms = 60_000;
        assert_eq!(diff(&before, &ticking), vec![]);
        let mut after = before.clone();
        after.room.plan[0].minutes = 25;
        after.room.plan[0].presenter = Some("Team 2".into());
        after
            .room
            .plan
            .push(crate::domain::room::PlanItem::new("Pairs", 15));
        let changes = diff(&before, &after);
        assert_eq!(
            changes,
            vec![Change::Plan {
                before: 1,
                after: 2
            }]
        );
        assert_eq!(
            describe(&changes[0], &before.case, Lang::En),
            "Session plan changed (items: 1 → 2)"
        );
    }

    #[test]
    fn names_what_was_added_edited_and_removed() {
        let mut before = Session::new(case(), "t");
        before.goals.goals = vec![entry("A"), entry("B")];
        before.maps = vec![map("bob"), map("cat")];
        let mut after = before.clone();
        after.goals.goals = vec![entry("A"), entry("B2"), entry("Цель")];
        after.maps[0].passport.goal = "Excel by May".into();
        after.maps[0].passport.period = "1 year".into();
        after.maps.remove(1);
        after.pairing.mode = Mode::Network;
        after.pairing.overrides.forbidden.push(PairRef {
            mentor: "bob".into(),
            mentee: "ann".into(),
            topic: None,
        });
        let changes = diff(&before, &after);
        assert_eq!(
            changes,
            vec![
                Change::Section {
                    section: Section::Goals,
                    added: vec!["B2".into(), "Цель".into()],
                    removed: vec!["B".into()],
                },
                Change::Mode {
                    before: Mode::OneToOne,
                    after: Mode::Network
                },
                Change::Forbids {
                    added: 1,
                    removed: 0
                },
                Change::MapFields {
                    subject: map("bob").subject,
                    fields: vec![Field::Goal, Field::Period],
                },
                Change::MapRemoved(map("cat").subject),
            ]
        );
    }

    #[test]
    fn the_summary_names_people_and_fields_in_the_reader_s_language() {
        let mut before = Session::new(case(), "t");
        before.maps = vec![map("bob")];
        let mut after = before.clone();
        after.maps[0].passport.goal = "Excel".into();
        after.goals.means.push(entry("Встречи раз в неделю"));
        let en = diff_summary(&before, &after, Lang::En);
        assert_eq!(en.len(), 2, "{en:?}");
        assert!(en[0].contains("«Встречи раз в неделю»"), "{en:?}");
        assert!(en[1].starts_with("Map Ann → Bob: edited"), "{en:?}");
        let ru = diff_summary(&before, &after, Lang::Ru);
        assert!(ru[1].starts_with("Карта Ann → Bob: изменено"), "{ru:?}");
        assert_ne!(en[1], ru[1]);
        let many: Vec<String> = (0..5).map(|i| format!("{i}")).collect();
        assert_eq!(quoted(&many), "«0», «1», +3");
    }

    #[test]
    fn a_repeated_entry_counts() {
        let (added, removed) = list_diff(
            ["x".to_string()].into_iter(),
            ["x".to_string(), "x".to_string()].into_iter(),
        );
        assert_eq!((added, removed), (vec!["x".to_string()], vec![]));
    }

    #[test]
    fn whitespace_only_edits_are_not_differences_between_maps() {
        let a = map("bob");
        let mut b = map("bob");
        b.passport.goal = "  ".into();
        assert!(field_diffs(&a, &b).is_empty());
        b.passport.goal = "x".into();
        assert_eq!(field_diffs(&a, &b), vec![Field::Goal]);
    }
}
