//! The privacy pop-up and the warning shown on every screen while privacy is off.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget};

use super::room::hint_line;
use super::theme::{Role, Theme};
use super::widgets::{centered, panel};
use crate::app::Model;
use crate::app::keymap::PopupKind;
use crate::domain::privacy::Private;

/// "LOCKED" while the presenter lock is on.
pub fn lock_badge(m: &Model, t: &Theme) -> Option<Span<'static>> {
    m.locked.then(|| {
        Span::styled(
            format!(" {} ", m.strings().room.locked),
            t.style(Role::Alarm),
        )
    })
}

/// "PRIVACY OFF: Contacts, Ages" in the alarm style (inverse, so it shows without colour),
/// nothing while everything private is hidden.
pub fn indicator(m: &Model, t: &Theme) -> Option<Span<'static>> {
    if !m.privacy.is_off() {
        return None;
    }
    let r = &m.strings().room;
    let shown: Vec<&str> = Private::ALL
        .iter()
        .zip(r.private_fields)
        .filter(|(f, _)| !m.privacy.hides(**f))
        .map(|(_, name)| short(name))
        .collect();
    Some(Span::styled(
        format!(" {}: {} ", r.privacy_off, shown.join(", ")),
        t.style(Role::Alarm),
    ))
}

/// "Surnames" of "Surnames (initial only)".
fn short(name: &str) -> &str {
    name.split(" (").next().unwrap_or(name)
}

/// One line per private field: hidden or SHOWN, the selected one marked.
pub fn popup(m: &Model, t: &Theme, selected: usize, area: Rect, buf: &mut Buffer) {
    let r = &m.strings().room;
    let rect = centered(area, area.width.saturating_sub(4).min(56), 5);
    Clear.render(rect, buf);
    let lines: Vec<Line> = Private::ALL
        .iter()
        .zip(r.private_fields)
        .enumerate()
        .map(|(i, (f, name))| {
            let hidden = m.privacy.hides(*f);
            let (state, style) = if hidden {
                (r.hidden, t.good())
            } else {
                (r.shown, t.style(Role::Alarm))
            };
            let mark = if i == selected { "▶ " } else { "  " };
            let row = if i == selected {
                t.selected()
            } else {
                t.text()
            };
            Line::from(vec![
                Span::styled(format!("{mark}{name:<28}"), row),
                Span::styled(format!(" {state} "), style),
            ])
        })
        .collect();
    let block = panel(r.privacy_title, true, t)
        .style(t.text())
        .title_bottom(hint_line(
            m,
            t,
            PopupKind::Privacy,
            rect.width.saturating_sub(4),
        ));
    Paragraph::new(lines).block(block).render(rect, buf);
}

#[cfg(test)]
mod tests {
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};

    use crate::app::Action;
    use crate::app::msg::Msg;
    use crate::app::testkit::{ch, draw, press, press_mod, screen, solved};
    use crate::app::update;
    use crate::domain::case::Stage;
    use crate::domain::privacy::Privacy;
    use crate::i18n::Lang;

    fn present_pairs(lang: Lang) -> crate::app::Model {
        let mut m = solved(lang);
        update(&mut m, Msg::Act(Action::Goto(Stage::Present)));
        ch(&mut m, 'p');
        m
    }

    /// Privacy on (the default): initials, no ages in the reasons, no warning.
    #[test]
    fn present_with_privacy_on_shows_initials_only() {
        let mut m = present_pairs(Lang::En);
        let t = draw(&mut m, 80, 24);
        let text = screen(&t);
        assert!(text.contains("Anna B. → Hugo S."), "{text}");
        assert!(!text.contains("Berg") && !text.contains("age 24"), "{text}");
        assert!(!text.contains("PRIVACY OFF"), "{text}");
        insta::assert_snapshot!("present_privacy_on_en_80x24", t.backend());
    }

    /// Everything revealed from the pop-up: surnames and ages back, the warning in the
    /// status line.
    #[test]
    fn present_with_privacy_off_warns() {
        let mut m = present_pairs(Lang::En);
        ch(&mut m, 'V');
        let t = draw(&mut m, 80, 24);
        insta::assert_snapshot!("privacy_popup_en_80x24", t.backend());
        ch(&mut m, 'a');
        press(&mut m, KeyCode::Esc);
        let t = draw(&mut m, 80, 24);
        let text = screen(&t);
        assert!(text.contains("Anna Berg → Hugo"), "{text}");
        assert!(text.contains("age 24"), "{text}");
        assert!(
            text.contains("PRIVACY OFF: Surnames, Contacts, Ages"),
            "{text}"
        );
        insta::assert_snapshot!("present_privacy_off_en_80x24", t.backend());
    }

    /// A surname and an e-mail typed into a map are redacted on the Map stage too, and
    /// come back when surnames and contacts are shown.
    #[test]
    fn typed_surnames_are_redacted_on_the_map_stage() {
        let mut m = solved(Lang::En);
        ch(&mut m, '5');
        ch(&mut m, 'e');
        crate::app::testkit::type_text(&mut m, " Ask Berg: anna.berg@riverside.example");
        press_mod(&mut m, KeyCode::Char('s'), KeyModifiers::CONTROL);
        assert!(m.popup.is_none(), "the editor is closed");
        let hidden = screen(&draw(&mut m, 120, 40));
        assert!(hidden.contains("Ask B.:"), "{hidden}");
        assert!(
            !hidden.contains("Berg") && !hidden.contains("riverside.example"),
            "{hidden}"
        );
        // Editing it would show it whole: asked first, and only yes opens the editor.
        ch(&mut m, 'e');
        let small = draw(&mut m, 80, 24);
        insta::assert_snapshot!("private_edit_question_en_80x24", small.backend());
        let asked = screen(&draw(&mut m, 120, 40));
        assert!(asked.contains("Private details"), "{asked}");
        assert!(!asked.contains("Berg"), "{asked}");
        ch(&mut m, 'n');
        assert!(m.popup.is_none());
        ch(&mut m, 'e');
        ch(&mut m, 'y');
        assert!(matches!(m.popup, Some(crate::app::model::Popup::Editor(_))));
        press(&mut m, KeyCode::Esc);
        m.privacy = Privacy::REVEALED;
        ch(&mut m, 'e');
        assert!(
            matches!(m.popup, Some(crate::app::model::Popup::Editor(_))),
            "no question while surnames and contacts show"
        );
        press(&mut m, KeyCode::Esc);
        let shown = screen(&draw(&mut m, 120, 40));
        assert!(shown.contains("Ask Berg:"), "{shown}");
        assert!(shown.contains("anna.berg@riverside.example"), "{shown}");
    }

    /// The compare view and the session plan redact what the room typed, too.
    #[test]
    fn compare_view_and_plan_keep_surnames_hidden() {
        let mut m = crate::app::persist_tests::two_teams(Lang::En);
        m.session.teams[1].maps[0].passport.goal = "Ask Berg: anna.berg@riverside.example".into();
        m.session.room.plan[0].presenter = Some("Team Berg".into());
        ch(&mut m, 'c');
        let shot = screen(&draw(&mut m, 120, 40));
        assert!(shot.contains("Ask B.: •••"), "{shot}");
        assert!(
            !shot.contains("Berg") && !shot.contains("riverside"),
            "{shot}"
        );
        press(&mut m, KeyCode::Esc);
        ch(&mut m, 'A');
        let plan = screen(&draw(&mut m, 120, 40));
        assert!(plan.contains("Team B."), "{plan}");
        assert!(!plan.contains("Berg"), "{plan}");
    }

    /// One field at a time: showing only ages names only ages in the warning, in Russian.
    #[test]
    fn one_field_shown_is_named_in_the_warning() {
        let mut m = solved(Lang::Ru);
        update(&mut m, Msg::Act(Action::Goto(Stage::Case)));
        let before = screen(&draw(&mut m, 120, 40));
        assert!(
            !before.contains(" 24 ") && !before.contains("ПРИВАТНОСТЬ"),
            "{before}"
        );
        ch(&mut m, 'V');
        ch(&mut m, 'j');
        ch(&mut m, 'j');
        ch(&mut m, ' ');
        press(&mut m, KeyCode::Esc);
        let t = draw(&mut m, 120, 40);
        let text = screen(&t);
        assert!(text.contains("ПРИВАТНОСТЬ ВЫКЛ: Возраст "), "{text}");
        assert!(text.contains(" 24 ") && text.contains("Anna B."), "{text}");
        insta::assert_snapshot!("case_ages_shown_ru_120x40", t.backend());
    }
}
