//! Semantic checks of a case: references, duplicates, ranges, the status rule on fixed pairs,
//! limits and unsafe text. Each finding carries the path of the offending value so the file
//! layer can print `file:line:col`.

use std::collections::{HashMap, HashSet};

use super::case::{Case, PairRef, Participant};
use super::diag::{Diagnostic, Path};
use super::limits::*;
use super::room::{MAX_ITEMS, MAX_MINUTES};
use super::status::Status;
use super::text::{forbidden_char, suggest};

mod session;

pub use session::validate_session;

/// Every problem in `case`, errors and warnings, in document order within each check.
pub fn validate(case: &Case) -> Vec<Diagnostic> {
    let mut v = Validator::new(case);
    v.case_checks();
    v.out
}

struct Validator<'a> {
    case: &'a Case,
    out: Vec<Diagnostic>,
    topics: HashMap<&'a str, usize>,
    people: HashMap<&'a str, usize>,
    positions: HashMap<&'a str, i32>,
    orgs: HashSet<&'a str>,
}

fn root() -> Path {
    Path::root()
}

impl<'a> Validator<'a> {
    fn new(case: &'a Case) -> Validator<'a> {
        Validator {
            case,
            out: Vec::new(),
            topics: HashMap::new(),
            people: HashMap::new(),
            positions: HashMap::new(),
            orgs: HashSet::new(),
        }
    }

    /// Every case check; also fills the indexes later checks resolve ids against.
    fn case_checks(&mut self) {
        self.header();
        self.catalogue();
        self.organisations();
        self.participants();
        self.status_rule();
        self.resources();
        self.pairs();
        self.agenda();
        self.usage_warnings();
    }

    fn error(&mut self, code: &'static str, path: Path, msg: String) {
        self.out.push(Diagnostic::error(code, path, msg));
    }

    fn warning(&mut self, code: &'static str, path: Path, msg: String) {
        self.out.push(Diagnostic::warning(code, path, msg));
    }

    /// One-line text: not empty when `required`, no control characters, bounded length.
    fn short_text(&mut self, path: Path, s: &str, required: bool) {
        self.text(path, s, required, false, MAX_SHORT_TEXT);
    }

    fn text(&mut self, path: Path, s: &str, required: bool, multiline: bool, max: usize) {
        if required && s.trim().is_empty() {
            self.error(
                "empty",
                path,
                "must not be empty; expected some text".into(),
            );
        } else if s.len() > max {
            self.error(
                "too-long",
                path,
                format!("text is {} bytes; expected at most {max}", s.len()),
            );
        } else if let Some(c) = forbidden_char(s, multiline) {
            self.error(
                "control-char",
                path,
                format!(
                    "contains the control character U+{:04X}; expected printable text",
                    c as u32
                ),
            );
        }
    }

    fn id(&mut self, path: Path, id: &str) {
        if id.is_empty()
            || id.len() > 100
            || id.chars().any(|c| c.is_whitespace() || c.is_control())
        {
            self.error(
                "bad-id",
                path,
                format!("id {id:?} is not valid; expected 1-100 characters without spaces"),
            );
        }
    }

    fn list_len(&mut self, path: Path, len: usize, max: usize) -> bool {
        if len > max {
            self.error(
                "too-many",
                path,
                format!("{len} items; expected at most {max}"),
            );
            return false;
        }
        true
    }

    fn header(&mut self) {
        let c = self.case;
        if c.lang != "ru" && c.lang != "en" {
            self.error(
                "bad-lang",
                root().field("lang"),
                format!("unknown language {:?}; expected \"ru\" or \"en\"", c.lang),
            );
        }
        self.short_text(root().field("title"), &c.title, true);
        self.text(
            root().field("narrative"),
            &c.narrative,
            false,
            true,
            MAX_LONG_TEXT,
        );
    }

    fn catalogue(&mut self) {
        let cat = &self.case.catalogue;
        let p = root().field("catalogue");
        let mut dir_ids = HashSet::new();
        let mut n = 0;
        for (di, d) in cat.directions.iter().enumerate() {
            let dp = p.field("directions").index(di);
            self.id(dp.field("id"), &d.id);
            if !dir_ids.insert(d.id.as_str()) {
                self.error(
                    "duplicate-id",
                    dp.field("id"),
                    format!("direction id {:?} is used twice; expected unique ids", d.id),
                );
            }
            self.short_text(dp.field("name"), &d.name, true);
            for (ti, t) in d.topics.iter().enumerate() {
                let tp = dp.field("topics").index(ti);
                n += 1;
                self.id(tp.field("id"), &t.id);
                if self.topics.insert(t.id.as_str(), n).is_some() {
                    self.error(
                        "duplicate-id",
                        tp.field("id"),
                        format!("topic id {:?} is used twice; expected unique ids", t.id),
                    );
                }
                self.short_text(tp.field("name"), &t.name, true);
                for (ai, a) in t.aliases.iter().enumerate() {
                    self.short_text(tp.field("aliases").index(ai), a, true);
                }
            }
        }
        if n == 0 {
            self.error(
                "no-topics",
                p.field("directions"),
                "the catalogue has no topics; expected at least one direction with topics".into(),
            );
        }
        self.list_len(p.field("directions"), n, MAX_TOPICS);
        for (i, pos) in cat.positions.iter().enumerate() {
            let pp = p.field("positions").index(i);
            self.id(pp.field("id"), &pos.id);
            if self.positions.insert(pos.id.as_str(), pos.rank).is_some() {
                self.error(
                    "duplicate-id",
                    pp.field("id"),
                    format!(
                        "position id {:?} is used twice; expected unique ids",
                        pos.id
                    ),
                );
            }
            self.short_text(pp.field("name"), &pos.name, true);
        }
        let menus = [
            ("goals", &cat.goals),
            ("means", &cat.means),
            ("forms_methods", &cat.forms_methods),
            ("pair_technologies", &cat.pair_technologies),
            ("deficit_technologies", &cat.deficit_technologies),
        ];
        for (name, items) in menus {
            if self.list_len(p.field(name), items.len(), MAX_LIST) {
                for (i, s) in items.iter().enumerate() {
                    self.text(p.field(name).index(i), s, true, true, MAX_ENTRY_TEXT);
                }
            }
        }
    }

    fn organisations(&mut self) {
        for (i, o) in self.case.organisations.iter().enumerate() {
            let op = root().field("organisations").index(i);
            self.id(op.field("id"), &o.id);
            if !self.orgs.insert(o.id.as_str()) {
                self.error(
                    "duplicate-id",
                    op.field("id"),
                    format!(
                        "organisation id {:?} is used twice; expected unique ids",
                        o.id
                    ),
                );
            }
            self.short_text(op.field("name"), &o.name, true);
            self.short_text(op.field("kind"), &o.kind, false);
            self.short_text(op.field("municipality"), &o.municipality, false);
        }
    }

    fn participants(&mut self) {
        let list = &self.case.participants;
        if list.is_empty() {
            self.error(
                "no-participants",
                root().field("participants"),
                "the case has no participants; expected at least two".into(),
            );
        }
        if !self.list_len(root().field("participants"), list.len(), MAX_PARTICIPANTS) {
            return;
        }
        for (i, p) in list.iter().enumerate() {
            let pp = root().field("participants").index(i);
            self.id(pp.field("id"), &p.id);
            if self.people.insert(p.id.as_str(), i).is_some() {
                self.error(
                    "duplicate-id",
                    pp.field("id"),
                    format!(
                        "participant id {:?} is used twice; expected unique ids",
                        p.id
                    ),
                );
            }
        }
        for (i, p) in list.iter().enumerate() {
            self.participant(root().field("participants").index(i), p);
        }
    }

    fn participant(&mut self, pp: Path, p: &'a Participant) {
        self.short_text(pp.field("name"), &p.name, true);
        if let Some(s) = &p.surname {
            self.short_text(pp.field("surname"), s, false);
        }
        if let Some(c) = &p.contacts {
            let cp = pp.field("contacts");
            if let Some(e) = &c.email {
                self.short_text(cp.field("email"), e, false);
            }
            if let Some(t) = &c.phone {
                self.short_text(cp.field("phone"), t, false);
            }
        }
        if let super::case::Role::Other(r) = &p.role {
            self.short_text(pp.field("role"), r, true);
        }
        if !(0..=MAX_AGE).contains(&p.age) {
            self.error(
                "bad-age",
                pp.field("age"),
                format!("age {} is out of range; expected 0 to {MAX_AGE}", p.age),
            );
        }
        if !(0.0..=80.0).contains(&p.experience) || p.experience.is_nan() {
            self.error(
                "bad-experience",
                pp.field("experience"),
                format!(
                    "experience {} is out of range; expected 0 to 80 years",
                    p.experience
                ),
            );
        } else if (0..=MAX_AGE).contains(&p.age) && p.experience > f64::from(p.age) {
            self.error(
                "bad-experience",
                pp.field("experience"),
                format!(
                    "experience {} years exceeds age {}; expected experience below age",
                    p.experience, p.age
                ),
            );
        }
        if !self.positions.contains_key(p.position.as_str()) {
            let hint = self.did_you_mean(&p.position, self.positions.keys().copied());
            self.error(
                "unknown-position",
                pp.field("position"),
                format!(
                    "unknown position {:?}; expected an id from catalogue.positions{hint}",
                    p.position
                ),
            );
        }
        if let Some(o) = &p.organisation
            && !self.orgs.contains(o.as_str())
        {
            let hint = self.did_you_mean(o, self.orgs.iter().copied());
            self.error(
                "unknown-organisation",
                pp.field("organisation"),
                format!("unknown organisation {o:?}; expected an id from organisations{hint}"),
            );
        }
        if let Some(cap) = p.capacity
            && !(1..=MAX_CAPACITY).contains(&cap)
        {
            self.error(
                "bad-capacity",
                pp.field("capacity"),
                format!("capacity {cap} is out of range; expected 1 to {MAX_CAPACITY}"),
            );
        }
        self.topic_list(pp.field("teaches"), &p.teaches);
        self.topic_list(pp.field("lacks"), &p.lacks);
        for (k, t) in p.lacks.iter().enumerate() {
            if p.teaches.contains(t) {
                self.warning(
                    "teaches-and-lacks",
                    pp.field("lacks").index(k),
                    format!(
                        "{} both teaches and lacks {t:?}; expected a topic in one list only",
                        p.id
                    ),
                );
            }
        }
        self.prefers(pp, p);
    }

    fn topic_list(&mut self, path: Path, ids: &[String]) {
        if !self.list_len(path.clone(), ids.len(), MAX_PER_PERSON) {
            return;
        }
        let mut seen = HashSet::new();
        for (k, t) in ids.iter().enumerate() {
            let tp = path.index(k);
            if !self.known_topic(tp.clone(), t) {
                continue;
            }
            if !seen.insert(t.as_str()) {
                self.error(
                    "duplicate-topic",
                    tp,
                    format!("topic {t:?} is listed twice; expected each topic once"),
                );
            }
        }
    }

    /// Reports an unknown topic id; true when the id is known.
    fn known_topic(&mut self, path: Path, t: &str) -> bool {
        if self.topics.contains_key(t) {
            return true;
        }
        let hint = self.did_you_mean(t, self.topics.keys().copied());
        self.error(
            "unknown-topic",
            path,
            format!("unknown topic {t:?}; expected a topic id from the catalogue{hint}"),
        );
        false
    }

    fn did_you_mean<'k>(&self, unknown: &str, known: impl IntoIterator<Item = &'k str>) -> String {
        suggest(unknown, known)
            .map(|s| format!(" (did you mean {s:?}?)"))
            .unwrap_or_default()
    }

    fn prefers(&mut self, pp: Path, p: &Participant) {
        if !self.list_len(pp.field("prefers"), p.prefers.len(), MAX_PER_PERSON) {
            return;
        }
        for (k, other) in p.prefers.iter().enumerate() {
            let path = pp.field("prefers").index(k);
            if other == &p.id {
                self.error(
                    "self-reference",
                    path,
                    format!(
                        "{} prefers themself; expected another participant's id",
                        p.id
                    ),
                );
            } else {
                self.known_person(path, other, "prefers");
            }
        }
    }

    fn known_person(&mut self, path: Path, id: &str, what: &str) -> Option<usize> {
        if let Some(&i) = self.people.get(id) {
            return Some(i);
        }
        let hint = self.did_you_mean(id, self.people.keys().copied());
        self.error(
            "unknown-participant",
            path,
            format!("unknown participant {id:?} in {what}; expected a participant id{hint}"),
        );
        None
    }

    fn status_rule(&mut self) {
        let r = &self.case.status_rule;
        let p = root().field("status_rule");
        if r.is_empty() {
            self.error(
                "empty-status-rule",
                p.clone(),
                "the status rule counts no axis; expected at least one of age, experience, position"
                    .into(),
            );
        }
        let negative = [
            ("age", r.age.is_some_and(|g| g < 0)),
            (
                "experience",
                r.experience.is_some_and(|g| g < 0.0 || g.is_nan()),
            ),
            ("position", r.position.is_some_and(|g| g < 0)),
        ];
        for (axis, bad) in negative {
            if bad {
                self.error(
                    "bad-gap",
                    p.field(axis),
                    "negative minimum gap; expected 0 or more".into(),
                );
            }
        }
    }

    fn resources(&mut self) {
        let list = &self.case.resources;
        if !self.list_len(root().field("resources"), list.len(), MAX_LIST) {
            return;
        }
        let mut ids = HashSet::new();
        for (i, r) in list.iter().enumerate() {
            let rp = root().field("resources").index(i);
            self.id(rp.field("id"), &r.id);
            if !ids.insert(r.id.as_str()) {
                self.error(
                    "duplicate-id",
                    rp.field("id"),
                    format!("resource id {:?} is used twice; expected unique ids", r.id),
                );
            }
            self.short_text(rp.field("name"), &r.name, true);
            self.text(
                rp.field("description"),
                &r.description,
                false,
                true,
                MAX_SHORT_TEXT * 10,
            );
            if let Some(u) = &r.url {
                self.short_text(rp.field("url"), u, false);
            }
            if let Some(o) = &r.organisation
                && !self.orgs.contains(o.as_str())
            {
                self.error(
                    "unknown-organisation",
                    rp.field("organisation"),
                    format!("unknown organisation {o:?}; expected an id from organisations"),
                );
            }
            for (k, t) in r.topics.iter().enumerate() {
                self.known_topic(rp.field("topics").index(k), t);
            }
        }
    }

    fn pairs(&mut self) {
        let fixed = &self.case.fixed_pairs;
        let forbidden = &self.case.forbidden_pairs;
        if !self.list_len(root().field("fixed_pairs"), fixed.len(), MAX_LIST)
            || !self.list_len(root().field("forbidden_pairs"), forbidden.len(), MAX_LIST)
        {
            return;
        }
        let banned: HashSet<(&str, &str)> = forbidden
            .iter()
            .map(|p| (p.mentor.as_str(), p.mentee.as_str()))
            .collect();
        let mut load: HashMap<&str, u32> = HashMap::new();
        for (i, pr) in fixed.iter().enumerate() {
            let path = root().field("fixed_pairs").index(i);
            let Some((mentor, mentee)) = self.pair_ref(path.clone(), pr) else {
                continue;
            };
            if banned.contains(&(pr.mentor.as_str(), pr.mentee.as_str())) {
                self.error(
                    "fixed-and-forbidden",
                    path.clone(),
                    format!(
                        "{} → {} is both fixed and forbidden; expected one or the other",
                        pr.mentor, pr.mentee
                    ),
                );
            }
            self.fixed_pair_fits(path.clone(), pr, mentor, mentee);
            let used = load.entry(pr.mentor.as_str()).or_insert(0);
            *used += 1;
            if *used > mentor.capacity() {
                self.error(
                    "over-capacity",
                    path,
                    format!(
                        "{} is fixed to {} mentees but has capacity {}; expected at most {}",
                        pr.mentor,
                        used,
                        mentor.capacity(),
                        mentor.capacity()
                    ),
                );
            }
        }
        for (i, pr) in forbidden.iter().enumerate() {
            self.pair_ref(root().field("forbidden_pairs").index(i), pr);
        }
    }

    /// Resolves both ends of a pair reference, reporting unknown ids and self-pairs.
    fn pair_ref(&mut self, path: Path, pr: &PairRef) -> Option<(&'a Participant, &'a Participant)> {
        let mentor = self.known_person(path.field("mentor"), &pr.mentor, "mentor");
        let mentee = self.known_person(path.field("mentee"), &pr.mentee, "mentee");
        if let Some(t) = &pr.topic {
            self.known_topic(path.field("topic"), t);
        }
        if pr.mentor == pr.mentee {
            self.error(
                "self-reference",
                path.field("mentee"),
                format!(
                    "{} is paired with themself; expected two different participants",
                    pr.mentor
                ),
            );
            return None;
        }
        Some((
            &self.case.participants[mentor?],
            &self.case.participants[mentee?],
        ))
    }

    /// A fixed pair must still be reverse mentoring, and about something the mentee lacks.
    fn fixed_pair_fits(
        &mut self,
        path: Path,
        pr: &PairRef,
        mentor: &Participant,
        mentee: &Participant,
    ) {
        let rule = &self.case.status_rule;
        let verdict = rule.judge(Status::of(self.case, mentor), Status::of(self.case, mentee));
        if !verdict.holds && !rule.is_empty() {
            self.error(
                "status-rule",
                path.field("mentor"),
                format!(
                    "mentor {} ({}) is not lower in status than {} ({}); expected the mentor {}",
                    mentor.id,
                    Status::of(self.case, mentor).describe(),
                    mentee.id,
                    Status::of(self.case, mentee).describe(),
                    rule.describe()
                ),
            );
        }
        match &pr.topic {
            Some(t) if !mentor.teaches.contains(t) || !mentee.lacks.contains(t) => {
                self.error(
                    "topic-mismatch",
                    path.field("topic"),
                    format!(
                        "{} must teach {t:?} and {} must lack it; expected a topic in both lists",
                        mentor.id, mentee.id
                    ),
                );
            }
            None if !mentee.lacks.iter().any(|t| mentor.teaches.contains(t)) => {
                self.warning(
                    "no-shared-topic",
                    path,
                    format!(
                        "{} teaches none of {}'s deficits; the pair has nothing to work on",
                        mentor.id, mentee.id
                    ),
                );
            }
            _ => {}
        }
    }

    fn agenda(&mut self) {
        let items = self
            .case
            .agenda
            .iter()
            .map(|a| (&a.title, a.minutes, &a.presenter));
        self.plan(root().field("agenda"), items);
    }

    /// A plan's items — a case's agenda or a session's plan: (title, minutes, presenter).
    pub(crate) fn plan<'i>(
        &mut self,
        path: Path,
        items: impl ExactSizeIterator<Item = (&'i String, u32, &'i Option<String>)>,
    ) {
        if !self.list_len(path.clone(), items.len(), MAX_ITEMS) {
            return;
        }
        for (i, (title, minutes, presenter)) in items.enumerate() {
            let ap = path.index(i);
            self.short_text(ap.field("title"), title, true);
            if !(1..=MAX_MINUTES).contains(&minutes) {
                self.error(
                    "bad-minutes",
                    ap.field("minutes"),
                    format!("{minutes} minutes is out of range; expected 1 to {MAX_MINUTES}"),
                );
            }
            if let Some(p) = presenter {
                self.short_text(ap.field("presenter"), p, false);
            }
        }
    }

    /// Warnings a trainer acts on: people with nothing to teach, deficits nobody offers,
    /// catalogue topics nobody uses.
    fn usage_warnings(&mut self) {
        let list = &self.case.participants;
        if list.len() > MAX_PARTICIPANTS {
            return;
        }
        let offered: HashSet<&str> = list
            .iter()
            .flat_map(|p| p.teaches.iter().map(String::as_str))
            .collect();
        let mut lacked: HashMap<&str, (usize, usize, usize)> = HashMap::new();
        for (i, p) in list.iter().enumerate() {
            let pp = root().field("participants").index(i);
            if p.teaches.is_empty() {
                self.warning(
                    "teaches-nothing",
                    pp.field("teaches"),
                    format!("{} can teach nothing, so they can only be a mentee", p.id),
                );
            }
            for (k, t) in p.lacks.iter().enumerate() {
                lacked.entry(t.as_str()).or_insert((i, k, 0)).2 += 1;
            }
        }
        let mut unoffered: Vec<_> = lacked
            .iter()
            .filter(|(t, _)| !offered.contains(**t) && self.topics.contains_key(**t))
            .map(|(t, &(i, k, n))| (i, k, *t, n))
            .collect();
        unoffered.sort();
        for (i, k, t, n) in unoffered {
            self.warning(
                "deficit-not-offered",
                root()
                    .field("participants")
                    .index(i)
                    .field("lacks")
                    .index(k),
                format!(
                    "nobody offers {t:?} ({}), lacked by {n} participant{}",
                    self.case.topic_name(t),
                    if n == 1 { "" } else { "s" }
                ),
            );
        }
        self.unused_topics(&offered, &lacked);
    }

    fn unused_topics(
        &mut self,
        offered: &HashSet<&str>,
        lacked: &HashMap<&str, (usize, usize, usize)>,
    ) {
        for (di, d) in self.case.catalogue.directions.iter().enumerate() {
            for (ti, t) in d.topics.iter().enumerate() {
                let id = t.id.as_str();
                if !offered.contains(id) && !lacked.contains_key(id) {
                    self.warning(
                        "topic-unused",
                        root()
                            .field("catalogue")
                            .field("directions")
                            .index(di)
                            .field("topics")
                            .index(ti),
                        format!("nobody teaches or lacks topic {id:?} ({})", t.name),
                    );
                }
            }
        }
    }
}
