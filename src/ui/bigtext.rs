//! Big headings for the room, four rows high (eight, a pixel to a cell, on a projector-sized
//! terminal): eight cells a letter when there is room, else four. Latin text goes through tui-big-text; its font (font8x8) has no Cyrillic, so text
//! with Cyrillic is drawn here from the same font plus `cyrillic`'s capitals. Text neither
//! can draw, or too long to fit, falls back to a spaced-out bold heading.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};
use tui_big_text::{BigText, PixelSize};
use unicode_width::UnicodeWidthStr;

use super::cyrillic;
use super::theme::Theme;

/// Rows a heading takes.
pub const HEIGHT: u16 = 4;
/// Columns one big glyph takes in the narrow size.
const GLYPH_WIDTH: usize = 4;

/// Whether tui-big-text's font has a glyph for `c` (printable ASCII and Latin-1).
pub fn drawable(c: char) -> bool {
    (c.is_ascii() && !c.is_ascii_control()) || ('\u{A0}'..='\u{FF}').contains(&c)
}

/// Whether `text` can be drawn big in `width` columns by tui-big-text.
pub fn fits(text: &str, width: u16) -> bool {
    text.chars().all(drawable) && text.chars().count() * GLYPH_WIDTH <= usize::from(width)
}

/// Glyphs for every letter of `text` in capitals, if each has one and they fit `width`.
fn capitals(text: &str, width: u16) -> Option<Vec<[u8; 8]>> {
    let glyphs: Option<Vec<[u8; 8]>> = text.to_uppercase().chars().map(cyrillic::glyph).collect();
    glyphs.filter(|g| g.len() * GLYPH_WIDTH <= usize::from(width))
}

/// Draws `text` as a centred heading: eight rows and eight cells a letter when `area` has
/// the room (a projector-sized terminal), else in the top `HEIGHT` rows of `area`.
pub fn heading(text: &str, t: &Theme, area: Rect, buf: &mut Buffer) {
    let letters = text.chars().count();
    if area.height >= 2 * HEIGHT && letters * 2 * GLYPH_WIDTH <= usize::from(area.width) {
        let area = Rect {
            height: 2 * HEIGHT,
            ..area
        };
        if text.chars().all(drawable) {
            BigText::builder()
                .pixel_size(PixelSize::Full)
                .style(t.title())
                .lines(vec![Line::from(text.to_string())])
                .alignment(Alignment::Center)
                .build()
                .render(area, buf);
            return;
        }
        if let Some(glyphs) = capitals(text, area.width) {
            draw_full(&glyphs, t.title(), area, buf);
            return;
        }
    }
    let area = Rect {
        height: area.height.min(HEIGHT),
        ..area
    };
    let wide = text.chars().count() * GLYPH_WIDTH * 2 <= usize::from(area.width);
    if fits(text, area.width) {
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
    } else if let Some(glyphs) = capitals(text, area.width) {
        draw(&glyphs, wide, t.title(), area, buf);
    } else {
        spaced(text, t, area, buf);
    }
}

/// Columns `clock` takes drawn by `clock`.
pub fn clock_width(text: &str) -> u16 {
    (text.chars().count() * GLYPH_WIDTH) as u16
}

/// A countdown ("12:34", "-0:42") in big digits, in `style` (the timer's phase), right-aligned
/// in the top `HEIGHT` rows of `area`.
pub fn clock(text: &str, style: Style, area: Rect, buf: &mut Buffer) {
    let area = Rect {
        height: area.height.min(HEIGHT),
        ..area
    };
    BigText::builder()
        .pixel_size(PixelSize::Quadrant)
        .style(style)
        .lines(vec![Line::from(text.to_string())])
        .alignment(Alignment::Right)
        .build()
        .render(area, buf);
}

/// Quadrant blocks by (top-left, top-right, bottom-left, bottom-right) as bits 0..3.
const QUADRANTS: [char; 16] = [
    ' ', '▘', '▝', '▀', '▖', '▌', '▞', '▛', '▗', '▚', '▐', '▜', '▄', '▙', '▟', '█',
];

fn pixel(g: &[u8; 8], row: usize, col: usize) -> usize {
    usize::from(g[row] >> col & 1)
}

/// One cell of a glyph: two pixels high and one wide (`wide`) or two wide.
fn cell(g: &[u8; 8], row: usize, col: usize, wide: bool) -> char {
    let (r, c) = (row * 2, if wide { col } else { col * 2 });
    if wide {
        match (pixel(g, r, c), pixel(g, r + 1, c)) {
            (0, 0) => ' ',
            (1, 0) => '▀',
            (0, 1) => '▄',
            _ => '█',
        }
    } else {
        let bits = pixel(g, r, c)
            | pixel(g, r, c + 1) << 1
            | pixel(g, r + 1, c) << 2
            | pixel(g, r + 1, c + 1) << 3;
        QUADRANTS[bits]
    }
}

fn draw(glyphs: &[[u8; 8]], wide: bool, style: Style, area: Rect, buf: &mut Buffer) {
    let gw = if wide { 2 * GLYPH_WIDTH } else { GLYPH_WIDTH };
    let total = (glyphs.len() * gw) as u16;
    let left = area.x + area.width.saturating_sub(total) / 2;
    for (k, g) in glyphs.iter().enumerate() {
        for row in 0..usize::from(area.height) {
            for col in 0..gw {
                let x = left + (k * gw + col) as u16;
                if x < area.right() {
                    let y = area.y + row as u16;
                    buf[(x, y)]
                        .set_char(cell(g, row, col, wide))
                        .set_style(style);
                }
            }
        }
    }
}

/// Glyphs a pixel to a cell: eight rows, eight cells a letter.
fn draw_full(glyphs: &[[u8; 8]], style: Style, area: Rect, buf: &mut Buffer) {
    let gw = 2 * GLYPH_WIDTH;
    let total = (glyphs.len() * gw) as u16;
    let left = area.x + area.width.saturating_sub(total) / 2;
    for (k, g) in glyphs.iter().enumerate() {
        for row in 0..usize::from(area.height.min(8)) {
            for col in 0..gw {
                let x = left + (k * gw + col) as u16;
                if x < area.right() {
                    let c = if pixel(g, row, col) == 1 { '█' } else { ' ' };
                    buf[(area.x.max(x), area.y + row as u16)]
                        .set_char(c)
                        .set_style(style);
                }
            }
        }
    }
}

/// The last resort: capitals spaced out, underlined with a heavy rule.
fn spaced(text: &str, t: &Theme, area: Rect, buf: &mut Buffer) {
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

    fn text_of(buf: &Buffer) -> String {
        buf.content().iter().map(|c| c.symbol()).collect()
    }

    #[test]
    fn latin_goes_to_tui_big_text() {
        assert!(fits("Anna & Hugo", 80));
        assert!(!fits("Anna & Hugo", 20));
        assert!(!fits("Анна и Хьюго", 200));
        assert!(fits("Café", 80));
    }

    #[test]
    fn cyrillic_is_drawn_big_too() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 40, 4));
        heading("Пары", &Theme::default(), buf.area, &mut buf);
        let all = text_of(&buf);
        assert!(!all.contains('П'), "drawn as glyphs, not letters");
        assert!(all.chars().any(|c| "▀▄█".contains(c)));
        // Four letters, eight columns each, centred in forty.
        let row0: String = (0..40).map(|x| buf[(x, 0)].symbol().to_string()).collect();
        assert!(
            row0.starts_with("    ") && row0.trim_end().chars().count() <= 36,
            "{row0:?}"
        );
    }

    /// With eight rows and room across, a heading is drawn a pixel to a cell, Latin and
    /// Cyrillic alike; with four rows, in half-height blocks.
    #[test]
    fn tall_headings_use_all_eight_rows() {
        for text in ["Team 1", "Команда 1"] {
            let mut buf = Buffer::empty(Rect::new(0, 0, 120, 8));
            heading(text, &Theme::default(), buf.area, &mut buf);
            let rows: Vec<String> = (0..8)
                .map(|y| (0..120).map(|x| buf[(x, y)].symbol().to_string()).collect())
                .collect();
            let inked = rows.iter().filter(|r| r.contains('█')).count();
            assert!(inked >= 6, "{text}: {rows:#?}");
            let all = rows.concat();
            assert!(
                !all.contains('▀') && !all.contains('▄'),
                "{text}: whole cells only"
            );
        }
        let mut low = Buffer::empty(Rect::new(0, 0, 120, 4));
        heading("Команда 1", &Theme::default(), low.area, &mut low);
        assert!(text_of(&low).chars().any(|c| "▀▄".contains(c)));
    }

    #[test]
    fn a_glyph_turns_into_the_right_blocks() {
        // Ч's first two rows are "##..##.." twice: full blocks under the strokes.
        let g = cyrillic::glyph('Ч').unwrap();
        let wide: String = (0..8).map(|c| cell(&g, 0, c, true)).collect();
        assert_eq!(wide, "██  ██  ");
        let narrow: String = (0..4).map(|c| cell(&g, 0, c, false)).collect();
        assert_eq!(narrow, "█ █ ");
    }

    #[test]
    fn too_long_or_unknown_falls_back_to_spaced_capitals() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 30, 4));
        heading("Наставнические пары", &Theme::default(), buf.area, &mut buf);
        let line: String = (0..30).map(|x| buf[(x, 1)].symbol().to_string()).collect();
        assert!(line.contains("НАСТАВНИЧЕСКИЕ"), "{line}");
        let mut buf = Buffer::empty(Rect::new(0, 0, 60, 4));
        heading("漢字", &Theme::default(), buf.area, &mut buf);
        assert!(text_of(&buf).contains('漢'));
    }

    #[test]
    fn big_latin_uses_block_glyphs() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 40, 4));
        heading("PAIRS", &Theme::default(), buf.area, &mut buf);
        let all = text_of(&buf);
        assert!(!all.contains('P'), "drawn as glyphs, not letters");
        assert!(all.chars().any(|c| "▀▄█▌▐▖▗▘▝▚▞▙▛▜▟".contains(c)));
    }
}
