//! `revmap pair` through the real binary: modes, formats, the dumped graph, timings, errors.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn revmap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_revmap"))
        .args(args)
        .env("LANG", "C")
        .output()
        .expect("run revmap")
}

fn path(rel: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(rel)
        .to_string_lossy()
        .into_owned()
}

const MODES: [&str; 5] = ["one-to-one", "group", "network", "mutual", "choose"];

#[test]
fn every_mode_and_format_works_on_the_demo() {
    let demo = path("scenarios/demo.ron");
    for mode in MODES {
        let text = revmap(&["pair", &demo, "--mode", mode]);
        assert_eq!(text.status.code(), Some(0), "{mode}");
        let out = String::from_utf8(text.stdout).unwrap();
        assert!(
            out.contains(" → ") && out.contains("deficit"),
            "{mode}: {out}"
        );

        let json = revmap(&["pair", &demo, "--mode", mode, "--format", "json"]);
        assert_eq!(json.status.code(), Some(0));
        let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
        assert_eq!(v["format"], "revmap-pairing");
        assert_eq!(v["mode"], mode);
        let pairs = v["result"]["pairs"].as_array().unwrap();
        assert!(!pairs.is_empty());
        assert_eq!(v["reasons"]["pairs"].as_array().unwrap().len(), pairs.len());

        let ron = revmap(&["pair", &demo, "--mode", mode, "--format", "ron"]);
        assert_eq!(ron.status.code(), Some(0));
        let text = String::from_utf8(ron.stdout).unwrap();
        let parsed: Result<ron::Value, _> = ron::from_str(&text);
        assert!(parsed.is_ok(), "{mode}: RON parses");
    }
}

#[test]
fn output_is_byte_for_byte_deterministic() {
    let case = path("tests/fixtures/pairing/school-291-mini.ron");
    for mode in MODES {
        let a = revmap(&["pair", &case, "--mode", mode, "--format", "json"]);
        let b = revmap(&["pair", &case, "--mode", mode, "--format", "json"]);
        assert_eq!(a.stdout, b.stdout, "{mode}");
    }
}

#[test]
fn language_follows_the_flag() {
    let case = path("tests/fixtures/pairing/passport.ron");
    let ru = revmap(&["pair", &case, "--mode", "mutual", "--lang", "ru"]);
    let en = revmap(&["pair", &case, "--mode", "mutual", "--lang", "en"]);
    let (ru, en) = (
        String::from_utf8(ru.stdout).unwrap(),
        String::from_utf8(en.stdout).unwrap(),
    );
    assert!(ru.contains("научит") && ru.contains("взамен"), "{ru}");
    assert!(
        en.contains("will teach") && en.contains("in return"),
        "{en}"
    );
}

/// The largest total weight of any matching that respects the left capacities, by trying
/// every choice for every right node (small graphs only).
fn brute_bipartite(cap: &mut Vec<u64>, by_right: &[Vec<(usize, i64)>], j: usize) -> i64 {
    if j == by_right.len() {
        return 0;
    }
    let mut best = brute_bipartite(cap, by_right, j + 1);
    for &(i, w) in &by_right[j] {
        if cap[i] > 0 {
            cap[i] -= 1;
            best = best.max(w + brute_bipartite(cap, by_right, j + 1));
            cap[i] += 1;
        }
    }
    best
}

fn brute_general(n: usize, edges: &[(usize, usize, i64)], v: usize, used: &mut Vec<bool>) -> i64 {
    let Some(v) = (v..n).find(|&x| !used[x]) else {
        return 0;
    };
    used[v] = true;
    let mut best = brute_general(n, edges, v + 1, used);
    for &(a, b, w) in edges {
        let other = if a == v {
            b
        } else if b == v {
            a
        } else {
            continue;
        };
        if !used[other] {
            used[other] = true;
            best = best.max(w + brute_general(n, edges, v + 1, used));
            used[other] = false;
        }
    }
    used[v] = false;
    best
}

fn triples(v: &serde_json::Value) -> Vec<(usize, usize, i64)> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e[0].as_u64().unwrap() as usize,
                e[1].as_u64().unwrap() as usize,
                e[2].as_i64().unwrap(),
            )
        })
        .collect()
}

/// The dumped graph's `objective` is its maximum-weight matching, checked by brute force.
#[test]
fn dumped_graph_objective_is_its_optimum() {
    let dir = tempfile::tempdir().unwrap();
    let demo = path("scenarios/demo.ron");
    for mode in ["one-to-one", "group", "network", "mutual"] {
        let file: PathBuf = dir.path().join(format!("{mode}.json"));
        let out = revmap(&[
            "pair",
            &demo,
            "--mode",
            mode,
            "--dump-graph",
            file.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(0), "{mode}");
        let g: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let edges = triples(&g["edges"]);
        assert!(!edges.is_empty());
        assert!(edges.iter().all(|e| e.2 > 0), "weights are positive");
        let best = if mode == "mutual" {
            assert_eq!(g["kind"], "general");
            let n = g["nodes"].as_u64().unwrap() as usize;
            brute_general(n, &edges, 0, &mut vec![false; n])
        } else {
            assert_eq!(g["kind"], "bipartite");
            let right = g["right"].as_u64().unwrap() as usize;
            let mut cap: Vec<u64> = g["capacity"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c.as_u64().unwrap())
                .collect();
            let mut by_right = vec![Vec::new(); right];
            for &(i, j, w) in &edges {
                by_right[j].push((i, w));
            }
            brute_bipartite(&mut cap, &by_right, 0)
        };
        assert_eq!(g["objective"].as_i64().unwrap(), best, "{mode}");
    }
}

#[test]
fn dump_graph_is_refused_in_choose_mode() {
    let out = revmap(&[
        "pair",
        &path("scenarios/demo.ron"),
        "--mode",
        "choose",
        "--dump-graph",
        "/tmp/x.json",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("choose mode"));
}

#[test]
fn timings_go_to_stderr() {
    let out = revmap(&[
        "pair",
        &path("scenarios/demo.ron"),
        "--timings",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("build") && err.contains("solve") && err.contains(" ms"),
        "{err}"
    );
    serde_json::from_slice::<serde_json::Value>(&out.stdout).expect("stdout stays clean JSON");
}

#[test]
fn a_bad_case_is_a_located_error_with_exit_2() {
    let out = revmap(&["pair", &path("tests/fixtures/bad/unknown-topic.ron")]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("unknown-topic.ron:") && err.contains("unknown topic"),
        "{err}"
    );
    let missing = revmap(&["pair", "/nonexistent/case.ron"]);
    assert_eq!(missing.status.code(), Some(2));
    let bad_mode = revmap(&["pair", &path("scenarios/demo.ron"), "--mode", "pairs"]);
    assert_eq!(bad_mode.status.code(), Some(2));
}
