//! The privacy pop-up: which private parts (surnames, contacts, ages) the screens show.
//! The rule itself is `domain::privacy`; this only changes the model's setting.

use super::model::{Model, Popup};
use super::msg::{Action, Cmd};
use super::stage::pairs;
use crate::domain::privacy::{Privacy, Private};

pub fn open(m: &mut Model) {
    m.popup = Some(Popup::Privacy { selected: 0 });
}

/// Keys in the privacy pop-up.
pub fn on_popup(m: &mut Model, a: Action) -> Option<Cmd> {
    let Some(Popup::Privacy { selected }) = m.popup else {
        return None;
    };
    let last = Private::ALL.len() - 1;
    let selected = selected.min(last);
    match a {
        Action::Up => {
            m.popup = Some(Popup::Privacy {
                selected: selected.saturating_sub(1),
            })
        }
        Action::Down => {
            m.popup = Some(Popup::Privacy {
                selected: (selected + 1).min(last),
            })
        }
        Action::Activate => {
            m.privacy.toggle(Private::ALL[selected]);
            pairs::refresh(m);
        }
        Action::PrivacyAll => {
            m.privacy = if m.privacy.is_off() {
                Privacy::HIDDEN
            } else {
                Privacy::REVEALED
            };
            pairs::refresh(m);
        }
        Action::Close => m.popup = None,
        _ => {}
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::msg::Msg;
    use crate::app::update;
    use crate::i18n::Lang;
    use crate::store::case_file::demo_case;

    fn act(m: &mut Model, a: Action) {
        update(m, Msg::Act(a));
    }

    #[test]
    fn privacy_is_on_until_a_field_is_shown_and_all_flips_back() {
        let mut m = Model::fixture(demo_case(), Lang::En);
        assert_eq!(m.privacy, Privacy::HIDDEN);
        act(&mut m, Action::Privacy);
        act(&mut m, Action::Down);
        act(&mut m, Action::Activate);
        assert!(m.privacy.surnames && !m.privacy.contacts && m.privacy.ages);
        act(&mut m, Action::PrivacyAll);
        assert_eq!(m.privacy, Privacy::HIDDEN);
        act(&mut m, Action::PrivacyAll);
        assert_eq!(m.privacy, Privacy::REVEALED);
        act(&mut m, Action::Close);
        assert!(m.popup.is_none());
    }
}
