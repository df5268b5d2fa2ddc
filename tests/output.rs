//! The output folder as a host sees it while editors rebuild: always a whole site, never a
//! moment without one, and a stamp that marks it as portail's.

mod common;
use common::*;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Instant;

#[test]
fn a_rebuild_never_leaves_a_moment_without_a_site() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let site = tmp.path();
    copy_dir(&repo().join("content"), &site.join("content"));
    let first = portail(site, &["build", "--date", DATE]);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let index = site.join("public/index.html");
    let stamp = site.join("public/.portail-sortie");
    assert!(stamp.is_file(), "the output carries portail's stamp");

    let done = AtomicBool::new(false);
    let (polls, misses) = (AtomicUsize::new(0), AtomicUsize::new(0));
    std::thread::scope(|s| {
        s.spawn(|| {
            while !done.load(Ordering::Relaxed) {
                polls.fetch_add(1, Ordering::Relaxed);
                if !index.is_file() {
                    misses.fetch_add(1, Ordering::Relaxed);
                }
            }
        });
        let started = Instant::now();
        for _ in 0..10 {
            let o = portail(site, &["build", "--date", DATE]);
            assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        }
        eprintln!("10 rebuilds in {} ms", started.elapsed().as_millis());
        done.store(true, Ordering::Relaxed);
    });
    let (polls, misses) = (polls.into_inner(), misses.into_inner());
    assert!(polls > 1000, "only {polls} polls");
    assert_eq!(
        misses, 0,
        "public/index.html was missing {misses} times in {polls} polls"
    );
    // Nothing left beside the output: no staging or retired copies.
    let leftovers: Vec<_> = std::fs::read_dir(site)
        .expect("site")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
