//! The case: the situation a team works through, the people in it and what the session offers.
//!
//! These types are the RON case format (documented in `docs/case-format.md`). Every struct
//! rejects unknown fields so a typo in a kit is an error, not silently ignored data.

use serde::{Deserialize, Serialize};

use super::limits::{MAX_LIST, MAX_PARTICIPANTS, MAX_PER_PERSON, MAX_TOPICS, bounded};

/// The case format version this build writes. Older versions are migrated on load.
pub const CASE_VERSION: u32 = 1;

/// Identifier of a participant, topic, organisation or resource, unique within its kind.
pub type Id = String;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub version: u32,
    /// Language of the case text: "ru" or "en". Drives the default UI language.
    #[serde(default = "default_lang")]
    pub lang: String,
    pub title: String,
    /// The situation a team reads before it starts.
    #[serde(default)]
    pub narrative: String,
    #[serde(default, deserialize_with = "bounded::<_, _, MAX_LIST>")]
    pub organisations: Vec<Organisation>,
    pub catalogue: Catalogue,
    #[serde(default)]
    pub status_rule: StatusRule,
    #[serde(deserialize_with = "bounded::<_, _, MAX_PARTICIPANTS>")]
    pub participants: Vec<Participant>,
    #[serde(default, deserialize_with = "bounded::<_, _, MAX_LIST>")]
    pub resources: Vec<Resource>,
    /// Pairs the organisers have already agreed; the pairing engine always keeps them.
    #[serde(default, deserialize_with = "bounded::<_, _, MAX_LIST>")]
    pub fixed_pairs: Vec<PairRef>,
    /// Pairs that must never be formed.
    #[serde(default, deserialize_with = "bounded::<_, _, MAX_LIST>")]
    pub forbidden_pairs: Vec<PairRef>,
    /// The session plan: stages with durations, used for the room timers.
    #[serde(default, deserialize_with = "bounded::<_, _, MAX_LIST>")]
    pub agenda: Vec<AgendaItem>,
}

fn default_lang() -> String {
    "ru".to_string()
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    pub id: Id,
    pub name: String,
    /// School, kindergarten, additional-education centre, technopark, …
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub municipality: String,
}

/// What the session can draw from: topics by direction, positions, and the project-session
/// menus (seed 002: goals, means, forms and methods, technologies, resources).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    pub directions: Vec<Direction>,
    /// Positions from lowest to highest rank, e.g. teacher (1) … principal (5).
    #[serde(default)]
    pub positions: Vec<Position>,
    #[serde(default)]
    pub goals: Vec<String>,
    #[serde(default)]
    pub means: Vec<String>,
    #[serde(default)]
    pub forms_methods: Vec<String>,
    #[serde(default)]
    pub pair_technologies: Vec<String>,
    #[serde(default)]
    pub deficit_technologies: Vec<String>,
}

/// A direction of mentoring (методическое, предметное, ИКТ, …) and its topics.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Direction {
    pub id: Id,
    pub name: String,
    #[serde(deserialize_with = "bounded::<_, _, MAX_TOPICS>")]
    pub topics: Vec<Topic>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub id: Id,
    pub name: String,
    /// Other ways people write this topic; survey import matches free text against them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Position {
    pub id: Id,
    pub name: String,
    /// Higher rank = higher position. Only differences between ranks matter.
    pub rank: i32,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Role {
    Teacher,
    Student,
    Educator,
    Coach,
    Methodist,
    Curator,
    Administrator,
    Other(String),
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contacts {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Participant {
    /// Stable id, referenced by pairs, preferences and sessions.
    pub id: Id,
    /// What the room sees: first name, or first name and patronymic.
    pub name: String,
    /// Private: shown only when privacy is off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub surname: Option<String>,
    /// Private: never on the projector, never in exports unless revealed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contacts: Option<Contacts>,
    pub role: Role,
    pub age: i32,
    /// Years of (teaching) experience; may be fractional, e.g. 1.5.
    pub experience: f64,
    /// Id of a position in the catalogue.
    pub position: Id,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<Id>,
    /// Topics this person can lead as a mentor.
    #[serde(default, deserialize_with = "bounded::<_, _, MAX_PER_PERSON>")]
    pub teaches: Vec<Id>,
    /// This person's deficits, most pressing first.
    #[serde(default, deserialize_with = "bounded::<_, _, MAX_PER_PERSON>")]
    pub lacks: Vec<Id>,
    /// Preferred mentors, most wanted first.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "bounded::<_, _, MAX_PER_PERSON>"
    )]
    pub prefers: Vec<Id>,
    /// How many mentees this person can take at once (default 1; a student guiding a group
    /// of teachers may take several).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity: Option<u32>,
}

impl Participant {
    pub fn capacity(&self) -> u32 {
        self.capacity.unwrap_or(1)
    }

    /// Name with the surname, for the trainer's own screens.
    pub fn full_name(&self) -> String {
        match &self.surname {
            Some(s) if !s.is_empty() => format!("{} {}", self.name, s),
            _ => self.name.clone(),
        }
    }
}

/// Which axes of status count and by how much the mentor must be lower (seeds 000, 001, 004:
/// "the mentor has a lower status by age, experience or position").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusRule {
    /// Minimum years the mentor must be younger, if age counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age: Option<i32>,
    /// Minimum years of experience fewer, if experience counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub experience: Option<f64>,
    /// Minimum position ranks lower, if position counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<i32>,
    /// Whether any one counted axis suffices or all must hold.
    #[serde(default)]
    pub require: Require,
}

impl Default for StatusRule {
    /// Seed 001's "young teacher": at least one of younger by 5 years, 3 years less
    /// experience, or a lower position.
    fn default() -> Self {
        StatusRule {
            age: Some(5),
            experience: Some(3.0),
            position: Some(1),
            require: Require::Any,
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Require {
    #[default]
    Any,
    All,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Level {
    Regional,
    Municipal,
    Organisation,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Resource {
    pub id: Id,
    pub level: Level,
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// For organisation-level resources: whose resource it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<Id>,
    /// Topics the resource helps with; empty means general.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<Id>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A mentor→mentee reference, optionally naming the topic.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PairRef {
    pub mentor: Id,
    pub mentee: Id,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<Id>,
}

/// The stages of the guided session, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Stage {
    Start,
    Case,
    Goals,
    Pairs,
    Map,
    Present,
}

impl Stage {
    pub const ALL: [Stage; 6] = [
        Stage::Start,
        Stage::Case,
        Stage::Goals,
        Stage::Pairs,
        Stage::Map,
        Stage::Present,
    ];

    pub fn index(self) -> usize {
        Stage::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }
}

/// One block of the session plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgendaItem {
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<Stage>,
    pub minutes: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub presenter: Option<String>,
}

impl Case {
    pub fn topics(&self) -> impl Iterator<Item = (&Direction, &Topic)> {
        self.catalogue
            .directions
            .iter()
            .flat_map(|d| d.topics.iter().map(move |t| (d, t)))
    }

    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topics().map(|(_, t)| t).find(|t| t.id == id)
    }

    pub fn direction_of(&self, topic: &str) -> Option<&Direction> {
        self.topics().find(|(_, t)| t.id == topic).map(|(d, _)| d)
    }

    pub fn participant(&self, id: &str) -> Option<&Participant> {
        self.participants.iter().find(|p| p.id == id)
    }

    pub fn position(&self, id: &str) -> Option<&Position> {
        self.catalogue.positions.iter().find(|p| p.id == id)
    }

    /// A participant's display name (never the private surname), falling back to the id.
    pub fn name_of<'a>(&'a self, id: &'a str) -> &'a str {
        self.participant(id).map_or(id, |p| p.name.as_str())
    }

    /// A topic's display name, falling back to its id.
    pub fn topic_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.topic(id).map(|t| t.name.as_str()).unwrap_or(id)
    }
}
