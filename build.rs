//! Compiles the eligibility wizard (`wizard/`) to WebAssembly, so that the
//! README's normal `cargo run --release -- build` embeds it: nothing to
//! install by hand. The binary includes it with
//! `include_bytes!(concat!(env!("OUT_DIR"), "/wizard.wasm"))`.
//!
//! A nested `cargo` builds only the `wizard` crate, for `wasm32-unknown-unknown`,
//! without its `native` feature (no TOML parser, no serde), in a target
//! directory of its own under `OUT_DIR` so it never waits on the lock of the
//! outer build. Its size profile is passed with `--config`, so it holds
//! whatever the workspace's `[profile.*]` say.

use std::env;
use std::path::{Path, PathBuf};
use std::process::Command;

const TARGET: &str = "wasm32-unknown-unknown";

fn main() {
    let root = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    let out_dir = PathBuf::from(env::var_os("OUT_DIR").expect("OUT_DIR"));
    for path in ["wizard/src", "wizard/Cargo.toml", "Cargo.lock", "build.rs"] {
        println!("cargo:rerun-if-changed={path}");
    }
    ensure_target_installed();

    let target_dir = out_dir.join("wasm-target");
    let cargo = env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(cargo);
    command
        .current_dir(&root)
        .args(["rustc", "--lib", "--manifest-path"])
        .arg(root.join("wizard/Cargo.toml"))
        .args([
            "--target",
            TARGET,
            "--no-default-features",
            "--crate-type",
            "cdylib",
        ])
        .args(["--profile", "wasm"])
        // Small and fast to load: the size budget is 60 KB gzipped.
        .args(["--config", "profile.wasm.inherits=\"release\""])
        .args(["--config", "profile.wasm.opt-level=\"z\""])
        .args(["--config", "profile.wasm.lto=true"])
        .args(["--config", "profile.wasm.codegen-units=1"])
        .args(["--config", "profile.wasm.panic=\"abort\""])
        .args(["--config", "profile.wasm.strip=true"])
        .args(["--config", "profile.wasm.debug=false"])
        .arg("--target-dir")
        .arg(&target_dir);
    // Flags and wrappers meant for the host build (coverage, sanitizers,
    // clippy-driver…) must not leak into the WebAssembly build.
    for var in [
        "RUSTFLAGS",
        "CARGO_ENCODED_RUSTFLAGS",
        "CARGO_BUILD_RUSTFLAGS",
        "RUSTC_WORKSPACE_WRAPPER",
        "CARGO_TARGET_DIR",
        "CARGO_BUILD_TARGET",
        "CARGO_BUILD_TARGET_DIR",
    ] {
        command.env_remove(var);
    }
    for (key, _) in env::vars_os() {
        let key = key.to_string_lossy();
        if key.starts_with("CARGO_CFG_") || key.starts_with("CARGO_FEATURE_") {
            command.env_remove(key.as_ref());
        }
    }

    let status = command.status().unwrap_or_else(|e| {
        panic!("impossible de lancer cargo pour compiler l'assistant en WebAssembly : {e}")
    });
    if !status.success() {
        panic!("la compilation de l'assistant (wizard/) en WebAssembly a échoué : voir les erreurs ci-dessus");
    }
    let built = target_dir.join(TARGET).join("wasm").join("wizard.wasm");
    let dest = out_dir.join("wizard.wasm");
    std::fs::copy(&built, &dest).unwrap_or_else(|e| {
        panic!(
            "copie de {} vers {} impossible : {e}",
            built.display(),
            dest.display()
        )
    });
}

/// The standard library for `wasm32-unknown-unknown` must be in the sysroot;
/// if not, ask rustup for it once, and stop with a clear message otherwise.
fn ensure_target_installed() {
    let rustc = env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let sysroot = Command::new(&rustc)
        .args(["--print", "sysroot"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| PathBuf::from(String::from_utf8_lossy(&o.stdout).trim()));
    if sysroot.as_deref().is_some_and(has_target) {
        return;
    }
    let added = Command::new("rustup")
        .args(["target", "add", TARGET])
        .status()
        .is_ok_and(|s| s.success());
    if !added || !sysroot.as_deref().is_some_and(has_target) {
        panic!(
            "la cible {TARGET} n'est pas installée et `rustup target add {TARGET}` a échoué ; \
             installez-la puis relancez la construction (l'assistant d'éligibilité est compilé en WebAssembly)"
        );
    }
}

fn has_target(sysroot: &Path) -> bool {
    sysroot.join("lib/rustlib").join(TARGET).is_dir()
}
