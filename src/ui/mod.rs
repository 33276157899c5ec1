//! Rendering: `impl Widget for &State`, no logic and no mutation in render.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use crate::app::Model;

impl Widget for &Model {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let s = self.lang.strings();
        let case = &self.case;
        let lines = vec![
            Line::from(case.title.as_str()),
            Line::from(format!(
                "{} {} · {} {}",
                case.participants.len(),
                s.participants,
                case.topics().count(),
                s.topics
            )),
            Line::from(""),
            Line::from(s.quit_hint),
        ];
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(Block::bordered().title(s.app_name))
            .render(area, buf);
    }
}
