//! Keystroke → frame: one key through the keymap and `update`, then a full draw to a
//! 120×40 `TestBackend`, on a generated 1,000-participant case paired by the engine.
//! Target: under 5 ms per key. Run: `cargo bench --bench keystroke`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use revmap::app::keymap::msg_for_key;
use revmap::app::{Model, Msg, update};
use revmap::domain::pairing::{Mode, Overrides, solve};
use revmap::domain::synth::{GenSpec, generate};
use revmap::i18n::Lang;

const W: u16 = 120;
const H: u16 = 40;

fn model() -> Model {
    let case = generate(&GenSpec {
        participants: 1000,
        topics: 25,
        seed: 2026,
        lang: "ru".into(),
    });
    let pairing = solve(&case, Mode::OneToOne, &Overrides::default()).expect("pairs");
    let mut m = Model::fixture(case, Lang::Ru);
    m.edit(revmap::app::edit::Edit::SetResult(Some(pairing)));
    update(&mut m, Msg::Resize(W, H));
    m
}

fn key(m: &mut Model, code: KeyCode) {
    let ev = KeyEvent::new(code, KeyModifiers::NONE);
    if let Some(msg) = msg_for_key(&ev, m.context()) {
        black_box(update(m, msg));
    }
}

/// One keystroke and the frame after it.
fn frame(m: &mut Model, t: &mut Terminal<TestBackend>, code: KeyCode) {
    key(m, code);
    t.draw(|f| f.render_widget(&*m, f.area())).unwrap();
}

fn bench(c: &mut Criterion) {
    let mut t = Terminal::new(TestBackend::new(W, H)).unwrap();
    let mut m = model();
    let mut g = c.benchmark_group("keystroke_frame_1000");

    // Down then up, so the state stays the same from one iteration to the next.
    let stages = [
        ('2', "case_table_down_up"),
        ('3', "goals_down_up"),
        ('4', "pairs_table_down_up"),
        ('5', "map_fields_down_up"),
    ];
    for (stage, name) in stages {
        key(&mut m, KeyCode::Char(stage));
        g.bench_function(name, |b| {
            b.iter(|| {
                frame(&mut m, &mut t, KeyCode::Down);
                frame(&mut m, &mut t, KeyCode::Up);
            })
        });
    }

    key(&mut m, KeyCode::Char('5'));
    g.bench_function("map_next_prev_pair", |b| {
        b.iter(|| {
            frame(&mut m, &mut t, KeyCode::Char(']'));
            frame(&mut m, &mut t, KeyCode::Char('['));
        })
    });

    key(&mut m, KeyCode::Char('6'));
    g.bench_function("present_page_next_prev", |b| {
        b.iter(|| {
            frame(&mut m, &mut t, KeyCode::Char(' '));
            frame(&mut m, &mut t, KeyCode::Backspace);
        })
    });

    g.bench_function("stage_tab_round_trip", |b| {
        b.iter(|| {
            for _ in 0..6 {
                frame(&mut m, &mut t, KeyCode::Tab);
            }
        })
    });

    // Typing into the participants filter: each key re-filters and re-sorts 1,000 people.
    key(&mut m, KeyCode::Char('2'));
    key(&mut m, KeyCode::Char('/'));
    g.bench_function("case_filter_type_erase", |b| {
        b.iter(|| {
            frame(&mut m, &mut t, KeyCode::Char('и'));
            frame(&mut m, &mut t, KeyCode::Backspace);
        })
    });
    key(&mut m, KeyCode::Esc);
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
