//! Any bytes through the session loader: the same limits and located errors as cases, the
//! embedded case, the session's own checks. It must never panic, and a session it accepts
//! must survive a save/load round trip unchanged.
//!
//! scripts/fuzz.sh session_loader 10

#![no_main]

use libfuzzer_sys::fuzz_target;
use revmap::domain::session::SESSION_VERSION;
use revmap::store::session_file::{case_hash, check_session_text, to_text};
use revmap::store::source;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = source::decode("fuzz.ron", data.to_vec()) else {
        return;
    };
    let checked = check_session_text("fuzz.ron", &text);
    let mut rendered = String::new();
    checked.report.render_text(&mut rendered);
    assert!(
        !rendered.contains('\u{1b}'),
        "an escape sequence reached the output"
    );
    if let Some(session) = checked.value {
        let saved = to_text(&session).expect("an accepted session serialises");
        let again = check_session_text("again.ron", &saved);
        // A save writes the current version and the embedded case's hash (an old file may
        // have none, or a stale one after a hand edit); everything else comes back as it was.
        let mut expected = session;
        expected.version = SESSION_VERSION;
        expected.case_hash = case_hash(&expected.case);
        assert_eq!(again.value.as_ref(), Some(&expected), "{}", saved);
    }
});
