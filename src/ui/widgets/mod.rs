//! Small pieces the stage views share: panels, scrolling windows, selectable rows, text
//! that fits.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Row, StatefulWidget, Table, TableState, Widget};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::theme::Theme;

/// First row to show so that `selected` is visible in `height` rows.
pub fn window(selected: usize, len: usize, height: usize) -> usize {
    if height == 0 || len <= height {
        return 0;
    }
    selected.saturating_sub(height - 1).min(len - height)
}

/// `s` cut to `width` columns with "…" when it does not fit (wide characters count twice).
pub fn ellipsize(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// The first line of a possibly multi-line text, marked when more follows.
pub fn first_line(s: &str) -> String {
    let mut lines = s.lines();
    let first = lines.next().unwrap_or("").to_string();
    if lines.next().is_some() {
        format!("{first} …")
    } else {
        first
    }
}

/// A rectangle of at most `width`×`height`, centred in `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// A bordered panel; the focused one is drawn thicker and brighter.
pub fn panel<'a>(title: impl Into<Line<'a>>, focused: bool, t: &Theme) -> Block<'a> {
    Block::bordered()
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(t.border(focused))
        .title(title)
        .title_style(if focused { t.title() } else { t.text() })
}

/// Rows of a list with one selected, scrolled so the selection shows. Each row is built
/// only if visible, so long lists stay fast.
pub fn rows<'a>(
    area: Rect,
    buf: &mut Buffer,
    t: &Theme,
    len: usize,
    selected: Option<usize>,
    row: impl Fn(usize) -> Line<'a>,
) {
    let height = usize::from(area.height);
    let offset = window(selected.unwrap_or(0), len, height);
    for (k, i) in (offset..len).take(height).enumerate() {
        let r = Rect::new(area.x, area.y + k as u16, area.width, 1);
        let mut line = row(i);
        if Some(i) == selected {
            line = line.patch_style(t.selected());
            buf.set_style(r, t.selected());
        }
        line.render(r, buf);
    }
}

/// The rows area of a table drawn by [`table`]: inside the panel, under the header.
pub fn table_rows(area: Rect) -> Rect {
    let inner = area.inner(ratatui::layout::Margin::new(1, 1));
    Rect {
        y: inner.y + 1,
        height: inner.height.saturating_sub(1),
        ..inner
    }
}

/// A table in `block` with a header, building only the rows that fit, scrolled so that
/// `selected` shows.
#[allow(clippy::too_many_arguments)]
pub fn table<'a>(
    area: Rect,
    buf: &mut Buffer,
    t: &Theme,
    block: Block<'a>,
    header: Row<'a>,
    widths: &[Constraint],
    len: usize,
    selected: Option<usize>,
    row: impl Fn(usize) -> Row<'a>,
) {
    let height = usize::from(table_rows(area).height);
    let offset = window(selected.unwrap_or(0), len, height);
    let visible: Vec<Row> = (offset..len).take(height).map(row).collect();
    let table = Table::new(visible, widths.to_vec())
        .header(header.style(t.header()))
        .row_highlight_style(t.selected())
        .block(block);
    let mut state = TableState::default().with_selected(
        selected
            .filter(|_| len > 0)
            .map(|s| s.saturating_sub(offset)),
    );
    StatefulWidget::render(table, area, buf, &mut state);
}

/// "label: value" with the label in the muted style.
pub fn labelled<'a>(label: &str, value: impl Into<String>, t: &Theme) -> Line<'a> {
    Line::from(vec![
        Span::styled(format!("{label}: "), t.muted()),
        Span::styled(value.into(), t.text()),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_keeps_the_selection_visible() {
        assert_eq!(window(0, 100, 10), 0);
        assert_eq!(window(9, 100, 10), 0);
        assert_eq!(window(10, 100, 10), 1);
        assert_eq!(window(99, 100, 10), 90);
        assert_eq!(window(5, 3, 10), 0);
        assert_eq!(window(5, 100, 0), 0);
    }

    #[test]
    fn ellipsize_counts_wide_characters() {
        assert_eq!(ellipsize("Анна Берг", 20), "Анна Берг");
        assert_eq!(ellipsize("Анна Берг", 5), "Анна…");
        assert_eq!(ellipsize("漢字漢字", 5), "漢字…");
        assert_eq!(ellipsize("abc", 0), "");
        assert!(ellipsize("漢字漢字", 5).width() <= 5);
    }

    #[test]
    fn centered_never_leaves_the_area() {
        let area = Rect::new(2, 3, 10, 5);
        let r = centered(area, 50, 50);
        assert_eq!(r, area);
        let r = centered(area, 4, 1);
        assert_eq!(r, Rect::new(5, 5, 4, 1));
    }
}
