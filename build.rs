//! Compiles the eligibility wizard (`wizard/`) to WebAssembly, so that the
//! README's normal `cargo run --release -- build` embeds it. The binary includes
//! it with `include_bytes!(concat!(env!("OUT_DIR"), "/wizard.wasm"))`.
//!
//! This script never breaks the build and never changes the user's toolchain:
//! the `wasm32-unknown-unknown` target is declared in `rust-toolchain.toml` and
//! installed by `tests/run`; when it is missing, or the nested build fails, a
//! `cargo:warning` says so and an empty `wizard.wasm` is written, and the site's
//! wizard page shows its rules as a static table instead of the interactive
//! wizard.
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
    let dest = out_dir.join("wizard.wasm");
    if let Err(why) = compile(&root, &out_dir, &dest) {
        println!("cargo:warning=assistant interactif non compilé ({why}) : la page de l'assistant montrera le tableau des règles ; `rustup target add {TARGET}` puis reconstruisez");
        if let Err(e) = std::fs::write(&dest, b"") {
            panic!("écriture de {} impossible : {e}", dest.display());
        }
    }
}

/// Builds the wizard crate for the browser into `dest`.
fn compile(root: &Path, out_dir: &Path, dest: &Path) -> Result<(), String> {
    let target_lib = target_lib();
    if !target_lib.is_dir() {
        // A path that does not exist makes cargo run this script again on every build, so the
        // wizard is compiled as soon as the target is installed.
        println!("cargo:rerun-if-changed={}", target_lib.display());
        return Err(format!("la cible {TARGET} n'est pas installée"));
    }

    let target_dir = out_dir.join("wasm-target");
    let cargo = env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(cargo);
    command
        .current_dir(root)
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
        .arg(&target_dir)
        // The outer lock file decides the versions; offline when the outer build is.
        .arg("--locked");
    if env::var_os("CARGO_NET_OFFLINE").is_some_and(|v| v == "true" || v == "1") {
        command.arg("--offline");
    }
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

    let status = command
        .status()
        .map_err(|e| format!("cargo introuvable : {e}"))?;
    if !status.success() {
        return Err("la compilation de wizard/ a échoué, voir ci-dessus".into());
    }
    let built = target_dir.join(TARGET).join("wasm").join("wizard.wasm");
    std::fs::copy(&built, dest)
        .map(|_| ())
        .map_err(|e| format!("copie de {} impossible : {e}", built.display()))
}

/// Where the standard library for `wasm32-unknown-unknown` lives when installed.
fn target_lib() -> PathBuf {
    let rustc = env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let sysroot = Command::new(&rustc)
        .args(["--print", "sysroot"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| PathBuf::from(String::from_utf8_lossy(&o.stdout).trim()))
        .unwrap_or_default();
    sysroot.join("lib/rustlib").join(TARGET)
}
