//! Stage 1 view: the list of cases to open and a preview of the selected one.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::theme::Theme;
use super::widgets::{ellipsize, panel, rows};
use crate::app::Model;
use crate::app::model::LineTarget;
use crate::store::library::{Entry, Origin};

pub struct StartLayout {
    pub intro: Rect,
    pub list_panel: Rect,
    pub filter: Rect,
    pub list: Rect,
    pub preview: Rect,
}

pub fn layout(body: Rect) -> StartLayout {
    let [intro, main] = Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(body);
    let [list_panel, preview] =
        Layout::horizontal([Constraint::Percentage(58), Constraint::Fill(1)]).areas(main);
    let inner = list_panel.inner(ratatui::layout::Margin::new(1, 1));
    let [filter, list] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(inner);
    StartLayout {
        intro,
        list_panel,
        filter,
        list,
        preview,
    }
}

pub fn render(m: &Model, t: &Theme, body: Rect, buf: &mut Buffer) {
    let s = m.strings();
    let l = layout(body);
    Paragraph::new(s.start.intro)
        .style(t.text())
        .wrap(Wrap { trim: true })
        .render(l.intro, buf);
    panel(s.start.title, true, t).render(l.list_panel, buf);
    let path = m
        .line
        .as_ref()
        .is_some_and(|x| x.target == LineTarget::Path);
    if path {
        input_line(
            m,
            t,
            l.filter,
            buf,
            LineTarget::Path,
            s.start.path_prompt,
            "",
        );
    } else {
        let q = &m.start.query;
        input_line(m, t, l.filter, buf, LineTarget::StartFilter, s.ui.filter, q);
    }
    let st = &m.start;
    if st.visible.is_empty() {
        Line::styled(s.ui.no_matches, t.muted()).render(l.list, buf);
    }
    let width = usize::from(l.list.width);
    rows(l.list, buf, t, st.visible.len(), Some(st.selected), |k| {
        let i = st.visible[k];
        entry_line(m, t, &st.entries[i], st.current == Some(i), width)
    });
    preview(m, t, l.preview, buf);
}

fn origin_word(m: &Model, e: &Entry) -> &'static str {
    let s = &m.strings().start;
    if e.summary.as_ref().is_ok_and(|x| x.session) {
        return s.session;
    }
    match e.origin {
        Origin::Demo => s.demo,
        Origin::Scenario => s.scenario,
        Origin::Recent => s.recent,
        Origin::File => s.file,
    }
}

fn entry_line(m: &Model, t: &Theme, e: &Entry, current: bool, width: usize) -> Line<'static> {
    let s = m.strings();
    let mark = if current { "● " } else { "  " };
    let tag = format!("{:<9}", origin_word(m, e));
    let text = match (&e.summary, e.path.is_some() || e.origin == Origin::Demo) {
        (_, false) => s.start.open_file.to_string(),
        (Ok(sum), true) if !sum.team.trim().is_empty() => format!("{} · {}", sum.title, sum.team),
        (Ok(sum), true) => sum.title.clone(),
        (Err(_), true) => format!("{} ({})", e.label, s.start.unreadable),
    };
    let room = width.saturating_sub(2 + 10);
    Line::from(vec![
        Span::styled(mark, t.good()),
        Span::styled(tag, t.muted()),
        Span::raw(" "),
        Span::styled(ellipsize(&text, room), t.text()),
    ])
}

fn preview(m: &Model, t: &Theme, area: Rect, buf: &mut Buffer) {
    let s = m.strings();
    let Some(e) = m.start.selected_entry() else {
        panel(s.start.preview, false, t).render(area, buf);
        return;
    };
    let mut lines: Vec<Line> = Vec::new();
    match (&e.summary, e.path.is_some() || e.origin == Origin::Demo) {
        (_, false) => lines.push(Line::styled(s.start.open_file_about, t.text())),
        (Ok(sum), true) => {
            lines.push(Line::styled(sum.title.clone(), t.title()));
            if !sum.team.trim().is_empty() {
                lines.push(Line::styled(sum.team.clone(), t.accent()));
            }
            lines.push(Line::raw(""));
            lines.push(Line::styled(
                format!(
                    "{} · {}",
                    m.lang.count(sum.participants, s.n_participants),
                    m.lang.count(sum.topics, s.n_topics)
                ),
                t.text(),
            ));
            lines.push(Line::styled(
                format!("{} · {}", e.label, sum.lang),
                t.muted(),
            ));
        }
        (Err(err), true) => {
            lines.push(Line::styled(e.label.clone(), t.title()));
            lines.push(Line::styled(s.start.unreadable, t.bad()));
            lines.push(Line::styled(err.clone(), t.text()));
        }
    }
    let current = m
        .start
        .visible
        .get(m.start.selected)
        .is_some_and(|i| m.start.current == Some(*i));
    if current {
        lines.push(Line::raw(""));
        lines.push(Line::styled(format!("● {}", s.start.current), t.good()));
    }
    Paragraph::new(lines)
        .block(panel(s.start.preview, false, t))
        .wrap(Wrap { trim: false })
        .render(area, buf);
}

/// An input line (filter, path): the live input while typing, else the current text or a
/// hint.
pub fn input_line(
    m: &Model,
    t: &Theme,
    area: Rect,
    buf: &mut Buffer,
    target: LineTarget,
    label: &str,
    query: &str,
) {
    let s = m.strings();
    let typing = m.line.as_ref().filter(|l| l.target == target);
    let label = format!("{label}: ");
    match typing {
        Some(line) => {
            let w = unicode_width::UnicodeWidthStr::width(label.as_str()) as u16;
            buf.set_string(area.x, area.y, &label, t.key());
            let input = Rect {
                x: area.x + w,
                width: area.width.saturating_sub(w),
                ..area
            };
            (&line.area).render(input, buf);
        }
        None if query.is_empty() => {
            Line::styled(s.ui.filter_hint, t.muted()).render(area, buf);
        }
        None => Line::from(vec![
            Span::styled(label, t.key()),
            Span::styled(query.to_string(), t.accent()),
        ])
        .render(area, buf),
    }
}
