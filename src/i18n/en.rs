use super::Strings;

pub static STRINGS: Strings = Strings {
    app_name: "revmap",
    quit_hint: "q quit",
    participants: "participants",
    topics: "topics",
};
