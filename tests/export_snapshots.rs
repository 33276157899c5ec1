//! Export snapshots: a session with every part filled, as Markdown and as print HTML, in
//! English and Russian; and the trainer's handout. Also: hostile text stays inert.

mod common;

use common::{case, full_map, rich_session, root};
use revmap::domain::pairing::{Mode, Overrides, solve};
use revmap::domain::privacy::Privacy;
use revmap::domain::session::Session;
use revmap::export::Format;
use revmap::export::handout::handout_doc;
use revmap::export::session::{Options, session_doc};
use revmap::i18n::Lang;

/// The demo case with the engine's real pairs and a full map, at a fixed time.
fn demo_session() -> Session {
    let mut s = rich_session(case(&root().join("scenarios/demo.ron")));
    let result = solve(&s.case, Mode::OneToOne, &Overrides::default()).unwrap();
    s.maps = vec![full_map(&s.case, &result.pairs[0])];
    s.pairing.result = Some(result);
    s.pairing.overrides = Overrides::default();
    s.id = "fixed".into();
    s.modified = "2026-05-16T11:45:00Z".into();
    s
}

fn export(format: Format, lang: Lang) -> String {
    format.render(&session_doc(
        &demo_session(),
        Options {
            lang,
            privacy: Privacy::HIDDEN,
        },
    ))
}

#[test]
fn session_markdown_en() {
    insta::assert_snapshot!(export(Format::Md, Lang::En));
}

#[test]
fn session_markdown_ru() {
    insta::assert_snapshot!(export(Format::Md, Lang::Ru));
}

#[test]
fn session_html_en() {
    insta::assert_snapshot!(export(Format::Html, Lang::En));
}

#[test]
fn session_html_ru() {
    insta::assert_snapshot!(export(Format::Html, Lang::Ru));
}

#[test]
fn handout_html_ru() {
    let c = case(&root().join("scenarios/school-291.ron"));
    insta::assert_snapshot!(Format::Html.render(&handout_doc(&c, Lang::Ru)));
}

#[test]
fn handout_markdown_en() {
    let c = case(&root().join("scenarios/demo.ron"));
    insta::assert_snapshot!(Format::Md.render(&handout_doc(&c, Lang::En)));
}

mod hostile {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Whatever a case or session holds, the HTML has no tag, attribute or control
        /// character that did not come from revmap itself.
        #[test]
        fn any_text_stays_inert(text in "\\PC*|[<>&\"'\u{1b}\u{7}\u{202e}a-z ]*") {
            let render = |text: &str, format: Format| {
                let mut s = demo_session();
                s.team = format!("T{text}");
                s.maps[0].passport.goal = text.to_string();
                s.case.title = text.to_string();
                format.render(&session_doc(&s, Options { lang: Lang::En, privacy: Privacy::HIDDEN }))
            };
            let html = render(&text, Format::Html);
            let plain = render("plain", Format::Html);
            prop_assert_eq!(html.matches('<').count(), plain.matches('<').count());
            prop_assert!(!html.chars().any(|c| c.is_control() && c != '\n'));
            let md = render(&text, Format::Md);
            prop_assert!(!md.chars().any(|c| c.is_control() && c != '\n'));
        }
    }
}

#[test]
fn surnames_contacts_and_ages_only_with_reveal() {
    let mut s = demo_session();
    let first = s.maps[0].subject.clone();
    let revmap::domain::session::Subject::Pair(p) = first else {
        unreachable!()
    };
    let mentor = s
        .case
        .participants
        .iter_mut()
        .find(|x| x.id == p.mentor)
        .unwrap();
    mentor.surname = Some("Zwetajewa".into());
    let mentor_age = mentor.age;
    mentor.contacts = Some(revmap::domain::case::Contacts {
        email: Some("anna@example.org".into()),
        phone: None,
    });
    // Typed into a map, the surname and the address must not slip through either.
    let goal = s.maps[0]
        .passport
        .get(revmap::domain::session::Field::Goal)
        .clone();
    *s.maps[0]
        .passport
        .get_mut(revmap::domain::session::Field::Goal) =
        format!("{goal} Zwetajewa: anna@example.org");
    // And the session plan: who presents, an item's title.
    assert!(!s.room.plan.is_empty(), "the demo has a plan");
    s.room.plan[0].presenter = Some("Team Zwetajewa".into());
    s.room.plan[1].title = "Call anna@example.org".into();
    for lang in [Lang::En, Lang::Ru] {
        for f in [Format::Md, Format::Html] {
            let hidden = f.render(&session_doc(
                &s,
                Options {
                    lang,
                    privacy: Privacy::HIDDEN,
                },
            ));
            assert!(!hidden.contains("Zwetajewa") && !hidden.contains("anna@example.org"));
            assert!(
                hidden.contains("Z.:"),
                "the typed surname became its initial"
            );
            assert!(
                hidden.contains("Team Z."),
                "the plan's presenter is redacted"
            );
            let age = format!("age {},", mentor_age);
            if lang == Lang::En {
                assert!(!hidden.contains(&age), "the reasons keep ages out");
            }
            let shown = f.render(&session_doc(
                &s,
                Options {
                    lang,
                    privacy: Privacy::REVEALED,
                },
            ));
            assert!(
                shown.contains("Zwetajewa") && shown.contains("anna@example.org"),
                "{f:?} {lang:?}"
            );
            assert!(
                lang == Lang::Ru || shown.contains(&age),
                "revealed, ages are back"
            );
        }
    }
}
