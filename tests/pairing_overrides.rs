//! The facilitator's overrides: locks are kept, forbids are honoured, and impossible ones are
//! refused with a message that names the problem.

use revmap::domain::case::PairRef;
use revmap::domain::pairing::{Mode, Overrides, PairingError, solve};
use revmap::store::case_file::demo_case;

fn pr(mentor: &str, mentee: &str, topic: Option<&str>) -> PairRef {
    PairRef {
        mentor: mentor.into(),
        mentee: mentee.into(),
        topic: topic.map(Into::into),
    }
}

#[test]
fn a_lock_is_kept_and_the_rest_reoptimised() {
    let case = demo_case();
    let free = solve(&case, Mode::OneToOne, &Overrides::default()).unwrap();
    // Anna → Irina on video is allowed but not in the free optimum.
    assert!(
        !free
            .pairs
            .iter()
            .any(|p| p.mentor == "anna" && p.mentee == "irina")
    );
    let ov = Overrides {
        locked: vec![pr("anna", "irina", Some("video"))],
        forbidden: vec![],
    };
    let locked = solve(&case, Mode::OneToOne, &ov).unwrap();
    let p = locked
        .pairs
        .iter()
        .find(|p| p.mentor == "anna" && p.mentee == "irina")
        .expect("lock kept");
    assert!(p.locked);
    assert_eq!(p.topic, "video");
    assert!(
        locked.objective <= free.objective,
        "a lock cannot beat the free optimum"
    );
    assert_eq!(
        locked.pairs.iter().filter(|p| p.mentor == "anna").count(),
        1
    );
}

#[test]
fn a_forbidden_pair_is_never_used() {
    let case = demo_case();
    let free = solve(&case, Mode::OneToOne, &Overrides::default()).unwrap();
    let first = &free.pairs[0];
    let ov = Overrides {
        locked: vec![],
        forbidden: vec![pr(&first.mentor, &first.mentee, None)],
    };
    let again = solve(&case, Mode::OneToOne, &ov).unwrap();
    assert!(
        !again
            .pairs
            .iter()
            .any(|p| p.mentor == first.mentor && p.mentee == first.mentee)
    );
}

#[test]
fn impossible_overrides_are_refused_with_a_reason() {
    let case = demo_case();
    let cases = [
        (
            pr("nobody", "irina", None),
            "unknown participant \"nobody\"",
        ),
        (pr("irina", "anna", None), "breaks the status rule"),
        (
            pr("anna", "irina", Some("parents")),
            "names topic \"parents\"",
        ),
        (pr("anna", "anna", None), "with themself"),
        (pr("anna", "irina", Some("no-such-topic")), "unknown topic"),
    ];
    for (lock, words) in cases {
        let ov = Overrides {
            locked: vec![lock],
            forbidden: vec![],
        };
        let err = solve(&case, Mode::OneToOne, &ov).unwrap_err();
        assert!(err.to_string().contains(words), "{err}");
    }
    let both = Overrides {
        locked: vec![pr("anna", "irina", None)],
        forbidden: vec![pr("anna", "irina", None)],
    };
    assert!(matches!(
        solve(&case, Mode::Group, &both),
        Err(PairingError::LockedAndForbidden { .. })
    ));
    let twice = Overrides {
        locked: vec![pr("anna", "irina", None), pr("anna", "hugo", None)],
        forbidden: vec![],
    };
    let err = solve(&case, Mode::OneToOne, &twice).unwrap_err();
    assert!(matches!(err, PairingError::OverCapacity { .. }), "{err}");
}

#[test]
fn a_lock_can_leave_a_blocking_pair_in_choose_mode() {
    let case = demo_case();
    // Irina named Ben first; locking her to Anna leaves Irina and Ben preferring each other
    // (Ben's capacity is free for her).
    let ov = Overrides {
        locked: vec![pr("anna", "irina", Some("video"))],
        forbidden: vec![],
    };
    let p = solve(&case, Mode::Choose, &ov).unwrap();
    assert!(
        p.blocking
            .iter()
            .any(|b| b.mentor == "ben" && b.mentee == "irina"),
        "{:?}",
        p.blocking
    );
    let free = solve(&case, Mode::Choose, &Overrides::default()).unwrap();
    assert!(free.blocking.is_empty());
}
