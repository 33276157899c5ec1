//! A session: the work one team (or the facilitator) does on one case — the project
//! session's six sections, the pairs, and an individual reverse-mentoring map per pair or team.
//!
//! Plain data. The file format around it (version, embedded case, hash, migrations, autosave)
//! lives in `store`; the editing rules live in `app`.

use serde::{Deserialize, Serialize};

use super::case::{Case, Id, PairRef};
use super::limits::{MAX_LIST, bounded};
use super::pairing::{Mode, Overrides, Pairing};
use super::room::Room;

/// The session format version this build writes.
pub const SESSION_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    pub version: u32,
    /// A random id made when the session is created; it keys the autosave recovery file.
    /// Empty in files written before it existed (one is assigned on load).
    #[serde(default)]
    pub id: String,
    /// The team whose work this is, e.g. "Team 3" (empty for the facilitator's own).
    #[serde(default)]
    pub team: String,
    /// RFC 3339 UTC times, e.g. "2026-05-16T10:30:00Z".
    #[serde(default)]
    pub created: String,
    #[serde(default)]
    pub modified: String,
    /// The case, embedded so the session opens anywhere with no other file.
    pub case: Case,
    /// SHA-256 of the embedded case's canonical RON; sessions of the same case share it.
    #[serde(default)]
    pub case_hash: String,
    #[serde(default)]
    pub goals: Goals,
    #[serde(default)]
    pub pairing: PairingState,
    #[serde(default, deserialize_with = "bounded::<_, _, MAX_LIST>")]
    pub maps: Vec<Map>,
    /// Other teams' work collected by `revmap merge`, one entry per team. The fields above
    /// are this session's own work (the facilitator's, in a merged seminar file).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "bounded::<_, _, MAX_LIST>"
    )]
    pub teams: Vec<TeamWork>,
    /// The room: the session plan with its timers (copied from the case's agenda when the
    /// session is made; older files without it get the case's agenda when opened).
    #[serde(default)]
    pub room: Room,
}

/// One team's work inside a merged session: what a team's own session holds besides the case.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TeamWork {
    pub team: String,
    /// The file it was collected from, for the record (e.g. "team-3.ron").
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub modified: String,
    #[serde(default)]
    pub goals: Goals,
    #[serde(default)]
    pub pairing: PairingState,
    #[serde(default, deserialize_with = "bounded::<_, _, MAX_LIST>")]
    pub maps: Vec<Map>,
}

impl Session {
    /// A fresh session on `case`; `now` is an RFC 3339 time supplied by the caller.
    pub fn new(case: Case, now: &str) -> Session {
        Session {
            version: SESSION_VERSION,
            id: String::new(),
            team: String::new(),
            created: now.to_string(),
            modified: now.to_string(),
            case_hash: String::new(),
            goals: Goals::default(),
            pairing: PairingState::default(),
            maps: Vec::new(),
            teams: Vec::new(),
            room: Room::from_case(&case),
            case,
        }
    }
}

/// The six sections of the project session (seed 002).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Section {
    Goals,
    Means,
    FormsMethods,
    PairTechnologies,
    DeficitTechnologies,
    Resources,
}

impl Section {
    pub const ALL: [Section; 6] = [
        Section::Goals,
        Section::Means,
        Section::FormsMethods,
        Section::PairTechnologies,
        Section::DeficitTechnologies,
        Section::Resources,
    ];
}

/// What the team decided in each section, in the team's order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Goals {
    #[serde(default, deserialize_with = "bounded::<_, _, MAX_LIST>")]
    pub goals: Vec<Entry>,
    #[serde(default, deserialize_with = "bounded::<_, _, MAX_LIST>")]
    pub means: Vec<Entry>,
    #[serde(default, deserialize_with = "bounded::<_, _, MAX_LIST>")]
    pub forms_methods: Vec<Entry>,
    #[serde(default, deserialize_with = "bounded::<_, _, MAX_LIST>")]
    pub pair_technologies: Vec<Entry>,
    #[serde(default, deserialize_with = "bounded::<_, _, MAX_LIST>")]
    pub deficit_technologies: Vec<Entry>,
    /// Resources: entries picked from the case's resources carry the resource id.
    #[serde(default, deserialize_with = "bounded::<_, _, MAX_LIST>")]
    pub resources: Vec<Entry>,
}

impl Goals {
    pub fn section(&self, s: Section) -> &Vec<Entry> {
        match s {
            Section::Goals => &self.goals,
            Section::Means => &self.means,
            Section::FormsMethods => &self.forms_methods,
            Section::PairTechnologies => &self.pair_technologies,
            Section::DeficitTechnologies => &self.deficit_technologies,
            Section::Resources => &self.resources,
        }
    }

    pub fn section_mut(&mut self, s: Section) -> &mut Vec<Entry> {
        match s {
            Section::Goals => &mut self.goals,
            Section::Means => &mut self.means,
            Section::FormsMethods => &mut self.forms_methods,
            Section::PairTechnologies => &mut self.pair_technologies,
            Section::DeficitTechnologies => &mut self.deficit_technologies,
            Section::Resources => &mut self.resources,
        }
    }
}

/// One line of a section: picked from the case's catalogue, or the team's own words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub text: String,
    /// True when picked from the case's catalogue rather than typed.
    #[serde(default)]
    pub from_catalogue: bool,
    /// For resources picked from the case: the resource id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource: Option<Id>,
}

/// The pairs stage: the chosen mode, the facilitator's overrides and the last result.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PairingState {
    #[serde(default)]
    pub mode: Mode,
    #[serde(default)]
    pub overrides: Overrides,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<Pairing>,
}

/// Whom a map is for: one mentoring pair, or a team (e.g. a student and a group of teachers).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Subject {
    Pair(PairRef),
    Team { name: String, members: Vec<Id> },
}

/// The stages of professional growth (seed 000).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
pub enum Growth {
    #[default]
    Skill,
    Mastery,
    Creativity,
    Innovation,
}

impl Growth {
    pub const ALL: [Growth; 4] = [
        Growth::Skill,
        Growth::Mastery,
        Growth::Creativity,
        Growth::Innovation,
    ];
}

/// An individual reverse-mentoring map: the practice passport's thirteen fields (seed 004)
/// and an activity plan over the cycle.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Map {
    pub subject: Subject,
    pub passport: Passport,
    /// Length of the mentoring cycle in months (seed 000: 84.7% prefer about a year).
    #[serde(default = "default_cycle")]
    pub cycle_months: u32,
    #[serde(default, deserialize_with = "bounded::<_, _, MAX_LIST>")]
    pub activities: Vec<Activity>,
}

impl Map {
    /// The map with every text cut to what the session format accepts (`text::fit`):
    /// passport fields may span lines, activity titles and forms and team names may not.
    pub fn fitted(mut self) -> Map {
        use super::limits::{MAX_LONG_TEXT, MAX_SHORT_TEXT};
        use super::text::fit;
        for f in Field::ALL {
            let text = self.passport.get_mut(f);
            *text = fit(text, true, MAX_LONG_TEXT);
        }
        for a in &mut self.activities {
            a.title = fit(&a.title, false, MAX_SHORT_TEXT);
            a.form = fit(&a.form, false, MAX_SHORT_TEXT);
        }
        if let Subject::Team { name, .. } = &mut self.subject {
            *name = fit(name, false, MAX_SHORT_TEXT);
        }
        self
    }
}

fn default_cycle() -> u32 {
    12
}

/// The thirteen rows of a practice passport (seed 004), in order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Passport {
    /// 1. Name of the practice.
    #[serde(default)]
    pub name: String,
    /// 2. The problem it solves.
    #[serde(default)]
    pub problem: String,
    /// 3. Participants and what each brings.
    #[serde(default)]
    pub participants: String,
    /// 4. Goal.
    #[serde(default)]
    pub goal: String,
    /// 5. Concept.
    #[serde(default)]
    pub concept: String,
    /// 6. Means, forms and methods.
    #[serde(default)]
    pub means_forms_methods: String,
    /// 7. Normative basis.
    #[serde(default)]
    pub normative_basis: String,
    /// 8. Results and their indicators.
    #[serde(default)]
    pub results: String,
    /// 9. Conditions of effectiveness.
    #[serde(default)]
    pub effectiveness: String,
    /// 10. Conditions of use.
    #[serde(default)]
    pub conditions: String,
    /// 11. Period.
    #[serde(default)]
    pub period: String,
    /// 12. Replicability.
    #[serde(default)]
    pub replicability: String,
    /// 13. Extra materials.
    #[serde(default)]
    pub materials: String,
}

/// Identifies one of the thirteen passport fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Field {
    Name,
    Problem,
    Participants,
    Goal,
    Concept,
    MeansFormsMethods,
    NormativeBasis,
    Results,
    Effectiveness,
    Conditions,
    Period,
    Replicability,
    Materials,
}

impl Field {
    pub const ALL: [Field; 13] = [
        Field::Name,
        Field::Problem,
        Field::Participants,
        Field::Goal,
        Field::Concept,
        Field::MeansFormsMethods,
        Field::NormativeBasis,
        Field::Results,
        Field::Effectiveness,
        Field::Conditions,
        Field::Period,
        Field::Replicability,
        Field::Materials,
    ];
}

impl Passport {
    pub fn get(&self, f: Field) -> &String {
        match f {
            Field::Name => &self.name,
            Field::Problem => &self.problem,
            Field::Participants => &self.participants,
            Field::Goal => &self.goal,
            Field::Concept => &self.concept,
            Field::MeansFormsMethods => &self.means_forms_methods,
            Field::NormativeBasis => &self.normative_basis,
            Field::Results => &self.results,
            Field::Effectiveness => &self.effectiveness,
            Field::Conditions => &self.conditions,
            Field::Period => &self.period,
            Field::Replicability => &self.replicability,
            Field::Materials => &self.materials,
        }
    }

    pub fn get_mut(&mut self, f: Field) -> &mut String {
        match f {
            Field::Name => &mut self.name,
            Field::Problem => &mut self.problem,
            Field::Participants => &mut self.participants,
            Field::Goal => &mut self.goal,
            Field::Concept => &mut self.concept,
            Field::MeansFormsMethods => &mut self.means_forms_methods,
            Field::NormativeBasis => &mut self.normative_basis,
            Field::Results => &mut self.results,
            Field::Effectiveness => &mut self.effectiveness,
            Field::Conditions => &mut self.conditions,
            Field::Period => &mut self.period,
            Field::Replicability => &mut self.replicability,
            Field::Materials => &mut self.materials,
        }
    }
}

/// One step of the activity plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    /// Month of the cycle, from 1.
    pub month: u32,
    pub title: String,
    #[serde(default)]
    pub growth: Growth,
    /// The form of work, e.g. "joint open lesson".
    #[serde(default)]
    pub form: String,
    /// Deficit topics this activity addresses.
    #[serde(default)]
    pub topics: Vec<Id>,
    /// Case resource ids it uses.
    #[serde(default)]
    pub resources: Vec<Id>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passport_fields_are_distinct_places() {
        let mut p = Passport::default();
        for (i, f) in Field::ALL.iter().enumerate() {
            *p.get_mut(*f) = i.to_string();
        }
        for (i, f) in Field::ALL.iter().enumerate() {
            assert_eq!(p.get(*f), &i.to_string());
        }
    }

    #[test]
    fn goal_sections_are_distinct_places() {
        let mut g = Goals::default();
        for (i, s) in Section::ALL.iter().enumerate() {
            g.section_mut(*s).push(Entry {
                text: i.to_string(),
                from_catalogue: false,
                resource: None,
            });
        }
        for (i, s) in Section::ALL.iter().enumerate() {
            assert_eq!(g.section(*s)[0].text, i.to_string());
        }
    }
}
