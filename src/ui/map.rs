//! Stage 5 view: the selected pair's map — passport or plan, the selected item in full, and
//! the lint panel.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use super::widgets::{ellipsize, first_line, labelled, panel, rows};
use crate::app::Model;
use crate::app::stage::map::{Focus, lint_messages};
use crate::domain::map::REQUIRED;
use crate::domain::session::{Field, Map};

pub struct MapLayout {
    pub head: Rect,
    pub left_panel: Rect,
    pub left: Rect,
    pub detail: Rect,
    pub lint: Rect,
}

pub fn layout(body: Rect) -> MapLayout {
    let [head, main] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(body);
    let [left_panel, right] =
        Layout::horizontal([Constraint::Percentage(55), Constraint::Fill(1)]).areas(main);
    let [detail, lint] = Layout::vertical([Constraint::Fill(3), Constraint::Fill(2)]).areas(right);
    MapLayout {
        head,
        left: left_panel.inner(Margin::new(1, 1)),
        left_panel,
        detail,
        lint,
    }
}

pub fn render(m: &Model, t: &Theme, body: Rect, buf: &mut Buffer) {
    let s = m.strings();
    let l = layout(body);
    let (Some(entry), Some(map)) = (m.map.subject(), m.map.map(&m.session)) else {
        Paragraph::new(s.map.no_pairs)
            .style(t.text())
            .wrap(Wrap { trim: true })
            .block(panel(s.stage_name(m.stage), true, t))
            .render(body, buf);
        return;
    };
    let mut head = vec![
        Span::styled(
            format!(
                "{} {}/{}: ",
                s.map.subjects,
                m.map.current + 1,
                m.map.subjects.len()
            ),
            t.muted(),
        ),
        Span::styled(entry.label.clone(), t.title()),
        Span::styled(
            format!(
                " · {} {}",
                s.map.cycle,
                m.lang.count(map.cycle_months as usize, s.n_months)
            ),
            t.text(),
        ),
    ];
    if m.map.stored.is_none() {
        head.push(Span::styled(format!(" · {}", s.map.draft), t.accent()));
    }
    Line::from(head).render(l.head, buf);
    left(m, t, map, &l, buf);
    match m.map.focus {
        Focus::Passport => field_detail(m, t, map, l.detail, buf),
        Focus::Plan => activity_detail(m, t, map, l.detail, buf),
    }
    lint(m, t, l.lint, buf);
}

fn left(m: &Model, t: &Theme, map: &Map, l: &MapLayout, buf: &mut Buffer) {
    let s = m.strings();
    let (pass, plan) = (s.map.passport, s.map.plan);
    let tabs = match m.map.focus {
        Focus::Passport => Line::from(vec![
            Span::styled(
                format!(" {pass} "),
                t.style(super::theme::Role::StageActive),
            ),
            Span::styled(format!(" {plan} "), t.text()),
        ]),
        Focus::Plan => Line::from(vec![
            Span::styled(format!(" {pass} "), t.text()),
            Span::styled(
                format!(" {plan} "),
                t.style(super::theme::Role::StageActive),
            ),
        ]),
    };
    panel(tabs, true, t).render(l.left_panel, buf);
    let width = usize::from(l.left.width);
    match m.map.focus {
        Focus::Passport => rows(l.left, buf, t, Field::ALL.len(), Some(m.map.field), |i| {
            let f = Field::ALL[i];
            let text = m.privacy.redact_in(&m.session.case, map.passport.get(f));
            let (mark, style) = match (text.trim().is_empty(), REQUIRED.contains(&f)) {
                (false, _) => ("✓", t.good()),
                (true, true) => ("!", t.bad()),
                (true, false) => ("·", t.muted()),
            };
            let name = format!("{:>2} {} · ", i + 1, s.field_name(f));
            let room = width.saturating_sub(name.width() + 2);
            Line::from(vec![
                Span::styled(format!("{mark} "), style),
                Span::styled(name, t.text()),
                Span::styled(ellipsize(&first_line(&text), room), t.muted()),
            ])
        }),
        Focus::Plan => {
            let acts = &map.activities;
            rows(l.left, buf, t, acts.len(), Some(m.map.activity), |i| {
                let a = &acts[i];
                let head = format!("{:>2} {:<11} ", a.month, s.growth_name(a.growth));
                let room = width.saturating_sub(head.width());
                let style = if a.resources.is_empty() {
                    t.warn()
                } else {
                    t.text()
                };
                Line::from(vec![
                    Span::styled(head, t.muted()),
                    Span::styled(
                        ellipsize(&m.privacy.redact_in(&m.session.case, &a.title), room),
                        style,
                    ),
                ])
            });
        }
    }
}

fn field_detail(m: &Model, t: &Theme, map: &Map, area: Rect, buf: &mut Buffer) {
    let s = m.strings();
    let f = m.map.field();
    let mut title = s.field_name(f).to_string();
    if REQUIRED.contains(&f) {
        title = format!("{title} · {}", s.map.required);
    }
    let text = m.privacy.redact_in(&m.session.case, map.passport.get(f));
    let body = if text.trim().is_empty() {
        Line::styled(s.ui.empty, t.muted()).into()
    } else {
        ratatui::text::Text::styled(text, t.text())
    };
    Paragraph::new(body)
        .block(panel(title, false, t))
        .wrap(Wrap { trim: false })
        .render(area, buf);
}

fn activity_detail(m: &Model, t: &Theme, map: &Map, area: Rect, buf: &mut Buffer) {
    let s = m.strings();
    let case = &m.session.case;
    let Some(a) = map.activities.get(m.map.activity) else {
        panel(s.map.plan, false, t).render(area, buf);
        return;
    };
    let topics: Vec<&str> = a.topics.iter().map(|x| case.topic_name(x)).collect();
    let resources: Vec<&str> = a
        .resources
        .iter()
        .map(|id| {
            case.resources
                .iter()
                .find(|r| r.id == *id)
                .map_or(id.as_str(), |r| r.name.as_str())
        })
        .collect();
    let lines = vec![
        Line::styled(m.privacy.redact_in(case, &a.title), t.title()),
        labelled(
            s.map.month,
            format!("{} · {}", a.month, s.growth_name(a.growth)),
            t,
        ),
        labelled(s.map.form, a.form.clone(), t),
        labelled(s.case.topic, topics.join(", "), t),
        labelled(s.map.resources, resources.join(", "), t),
    ];
    let title = format!("{} {}", s.map.activity, m.map.activity + 1);
    Paragraph::new(lines)
        .block(panel(title, false, t))
        .wrap(Wrap { trim: false })
        .render(area, buf);
}

fn lint(m: &Model, t: &Theme, area: Rect, buf: &mut Buffer) {
    let s = m.strings();
    let msgs = lint_messages(m);
    let title = format!("{} ({})", s.map.lint, msgs.len());
    let lines: Vec<Line> = if msgs.is_empty() {
        vec![Line::styled(s.map.lint_clean, t.good())]
    } else {
        msgs.into_iter()
            .map(|x| Line::from(vec![Span::styled("• ", t.bad()), Span::styled(x, t.text())]))
            .collect()
    };
    Paragraph::new(lines)
        .block(panel(title, false, t))
        .wrap(Wrap { trim: false })
        .render(area, buf);
}
