//! Monkey test: 100,000 random key, mouse, paste and resize events (terminal sizes 1×1 to
//! 300×100) through the real keymap, `update` and the renderer on a `TestBackend`.
//!
//! Nothing may panic, and after every event the model must hold together: every selection
//! within its list, and the pairs within what the mode allows. Every few hundred events the
//! whole session must also save and load back without an error. Failures name the seed and
//! the step, so a run can be replayed exactly.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use std::path::{Path, PathBuf};

use revmap::app::history::Work;
use revmap::app::msg::{Cmd, Msg};
use revmap::app::runtime::{msg_for_event, open};
use revmap::app::{Model, update};
use revmap::app::{engine, persist_io};
use revmap::domain::case::{PairRef, Stage};
use revmap::domain::map::prefill;
use revmap::domain::pairing::Mode;
use revmap::domain::session::{Goals, Map, Subject, TeamWork};
use revmap::domain::synth::Rng;
use revmap::i18n::Lang;
use revmap::store::case_file::demo_case;
use revmap::store::session_file::{check_session_text, to_text};

const SEEDS: [u64; 4] = [1, 2, 3, 4];
const EVENTS_PER_SEED: usize = 25_000;

#[test]
fn a_hundred_thousand_random_events_break_nothing() {
    let data = tempfile::tempdir().unwrap();
    // This test binary holds only this test, so nothing else reads the environment or the
    // working directory while they are changed: the recent-files list, recovery files and
    // any file the monkey saves or exports stay in private folders.
    unsafe { std::env::set_var("REVMAP_DATA_DIR", data.path()) };
    let work = tempfile::tempdir().unwrap();
    std::env::set_current_dir(work.path()).unwrap();
    // Two seeds per core; the model and terminal of each run are its own.
    std::thread::scope(|scope| {
        for seed in SEEDS {
            scope.spawn(move || run(seed));
        }
    });
}

fn run(seed: u64) {
    let mut rng = Rng::new(seed);
    let lang = if seed % 2 == 0 { Lang::Ru } else { Lang::En };
    let mut m = Model::fixture(demo_case(), lang);
    if seed > 2 {
        with_teams(&mut m);
    }
    let mut size = (80u16, 24u16);
    update(&mut m, Msg::Resize(size.0, size.1));
    for step in 0..EVENTS_PER_SEED {
        let event = random_event(&mut rng, size);
        if let Event::Resize(w, h) = event {
            size = (w, h);
        }
        let context = || format!("seed {seed}, step {step}, event {event:?}");
        let locked = m.locked.then(|| work(&m));
        if let Some(msg) = msg_for_event(&m, event.clone()) {
            feed(&mut m, msg);
        }
        if let Some(before) = locked {
            let after = work(&m);
            if m.locked
                && before.0 == after.0
                && before.1.without_clocks() != after.1.without_clocks()
            {
                panic!("the presenter lock let an edit through: {}", context());
            }
        }
        m.quit = false; // keep going: a quit is just another event here
        let screen = draw(&m, size);
        check_privacy(&m, &screen).unwrap_or_else(|e| panic!("{e}: {}", context()));
        check_selections(&m).unwrap_or_else(|e| panic!("{e}: {}", context()));
        check_pairs(&m).unwrap_or_else(|e| panic!("{e}: {}", context()));
        if step % 500 == 499 {
            check_round_trip(&m).unwrap_or_else(|e| panic!("{e}: {}", context()));
        }
    }
}

/// Two teams' maps in the session, as `revmap merge` collects them, so the monkey also pages
/// through a seminar on Present.
fn with_teams(m: &mut Model) {
    let case = &m.session.case;
    let pairing = revmap::domain::pairing::solve(case, Mode::OneToOne, &Default::default())
        .expect("the demo pairs");
    let maps: Vec<Map> = pairing
        .pairs
        .iter()
        .take(3)
        .map(|p| {
            let pair = PairRef {
                mentor: p.mentor.clone(),
                mentee: p.mentee.clone(),
                topic: Some(p.topic.clone()),
            };
            prefill(case, &Goals::default(), Subject::Pair(pair), &[], m.lang)
        })
        .collect();
    assert_eq!(maps.len(), 3, "three demo maps");
    m.session.teams = vec![
        TeamWork {
            team: "Team 1".into(),
            maps: maps[..2].to_vec(),
            ..Default::default()
        },
        TeamWork {
            team: "Команда 2".into(),
            maps: maps[2..].to_vec(),
            ..Default::default()
        },
    ];
}

/// Updates the model and performs its commands synchronously, as the loop would, with
/// every path the monkey typed moved into the working folder (it may type `/etc/x`).
fn feed(m: &mut Model, msg: Msg) {
    let mut next = Some(msg);
    while let Some(msg) = next.take() {
        next = match update(m, msg) {
            None | Some(Cmd::Quit) => None,
            Some(Cmd::Open(source)) => Some(Msg::Opened(open(source, Some(m.lang)))),
            Some(Cmd::Solve(job)) => Some(Msg::PairingDone {
                job: job.job,
                result: engine::solve(&job),
            }),
            Some(Cmd::Save(mut job)) => {
                job.path = job.path.as_deref().map(sandboxed);
                Some(persist_io::save(*job, m.data.as_deref()))
            }
            Some(Cmd::Export(mut job)) => {
                job.file = job.file.as_deref().map(sandboxed);
                Some(persist_io::export(*job))
            }
            Some(Cmd::LoadCompare(path)) => Some(persist_io::load_compare(&sandboxed(&path))),
            Some(Cmd::Discard { id, quit: _ }) => {
                if let Some(r) = m.recovery() {
                    let _ = r.discard(&id);
                }
                None
            }
            Some(Cmd::Bell) => None,
        };
    }
}

/// The file name alone, in the working folder.
fn sandboxed(path: &Path) -> PathBuf {
    PathBuf::from(path.file_name().unwrap_or_else(|| "unnamed".as_ref()))
}

/// The session's work (what undo covers), with the session's id: opening another session
/// is not an edit.
fn work(m: &Model) -> (String, Work) {
    (m.session.id.clone(), Work::of(&m.session))
}

/// Draws the model; returns the screen's text.
fn draw(m: &Model, (w, h): (u16, u16)) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| f.render_widget(m, f.area())).unwrap();
    t.backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol())
        .collect()
}

/// With surnames hidden, the Present stage never shows one (the demo's surnames are long
/// enough not to turn up by chance).
fn check_privacy(m: &Model, screen: &str) -> Result<(), String> {
    if m.stage != Stage::Present || !m.privacy.surnames {
        return Ok(());
    }
    let leaked = m
        .session
        .case
        .participants
        .iter()
        .filter_map(|p| p.surname.as_deref())
        .find(|s| s.chars().count() > 3 && screen.contains(s));
    match leaked {
        Some(s) => Err(format!("surname {s} on the Present stage with privacy on")),
        None => Ok(()),
    }
}

fn random_event(rng: &mut Rng, (w, h): (u16, u16)) -> Event {
    match rng.range(0, 99) {
        0..=69 => Event::Key(random_key(rng)),
        70..=84 => {
            let kind = match rng.range(0, 2) {
                0 => MouseEventKind::Down(MouseButton::Left),
                1 => MouseEventKind::ScrollDown,
                _ => MouseEventKind::ScrollUp,
            };
            Event::Mouse(MouseEvent {
                kind,
                column: rng.range(0, u32::from(w)) as u16,
                row: rng.range(0, u32::from(h)) as u16,
                modifiers: KeyModifiers::NONE,
            })
        }
        85..=92 => Event::Paste(random_text(rng)),
        _ => {
            let (w, h) = match rng.range(0, 9) {
                0..=3 => (rng.range(1, 60), rng.range(1, 20)),
                4..=7 => (rng.range(60, 140), rng.range(16, 45)),
                _ => (rng.range(140, 300), rng.range(45, 100)),
            };
            Event::Resize(w as u16, h as u16)
        }
    }
}

/// Keys weighted towards what moves through the stages and edits things.
fn random_key(rng: &mut Rng) -> KeyEvent {
    const SPECIAL: [KeyCode; 14] = [
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::PageUp,
        KeyCode::PageDown,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::Backspace,
        KeyCode::Delete,
    ];
    const CHARS: &[char] = &[
        'a', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 'u',
        'w', 'x', 'y', 'z', 'L', 'F', 'J', 'K', 'G', '?', '/', ' ', '[', ']', '+', '-', '1', '2',
        '3', '4', '5', '6', 'я', 'Ж', 'ё', '中', 'V', 'A', 'P', '{', '}', '<', '>', 'X',
    ];
    let code = match rng.range(0, 9) {
        0..=4 => KeyCode::Char(*rng.pick(CHARS)),
        _ => *rng.pick(&SPECIAL),
    };
    let modifiers = match rng.range(0, 19) {
        0 => KeyModifiers::CONTROL,
        1 => KeyModifiers::ALT,
        2 => KeyModifiers::SHIFT,
        _ => KeyModifiers::NONE,
    };
    let mut key = KeyEvent::new(code, modifiers);
    // Windows sends releases too; the keymap must ignore them.
    if rng.range(0, 29) == 0 {
        key.kind = KeyEventKind::Release;
    }
    key
}

fn random_text(rng: &mut Rng) -> String {
    const PIECES: &[&str] = &[
        "Цель",
        " наставник",
        "\n",
        "Excel",
        "\t",
        "\u{1b}[31m",
        "中文",
        "",
        "😀",
        "é",
        " ",
        "a very long line that goes on and on and on past the edge of any terminal width",
    ];
    (0..rng.range(0, 6)).map(|_| *rng.pick(PIECES)).collect()
}

fn within(what: &str, index: usize, len: usize) -> Result<(), String> {
    if index < len.max(1) {
        Ok(())
    } else {
        Err(format!(
            "{what} selection {index} is outside a list of {len}"
        ))
    }
}

fn check_selections(m: &Model) -> Result<(), String> {
    within("start", m.start.selected, m.start.visible.len())?;
    within("case", m.case.selected, m.case.rows.len())?;
    within("goals section", m.goals.section, 6)?;
    for (i, s) in revmap::domain::session::Section::ALL.iter().enumerate() {
        let len = m.session.goals.section(*s).len();
        within("goals entry", m.goals.selected[i], len)?;
    }
    within("pairs", m.pairs.selected, m.pair_count())?;
    within("map subject", m.map.current, m.map.subjects.len())?;
    within("map field", m.map.field, 13)?;
    Ok(())
}

/// Every participant takes part in at most as many pairs as the mode allows; locked pairs
/// may go beyond a mode's limits (the case or the facilitator insisted), never more.
fn check_pairs(m: &Model) -> Result<(), String> {
    let Some(result) = &m.session.pairing.result else {
        return Ok(());
    };
    let case = &m.session.case;
    for p in &case.participants {
        let as_mentor: Vec<_> = result.pairs.iter().filter(|x| x.mentor == p.id).collect();
        let as_mentee: Vec<_> = result.pairs.iter().filter(|x| x.mentee == p.id).collect();
        let locked = |v: &[&revmap::domain::pairing::Pair]| v.iter().filter(|x| x.locked).count();
        let (mentor_cap, mentee_cap) = match result.mode {
            Mode::OneToOne => (1, 1),
            Mode::Group | Mode::Choose => (p.capacity() as usize, 1),
            Mode::Network => (p.capacity() as usize, p.lacks.len()),
            Mode::Mutual => (1, 1),
        };
        if as_mentor.len() > mentor_cap.max(locked(&as_mentor)) {
            return Err(format!(
                "{} mentors {} pairs in {:?}",
                p.id,
                as_mentor.len(),
                result.mode
            ));
        }
        if as_mentee.len() > mentee_cap.max(locked(&as_mentee)) {
            return Err(format!(
                "{} is mentored in {} pairs in {:?}",
                p.id,
                as_mentee.len(),
                result.mode
            ));
        }
    }
    for pair in &result.pairs {
        if case.participant(&pair.mentor).is_none() || case.participant(&pair.mentee).is_none() {
            return Err(format!(
                "pair {} → {} names an unknown participant",
                pair.mentor, pair.mentee
            ));
        }
    }
    Ok(())
}

fn check_round_trip(m: &Model) -> Result<(), String> {
    let text = to_text(&m.session).map_err(|e| format!("the session does not serialise: {e}"))?;
    let checked = check_session_text("monkey.ron", &text);
    if checked.report.errors() > 0 {
        let mut s = String::new();
        checked.report.render_text(&mut s);
        return Err(format!("the session does not load back:\n{s}"));
    }
    Ok(())
}
