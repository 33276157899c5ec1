//! Whole-screen snapshots of every stage (80×24 and 120×40, EN and RU), the help, the
//! pop-ups, and rendering checks that need no snapshot (tiny terminals, NO_COLOR).

use ratatui::crossterm::event::KeyCode;
use ratatui::style::Color;

use crate::app::Model;
use crate::app::msg::Msg;
use crate::app::testkit::{ch, draw, press, screen, solved, type_text};
use crate::app::update;
use crate::domain::case::Stage;
use crate::domain::synth::{GenSpec, generate};
use crate::i18n::Lang;
use crate::store::case_file::demo_case;
use crate::ui::theme::{Theme, ThemeName};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];
const LANGS: [Lang; 2] = [Lang::En, Lang::Ru];

fn shot(m: &mut Model, name: &str, w: u16, h: u16) {
    let t = draw(m, w, h);
    insta::assert_snapshot!(name.to_string(), t.backend());
}

/// The demo, paired by the engine, with some goals picked and one written in Russian.
fn worked(lang: Lang) -> Model {
    let mut m = solved(lang);
    ch(&mut m, '3');
    ch(&mut m, 'a');
    press(&mut m, KeyCode::Enter);
    ch(&mut m, 'i');
    type_text(&mut m, "Каждый педагог — и наставник, и наставляемый");
    press(&mut m, KeyCode::Esc);
    ch(&mut m, 'l');
    ch(&mut m, 'a');
    press(&mut m, KeyCode::Enter);
    ch(&mut m, 'l');
    ch(&mut m, 'a');
    press(&mut m, KeyCode::Enter);
    ch(&mut m, 'h');
    ch(&mut m, 'h');
    m.dirty = false;
    m
}

fn at(stage: Stage, lang: Lang) -> Model {
    let mut m = match stage {
        Stage::Start => Model::fixture(demo_case(), lang),
        _ => worked(lang),
    };
    update(&mut m, Msg::Act(crate::app::Action::Goto(stage)));
    m
}

fn name(what: &str, lang: Lang, w: u16, h: u16) -> String {
    format!("{what}_{lang:?}_{w}x{h}").to_lowercase()
}

#[test]
fn every_stage_in_both_languages_and_sizes() {
    for lang in LANGS {
        for (w, h) in SIZES {
            for stage in Stage::ALL {
                let mut m = at(stage, lang);
                shot(&mut m, &name(&format!("{stage:?}"), lang, w, h), w, h);
            }
        }
    }
}

#[test]
fn help_in_both_languages_and_sizes() {
    for lang in LANGS {
        for (w, h) in SIZES {
            let mut m = at(Stage::Goals, lang);
            ch(&mut m, '?');
            shot(&mut m, &name("help", lang, w, h), w, h);
        }
    }
}

#[test]
fn case_tabs() {
    let mut m = at(Stage::Case, Lang::En);
    ch(&mut m, 't');
    shot(&mut m, "case_resources_en_80x24", 80, 24);
    // Wide enough for the detail column beside the list: the list must stay left of it.
    shot(&mut m, "case_resources_en_120x40", 120, 40);
    ch(&mut m, 't');
    shot(&mut m, "case_coverage_en_80x24", 80, 24);
    ch(&mut m, 't');
    shot(&mut m, "case_narrative_en_80x24", 80, 24);
}

#[test]
fn case_in_russian_content() {
    let case = generate(&GenSpec {
        participants: 40,
        topics: 12,
        seed: 11,
        lang: "ru".into(),
    });
    let mut m = Model::fixture(case, Lang::Ru);
    ch(&mut m, '2');
    ch(&mut m, '/');
    type_text(&mut m, "игров");
    shot(&mut m, "case_filter_ru_content_120x40", 120, 40);
}

#[test]
fn pairs_network_and_swap_mark() {
    let mut m = at(Stage::Pairs, Lang::En);
    ch(&mut m, 'x');
    ch(&mut m, 'L');
    shot(&mut m, "pairs_marks_en_80x24", 80, 24);
    ch(&mut m, 'v');
    shot(&mut m, "pairs_network_en_80x24", 80, 24);
}

#[test]
fn map_plan_and_edited_field() {
    let mut m = at(Stage::Map, Lang::Ru);
    ch(&mut m, 'l');
    ch(&mut m, 'j');
    shot(&mut m, "map_plan_ru_120x40", 120, 40);
}

#[test]
fn popups() {
    let mut m = at(Stage::Goals, Lang::En);
    ch(&mut m, 'a');
    type_text(&mut m, "gen");
    shot(&mut m, "picker_en_80x24", 80, 24);
    press(&mut m, KeyCode::Esc);
    ch(&mut m, 'i');
    type_text(&mut m, "Учитель 漢字 — wide and Cyrillic");
    press(&mut m, KeyCode::Enter);
    type_text(&mut m, "вторая строка");
    shot(&mut m, "editor_ru_text_80x24", 80, 24);
    press(&mut m, KeyCode::Esc);
    ch(&mut m, 'q');
    shot(&mut m, "confirm_quit_en_80x24", 80, 24);
}

#[test]
fn present_pairs() {
    let mut m = at(Stage::Present, Lang::Ru);
    ch(&mut m, 'p');
    shot(&mut m, "present_pairs_ru_80x24", 80, 24);
}

#[test]
fn too_small_shows_a_notice() {
    let mut m = at(Stage::Case, Lang::En);
    shot(&mut m, "too_small_en_40x12", 40, 12);
    let mut m = at(Stage::Case, Lang::Ru);
    let t = draw(&mut m, 50, 10);
    assert!(screen(&t).contains("Увеличьте"), "{}", screen(&t));
}

/// Any size, any stage, any pop-up: drawing never panics.
#[test]
fn tiny_and_odd_sizes_never_panic() {
    let sizes = [
        (1, 1),
        (2, 1),
        (1, 30),
        (200, 1),
        (59, 16),
        (60, 15),
        (60, 16),
        (61, 17),
        (300, 100),
    ];
    for stage in Stage::ALL {
        for popup in ['-', '?', 'a', 'i', 'q'] {
            let mut m = at(stage, Lang::Ru);
            m.dirty = true;
            if popup != '-' {
                ch(&mut m, popup);
            }
            for (w, h) in sizes {
                let _ = draw(&mut m, w, h);
            }
        }
    }
}

#[test]
fn no_color_draws_no_colours_in_any_stage() {
    for name in ThemeName::ALL {
        for stage in Stage::ALL {
            let mut m = at(stage, Lang::En);
            m.theme = Theme::new(name, false);
            ch(&mut m, '?');
            let t = draw(&mut m, 100, 30);
            for cell in t.backend().buffer().content() {
                assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset));
            }
        }
    }
}

#[test]
fn present_uses_the_high_contrast_theme() {
    let mut m = at(Stage::Present, Lang::En);
    m.theme = Theme::new(ThemeName::Light, true);
    let t = draw(&mut m, 80, 24);
    let buf = t.backend().buffer();
    assert_eq!(buf[(40, 12)].bg, Color::Black);
    let mut m = at(Stage::Goals, Lang::En);
    m.theme = Theme::new(ThemeName::Light, true);
    let t = draw(&mut m, 80, 24);
    assert_ne!(t.backend().buffer()[(40, 12)].bg, Color::Black);
}

#[test]
fn the_present_heading_is_big_for_latin_names() {
    let mut m = at(Stage::Present, Lang::En);
    let t = draw(&mut m, 80, 24);
    let top: String = screen(&t).lines().skip(1).take(4).collect();
    assert!(!top.contains("Anna"), "drawn as glyphs");
    assert!(top.chars().any(|c| "▀▄█▌▐▖▗▘▝▚▞▙▛▜▟".contains(c)));
}

/// A Russian case on the projector: first names in big Cyrillic letters.
#[test]
fn present_a_russian_case() {
    let text = include_str!("../../scenarios/tyumen-seminar.ron");
    let case = crate::store::case_file::check_case_text("tyumen-seminar.ron", text)
        .value
        .expect("the shipped scenario is valid");
    let pairing = crate::domain::pairing::solve(
        &case,
        crate::domain::pairing::Mode::OneToOne,
        &Default::default(),
    )
    .unwrap();
    let mut m = Model::fixture(case, Lang::Ru);
    m.edit(crate::app::edit::Edit::SetResult(Some(pairing)));
    ch(&mut m, '6');
    let t = draw(&mut m, 120, 40);
    let top: String = screen(&t).lines().skip(1).take(4).collect();
    assert!(!top.contains('А'), "the heading is drawn in glyphs:\n{top}");
    insta::assert_snapshot!("present_ru_content_120x40", t.backend());
}

#[test]
fn import_report_over_the_case_stage() {
    for lang in LANGS {
        let mut m = Model::fixture(demo_case(), lang);
        let path = std::path::PathBuf::from("tests/fixtures/import/cp1251-semicolon.csv");
        let opened = crate::app::runtime::open(crate::app::msg::Source::File(path), Some(lang));
        update(&mut m, Msg::Opened(opened));
        shot(&mut m, &name("import_report", lang, 80, 24), 80, 24);
    }
}
