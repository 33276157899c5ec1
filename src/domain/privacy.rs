//! What the room may see of a person: the one rule every screen and export asks.
//!
//! Privacy is on by default: surnames shrink to an initial ("Anna B."), contacts and ages
//! are hidden. Each of the three can be shown separately. Free text typed in the room (a
//! map's fields) is run through `redact`, so a surname or an e-mail typed there does not
//! reach the projector or a file either.

use super::case::{Case, Participant};

/// The private parts of a person's record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Private {
    Surnames,
    Contacts,
    Ages,
}

impl Private {
    pub const ALL: [Private; 3] = [Private::Surnames, Private::Contacts, Private::Ages];
}

/// Which private parts are hidden (`true` hides).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Privacy {
    pub surnames: bool,
    pub contacts: bool,
    pub ages: bool,
}

impl Default for Privacy {
    fn default() -> Privacy {
        Privacy::HIDDEN
    }
}

/// What replaces a hidden contact or age.
pub const HIDDEN_MARK: &str = "•••";

impl Privacy {
    /// Everything private hidden: the default, and what the projector gets.
    pub const HIDDEN: Privacy = Privacy {
        surnames: true,
        contacts: true,
        ages: true,
    };
    /// Nothing hidden (`export --reveal`, the trainer's desk).
    pub const REVEALED: Privacy = Privacy {
        surnames: false,
        contacts: false,
        ages: false,
    };

    pub fn hides(self, f: Private) -> bool {
        match f {
            Private::Surnames => self.surnames,
            Private::Contacts => self.contacts,
            Private::Ages => self.ages,
        }
    }

    pub fn toggle(&mut self, f: Private) {
        let flag = match f {
            Private::Surnames => &mut self.surnames,
            Private::Contacts => &mut self.contacts,
            Private::Ages => &mut self.ages,
        };
        *flag = !*flag;
    }

    /// True when anything private is shown: the moment to warn on screen.
    pub fn is_off(self) -> bool {
        self != Privacy::HIDDEN
    }

    /// The name to show: "Anna Berg", or "Anna B." while surnames are hidden.
    pub fn name(self, name: &str, surname: Option<&str>) -> String {
        match surname.map(str::trim) {
            Some(s) if !s.is_empty() && self.surnames => format!("{name} {}", initial(s)),
            Some(s) if !s.is_empty() => format!("{name} {s}"),
            _ => name.to_string(),
        }
    }

    /// The age to show, or the hidden mark.
    pub fn age(self, age: i32) -> String {
        if self.ages {
            HIDDEN_MARK.to_string()
        } else {
            age.to_string()
        }
    }

    /// The contacts to show ("mail · phone"), none while hidden or when there are none.
    pub fn contacts(self, email: Option<&str>, phone: Option<&str>) -> Option<String> {
        if self.contacts {
            return None;
        }
        let parts: Vec<&str> = [email, phone]
            .into_iter()
            .flatten()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        (!parts.is_empty()).then(|| parts.join(" · "))
    }

    /// `text` with every hidden surname (as a whole word) cut to its initial and every
    /// hidden contact replaced by the hidden mark. `people` gives (surname, contacts).
    pub fn redact<'a>(
        self,
        text: &str,
        people: impl IntoIterator<Item = (Option<&'a str>, [Option<&'a str>; 2])>,
    ) -> String {
        let mut out = text.to_string();
        for (surname, contacts) in people {
            if self.contacts {
                for c in contacts.into_iter().flatten().map(str::trim) {
                    if !c.is_empty() {
                        out = out.replace(c, HIDDEN_MARK);
                    }
                }
            }
            match surname.map(str::trim) {
                Some(s) if self.surnames && !s.is_empty() => {
                    out = replace_word(&out, s, &initial(s))
                }
                _ => {}
            }
        }
        out
    }
}

impl Privacy {
    /// A participant's name as the rule allows.
    pub fn person(self, p: &Participant) -> String {
        self.name(&p.name, p.surname.as_deref())
    }

    /// `text` redacted against everyone in `case`.
    pub fn redact_in(self, case: &Case, text: &str) -> String {
        if !self.surnames && !self.contacts {
            return text.to_string();
        }
        self.redact(
            text,
            case.participants.iter().map(|p| {
                let c = p.contacts.as_ref();
                (
                    p.surname.as_deref(),
                    [
                        c.and_then(|c| c.email.as_deref()),
                        c.and_then(|c| c.phone.as_deref()),
                    ],
                )
            }),
        )
    }
}

/// "B." of "Berg", "И." of "Иванова".
pub fn initial(surname: &str) -> String {
    surname
        .trim()
        .chars()
        .next()
        .map(|c| format!("{c}."))
        .unwrap_or_default()
}

/// `text` with `word` replaced where it stands as a whole word (not inside another word).
fn replace_word(text: &str, word: &str, with: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(word) {
        let before = rest[..at].chars().next_back();
        let after = rest[at + word.len()..].chars().next();
        let whole =
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric);
        out.push_str(&rest[..at]);
        out.push_str(if whole { with } else { word });
        rest = &rest[at + word.len()..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surnames_shrink_to_an_initial_by_default() {
        let p = Privacy::default();
        assert_eq!(p.name("Анна", Some("Иванова")), "Анна И.");
        assert_eq!(p.name("Ben", None), "Ben");
        assert_eq!(p.name("Ben", Some("  ")), "Ben");
        assert_eq!(
            Privacy::REVEALED.name("Анна", Some("Иванова")),
            "Анна Иванова"
        );
    }

    #[test]
    fn ages_and_contacts_hide_separately() {
        let mut p = Privacy::default();
        assert_eq!(p.age(42), HIDDEN_MARK);
        assert_eq!(p.contacts(Some("a@b.c"), Some("+7 1")), None);
        p.toggle(Private::Ages);
        assert_eq!(p.age(42), "42");
        assert_eq!(p.contacts(Some("a@b.c"), None), None);
        assert!(p.surnames && p.is_off());
        p.toggle(Private::Contacts);
        assert_eq!(
            p.contacts(Some("a@b.c"), Some("+7 1")).as_deref(),
            Some("a@b.c · +7 1")
        );
        assert_eq!(p.contacts(None, None), None);
        p.toggle(Private::Ages);
        p.toggle(Private::Contacts);
        assert!(!p.is_off());
        for f in Private::ALL {
            assert!(p.hides(f));
        }
    }

    #[test]
    fn free_text_loses_whole_word_surnames_and_contacts() {
        let people = || {
            [
                (Some("Berg"), [Some("anna@x.org"), None]),
                (Some("Иванова"), [None, Some("+7 900")]),
            ]
        };
        let text = "Berg and Bergman; Иванова (+7 900), mail anna@x.org";
        assert_eq!(
            Privacy::default().redact(text, people()),
            "B. and Bergman; И. (•••), mail •••"
        );
        assert_eq!(Privacy::REVEALED.redact(text, people()), text);
        let only_surnames = Privacy {
            contacts: false,
            ..Privacy::default()
        };
        assert_eq!(
            only_surnames.redact(text, people()),
            "B. and Bergman; И. (+7 900), mail anna@x.org"
        );
    }
}
