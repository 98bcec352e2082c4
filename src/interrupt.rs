//! SIGINT and SIGTERM: a run stops reading at the next batch, leaves no temporary file, and
//! publishes nothing (exit 130); a run that is already publishing its tables finishes doing so,
//! so a reader never sees one run's quotes beside another's articles. A second signal ends the
//! process at once. (SIGKILL cannot be caught: an incremental run's next run cleans up after it,
//! a table run's temporary files, `.NAME.tmp-PID`, stay.)

use std::sync::atomic::{AtomicBool, Ordering};

static INTERRUPTED: AtomicBool = AtomicBool::new(false);

extern "C" fn on_signal(signal: libc::c_int) {
    if INTERRUPTED.swap(true, Ordering::SeqCst) {
        // SAFETY: `_exit` is async-signal-safe.
        unsafe { libc::_exit(128 + signal) };
    }
}

/// Catches SIGINT and SIGTERM for the rest of the process.
pub fn install() {
    for signal in [libc::SIGINT, libc::SIGTERM] {
        // SAFETY: the handler only touches an atomic and calls `_exit`, both async-signal-safe.
        unsafe { libc::signal(signal, on_signal as *const () as libc::sighandler_t) };
    }
}

/// Whether SIGINT or SIGTERM came.
pub fn interrupted() -> bool {
    INTERRUPTED.load(Ordering::SeqCst)
}
