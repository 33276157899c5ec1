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

/// `text` with every whole word that is `surname`, or one of its Russian case forms
/// ("Ивановой", "Иванову" of "Иванова"), replaced by `with`.
fn replace_word(text: &str, surname: &str, with: &str) -> String {
    let stem = russian_stem(surname);
    // Most texts name nobody: a fast search first keeps big cases cheap to draw.
    if !text.contains(stem.unwrap_or(surname)) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(char::is_alphanumeric) {
        out.push_str(&rest[..start]);
        let word_len = rest[start..]
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(rest.len() - start);
        let word = &rest[start..start + word_len];
        let hit = word == surname || stem.is_some_and(|st| is_case_form(word, st));
        out.push_str(if hit { with } else { word });
        rest = &rest[start + word_len..];
    }
    out.push_str(rest);
    out
}

/// The part of a Russian surname its case endings attach to: "Иванов" of "Иванова",
/// "Достоевск" of "Достоевский"; none for other scripts or stems too short to be safe.
fn russian_stem(surname: &str) -> Option<&str> {
    const ENDINGS: [&str; 9] = ["ая", "яя", "ий", "ый", "ой", "а", "я", "ь", "й"];
    if !surname.chars().all(is_cyrillic) {
        return None;
    }
    let stem = ENDINGS
        .iter()
        .find_map(|e| surname.strip_suffix(e))
        .unwrap_or(surname);
    (stem.chars().count() >= 3).then_some(stem)
}

/// "Ивановой" is a form of the stem "Иванов": the stem and one of the endings Russian
/// surnames take in their cases (both genders, singular and plural).
fn is_case_form(word: &str, stem: &str) -> bool {
    const ENDINGS: [&str; 26] = [
        "", "а", "у", "е", "ы", "и", "ю", "я", "ой", "ою", "ую", "ым", "ом", "ых", "ая", "ий",
        "ый", "ие", "их", "им", "ей", "ем", "ого", "ому", "ыми", "ими",
    ];
    word.strip_prefix(stem)
        .is_some_and(|ending| ENDINGS.contains(&ending))
}

fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04FF}')
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

    #[test]
    fn russian_surnames_are_found_in_every_case() {
        let people = |surname| [(Some(surname), [None, None])];
        let hide = |text: &str, surname| Privacy::default().redact(text, people(surname));
        assert_eq!(
            hide("с Ивановой, к Ивановой, Иванову, Иванова", "Иванова"),
            "с И., к И., И., И."
        );
        assert_eq!(hide("Петровым и Петрову", "Петров"), "П. и П.");
        assert_eq!(hide("Достоевского, Достоевскому", "Достоевский"), "Д., Д.");
        assert_eq!(hide("у Толстого", "Толстой"), "у Т.");
        // Not a case form: a longer word, lowercase, or another word with the same start.
        assert_eq!(
            hide("Ивановка, ивановой, Ивановскими", "Иванова"),
            "Ивановка, ивановой, Ивановскими"
        );
        // Three letters make a stem; two-letter surnames and Latin ones match only whole.
        assert_eq!(hide("у Лиса, с Лисом", "Лис"), "у Л., с Л.");
        assert_eq!(hide("Яна, Ян", "Ян"), "Яна, Я.");
        assert_eq!(hide("Bergs Berg", "Berg"), "Bergs B.");
    }
}
