//! Semantic checks of a session against the case embedded in it: every pair, lock, map and
//! activity must name participants, topics and resources that exist in that case, and all
//! text must be safe to print. The case itself is checked too, its findings under `case.`.

use std::collections::HashSet;

use super::super::diag::{Diagnostic, Path};
use super::super::limits::{MAX_ENTRY_TEXT, MAX_LIST, MAX_LONG_TEXT};
use super::super::pairing::{Pairing, Reason};
use super::super::room::Room;
use super::super::session::{Activity, Field, Goals, Map, PairingState, Section, Session, Subject};
use super::Validator;

/// The longest mentoring cycle a map may plan, in months.
pub const MAX_CYCLE_MONTHS: u32 = 120;

/// Every problem in `session`, errors and warnings.
pub fn validate_session(session: &Session) -> Vec<Diagnostic> {
    let mut v = Validator::new(&session.case);
    v.case_checks();
    let case_path = Path::root().field("case");
    for d in &mut v.out {
        d.path = case_path.join(&d.path);
    }
    let resources: HashSet<&str> = session
        .case
        .resources
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    let mut s = SessionValidator { v, resources };
    s.header(session);
    let root = Path::root();
    s.work(&root, &session.goals, &session.pairing, &session.maps);
    for (i, t) in session.teams.iter().enumerate() {
        let tp = root.field("teams").index(i);
        s.v.short_text(tp.field("team"), &t.team, false);
        s.v.short_text(tp.field("source"), &t.source, false);
        s.timestamp(tp.field("modified"), &t.modified);
        s.work(&tp, &t.goals, &t.pairing, &t.maps);
    }
    s.room(root.field("room"), &session.room);
    s.v.out
}

struct SessionValidator<'a> {
    v: Validator<'a>,
    resources: HashSet<&'a str>,
}

impl SessionValidator<'_> {
    fn header(&mut self, s: &Session) {
        let root = Path::root();
        self.v.short_text(root.field("id"), &s.id, false);
        self.v.short_text(root.field("team"), &s.team, false);
        self.timestamp(root.field("created"), &s.created);
        self.timestamp(root.field("modified"), &s.modified);
    }

    /// Times are informative only, so a malformed one is a warning.
    fn timestamp(&mut self, path: Path, t: &str) {
        if !t.is_empty() && !looks_like_rfc3339(t) {
            self.v.warning(
                "bad-time",
                path,
                format!("{t:?} is not a time; expected RFC 3339, e.g. \"2026-05-16T10:30:00Z\""),
            );
        }
    }

    /// The session plan, checked like a case's agenda; a current item beyond the plan is
    /// only a warning (the first item is taken).
    fn room(&mut self, path: Path, room: &Room) {
        let items = room
            .plan
            .iter()
            .map(|i| (&i.title, i.minutes, &i.presenter));
        self.v.plan(path.field("plan"), items);
        if room.current > 0 && room.current >= room.plan.len() {
            self.v.warning(
                "bad-current",
                path.field("current"),
                format!(
                    "item {} is beyond the plan's {} items; expected an index from 0",
                    room.current,
                    room.plan.len()
                ),
            );
        }
    }

    /// One team's goals, pairs and maps under `base` (the root, or `teams[i]`).
    fn work(&mut self, base: &Path, goals: &Goals, pairing: &PairingState, maps: &[Map]) {
        self.goals(base.field("goals"), goals);
        self.pairing(base.field("pairing"), pairing);
        self.maps(base.field("maps"), maps);
    }

    fn goals(&mut self, path: Path, goals: &Goals) {
        for section in Section::ALL {
            let sp = path.field(section_field(section));
            for (i, e) in goals.section(section).iter().enumerate() {
                let ep = sp.index(i);
                self.v
                    .text(ep.field("text"), &e.text, true, true, MAX_ENTRY_TEXT);
                if let Some(r) = &e.resource {
                    self.known_resource(ep.field("resource"), r);
                }
            }
        }
    }

    fn pairing(&mut self, path: Path, p: &PairingState) {
        let op = path.field("overrides");
        for (i, pr) in p.overrides.locked.iter().enumerate() {
            self.v.pair_ref(op.field("locked").index(i), pr);
        }
        for (i, pr) in p.overrides.forbidden.iter().enumerate() {
            self.v.pair_ref(op.field("forbidden").index(i), pr);
        }
        let case = self.v.case;
        let banned: Vec<_> = p
            .overrides
            .forbidden
            .iter()
            .chain(&case.forbidden_pairs)
            .map(|f| (f.mentor.as_str(), f.mentee.as_str()))
            .collect();
        for (i, l) in p.overrides.locked.iter().enumerate() {
            if banned.contains(&(l.mentor.as_str(), l.mentee.as_str())) {
                self.v.error(
                    "locked-and-forbidden",
                    op.field("locked").index(i),
                    format!(
                        "{} → {} is both locked and forbidden; expected one or the other",
                        l.mentor, l.mentee
                    ),
                );
            }
        }
        if let Some(r) = &p.result {
            self.result(path.field("result"), r, p);
        }
    }

    fn result(&mut self, path: Path, r: &Pairing, state: &PairingState) {
        if r.mode != state.mode {
            self.v.warning(
                "stale-pairs",
                path.field("mode"),
                format!(
                    "the pairs were formed in mode {} but the session's mode is {}; form the pairs again",
                    r.mode.key(),
                    state.mode.key()
                ),
            );
        }
        for (i, pair) in r.pairs.iter().enumerate() {
            let pp = path.field("pairs").index(i);
            self.v
                .known_person(pp.field("mentor"), &pair.mentor, "mentor");
            self.v
                .known_person(pp.field("mentee"), &pair.mentee, "mentee");
            self.v.known_topic(pp.field("topic"), &pair.topic);
            if let Some(t) = &pair.evidence.back_topic {
                self.v
                    .known_topic(pp.field("evidence").field("back_topic"), t);
            }
        }
        for (i, u) in r.unmatched.iter().enumerate() {
            let up = path.field("unmatched").index(i);
            self.v
                .known_person(up.field("participant"), &u.participant, "unmatched");
            for (k, t) in u.topics.iter().enumerate() {
                self.v.known_topic(up.field("topics").index(k), t);
            }
            self.reason(up.field("reason"), &u.reason);
        }
        for (i, b) in r.blocking.iter().enumerate() {
            self.v.pair_ref(path.field("blocking").index(i), b);
        }
    }

    fn reason(&mut self, path: Path, reason: &Reason) {
        match reason {
            Reason::AllOfferersHigher { offerers } => {
                for (k, o) in offerers.iter().enumerate() {
                    self.v
                        .known_person(path.field("offerers").index(k), o, "offerers");
                }
            }
            Reason::CapacityUsed { taken_by } => {
                for (k, pr) in taken_by.iter().enumerate() {
                    self.v.pair_ref(path.field("taken_by").index(k), pr);
                }
            }
            _ => {}
        }
    }

    fn maps(&mut self, path: Path, maps: &[Map]) {
        if !self.v.list_len(path.clone(), maps.len(), MAX_LIST) {
            return;
        }
        let mut seen = HashSet::new();
        for (i, m) in maps.iter().enumerate() {
            let mp = path.index(i);
            self.subject(mp.field("subject"), &m.subject);
            if !seen.insert(&m.subject) {
                self.v.warning(
                    "duplicate-map",
                    mp.field("subject"),
                    "another map is for the same pair or team; expected one map each".into(),
                );
            }
            for f in Field::ALL {
                let text = m.passport.get(f);
                self.v.text(
                    mp.field("passport").field(passport_field(f)),
                    text,
                    false,
                    true,
                    MAX_LONG_TEXT,
                );
            }
            if !(1..=MAX_CYCLE_MONTHS).contains(&m.cycle_months) {
                self.v.error(
                    "bad-cycle",
                    mp.field("cycle_months"),
                    format!(
                        "a cycle of {} months is out of range; expected 1 to {MAX_CYCLE_MONTHS}",
                        m.cycle_months
                    ),
                );
            }
            for (k, a) in m.activities.iter().enumerate() {
                self.activity(mp.field("activities").index(k), a, m.cycle_months);
            }
        }
    }

    fn subject(&mut self, path: Path, s: &Subject) {
        match s {
            Subject::Pair(pr) => {
                self.v.pair_ref(path, pr);
            }
            Subject::Team { name, members } => {
                self.v.short_text(path.field("name"), name, true);
                if members.is_empty() {
                    self.v.warning(
                        "empty-team",
                        path.field("members"),
                        "the team has no members; expected participant ids".into(),
                    );
                }
                for (k, m) in members.iter().enumerate() {
                    self.v
                        .known_person(path.field("members").index(k), m, "members");
                }
            }
        }
    }

    fn activity(&mut self, path: Path, a: &Activity, cycle: u32) {
        if a.month == 0 || a.month > cycle.max(1) {
            self.v.error(
                "bad-month",
                path.field("month"),
                format!(
                    "month {} is outside the cycle; expected 1 to {}",
                    a.month,
                    cycle.max(1)
                ),
            );
        }
        self.v.short_text(path.field("title"), &a.title, true);
        self.v.short_text(path.field("form"), &a.form, false);
        for (k, t) in a.topics.iter().enumerate() {
            self.v.known_topic(path.field("topics").index(k), t);
        }
        for (k, r) in a.resources.iter().enumerate() {
            self.known_resource(path.field("resources").index(k), r);
        }
    }

    fn known_resource(&mut self, path: Path, id: &str) {
        if self.resources.contains(id) {
            return;
        }
        let hint = self.v.did_you_mean(id, self.resources.iter().copied());
        self.v.error(
            "unknown-resource",
            path,
            format!("unknown resource {id:?}; expected an id from the case's resources{hint}"),
        );
    }
}

/// The file's field name of a goals section.
pub fn section_field(s: Section) -> &'static str {
    match s {
        Section::Goals => "goals",
        Section::Means => "means",
        Section::FormsMethods => "forms_methods",
        Section::PairTechnologies => "pair_technologies",
        Section::DeficitTechnologies => "deficit_technologies",
        Section::Resources => "resources",
    }
}

/// The file's field name of a passport field.
pub fn passport_field(f: Field) -> &'static str {
    match f {
        Field::Name => "name",
        Field::Problem => "problem",
        Field::Participants => "participants",
        Field::Goal => "goal",
        Field::Concept => "concept",
        Field::MeansFormsMethods => "means_forms_methods",
        Field::NormativeBasis => "normative_basis",
        Field::Results => "results",
        Field::Effectiveness => "effectiveness",
        Field::Conditions => "conditions",
        Field::Period => "period",
        Field::Replicability => "replicability",
        Field::Materials => "materials",
    }
}

/// `2026-05-16T10:30:00Z`, optionally with fractional seconds or an offset.
fn looks_like_rfc3339(t: &str) -> bool {
    let b = t.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        r.into_iter()
            .all(|i| b.get(i).is_some_and(u8::is_ascii_digit))
    };
    b.len() >= 20
        && b.len() <= 40
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && matches!(b[10], b'T' | b't' | b' ')
        && digits(11..13)
        && b[13] == b':'
        && digits(14..16)
        && b[16] == b':'
        && digits(17..19)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::case::{Case, PairRef};
    use crate::domain::diag::Severity;
    use crate::domain::session::{Activity, Entry, Map, Passport, Subject};

    fn case() -> Case {
        let text = include_str!("../../../tests/fixtures/cases/small.ron");
        ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .from_str(text)
            .unwrap()
    }

    fn pair(mentor: &str, mentee: &str) -> PairRef {
        PairRef {
            mentor: mentor.into(),
            mentee: mentee.into(),
            topic: None,
        }
    }

    fn map(subject: Subject) -> Map {
        Map {
            subject,
            passport: Passport::default(),
            cycle_months: 12,
            activities: Vec::new(),
        }
    }

    fn codes(s: &Session) -> Vec<(String, &'static str, Severity)> {
        validate_session(s)
            .into_iter()
            .map(|d| (d.path.to_string(), d.code, d.severity))
            .collect()
    }

    #[test]
    fn a_clean_session_has_no_findings() {
        let mut s = Session::new(case(), "2026-05-16T10:30:00Z");
        s.maps.push(map(Subject::Pair(pair("ann", "bob"))));
        s.goals.goals.push(Entry {
            text: "Цель".into(),
            from_catalogue: false,
            resource: None,
        });
        assert_eq!(codes(&s), vec![]);
    }

    #[test]
    fn unknown_references_are_errors_with_their_paths() {
        let mut s = Session::new(case(), "2026-05-16T10:30:00Z");
        s.pairing.overrides.locked.push(pair("ann", "zed"));
        let mut m = map(Subject::Team {
            name: "Ann's group".into(),
            members: vec!["bob".into(), "bobb".into()],
        });
        m.activities.push(Activity {
            month: 13,
            title: "Open lesson".into(),
            growth: Default::default(),
            form: String::new(),
            topics: vec!["excell".into()],
            resources: vec!["lab".into()],
        });
        s.maps.push(m);
        let found = codes(&s);
        let want = [
            ("pairing.overrides.locked[0].mentee", "unknown-participant"),
            ("maps[0].subject.members[1]", "unknown-participant"),
            ("maps[0].activities[0].month", "bad-month"),
            ("maps[0].activities[0].topics[0]", "unknown-topic"),
            ("maps[0].activities[0].resources[0]", "unknown-resource"),
        ];
        for (path, code) in want {
            assert!(
                found
                    .iter()
                    .any(|(p, c, sev)| p == path && *c == code && *sev == Severity::Error),
                "{path} {code} not in {found:?}"
            );
        }
        assert_eq!(found.len(), want.len(), "{found:?}");
    }

    #[test]
    fn case_findings_are_under_case_and_team_findings_under_teams() {
        let mut s = Session::new(case(), "yesterday");
        s.case.participants[0].lacks.push("nope".into());
        s.teams.push(crate::domain::session::TeamWork {
            team: "Team\u{1b}[2J".into(),
            ..Default::default()
        });
        s.teams[0].maps.push(map(Subject::Pair(pair("ann", "ann"))));
        let found = codes(&s);
        assert!(
            found
                .iter()
                .any(|(p, c, _)| p == "case.participants[0].lacks[1]" && *c == "unknown-topic"),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|(p, c, _)| p == "created" && *c == "bad-time"),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|(p, c, _)| p == "teams[0].team" && *c == "control-char"),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|(p, c, _)| p == "teams[0].maps[0].subject.mentee" && *c == "self-reference"),
            "{found:?}"
        );
    }

    #[test]
    fn locking_a_forbidden_pair_is_an_error() {
        let mut s = Session::new(case(), "");
        s.pairing.overrides.locked.push(pair("ann", "bob"));
        s.pairing.overrides.forbidden.push(pair("ann", "bob"));
        assert!(codes(&s).iter().any(|(p, c, _)| p == "pairing.overrides.locked[0]" && *c == "locked-and-forbidden"));
    }

    #[test]
    fn timestamps() {
        assert!(looks_like_rfc3339("2026-05-16T10:30:00Z"));
        assert!(looks_like_rfc3339("2026-05-16T10:30:00.123+03:00"));
        assert!(!looks_like_rfc3339("16.05.2026 10:30"));
        assert!(!looks_like_rfc3339("2026-05-16"));
    }

    #[test]
    fn the_room_plan_is_checked_like_an_agenda() {
        use crate::domain::room::PlanItem;
        let mut s = Session::new(case(), "2026-01-01T00:00:00Z");
        s.room.plan = vec![PlanItem::new("Read", 10), PlanItem::new("", 0)];
        s.room.plan[0].presenter = Some("Team\u{7}3".into());
        s.room.current = 5;
        let found = codes(&s);
        for (path, code) in [
            ("room.plan[1].title", "empty"),
            ("room.plan[1].minutes", "bad-minutes"),
            ("room.current", "bad-current"),
        ] {
            assert!(
                found.iter().any(|(p, c, _)| p == path && *c == code),
                "{path} {code} in {found:?}"
            );
        }
        assert!(found.iter().any(|(p, _, _)| p == "room.plan[0].presenter"));
        assert!(
            !found
                .iter()
                .any(|(p, _, _)| p.starts_with("room.plan[0].title"))
        );
    }
}
