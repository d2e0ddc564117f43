import CMalloc
import Foundation
import SpeckitCLI
import SpeckitCore

// Buffers of a megabyte or more (a large document's JSON) are mapped and returned to the system when freed,
// instead of fragmenting the heap: `parse` of a 250 MB tree peaks near 90 MB instead of 100. Only the
// executable sets this; the library leaves the process's allocator alone.
_ = mallopt(M_MMAP_THRESHOLD, 1 << 20)
// SIGQUIT (Ctrl-\) ends speckit as SIGTERM does, quietly with 131: not with the Swift runtime's crash
// backtrace, which is for crashes. `speckit run` handles it as it handles SIGTERM (see RunSignals).
// Unblocked too: a parent that blocked it (a test runner's thread) would otherwise leave it pending.
_ = signal(SIGQUIT) { _ in _exit(128 + SIGQUIT) }
var quit = sigset_t()
sigemptyset(&quit)
sigaddset(&quit, SIGQUIT)
pthread_sigmask(SIG_UNBLOCK, &quit, nil)
let status = SpeckitMain.runCommandLine()
// `SPECKIT_PHASES=1`: where the time went (scripts/bench.sh prints it).
if PhaseClock.enabled { FileHandle.standardError.write(Data(PhaseClock.summary().utf8)) }
exit(status)
