//! Big headings for the room. tui-big-text draws 8×8 bitmap glyphs, four rows high and eight
//! cells wide when there is room, else four wide; its font has Latin but no Cyrillic, so text it cannot draw, or that would not
//! fit, falls back to a spaced-out bold heading.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};
use tui_big_text::{BigText, PixelSize};
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;

/// Rows a heading takes.
pub const HEIGHT: u16 = 4;
/// Columns one big glyph takes.
const GLYPH_WIDTH: usize = 4;

/// Whether the bitmap font has a glyph for `c` (printable ASCII and Latin-1).
pub fn drawable(c: char) -> bool {
    (c.is_ascii() && !c.is_ascii_control()) || ('\u{A0}'..='\u{FF}').contains(&c)
}

/// Whether `text` can be drawn big in `width` columns.
pub fn fits(text: &str, width: u16) -> bool {
    text.chars().all(drawable) && text.chars().count() * GLYPH_WIDTH <= usize::from(width)
}

/// Draws `text` as a centred heading in the top `HEIGHT` rows of `area`.
pub fn heading(text: &str, t: &Theme, area: Rect, buf: &mut Buffer) {
    let area = Rect {
        height: area.height.min(HEIGHT),
        ..area
    };
    if fits(text, area.width) {
        let wide = text.chars().count() * GLYPH_WIDTH * 2 <= usize::from(area.width);
        let size = if wide {
            PixelSize::HalfHeight
        } else {
            PixelSize::Quadrant
        };
        BigText::builder()
            .pixel_size(size)
            .style(t.title())
            .lines(vec![Line::from(text.to_string())])
            .alignment(Alignment::Center)
            .build()
            .render(area, buf);
        return;
    }
    let upper = text.to_uppercase();
    let spaced: String = upper
        .chars()
        .flat_map(|c| [c, ' '])
        .collect::<String>()
        .trim_end()
        .to_string();
    let shown = if spaced.width() <= usize::from(area.width) {
        spaced
    } else {
        upper
    };
    let rule = "━".repeat(shown.width().min(usize::from(area.width)));
    Paragraph::new(vec![
        Line::raw(""),
        Line::styled(shown, t.title()),
        Line::styled(rule, t.title()),
    ])
    .alignment(Alignment::Center)
    .render(area, buf);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_is_drawn_big_and_cyrillic_falls_back() {
        assert!(fits("Anna & Hugo", 80));
        assert!(!fits("Anna & Hugo", 20));
        assert!(!fits("Анна и Хьюго", 200));
        assert!(fits("Café", 80));
    }

    #[test]
    fn fallback_heading_is_spaced_and_ruled() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 30, 4));
        heading("Пары", &Theme::default(), buf.area, &mut buf);
        let text: String = (0..30).map(|x| buf[(x, 1)].symbol().to_string()).collect();
        assert!(text.contains("П А Р Ы"), "{text}");
    }

    #[test]
    fn big_heading_uses_block_glyphs() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 40, 4));
        heading("PAIRS", &Theme::default(), buf.area, &mut buf);
        let all: String = buf.content().iter().map(|c| c.symbol()).collect();
        assert!(!all.contains('P'), "drawn as glyphs, not letters");
        assert!(all.chars().any(|c| "▀▄█▌▐▖▗▘▝▚▞▙▛▜▟".contains(c)));
    }
}
