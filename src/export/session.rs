//! A session as a printable document: the project session's decisions, the pairs with the
//! reason for each, and every map on its own page. What of people shows follows
//! `domain::privacy`: by default surnames shrink to an initial and contacts stay out (also
//! out of the maps' free text); revealed, surnames and a contacts table are added.

use crate::domain::case::{Case, PairRef};
use crate::domain::pairing::explain::Explainer;
use crate::domain::privacy::Privacy;
use crate::domain::room::{Room, hours_minutes};
use crate::domain::session::{Field, Goals, Map, PairingState, Section, Session, Subject};
use crate::domain::text::human_time;
use crate::i18n::Lang;
use crate::i18n::fill;

use super::{Block, Doc, topic_names};

/// Who reads the export and what they may see.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    pub lang: Lang,
    /// What to hide of people: everything unless asked (`export --reveal`, or the TUI's
    /// current privacy setting).
    pub privacy: Privacy,
}

pub fn session_doc(s: &Session, o: Options) -> Doc {
    let t = o.lang.export();
    let mut blocks = Vec::new();
    let mut note = Vec::new();
    if !s.team.trim().is_empty() {
        note.push(fill(t.team, &[("team", &s.team)]));
    }
    if !s.modified.is_empty() {
        note.push(fill(t.saved, &[("time", &human_time(&s.modified))]));
    }
    if !note.is_empty() {
        blocks.push(Block::Note(note.join(" · ")));
    }
    let w = Writer { case: &s.case, o };
    w.plan(&s.room, &mut blocks);
    let own_work = !s.maps.is_empty() || s.pairing.result.is_some() || s.goals != Goals::default();
    if own_work || s.teams.is_empty() {
        w.work(&s.goals, &s.pairing, &s.maps, &mut blocks);
    }
    for team in &s.teams {
        blocks.push(Block::Page(vec![Block::Heading(fill(
            t.team_part,
            &[("team", &team.team)],
        ))]));
        w.work(&team.goals, &team.pairing, &team.maps, &mut blocks);
    }
    if !o.privacy.contacts {
        w.contacts(s, &mut blocks);
    }
    Doc {
        lang: o.lang,
        title: s.case.title.clone(),
        blocks,
    }
}

struct Writer<'a> {
    case: &'a Case,
    o: Options,
}

impl Writer<'_> {
    fn work(&self, goals: &Goals, pairing: &PairingState, maps: &[Map], out: &mut Vec<Block>) {
        self.goals(goals, out);
        self.pairs(pairing, out);
        for m in maps {
            out.push(Block::Page(self.map(m)));
        }
        if maps.is_empty() {
            out.push(Block::Para(self.o.lang.export().no_maps.into()));
        }
    }

    /// The session plan: when each item starts, what, in which stage, who presents, how long.
    fn plan(&self, room: &Room, out: &mut Vec<Block>) {
        if room.plan.is_empty() {
            return;
        }
        let s = self.o.lang.strings();
        let r = s.room;
        out.push(Block::Heading(r.title.into()));
        let rows = room
            .plan
            .iter()
            .zip(room.starts())
            .map(|(item, start)| {
                vec![
                    hours_minutes(start),
                    self.redact(&item.title),
                    item.stage.map_or("", |st| s.stage_name(st)).into(),
                    self.redact(item.presenter.as_deref().unwrap_or_default()),
                    item.minutes.to_string(),
                ]
            })
            .collect();
        out.push(Block::Table {
            head: vec![
                r.col_starts.into(),
                r.col_item.into(),
                r.col_stage.into(),
                r.col_who.into(),
                r.col_minutes.into(),
            ],
            rows,
        });
        let total = room.total_minutes().to_string();
        out.push(Block::Note(fill(r.total, &[("minutes", &total)])));
    }

    fn name(&self, id: &str) -> String {
        match self.case.participant(id) {
            Some(p) => self.o.privacy.person(p),
            None => id.to_string(),
        }
    }

    fn goals(&self, goals: &Goals, out: &mut Vec<Block>) {
        if *goals == Goals::default() {
            return;
        }
        let s = self.o.lang.strings();
        out.push(Block::Heading(self.o.lang.export().project_session.into()));
        for section in Section::ALL {
            let items: Vec<String> = goals
                .section(section)
                .iter()
                .map(|e| e.text.clone())
                .collect();
            if !items.is_empty() {
                out.push(Block::Subheading(s.section_name(section).into()));
                out.push(Block::List(items));
            }
        }
    }

    fn pairs(&self, pairing: &PairingState, out: &mut Vec<Block>) {
        let t = self.o.lang.export();
        out.push(Block::Heading(t.pairs_heading.into()));
        let Some(result) = &pairing.result else {
            out.push(Block::Para(t.no_pairs.into()));
            return;
        };
        let mode = self.o.lang.strings().mode_name(result.mode);
        out.push(Block::Note(fill(t.mode, &[("mode", mode)])));
        let explain = Explainer::new(self.case, self.o.lang).hiding_ages(self.o.privacy.ages);
        let rows = result
            .pairs
            .iter()
            .map(|p| {
                let mut mentor = self.name(&p.mentor);
                if p.locked {
                    mentor.push_str(&format!(" ({})", t.locked));
                }
                vec![
                    mentor,
                    self.name(&p.mentee),
                    self.case.topic_name(&p.topic).to_string(),
                    explain.pair(p),
                ]
            })
            .collect();
        out.push(Block::Table {
            head: vec![
                t.mentor.into(),
                t.mentee.into(),
                t.topic.into(),
                t.why.into(),
            ],
            rows,
        });
        if !result.unmatched.is_empty() {
            out.push(Block::Subheading(t.unmatched_heading.into()));
            let rows = result
                .unmatched
                .iter()
                .map(|u| vec![self.name(&u.participant), explain.unmatched(u)])
                .collect();
            out.push(Block::Table {
                head: vec![t.participant.into(), t.reason.into()],
                rows,
            });
        }
    }

    /// Free text typed in the room, without what the privacy setting hides.
    fn redact(&self, text: &str) -> String {
        self.o.privacy.redact_in(self.case, text)
    }

    /// A map: heading, passport, activity plan.
    fn map(&self, m: &Map) -> Vec<Block> {
        let t = self.o.lang.export();
        let s = self.o.lang.strings();
        let mut out = vec![
            Block::Heading(t.map_heading.into()),
            Block::Subheading(self.subject(&m.subject)),
        ];
        let rows = Field::ALL
            .into_iter()
            .enumerate()
            .map(|(i, f)| {
                (
                    format!("{}. {}", i + 1, s.field_name(f)),
                    self.redact(m.passport.get(f)),
                )
            })
            .collect();
        out.push(Block::Subheading(t.passport.into()));
        out.push(Block::Facts(rows));
        if !m.activities.is_empty() {
            let months = m.cycle_months.to_string();
            out.push(Block::Subheading(fill(t.plan, &[("months", &months)])));
            let rows = m
                .activities
                .iter()
                .map(|a| {
                    vec![
                        a.month.to_string(),
                        self.redact(&a.title),
                        s.growth_name(a.growth).into(),
                        a.form.clone(),
                        topic_names(self.case, &a.topics),
                        self.resources(&a.resources),
                    ]
                })
                .collect();
            out.push(Block::Table {
                head: vec![
                    t.month.into(),
                    t.activity.into(),
                    t.growth.into(),
                    t.form.into(),
                    t.topics.into(),
                    t.resources.into(),
                ],
                rows,
            });
        }
        out
    }

    /// "Ann → Bob: Spreadsheets", or "Team name: Ann, Bob".
    fn subject(&self, s: &Subject) -> String {
        match s {
            Subject::Pair(PairRef {
                mentor,
                mentee,
                topic,
            }) => {
                let mut label = format!("{} → {}", self.name(mentor), self.name(mentee));
                if let Some(t) = topic {
                    label.push_str(&format!(": {}", self.case.topic_name(t)));
                }
                label
            }
            Subject::Team { name, members } => {
                let names: Vec<String> = members.iter().map(|m| self.name(m)).collect();
                format!("{name}: {}", names.join(", "))
            }
        }
    }

    fn resources(&self, ids: &[String]) -> String {
        ids.iter()
            .map(|id| {
                self.case
                    .resources
                    .iter()
                    .find(|r| r.id == *id)
                    .map_or(id.as_str(), |r| r.name.as_str())
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// With contacts shown: the contacts of everyone who appears in a pair or a map.
    fn contacts(&self, s: &Session, out: &mut Vec<Block>) {
        let t = self.o.lang.export();
        let rows: Vec<Vec<String>> = s
            .case
            .participants
            .iter()
            .filter(|p| appears(s, &p.id))
            .filter_map(|p| {
                let c = p.contacts.as_ref()?;
                Some(vec![
                    p.full_name(),
                    c.email.clone().unwrap_or_default(),
                    c.phone.clone().unwrap_or_default(),
                ])
            })
            .collect();
        if !rows.is_empty() {
            out.push(Block::Page(vec![
                Block::Heading(t.contacts_heading.into()),
                Block::Table {
                    head: vec![t.name.into(), t.email.into(), t.phone.into()],
                    rows,
                },
            ]));
        }
    }
}

/// Whether participant `id` is in any pair or map of the session.
fn appears(s: &Session, id: &str) -> bool {
    let in_pairing = |p: &PairingState| {
        p.result
            .iter()
            .flat_map(|r| &r.pairs)
            .any(|x| x.mentor == id || x.mentee == id)
    };
    let in_maps = |maps: &[Map]| {
        maps.iter().any(|m| match &m.subject {
            Subject::Pair(p) => p.mentor == id || p.mentee == id,
            Subject::Team { members, .. } => members.iter().any(|x| x == id),
        })
    };
    in_pairing(&s.pairing)
        || in_maps(&s.maps)
        || s.teams
            .iter()
            .any(|t| in_pairing(&t.pairing) || in_maps(&t.maps))
}
