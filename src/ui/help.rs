//! The `?` help, generated from the keymap table: the current stage's keys first, then
//! the keys that work everywhere, the other stages, typing and pop-ups. Rows keep the
//! table's order, so the help is the same every time it opens in a stage.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use super::widgets::{centered, panel};
use crate::app::Model;
use crate::app::keymap::{BINDINGS, PopupKind, Scope, in_scope, keys_label};
use crate::domain::case::Stage;

/// Groups in display order: (title, scopes).
fn groups(m: &Model) -> Vec<(String, Vec<Scope>)> {
    let s = m.strings();
    let stage_group = |st: Stage| {
        (
            format!("{} {}", st.index() + 1, s.stage_name(st)),
            vec![Scope::Stage(st)],
        )
    };
    let mut out = vec![
        stage_group(m.stage),
        (s.ui.help_everywhere.to_string(), vec![Scope::Global]),
    ];
    out.extend(
        Stage::ALL
            .into_iter()
            .filter(|st| *st != m.stage)
            .map(stage_group),
    );
    out.push((s.ui.help_insert.to_string(), vec![Scope::Insert]));
    // One group a pop-up: the same key means different things in different pop-ups.
    out.extend(
        PopupKind::ALL
            .iter()
            .zip(s.ui.popup_names)
            .map(|(k, name)| {
                (
                    format!("{}: {name}", s.ui.help_popups),
                    vec![Scope::Popup(*k)],
                )
            }),
    );
    out
}

/// Every help line, headings included.
pub fn lines(m: &Model, t: &Theme) -> Vec<Line<'static>> {
    let s = m.strings();
    let key_w = BINDINGS
        .iter()
        .map(|b| keys_label(b).width())
        .max()
        .unwrap_or(8)
        .min(24);
    let mut out = Vec::new();
    for (title, scopes) in groups(m) {
        out.push(Line::styled(title, t.header()));
        for b in scopes.into_iter().flat_map(in_scope) {
            let keys = keys_label(b);
            let pad = key_w.saturating_sub(keys.width());
            out.push(Line::from(vec![
                Span::styled(format!("  {keys}{} ", " ".repeat(pad)), t.key()),
                Span::styled((b.help)(s), t.text()),
            ]));
        }
        out.push(Line::raw(""));
    }
    out
}

pub fn line_count(m: &Model) -> usize {
    lines(m, &m.theme).len()
}

/// The help pop-up, scrolled by `scroll` lines.
pub fn render(m: &Model, t: &Theme, scroll: u16, area: Rect, buf: &mut Buffer) {
    let s = m.strings();
    let rect = centered(
        area,
        area.width.saturating_sub(4).min(100),
        area.height.saturating_sub(2),
    );
    Clear.render(rect, buf);
    let block = panel(s.ui.help_title, true, t)
        .style(t.text())
        .title_bottom(Line::styled(s.ui.help_footer, t.muted()));
    Paragraph::new(lines(m, t))
        .block(block)
        .scroll((scroll, 0))
        .render(rect, buf);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testkit::paired;
    use crate::i18n::Lang;

    /// Each pop-up's keys stand under its own name, so `a` in the plan and `a` in the privacy
    /// pop-up read apart.
    #[test]
    fn every_pop_up_has_its_own_heading() {
        for lang in [Lang::En, Lang::Ru] {
            let m = paired(lang);
            let text: Vec<String> = lines(&m, &m.theme).iter().map(|l| l.to_string()).collect();
            for name in m.strings().ui.popup_names {
                let heading = format!("{}: {name}", m.strings().ui.help_popups);
                let at = text.iter().position(|l| *l == heading);
                let at = at.unwrap_or_else(|| panic!("no heading {heading:?}"));
                assert!(
                    text.get(at + 1).is_some_and(|l| l.starts_with("  ")),
                    "{heading} lists its keys"
                );
            }
        }
    }
}
