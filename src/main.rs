//! The `kense` binary: all of it lives in the library, so tests reach the same code.

fn main() -> std::process::ExitCode {
    kense::cli::main()
}
