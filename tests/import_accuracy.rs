//! Topic mapping accuracy on the labelled fixture: every free-text entry a teacher might write,
//! with the topic a trainer would choose. Prints the figure recorded in docs/import.md.

use std::path::Path;

use revmap::import::default_base;
use revmap::import::topics::{Matcher, THRESHOLD, is_non_answer};

struct Labelled {
    expected: String,
    text: String,
}

fn labelled() -> Vec<Labelled> {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/topics-labelled.tsv");
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let (expected, text) = l.split_once('\t').expect("expected<TAB>text");
            Labelled {
                expected: expected.to_string(),
                text: text.to_string(),
            }
        })
        .collect()
}

#[derive(Debug, PartialEq)]
enum Outcome {
    /// Accepted the expected topic, kept an unknown entry for review, or dropped a non-answer.
    Correct,
    /// Sent a known topic to review: safe, the trainer fixes it.
    Missed,
    /// Accepted a topic other than the expected one: the error that must never happen.
    Wrong,
}

fn judge(m: &Matcher, l: &Labelled) -> (Outcome, String, f64) {
    if is_non_answer(&l.text) {
        let o = if l.expected == "skip" {
            Outcome::Correct
        } else {
            Outcome::Missed
        };
        return (o, "skip".into(), 0.0);
    }
    let best = m.best(&l.text);
    let (got, conf) = best.as_ref().map_or(("none".to_string(), 0.0), |b| {
        (b.topic.clone(), b.confidence)
    });
    let accepted = conf >= THRESHOLD;
    let outcome = match (accepted, l.expected.as_str()) {
        (true, e) if e == got => Outcome::Correct,
        (true, _) => Outcome::Wrong,
        (false, "none") => Outcome::Correct,
        (false, _) => Outcome::Missed,
    };
    (outcome, got, conf)
}

#[test]
fn topic_mapping_is_accurate_and_never_confidently_wrong() {
    let base = default_base();
    let m = Matcher::new(&base.catalogue);
    let all = labelled();
    assert!(all.len() >= 120, "the fixture has {} entries", all.len());
    let mut correct = 0;
    let mut wrong = Vec::new();
    for l in &all {
        let (outcome, got, conf) = judge(&m, l);
        match outcome {
            Outcome::Correct => correct += 1,
            Outcome::Missed => {
                println!("missed  {:<16} {conf:.2} {got:<16} {}", l.expected, l.text)
            }
            Outcome::Wrong => {
                println!("WRONG   {:<16} {conf:.2} {got:<16} {}", l.expected, l.text);
                wrong.push(l.text.clone());
            }
        }
    }
    let accuracy = correct as f64 / all.len() as f64;
    println!(
        "topic mapping: {correct}/{} correct ({:.1}%), {} wrong above threshold {THRESHOLD}",
        all.len(),
        accuracy * 100.0,
        wrong.len()
    );
    assert!(wrong.is_empty(), "confidently wrong: {wrong:?}");
    assert!(
        accuracy >= 0.95,
        "accuracy {:.1}% is below 95%",
        accuracy * 100.0
    );
}
