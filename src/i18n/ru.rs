use super::Strings;

pub static STRINGS: Strings = Strings {
    app_name: "revmap",
    quit_hint: "q выход",
    participants: "участников",
    topics: "тем",
};
