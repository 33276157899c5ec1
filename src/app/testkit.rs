//! Helpers for tests of the interactive session: key presses through the real keymap, a
//! hand-made pairing of the demo case, drawing to a `TestBackend`.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::edit::Edit;
use super::engine;
use super::keymap::msg_for_key;
use super::model::Model;
use super::msg::{Cmd, Msg};
use super::update::update;
use crate::domain::case::{Case, Stage};
use crate::domain::pairing::{Mode, Objective, Pair, Pairing, Reason, Unmatched};
use crate::domain::session::TeamWork;
use crate::i18n::Lang;
use crate::store::case_file::demo_case;

/// Presses a key: the keymap turns it into a message in the model's context.
pub fn press_mod(m: &mut Model, code: KeyCode, mods: KeyModifiers) -> Option<Cmd> {
    let msg = msg_for_key(&KeyEvent::new(code, mods), m.context())?;
    update(m, msg)
}

pub fn press(m: &mut Model, code: KeyCode) -> Option<Cmd> {
    press_mod(m, code, KeyModifiers::NONE)
}

pub fn ch(m: &mut Model, c: char) -> Option<Cmd> {
    press(m, KeyCode::Char(c))
}

/// Types text key by key (Shift for capitals, as a terminal reports them).
pub fn type_text(m: &mut Model, text: &str) {
    for c in text.chars() {
        let mods = if c.is_uppercase() {
            KeyModifiers::SHIFT
        } else {
            KeyModifiers::NONE
        };
        press_mod(m, KeyCode::Char(c), mods);
    }
}

/// Five valid reverse pairs of the demo case, with real evidence, and Anna unmatched.
pub fn demo_pairing(case: &Case) -> Pairing {
    let links = [
        ("anna", "hugo", "whiteboard"),
        ("ben", "irina", "spreadsheets"),
        ("chloe", "grace", "video"),
        ("dmitri", "farid", "whiteboard"),
        ("jonas", "eva", "spreadsheets"),
    ];
    let pairs: Vec<Pair> = links
        .iter()
        .map(|(mentor, mentee, topic)| {
            let (mr, me) = (
                case.participant(mentor).unwrap(),
                case.participant(mentee).unwrap(),
            );
            Pair {
                mentor: mentor.to_string(),
                mentee: mentee.to_string(),
                topic: topic.to_string(),
                score: 10,
                evidence: engine::evidence(case, mr, me, topic).expect("a valid demo pair"),
                locked: false,
            }
        })
        .collect();
    Pairing {
        mode: Mode::OneToOne,
        pairs,
        unmatched: vec![Unmatched {
            participant: "anna".into(),
            topics: vec!["parents".into(), "documents".into()],
            reason: Reason::AllOfferersHigher {
                offerers: vec!["grace".into(), "irina".into()],
            },
        }],
        blocking: vec![],
        objective: Objective {
            served: 5,
            score: 50,
        },
    }
}

/// The demo case with its hand-made pairing in place, nothing unsaved.
pub fn paired(lang: Lang) -> Model {
    let case = demo_case();
    let pairing = demo_pairing(&case);
    let mut m = Model::fixture(case, lang);
    m.edit(Edit::SetResult(Some(pairing)));
    m.dirty = false;
    m
}

/// The demo case paired by the real engine (one-to-one), nothing unsaved.
pub fn solved(lang: Lang) -> Model {
    let case = demo_case();
    let pairing = crate::domain::pairing::solve(&case, Mode::OneToOne, &Default::default())
        .expect("the demo pairs");
    let mut m = Model::fixture(case, lang);
    m.edit(Edit::SetResult(Some(pairing)));
    m.dirty = false;
    m
}

/// Draws the model on a `width`×`height` test terminal (after telling it the size).
pub fn draw(m: &mut Model, width: u16, height: u16) -> Terminal<TestBackend> {
    update(m, Msg::Resize(width, height));
    let mut t = Terminal::new(TestBackend::new(width, height)).unwrap();
    t.draw(|f| f.render_widget(&*m, f.area())).unwrap();
    t
}

/// The screen as text, one line per row.
pub fn screen(t: &Terminal<TestBackend>) -> String {
    let buf = t.backend().buffer();
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A merged session as `revmap merge` makes it: no pairs or maps of its own; "Команда 1"
/// with the maps of the demo's first two pairs, "Команда 2" with the first one, retold.
pub fn teams(lang: Lang) -> Model {
    let mut m = paired(lang);
    ch(&mut m, '5');
    ch(&mut m, 'R');
    ch(&mut m, ']');
    ch(&mut m, 'R');
    let maps = std::mem::take(&mut m.session.maps);
    assert_eq!(maps.len(), 2, "two stored maps");
    let mut retold = maps[0].clone();
    retold.passport.goal = "Другая цель второй команды".into();
    m.session.teams = vec![
        TeamWork {
            team: "Команда 1".into(),
            maps,
            ..Default::default()
        },
        TeamWork {
            team: "Команда 2".into(),
            maps: vec![retold],
            ..Default::default()
        },
    ];
    m.session.pairing = Default::default();
    crate::app::stage::map::refresh(&mut m);
    m.stage = Stage::Map;
    m.dirty = false;
    m
}
