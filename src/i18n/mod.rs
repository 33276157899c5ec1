//! UI language. All user-facing text lives in one place per language (`en.rs`, `ru.rs`),
//! each filling the same `Strings` struct, so a missing translation fails to compile.

mod en;
pub mod reasons;
mod ru;

use serde::{Deserialize, Serialize};

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, clap::ValueEnum,
)]
pub enum Lang {
    #[default]
    En,
    Ru,
}

impl Lang {
    /// From a case's `lang` field ("ru"/"en").
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.to_ascii_lowercase().as_str() {
            "ru" => Some(Lang::Ru),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// From the environment (`LC_ALL`, `LC_MESSAGES`, `LANG`), e.g. `ru_RU.UTF-8` → Ru.
    pub fn from_env() -> Option<Lang> {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| std::env::var(k).ok())
            .find(|v| !v.is_empty())
            .and_then(|v| Lang::from_code(v.get(..2).unwrap_or("")))
    }

    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::En => &en::STRINGS,
            Lang::Ru => &ru::STRINGS,
        }
    }
}

/// Every piece of UI text. Add a field here and both languages must fill it.
pub struct Strings {
    pub app_name: &'static str,
    pub quit_hint: &'static str,
    pub participants: &'static str,
    pub topics: &'static str,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_parse() {
        assert_eq!(Lang::from_code("RU"), Some(Lang::Ru));
        assert_eq!(Lang::from_code("en"), Some(Lang::En));
        assert_eq!(Lang::from_code("de"), None);
    }

    #[test]
    fn languages_differ() {
        assert_ne!(
            Lang::En.strings().participants,
            Lang::Ru.strings().participants
        );
    }
}
