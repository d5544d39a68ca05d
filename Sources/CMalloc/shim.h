#include <malloc.h>

// mallopt and M_MMAP_THRESHOLD live in <malloc.h>, which Swift's Glibc module does not import.
// A fixed threshold also stops glibc from raising it as large mapped buffers are freed.
static inline int cmalloc_map_buffers_from(int bytes) {
    return mallopt(M_MMAP_THRESHOLD, bytes);
}
