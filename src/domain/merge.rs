//! Collecting several teams' sessions of one case into one seminar session.
//!
//! Each input's own work (goals, pairs, maps) becomes one [`TeamWork`]; work an input had
//! already collected comes along as it is. The result's own work is empty: it is the
//! facilitator's file. Sessions of different cases are refused — their ids and maps would
//! not mean the same people.

use super::session::{SESSION_VERSION, Session, TeamWork};

/// One session to merge: where it came from, its case's hash, and the session.
#[derive(Debug, Clone)]
pub struct Input {
    /// The file name, used in messages and as a team name when the session has none.
    pub source: String,
    pub case_hash: String,
    pub session: Session,
}

/// Why the inputs cannot be merged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MergeError {
    NoInput,
    /// `other` is built from a different case than `first`: (file, case title) each.
    DifferentCases {
        first: (String, String),
        other: (String, String),
    },
}

/// The merged session and notes on what was skipped or renamed.
#[derive(Debug, Clone)]
pub struct Merged {
    pub session: Session,
    pub notes: Vec<String>,
}

pub fn merge(inputs: Vec<Input>) -> Result<Merged, MergeError> {
    let first = inputs.first().ok_or(MergeError::NoInput)?;
    if let Some(other) = inputs.iter().find(|i| i.case_hash != first.case_hash) {
        return Err(MergeError::DifferentCases {
            first: (first.source.clone(), first.session.case.title.clone()),
            other: (other.source.clone(), other.session.case.title.clone()),
        });
    }
    let mut out = Session::new(first.session.case.clone(), "");
    out.version = SESSION_VERSION;
    out.case_hash = first.case_hash.clone();
    out.created = earliest(inputs.iter().map(|i| i.session.created.as_str()));
    out.modified = latest(inputs.iter().map(|i| i.session.modified.as_str()));
    // The room's plan (who presents, re-timed items) comes from the first file: the
    // facilitator's own, or the seminar file being added to.
    out.room = first.session.room.clone();
    let mut notes = Vec::new();
    for input in inputs {
        let own = own_work(&input);
        if own.goals == Default::default()
            && own.pairing == Default::default()
            && own.maps.is_empty()
        {
            notes.push(format!(
                "{}: no goals, pairs or maps; nothing to collect",
                input.source
            ));
        } else {
            add(&mut out.teams, own, &mut notes);
        }
        for t in input.session.teams {
            add(&mut out.teams, t, &mut notes);
        }
    }
    Ok(Merged {
        session: out,
        notes,
    })
}

fn own_work(input: &Input) -> TeamWork {
    let s = &input.session;
    TeamWork {
        team: if s.team.trim().is_empty() {
            stem(&input.source)
        } else {
            s.team.clone()
        },
        source: input.source.clone(),
        modified: s.modified.clone(),
        goals: s.goals.clone(),
        pairing: s.pairing.clone(),
        maps: s.maps.clone(),
    }
}

/// Adds `t` unless the same work is already there; a different team's work under a name
/// already taken gets the file's name added, so no team is silently overwritten.
fn add(teams: &mut Vec<TeamWork>, mut t: TeamWork, notes: &mut Vec<String>) {
    if let Some(same) = teams.iter().find(|x| same_work(x, &t)) {
        notes.push(format!(
            "{}: the work of {:?} is the same as in {}; kept once",
            t.source, t.team, same.source
        ));
        return;
    }
    if teams.iter().any(|x| x.team == t.team) {
        let renamed = format!("{} ({})", t.team, t.source);
        notes.push(format!(
            "{}: another file also has a team called {:?}; this one is called {renamed:?}",
            t.source, t.team
        ));
        t.team = renamed;
    }
    teams.push(t);
}

fn same_work(a: &TeamWork, b: &TeamWork) -> bool {
    a.team == b.team && a.goals == b.goals && a.pairing == b.pairing && a.maps == b.maps
}

/// "team-3" from "some/dir/team-3.ron".
fn stem(source: &str) -> String {
    let name = source.rsplit(['/', '\\']).next().unwrap_or(source);
    name.strip_suffix(".ron").unwrap_or(name).to_string()
}

/// RFC 3339 UTC times in one format compare as text.
fn earliest<'a>(times: impl Iterator<Item = &'a str>) -> String {
    times
        .filter(|t| !t.is_empty())
        .min()
        .unwrap_or("")
        .to_string()
}

fn latest<'a>(times: impl Iterator<Item = &'a str>) -> String {
    times.max().unwrap_or("").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::case::{Case, PairRef};
    use crate::domain::room::PlanItem;
    use crate::domain::session::{Map, Passport, Subject};

    fn case() -> Case {
        let text = include_str!("../../tests/fixtures/cases/small.ron");
        ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .from_str(text)
            .unwrap()
    }

    fn team(name: &str, goal: &str, modified: &str) -> Session {
        let mut s = Session::new(case(), modified);
        s.team = name.into();
        s.maps.push(Map {
            subject: Subject::Pair(PairRef {
                mentor: "ann".into(),
                mentee: "bob".into(),
                topic: None,
            }),
            passport: Passport {
                goal: goal.into(),
                ..Passport::default()
            },
            cycle_months: 12,
            activities: vec![],
        });
        s
    }

    fn input(source: &str, s: Session) -> Input {
        Input {
            source: source.into(),
            case_hash: "h".into(),
            session: s,
        }
    }

    #[test]
    fn two_teams_become_two_team_entries() {
        let m = merge(vec![
            input("a.ron", team("Team 1", "Excel", "2026-05-16T11:00:00Z")),
            input("b.ron", team("Team 2", "Video", "2026-05-16T11:30:00Z")),
        ])
        .unwrap();
        let s = m.session;
        assert_eq!(s.teams.len(), 2);
        assert_eq!(s.teams[0].team, "Team 1");
        assert_eq!(s.teams[1].maps[0].passport.goal, "Video");
        assert_eq!(s.teams[1].source, "b.ron");
        assert!(s.maps.is_empty() && s.team.is_empty());
        assert_eq!(s.modified, "2026-05-16T11:30:00Z");
        assert_eq!(s.created, "2026-05-16T11:00:00Z");
        assert_eq!(s.case_hash, "h");
        assert!(m.notes.is_empty());
    }

    #[test]
    fn the_first_file_s_plan_is_kept() {
        let mut a = team("Team 1", "Excel", "");
        a.room.plan = vec![PlanItem {
            title: "Teams present".into(),
            presenter: Some("Team 1".into()),
            stage: None,
            minutes: 25,
            timer: Default::default(),
        }];
        let b = team("Team 2", "Video", "");
        let plan = a.room.plan.clone();
        let m = merge(vec![input("a.ron", a), input("b.ron", b)]).unwrap();
        assert_eq!(m.session.room.plan, plan);
    }

    #[test]
    fn different_cases_are_refused_naming_both_files() {
        let mut other = input("k.ron", team("T", "x", ""));
        other.case_hash = "other".into();
        other.session.case.title = "Kvantorium".into();
        let e = merge(vec![input("a.ron", team("T", "x", "")), other]).unwrap_err();
        assert_eq!(
            e,
            MergeError::DifferentCases {
                first: ("a.ron".into(), "Small case".into()),
                other: ("k.ron".into(), "Kvantorium".into()),
            }
        );
    }

    #[test]
    fn merging_a_merge_again_adds_only_what_is_new() {
        let first = merge(vec![
            input("a.ron", team("Team 1", "Excel", "")),
            input("b.ron", team("Team 2", "Video", "")),
        ])
        .unwrap()
        .session;
        let m = merge(vec![
            input("seminar.ron", first),
            input("b.ron", team("Team 2", "Video", "")),
            input("c.ron", team("", "Parents", "")),
        ])
        .unwrap();
        let names: Vec<_> = m.session.teams.iter().map(|t| t.team.as_str()).collect();
        assert_eq!(names, ["Team 1", "Team 2", "c"]);
        assert_eq!(m.notes.len(), 2, "{:?}", m.notes);
        assert!(m.notes[0].contains("seminar.ron: no goals"));
        assert!(m.notes[1].contains("kept once"));
    }

    #[test]
    fn a_clashing_team_name_is_made_unique_not_overwritten() {
        let m = merge(vec![
            input("a.ron", team("Team 1", "Excel", "")),
            input("dir/b.ron", team("Team 1", "Video", "")),
        ])
        .unwrap();
        let names: Vec<_> = m.session.teams.iter().map(|t| t.team.as_str()).collect();
        assert_eq!(names, ["Team 1", "Team 1 (dir/b.ron)"]);
        assert_eq!(stem("dir/b.ron"), "b");
    }
}
