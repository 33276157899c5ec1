//! Stage 3 view: the six sections with their progress, and the selected section's entries.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::theme::Theme;
use super::widgets::{ellipsize, first_line, panel, rows};
use crate::app::Model;
use crate::app::stage::goals::filled;
use crate::domain::session::Section;
use crate::i18n::fill;

pub struct GoalsLayout {
    pub progress: Rect,
    pub sections_panel: Rect,
    pub sections: Rect,
    pub entries_panel: Rect,
    pub entries: Rect,
    pub detail: Rect,
}

pub fn layout(body: Rect) -> GoalsLayout {
    let [progress, main] =
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(body);
    let [sections_panel, entries_panel] =
        Layout::horizontal([Constraint::Length(40), Constraint::Fill(1)]).areas(main);
    let inner = entries_panel.inner(Margin::new(1, 1));
    let [entries, detail] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(5)]).areas(inner);
    GoalsLayout {
        progress,
        sections: sections_panel.inner(Margin::new(1, 1)),
        sections_panel,
        entries_panel,
        entries,
        detail,
    }
}

pub fn render(m: &Model, t: &Theme, body: Rect, buf: &mut Buffer) {
    let s = m.strings();
    let l = layout(body);
    let done = filled(m);
    let bar: String = (0..6).map(|i| if i < done { '■' } else { '□' }).collect();
    Line::from(vec![
        Span::styled(format!("{bar} "), t.good()),
        Span::styled(
            fill(
                s.goals.progress,
                &[("done", &done.to_string()), ("all", "6")],
            ),
            t.text(),
        ),
    ])
    .render(l.progress, buf);

    panel(s.goals.sections_title, false, t).render(l.sections_panel, buf);
    let goals = &m.session.goals;
    rows(l.sections, buf, t, 6, Some(m.goals.section), |i| {
        let sec = Section::ALL[i];
        let n = goals.section(sec).len();
        let (mark, style) = if n > 0 {
            ("✓", t.good())
        } else {
            ("·", t.muted())
        };
        Line::from(vec![
            Span::styled(format!("{mark} "), style),
            Span::styled(format!("{} ", s.section_name(sec)), t.text()),
            Span::styled(format!("({n})"), t.muted()),
        ])
    });

    let section = m.goals.section();
    let entries = goals.section(section);
    panel(s.section_name(section), true, t).render(l.entries_panel, buf);
    if entries.is_empty() {
        Paragraph::new(s.goals.empty_section)
            .style(t.muted())
            .wrap(Wrap { trim: true })
            .render(l.entries, buf);
        return;
    }
    let sel = m.goals.selected[m.goals.section];
    let width = usize::from(l.entries.width);
    rows(l.entries, buf, t, entries.len(), Some(sel), |i| {
        let e = &entries[i];
        let mark = if e.from_catalogue {
            s.goals.catalogue_mark
        } else {
            s.goals.own_mark
        };
        let head = format!("{:>2}. [{mark}] ", i + 1);
        let room = width.saturating_sub(unicode_width::UnicodeWidthStr::width(head.as_str()));
        Line::from(vec![
            Span::styled(head, t.muted()),
            Span::styled(ellipsize(&first_line(&e.text), room), t.text()),
        ])
    });
    if let Some(e) = entries.get(sel) {
        Paragraph::new(e.text.clone())
            .style(t.accent())
            .wrap(Wrap { trim: false })
            .render(l.detail, buf);
    }
}
