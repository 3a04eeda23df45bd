//! The published crate builds the same `decide`: `cargo package` ships every file build.rs
//! embeds from `playbooks/`, the legal files and the docs, and leaves the test fixtures
//! (shaped after real-world logs), the fuzzers and the benches in the repository.

use std::fs;
use std::path::Path;
use std::process::Command;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The files `cargo package` would ship, as paths relative to the package root. `--list`
/// reads only the manifest and the working tree, so it needs neither network nor a build.
fn packaged_files() -> Vec<String> {
    let output = Command::new(env!("CARGO"))
        .args(["package", "--list", "--allow-dirty", "--offline", "--quiet"])
        .arg("--manifest-path")
        .arg(Path::new(ROOT).join("Cargo.toml"))
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "cargo package --list failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout)
        .expect("UTF-8 file list")
        .lines()
        .map(str::to_string)
        .collect()
}

/// Every file under `dir` that build.rs embeds (it skips dotfiles), relative to the root.
fn embedded_files(dir: &Path, found: &mut Vec<String>) {
    for entry in fs::read_dir(dir).expect("a readable directory").flatten() {
        let path = entry.path();
        if path.is_dir() {
            embedded_files(&path, found);
        } else if !entry.file_name().to_string_lossy().starts_with('.') {
            let relative = path.strip_prefix(ROOT).expect("under the root");
            found.push(relative.to_string_lossy().replace('\\', "/"));
        }
    }
}

#[test]
fn the_package_ships_every_embedded_playbook_passage_template_and_word_list() {
    let packaged = packaged_files();
    let mut embedded = Vec::new();
    embedded_files(&Path::new(ROOT).join("playbooks"), &mut embedded);
    assert!(
        embedded
            .iter()
            .any(|f| f.starts_with("playbooks/passages/")),
        "the passages are among the embedded files: {embedded:?}"
    );
    let missing: Vec<&String> = embedded
        .iter()
        .filter(|file| !packaged.contains(file))
        .collect();
    assert!(missing.is_empty(), "not packaged: {missing:?}");
}

#[test]
fn the_package_ships_the_build_script_docs_and_legal_files() {
    let packaged = packaged_files();
    for file in [
        "build.rs",
        "src/main.rs",
        "README.md",
        "CHANGELOG.md",
        "LICENSE-MIT",
        "LICENSE-APACHE",
        "docs/user-guide.md",
        "examples/decision.yaml",
    ] {
        assert!(packaged.iter().any(|f| f == file), "{file} is not packaged");
    }
}

#[test]
fn the_package_leaves_fixtures_fuzzers_and_benches_out() {
    let packaged = packaged_files();
    let stray: Vec<&String> = packaged
        .iter()
        .filter(|f| {
            ["tests/", "fuzz/", "benches/", "target/"]
                .iter()
                .any(|dir| f.starts_with(dir))
        })
        .collect();
    assert!(stray.is_empty(), "packaged but should not be: {stray:?}");
}
