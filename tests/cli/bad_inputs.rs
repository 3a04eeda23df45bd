//! Every kind of bad input, from a directory of cases: each gets its documented exit code,
//! one clear line saying what, where and how to fix it, no panic, and nothing written.
//!
//! A case is `tests/fixtures/bad-inputs/NAME/case.yaml` (`args`, `code`, `stderr`, and
//! optionally `read_only: DIR`, `huge: FILE` for a 9 MB file, `symlink: [LINK, TARGET]`)
//! beside the files it needs, which are copied into a scratch repository before `decide`
//! runs there. Each case is its own test, named after its directory (`-` becomes `_`), so
//! one failure hides no other; a case directory missing from the list fails a test too.

use std::collections::BTreeMap;
use std::fs;
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

/// One test per case directory, by name.
macro_rules! bad_inputs {
    ($($(#[$attribute:meta])* $name:ident,)*) => {
        /// The case directories the tests below cover, as named on disk.
        const LISTED: &[&str] = &[$(stringify!($name)),*];
        $(
            $(#[$attribute])*
            #[test]
            fn $name() {
                check_case(&stringify!($name).replace('_', "-"));
            }
        )*
    };
}

bad_inputs! {
    adr_dir_empty,
    answers_absurd_duration,
    answers_bad_date,
    answers_choice_not_offered,
    answers_deadline_passed,
    answers_empty_title,
    answers_file_missing,
    answers_missing_required,
    answers_negative_duration,
    answers_nonsense_duration,
    answers_not_a_mapping,
    answers_not_utf8,
    answers_not_yaml,
    answers_one_option,
    answers_option_fields,
    answers_option_c_undated,
    answers_playbook_conflict,
    answers_title_absolute_path,
    answers_title_control_characters,
    answers_title_path,
    answers_title_too_long,
    answers_unknown_key,
    answers_unknown_playbook,
    answers_unknown_unit,
    answers_wrong_type,
    bad_today,
    config_bad_period,
    config_missing_template,
    config_not_yaml,
    config_unknown_field,
    log_dir_flag_is_a_file,
    log_dir_is_a_file,
    log_dir_missing,
    #[cfg(unix)] log_dir_read_only,
    new_with_review_playbook,
    no_terminal,
    playbook_assessment_missing_input,
    playbook_assessment_without_question,
    playbook_broken_in_playbooks_dir,
    playbook_confirm_without_default,
    playbook_duplicate_question,
    playbook_file_missing,
    playbook_misspelt_condition,
    playbook_not_yaml,
    playbook_unknown_field,
    playbook_unknown_framework,
    playbook_unknown_passage,
    playbook_unknown_template,
    playbook_wrong_kind_for_input,
    playbooks_dir_missing,
    record_empty,
    record_huge,
    record_not_utf8,
    record_number_missing,
    record_status_unknown,
    #[cfg(unix)] record_symlink,
    template_flag_wrong_playbook,
    template_misspelt_name,
    template_syntax_error,
}

#[test]
fn every_case_directory_has_its_test() {
    let mut on_disk: Vec<String> = fs::read_dir(CASES)
        .unwrap()
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let listed: Vec<String> = LISTED.iter().map(|n| n.replace('_', "-")).collect();
    let missing: Vec<&String> = on_disk.iter().filter(|n| !listed.contains(n)).collect();
    assert!(
        missing.is_empty(),
        "add these cases to bad_inputs!: {missing:?}"
    );
    let gone: Vec<&String> = listed.iter().filter(|n| !on_disk.contains(n)).collect();
    assert!(
        gone.is_empty(),
        "these listed cases have no directory: {gone:?}"
    );
}

/// Run one case: its documented exit code, its message on one `error:` line, no panic,
/// and the repository exactly as it was.
fn check_case(name: &str) {
    let dir = Path::new(CASES).join(name);
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
        set_mode(read_only, 0o555);
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
        symlink(to, &path);
    }
    let before = tree(repo.path());

    let output = decide(repo.path()).args(&args).output().unwrap();
    let shown = stderr(&output);

    if let Some(read_only) = &read_only {
        set_mode(read_only, 0o755);
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

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

#[cfg(not(unix))]
fn set_mode(_: &Path, _: u32) {
    panic!("read-only directories are set up on Unix only; mark the case #[cfg(unix)]");
}

#[cfg(unix)]
fn symlink(target: &str, link: &Path) {
    std::os::unix::fs::symlink(target, link).unwrap();
}

#[cfg(not(unix))]
fn symlink(_: &str, _: &Path) {
    panic!("links are set up on Unix only; mark the case #[cfg(unix)]");
}
