//! Themes as semantic roles. Views ask for a role (`title`, `selected`, `bad`…); only this
//! file knows colours. Without colour (NO_COLOR) every role falls back to bold, reverse or
//! underline, so the screen stays legible; no role is ever dim, so nothing fades on a
//! projector.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ThemeName {
    #[default]
    Dark,
    Light,
    HighContrast,
}

impl ThemeName {
    pub const ALL: [ThemeName; 3] = [ThemeName::Dark, ThemeName::Light, ThemeName::HighContrast];
}

/// What a piece of screen means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// The background and ordinary text.
    Text,
    /// Secondary text: hints, counts, second columns.
    Muted,
    Title,
    Accent,
    /// Key names in hints and help.
    Key,
    Selected,
    StageActive,
    StageIdle,
    Border,
    BorderFocus,
    Good,
    Warn,
    Bad,
    /// Table headers.
    Header,
    Cursor,
    /// The input-mode badge in the status line.
    Badge,
    /// Time is up: inverse, so it shows without colour too.
    Alarm,
}

impl Role {
    pub const ALL: [Role; 17] = [
        Role::Text,
        Role::Muted,
        Role::Title,
        Role::Accent,
        Role::Key,
        Role::Selected,
        Role::StageActive,
        Role::StageIdle,
        Role::Border,
        Role::BorderFocus,
        Role::Good,
        Role::Warn,
        Role::Bad,
        Role::Header,
        Role::Cursor,
        Role::Badge,
        Role::Alarm,
    ];
}

/// A role's look with colour, and its modifiers without.
#[derive(Debug, Clone, Copy)]
struct Look {
    fg: Color,
    bg: Color,
    mods: Modifier,
    mono: Modifier,
}

const fn look(fg: Color, bg: Color, mods: Modifier, mono: Modifier) -> Look {
    Look { fg, bg, mods, mono }
}

const NONE: Modifier = Modifier::empty();
const BOLD: Modifier = Modifier::BOLD;
const REV: Modifier = Modifier::REVERSED;
const UNDER: Modifier = Modifier::UNDERLINED;

/// Without colour, these modifiers carry the meaning.
fn mono(role: Role) -> Modifier {
    match role {
        Role::Text | Role::Muted | Role::StageIdle | Role::Border | Role::Good => NONE,
        Role::Title | Role::Accent | Role::Key | Role::BorderFocus | Role::Warn => BOLD,
        Role::Selected | Role::StageActive | Role::Badge | Role::Alarm => REV.union(BOLD),
        Role::Bad | Role::Header => BOLD.union(UNDER),
        Role::Cursor => REV,
    }
}

fn dark(role: Role) -> Look {
    use Color::*;
    let m = mono(role);
    match role {
        Role::Text => look(Reset, Reset, NONE, m),
        Role::Muted => look(Gray, Reset, NONE, m),
        Role::Title => look(LightCyan, Reset, BOLD, m),
        Role::Accent => look(LightYellow, Reset, NONE, m),
        Role::Key => look(LightYellow, Reset, BOLD, m),
        Role::Selected => look(White, Blue, BOLD, m),
        Role::StageActive => look(Black, LightCyan, BOLD, m),
        Role::StageIdle => look(Gray, Reset, NONE, m),
        Role::Border => look(Gray, Reset, NONE, m),
        Role::BorderFocus => look(LightCyan, Reset, BOLD, m),
        Role::Good => look(LightGreen, Reset, NONE, m),
        Role::Warn => look(LightYellow, Reset, BOLD, m),
        Role::Bad => look(LightRed, Reset, BOLD, m),
        Role::Header => look(LightCyan, Reset, BOLD.union(UNDER), m),
        Role::Cursor => look(Black, White, NONE, m),
        Role::Badge => look(Black, LightYellow, BOLD, m),
        Role::Alarm => look(White, Red, BOLD, m),
    }
}

fn light(role: Role) -> Look {
    use Color::*;
    let m = mono(role);
    match role {
        Role::Text => look(Reset, Reset, NONE, m),
        Role::Muted => look(DarkGray, Reset, NONE, m),
        Role::Title => look(Blue, Reset, BOLD, m),
        Role::Accent => look(Magenta, Reset, NONE, m),
        Role::Key => look(Blue, Reset, BOLD, m),
        Role::Selected => look(White, Blue, BOLD, m),
        Role::StageActive => look(White, Blue, BOLD, m),
        Role::StageIdle => look(DarkGray, Reset, NONE, m),
        Role::Border => look(DarkGray, Reset, NONE, m),
        Role::BorderFocus => look(Blue, Reset, BOLD, m),
        Role::Good => look(Green, Reset, BOLD, m),
        Role::Warn => look(Indexed(130), Reset, BOLD, m),
        Role::Bad => look(Red, Reset, BOLD, m),
        Role::Header => look(Blue, Reset, BOLD.union(UNDER), m),
        Role::Cursor => look(White, Black, NONE, m),
        Role::Badge => look(White, Magenta, BOLD, m),
        Role::Alarm => look(White, Red, BOLD, m),
    }
}

/// White on black, bright accents, everything bold enough for the back of the room.
fn high_contrast(role: Role) -> Look {
    use Color::*;
    let m = mono(role);
    match role {
        Role::Text => look(White, Black, NONE, m),
        Role::Muted => look(White, Black, NONE, m),
        Role::Title => look(LightYellow, Black, BOLD, m),
        Role::Accent => look(LightYellow, Black, BOLD, m),
        Role::Key => look(LightYellow, Black, BOLD, m),
        Role::Selected => look(Black, LightYellow, BOLD, m),
        Role::StageActive => look(Black, White, BOLD, m),
        Role::StageIdle => look(White, Black, NONE, m),
        Role::Border => look(White, Black, NONE, m),
        Role::BorderFocus => look(LightYellow, Black, BOLD, m),
        Role::Good => look(LightGreen, Black, BOLD, m),
        Role::Warn => look(LightYellow, Black, BOLD, m),
        Role::Bad => look(LightRed, Black, BOLD, m),
        Role::Header => look(White, Black, BOLD.union(UNDER), m),
        Role::Cursor => look(Black, White, NONE, m),
        Role::Badge => look(Black, LightYellow, BOLD, m),
        Role::Alarm => look(Black, LightRed, BOLD, m),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub name: ThemeName,
    /// False under NO_COLOR: roles use modifiers only.
    pub color: bool,
}

impl Default for Theme {
    fn default() -> Self {
        Theme::new(ThemeName::Dark, true)
    }
}

impl Theme {
    pub fn new(name: ThemeName, color: bool) -> Theme {
        Theme { name, color }
    }

    /// NO_COLOR (https://no-color.org): set and not empty means no colour.
    pub fn color_allowed() -> bool {
        std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
    }

    /// The theme for the room: high contrast, keeping the colour choice.
    pub fn presenting(&self) -> Theme {
        Theme::new(ThemeName::HighContrast, self.color)
    }

    pub fn style(&self, role: Role) -> Style {
        let l = match self.name {
            ThemeName::Dark => dark(role),
            ThemeName::Light => light(role),
            ThemeName::HighContrast => high_contrast(role),
        };
        if self.color {
            Style::new().fg(l.fg).bg(l.bg).add_modifier(l.mods)
        } else {
            Style::new().add_modifier(l.mono)
        }
    }

    pub fn text(&self) -> Style {
        self.style(Role::Text)
    }
    pub fn muted(&self) -> Style {
        self.style(Role::Muted)
    }
    pub fn title(&self) -> Style {
        self.style(Role::Title)
    }
    pub fn accent(&self) -> Style {
        self.style(Role::Accent)
    }
    pub fn key(&self) -> Style {
        self.style(Role::Key)
    }
    pub fn selected(&self) -> Style {
        self.style(Role::Selected)
    }
    pub fn border(&self, focused: bool) -> Style {
        self.style(if focused {
            Role::BorderFocus
        } else {
            Role::Border
        })
    }
    pub fn good(&self) -> Style {
        self.style(Role::Good)
    }
    pub fn warn(&self) -> Style {
        self.style(Role::Warn)
    }
    pub fn bad(&self) -> Style {
        self.style(Role::Bad)
    }
    pub fn header(&self) -> Style {
        self.style(Role::Header)
    }
    pub fn cursor(&self) -> Style {
        self.style(Role::Cursor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all() -> Vec<Theme> {
        ThemeName::ALL
            .iter()
            .flat_map(|n| [Theme::new(*n, true), Theme::new(*n, false)])
            .collect()
    }

    #[test]
    fn selection_stands_out_in_every_theme() {
        for t in all() {
            for role in [
                Role::Selected,
                Role::StageActive,
                Role::Cursor,
                Role::Badge,
                Role::Alarm,
            ] {
                assert_ne!(t.style(role), t.text(), "{t:?} {role:?}");
            }
            assert_ne!(
                t.style(Role::StageActive),
                t.style(Role::StageIdle),
                "{t:?}"
            );
        }
    }

    #[test]
    fn no_color_means_no_colours_but_meaning_kept() {
        for name in ThemeName::ALL {
            let t = Theme::new(name, false);
            for role in Role::ALL {
                let s = t.style(role);
                assert_eq!((s.fg, s.bg), (None, None), "{name:?} {role:?}");
            }
            assert!(t.selected().add_modifier.contains(Modifier::REVERSED));
            assert!(t.bad().add_modifier.contains(Modifier::BOLD));
        }
    }

    #[test]
    fn nothing_is_dim() {
        for t in all() {
            for role in Role::ALL {
                assert!(!t.style(role).add_modifier.contains(Modifier::DIM));
            }
        }
    }

    #[test]
    fn high_contrast_is_white_on_black_without_greys() {
        let t = Theme::new(ThemeName::HighContrast, true);
        assert_eq!(t.text().fg, Some(Color::White));
        assert_eq!(t.text().bg, Some(Color::Black));
        for role in Role::ALL {
            let s = t.style(role);
            for c in [s.fg, s.bg].into_iter().flatten() {
                assert!(
                    !matches!(c, Color::Gray | Color::DarkGray | Color::Reset),
                    "{role:?} uses {c:?}"
                );
            }
        }
    }

    #[test]
    fn presenting_keeps_the_colour_choice() {
        let t = Theme::new(ThemeName::Light, false).presenting();
        assert_eq!(t, Theme::new(ThemeName::HighContrast, false));
    }
}
