//! Every kind of bad input, from a directory of cases: each gets its documented exit code,
//! one clear line saying what, where and how to fix it, no panic, and nothing written.
//!
//! A case is `tests/fixtures/bad-inputs/NAME/case.yaml` (`args`, `code`, `stderr`, and
//! optionally `read_only: DIR`, `huge: FILE` for a 9 MB file, `symlink: [LINK, TARGET]`)
//! beside the files it needs, which are copied into a scratch repository before `decide`
//! runs there.

use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use serde_yaml::Value;

use crate::support::{decide, repo, stderr};

const CASES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/bad-inputs");

/// Every file under `dir` (but `.git`) with its bytes, to prove nothing was written.
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        for entry in fs::read_dir(&current).unwrap().flatten() {
            let path = entry.path();
            if path.file_name().is_some_and(|n| n == ".git") {
                continue;
            }
            if path.is_symlink() {
                files.insert(
                    path.clone(),
                    fs::read_link(&path)
                        .unwrap()
                        .into_os_string()
                        .into_encoded_bytes(),
                );
            } else if path.is_dir() {
                files.insert(path.clone(), Vec::new());
                pending.push(path);
            } else {
                files.insert(path.clone(), fs::read(&path).unwrap_or_default());
            }
        }
    }
    files
}

fn copy_into(from: &Path, to: &Path) {
    for entry in fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            fs::create_dir_all(&target).unwrap();
            copy_into(&entry.path(), &target);
        } else if entry.file_name() != "case.yaml" {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

fn field<'a>(case: &'a Value, key: &str) -> Option<&'a Value> {
    case.as_mapping().and_then(|m| m.get(key))
}

#[test]
fn every_bad_input_gets_its_exit_code_and_one_clear_line() {
    let mut names: Vec<PathBuf> = fs::read_dir(CASES)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    names.sort();
    assert!(names.len() >= 30, "{} cases", names.len());
    for dir in names {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let spec_path = dir.join("case.yaml");
        let case: Value = serde_yaml::from_str(&fs::read_to_string(&spec_path).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", spec_path.display()));
        let args: Vec<String> = field(&case, "args")
            .and_then(Value::as_sequence)
            .expect("args")
            .iter()
            .map(|a| a.as_str().unwrap().to_string())
            .collect();
        let code = field(&case, "code").and_then(Value::as_i64).expect("code") as i32;
        let message = field(&case, "stderr")
            .and_then(Value::as_str)
            .expect("stderr");

        let repo = repo();
        copy_into(&dir, repo.path());
        let read_only = field(&case, "read_only")
            .and_then(Value::as_str)
            .map(|d| repo.path().join(d));
        if let Some(read_only) = &read_only {
            fs::create_dir_all(read_only).unwrap();
            fs::set_permissions(read_only, fs::Permissions::from_mode(0o555)).unwrap();
        }
        if let Some(huge) = field(&case, "huge").and_then(Value::as_str) {
            let path = repo.path().join(huge);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(&path, "a".repeat(9_000_000)).unwrap();
        }
        if let Some(link) = field(&case, "symlink").and_then(Value::as_sequence) {
            let (from, to) = (link[0].as_str().unwrap(), link[1].as_str().unwrap());
            let path = repo.path().join(from);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::os::unix::fs::symlink(to, &path).unwrap();
        }
        let before = tree(repo.path());

        let output = decide(repo.path()).args(&args).output().unwrap();
        let shown = stderr(&output);

        if let Some(read_only) = &read_only {
            fs::set_permissions(read_only, fs::Permissions::from_mode(0o755)).unwrap();
        }
        assert_eq!(output.status.code(), Some(code), "{name}: {shown}");
        assert!(
            shown.contains(message),
            "{name}: expected {message:?} in:\n{shown}"
        );
        assert_eq!(
            shown.lines().filter(|l| l.starts_with("error:")).count(),
            1,
            "{name}: one error line in:\n{shown}"
        );
        assert!(!shown.contains("panicked"), "{name}: {shown}");
        assert_eq!(tree(repo.path()), before, "{name}: nothing is written");
    }
}
