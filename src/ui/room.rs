//! The room on screen: the countdown (status line) and the session plan pop-up.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Row, Widget};

use super::theme::{Role, Theme};
use super::widgets::{centered, panel, table, table_rows};
use crate::app::Model;
use crate::app::keymap::{Context, PopupKind, hints};
use crate::app::room::{Face, face};
use crate::domain::room::{Phase, clock_face, hours_minutes};
use crate::i18n::fill;

/// How a countdown looks: plain while there is time, then warning, last call, and at zero
/// inverse — flashing while it runs. Each phase differs in modifiers too, so NO_COLOR
/// terminals show them apart.
pub fn timer_style(t: &Theme, f: &Face) -> Style {
    match (f.phase, f.flash) {
        (Phase::Calm, _) => t.text(),
        (Phase::Soon, _) => t.warn(),
        (Phase::Last, _) | (Phase::Over, true) => t.bad(),
        (Phase::Over, false) => t.style(Role::Alarm),
    }
}

/// "▶ 12:34" or "‖ 12:34": the countdown with whether it runs.
pub fn timer_text(f: &Face) -> String {
    let mark = if f.running { '▶' } else { '‖' };
    format!("{mark} {}", clock_face(f.secs))
}

/// The countdown for the status line, if the session has a plan.
pub fn status_timer(m: &Model, t: &Theme) -> Option<Span<'static>> {
    let f = face(m)?;
    Some(Span::styled(
        format!(" {} ", timer_text(&f)),
        timer_style(t, &f),
    ))
}

/// The session plan: start time, item, stage, presenter, minutes, time left; the current
/// item marked, the bell and the total below.
pub fn agenda(m: &Model, t: &Theme, selected: usize, area: Rect, buf: &mut Buffer) {
    let s = m.strings();
    let r = &s.room;
    let room = &m.session.room;
    let case = &m.session.case;
    let rows = u16::try_from(room.plan.len()).unwrap_or(u16::MAX);
    let rect = centered(
        area,
        area.width.saturating_sub(4).min(110),
        rows.saturating_add(4)
            .max(8)
            .min(area.height.saturating_sub(2)),
    );
    Clear.render(rect, buf);
    let bell = if room.bell { r.bell_on } else { r.bell_off };
    let total = fill(r.total, &[("minutes", &room.total_minutes().to_string())]);
    let block = panel(r.title, true, t)
        .style(t.text())
        .title(Line::styled(format!(" {total} · {bell} "), t.text()).right_aligned())
        .title_bottom(hint_line(
            m,
            t,
            PopupKind::Agenda,
            rect.width.saturating_sub(4),
        ));
    let starts = room.starts();
    let header = Row::new(vec![
        String::new(),
        r.col_starts.to_string(),
        r.col_item.to_string(),
        r.col_stage.to_string(),
        r.col_who.to_string(),
        r.col_minutes.to_string(),
        r.col_left.to_string(),
    ]);
    let widths = [
        Constraint::Length(2),
        Constraint::Length(7),
        Constraint::Fill(3),
        Constraint::Length(10),
        Constraint::Fill(1),
        Constraint::Length(4),
        Constraint::Length(9),
    ];
    table(
        rect,
        buf,
        t,
        block,
        header,
        &widths,
        room.plan.len(),
        Some(selected),
        |i| {
            let item = &room.plan[i];
            let mark = if i == room.current { "▶" } else { "" };
            let left = item.remaining_secs(m.now);
            // The current item's clock, marked ‖ while paused as in the status line.
            let left = if i == room.current && !item.timer.running {
                format!("‖ {}", clock_face(left))
            } else {
                clock_face(left)
            };
            Row::new(vec![
                mark.to_string(),
                hours_minutes(starts[i]),
                m.privacy.redact_in(case, &item.title),
                item.stage.map_or("", |st| s.stage_name(st)).to_string(),
                m.privacy
                    .redact_in(case, item.presenter.as_deref().unwrap_or_default()),
                item.minutes.to_string(),
                left,
            ])
        },
    );
    if room.plan.is_empty() {
        Line::styled(r.empty, t.text()).render(table_rows(rect), buf);
    }
}

/// A pop-up's key hints, from the keymap, as many as fit in `width` columns.
pub(super) fn hint_line(m: &Model, t: &Theme, kind: PopupKind, width: u16) -> Line<'static> {
    let s = m.strings();
    let mut spans = Vec::new();
    let mut used = 0;
    for (k, word) in hints(Context::Popup(kind), s) {
        let text = format!("{k} {word}  ");
        let w = unicode_width::UnicodeWidthStr::width(text.as_str());
        if used + w > usize::from(width) {
            break;
        }
        spans.push(Span::styled(k, t.key()));
        spans.push(Span::styled(format!(" {word}  "), t.text()));
        used += w;
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::theme::ThemeName;

    fn face(secs: i64, running: bool) -> Face {
        let phase = Phase::of(secs);
        Face {
            secs,
            phase,
            running,
            flash: running && phase == Phase::Over && secs.rem_euclid(2) == 1,
        }
    }

    /// Calm, warning, last call and time-up look different from each other in every theme,
    /// with colour and without.
    #[test]
    fn phases_look_different_everywhere() {
        for name in ThemeName::ALL {
            for color in [true, false] {
                let t = Theme::new(name, color);
                let looks: Vec<Style> = [600, 100, 20, 0]
                    .iter()
                    .map(|s| timer_style(&t, &face(*s, false)))
                    .collect();
                for (i, a) in looks.iter().enumerate() {
                    for b in &looks[i + 1..] {
                        assert_ne!(a, b, "{name:?} colour={color}");
                    }
                }
                let on = timer_style(&t, &face(-1, true));
                let off = timer_style(&t, &face(-2, true));
                assert_ne!(on, off, "time up and running flashes");
            }
        }
    }

    use crate::app::msg::Msg;
    use crate::app::testkit::{ch, draw, screen};
    use crate::app::update;
    use crate::i18n::Lang;
    use crate::store::case_file::demo_case;
    use ratatui::style::{Color, Modifier};

    const MIN: u64 = 60_000;

    /// The demo with its plan under way: the first item done early, the second running
    /// for three minutes, a presenter named, the bell on.
    fn under_way(lang: Lang) -> Model {
        let mut m = Model::fixture(demo_case(), lang);
        ch(&mut m, 'P');
        update(&mut m, Msg::Tick(8 * MIN));
        ch(&mut m, '}');
        update(&mut m, Msg::Tick(11 * MIN));
        m.session.room.plan[4].presenter = Some("Team 3".into());
        m.session.room.bell = true;
        m
    }

    #[test]
    fn the_plan_pop_up() {
        for (lang, w, h) in [(Lang::En, 80, 24), (Lang::Ru, 120, 40)] {
            let mut m = under_way(lang);
            ch(&mut m, 'A');
            let t = draw(&mut m, w, h);
            let name = format!("agenda_{lang:?}_{w}x{h}").to_lowercase();
            insta::assert_snapshot!(name, t.backend());
            // Paused, the current item's clock is marked as in the status line.
            ch(&mut m, 'P');
            let text = crate::app::testkit::screen(&draw(&mut m, w, h));
            assert!(text.contains("  ‖ 17:00  ┃"), "{text}");
        }
    }

    /// The status line at each phase of the countdown, and the style of its digits: colour
    /// when allowed, and without colour a modifier of its own per phase.
    #[test]
    fn countdown_warnings_in_the_status_line() {
        let mut lines = Vec::new();
        for color in [true, false] {
            let mut m = Model::fixture(demo_case(), Lang::En);
            m.theme = Theme::new(ThemeName::Dark, color);
            ch(&mut m, '3');
            ch(&mut m, 'P');
            for (at, fg, mods) in [
                (7 * MIN, Color::Reset, Modifier::empty()),
                (8 * MIN + 30_000, Color::LightYellow, Modifier::BOLD),
                (
                    9 * MIN + 45_000,
                    Color::LightRed,
                    Modifier::BOLD | Modifier::UNDERLINED,
                ),
                (
                    10 * MIN + 2_000,
                    Color::White,
                    Modifier::BOLD | Modifier::REVERSED,
                ),
            ] {
                update(&mut m, Msg::Tick(at));
                let t = draw(&mut m, 80, 24);
                let last = screen(&t).lines().last().unwrap().to_string();
                let x = last.find(':').map(|b| last[..b].chars().count()).unwrap() as u16;
                let cell = &t.backend().buffer()[(x - 1, 23)];
                if color {
                    assert_eq!(cell.fg, fg, "{last}");
                    lines.push(last);
                } else {
                    assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset));
                    assert_eq!(cell.modifier, mods, "{last}");
                }
            }
        }
        insta::assert_snapshot!("countdown_phases_en_80", lines.join("\n"));
    }

    #[test]
    fn the_face_says_whether_it_runs() {
        assert_eq!(timer_text(&face(754, true)), "▶ 12:34");
        assert_eq!(timer_text(&face(-5, false)), "‖ -0:05");
    }
}
