//! Pop-ups drawn over the stage: help, yes/no, the picker, the editor.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget, Wrap};

use super::theme::Theme;
use super::widgets::{centered, ellipsize, panel, rows};
use crate::app::Model;
use crate::app::model::{Confirm, Editor, Picker, Popup, Report};
use crate::i18n::fill;

pub fn render(m: &Model, t: &Theme, area: Rect, buf: &mut Buffer) {
    match &m.popup {
        None => {}
        Some(Popup::Help { scroll }) => super::help::render(m, t, *scroll, area, buf),
        Some(Popup::Confirm(c)) => confirm(m, t, c, area, buf),
        Some(Popup::Picker(p)) => picker(m, t, p, area, buf),
        Some(Popup::Editor(e)) => editor(m, t, e, area, buf),
        Some(Popup::Restore(r)) => super::persist::restore(m, t, r, area, buf),
        Some(Popup::Compare(c)) => super::persist::compare(m, t, c, area, buf),
        Some(Popup::Agenda { selected }) => super::room::agenda(m, t, *selected, area, buf),
        Some(Popup::Report(r)) => report(m, t, r, area, buf),
        Some(Popup::Privacy { selected }) => super::privacy::popup(m, t, *selected, area, buf),
    }
    super::persist::path_line(m, t, area, buf);
}

fn confirm(m: &Model, t: &Theme, c: &Confirm, area: Rect, buf: &mut Buffer) {
    let s = m.strings();
    let (title, text, keys) = match c {
        Confirm::Quit => (
            s.ui.quit_title,
            s.ui.quit_unsaved.into(),
            s.persist.quit_keys,
        ),
        Confirm::Open(_) => (s.ui.discard_title, s.ui.discard_unsaved.into(), s.ui.yes_no),
        Confirm::Reset(stage) => (
            s.room.reset_title,
            fill(s.room.reset_text, &[("stage", s.stage_name(*stage))]),
            s.ui.yes_no,
        ),
        Confirm::EditPrivate(..) => (
            s.room.private_edit_title,
            s.room.private_edit_text.into(),
            s.ui.yes_no,
        ),
        Confirm::SaveFailed(why) => (
            s.persist.save_failed_title,
            fill(s.persist.save_failed, &[("error", why)]),
            s.persist.save_failed_keys,
        ),
    };
    let (width, height) = match c {
        Confirm::SaveFailed(_) => (64, 10),
        Confirm::EditPrivate(..) => (60, 8),
        _ => (56, 7),
    };
    let rect = centered(area, width, height);
    Clear.render(rect, buf);
    let mut lines: Vec<Line> = text
        .split('\n')
        .map(|l| Line::styled(l.to_string(), t.text()))
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::styled(keys, t.key()));
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .block(panel(title, true, t).style(t.text()))
        .render(rect, buf);
}

/// The picker's list area inside its pop-up (also used for mouse clicks).
pub fn picker_layout(area: Rect) -> (Rect, Rect, Rect, Rect) {
    let rect = centered(
        area,
        72.min(area.width.saturating_sub(4)),
        20.min(area.height.saturating_sub(2)),
    );
    let inner = rect.inner(ratatui::layout::Margin::new(1, 1));
    let [query, list, hint] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    (rect, query, list, hint)
}

fn picker(m: &Model, t: &Theme, p: &Picker, area: Rect, buf: &mut Buffer) {
    let s = m.strings();
    let (rect, query, list, hint) = picker_layout(area);
    Clear.render(rect, buf);
    panel(p.title.clone(), true, t)
        .style(t.text())
        .render(rect, buf);
    buf.set_string(query.x, query.y, "> ", t.key());
    let q = Rect {
        x: query.x + 2,
        width: query.width.saturating_sub(2),
        ..query
    };
    (&p.query).render(q, buf);
    if p.visible.is_empty() {
        Line::styled(s.ui.no_matches, t.muted()).render(list, buf);
    }
    let width = usize::from(list.width);
    rows(list, buf, t, p.visible.len(), Some(p.selected), |k| {
        let item = &p.items[p.visible[k]];
        let detail = if item.detail.is_empty() {
            String::new()
        } else {
            format!("  {}", item.detail)
        };
        let room = width.saturating_sub(unicode_width::UnicodeWidthStr::width(detail.as_str()));
        Line::from(vec![
            Span::styled(ellipsize(&item.text, room), t.text()),
            Span::styled(detail, t.muted()),
        ])
    });
    Line::styled(s.ui.picker_hint, t.muted()).render(hint, buf);
}

fn editor(m: &Model, t: &Theme, e: &Editor, area: Rect, buf: &mut Buffer) {
    let s = m.strings();
    let rect = centered(
        area,
        84.min(area.width.saturating_sub(4)),
        16.min(area.height.saturating_sub(2)),
    );
    Clear.render(rect, buf);
    let block = panel(e.title.clone(), true, t)
        .style(t.text())
        .title_bottom(Line::styled(s.ui.editor_hint, t.muted()));
    let inner = block.inner(rect);
    block.render(rect, buf);
    (&e.area).render(inner, buf);
}

/// A read-only text (the import report), scrolled by the model; long lines wrap.
fn report(m: &Model, t: &Theme, r: &Report, area: Rect, buf: &mut Buffer) {
    let rect = report_rect(area);
    Clear.render(rect, buf);
    let block = panel(r.title.as_str(), true, t)
        .style(t.text())
        .title_bottom(Line::styled(m.strings().start.report_footer, t.muted()));
    report_text(r)
        .block(block)
        .scroll((r.scroll, 0))
        .render(rect, buf);
}

fn report_rect(area: Rect) -> Rect {
    centered(
        area,
        area.width.saturating_sub(4).min(110),
        area.height.saturating_sub(2),
    )
}

fn report_text(r: &Report) -> Paragraph<'_> {
    let lines: Vec<Line> = r.lines.iter().map(|l| Line::raw(l.as_str())).collect();
    Paragraph::new(lines).wrap(Wrap { trim: false })
}

/// How many screen lines the report takes once wrapped in a `size` terminal, so scrolling
/// can stop at its end.
pub fn report_line_count(r: &Report, size: (u16, u16)) -> usize {
    let inner = report_rect(Rect::new(0, 0, size.0, size.1))
        .width
        .saturating_sub(2);
    report_text(r).line_count(inner.max(1))
}
