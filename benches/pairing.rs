//! Criterion benchmarks of the pairing engine: every mode on synthetic cases (`gen-case`) of
//! 100, 1,000 and 10,000 participants. The case and its candidate graph are built outside the
//! timed part for `solve`; `build` times the candidate graph alone.
//!
//! Run: `cargo bench --bench pairing` (or `cargo bench --bench pairing -- pairing/1000/`).
//! The 10,000 sizes take minutes and use the minimum sample size; network and mutual at 10,000
//! take minutes per iteration, so they run only with `REVMAP_BENCH_ALL=1`.

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};

use revmap::domain::case::Case;
use revmap::domain::pairing::{Mode, Overrides, Problem};
use revmap::domain::synth::{GenSpec, generate};

fn case(n: usize) -> Case {
    generate(&GenSpec {
        participants: n,
        topics: 25,
        seed: 1,
        lang: "en".into(),
    })
}

fn bench(c: &mut Criterion) {
    for n in [100, 1_000, 10_000] {
        let case = case(n);
        let mut group = c.benchmark_group(format!("pairing/{n}"));
        if n >= 10_000 {
            group.sample_size(10);
        }
        let all = std::env::var_os("REVMAP_BENCH_ALL").is_some();
        for mode in Mode::ALL {
            if n >= 10_000 && matches!(mode, Mode::Network | Mode::Mutual) && !all {
                continue;
            }
            let none = Overrides::default();
            group.bench_function(format!("{}/solve", mode.key()), |b| {
                b.iter_batched(
                    || Problem::build(&case, mode, &none).expect("a valid case"),
                    |p| p.optimise().pairing(),
                    BatchSize::LargeInput,
                )
            });
            if n <= 1_000 {
                group.bench_function(format!("{}/build", mode.key()), |b| {
                    b.iter(|| Problem::build(&case, mode, &none).expect("a valid case"))
                });
            }
        }
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
