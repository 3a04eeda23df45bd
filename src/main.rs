#![forbid(unsafe_code)]
fn main() -> std::process::ExitCode {
    decide::run(std::env::args_os())
}
