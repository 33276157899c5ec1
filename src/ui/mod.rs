//! Rendering: `impl Widget for &Model`, split into one module per stage. Views only read
//! the model; layouts are plain functions shared with mouse hit-testing (`hit`).

pub mod bigtext;
pub mod case;
pub mod cyrillic;
pub mod goals;
pub mod help;
pub mod hit;
pub mod map;
pub mod pairs;
pub mod persist;
pub mod popups;
pub mod present;
pub mod privacy;
pub mod room;
pub mod start;
#[cfg(test)]
mod tests;
pub mod theme;
pub mod widgets;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

use crate::app::Model;
use crate::app::keymap::{Context, hints};
use crate::app::model::{MIN_HEIGHT, MIN_WIDTH};
use crate::domain::case::Stage;
use crate::i18n::{Strings, fill};
use theme::Theme;

/// The three bands of every screen.
pub struct Chrome {
    pub bar: Rect,
    pub body: Rect,
    pub status: Rect,
}

pub fn chrome(area: Rect) -> Chrome {
    let [bar, body, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    Chrome { bar, body, status }
}

/// The theme a stage is drawn in: the room sees Present in high contrast.
pub fn theme_for(m: &Model) -> Theme {
    if m.stage == Stage::Present {
        m.theme.presenting()
    } else {
        m.theme
    }
}

impl Widget for &Model {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = theme_for(self);
        Block::new().style(t.text()).render(area, buf);
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            too_small(self, &t, area, buf);
            return;
        }
        let c = chrome(area);
        stage_bar(self, &t, c.bar, buf);
        match self.stage {
            Stage::Start => start::render(self, &t, c.body, buf),
            Stage::Case => case::render(self, &t, c.body, buf),
            Stage::Goals => goals::render(self, &t, c.body, buf),
            Stage::Pairs => pairs::render(self, &t, c.body, buf),
            Stage::Map => map::render(self, &t, c.body, buf),
            Stage::Present => present::render(self, &t, c.body, buf),
        }
        status_line(self, &t, c.status, buf);
        popups::render(self, &t, area, buf);
    }
}

/// Below the minimum size: a centred notice, wrapped to whatever room there is.
fn too_small(m: &Model, t: &Theme, area: Rect, buf: &mut Buffer) {
    let s = m.strings();
    let text = fill(
        s.ui.too_small,
        &[
            ("w", &MIN_WIDTH.to_string()),
            ("h", &MIN_HEIGHT.to_string()),
            ("cw", &area.width.to_string()),
            ("ch", &area.height.to_string()),
        ],
    );
    let lines = text.width().div_ceil(usize::from(area.width.max(1))) as u16;
    let top = area.height.saturating_sub(lines) / 2;
    let rect = Rect {
        y: area.y + top,
        height: area.height - top,
        ..area
    };
    Paragraph::new(text)
        .style(t.warn())
        .centered()
        .wrap(Wrap { trim: true })
        .render(rect, buf);
}

/// Where each stage's tab sits in the stage bar (also used for mouse clicks).
pub fn stage_tabs(bar: Rect, s: &Strings) -> Vec<(Stage, Rect)> {
    let mut x = bar.x + brand_width(bar, s);
    let mut out = Vec::new();
    for stage in Stage::ALL {
        let w = tab_label(stage, s).width() as u16;
        if x + w > bar.right() {
            break;
        }
        out.push((stage, Rect::new(x, bar.y, w, 1)));
        x += w + 1;
    }
    out
}

fn brand_width(bar: Rect, s: &Strings) -> u16 {
    if bar.width >= 90 {
        s.app_name.width() as u16 + 3
    } else {
        0
    }
}

fn tab_label(stage: Stage, s: &Strings) -> String {
    format!(" {} {} ", stage.index() + 1, s.stage_name(stage))
}

fn stage_bar(m: &Model, t: &Theme, area: Rect, buf: &mut Buffer) {
    let s = m.strings();
    if brand_width(area, s) > 0 {
        buf.set_string(area.x + 1, area.y, s.app_name, t.title());
    }
    for (stage, r) in stage_tabs(area, s) {
        let style = if stage == m.stage {
            t.style(theme::Role::StageActive)
        } else {
            t.style(theme::Role::StageIdle)
        };
        buf.set_string(r.x, r.y, tab_label(stage, s), style);
    }
}

/// Mode, stage, case, pairing mode, unsaved mark; then a notice or the key hints.
fn status_line(m: &Model, t: &Theme, area: Rect, buf: &mut Buffer) {
    let s = m.strings();
    let ctx = m.context();
    let badge = match ctx {
        Context::Normal(_) => s.ui.normal,
        Context::Insert => s.ui.insert,
        Context::Popup(_) => s.ui.popup,
    };
    let mut left = vec![Span::styled(
        format!(" {badge} "),
        t.style(theme::Role::Badge),
    )];
    left.extend(room::status_timer(m, t));
    left.extend(privacy::lock_badge(m, t));
    left.extend(privacy::indicator(m, t));
    left.extend([
        Span::styled(format!(" {} ", s.stage_name(m.stage)), t.title()),
        Span::styled(
            format!(
                "· {} · {} ",
                m.source.label(),
                s.mode_name(m.session.pairing.mode)
            ),
            t.muted(),
        ),
    ]);
    if m.dirty {
        left.push(Span::styled(format!("{} ", s.ui.unsaved), t.warn()));
    }
    if m.solving.is_some() {
        left.push(Span::styled(format!("{} ", s.ui.solving), t.accent()));
    }
    let used: usize = left.iter().map(|sp| sp.width()).sum();
    let room = usize::from(area.width).saturating_sub(used);
    let right = match &m.notice {
        Some(n) => vec![Span::styled(widgets::ellipsize(n, room), t.warn())],
        None => hint_spans(&hints(ctx, s), t, room),
    };
    let right_w: usize = right.iter().map(|sp| sp.width()).sum();
    let gap = room.saturating_sub(right_w);
    left.push(Span::raw(" ".repeat(gap)));
    left.extend(right);
    Line::from(left).render(area, buf);
}

/// "key word" pairs that fit in `room` columns, in order.
fn hint_spans(hints: &[(String, &str)], t: &Theme, room: usize) -> Vec<Span<'static>> {
    let mut out = Vec::new();
    let mut used = 0;
    for (k, word) in hints {
        let w = k.width() + word.width() + 3;
        if used + w > room {
            break;
        }
        out.push(Span::styled(k.clone(), t.key()));
        out.push(Span::styled(format!(" {word}  "), t.text()));
        used += w;
    }
    out
}
