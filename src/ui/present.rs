//! Stage 6 view: one page of the map or of the pair list, big and high-contrast.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::bigtext;
use super::theme::Theme;
use crate::app::Model;
use crate::app::stage::map::names;
use crate::app::stage::present::{
    Content, MAP_PAGES, PAIR_ROWS, body_rows, page_count, pairs_per_page,
};
use crate::domain::session::Map;
use crate::i18n::fill;

pub fn render(m: &Model, t: &Theme, body: Rect, buf: &mut Buffer) {
    let s = m.strings();
    let area = body.inner(Margin::new(2, 0));
    let [heading, subtitle, _, content, footer] = Layout::vertical([
        Constraint::Length(bigtext::HEIGHT),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let page = m.present.page;
    match (m.present.content, m.map.map(&m.session)) {
        (Content::Map, Some(map)) => {
            bigtext::heading(
                &names(&m.session.case, &map.subject, " & ", first_name),
                t,
                heading,
                buf,
            );
            Line::styled(
                m.privacy.redact_in(&m.session.case, &map.passport.name),
                t.accent(),
            )
            .alignment(Alignment::Center)
            .render(subtitle, buf);
            map_page(m, t, map, page, content, buf);
        }
        (Content::Pairs, _) if m.session.pairing.result.is_some() => {
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
    let pages = page_count(m);
    let n = (page + 1).to_string();
    let all = pages.to_string();
    Line::styled(fill(s.present.page, &[("n", &n), ("all", &all)]), t.text())
        .alignment(Alignment::Right)
        .render(footer, buf);
}

/// "Анастасия" of "Анастасия Игоревна": the big heading has room for first names only.
fn first_name(name: &str) -> &str {
    name.split_whitespace().next().unwrap_or(name)
}

fn map_page(m: &Model, t: &Theme, map: &Map, page: usize, area: Rect, buf: &mut Buffer) {
    let s = m.strings();
    if let Some(fields) = MAP_PAGES.get(page) {
        let mut lines: Vec<Line> = Vec::new();
        for f in *fields {
            lines.push(Line::styled(s.field_name(*f), t.header()));
            let text = m.privacy.redact_in(&m.session.case, map.passport.get(*f));
            for l in text.lines() {
                lines.push(Line::styled(l.to_string(), t.text()));
            }
            lines.push(Line::raw(""));
        }
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .render(area, buf);
        return;
    }
    let per = body_rows(m.size.1);
    let first = (page - MAP_PAGES.len()) * per;
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
