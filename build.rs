//! Embeds everything under `playbooks/` (playbooks, passages, templates, word lists) and the
//! answers files under `examples/` in the binary, so `decide` works from any directory with
//! no files on disk, and `decide playbooks example ID` has an example to print.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

fn main() {
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap()).join("playbooks");
    println!("cargo:rerun-if-changed={}", root.display());

    let examples = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap()).join("examples");
    println!("cargo:rerun-if-changed={}", examples.display());

    let mut code = String::new();
    for (name, doc, dir) in [
        ("FILES", "Files under `playbooks/`", &root),
        ("EXAMPLES", "Answers files under `examples/`", &examples),
    ] {
        let mut files = Vec::new();
        collect(dir, dir, &mut files);
        files.sort();
        writeln!(
            code,
            "/// {doc}, by path relative to it, with `/` separators."
        )
        .unwrap();
        writeln!(code, "pub(crate) static {name}: &[(&str, &str)] = &[").unwrap();
        for (relative, absolute) in &files {
            writeln!(code, "    ({relative:?}, include_str!({absolute:?})),").unwrap();
        }
        code.push_str("];\n");
    }
    let out = PathBuf::from(env::var("OUT_DIR").unwrap()).join("embedded.rs");
    fs::write(out, code).unwrap();
}

fn collect(root: &Path, dir: &Path, files: &mut Vec<(String, String)>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(root, &path, files);
        } else if path
            .file_name()
            .is_some_and(|n| !n.to_string_lossy().starts_with('.'))
        {
            let relative = path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            files.push((relative, path.to_string_lossy().into_owned()));
        }
    }
}
