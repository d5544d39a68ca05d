import CMalloc

/// How the process asks glibc to place large buffers. By default glibc raises its mmap threshold
/// each time a large mapped buffer is freed (up to 32 MB), so the arrays of a large table made
/// after that land in the heap, where freeing them gives nothing back: the peak of one 50 MB
/// form then depends on the order of its allocations (480 or 500 MiB for the same data). A fixed
/// threshold keeps every buffer of 1 MB or more mapped and returned when freed (460 MiB). Below
/// it, a batch's per-file buffers (a few hundred KB at most) are served from the heap as before.
enum LargeBuffers {
    static let mappedFrom: Int32 = 1 << 20

    static func mapAlways() {
        _ = cmalloc_map_buffers_from(mappedFrom)
    }
}
