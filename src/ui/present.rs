//! Stage 6 view: one page of the map or of the pair list, big and high-contrast.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::bigtext;
use super::room::timer_style;
use super::theme::Theme;
use super::widgets::ellipsize;
use crate::app::Model;
use crate::app::room::face;
use crate::app::stage::map::names;
use crate::app::stage::present::{
    Content, PAIR_ROWS, Slide, body_rows, heading_rows, page_count, pairs_per_page, passport_pages,
    shown_text, slide_at,
};
use crate::domain::room::clock_face;
use crate::domain::session::Map;
use crate::i18n::fill;

pub fn render(m: &Model, t: &Theme, body: Rect, buf: &mut Buffer) {
    let s = m.strings();
    let area = body.inner(Margin::new(2, 0));
    let [heading, subtitle, _, content, footer] = Layout::vertical([
        Constraint::Length(heading_rows(m.size.1)),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let heading = big_clock(m, t, heading, buf);
    let page = m.present.page;
    // Where the teams' show stands, found once for the page and its footer.
    let slide = match m.present.content {
        Content::Teams => slide_at(m, page),
        _ => None,
    };
    match (m.present.content, m.map.map(&m.session), slide) {
        (Content::Teams, _, Some(x)) => team_page(m, t, x, [heading, subtitle, content], buf),
        (Content::Map, Some(map), _) => {
            bigtext::heading(
                &names(&m.session.case, &map.subject, " & ", first_name),
                t,
                heading,
                buf,
            );
            let name = m.privacy.redact_in(&m.session.case, &map.passport.name);
            centered_line(&name, t, subtitle, buf);
            map_page(m, t, map, page, content, buf);
        }
        (Content::Pairs, _, _) if m.session.pairing.result.is_some() => {
            bigtext::heading(s.present.pairs_title, t, heading, buf);
            pairs_page(m, t, page, content, buf);
        }
        _ => {
            bigtext::heading(s.stage_name(m.stage), t, heading, buf);
            Paragraph::new(s.present.nothing)
                .style(t.text())
                .alignment(Alignment::Center)
                .wrap(Wrap { trim: true })
                .render(content, buf);
        }
    }
    Line::styled(footer_text(m, slide), t.text())
        .alignment(Alignment::Right)
        .render(footer, buf);
}

/// "page 3 of 7", and in the teams' show which team and map first.
fn footer_text(m: &Model, slide: Option<Slide>) -> String {
    let s = m.strings();
    let n = (m.present.page + 1).to_string();
    let all = page_count(m).to_string();
    let page = fill(s.present.page, &[("n", &n), ("all", &all)]);
    let Some(x) = slide else {
        return page;
    };
    let teams = &m.session.teams;
    // Teams that brought no maps are not shown, so they are not counted either.
    let shown = |t: &&crate::domain::session::TeamWork| !t.maps.is_empty();
    let numbers = [
        (
            "k",
            teams[..=x.team].iter().filter(shown).count().to_string(),
        ),
        ("n", teams.iter().filter(shown).count().to_string()),
        ("j", (x.map + 1).to_string()),
        ("maps", teams[x.team].maps.len().to_string()),
    ];
    let pairs: Vec<(&str, &str)> = numbers.iter().map(|(k, v)| (*k, v.as_str())).collect();
    format!("{} · {page}", fill(s.present.team_of, &pairs))
}

/// A page of the teams' show: the team's name big, whose map it is beneath, then the page.
fn team_page(m: &Model, t: &Theme, x: Slide, areas: [Rect; 3], buf: &mut Buffer) {
    let [heading, subtitle, content] = areas;
    let work = &m.session.teams[x.team];
    let map = &work.maps[x.map];
    let case = &m.session.case;
    bigtext::heading(&work.team, t, heading, buf);
    let who = names(case, &map.subject, " & ", first_name);
    let title = m.privacy.redact_in(case, &map.passport.name);
    centered_line(&format!("{who} · {title}"), t, subtitle, buf);
    map_page(m, t, map, x.page, content, buf);
}

/// The current item's countdown in big digits at the right of the heading row, in its
/// phase's colours, when the screen is wide enough; returns what is left for the heading.
fn big_clock(m: &Model, t: &Theme, heading: Rect, buf: &mut Buffer) -> Rect {
    let Some(f) = face(m) else {
        return heading;
    };
    let text = clock_face(f.secs);
    let width = bigtext::clock_width(&text);
    if heading.width < width * 3 {
        return heading;
    }
    let [rest, _, clock] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(2),
        Constraint::Length(width),
    ])
    .areas(heading);
    bigtext::clock(&text, timer_style(t, &f), clock, buf);
    rest
}

/// The line under the heading, centred, cut with an ellipsis at the end when too long
/// (a centred line would lose both ends).
fn centered_line(text: &str, t: &Theme, area: Rect, buf: &mut Buffer) {
    Line::styled(ellipsize(text, usize::from(area.width)), t.accent())
        .alignment(Alignment::Center)
        .render(area, buf);
}

/// "Анастасия" of "Анастасия Игоревна": the big heading has room for first names only.
fn first_name(name: &str) -> &str {
    name.split_whitespace().next().unwrap_or(name)
}

fn map_page(m: &Model, t: &Theme, map: &Map, page: usize, area: Rect, buf: &mut Buffer) {
    let s = m.strings();
    let passport = passport_pages(m, map);
    if let Some(fields) = passport.get(page) {
        let mut lines: Vec<Line> = Vec::new();
        for f in fields {
            if !lines.is_empty() {
                lines.push(Line::raw(""));
            }
            lines.push(Line::styled(s.field_name(*f), t.header()));
            let text = shown_text(m, map, *f);
            lines.extend(text.lines().map(|l| Line::styled(l.to_string(), t.text())));
        }
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .render(area, buf);
        return;
    }
    let per = body_rows(m.size.1);
    let first = (page - passport.len()) * per;
    let mut lines = vec![Line::styled(s.map.plan, t.header())];
    lines.extend(map.activities.iter().skip(first).take(per).map(|a| {
        Line::from(vec![
            Span::styled(format!("{:>2}  ", a.month), t.accent()),
            Span::styled(format!("{:<12}", s.growth_name(a.growth)), t.text()),
            Span::styled(m.privacy.redact_in(&m.session.case, &a.title), t.text()),
        ])
    }));
    Paragraph::new(lines).render(area, buf);
}

fn pairs_page(m: &Model, t: &Theme, page: usize, area: Rect, buf: &mut Buffer) {
    let case = &m.session.case;
    let Some(result) = &m.session.pairing.result else {
        return;
    };
    let person = |id: &str| {
        case.participant(id)
            .map_or(id.to_string(), |p| m.privacy.person(p))
    };
    let per = pairs_per_page(m.size.1);
    let slots = (0..per).map(|k| Rect {
        y: area.y + k as u16 * PAIR_ROWS,
        height: PAIR_ROWS,
        ..area
    });
    let shown = result.pairs.iter().enumerate().skip(page * per).take(per);
    for ((i, p), slot) in shown.zip(slots) {
        if slot.bottom() > area.bottom() {
            break;
        }
        let why = m.pairs.reasons.get(i).cloned().unwrap_or_default();
        Paragraph::new(vec![
            Line::from(vec![
                Span::styled(format!("{:>2}. ", i + 1), t.accent()),
                Span::styled(
                    format!("{} → {}", person(&p.mentor), person(&p.mentee)),
                    t.title(),
                ),
                Span::styled(format!("  {}", case.topic_name(&p.topic)), t.text()),
            ]),
            Line::styled(why, t.text()),
        ])
        .wrap(Wrap { trim: true })
        .render(slot, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Action;
    use crate::app::msg::Msg;
    use crate::app::testkit::{ch, draw, solved};
    use crate::app::update;
    use crate::domain::case::Stage;
    use crate::i18n::Lang;

    use ratatui::style::Modifier;

    const SEC: u64 = 1000;

    /// The demo on Present with its first item's 10-minute countdown started at 0.
    fn presenting() -> Model {
        let mut m = solved(Lang::En);
        update(&mut m, Msg::Act(Action::Goto(Stage::Present)));
        ch(&mut m, 'p');
        update(&mut m, Msg::Tick(0));
        ch(&mut m, 'P');
        m
    }

    /// The style of the first drawn cell of the big clock (top right of the heading).
    fn clock_cell(m: &mut Model, w: u16, h: u16) -> ratatui::style::Style {
        let t = draw(m, w, h);
        let buf = t.backend().buffer();
        (2..6)
            .flat_map(|y| (w / 2..w).rev().map(move |x| (x, y)))
            .map(|(x, y)| &buf[(x, y)])
            .find(|c| c.symbol() != " ")
            .map(|c| c.style())
            .expect("a big clock in the heading row")
    }

    /// A merged session on Present: the team's name big, then the second team after `]`.
    #[test]
    fn teams_present_one_after_another() {
        for (lang, w, h) in [(Lang::Ru, 80, 24), (Lang::En, 120, 40), (Lang::Ru, 300, 80)] {
            let mut m = crate::app::testkit::teams(lang);
            update(&mut m, Msg::Act(Action::Goto(Stage::Present)));
            let first = draw(&mut m, w, h);
            insta::assert_snapshot!(
                format!("present_team_first_{lang:?}_{w}x{h}"),
                first.backend()
            );
            ch(&mut m, ']');
            let second = draw(&mut m, w, h);
            let text = crate::app::testkit::screen(&second);
            assert!(text.contains("Другая цель второй команды"), "{text}");
            insta::assert_snapshot!(
                format!("present_team_second_{lang:?}_{w}x{h}"),
                second.backend()
            );
        }
    }

    /// A name too long for the line keeps its beginning and ends in an ellipsis.
    #[test]
    fn a_long_subtitle_is_cut_at_the_end() {
        let mut m = crate::app::testkit::teams(Lang::En);
        m.session.teams[0].maps[0].passport.name = format!("Start {}", "long words ".repeat(20));
        update(&mut m, Msg::Act(Action::Goto(Stage::Present)));
        let text = crate::app::testkit::screen(&draw(&mut m, 80, 24));
        let line = text
            .lines()
            .find(|l| l.contains("Anna & Hugo"))
            .expect("the subtitle");
        assert!(line.contains("Anna & Hugo · Start long words"), "{line}");
        assert!(line.trim_end().ends_with('…'), "{line}");
    }

    #[test]
    fn big_countdown_at_every_projector_size() {
        for (w, h) in [(80, 24), (120, 40), (300, 80)] {
            let mut m = presenting();
            update(&mut m, Msg::Tick(3 * 60 * SEC));
            let t = draw(&mut m, w, h);
            insta::assert_snapshot!(format!("present_clock_{w}x{h}"), t.backend());
        }
    }

    /// Calm in the text colour, yellow in the last two minutes, red in the last thirty
    /// seconds — in the high-contrast theme Present uses (time-up is in the snapshot).
    #[test]
    fn countdown_phases_show_in_the_big_clock() {
        let mut m = presenting();
        let t = m.theme.presenting();
        update(&mut m, Msg::Tick(60 * SEC));
        assert_eq!(clock_cell(&mut m, 120, 40).fg, t.text().fg);
        update(&mut m, Msg::Tick(9 * 60 * SEC));
        let soon = clock_cell(&mut m, 120, 40);
        assert_eq!(soon.fg, t.warn().fg);
        assert_ne!(soon.fg, t.text().fg);
        update(&mut m, Msg::Tick(9 * 60 * SEC + 40 * SEC));
        let last = clock_cell(&mut m, 120, 40);
        assert_eq!(last.fg, t.bad().fg);
        assert_ne!(last.fg, soon.fg);
        update(&mut m, Msg::Tick(10 * 60 * SEC + 5 * SEC));
        let shot = draw(&mut m, 120, 40);
        insta::assert_snapshot!("present_clock_over_120x40", shot.backend());
        // Time up, between flashes: white on red, which NO_COLOR draws as inverse.
        update(&mut m, Msg::Tick(10 * 60 * SEC + 6 * SEC));
        let alarm = t.style(super::super::theme::Role::Alarm);
        assert_eq!(clock_cell(&mut m, 120, 40).bg, alarm.bg);
        assert_ne!(alarm.bg, t.text().bg);
        m.theme = Theme::new(m.theme.name, false);
        let plain = clock_cell(&mut m, 120, 40);
        assert!(plain.add_modifier.contains(Modifier::REVERSED), "{plain:?}");
        let reset = Some(ratatui::style::Color::Reset);
        assert_eq!(
            (plain.fg, plain.bg),
            (reset, reset),
            "no colours in NO_COLOR"
        );
    }
}
