/// The version `forceplan --version` prints. The Makefile reads it from this line for the
/// Debian package (`make deb`): keep it a plain string literal, `MAJOR.MINOR.PATCH`.
let forcePlanVersion = "0.1.0"
